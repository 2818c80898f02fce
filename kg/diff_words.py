"""The words of the comparison of two constitutions in English, Russian and Kazakh: the
fixed words of the `/diff` page and the names of changes, kinds and compared fields. (The
values of a power's fields are worded by kg.diff from the stored forms of kg.wording.)

Russian and Kazakh are never assembled word by word: a field is labelled ("срок: ...") and
its value is a stored label or form.
"""

from __future__ import annotations

LANGS = ("en", "ru", "kk")

CHANGE_WORDS = {
    "en": {"added": "added", "removed": "removed", "changed": "changed"},
    "ru": {"added": "добавлено", "removed": "исключено", "changed": "изменено"},
    "kk": {"added": "қосылды", "removed": "алынып тасталды", "changed": "өзгерді"},
}

KIND_WORDS = {
    "en": {
        "power": "power",
        "right": "right",
        "duty": "duty",
        "institution": "institution",
        "fact": "fact",
    },
    "ru": {
        "power": "полномочие",
        "right": "право",
        "duty": "обязанность",
        "institution": "орган",
        "fact": "норма",
    },
    "kk": {
        "power": "өкілеттік",
        "right": "құқық",
        "duty": "міндет",
        "institution": "орган",
        "fact": "норма",
    },
}

# The kinds of facts the comparison aligns (kg.diff.COMPARED_FACTS), shown in the action
# column of a fact's row.
FACT_WORDS = {
    "en": {
        "composition": "composition",
        "term": "term of office",
        "eligibility": "eligibility",
        "immunity": "immunity",
        "succession": "succession",
        "quorum": "quorum",
        "accountability": "accountability",
    },
    "ru": {
        "composition": "состав",
        "term": "срок полномочий",
        "eligibility": "требования к кандидату",
        "immunity": "неприкосновенность",
        "succession": "преемство",
        "quorum": "кворум",
        "accountability": "подотчётность",
    },
    "kk": {
        "composition": "құрамы",
        "term": "өкілеттік мерзімі",
        "eligibility": "кандидатқа қойылатын талаптар",
        "immunity": "тиіспеушілік",
        "succession": "сабақтастық",
        "quorum": "кворум",
        "accountability": "есеп берушілік",
    },
}

# Every structured field the comparison may name: a power's conditions, a right's or a
# duty's holders, and the values of the compared facts.
FIELD_NAMES = {
    "en": {
        "consent_of": "consent",
        "threshold": "voting threshold",
        "proposal_of": "on the proposal of",
        "request_of": "on application of",
        "consultation_with": "consultation",
        "opinion_of": "opinion",
        "initiative": "initiative",
        "trigger": "trigger",
        "purpose": "purpose",
        "scope": "scope",
        "timing": "timing",
        "time_limit": "time limit",
        "not_before": "not earlier than",
        "exclusions": "exclusions",
        "recipient": "recipient",
        "exclusive": "exclusive power",
        "holders": "holders",
        "bearers": "bearers",
        "limitations": "limitations",
        "emergency": "in a state of emergency",
        "members": "members",
        "length": "length",
        "renewable": "renewable",
        "min_age": "minimum age",
        "experience_years": "years of experience",
        "requirements": "requirements",
        "exceptions": "exceptions",
        "lifted_by": "lifted by",
        "protects_against": "protects against",
        "order": "order",
    },
    "ru": {
        "consent_of": "согласие",
        "threshold": "порог голосования",
        "proposal_of": "по представлению",
        "request_of": "по обращению",
        "consultation_with": "консультации",
        "opinion_of": "заключение",
        "initiative": "инициатива",
        "trigger": "условие возникновения",
        "purpose": "цель",
        "scope": "пределы",
        "timing": "время применения",
        "time_limit": "срок",
        "not_before": "не ранее",
        "exclusions": "ограничения",
        "recipient": "адресат",
        "exclusive": "исключительное право",
        "holders": "обладатели",
        "bearers": "несущие обязанность",
        "limitations": "ограничения права",
        "emergency": "при чрезвычайном положении",
        "members": "численность",
        "length": "продолжительность",
        "renewable": "повторное избрание",
        "min_age": "минимальный возраст",
        "experience_years": "стаж в годах",
        "requirements": "требования",
        "exceptions": "исключения",
        "lifted_by": "кем снимается",
        "protects_against": "от чего защищает",
        "order": "очерёдность",
    },
    "kk": {
        "consent_of": "келісімі",
        "threshold": "дауыс беру шегі",
        "proposal_of": "ұсынуы бойынша",
        "request_of": "өтініші бойынша",
        "consultation_with": "консультациялар",
        "opinion_of": "қорытындысы",
        "initiative": "бастама",
        "trigger": "туындау шарты",
        "purpose": "мақсаты",
        "scope": "қолданылу аясы",
        "timing": "қолданылу уақыты",
        "time_limit": "мерзімі",
        "not_before": "ең ерте мерзімі",
        "exclusions": "шектеулер",
        "recipient": "алушы",
        "exclusive": "айрықша құқық",
        "holders": "иелері",
        "bearers": "міндет жүктелгендер",
        "limitations": "құқықты шектеу",
        "emergency": "төтенше жағдай кезінде",
        "members": "саны",
        "length": "ұзақтығы",
        "renewable": "қайта сайлану",
        "min_age": "ең төменгі жасы",
        "experience_years": "жылмен есептелген өтілі",
        "requirements": "талаптар",
        "exceptions": "ерекшеліктер",
        "lifted_by": "кім алып тастайды",
        "protects_against": "неден қорғайды",
        "order": "кезектілігі",
    },
}

NONE_WORDS = {"en": "none", "ru": "нет", "kk": "жоқ"}
YES_WORDS = {"en": "yes", "ru": "да", "kk": "иә"}

# The fixed words of the /diff page. {old} and {new} are years.
PAGE_WORDS = {
    "en": {
        "title": "What changed from {old} to {new}",
        "intro": "Every difference between the Constitution of {old} and that of {new}: "
        "powers, rights, duties, institutions and facts added, removed or changed, with the "
        "fields that differ and the articles on both sides. Bodies of {old} appear under the "
        "body that took their place in {new}.",
        "by_institution": "Powers gained, lost and changed, by institution",
        "institution": "institution",
        "gained": "gained",
        "lost": "lost",
        "changed": "changed",
        "filters": "Filter the rows",
        "holder": "holder",
        "kind": "kind",
        "change": "change",
        "any": "all",
        "show": "Show",
        "reset": "All rows",
        "rows": "Rows",
        "count": "{n} of {total} rows",
        "no_rows": "No difference matches these filters.",
        "action": "action",
        "object": "object",
        "fields": "fields that differ",
        "before": "in {old}",
        "after": "in {new}",
        "article_from": "article ({old})",
        "article_to": "article ({new})",
        "summary": "summary",
        "art": "article",
        "record": "the record of {v}",
        "exists": "exists under the Constitution of {v}",
        "formats": "The same rows as data:",
        "error": "Error",
        "home_link": "What changed since 1995",
        "home_what": "powers, rights, duties and institutions of the 1995 Constitution "
        "compared with "
        "the 2026 one, row by row, with a summary per institution.",
    },
    "ru": {
        "title": "Что изменилось: Конституция {old} г. и Конституция {new} г.",
        "intro": "Все различия между Конституцией {old} г. и Конституцией {new} г.: "
        "добавленные, исключённые и изменённые полномочия, права, обязанности, органы и "
        "нормы, с различающимися полями и статьями обеих конституций. Органы {old} г. "
        "показаны под органом, который занял их место в {new} г.",
        "by_institution": "Полномочия по органам: получено, утрачено, изменено",
        "institution": "орган",
        "gained": "получено",
        "lost": "утрачено",
        "changed": "изменено",
        "filters": "Отбор строк",
        "holder": "субъект",
        "kind": "вид",
        "change": "изменение",
        "any": "все",
        "show": "Показать",
        "reset": "Все строки",
        "rows": "Строки",
        "count": "{n} из {total} строк",
        "no_rows": "Ни одно различие не подходит под этот отбор.",
        "action": "действие",
        "object": "объект",
        "fields": "различающиеся поля",
        "before": "в {old} г.",
        "after": "в {new} г.",
        "article_from": "статья ({old} г.)",
        "article_to": "статья ({new} г.)",
        "summary": "описание",
        "art": "статья",
        "record": "запись {v} г.",
        "exists": "есть в Конституции {v} г.",
        "formats": "Те же строки в виде данных:",
        "error": "Ошибка",
        "home_link": "Что изменилось с 1995 года",
        "home_what": "полномочия, права, обязанности и органы по Конституции 1995 года "
        "в сравнении с "
        "Конституцией 2026 года, построчно и с итогами по каждому органу.",
    },
    "kk": {
        "title": "Не өзгерді: {old} жылғы және {new} жылғы Конституциялар",
        "intro": "{old} жылғы Конституция мен {new} жылғы Конституцияның барлық "
        "айырмашылықтары: қосылған, алынып тасталған және өзгерген өкілеттіктер, құқықтар, "
        "міндеттер, органдар мен нормалар, айырмашылығы бар өрістерімен және екі "
        "конституцияның баптарымен. {old} жылғы органдар {new} жылы олардың орнын басқан "
        "органның астында көрсетілген.",
        "by_institution": "Органдар бойынша өкілеттіктер: алынды, жоғалды, өзгерді",
        "institution": "орган",
        "gained": "алынды",
        "lost": "жоғалды",
        "changed": "өзгерді",
        "filters": "Жолдарды іріктеу",
        "holder": "субъект",
        "kind": "түрі",
        "change": "өзгеріс",
        "any": "барлығы",
        "show": "Көрсету",
        "reset": "Барлық жолдар",
        "rows": "Жолдар",
        "count": "{total} жолдың {n}",
        "no_rows": "Бұл іріктеуге сәйкес айырмашылық жоқ.",
        "action": "әрекет",
        "object": "объект",
        "fields": "айырмашылығы бар өрістер",
        "before": "{old} ж.",
        "after": "{new} ж.",
        "article_from": "бап ({old} ж.)",
        "article_to": "бап ({new} ж.)",
        "summary": "сипаттама",
        "art": "бап",
        "record": "{v} ж. жазбасы",
        "exists": "{v} жылғы Конституция бойынша бар",
        "formats": "Сол жолдар деректер ретінде:",
        "error": "Қате",
        "home_link": "1995 жылдан бері не өзгерді",
        "home_what": "1995 жылғы Конституция бойынша өкілеттіктер, құқықтар, міндеттер "
        "және органдар "
        "2026 жылғы Конституциямен салыстырылып, жол-жолымен және әр орган бойынша "
        "қорытындымен берілген.",
    },
}

# Reasons for a 400, in the page's language.
ERROR_WORDS = {
    "en": {
        "title": "Bad Request",
        "version": "there is no comparison of {old} with {new}; available: {pairs}",
        "kind": "kind must be one of {values}, not «{value}»",
        "change": "change must be one of {values}, not «{value}»",
        "format": "format must be one of {values}, not «{value}»",
        "holder": "no holder «{value}»; did you mean {close}?",
        "holder_far": "no holder «{value}»; holders are, for example, {close}",
    },
    "ru": {
        "title": "Неверный запрос",
        "version": "сравнения {old} г. с {new} г. нет; есть: {pairs}",
        "kind": "вид должен быть одним из значений {values}, а не «{value}»",
        "change": "изменение должно быть одним из значений {values}, а не «{value}»",
        "format": "формат должен быть одним из значений {values}, а не «{value}»",
        "holder": "субъекта «{value}» нет; возможно, имелось в виду: {close}",
        "holder_far": "субъекта «{value}» нет; например, есть такие субъекты: {close}",
    },
    "kk": {
        "title": "Қате сұрау",
        "version": "{old} ж. мен {new} ж. салыстыруы жоқ; барлары: {pairs}",
        "kind": "түрі {values} мәндерінің бірі болуы керек, «{value}» емес",
        "change": "өзгеріс {values} мәндерінің бірі болуы керек, «{value}» емес",
        "format": "пішім {values} мәндерінің бірі болуы керек, «{value}» емес",
        "holder": "«{value}» субъектісі жоқ; мүмкін, мынаны айтқыңыз келген шығар: {close}",
        "holder_far": "«{value}» субъектісі жоқ; мысалы, мына субъектілер бар: {close}",
    },
}
