"""The words of a SPARQL syntax error in English, Russian and Kazakh, in one place.

An error is shown as labelled fields (problem, expected, found, hint), so no Russian or
Kazakh sentence is put together from pieces: each problem, each word-like expected item
and each hint is a stored form in all three languages. Keywords, symbols and the user's
own text are code and stay as they are: in a stored form, code is written between
backticks, and a ``{slot}`` inside backticks is filled with code (a keyword, a token, a
variable). The English forms, with the backticks taken out, are the words of the English
message that the command line and the HTTP endpoint give.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parts are made in kg.sparql_errors, which reads the words here
    from kg.sparql_errors import SyntaxParts

LANGS = ("en", "ru", "kk")

# The labels of the fields a page shows.
FIELD_WORDS: dict[str, dict[str, str]] = {
    "title": {
        "en": "SPARQL syntax error",
        "ru": "Синтаксическая ошибка SPARQL",
        "kk": "SPARQL синтаксистік қатесі",
    },
    "position": {
        "en": "Line: {line}, column: {column}",
        "ru": "Строка: {line}, столбец: {column}",
        "kk": "Жол: {line}, баған: {column}",
    },
    "file": {"en": "File", "ru": "Файл", "kk": "Файл"},
    "problem": {"en": "Problem", "ru": "Ошибка", "kk": "Қате"},
    "expected": {"en": "Expected", "ru": "Ожидалось", "kk": "Күтілгені"},
    "more": {"en": "and more", "ru": "и другое", "kk": "және басқалары"},
    "found": {"en": "Found", "ru": "Найдено", "kk": "Табылғаны"},
    "hint": {"en": "Hint", "ru": "Подсказка", "kk": "Кеңес"},
    "engine": {
        "en": "The parser's own words",
        "ru": "Сообщение синтаксического анализатора",
        "kk": "Синтаксистік талдауыштың хабары",
    },
}

# Items of an "expected" list that are words, not code. Any other item is code (a keyword
# such as FILTER, or a symbol such as '.').
ITEM_WORDS: dict[str, dict[str, str]] = {
    "variable": {"en": "a variable", "ru": "переменная", "kk": "айнымалы"},
    "iri": {"en": "an IRI", "ru": "IRI", "kk": "IRI"},
    "prefix": {
        "en": "a prefix such as `ex:`",
        "ru": "префикс вида `ex:`",
        "kk": "`ex:` түріндегі префикс",
    },
    "literal": {"en": "a literal", "ru": "литерал", "kk": "литерал"},
    "number": {"en": "a number", "ru": "число", "kk": "сан"},
    "end": {"en": "the end of the query", "ru": "конец запроса", "kk": "сұраудың соңы"},
    "operator": {
        "en": "an operator such as `=` or `&&`",
        "ru": "оператор (`=`, `&&` и другие)",
        "kk": "оператор (`=`, `&&` және басқалары)",
    },
}

# What is wrong, for mistakes that the expected and found fields alone do not say.
# ``unexpected`` (a token where it cannot stand) needs no sentence: its fields say it.
PROBLEM_WORDS: dict[str, dict[str, str]] = {
    "ends_early": {
        "en": "the query ends too early",
        "ru": "запрос обрывается раньше, чем должен",
        "kk": "сұрау тым ерте аяқталады",
    },
    "unreadable": {
        "en": "the query cannot be read from here on",
        "ru": "с этого места запрос не читается",
        "kk": "сұрау осы жерден бастап оқылмайды",
    },
    "empty": {
        "en": "the query is empty",
        "ru": "запрос пуст",
        "kk": "сұрау бос",
    },
    "not_a_form": {
        "en": "a query starts with `SELECT`, `ASK`, `CONSTRUCT` or `DESCRIBE`",
        "ru": "запрос начинается с `SELECT`, `ASK`, `CONSTRUCT` или `DESCRIBE`",
        "kk": "сұрау `SELECT`, `ASK`, `CONSTRUCT` немесе `DESCRIBE` сөзінен басталады",
    },
    "unclosed_string": {
        "en": "this string is never closed: expected a closing `{quote}` on the same line "
        "(or `{triple}` around text of several lines)",
        "ru": "строка в кавычках не закрыта: закрывающая `{quote}` должна стоять в той же "
        "строке (текст из нескольких строк берут в `{triple}`)",
        "kk": "тырнақшадағы жол жабылмаған: жабатын `{quote}` сол жолда тұруы керек "
        "(бірнеше жолдан тұратын мәтін `{triple}` ішіне алынады)",
    },
    "closes_nothing": {
        "en": "`'{closer}'` closes nothing: no `'{opener}'` is open",
        "ru": "`'{closer}'` ничего не закрывает: ни одна `'{opener}'` не открыта",
        "kk": "`'{closer}'` ештеңені жаппайды: ашық `'{opener}'` жоқ",
    },
    "wrong_closer": {
        "en": "expected `'{closer}'` to close the `'{opener}'` opened before",
        "ru": "открытую ранее `'{opener}'` закрывает `'{closer}'`",
        "kk": "бұрын ашылған `'{opener}'` жақшасын `'{closer}'` жабады",
    },
    "unclosed": {
        "en": "the query ends before the `'{opener}'` opened at line {line}, column {column} "
        "is closed",
        "ru": "запрос кончается, а `'{opener}'` (строка {line}, столбец {column}) не закрыта",
        "kk": "сұрау аяқталды, ал `'{opener}'` ({line}-жол, {column}-баған) жабылмаған",
    },
    "unclosed_iri": {
        "en": "this IRI is not closed where it should be: expected `'>'` before any space, "
        "quote or brace",
        "ru": "этот IRI не закрыт где нужно: `'>'` должна стоять до любого пробела, кавычки "
        "или скобки",
        "kk": "бұл IRI керек жерде жабылмаған: `'>'` кез келген бос орыннан, тырнақшадан "
        "немесе жақшадан бұрын тұруы керек",
    },
    "undeclared_prefix": {
        "en": "the prefix `'{prefix}:'` is not declared; declare it with "
        "`'PREFIX {prefix}: <...>'` or use one of the built-in prefixes (`{known}`)",
        "ru": "префикс `{prefix}:` не объявлен; объявите его строкой `PREFIX {prefix}: <...>` "
        "или возьмите один из встроенных префиксов: `{known}`",
        "kk": "`{prefix}:` префиксі жарияланбаған; оны `PREFIX {prefix}: <...>` жолымен "
        "жариялаңыз немесе кіріктірілген префикстердің бірін алыңыз: `{known}`",
    },
    "invalid_iri": {
        "en": "this IRI is not valid (no spaces, no quotes)",
        "ru": "этот IRI недопустим (в нём не может быть пробелов и кавычек)",
        "kk": "бұл IRI жарамсыз (онда бос орын мен тырнақша болмайды)",
    },
    "prefix_not_found": {
        "en": "this prefix is not declared",
        "ru": "этот префикс не объявлен",
        "kk": "бұл префикс жарияланбаған",
    },
    "duplicated_variable": {
        "en": "a variable is named twice in the `SELECT` list",
        "ru": "в списке `SELECT` одна переменная названа дважды",
        "kk": "`SELECT` тізімінде бір айнымалы екі рет аталған",
    },
    "star_with_group": {
        "en": "`SELECT *` cannot be used with `GROUP BY`: name the variables",
        "ru": "`SELECT *` нельзя сочетать с `GROUP BY`: перечислите переменные",
        "kk": "`SELECT *` пен `GROUP BY` бірге қолданылмайды: айнымалыларды атап шығыңыз",
    },
    "unbound_in_select": {
        "en": "the `SELECT` list names a variable that is neither grouped nor bound",
        "ru": "в списке `SELECT` есть переменная, которая не сгруппирована и не связана",
        "kk": "`SELECT` тізімінде топтастырылмаған әрі байланыстырылмаған айнымалы бар",
    },
    "values_row_length": {
        "en": "each row of `VALUES` has as many values as there are variables (`UNDEF` for none)",
        "ru": "в каждой строке `VALUES` столько значений, сколько переменных (`UNDEF` — нет "
        "значения)",
        "kk": "`VALUES` әр жолында айнымалылар қанша болса, мән де сонша (мән жоқ болса — `UNDEF`)",
    },
    "engine": {
        "en": "the parser refuses the query here",
        "ru": "синтаксический анализатор не принимает запрос в этом месте",
        "kk": "синтаксистік талдауыш сұрауды осы жерде қабылдамайды",
    },
}

# Hints for known shapes of mistake; code in backticks, ``{slots}`` filled with code.
HINT_WORDS: dict[str, dict[str, str]] = {
    "parentheses": {
        "en": "`{word}` needs parentheses: `{word} (...)`",
        "ru": "после `{word}` нужны круглые скобки: `{word} (...)`",
        "kk": "`{word}` сөзінен кейін дөңгелек жақша керек: `{word} (...)`",
    },
    "bind_parentheses": {
        "en": "`BIND` needs parentheses: `BIND (expression AS ?name)`",
        "ru": "после `BIND` нужны круглые скобки: `BIND (выражение AS ?имя)`",
        "kk": "`BIND` сөзінен кейін дөңгелек жақша керек: `BIND (өрнек AS ?атау)`",
    },
    "braces": {
        "en": "`{word}` needs braces: `{word} {{ ... }}`",
        "ru": "после `{word}` нужны фигурные скобки: `{word} {{ ... }}`",
        "kk": "`{word}` сөзінен кейін бұйра жақша керек: `{word} {{ ... }}`",
    },
    "graph_braces": {
        "en": "`GRAPH {name}` needs braces: `GRAPH {name} {{ ... }}`",
        "ru": "после `GRAPH {name}` нужны фигурные скобки: `GRAPH {name} {{ ... }}`",
        "kk": "`GRAPH {name}` тіркесінен кейін бұйра жақша керек: `GRAPH {name} {{ ... }}`",
    },
    "whole_number": {
        "en": "`{word}` needs a whole number, such as `{word} 10`",
        "ru": "после `{word}` нужно целое число, например `{word} 10`",
        "kk": "`{word}` сөзінен кейін бүтін сан керек, мысалы `{word} 10`",
    },
    "as_missing": {
        "en": "`AS` is missing: `(expression AS {var})`",
        "ru": "пропущено `AS`: `(выражение AS {var})`",
        "kk": "`AS` түсіп қалған: `(өрнек AS {var})`",
    },
    "select_name": {
        "en": "an expression in a `SELECT` list needs a name: `(expression AS ?name)`",
        "ru": "выражению в списке `SELECT` нужно имя: `(выражение AS ?имя)`",
        "kk": "`SELECT` тізіміндегі өрнекке атау керек: `(өрнек AS ?атау)`",
    },
    "variable_name": {
        "en": "`'{mark}'` must be followed by a variable name, such as `{mark}x`",
        "ru": "после `{mark}` должно идти имя переменной, например `{mark}x`",
        "kk": "`{mark}` белгісінен кейін айнымалының аты тұруы керек, мысалы `{mark}x`",
    },
    "select_commas": {
        "en": "the variables of a `SELECT` list are separated by spaces, not commas",
        "ru": "переменные в списке `SELECT` разделяют пробелами, а не запятыми",
        "kk": "`SELECT` тізіміндегі айнымалылар үтірмен емес, бос орынмен бөлінеді",
    },
    "after_where": {
        "en": "`{word}` comes after the `WHERE {{ ... }}` block",
        "ru": "`{word}` ставят после блока `WHERE {{ ... }}`",
        "kk": "`{word}` сөзі `WHERE {{ ... }}` блогынан кейін жазылады",
    },
    "aggregate_parentheses": {
        "en": "an expression in a `SELECT` list goes in parentheses: `({word}(...) AS ?name)`",
        "ru": "выражение в списке `SELECT` берут в скобки: `({word}(...) AS ?имя)`",
        "kk": "`SELECT` тізіміндегі өрнек жақшаға алынады: `({word}(...) AS ?атау)`",
    },
    "order_by_as": {
        "en": "`ORDER BY` cannot name an expression; name it in the `SELECT` list with `AS`",
        "ru": "в `ORDER BY` выражению нельзя дать имя; назовите его в списке `SELECT` через `AS`",
        "kk": "`ORDER BY` ішінде өрнекке атау берілмейді; оны `SELECT` тізімінде `AS` арқылы "
        "атаңыз",
    },
    "did_you_mean": {
        "en": "did you mean `{word}`?",
        "ru": "может быть, имелось в виду `{word}`?",
        "kk": "мүмкін, `{word}` деп жазу керек пе еді?",
    },
    "variable_mark": {
        "en": "a variable starts with `'?'`: did you mean `?{name}`?",
        "ru": "имя переменной начинается с `?`: может быть, `?{name}`?",
        "kk": "айнымалы `?` белгісінен басталады: мүмкін, `?{name}`?",
    },
    "missing_dot": {
        "en": "is a `'.'` missing before it, between two triple patterns?",
        "ru": "не пропущена ли `'.'` перед ним, между двумя шаблонами триплетов?",
        "kk": "оның алдында, екі триплет үлгісінің арасында `'.'` түсіп қалған жоқ па?",
    },
}

Segment = tuple[str, bool]  # a piece of text, and whether it is code
_CODE = re.compile(r"`([^`]*)`")


def segments(form: str, args: dict[str, object] | None = None) -> list[Segment]:
    """A stored form cut into text and code, each filled with ``args``. The form is cut
    before it is filled, so a backtick in an argument (the user's text) stays text."""
    found: list[Segment] = []
    args = args or {}
    for i, part in enumerate(_CODE.split(form)):
        if part:
            found.append((part.format(**args), i % 2 == 1))
    return found


def plain(pieces: list[Segment]) -> str:
    return "".join(text for text, _ in pieces)


# Problems whose fields (expected, found) say all there is to say.
_SAID_BY_FIELDS = ("unexpected", "engine_list")
_SHOWN_ITEMS = 6  # as in the English message


def error_fields(parts: SyntaxParts, lang: str) -> list[tuple[str, list[Segment]]]:
    """A syntax error as labelled fields in ``lang``: (label, the value cut into text and
    code). The title and the quoted line are left to the page."""
    problem = parts.problem
    fields: list[tuple[str, list[Segment]]] = []

    def add(name: str, value: list[Segment]) -> None:
        fields.append((FIELD_WORDS[name][lang], value))

    if parts.source:
        add("file", [(parts.source, True)])
    position = FIELD_WORDS["position"][lang].format(line=parts.line, column=parts.column)
    fields.append((position, []))
    key = problem.key
    if key == "engine_list" and not problem.expected:
        key = "unreadable"
    if key not in _SAID_BY_FIELDS:
        add("problem", segments(PROBLEM_WORDS[key][lang], problem.args))
    if key == "engine":
        add("engine", [(problem.args["text"], True)])
    if problem.expected:
        listed: list[Segment] = []
        for item in problem.expected[:_SHOWN_ITEMS]:
            if listed:
                listed.append((", ", False))
            words = ITEM_WORDS.get(item)
            listed.extend(segments(words[lang]) if words else [(item, True)])
        if len(problem.expected) > _SHOWN_ITEMS:
            listed.append((", " + FIELD_WORDS["more"][lang], False))
        add("expected", listed)
    if problem.found is not None:
        add("found", [(problem.found, True)])
    elif key == "ends_early":
        add("found", segments(ITEM_WORDS["end"][lang]))
    if problem.hint:
        add("hint", segments(HINT_WORDS[problem.hint][lang], problem.hint_args))
    return fields


def quoted(parts: SyntaxParts) -> str:
    """The line of the query with a caret under the position, as the message shows it."""
    number = str(parts.line)
    return f"  {number} | {parts.shown}\n  {' ' * len(number)} | {parts.caret}"
