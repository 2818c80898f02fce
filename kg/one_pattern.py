"""Read a SELECT query over one triple pattern, the shape the server may answer itself.

The server answers two kinds of query without a worker, point lookups (kg/lookup.py) and
counts (kg/counts.py), because their cost is known before they run. Both are read here,
by a small recogniser of this shape, and not by the engine:

    [PREFIX p: <absolute IRI>]... SELECT [DISTINCT|REDUCED] projection [WHERE]
    { s p o [.] } [GROUP BY ?v...] [ORDER BY ?v | ASC(?v) | DESC(?v) ...]
    [LIMIT n] [OFFSET n]

where the projection is ``*`` or variables, and at most one ``(COUNT(* | ?v) AS ?n)``;
each of s, p, o is a variable or a fixed absolute IRI (p may be ``a``); and there is no
path, FILTER, BIND, GRAPH, FROM, VALUES, subquery or function. The recogniser is
conservative: what it does not read is simply not of this shape, and goes to a worker,
whose engine also reports any error in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.namespaces import PREFIXES
from kg.sparql_text import Token, tokens

MAX_TEXT = 4096  # characters; a longer text is no simple query
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_ABSOLUTE = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Slot:
    """One place of the triple pattern: a fixed IRI, or a variable (its name, no sigil)."""

    iri: str | None = None
    var: str | None = None


@dataclass(frozen=True)
class Count:
    """``(COUNT(counted) AS alias)``; ``counted`` None for ``*``."""

    counted: str | None
    alias: str


@dataclass(frozen=True)
class OnePattern:
    modifier: str | None  # DISTINCT or REDUCED
    projection: tuple[str | Count, ...] | None  # None for *
    pattern: tuple[Slot, Slot, Slot]
    group_by: tuple[str, ...]
    ordered: bool  # has ORDER BY
    limit: int | None
    offset: int | None
    prefixed: bool  # has a prefixed name (the only place our prefixes could matter)

    @property
    def count(self) -> Count | None:
        counts = [item for item in self.projection or () if isinstance(item, Count)]
        return counts[0] if counts else None


def read_one_pattern(text: str, toks: list[Token] | None = None) -> OnePattern | None:
    """The query's parts if it has the shape above; None if not. ``toks``, the text's
    tokens if the caller has them already (a long text is refused before it is read)."""
    if len(text) > MAX_TEXT:
        return None
    return _Reader(tokens(text) if toks is None else toks).read()


class _NotOfTheShape(Exception):
    pass


class _Reader:
    """Reads tokens in order; any surprise raises _NotOfTheShape."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.at = 0
        self.prefixes = dict(PREFIXES)
        self.prefixed = False

    def read(self) -> OnePattern | None:
        try:
            self._prologue()
            self._keyword("SELECT")
            modifier = self._optional_keyword("DISTINCT", "REDUCED")
            projection = self._projection()
            self._optional_keyword("WHERE")
            self._symbol("{")
            subject = self._slot()
            predicate = self._predicate()
            obj = self._slot()
            if self._peek_text() == ".":
                self.at += 1
            self._symbol("}")
            group_by = self._group_by()
            ordered = self._order_by()
            limit, offset = self._limit_offset()
            if self.at != len(self.toks):
                raise _NotOfTheShape
        except (_NotOfTheShape, IndexError, ValueError):  # ValueError: too few tokens left
            return None
        pattern = (subject, predicate, obj)
        return OnePattern(
            modifier, projection, pattern, group_by, ordered, limit, offset, self.prefixed
        )

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
                raise _NotOfTheShape
            self.prefixes[name.text] = iri.text[1:-1]
            self.at += 3

    def _projection(self) -> tuple[str | Count, ...] | None:
        if self._peek_text() == "*":
            self.at += 1
            return None
        items: list[str | Count] = []
        while True:
            token = self.toks[self.at]
            if token.kind == "var":
                self.at += 1
                items.append(token.text[1:])
            elif token.text == "(":
                items.append(self._count())
            else:
                break
        if not items:
            raise _NotOfTheShape
        return tuple(items)

    def _count(self) -> Count:
        self._symbol("(")
        self._keyword("COUNT")
        self._symbol("(")
        counted = None
        if self._peek_text() == "*":
            self.at += 1
        else:
            counted = self._variable()
        self._symbol(")")
        self._keyword("AS")
        alias = self._variable()
        self._symbol(")")
        return Count(counted, alias)

    def _variable(self) -> str:
        token = self.toks[self.at]
        if token.kind != "var":
            raise _NotOfTheShape
        self.at += 1
        return token.text[1:]  # ?x and $x are the same variable

    def _slot(self) -> Slot:
        token = self.toks[self.at]
        if token.kind == "var":
            return Slot(var=self._variable())
        if token.kind == "iri":
            if not _ABSOLUTE.match(token.text):
                raise _NotOfTheShape  # a relative IRI: resolved against a base we do not read
            self.at += 1
            return Slot(iri=token.text[1:-1])
        return Slot(iri=self._prefixed_name())

    def _predicate(self) -> Slot:
        token = self.toks[self.at]
        if token.kind == "word" and token.text == "a":
            self.at += 1
            slot = Slot(iri=RDF_TYPE)
        else:
            slot = self._slot()
        if self._peek_text() in {"/", "|", "*", "+", "?", "^", "!", "("}:
            raise _NotOfTheShape  # a property path
        return slot

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
            raise _NotOfTheShape
        following = self.toks[self.at + 3] if self.at + 3 < len(self.toks) else None
        if following is not None and following.start == local.start + len(local.text):
            if following.text != ".":  # a local name goes on (ata:art-13.2): not read here
                raise _NotOfTheShape
            after = self.toks[self.at + 4] if self.at + 4 < len(self.toks) else None
            if after is not None and after.start == following.start + 1:
                raise _NotOfTheShape
        self.at += 3
        self.prefixed = True
        return self.prefixes[prefix.text] + local.text

    def _group_by(self) -> tuple[str, ...]:
        if self._peek_word() != "GROUP":
            return ()
        self.at += 1
        self._keyword("BY")
        names = []
        while self.at < len(self.toks) and self.toks[self.at].kind == "var":
            names.append(self._variable())
        if not names:
            raise _NotOfTheShape
        return tuple(names)

    def _order_by(self) -> bool:
        if self._peek_word() != "ORDER":
            return False
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
                self._variable()
                self._symbol(")")
            else:
                break
            count += 1
        if not count:
            raise _NotOfTheShape
        return True

    def _limit_offset(self) -> tuple[int | None, int | None]:
        found: dict[str, int] = {}
        while self._peek_word() in ("LIMIT", "OFFSET"):
            word = self._peek_word() or ""
            if word in found:
                raise _NotOfTheShape
            self.at += 1
            found[word] = self._number()
        return found.get("LIMIT"), found.get("OFFSET")

    def _number(self) -> int:
        """Digits, each a token of its own, side by side."""
        first = self.toks[self.at]
        if not first.text.isdigit():
            raise _NotOfTheShape
        self.at += 1
        digits = [first.text]
        end = first.start + 1
        while self.at < len(self.toks):
            token = self.toks[self.at]
            if not (token.text.isdigit() and token.start == end):
                break
            digits.append(token.text)
            self.at += 1
            end += 1
        return int("".join(digits))

    # --- single tokens ------------------------------------------------------------------

    def _peek_text(self) -> str | None:
        return self.toks[self.at].text if self.at < len(self.toks) else None

    def _peek_word(self) -> str | None:
        if self.at < len(self.toks) and self.toks[self.at].kind == "word":
            return self.toks[self.at].text.upper()
        return None

    def _keyword(self, word: str) -> None:
        if self._peek_word() != word:
            raise _NotOfTheShape
        self.at += 1

    def _optional_keyword(self, *words: str) -> str | None:
        word = self._peek_word()
        if word in words:
            self.at += 1
            return word
        return None

    def _symbol(self, text: str) -> None:
        if self._peek_text() != text:
            raise _NotOfTheShape
        self.at += 1
