"""Point lookups: the one kind of query the server answers itself, without a worker.

Handing a query to a worker process costs more than the query when the query is a point
lookup (measured: README, Performance). A lookup is safe to run in the server's own
process only if its cost is known before it runs, since nothing can stop it there. It is
known for a query of exactly this shape:

    [PREFIX p: <absolute IRI>]... SELECT [DISTINCT|REDUCED] (* | ?v...) [WHERE]
    { s p o [.] } [ORDER BY ?v | ASC(?v) | DESC(?v) ...] [LIMIT n] [OFFSET n]

with a fixed IRI as subject or object, and no expression, path, FILTER, BIND, GRAPH,
FROM, subquery or function. Such a query reads only the triples of that IRI, so it yields
at most as many rows as the IRI has quads, a number counted once when the data is loaded
(the data never changes while the server runs). Anything else, and any lookup of an IRI
with more than ``MAX_ROWS`` quads, goes to a worker as before. Being read by a small
recogniser, and not by the engine, the shape is judged conservatively: what it does not
recognise is simply not a lookup.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from kg.namespaces import PREFIXES
from kg.sparql_text import Token, tokens

# The most rows a lookup answered in the server may have: above every IRI of our data
# (1,641 for a constitution, 236 for the President), a few milliseconds at most.
MAX_ROWS = 2000
MAX_TEXT = 4096  # characters; a longer text is no simple lookup
_ABSOLUTE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Degrees:
    """How many quads have each IRI as subject (``out``) and as object (``into``)."""

    out: Counter[str]
    into: Counter[str]

    @classmethod
    def of(cls, store: ox.Store) -> Degrees:
        out: Counter[str] = Counter()
        into: Counter[str] = Counter()
        for quad in store:
            if isinstance(quad.subject, ox.NamedNode):
                out[quad.subject.value] += 1
            if isinstance(quad.object, ox.NamedNode):
                into[quad.object.value] += 1
        return cls(out, into)


def lookup_rows(text: str, degrees: Degrees, toks: list[Token] | None = None) -> int | None:
    """The most rows ``text`` can yield if it is a point lookup (see the module's text);
    None if it is not one, or if it may yield more than MAX_ROWS. ``toks`` are the text's
    tokens if the caller has them already."""
    if len(text) > MAX_TEXT:
        return None
    pattern = _Reader(tokens(text) if toks is None else toks).lookup()
    if pattern is None:
        return None
    subject, obj = pattern
    bounds = [degrees.out[subject]] if subject else []
    if obj:
        bounds.append(degrees.into[obj])
    if not bounds or min(bounds) > MAX_ROWS:
        return None
    return min(bounds)


class _NotALookup(Exception):
    pass


class _Reader:
    """Reads tokens in order; any surprise raises _NotALookup."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.at = 0
        self.prefixes = dict(PREFIXES)

    def lookup(self) -> tuple[str | None, str | None] | None:
        """(subject IRI, object IRI), each None where it is a variable."""
        try:
            self._prologue()
            self._keyword("SELECT")
            self._optional_keyword("DISTINCT", "REDUCED")
            self._projection()
            self._optional_keyword("WHERE")
            self._symbol("{")
            subject = self._term()
            self._predicate()  # a fixed one narrows the rows; the bound holds either way
            obj = self._term()
            if self._peek_text() == ".":
                self.at += 1
            self._symbol("}")
            self._modifiers()
            if self.at != len(self.toks):
                raise _NotALookup
        except (_NotALookup, IndexError, ValueError):  # ValueError: too few tokens left
            return None
        if subject is None and obj is None:
            return None
        return subject, obj

    # --- the pieces ---------------------------------------------------------------------

    def _prologue(self) -> None:
        while self._peek_word() == "PREFIX":
            self.at += 1
            name = self.toks[self.at]
            colon = self.toks[self.at + 1]
            iri = self.toks[self.at + 2]
            if not (
                name.kind == "word"
                and colon.text == ":"
                and colon.start == name.start + len(name.text)
                and iri.kind == "iri"
                and _ABSOLUTE.match(iri.text)
            ):
                raise _NotALookup
            self.prefixes[name.text] = iri.text[1:-1]
            self.at += 3

    def _projection(self) -> None:
        if self._peek_text() == "*":
            self.at += 1
            return
        count = 0
        while self.toks[self.at].kind == "var":
            self.at += 1
            count += 1
        if not count:
            raise _NotALookup

    def _term(self) -> str | None:
        """A variable (None) or a fixed IRI (its text)."""
        token = self.toks[self.at]
        if token.kind == "var":
            self.at += 1
            return None
        if token.kind == "iri":
            if not _ABSOLUTE.match(token.text):
                raise _NotALookup  # a relative IRI: resolved against a base we do not read
            self.at += 1
            return token.text[1:-1]
        return self._prefixed_name()

    def _predicate(self) -> None:
        token = self.toks[self.at]
        if token.kind == "word" and token.text == "a":
            self.at += 1
        else:
            self._term()
        if self._peek_text() in {"/", "|", "*", "+", "?", "^", "!", "("}:
            raise _NotALookup  # a property path

    def _prefixed_name(self) -> str:
        prefix, colon, local = self.toks[self.at : self.at + 3]
        if not (
            prefix.kind == "word"
            and prefix.text in self.prefixes
            and colon.text == ":"
            and colon.start == prefix.start + len(prefix.text)
            and local.kind == "name"
            and local.start == colon.start + 1
        ):
            raise _NotALookup
        following = self.toks[self.at + 3] if self.at + 3 < len(self.toks) else None
        if following is not None and following.start == local.start + len(local.text):
            if following.text != ".":  # a local name goes on (ata:art-13.2): not read here
                raise _NotALookup
            after = self.toks[self.at + 4] if self.at + 4 < len(self.toks) else None
            if after is not None and after.start == following.start + 1:
                raise _NotALookup
        self.at += 3
        return self.prefixes[prefix.text] + local.text

    def _modifiers(self) -> None:
        if self._peek_word() == "ORDER":
            self.at += 1
            self._keyword("BY")
            count = 0
            while True:
                token = self.toks[self.at] if self.at < len(self.toks) else None
                if token is not None and token.kind == "var":
                    self.at += 1
                elif token is not None and token.text.upper() in ("ASC", "DESC"):
                    self.at += 1
                    self._symbol("(")
                    if self.toks[self.at].kind != "var":
                        raise _NotALookup
                    self.at += 1
                    self._symbol(")")
                else:
                    break
                count += 1
            if not count:
                raise _NotALookup
        seen: set[str] = set()
        while self._peek_word() in ("LIMIT", "OFFSET"):
            word = self._peek_word() or ""
            if word in seen:
                raise _NotALookup
            seen.add(word)
            self.at += 1
            self._number()

    def _number(self) -> None:
        """Digits, each a token of its own, side by side."""
        first = self.toks[self.at]
        if not first.text.isdigit():
            raise _NotALookup
        self.at += 1
        end = first.start + 1
        while self.at < len(self.toks):
            token = self.toks[self.at]
            if not (token.text.isdigit() and token.start == end):
                break
            self.at += 1
            end += 1

    # --- single tokens ------------------------------------------------------------------

    def _peek_text(self) -> str | None:
        return self.toks[self.at].text if self.at < len(self.toks) else None

    def _peek_word(self) -> str | None:
        if self.at < len(self.toks) and self.toks[self.at].kind == "word":
            return self.toks[self.at].text.upper()
        return None

    def _keyword(self, word: str) -> None:
        if self._peek_word() != word:
            raise _NotALookup
        self.at += 1

    def _optional_keyword(self, *words: str) -> None:
        if self._peek_word() in words:
            self.at += 1

    def _symbol(self, text: str) -> None:
        if self._peek_text() != text:
            raise _NotALookup
        self.at += 1
