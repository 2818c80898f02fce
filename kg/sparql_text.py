"""Read enough of a SPARQL request to decide, before it runs, whether it may run.

The server is read-only and must make no outbound request, so updates and ``SERVICE``
are refused up front: both rdflib's engine and Oxigraph would otherwise call the named
endpoint. A small lexer removes comments, strings and IRIs first, so that the words
``SERVICE`` or ``INSERT`` inside a literal or a comment are not mistaken for keywords, and
reports the IRI that follows each ``SERVICE`` keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.errors import QueryError

# Order matters: long strings before short ones; IRIs may not contain spaces, which keeps a
# comparison such as `?a < 3 && ?b > 1` from being read as an IRI.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<var>[?$][A-Za-z0-9_]+)
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
_UPDATE_WORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


class Token(NamedTuple):  # a tuple: built for every token of every query, and cheap so
    kind: str
    text: str
    start: int = 0  # offset in the query text


def tokens(text: str) -> list[Token]:
    """Tokens outside comments. A word right after a colon is the local part of a prefixed
    name (``ex:service``), not a keyword, and becomes a ``name`` token."""
    found: list[Token] = []
    previous = ""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "comment":
            continue
        value = match.group()
        if kind == "word" and previous == ":":
            kind = "name"
        found.append(Token(kind, value, match.start()))
        previous = value
    return found


@dataclass(frozen=True)
class Inspection:
    form: str | None  # SELECT, ASK, CONSTRUCT, DESCRIBE; None if not a query
    is_update: bool
    services: tuple[str, ...]  # IRIs (or variables) after SERVICE
    has_dataset: bool = False  # the query names its own dataset (FROM, FROM NAMED)
    # the tokens read, for the next reader of the same text (kg/lookup.py)
    toks: list[Token] = field(default_factory=list, compare=False, repr=False)


def inspect(text: str) -> Inspection:
    toks = tokens(text)
    # Keywords by their place among the tokens, upper-cased once.
    words = {i: t.text.upper() for i, t in enumerate(toks) if t.kind == "word"}
    # The prologue is BASE and PREFIX declarations, each ending with an IRI; the first
    # keyword after it decides the form.
    form = None
    is_update = False
    index = 0
    while index < len(toks):
        upper = words.get(index)
        if upper in ("BASE", "PREFIX"):
            index += 1
            while index < len(toks) and toks[index].kind != "iri":
                index += 1
            index += 1
            continue
        if upper in _FORMS:
            form = upper
        elif upper in _UPDATE_WORDS:
            is_update = True
        break
    if any(t.text == ";" for t in toks) and not _UPDATE_WORDS.isdisjoint(words.values()):
        is_update = True  # a request of several operations
    services = []
    for i, upper in words.items():
        if upper == "SERVICE":
            j = i + 1
            if j < len(toks) and toks[j].text.upper() == "SILENT":
                j += 1
            services.append(toks[j].text if j < len(toks) else "")
    has_dataset = "FROM" in words.values()
    return Inspection(form, is_update, tuple(services), has_dataset, toks)


def check_query(text: str, allowlist: tuple[str, ...] = ()) -> Inspection:
    """Refuse updates and SERVICE calls not on the allow-list; return the inspection."""
    found = inspect(text)
    if found.is_update:
        raise UpdateInQuery(
            "this is a SPARQL Update, not a query; this endpoint is read-only and accepts "
            "no updates"
        )
    for target in found.services:
        iri = target[1:-1] if target.startswith("<") else None
        if iri is None or iri not in allowlist:
            shown = target or "(nothing)"
            raise RefusedQuery(
                f"SERVICE {shown} is refused: this endpoint makes no requests to "
                "other endpoints" + (" not on its allow-list" if allowlist else "")
            )
    if found.form is None:
        from kg.sparql_errors import precheck  # here: sparql_errors reads this module's tokens

        precheck(text)  # a misspelt form, with its line, column and a suggestion
        raise QueryError(
            "not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE after the prologue"
        )
    return found


class RefusedQuery(QueryError):
    """A well-formed request that the endpoint will not run (update, federation)."""


class UpdateInQuery(RefusedQuery):
    """An update sent where a query belongs: malformed as a query (400), and refused."""
