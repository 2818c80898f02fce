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
with more than ``MAX_ROWS`` quads, goes to a worker as before. The shape is read by the
conservative recogniser of kg/one_pattern.py: what it does not recognise is simply not a
lookup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from kg.counts import Counts
from kg.one_pattern import OnePattern, read_one_pattern
from kg.sparql_text import Token

# The most rows a lookup answered in the server may have: above every IRI of our data
# (1,641 for a constitution, 236 for the President), a few milliseconds at most.
MAX_ROWS = 2000


@dataclass(frozen=True)
class Degrees:
    """How many quads have each IRI as subject (``out``) and as object (``into``)."""

    out: Counter[str]
    into: Counter[str]

    @classmethod
    def of_counts(cls, counts: Counts) -> Degrees:
        """Summed from the counts kept for counts (kg/counts.py): no second pass over the
        data."""
        out: Counter[str] = Counter()
        into: Counter[str] = Counter()
        for by_subject in counts.subjects.values():
            for term, n in by_subject.items():
                if isinstance(term, ox.NamedNode):
                    out[term.value] += n
        for by_object in counts.objects.values():
            for term, n in by_object.items():
                if isinstance(term, ox.NamedNode):
                    into[term.value] += n
        return cls(out, into)


def lookup_rows(text: str, degrees: Degrees, toks: list[Token] | None = None) -> int | None:
    """The most rows ``text`` can yield if it is a point lookup (see the module's text);
    None if it is not one, or if it may yield more than MAX_ROWS. ``toks`` are the text's
    tokens if the caller has them already."""
    return lookup_bound(read_one_pattern(text, toks), degrees)


def lookup_bound(query: OnePattern | None, degrees: Degrees) -> int | None:
    """lookup_rows for a query read already (None: not of the shape)."""
    if query is None or query.count is not None or query.group_by:
        return None
    subject, _, obj = query.pattern  # a fixed predicate narrows the rows; the bound holds
    bounds = [degrees.out[subject.iri]] if subject.iri else []
    if obj.iri:
        bounds.append(degrees.into[obj.iri])
    if not bounds or min(bounds) > MAX_ROWS:
        return None
    return min(bounds)
