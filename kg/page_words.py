"""The fixed words of the server's HTML pages in English, Russian and Kazakh, and the
language a request asks for (``?lang=en|ru|kk``)."""

from __future__ import annotations

from starlette.requests import Request

from kg.serving import HTTPError

LANGS = ("en", "ru", "kk")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "graph": "Graph",
        "query": "Query",
        "queries": "Named queries",
        "data": "Data",
        "sparql": "SPARQL endpoint",
        "home": "Home",
        "home_title": "Ata Zan — the Constitution of Kazakhstan as a knowledge graph",
        "home_intro": "The Constitution of the Republic of Kazakhstan adopted by the "
        "referendum of 15 March 2026 (in force from 1 July 2026) as linked data: its sections, "
        "articles, paragraphs and items; the institutions and offices it creates, named in "
        "Kazakh, Russian and English; and the powers, rights, duties and other rules it lays "
        "down, each citing the provision it rests on. Summaries are the project's own words; "
        "the official text is not reproduced.",
        "graph_link": "The graph of powers",
        "graph_what": "who appoints, dismisses, checks and dissolves whom.",
        "query_link": "Query page",
        "query_what": "SPARQL with the named queries as examples.",
        "queries_what": "ready answers, as HTML, JSON, CSV and TSV.",
        "sparql_what": "read-only",
        "dumps": "Dumps",
        "dumps_what": "in Turtle, TriG, N-Quads and JSON-LD, and the",
        "void": "VoID description",
        "browse": "Start browsing",
        "constitution": "the 2026 Constitution",
        "constitution_1995": "the 1995 Constitution (until 30 June 2026)",
        "president": "the President",
        "kurultai": "the Kurultai",
        "art46": "art. 46, item 4",
        "in_graph": "In the graph",
        "limits": (
            "Query time limit {s} s; a result longer than {n} rows is refused whole, never cut."
        ),
        "example": "Example",
        "choose": "choose a named query…",
        "run": "Run",
        "default_graph": "Default graph: the union of all graphs. Prefixes ata: eli: org: "
        "skos: dct: id: action: topic: … are predeclared.",
        "same_query": "The same query as",
        "answer": "Answer",
        "queries_intro": "Each is a file in queries/; the command line runs the same files "
        "(kg query NAME -p key=value). Add .json, .csv or .tsv to a query's address for data.",
        "name": "name",
        "title": "title",
        "parameters": "parameters",
        "conditions": "Conditions",
        "powers": "Powers",
        "version": "Constitution",
        "role": "role",
        "power": "power",
        "article": "article",
        "provision": "provision",
        "rules": "Rules, rights and duties",
        "type": "type",
        "what": "what",
        "statements": "All statements",
        "property": "property",
        "value": "value",
    },
    "ru": {
        "graph": "Граф",
        "query": "Запрос",
        "queries": "Готовые запросы",
        "data": "Данные",
        "sparql": "Точка доступа SPARQL",
        "home": "Главная",
        "home_title": "Ата Заң — Конституция Казахстана как граф знаний",
        "home_intro": "Конституция Республики Казахстан, принятая на референдуме 15 марта "
        "2026 года (вступает в силу 1 июля 2026 года), в виде связанных данных: её разделы, "
        "статьи, пункты и подпункты; учреждаемые ею органы и должности с названиями на "
        "казахском, русском и английском языках; полномочия, права, обязанности и другие "
        "нормы, каждая со ссылкой на свою норму Конституции. Краткие изложения написаны "
        "участниками проекта; официальный текст не воспроизводится.",
        "graph_link": "Граф полномочий",
        "graph_what": "кто кого назначает, освобождает, сдерживает и распускает.",
        "query_link": "Страница запросов",
        "query_what": "SPARQL с готовыми запросами в качестве примеров.",
        "queries_what": "готовые ответы в форматах HTML, JSON, CSV и TSV.",
        "sparql_what": "только чтение",
        "dumps": "Выгрузки",
        "dumps_what": "в форматах Turtle, TriG, N-Quads и JSON-LD, а также",
        "void": "описание VoID",
        "browse": "С чего начать",
        "constitution": "Конституция 2026 года",
        "constitution_1995": "Конституция 1995 года (до 30 июня 2026 года)",
        "president": "Президент",
        "kurultai": "Курултай",
        "art46": "ст. 46, подпункт 4",
        "in_graph": "В графе",
        "limits": (
            "Ограничение времени запроса: {s} с; результат длиннее {n} строк "
            "отклоняется целиком и никогда не обрезается."
        ),
        "example": "Пример",
        "choose": "выберите готовый запрос…",
        "run": "Выполнить",
        "default_graph": "Граф по умолчанию: объединение всех графов. Префиксы ata: eli: "
        "org: skos: dct: id: action: topic: … объявлены заранее.",
        "same_query": "Тот же запрос в формате",
        "answer": "Ответ",
        "queries_intro": "Каждый запрос — файл в каталоге queries/; командная строка "
        "выполняет те же файлы (kg query NAME -p key=value). Добавьте .json, .csv или .tsv "
        "к адресу запроса, чтобы получить данные.",
        "name": "имя",
        "title": "название",
        "parameters": "параметры",
        "conditions": "Условия",
        "powers": "Полномочия",
        "version": "Конституция",
        "role": "роль",
        "power": "полномочие",
        "article": "статья",
        "provision": "норма",
        "rules": "Нормы, права и обязанности",
        "type": "вид",
        "what": "содержание",
        "statements": "Все утверждения",
        "property": "свойство",
        "value": "значение",
    },
    "kk": {
        "graph": "Граф",
        "query": "Сұрау",
        "queries": "Дайын сұраулар",
        "data": "Деректер",
        "sparql": "SPARQL қол жеткізу нүктесі",
        "home": "Басты бет",
        "home_title": "Ата Заң — Қазақстан Конституциясы білім графы ретінде",
        "home_intro": "2026 жылғы 15 наурыздағы референдумда қабылданған (2026 жылғы "
        "1 шілдеден бастап күшіне енеді) Қазақстан Республикасының Конституциясы байланысты "
        "деректер түрінде: оның бөлімдері, баптары, тармақтары мен тармақшалары; ол құратын "
        "органдар мен лауазымдар қазақ, орыс және ағылшын тілдеріндегі атауларымен; "
        "өкілеттіктер, құқықтар, міндеттер және басқа нормалар, әрқайсысы өз ережесіне "
        "сілтемемен. Қысқаша мазмұнын жоба қатысушылары жазған; ресми мәтін берілмейді.",
        "graph_link": "Өкілеттіктер графы",
        "graph_what": "кім кімді тағайындайды, босатады, тежейді және таратады.",
        "query_link": "Сұрау беті",
        "query_what": "мысал ретінде дайын сұраулары бар SPARQL.",
        "queries_what": "HTML, JSON, CSV және TSV пішімдеріндегі дайын жауаптар.",
        "sparql_what": "тек оқу",
        "dumps": "Жүктемелер",
        "dumps_what": "Turtle, TriG, N-Quads және JSON-LD пішімдерінде, сондай-ақ",
        "void": "VoID сипаттамасы",
        "browse": "Неден бастау керек",
        "constitution": "2026 жылғы Конституция",
        "constitution_1995": "1995 жылғы Конституция (2026 жылғы 30 маусымға дейін)",
        "president": "Президент",
        "kurultai": "Құрылтай",
        "art46": "46-бап, 4-тармақша",
        "in_graph": "Графта",
        "limits": (
            "Сұрау уақытының шегі: {s} с; {n} жолдан ұзын нәтиже толығымен "
            "қабылданбайды, ешқашан қысқартылмайды."
        ),
        "example": "Мысал",
        "choose": "дайын сұрауды таңдаңыз…",
        "run": "Орындау",
        "default_graph": "Әдепкі граф: барлық графтардың бірігуі. ata: eli: org: skos: dct: "
        "id: action: topic: … префикстері алдын ала жарияланған.",
        "same_query": "Сол сұрау мына пішімде",
        "answer": "Жауап",
        "queries_intro": "Әр сұрау — queries/ каталогындағы файл; пәрмен жолы сол файлдарды "
        "орындайды (kg query NAME -p key=value). Деректер алу үшін сұрау мекенжайына .json, "
        ".csv немесе .tsv қосыңыз.",
        "name": "атауы",
        "title": "тақырыбы",
        "parameters": "параметрлері",
        "conditions": "Шарттар",
        "powers": "Өкілеттіктер",
        "version": "Конституция",
        "role": "рөлі",
        "power": "өкілеттік",
        "article": "бап",
        "provision": "норма",
        "rules": "Нормалар, құқықтар және міндеттер",
        "type": "түрі",
        "what": "мазмұны",
        "statements": "Барлық тұжырымдар",
        "property": "қасиет",
        "value": "мәні",
    },
}


def page_lang(request: Request) -> str:
    """The language a page is asked in: ``?lang=``, English by default."""
    lang = request.query_params.get("lang", "en")
    if lang not in LANGS:
        raise HTTPError(400, "lang must be en, ru or kk")
    return lang


# The compare view (`kg viz --compare 1995 2026`, `/graph?compare=1995,2026`): its fixed
# words in each language. {old} and {new} are years; nothing else is put into a phrase.
COMPARE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "The {old} and {new} Constitutions compared",
        "name": "{old} and {new} compared",
        "caption": "One layout for both Constitutions: each body sits in the same place in "
        "either. A line is a set of powers one body holds over another, drawn by whether it "
        "exists in {old} only, in {new} only, or in both (with or without changed powers).",
        "show": "Lines of",
        "both": "{old} and {new}",
        "line_old": "Only in {old}",
        "line_new": "Only in {new}",
        "line_changed": "In both; some powers changed (≠)",
        "line_same": "In both, unchanged",
        "replacement": "Replaced by (so the {new} text says)",
        "correspondence": "Counterpart (our alignment for the comparison; the text is silent)",
        "mark": "({year}): the body exists only under the {year} Constitution",
        "arrow": "An arrow points from the holder of a power to whom it acts on; a thicker "
        "line carries more powers. Hover or click a line for its powers, their versions and "
        "what changed.",
        # The printed legend (PNG, SVG): a page cannot be hovered, so it reads by looks alone.
        "arrow_print": "An arrow points from the holder of a power to whom it acts on; a "
        "thicker line carries more powers. A line's colour and dashes say whether its powers "
        "exist in {old} only, in {new} only or in both; ≠ marks a line with changed powers.",
        "version": "Version",
        "change": "Change",
        "before": "Before ({old})",
        "after": "After ({new})",
        "articles": "Articles",
        "status_same": "unchanged",
        "status_changed": "changed",
        "status_removed": "not in {new}",
        "status_added": "new in {new}",
        "line": "Line",
        "only_under": "Exists only under the {year} Constitution",
        "successor": "Its place is taken by",
        "predecessor": "Takes the place of",
        "back": "The {new} graph",
    },
    "ru": {
        "title": "Конституции {old} и {new} годов: сравнение",
        "name": "Сравнение: {old} и {new}",
        "caption": "Одна раскладка для обеих Конституций: каждый орган стоит на одном и том "
        "же месте. Линия — полномочия одного органа в отношении другого; её вид показывает, "
        "есть ли она только в {old} году, только в {new} году или в обеих редакциях "
        "(с изменёнными полномочиями или без изменений).",
        "show": "Линии редакции",
        "both": "{old} и {new}",
        "line_old": "Только в {old} г.",
        "line_new": "Только в {new} г.",
        "line_changed": "В обеих; часть полномочий изменена (≠)",
        "line_same": "В обеих, без изменений",
        "replacement": "Заменён (так сказано в тексте {new} г.)",
        "correspondence": "Соответствие (сопоставлено нами для сравнения; текст об этом молчит)",
        "mark": "({year}): орган существует только по Конституции {year} г.",
        "arrow": "Стрелка указывает от носителя полномочия к тому, в отношении кого оно "
        "действует; чем толще линия, тем больше полномочий. Наведите на линию или щёлкните по "
        "ней, чтобы увидеть полномочия, их редакции и изменения.",
        "arrow_print": "Стрелка указывает от носителя полномочия к тому, в отношении кого "
        "оно действует; чем толще линия, тем больше полномочий. Цвет и штрихи линии "
        "показывают, есть ли её полномочия только в {old} году, только в {new} году или в "
        "обеих редакциях; знак ≠ отмечает линию с изменёнными полномочиями.",
        "version": "Редакция",
        "change": "Изменение",
        "before": "Было ({old})",
        "after": "Стало ({new})",
        "articles": "Статьи",
        "status_same": "без изменений",
        "status_changed": "изменено",
        "status_removed": "нет в {new} г.",
        "status_added": "новое в {new} г.",
        "line": "Линия",
        "only_under": "Существует только по Конституции {year} г.",
        "successor": "Его место занимает",
        "predecessor": "Занимает место",
        "back": "Граф {new} г.",
    },
    "kk": {
        "title": "{old} және {new} жылдардағы Конституциялар: салыстыру",
        "name": "Салыстыру: {old} және {new}",
        "caption": "Екі Конституцияға бір орналасу: әр орган екеуінде де бір орында тұрады. "
        "Сызық — бір органның екіншісіне қатысты өкілеттіктері; оның түрі сызық тек {old} "
        "жылы, тек {new} жылы немесе екі редакцияда да (өкілеттіктері өзгеріп немесе "
        "өзгеріссіз) бар екенін көрсетеді.",
        "show": "Редакция сызықтары",
        "both": "{old} және {new}",
        "line_old": "Тек {old} ж.",
        "line_new": "Тек {new} ж.",
        "line_changed": "Екеуінде де; кейбір өкілеттіктер өзгерген (≠)",
        "line_same": "Екеуінде де, өзгеріссіз",
        "replacement": "Орнын басты ({new} ж. мәтінде солай делінген)",
        "correspondence": "Сәйкестік (салыстыру үшін біз белгіледік; мәтінде айтылмаған)",
        "mark": "({year}): орган тек {year} ж. Конституция бойынша бар",
        "arrow": "Нұсқар өкілеттік иесінен ол қатысты адамға бағытталған; сызық неғұрлым жуан "
        "болса, өкілеттік соғұрлым көп. Өкілеттіктерді, олардың редакцияларын және "
        "өзгерістерді көру үшін сызыққа меңзерді апарыңыз немесе оны басыңыз.",
        "arrow_print": "Нұсқар өкілеттік иесінен ол қатысты адамға бағытталған; сызық "
        "неғұрлым жуан болса, өкілеттік соғұрлым көп. Сызықтың түсі мен үзіктері оның "
        "өкілеттіктері тек {old} жылы, тек {new} жылы немесе екі редакцияда да бар екенін "
        "көрсетеді; ≠ белгісі өкілеттіктері өзгерген сызықты білдіреді.",
        "version": "Редакция",
        "change": "Өзгеріс",
        "before": "Бұрын ({old})",
        "after": "Қазір ({new})",
        "articles": "Баптар",
        "status_same": "өзгеріссіз",
        "status_changed": "өзгерген",
        "status_removed": "{new} ж. жоқ",
        "status_added": "{new} ж. жаңа",
        "line": "Сызық",
        "only_under": "Тек {year} ж. Конституция бойынша бар",
        "successor": "Оның орнын басқан",
        "predecessor": "Орнын басқаны",
        "back": "{new} ж. графы",
    },
}
# The control on the normal graph page that opens the compare view.
COMPARE_LINK_WORDS = {
    "en": "Compare with {old}",
    "ru": "Сравнить с {old} годом",
    "kk": "{old} жылмен салыстыру",
}
# A wrong ?compare= on /graph, in the page's language.
COMPARE_ERRORS = {
    "en": {
        "form": "compare must name two constitutions, such as compare=1995,2026",
        "unknown": "there is no constitution {year}; there are: {known}",
        "none": "there is no comparison of {old} with {new}; compare a constitution with the "
        "one it replaced",
    },
    "ru": {
        "form": "в параметре compare нужно указать две конституции, например compare=1995,2026",
        "unknown": "конституции {year} года нет; есть: {known}",
        "none": "сравнения {old} и {new} нет; сравнивается конституция с той, которую она заменила",
    },
    "kk": {
        "form": "compare параметрінде екі конституцияны көрсету керек, мысалы compare=1995,2026",
        "unknown": "{year} жылғы конституция жоқ; барлары: {known}",
        "none": "{old} және {new} салыстыруы жоқ; конституция өзі алмастырған конституциямен "
        "салыстырылады",
    },
}
