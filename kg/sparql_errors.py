"""SPARQL syntax errors that point at the mistake, in the user's own text.

Every message names the file (for a query file), gives the line and column in the text the
user wrote, shows that line with a caret under the position, and says in words what was
expected. Three common mistakes are found before the engine sees the query, with exact
positions: a misspelt query form (``SELEC``), an undeclared prefix and an unbalanced
bracket. Anything else comes from Oxigraph's parser, whose message is cleaned: its lists of
expected input include Unicode ranges (dropped; at most a short list of words and symbols is
kept). Its position is where its parser gave up, which is often the end of the query
(measured), and its list then describes that place, not the mistake. So the position shown
is where rdflib's parser (pyparsing) stopped: the start of the construct it could not read
(``FILTER(?o > )``, the second dot of ``..``, the ``?n`` of ``(COUNT(?x) ?n)``). Oxigraph's
list is kept only when both parsers stop at the same place; otherwise the message says that
the query cannot be read from there on, and names what is there.
"""

from __future__ import annotations

import difflib
import re

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
    caret = " " * (column - 1) + "^"
    return f"{where}SPARQL syntax error{at}: {problem}\n  {number} | {shown}\n  {pad} | {caret}"


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def precheck(text: str, source: str | None = None) -> None:
    """Raise :class:`SparqlSyntaxError` for the mistakes found without the engine."""
    toks = tokens(text)
    for check in (_check_form, _check_brackets, _check_prefixes):
        found = check(toks)
        if found is not None:
            offset, problem = found
            line, column = _position(text, offset)
            raise SparqlSyntaxError(text, line, column, problem, source)


def _check_form(toks: list[Token]) -> tuple[int, str] | None:
    index = 0
    while index < len(toks):  # skip the prologue: BASE <iri>, PREFIX p: <iri>
        if toks[index].kind == "word" and toks[index].text.upper() in ("BASE", "PREFIX"):
            while index < len(toks) and toks[index].kind != "iri":
                index += 1
            index += 1
            continue
        break
    if index >= len(toks):
        return (toks[-1].start + len(toks[-1].text) if toks else 0), (
            "the query is empty: expected SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    first = toks[index]
    word = first.text.upper()
    if first.kind == "word" and (word in FORMS or word in _UPDATE):
        return None
    hint = difflib.get_close_matches(word, FORMS, n=1, cutoff=0.6)
    mean = f"; did you mean {hint[0]}?" if hint else ""
    return first.start, f"expected SELECT, ASK, CONSTRUCT or DESCRIBE, not {first.text!r}{mean}"


def _check_brackets(toks: list[Token]) -> tuple[int, str] | None:
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
    if stack:
        opened = stack[-1]
        return (
            opened.start,
            f"this {opened.text!r} is never closed (expected {_OPENERS[opened.text]!r})",
        )
    return None


def _check_prefixes(toks: list[Token]) -> tuple[int, str] | None:
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


def from_engine(text: str, message: str, source: str | None = None) -> SparqlSyntaxError:
    """The engine's message, placed where the mistake is and with its list made readable."""
    try:
        precheck(text, source)  # a mistake found exactly is reported exactly
    except SparqlSyntaxError as exact:
        return exact
    match = _ENGINE.match(message.strip())
    if match is None:
        return SparqlSyntaxError(text, 1, 1, message.strip(), source)
    lines = text.splitlines() or [""]
    engine = _clamp(lines, int(match[1]), int(match[2]))
    found = _rdflib_position(text)
    place = _clamp(lines, *found) if found else engine
    if place == engine:  # both parsers stop here: Oxigraph's list is about this place
        problem = _expected(match[3])
    else:  # Oxigraph's list is about a later place (often the end): it would mislead
        word = _WORD.match(lines[place[0] - 1][place[1] - 1 :])
        shown = f" (at {word[0][:24]!r})" if word else ""
        problem = f"the query cannot be read from here on{shown}"
    return SparqlSyntaxError(text, place[0], place[1], problem, source)


_WORD = re.compile(r"\S+")


def _clamp(lines: list[str], line: int, column: int) -> tuple[int, int]:
    line = min(max(line, 1), len(lines))
    return line, min(max(column, 1), len(lines[line - 1]) + 1)


def _rdflib_position(text: str) -> tuple[int, int] | None:
    """Where rdflib's SPARQL grammar stops reading ``text`` (line, column), if it does."""
    if "\t" in text:
        return None  # pyparsing counts a tab as several columns
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseBaseException as exc:
        return exc.lineno, exc.col
    except Exception:  # rdflib's grammar is not ours to vouch for: keep Oxigraph's position
        return None
    return None


def _expected(rest: str) -> str:
    rest = rest.strip()
    if not rest.startswith("expected"):
        return rest
    body = _CHAR_CLASS.sub("", rest.removeprefix("expected").removeprefix(" one of")).strip()
    items = []
    for item in (i.strip() for i in body.split(",")):
        if not item or item in items:
            continue
        if item == "IRI parsing failed":
            item = "a valid IRI (no spaces, no quotes)"
        elif item == "Prefix not found":
            item = "a declared prefix"
        items.append(item)
    if not items:
        return "the query cannot be read from here on"
    shown = ", ".join(items[:_MAX_EXPECTED]) + (", ..." if len(items) > _MAX_EXPECTED else "")
    return ("expected " if len(items) == 1 else "expected one of ") + shown
