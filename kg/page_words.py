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
        "void_cap": "The VoID description",
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
        "default_graph": "Default graph: the union of all graphs. Prefixes {prefixes} are "
        "predeclared.",
        "same_query": "The same query as",
        "answer": "Answer",
        "queries_intro": "Each is a file in {dir}; the command line runs the same files "
        "({command}). Add {exts} to a query's address for data.",
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
        "yes": "yes",
        "no": "no",
        "brand": "Ata Zan",
        "home_link": "Home",
        "status_400": "Bad Request",
        "status_403": "Refused",
        "status_404": "Not Found",
        "status_405": "Method Not Allowed",
        "status_406": "Not Acceptable",
        "status_413": "Request Too Large",
        "status_415": "Unsupported Media Type",
        "status_500": "Internal Error",
        "status_503": "Query Stopped",
        "error": "Error",
        "refused": "Refused",
        "rows": "{n} row(s).",
        "first_rows": "Only the first {n} rows are shown here; the result has more.",
        "whole_rows": "The data formats give the whole result.",
        "first_triples": "Only the first {n} triples are shown here; the result has more.",
        "whole_triples": "The formats above give the whole result.",
        "data_intro": "The whole dataset, rebuilt byte for byte from the curated data by",
        "file": "file",
        "format": "format",
        "bytes": "bytes",
        "void_lists": "lists the dumps, the vocabularies and the endpoint.",
        "edit_sparql": "edit as SPARQL",
        "in_english": "in English",
        "description_en": "Description in English",
        "only_english": "This query's answers are in English where the data has no "
        "Russian or Kazakh name; such cells link to the English page.",
        "who": "who",
        "whom": "over whom",
        "about": "concerns",
        "ontology_title": "Ata Zan ontology",
        "ontology_terms": "{n} terms; each term's IRI is",
        "ontology_anchor": "and leads to its entry on this page.",
        "term": "term",
        "kind": "kind",
        "definition": "definition",
        "specialises": "specialises",
        "definitions_en": "",
        "no_resource": "no resource {iri} in the dataset",
        "not_published": "nothing is published at {path}",
        "no_query": "no named query {name}; see /queries",
        "bad_params": "{detail}",
        "no_param": "query {name!r} has no parameter {param!r} (parameters: {known})",
        "not_year": "version {value!r} is not a constitution: give its year, 1995 or 2026",
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
        "void_cap": "Описание VoID",
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
        "default_graph": "Граф по умолчанию: объединение всех графов. Префиксы {prefixes} "
        "объявлены заранее.",
        "same_query": "Тот же запрос в формате",
        "answer": "Ответ",
        "queries_intro": "Каждый запрос — файл в каталоге {dir}; командная строка "
        "выполняет те же файлы ({command}). Добавьте к адресу запроса {exts}, чтобы "
        "получить данные.",
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
        "yes": "да",
        "no": "нет",
        "brand": "Ата Заң",
        "home_link": "Главная",
        "status_400": "Неверный запрос",
        "status_403": "Отказано",
        "status_404": "Не найдено",
        "status_405": "Метод не разрешён",
        "status_406": "Формат недоступен",
        "status_413": "Слишком большой запрос",
        "status_415": "Неподдерживаемый тип данных",
        "status_500": "Внутренняя ошибка",
        "status_503": "Запрос остановлен",
        "error": "Ошибка",
        "refused": "Отказано",
        "rows": "Строк: {n}.",
        "first_rows": "Здесь показаны только первые {n} строк; в результате их больше.",
        "whole_rows": "Форматы данных дают весь результат.",
        "first_triples": "Здесь показаны только первые {n} триплетов; в результате их больше.",
        "whole_triples": "Форматы выше дают весь результат.",
        "data_intro": "Весь набор данных, побайтно воспроизводимый из подготовленных данных "
        "командой",
        "file": "файл",
        "format": "формат",
        "bytes": "байт",
        "void_lists": "перечисляет выгрузки, словари и точку доступа.",
        "edit_sparql": "изменить как SPARQL",
        "in_english": "на английском языке",
        "description_en": "Описание на английском языке",
        "only_english": "Где у данных нет русского названия, ответ этого запроса есть только "
        "на английском языке: такие ячейки ведут на английскую страницу.",
        "who": "Кто",
        "whom": "В отношении кого",
        "about": "Кого касается",
        "ontology_title": "Онтология Ата Заң",
        "ontology_terms": "Терминов: {n}; IRI каждого термина —",
        "ontology_anchor": "и ведёт к его записи на этой странице.",
        "term": "термин",
        "kind": "вид",
        "definition": "определение",
        "specialises": "уточняет",
        "definitions_en": "Названия и определения терминов онтологии есть только на "
        "английском языке.",
        "no_resource": "в наборе данных нет ресурса {iri}",
        "not_published": "по адресу {path} ничего не опубликовано",
        "no_query": "готового запроса {name} нет; см. /queries",
        "bad_params": "неверные параметры запроса: {detail}",
        "no_param": "у запроса {name} нет параметра {param} (параметры: {known})",
        "not_year": "{value} — не конституция: укажите её год, 1995 или 2026",
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
        "void_cap": "VoID сипаттамасы",
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
        "default_graph": "Әдепкі граф: барлық графтардың бірігуі. {prefixes} префикстері "
        "алдын ала жарияланған.",
        "same_query": "Сол сұрау мына пішімде",
        "answer": "Жауап",
        "queries_intro": "Әр сұрау — {dir} каталогындағы файл; пәрмен жолы сол файлдарды "
        "орындайды ({command}). Деректер алу үшін сұрау мекенжайына {exts} қосыңыз.",
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
        "yes": "иә",
        "no": "жоқ",
        "brand": "Ата Заң",
        "home_link": "Басты бет",
        "status_400": "Қате сұрау",
        "status_403": "Бас тартылды",
        "status_404": "Табылмады",
        "status_405": "Әдіске рұқсат жоқ",
        "status_406": "Пішім қолжетімсіз",
        "status_413": "Сұрау тым үлкен",
        "status_415": "Деректер түрі қолдау көрсетілмейді",
        "status_500": "Ішкі қате",
        "status_503": "Сұрау тоқтатылды",
        "error": "Қате",
        "refused": "Бас тартылды",
        "rows": "Жолдар саны: {n}.",
        "first_rows": "Мұнда тек алғашқы {n} жол көрсетілген; нәтижеде одан көп.",
        "whole_rows": "Деректер пішімдері толық нәтижені береді.",
        "first_triples": "Мұнда тек алғашқы {n} триплет көрсетілген; нәтижеде одан көп.",
        "whole_triples": "Жоғарыдағы пішімдер толық нәтижені береді.",
        "data_intro": "Дайындалған деректерден байтқа дейін дәл қайта құрылатын бүкіл "
        "деректер жиынтығы; пәрмен:",
        "file": "файл",
        "format": "пішім",
        "bytes": "байт",
        "void_lists": "жүктемелерді, сөздіктерді және қол жеткізу нүктесін тізімдейді.",
        "edit_sparql": "SPARQL ретінде өзгерту",
        "in_english": "ағылшын тілінде",
        "description_en": "Ағылшын тіліндегі сипаттамасы",
        "only_english": "Деректерде қазақша атауы жоқ жерде бұл сұраудың жауабы тек ағылшын "
        "тілінде: ондай ұяшықтар ағылшынша бетке апарады.",
        "who": "Кім",
        "whom": "Кімге немесе неге қатысты",
        "about": "Кімге қатысты",
        "ontology_title": "Ата Заң онтологиясы",
        "ontology_terms": "Терминдер саны: {n}; әр терминнің IRI-і —",
        "ontology_anchor": "және осы беттегі оның жазбасына апарады.",
        "term": "термин",
        "kind": "түрі",
        "definition": "анықтама",
        "specialises": "нақтылайды",
        "definitions_en": "Онтология терминдерінің атаулары мен анықтамалары тек ағылшын "
        "тілінде бар.",
        "no_resource": "деректер жиынтығында {iri} ресурсы жоқ",
        "not_published": "{path} мекенжайында ештеңе жарияланбаған",
        "no_query": "{name} дайын сұрауы жоқ; қараңыз: /queries",
        "bad_params": "сұрау параметрлері қате: {detail}",
        "no_param": "{name} сұрауында {param} параметрі жоқ (параметрлері: {known})",
        "not_year": "{value} — конституция емес: оның жылын көрсетіңіз, 1995 немесе 2026",
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
