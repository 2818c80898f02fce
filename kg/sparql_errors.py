"""SPARQL syntax errors that point at the mistake, in the user's own text.

Every message names the file (for a query file), gives the line and column in the text the
user wrote, shows that line with a caret under the position, and says in words what was
expected there.

Four mistakes are found before the engine sees the query, from the tokens alone: a misspelt
query form (``SELEC``), a string that is never closed, an unbalanced bracket and an
undeclared prefix. Anything else is placed and explained by asking Oxigraph's own parser,
because its message cannot be used as it stands: its position is where its parser gave up,
which is often the end of the query (its case-insensitive keywords read ahead a whole
keyword's length), and its list of what it expected there mixes keywords with Unicode ranges
and checks about meaning.

So the mistake is found as the longest start of the query that the parser can still read: a
start is readable when, followed by blank lines and a character that no query may contain,
the parser fails only at that character (further away than any keyword can read ahead). The
first token after the longest readable start is the mistake. What was expected there is
found the same way: each of a short list of continuations (``.``, ``}``, a variable, an IRI,
``AS``, ``FILTER`` ...) is tried after that start, and the ones the parser reads are named,
in a fixed order of usefulness, at most six. Hints for known shapes (FILTER without
parentheses, OPTIONAL without braces, a missing AS, a comma in a SELECT list, a misspelt
keyword checked against the grammar) come from the same test.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.sparql_text import Token, tokens

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_OPENERS = {"{": "}", "(": ")", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_ENGINE = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
# A character class in Oxigraph's "expected" list: ['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}']
_CHAR_CLASS = re.compile(r"\[(?:'(?:\\.|[^'\\])*'|[^\]'])*\]")
_MAX_EXPECTED = 6
_SHOWN_TOKEN = 24  # characters of the offending token quoted in a message


class SparqlSyntaxError(QueryError):
    """A query that cannot be parsed; ``line`` and ``column`` count from 1 in its text."""

    def __init__(self, text: str, line: int, column: int, problem: str, source: str | None):
        self.line, self.column, self.problem, self.source = line, column, problem, source
        super().__init__(render(text, line, column, problem, source))


def render(text: str, line: int, column: int, problem: str, source: str | None) -> str:
    where = f"{source}:{line}:{column}: " if source else ""
    at = "" if source else f" at line {line}, column {column}"
    lines = text.splitlines() or [""]
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    number = str(line)
    pad = " " * len(number)
    # Tabs before the position are kept, so that the caret lines up however tabs are shown.
    caret = "".join(c if c == "\t" else " " for c in shown[: column - 1]).ljust(column - 1) + "^"
    return f"{where}SPARQL syntax error{at}: {problem}\n  {number} | {shown}\n  {pad} | {caret}"


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def _end(toks: list[Token]) -> int:
    """The offset just after the last token (trailing blanks and comments are not the end)."""
    return toks[-1].start + len(toks[-1].text) if toks else 0


# --- mistakes found from the tokens alone --------------------------------------------------


def precheck(text: str, source: str | None = None) -> None:
    """Raise :class:`SparqlSyntaxError` for the mistakes found without the engine."""
    toks = tokens(text)
    checks: tuple[Callable[[str, list[Token]], tuple[int, str] | None], ...] = (
        _check_form,
        _check_strings,
        _check_brackets,
        _check_prefixes,
    )
    for check in checks:
        found = check(text, toks)
        if found is not None:
            offset, problem = found
            line, column = _position(text, offset)
            raise SparqlSyntaxError(text, line, column, problem, source)


def _check_form(text: str, toks: list[Token]) -> tuple[int, str] | None:
    index = 0
    while index < len(toks):  # skip the prologue: BASE <iri>, PREFIX p: <iri>
        if toks[index].kind == "word" and toks[index].text.upper() in ("BASE", "PREFIX"):
            while index < len(toks) and toks[index].kind != "iri":
                index += 1
            index += 1
            continue
        break
    if index >= len(toks):
        return _end(toks), "the query is empty: expected SELECT, ASK, CONSTRUCT or DESCRIBE"
    first = toks[index]
    word = first.text.upper()
    if first.kind == "word" and (word in FORMS or word in _UPDATE):
        return None
    hint = difflib.get_close_matches(word, FORMS, n=1, cutoff=0.6)
    mean = f"; did you mean {hint[0]}?" if hint else ""
    return first.start, f"expected SELECT, ASK, CONSTRUCT or DESCRIBE, not {first.text!r}{mean}"


def _check_strings(text: str, toks: list[Token]) -> tuple[int, str] | None:
    # The lexer reads a whole string as one token; a quote left over opens a string that the
    # line never closes (short strings may not span lines).
    for t in toks:
        if t.kind == "other" and t.text in ("'", '"'):
            return t.start, (
                f"this string is never closed: expected a closing {t.text} on the same line "
                f"(or {t.text * 3} around text of several lines)"
            )
    return None


def _check_brackets(text: str, toks: list[Token]) -> tuple[int, str] | None:
    stack: list[Token] = []
    for t in toks:
        if t.kind != "other":
            continue
        if t.text in _OPENERS:
            stack.append(t)
        elif t.text in _CLOSERS:
            if not stack:
                return t.start, f"{t.text!r} closes nothing: no {_CLOSERS[t.text]!r} is open"
            opened = stack.pop()
            if _OPENERS[opened.text] != t.text:
                return t.start, (
                    f"expected {_OPENERS[opened.text]!r} to close the {opened.text!r} "
                    f"opened before, not {t.text!r}"
                )
    if stack:  # the closer belongs at the end, where the query stops
        opened = stack[-1]
        line, column = _position(text, opened.start)
        return _end(toks), (
            f"expected {_OPENERS[opened.text]!r}: the query ends before the {opened.text!r} "
            f"opened at line {line}, column {column} is closed"
        )
    return None


def _check_prefixes(text: str, toks: list[Token]) -> tuple[int, str] | None:
    declared = set(PREFIXES)
    for i, t in enumerate(toks):
        if t.kind == "word" and t.text.upper() == "PREFIX" and i + 1 < len(toks):
            nxt = toks[i + 1]
            declared.add("" if nxt.text == ":" else nxt.text)
    for i, t in enumerate(toks):
        if t.text != ":" or t.kind != "other":
            continue
        prev = toks[i - 1] if i else None
        adjacent = (
            prev is not None and prev.kind == "word" and prev.start + len(prev.text) == t.start
        )
        prefix = prev.text if adjacent and prev is not None else ""
        start = prev.start if adjacent and prev is not None else t.start
        opener = toks[i - 2] if adjacent and i >= 2 else None
        if opener is not None and opener.text == "<" and opener.start + 1 == start:
            return opener.start, (  # <http://a b>: the lexer reads no IRI with a blank inside
                "this IRI is not closed where it should be: expected '>' before any space, "
                "quote or brace"
            )
        if prefix == "_" or prefix in declared:
            continue
        if i >= 2 and toks[i - 2 if adjacent else i - 1].text.upper() == "PREFIX":
            continue  # the declaration itself
        known = ", ".join(f"{p}:" for p in PREFIXES)
        return start, (
            f"the prefix '{prefix}:' is not declared; declare it with "
            f"'PREFIX {prefix}: <...>' or use one of the built-in prefixes ({known})"
        )
    return None


# --- mistakes placed and explained by asking the engine's parser ----------------------------

_EMPTY = ox.Store()
# Blank lines and a character no query may contain: reading stops at that character only if
# everything before it can still start a query. Oxigraph's keywords read ahead a keyword's
# length (at most 14 characters), so a failure before the blank line never reaches it.
_SENTINEL = "\n" + " " * 32 + "\n\x07"
_SENTINEL_LINES = _SENTINEL.count("\n")

_OPERATOR = "an operator such as = or &&"
# Continuations tried after the readable start, in the order they are worth naming; the
# same label twice is named once.
_CONTINUATIONS = (
    (".", "'.'"),
    ("}", "'}'"),
    (")", "')'"),
    ("{", "'{'"),
    ("(", "'('"),
    ("AS", "AS"),
    ("BY", "BY"),
    ("WHERE", "WHERE"),
    ("?v", "a variable"),
    ("<http://example.org/>", "an IRI"),
    ("rdf:type", "an IRI"),
    ("rdf:", "a prefix such as ex:"),
    ('"text"', "a literal"),
    ("1", "a number"),
    ("=", _OPERATOR),
    ("*", "'*'"),
    (",", "','"),
    (";", "';'"),
    ("]", "']'"),
    ("DISTINCT", "DISTINCT"),
    ("FILTER", "FILTER"),
    ("OPTIONAL", "OPTIONAL"),
    ("BIND", "BIND"),
    ("VALUES", "VALUES"),
    ("UNION", "UNION"),
    ("MINUS", "MINUS"),
    ("GRAPH", "GRAPH"),
    ("FROM", "FROM"),
    ("GROUP", "GROUP BY"),
    ("HAVING", "HAVING"),
    ("ORDER", "ORDER BY"),
    ("LIMIT", "LIMIT"),
    ("OFFSET", "OFFSET"),
    ("ASC", "ASC"),
    ("DESC", "DESC"),
    ("UNDEF", "UNDEF"),
    ("/", "'/'"),
    ("|", "'|'"),
    ("IN", "IN"),
    ("NOT", "NOT"),
)
# Words a misspelling is compared with; a suggestion is made only if the parser reads it.
_KEYWORDS = (
    *FORMS,
    *(word for word, _ in _CONTINUATIONS if word.isalpha() and word.isupper()),
    *("REDUCED", "NAMED", "EXISTS", "SERVICE", "SILENT", "SEPARATOR", "PREFIX", "BASE"),
    *("COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "BOUND", "REGEX"),
    *("STR", "LANG", "LANGMATCHES", "DATATYPE", "CONTAINS", "STRSTARTS", "STRENDS"),
    *("CONCAT", "LCASE", "UCASE", "COALESCE", "IF", "ISIRI", "ISLITERAL", "ISBLANK"),
)
_AGGREGATES = ("COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT")
_MODIFIERS = ("GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET")
_BRACED = ("OPTIONAL", "MINUS", "UNION", "WHERE", "EXISTS", "GRAPH")


def _readable(start: str) -> bool:
    """Whether ``start`` can still be continued into a query, by Oxigraph's parser."""
    try:
        _EMPTY.query(start + _SENTINEL, prefixes=PREFIXES)
    except SyntaxError as exc:
        match = _ENGINE.match(str(exc).strip())
        return match is not None and int(match[1]) == start.count("\n") + 1 + _SENTINEL_LINES
    return True  # cannot happen: no query contains the sentinel


def _chunks(toks: list[Token]) -> list[list[int]]:
    """Runs of tokens with no blank between them (``ex:name``, ``?o.``, ``FILTER(?x``)."""
    runs: list[list[int]] = []
    for i, t in enumerate(toks):
        if runs and toks[i - 1].start + len(toks[i - 1].text) == t.start:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _mistake(text: str, toks: list[Token]) -> int | None:
    """The index of the first token that cannot be read, or None if the query is only cut
    short. A start is cut after a run of tokens (a blank may follow it there); a start that
    cannot be read stays so however it goes on, so the first such run is found by halving.
    Inside it, the mistake follows its longest readable part."""
    runs = _chunks(toks)

    def readable_through(r: int) -> bool:
        last = toks[runs[r][-1]]
        return _readable(text[: last.start + len(last.text)])

    low, high = 0, len(runs)  # runs before ``low`` read; ``high`` is the first that may not
    while low < high:
        middle = (low + high) // 2
        if readable_through(middle):
            low = middle + 1
        else:
            high = middle
    if low == len(runs):
        return None
    run = runs[low]
    good = run[0]
    for k in run[:-1]:
        if _readable(text[: toks[k].start + len(toks[k].text)]):
            good = k + 1
    return good


def _expected_after(start: str) -> list[str]:
    labels: list[str] = []
    for continuation, label in _CONTINUATIONS:
        if label not in labels and _readable(start + " " + continuation):
            labels.append(label)
    if "an IRI" in labels and "a prefix such as ex:" in labels:
        labels.remove("a prefix such as ex:")  # a prefix alone is an IRI's first half
    if _OPERATOR in labels:  # inside an expression these are operators too: name them once
        labels = [label for label in labels if label not in ("'*'", "'/'", "IN", "NOT")]
    return labels


def _hint(toks: list[Token], index: int | None, expected: list[str], start: str) -> str:
    """A sentence for a known shape of mistake, or ''."""
    before = toks[:index] if index is not None else toks
    prev = before[-1].text.upper() if before else ""
    words = [t.text.upper() for t in before if t.kind == "word"]
    in_select = "SELECT" in words and "{" not in (t.text for t in before)
    if prev in ("FILTER", "HAVING", "BIND", "ASC", "DESC") and "'('" in expected:
        example = "BIND (expression AS ?name)" if prev == "BIND" else f"{prev} (...)"
        return f"{prev} needs parentheses: {example}"
    if prev in _BRACED and "'{'" in expected:
        return f"{prev} needs braces: {prev} {{ ... }}"
    if len(before) > 1 and before[-2].text.upper() == "GRAPH" and "'{'" in expected:
        return f"GRAPH {before[-1].text} needs braces: GRAPH {before[-1].text} {{ ... }}"
    if prev in ("LIMIT", "OFFSET") and "a number" in expected:
        return f"{prev} needs a whole number, such as {prev} 10"
    if index is None:
        return ""
    tok = toks[index]
    upper = tok.text.upper()
    if tok.kind == "var" and "AS" in expected:
        return f"AS is missing: (expression AS {tok.text})"
    if tok.text == ")" and "AS" in expected:
        return "an expression in a SELECT list needs a name: (expression AS ?name)"
    if tok.text in ("?", "$"):
        return f"{tok.text!r} must be followed by a variable name, such as {tok.text}x"
    if tok.text == "," and in_select:
        return "the variables of a SELECT list are separated by spaces, not commas"
    if upper in _MODIFIERS and "{" not in (t.text for t in before):
        return f"{upper} comes after the WHERE {{ ... }} block"
    if upper in _AGGREGATES and in_select and "'('" in expected:
        return f"an expression in a SELECT list goes in parentheses: ({upper}(...) AS ?name)"
    if upper == "AS" and "ORDER" in words:
        return "ORDER BY cannot name an expression; name it in the SELECT list with AS"
    if tok.kind == "word" and upper not in _KEYWORDS:
        is_prefix = index + 1 < len(toks) and toks[index + 1].text == ":"
        if not is_prefix:
            close = difflib.get_close_matches(upper, _KEYWORDS, n=3, cutoff=0.6)
            for word in close:
                if _readable(start + " " + word):
                    return f"did you mean {word}?"
            if "a variable" in expected and not tok.text.isupper():
                return f"a variable starts with '?': did you mean ?{tok.text}?"
    starts_term = tok.kind in ("var", "iri", "string") or (
        index + 1 < len(toks) and toks[index + 1].text == ":"
    )
    if starts_term and "'.'" in expected:
        return "is a '.' missing before it, between two triple patterns?"
    return ""


def _cleaned(rest: str) -> str:
    """Oxigraph's list without its character classes, at most a few items."""
    body = _CHAR_CLASS.sub("", rest.strip().removeprefix("expected").removeprefix(" one of"))
    items = list(dict.fromkeys(i.strip() for i in body.split(",") if i.strip()))
    if not items:
        return "the query cannot be read from here on"
    more = ", ..." if len(items) > _MAX_EXPECTED else ""
    return "expected one of " + ", ".join(items[:_MAX_EXPECTED]) + more


def _sentences(rest: str) -> list[str]:
    """Oxigraph's checks about meaning, listed among its expected tokens."""
    body = _CHAR_CLASS.sub("", rest.removeprefix("expected").removeprefix(" one of"))
    items = [item.strip() for item in body.split(",")]
    return [i for i in items if " " in i and not i.startswith(('"', "'"))]


def from_engine(text: str, message: str, source: str | None = None) -> SparqlSyntaxError:
    """The engine's message, placed where the mistake is and saying what was expected."""
    try:
        precheck(text, source)  # a mistake found exactly is reported exactly
    except SparqlSyntaxError as exact:
        return exact
    match = _ENGINE.match(message.strip())
    if match is None:
        return SparqlSyntaxError(text, 1, 1, message.strip(), source)
    toks = tokens(text)
    sentences = _sentences(match[3].strip())
    if sentences:  # not a mistake of syntax: a check about meaning failed
        line, column = _clamp(text.splitlines() or [""], int(match[1]), int(match[2]))
        return SparqlSyntaxError(text, line, column, _meaning(sentences[0]), source)
    index = _mistake(text, toks)
    offset = toks[index].start if index is not None else _end(toks)
    start = text[:offset].rstrip()
    expected = _expected_after(start)
    if index is None and not expected:  # the parser reads every token: keep its own words
        line, column = _clamp(text.splitlines() or [""], int(match[1]), int(match[2]))
        return SparqlSyntaxError(text, line, column, _cleaned(match[3]), source)
    hint = _hint(toks, index, expected, start)
    problem = _problem(toks, index, expected, hint)
    line, column = _position(text, offset)
    return SparqlSyntaxError(text, line, column, problem, source)


def _problem(toks: list[Token], index: int | None, expected: list[str], hint: str) -> str:
    if not expected:
        named = "the query cannot be read from here on"
    elif len(expected) == 1:
        named = f"expected {expected[0]}"
    else:
        shown = expected[:_MAX_EXPECTED]
        more = ", ..." if len(expected) > _MAX_EXPECTED else ""
        named = "expected one of " + ", ".join(shown) + more
    if index is None:
        said = f"the query ends too early: {named}"
    else:
        said = f"{named}, not {_shown(toks, index)[:_SHOWN_TOKEN]!r}"
    return said + (f"; {hint}" if hint else "")


def _shown(toks: list[Token], index: int) -> str:
    """The offending token, with the rest of a prefixed name (``ata:x``, not ``ata``)."""
    text = toks[index].text
    for t in toks[index + 1 : index + 3]:
        end = toks[index].start + len(text)
        if t.start != end or not (t.text == ":" or t.kind == "name"):
            break
        text += t.text
    return text


_MEANINGS = {
    "IRI parsing failed": "this IRI is not valid (no spaces, no quotes)",
    "Prefix not found": "this prefix is not declared",
}


def _meaning(sentence: str) -> str:
    return _MEANINGS.get(sentence, sentence[:1].lower() + sentence[1:])


def _clamp(lines: list[str], line: int, column: int) -> tuple[int, int]:
    line = min(max(line, 1), len(lines))
    return line, min(max(column, 1), len(lines[line - 1]) + 1)
