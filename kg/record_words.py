"""Words the server's pages need for records and query results in English, Russian and
Kazakh: the kinds of record (from the ontology's class names), the roles a body plays in a
power, the headings of result columns, the help of query parameters and the names of the
dumps. They are field names and labels, never parts of a sentence: a Russian or Kazakh page
shows a record as labelled fields whose values are stored labels in that language."""

from __future__ import annotations

# The kind of a record, by the local name of its most specific class (ata:, or org:/skos:/
# void: for the few records typed only outside our ontology).
TYPE_WORDS: dict[str, dict[str, str]] = {
    "Power": {"en": "Power", "ru": "Полномочие", "kk": "Өкілеттік"},
    "Right": {"en": "Right", "ru": "Право", "kk": "Құқық"},
    "Duty": {"en": "Duty", "ru": "Обязанность", "kk": "Міндет"},
    "Composition": {"en": "Composition", "ru": "Состав", "kk": "Құрамы"},
    "TermOfOffice": {"en": "Term of office", "ru": "Срок полномочий", "kk": "Өкілеттік мерзімі"},
    "Eligibility": {
        "en": "Eligibility",
        "ru": "Требования к кандидату",
        "kk": "Үміткерге қойылатын талаптар",
    },
    "Incompatibility": {"en": "Incompatibility", "ru": "Несовместимость", "kk": "Сыйыспаушылық"},
    "Immunity": {
        "en": "Immunity",
        "ru": "Неприкосновенность",
        "kk": "Ешкімнің тиісуіне болмайтындық",
    },
    "Succession": {"en": "Succession", "ru": "Преемство", "kk": "Мирасқорлық"},
    "SuccessionStep": {
        "en": "Step of succession",
        "ru": "Очередь преемства",
        "kk": "Мирасқорлық кезегі",
    },
    "Procedure": {"en": "Procedure", "ru": "Порядок", "kk": "Тәртіп"},
    "Quorum": {"en": "Quorum", "ru": "Кворум", "kk": "Кворум"},
    "Status": {"en": "Status", "ru": "Статус", "kk": "Мәртебе"},
    "Accountability": {"en": "Accountability", "ru": "Подотчётность", "kk": "Есеп берушілік"},
    "Delegation": {"en": "Left to a law", "ru": "Отсылка к закону", "kk": "Заңға сілтеме"},
    "Silence": {"en": "Not settled", "ru": "Не урегулировано", "kk": "Реттелмеген"},
    "Principle": {"en": "Principle", "ru": "Принцип", "kk": "Қағида"},
    "Deadline": {"en": "Deadline", "ru": "Срок", "kk": "Мерзім"},
    "Unamendability": {"en": "Unamendable", "ru": "Неизменяемость", "kk": "Өзгермейтіндік"},
    "Replacement": {"en": "Replacement", "ru": "Замена", "kk": "Алмастыру"},
    "Correspondence": {"en": "Counterpart", "ru": "Соответствие", "kk": "Сәйкестік"},
    "ConstitutionalFact": {"en": "Rule", "ru": "Норма", "kk": "Норма"},
    "Provision": {"en": "Provision", "ru": "Норма", "kk": "Норма"},
    "Article": {"en": "Article", "ru": "Статья", "kk": "Бап"},
    "Paragraph": {"en": "Paragraph", "ru": "Пункт", "kk": "Тармақ"},
    "Item": {"en": "Item", "ru": "Подпункт", "kk": "Тармақша"},
    "Part": {"en": "Part", "ru": "Часть", "kk": "Бөлік"},
    "Section": {"en": "Section", "ru": "Раздел", "kk": "Бөлім"},
    "Constitution": {"en": "Constitution", "ru": "Конституция", "kk": "Конституция"},
    "Matter": {"en": "Matter", "ru": "Вопрос", "kk": "Мәселе"},
    "PersonGroup": {"en": "Group of persons", "ru": "Группа лиц", "kk": "Тұлғалар тобы"},
    "Post": {"en": "Office", "ru": "Должность", "kk": "Лауазым"},
    "Organization": {"en": "Body", "ru": "Орган", "kk": "Орган"},
    "Concept": {"en": "Concept", "ru": "Понятие", "kk": "Ұғым"},
    "ConceptScheme": {"en": "Vocabulary", "ru": "Словарь", "kk": "Сөздік"},
    "Dataset": {"en": "Dataset", "ru": "Набор данных", "kk": "Деректер жиынтығы"},
    "Change": {"en": "Change", "ru": "Изменение", "kk": "Өзгеріс"},
    "Threshold": {"en": "Vote threshold", "ru": "Порог голосования", "kk": "Дауыс беру шегі"},
    "TriggerCondition": {"en": "Trigger", "ru": "Условие возникновения", "kk": "Туындау шарты"},
    "TimingCondition": {"en": "Timing", "ru": "Условие по времени", "kk": "Уақыт шарты"},
    "ScopeCondition": {"en": "Scope", "ru": "Пределы", "kk": "Қолданылу аясы"},
    "PurposeCondition": {"en": "Purpose", "ru": "Цель", "kk": "Мақсаты"},
    "ExclusionCondition": {"en": "Exclusion", "ru": "Ограничение", "kk": "Шектеу"},
    "Condition": {"en": "Condition", "ru": "Условие", "kk": "Шарт"},
    "Comparison": {"en": "Comparison", "ru": "Сравнение", "kk": "Салыстыру"},
    "CountBase": {"en": "Count base", "ru": "База подсчёта", "kk": "Есептеу негізі"},
    "TemporalRelation": {
        "en": "Relation in time",
        "ru": "Отношение во времени",
        "kk": "Уақыттағы қатынас",
    },
    "DelegationTarget": {"en": "Kind of act", "ru": "Вид акта", "kk": "Акт түрі"},
    "Restrictability": {
        "en": "Restrictability",
        "ru": "Возможность ограничения",
        "kk": "Шектеу мүмкіндігі",
    },
    "Class": {"en": "Class", "ru": "Класс", "kk": "Класс"},
    "ObjectProperty": {"en": "Object property", "ru": "Свойство-связь", "kk": "Байланыс қасиеті"},
    "DatatypeProperty": {"en": "Data property", "ru": "Свойство-значение", "kk": "Мән қасиеті"},
    "FunctionalProperty": {
        "en": "Functional property",
        "ru": "Однозначное свойство",
        "kk": "Бірмәнді қасиет",
    },
}

# The heading of a provision in each language: a stored form with its citation (9.3) in it.
PROVISION_HEADINGS: dict[str, dict[str, str]] = {
    "ru": {
        "Article": "Статья {c}",
        "Paragraph": "Пункт {c}",
        "Item": "Подпункт {c}",
        "Part": "Часть {c}",
    },
    "kk": {
        "Article": "{c}-бап",
        "Paragraph": "{c}-тармақ",
        "Item": "{c}-тармақша",
        "Part": "{c}-бөлік",
    },
}

# The part a body plays in a power, by the role id of queries/pages/powers.rq.
ROLE_WORDS: dict[str, dict[str, str]] = {
    "holder": {"en": "holds", "ru": "носитель", "kk": "иесі"},
    "object": {"en": "is subject to", "ru": "в отношении него", "kk": "оған қатысты"},
    "consent": {"en": "must consent to", "ru": "даёт согласие", "kk": "келісім береді"},
    "proposal": {"en": "proposes for", "ru": "вносит представление", "kk": "ұсыныс енгізеді"},
    "request": {"en": "may set in motion", "ru": "обращается", "kk": "өтініш жасайды"},
    "consultation": {
        "en": "is consulted on",
        "ru": "проводятся консультации",
        "kk": "консультация жүргізіледі",
    },
    "opinion": {"en": "gives an opinion on", "ru": "даёт заключение", "kk": "қорытынды береді"},
    "basis": {
        "en": "rests on this provision",
        "ru": "основано на этой норме",
        "kk": "осы нормаға негізделген",
    },
    "also-stated": {
        "en": "also stated here",
        "ru": "также указано здесь",
        "kk": "мұнда да көрсетілген",
    },
}

# The headings of result columns in Russian and Kazakh (English shows the column's name,
# which is also its key in JSON, CSV and TSV).
COLUMN_WORDS: dict[str, dict[str, str]] = {
    "accountable_to": {"ru": "подотчётен", "kk": "есеп береді"},
    "action": {"ru": "полномочие", "kk": "өкілеттік"},
    "after": {"ru": "стало", "kk": "қазір"},
    "after_en": {"ru": "стало (англ.)", "kk": "қазір (ағылш.)"},
    "after_ru": {"ru": "стало (рус.)", "kk": "қазір (орыс.)"},
    "after_kk": {"ru": "стало (каз.)", "kk": "қазір (қаз.)"},
    "agent": {"ru": "участник", "kk": "қатысушы"},
    "anchor_date": {"ru": "дата отсчёта", "kk": "бастапқы күн"},
    "appointed_by": {"ru": "кто назначает", "kk": "кім тағайындайды"},
    "article": {"ru": "статья", "kk": "бап"},
    "article_from": {"ru": "статья (было)", "kk": "бап (бұрын)"},
    "article_to": {"ru": "статья (стало)", "kk": "бап (қазір)"},
    "bearer": {"ru": "кто обязан", "kk": "кім міндетті"},
    "before": {"ru": "было", "kk": "бұрын"},
    "before_en": {"ru": "было (англ.)", "kk": "бұрын (ағылш.)"},
    "before_ru": {"ru": "было (рус.)", "kk": "бұрын (орыс.)"},
    "before_kk": {"ru": "было (каз.)", "kk": "бұрын (қаз.)"},
    "body": {"ru": "орган", "kk": "орган"},
    "broader": {"ru": "более общее понятие", "kk": "жалпылау ұғым"},
    "change": {"ru": "изменение", "kk": "өзгеріс"},
    "change_iri": {"ru": "запись изменения", "kk": "өзгеріс жазбасы"},
    "comparison": {"ru": "сравнение", "kk": "салыстыру"},
    "concept": {"ru": "понятие", "kk": "ұғым"},
    "concerns": {"ru": "кого касается", "kk": "кімге қатысты"},
    "condition": {"ru": "условие", "kk": "шарт"},
    "condition_article": {"ru": "статья условия", "kk": "шарттың бабы"},
    "condition_id": {"ru": "код условия", "kk": "шарттың коды"},
    "condition_paragraph": {"ru": "пункт условия", "kk": "шарттың тармағы"},
    "conditions": {"ru": "условия", "kk": "шарттар"},
    "conditions_ru": {"ru": "условия (рус.)", "kk": "шарттар (орыс.)"},
    "conditions_kk": {"ru": "условия (каз.)", "kk": "шарттар (қаз.)"},
    "consent_of": {"ru": "чьё согласие", "kk": "кімнің келісімі"},
    "count_base": {"ru": "от какого числа", "kk": "қай саннан"},
    "date": {"ru": "дата", "kk": "күні"},
    "declared_by": {"ru": "кем установлено", "kk": "кім белгілеген"},
    "declared_in_article": {"ru": "статья", "kk": "бап"},
    "declared_in_paragraph": {"ru": "пункт", "kk": "тармақ"},
    "definition": {"ru": "определение", "kk": "анықтама"},
    "denominator": {"ru": "знаменатель", "kk": "бөлім"},
    "description": {"ru": "описание", "kk": "сипаттама"},
    "duration": {"ru": "срок", "kk": "мерзім"},
    "duties": {"ru": "обязанности", "kk": "міндеттер"},
    "duty": {"ru": "обязанность", "kk": "міндет"},
    "event": {"ru": "событие", "kk": "оқиға"},
    "exercised_in": {"ru": "как осуществляется", "kk": "қалай жүзеге асырылады"},
    "experience_years": {"ru": "стаж, лет", "kk": "өтілі, жыл"},
    "facts": {"ru": "прочие нормы", "kk": "басқа нормалар"},
    "family": {"ru": "группа полномочий", "kk": "өкілеттіктер тобы"},
    "fields": {"ru": "что изменилось", "kk": "не өзгерді"},
    "for": {"ru": "для чего", "kk": "не үшін"},
    "from_power": {"ru": "полномочие (было)", "kk": "өкілеттік (бұрын)"},
    "graph": {"ru": "граф", "kk": "граф"},
    "grounds": {"ru": "основания", "kk": "негіздер"},
    "holder": {"ru": "кто", "kk": "кім"},
    "id": {"ru": "код", "kk": "коды"},
    "institution": {"ru": "орган", "kk": "орган"},
    "institutions": {"ru": "органы и должности", "kk": "органдар мен лауазымдар"},
    "kind": {"ru": "вид", "kk": "түрі"},
    "label_en": {"ru": "название (англ.)", "kk": "атауы (ағылш.)"},
    "label_ru": {"ru": "название (рус.)", "kk": "атауы (орыс.)"},
    "label_kk": {"ru": "название (каз.)", "kk": "атауы (қаз.)"},
    "lifted_by": {"ru": "кто снимает", "kk": "кім алады"},
    "limitations": {"ru": "ограничения", "kk": "шектеулер"},
    "limited_by": {"ru": "чем ограничивается", "kk": "немен шектеледі"},
    "majority": {"ru": "большинство", "kk": "көпшілік"},
    "matter": {"ru": "вопрос", "kk": "мәселе"},
    "max_terms": {"ru": "сроков не более", "kk": "мерзімнен аспайды"},
    "members": {"ru": "членов", "kk": "мүшелер саны"},
    "min_age": {"ru": "возраст не менее", "kk": "жасы кемінде"},
    "names": {"ru": "названия", "kk": "атаулары"},
    "node": {"ru": "узел", "kk": "түйін"},
    "not_before": {"ru": "не ранее", "kk": "ерте емес"},
    "numerator": {"ru": "числитель", "kk": "алым"},
    "object": {"ru": "в отношении кого", "kk": "кімге немесе неге қатысты"},
    "office": {"ru": "должность или орган", "kk": "лауазым немесе орган"},
    "paragraph": {"ru": "пункт", "kk": "тармақ"},
    "power": {"ru": "полномочие", "kk": "өкілеттік"},
    "power_id": {"ru": "код полномочия", "kk": "өкілеттік коды"},
    "powers": {"ru": "полномочия", "kk": "өкілеттіктер"},
    "proposal_of": {"ru": "по чьему представлению", "kk": "кімнің ұсынуымен"},
    "protected": {"ru": "что защищено", "kk": "не қорғалған"},
    "protected_summary": {"ru": "содержание", "kk": "мазмұны"},
    "provision": {"ru": "норма", "kk": "норма"},
    "provisions": {"ru": "нормы", "kk": "нормалар"},
    "rank": {"ru": "очередь", "kk": "кезек"},
    "relation": {"ru": "отношение", "kk": "қатынас"},
    "residence_years": {"ru": "проживание, лет", "kk": "тұру, жыл"},
    "right": {"ru": "право", "kk": "құқық"},
    "rights": {"ru": "права", "kk": "құқықтар"},
    "role": {"ru": "роль", "kk": "рөлі"},
    "scheme": {"ru": "словарь", "kk": "сөздік"},
    "section": {"ru": "раздел", "kk": "бөлім"},
    "short_en": {"ru": "краткое название (англ.)", "kk": "қысқа атауы (ағылш.)"},
    "short_ru": {"ru": "краткое название (рус.)", "kk": "қысқа атауы (орыс.)"},
    "short_kk": {"ru": "краткое название (каз.)", "kk": "қысқа атауы (қаз.)"},
    "size": {"ru": "численность", "kk": "саны"},
    "status": {"ru": "статус", "kk": "мәртебесі"},
    "steps": {"ru": "шаги", "kk": "қадамдар"},
    "successor": {"ru": "преемник", "kk": "мирасқор"},
    "summary": {"ru": "краткое содержание", "kk": "қысқаша мазмұны"},
    "term": {"ru": "срок", "kk": "мерзімі"},
    "text_en": {"ru": "текст (англ.)", "kk": "мәтін (ағылш.)"},
    "threshold": {"ru": "порог", "kk": "шегі"},
    "time_limit": {"ru": "срок", "kk": "мерзімі"},
    "to_power": {"ru": "полномочие (стало)", "kk": "өкілеттік (қазір)"},
    "topic": {"ru": "тема", "kk": "тақырып"},
    "trigger": {"ru": "условие возникновения", "kk": "туындау шарты"},
    "trigger_article": {"ru": "статья условия", "kk": "шарттың бабы"},
    "trigger_group": {"ru": "группа условий", "kk": "шарттар тобы"},
    "trigger_id": {"ru": "код условия", "kk": "шарттың коды"},
    "trigger_paragraph": {"ru": "пункт условия", "kk": "шарттың тармағы"},
    "triples": {"ru": "триплетов", "kk": "триплеттер"},
    "type": {"ru": "вид", "kk": "түрі"},
    "versions": {"ru": "редакции", "kk": "редакциялар"},
    "version": {"ru": "редакция", "kk": "редакция"},
    "what": {"ru": "что", "kk": "не"},
    "who": {"ru": "кто", "kk": "кім"},
    "within": {"ru": "в течение", "kk": "ішінде"},
}

# The help of a query parameter in Russian and Kazakh, by its name; a query's header may
# give its own (``#+ param@ru NAME: ...``).
PARAM_WORDS: dict[str, dict[str, str]] = {
    "version": {
        "ru": "Конституция: 2026 (по умолчанию, действует с 1 июля 2026 года) или 1995 "
        "(действовала до 30 июня 2026 года).",
        "kk": "Конституция: 2026 (әдепкі, 2026 жылғы 1 шілдеден бастап қолданылады) немесе "
        "1995 (2026 жылғы 30 маусымға дейін қолданылды).",
    },
    "holder": {
        "ru": "Только этот носитель: название на любом языке, код или IRI.",
        "kk": "Тек осы иесі: кез келген тілдегі атауы, коды немесе IRI.",
    },
    "bearer": {
        "ru": "Только обязанности этого лица: название на любом языке, код или IRI.",
        "kk": "Тек осы тұлғаның міндеттері: кез келген тілдегі атауы, коды немесе IRI.",
    },
    "action": {
        "ru": "Только этот вид полномочия: английское название, код или IRI.",
        "kk": "Тек осы өкілеттік түрі: ағылшынша атауы, коды немесе IRI.",
    },
    "object": {
        "ru": "Только полномочия в отношении этого органа: английское название, код или IRI.",
        "kk": "Тек осы органға қатысты өкілеттіктер: ағылшынша атауы, коды немесе IRI.",
    },
    "article": {"ru": "Только эта статья (её номер).", "kk": "Тек осы бап (оның нөмірі)."},
    "section": {"ru": "Только этот раздел (его номер).", "kk": "Тек осы бөлім (оның нөмірі)."},
    "trigger": {
        "ru": "Только это условие возникновения или более узкие: название на любом языке, "
        "код или IRI.",
        "kk": "Тек осы туындау шарты немесе одан тарлары: кез келген тілдегі атауы, коды "
        "немесе IRI.",
    },
    "condition": {
        "ru": "Только это условие или более узкие: название на любом языке, код или IRI.",
        "kk": "Тек осы шарт немесе одан тарлары: кез келген тілдегі атауы, коды немесе IRI.",
    },
    "kind": {"ru": "Только этот вид (его код).", "kk": "Тек осы түрі (оның коды)."},
    "type": {"ru": "Только этот вид нормы (его код).", "kk": "Тек осы норма түрі (оның коды)."},
    "role": {"ru": "Только эта роль (её код).", "kk": "Тек осы рөл (оның коды)."},
    "status": {"ru": "Только этот статус (его код).", "kk": "Тек осы мәртебе (оның коды)."},
    "change": {
        "ru": "Только этот вид изменения (его код).",
        "kk": "Тек осы өзгеріс түрі (оның коды).",
    },
    "from": {
        "ru": "Прежняя конституция (по умолчанию 1995).",
        "kk": "Бұрынғы конституция (әдепкі 1995).",
    },
    "to": {
        "ru": "Новая конституция (по умолчанию 2026).",
        "kk": "Жаңа конституция (әдепкі 2026).",
    },
    "lang": {
        "ru": "Язык названий и значений «было» и «стало» (код языка).",
        "kk": "Атаулардың және «бұрын», «қазір» мәндерінің тілі (тіл коды).",
    },
    "office": {
        "ru": "Только эта должность или орган: название на любом языке, код или IRI.",
        "kk": "Тек осы лауазым немесе орган: кез келген тілдегі атауы, коды немесе IRI.",
    },
    "concerns": {
        "ru": "Только то, что касается этого органа, должности или вопроса: название на "
        "любом языке, код или IRI.",
        "kk": "Тек осы органға, лауазымға немесе мәселеге қатыстылар: кез келген тілдегі "
        "атауы, коды немесе IRI.",
    },
    "topic": {
        "ru": "Тема: её код, английское название или IRI.",
        "kk": "Тақырып: оның коды, ағылшынша атауы немесе IRI.",
    },
    "scheme": {"ru": "Словарь (его код).", "kk": "Сөздік (оның коды)."},
}

# The dumps of /data/, by file extension.
DUMP_WORDS: dict[str, dict[str, str]] = {
    "ttl": {"ru": "Turtle: все графы в одном", "kk": "Turtle: барлық графтар біреуінде"},
    "trig": {
        "ru": "TriG: по именованному графу на каждую конституцию, а также онтология, словари "
        "и органы",
        "kk": "TriG: әр конституцияға бір аталған граф, сондай-ақ онтология, сөздіктер және "
        "органдар",
    },
    "nq": {"ru": "N-Quads, отсортировано", "kk": "N-Quads, сұрыпталған"},
    "jsonld": {"ru": "JSON-LD с именованными графами", "kk": "JSON-LD аталған графтарымен"},
}


def type_word(type_id: str, lang: str) -> str:
    """The kind of a record in ``lang``; the class name itself (a code) when it has none."""
    return TYPE_WORDS.get(type_id, {}).get(lang, type_id)


def column_word(column: str, lang: str) -> str:
    return column if lang == "en" else COLUMN_WORDS.get(column, {}).get(lang, column)
