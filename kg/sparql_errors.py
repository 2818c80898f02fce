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

An error carries its parts as data (:class:`SyntaxParts`): the position, what was expected
(keywords and symbols as code, word-like items as keys), the token found, a hint key with
its arguments, and the line with its caret. The English message is made from them, and a
Russian or Kazakh page shows them as labelled fields (words in :mod:`kg.sparql_error_words`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.sparql_error_words import (
    HINT_WORDS,
    ITEM_WORDS,
    PROBLEM_WORDS,
    plain,
    quoted,
    segments,
)
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


@dataclass(frozen=True)
class Problem:
    """What is wrong, without the position: a key of PROBLEM_WORDS (``unexpected``: a token
    where it cannot stand, said by the fields alone), what was expected there (code as
    shown, such as ``'.'`` or ``FILTER``, or a key of ITEM_WORDS), the token found (None at
    the end of the query), and a key of HINT_WORDS with its arguments."""

    key: str
    expected: tuple[str, ...] = ()
    found: str | None = None
    hint: str | None = None
    hint_args: dict[str, str] = field(default_factory=dict)
    args: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SyntaxParts:
    """A syntax error as data: its problem, where it is, and the line shown with a caret.
    Plain data, so that a worker process can send it back with its message."""

    problem: Problem
    line: int
    column: int
    source: str | None
    shown: str  # the line of the query the position is on
    caret: str  # spaces (tabs kept) and a caret under the position


class SparqlSyntaxError(QueryError):
    """A query that cannot be parsed; ``line`` and ``column`` count from 1 in its text."""

    def __init__(self, parts: SyntaxParts):
        self.parts = parts
        self.line, self.column, self.source = parts.line, parts.column, parts.source
        self.problem = english(parts.problem)
        super().__init__(render(parts))

    def __reduce__(self) -> tuple[type, tuple[SyntaxParts]]:
        return SparqlSyntaxError, (self.parts,)


def syntax_error(
    text: str, line: int, column: int, problem: Problem, source: str | None
) -> SparqlSyntaxError:
    lines = text.splitlines() or [""]
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    # Tabs before the position are kept, so that the caret lines up however tabs are shown.
    caret = "".join(c if c == "\t" else " " for c in shown[: column - 1]).ljust(column - 1) + "^"
    return SparqlSyntaxError(SyntaxParts(problem, line, column, source, shown, caret))


def render(parts: SyntaxParts) -> str:
    """The English message: the command line's and the HTTP endpoint's words."""
    line, column, source = parts.line, parts.column, parts.source
    where = f"{source}:{line}:{column}: " if source else ""
    at = "" if source else f" at line {line}, column {column}"
    return f"{where}SPARQL syntax error{at}: {english(parts.problem)}\n{quoted(parts)}"


_FORMS_EXPECTED = "expected SELECT, ASK, CONSTRUCT or DESCRIBE"


def item_en(item: str) -> str:
    """One expected item in English: a word-like item in words, code as it is."""
    words = ITEM_WORDS.get(item)
    return plain(segments(words["en"])) if words else item


def english(problem: Problem) -> str:
    """The problem in English, as one sentence."""
    key, found = problem.key, problem.found
    hint = ""
    if problem.hint:
        hint = "; " + plain(segments(HINT_WORDS[problem.hint]["en"], problem.hint_args))
    if key == "ends_early":
        return f"the query ends too early: {_named(problem.expected)}{hint}"
    if key == "unexpected":
        return f"{_named(problem.expected)}, not {found!r}{hint}"
    if key == "engine_list":  # the engine's own list, when the query is only cut short
        if not problem.expected:
            return plain(segments(PROBLEM_WORDS["unreadable"]["en"]))
        more = ", ..." if len(problem.expected) > _MAX_EXPECTED else ""
        return "expected one of " + ", ".join(problem.expected[:_MAX_EXPECTED]) + more
    if key == "empty":
        return f"the query is empty: {_FORMS_EXPECTED}"
    if key == "not_a_form":
        return f"{_FORMS_EXPECTED}, not {found!r}{hint}"
    if key in _ENGINE_WORDS:  # the engine's own sentence, as it has always been said
        return problem.args["text"]
    said = plain(segments(PROBLEM_WORDS[key]["en"], problem.args))
    if key == "wrong_closer":
        said += f", not {found!r}"
    elif key == "unclosed":
        said = f"expected {problem.expected[0]}: {said}"
    return said


def _named(expected: tuple[str, ...]) -> str:
    if not expected:
        return plain(segments(PROBLEM_WORDS["unreadable"]["en"]))
    if len(expected) == 1:
        return f"expected {item_en(expected[0])}"
    shown = ", ".join(item_en(item) for item in expected[:_MAX_EXPECTED])
    more = ", ..." if len(expected) > _MAX_EXPECTED else ""
    return f"expected one of {shown}{more}"


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
    checks: tuple[Callable[[str, list[Token]], tuple[int, Problem] | None], ...] = (
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
            raise syntax_error(text, line, column, problem, source)


def _check_form(text: str, toks: list[Token]) -> tuple[int, Problem] | None:
    index = 0
    while index < len(toks):  # skip the prologue: BASE <iri>, PREFIX p: <iri>
        if toks[index].kind == "word" and toks[index].text.upper() in ("BASE", "PREFIX"):
            while index < len(toks) and toks[index].kind != "iri":
                index += 1
            index += 1
            continue
        break
    if index >= len(toks):
        return _end(toks), Problem("empty", FORMS)
    first = toks[index]
    word = first.text.upper()
    if first.kind == "word" and (word in FORMS or word in _UPDATE):
        return None
    close = difflib.get_close_matches(word, FORMS, n=1, cutoff=0.6)
    hint, args = ("did_you_mean", {"word": close[0]}) if close else (None, {})
    return first.start, Problem("not_a_form", FORMS, first.text, hint, args)


def _check_strings(text: str, toks: list[Token]) -> tuple[int, Problem] | None:
    # The lexer reads a whole string as one token; a quote left over opens a string that the
    # line never closes (short strings may not span lines).
    for t in toks:
        if t.kind == "other" and t.text in ("'", '"'):
            args = {"quote": t.text, "triple": t.text * 3}
            return t.start, Problem("unclosed_string", (t.text,), args=args)
    return None


def _check_brackets(text: str, toks: list[Token]) -> tuple[int, Problem] | None:
    stack: list[Token] = []
    for t in toks:
        if t.kind != "other":
            continue
        if t.text in _OPENERS:
            stack.append(t)
        elif t.text in _CLOSERS:
            if not stack:
                args = {"closer": t.text, "opener": _CLOSERS[t.text]}
                return t.start, Problem("closes_nothing", found=t.text, args=args)
            opened = stack.pop()
            if _OPENERS[opened.text] != t.text:
                closer = _OPENERS[opened.text]
                args = {"closer": closer, "opener": opened.text}
                return t.start, Problem("wrong_closer", (repr(closer),), t.text, args=args)
    if stack:  # the closer belongs at the end, where the query stops
        opened = stack[-1]
        line, column = _position(text, opened.start)
        closer = _OPENERS[opened.text]
        args = {"opener": opened.text, "line": str(line), "column": str(column)}
        return _end(toks), Problem("unclosed", (repr(closer),), args=args)
    return None


def _check_prefixes(text: str, toks: list[Token]) -> tuple[int, Problem] | None:
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
            # <http://a b>: the lexer reads no IRI with a blank inside
            return opener.start, Problem("unclosed_iri", ("'>'",))
        if prefix == "_" or prefix in declared:
            continue
        if i >= 2 and toks[i - 2 if adjacent else i - 1].text.upper() == "PREFIX":
            continue  # the declaration itself
        known = ", ".join(f"{p}:" for p in PREFIXES)
        return start, Problem("undeclared_prefix", args={"prefix": prefix, "known": known})
    return None


# --- mistakes placed and explained by asking the engine's parser ----------------------------

_EMPTY = ox.Store()
# Blank lines and a character no query may contain: reading stops at that character only if
# everything before it can still start a query. Oxigraph's keywords read ahead a keyword's
# length (at most 14 characters), so a failure before the blank line never reaches it.
_SENTINEL = "\n" + " " * 32 + "\n\x07"
_SENTINEL_LINES = _SENTINEL.count("\n")

# Word-like items are keys of ITEM_WORDS; the rest is code, shown as it is.
_OPERATOR = "operator"
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
    ("?v", "variable"),
    ("<http://example.org/>", "iri"),
    ("rdf:type", "iri"),
    ("rdf:", "prefix"),
    ('"text"', "literal"),
    ("1", "number"),
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
    if "iri" in labels and "prefix" in labels:
        labels.remove("prefix")  # a prefix alone is an IRI's first half
    if _OPERATOR in labels:  # inside an expression these are operators too: name them once
        labels = [label for label in labels if label not in ("'*'", "'/'", "IN", "NOT")]
    return labels


Hint = tuple[str, dict[str, str]]  # a key of HINT_WORDS and its arguments


def _hint(toks: list[Token], index: int | None, expected: list[str], start: str) -> Hint | None:
    """The hint for a known shape of mistake, or None."""
    before = toks[:index] if index is not None else toks
    prev = before[-1].text.upper() if before else ""
    words = [t.text.upper() for t in before if t.kind == "word"]
    in_select = "SELECT" in words and "{" not in (t.text for t in before)
    if prev in ("FILTER", "HAVING", "BIND", "ASC", "DESC") and "'('" in expected:
        return ("bind_parentheses", {}) if prev == "BIND" else ("parentheses", {"word": prev})
    if prev in _BRACED and "'{'" in expected:
        return "braces", {"word": prev}
    if len(before) > 1 and before[-2].text.upper() == "GRAPH" and "'{'" in expected:
        return "graph_braces", {"name": before[-1].text}
    if prev in ("LIMIT", "OFFSET") and "number" in expected:
        return "whole_number", {"word": prev}
    if index is None:
        return None
    tok = toks[index]
    upper = tok.text.upper()
    if tok.kind == "var" and "AS" in expected:
        return "as_missing", {"var": tok.text}
    if tok.text == ")" and "AS" in expected:
        return "select_name", {}
    if tok.text in ("?", "$"):
        return "variable_name", {"mark": tok.text}
    if tok.text == "," and in_select:
        return "select_commas", {}
    if upper in _MODIFIERS and "{" not in (t.text for t in before):
        return "after_where", {"word": upper}
    if upper in _AGGREGATES and in_select and "'('" in expected:
        return "aggregate_parentheses", {"word": upper}
    if upper == "AS" and "ORDER" in words:
        return "order_by_as", {}
    if tok.kind == "word" and upper not in _KEYWORDS:
        is_prefix = index + 1 < len(toks) and toks[index + 1].text == ":"
        if not is_prefix:
            close = difflib.get_close_matches(upper, _KEYWORDS, n=3, cutoff=0.6)
            for word in close:
                if _readable(start + " " + word):
                    return "did_you_mean", {"word": word}
            if "variable" in expected and not tok.text.isupper():
                return "variable_mark", {"name": tok.text}
    starts_term = tok.kind in ("var", "iri", "string") or (
        index + 1 < len(toks) and toks[index + 1].text == ":"
    )
    if starts_term and "'.'" in expected:
        return "missing_dot", {}
    return None


def _engine_items(rest: str) -> tuple[str, ...]:
    """Oxigraph's list without its character classes."""
    body = _CHAR_CLASS.sub("", rest.strip().removeprefix("expected").removeprefix(" one of"))
    return tuple(dict.fromkeys(i.strip() for i in body.split(",") if i.strip()))


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
        return syntax_error(text, 1, 1, _engine_said(message.strip()), source)
    toks = tokens(text)
    sentences = _sentences(match[3].strip())
    if sentences:  # not a mistake of syntax: a check about meaning failed
        line, column = _clamp(text.splitlines() or [""], int(match[1]), int(match[2]))
        return syntax_error(text, line, column, _meaning(sentences[0]), source)
    index = _mistake(text, toks)
    offset = toks[index].start if index is not None else _end(toks)
    start = text[:offset].rstrip()
    expected = _expected_after(start)
    if index is None and not expected:  # the parser reads every token: keep its own words
        line, column = _clamp(text.splitlines() or [""], int(match[1]), int(match[2]))
        return syntax_error(
            text, line, column, Problem("engine_list", _engine_items(match[3])), source
        )
    hint, hint_args = _hint(toks, index, expected, start) or (None, {})
    if index is None:
        problem = Problem("ends_early", tuple(expected), None, hint, hint_args)
    else:
        found = _shown(toks, index)[:_SHOWN_TOKEN]
        problem = Problem("unexpected", tuple(expected), found, hint, hint_args)
    line, column = _position(text, offset)
    return syntax_error(text, line, column, problem, source)


def _shown(toks: list[Token], index: int) -> str:
    """The offending token, with the rest of a prefixed name (``ata:x``, not ``ata``)."""
    text = toks[index].text
    for t in toks[index + 1 : index + 3]:
        end = toks[index].start + len(text)
        if t.start != end or not (t.text == ":" or t.kind == "name"):
            break
        text += t.text
    return text


# The engine's sentences about meaning that have words of our own (PROBLEM_WORDS); the
# English message keeps the engine's sentence (or our English for the first two).
_MEANINGS = {
    "IRI parsing failed": ("invalid_iri", "this IRI is not valid (no spaces, no quotes)"),
    "Prefix not found": ("prefix_not_found", "this prefix is not declared"),
    "Duplicated variable name in SELECT": ("duplicated_variable", None),
    "SELECT * is not authorized with GROUP BY": ("star_with_group", None),
    "The SELECT contains a variable that is unbound": ("unbound_in_select", None),
    "The VALUES clause rows should have exactly the same number of values as there are "
    "variables. To set a value to undefined use UNDEF.": ("values_row_length", None),
}
_ENGINE_WORDS = {key for key, _ in _MEANINGS.values()} | {"engine"}


def _meaning(sentence: str) -> Problem:
    key, said = _MEANINGS.get(sentence, ("engine", None))
    return Problem(key, args={"text": said or sentence[:1].lower() + sentence[1:]})


def _engine_said(message: str) -> Problem:
    """A message of the engine's that cannot be placed: its own words, as they are."""
    return Problem("engine", args={"text": message})


def _clamp(lines: list[str], line: int, column: int) -> tuple[int, int]:
    line = min(max(line, 1), len(lines))
    return line, min(max(column, 1), len(lines[line - 1]) + 1)
