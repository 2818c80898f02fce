"""Counts over one triple pattern, answered from counts kept when the data is loaded.

The most common question an integrator asks a new endpoint is how much of what it holds:
how many things of each class, how many triples of each property, how many things of one
class. Each is a COUNT over one triple pattern, grouped by some of its variables:

    SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type
    SELECT (COUNT(?s) AS ?n) WHERE { ?s a ata:Power }
    SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p

The engine answers these by reading every matching triple (about 0.4 microseconds each;
6,864 for the first query, 3 ms). The data never changes while the server runs, so the
server counts the triples once, at load, by predicate and object and by predicate and
subject, and answers such a query from those counts in microseconds, as stores with range
counts do. The answer is the engine's: the same rows and the same numbers (duplicates
across graphs included, as the default graph is the union of the graphs), written by the
same writers; only the order of the rows may differ, since without ORDER BY it is the
engine's to choose (here: the SPARQL order of the group keys, so it is the same on every
replica).

Taken are queries read by kg/one_pattern.py with exactly one ``COUNT(*)`` or ``COUNT(?v)``
of a variable of the pattern, no DISTINCT, ORDER BY or HAVING, a GROUP BY of distinct
variables of the pattern, the projected variables among them, no LIMIT or OFFSET with a
GROUP BY, and a combination of fixed and grouped places that the counts hold (see
``_groups``), with at most ``MAX_GROUPS`` groups. Anything else goes to a worker as before.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.one_pattern import OnePattern, Slot

# The most rows a count answered in the server may have: each costs a few microseconds to
# write, so this bounds the answer at a few milliseconds, as for a point lookup.
MAX_GROUPS = 2000
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Groups = dict[tuple[Term, ...], int]


@dataclass(frozen=True)
class Counts:
    """How many quads have each predicate, each predicate and object, and each predicate
    and subject."""

    quads: dict[ox.NamedNode, int]  # predicate -> quads
    objects: dict[ox.NamedNode, Counter[Term]]  # predicate -> object -> quads
    subjects: dict[ox.NamedNode, Counter[Term]]  # predicate -> subject -> quads

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> Counts:
        objects: defaultdict[ox.NamedNode, Counter[Term]] = defaultdict(Counter)
        subjects: defaultdict[ox.NamedNode, Counter[Term]] = defaultdict(Counter)
        for quad in quads:
            objects[quad.predicate][quad.object] += 1
            subjects[quad.predicate][quad.subject] += 1
        # Kept in the SPARQL order of their keys, which is then the order of the rows.
        predicates = sorted(objects, key=_order)
        return cls(
            {p: objects[p].total() for p in predicates},
            {p: _sorted(objects[p]) for p in predicates},
            {p: _sorted(subjects[p]) for p in predicates},
        )


@dataclass(frozen=True)
class CountTable:
    """The answer: the projected variables and the rows, as terms."""

    variables: list[str]
    rows: list[list[Term]]


def count_table(query: OnePattern | None, counts: Counts) -> CountTable | None:
    """The answer to ``query`` if it is a count the counts hold; None if not."""
    if query is None or query.modifier or query.ordered or query.projection is None:
        return None
    projection = query.projection
    aggregates = [item for item in projection if not isinstance(item, str)]
    plain = [item for item in projection if isinstance(item, str)]
    names = [slot.var for slot in query.pattern if slot.var]
    if len(aggregates) != 1 or len(set(names)) != len(names):
        return None
    count = aggregates[0]
    group_by = query.group_by
    if (
        (count.counted is not None and count.counted not in names)
        or count.alias in names
        or len(set(group_by)) != len(group_by)
        or not set(group_by) <= set(names)
        or len(set(plain)) != len(plain)
        or not set(plain) <= set(group_by)
    ):
        return None
    if group_by and (query.limit is not None or query.offset):
        return None  # which groups a slice keeps is the engine's choice: not ours to make
    places = {slot.var: i for i, slot in enumerate(query.pattern) if slot.var}
    groups = _groups(counts, query.pattern, tuple(places[v] for v in group_by))
    if groups is None or len(groups) > MAX_GROUPS:
        return None
    start = query.offset or 0
    stop = None if query.limit is None else start + query.limit
    rows = []
    for key in list(groups)[start:stop]:
        value = dict(zip(group_by, key, strict=True))
        number = ox.Literal(str(groups[key]), datatype=XSD_INTEGER)
        rows.append([number if not isinstance(item, str) else value[item] for item in projection])
    variables = [item if isinstance(item, str) else item.alias for item in projection]
    return CountTable(variables, rows)


def _groups(
    counts: Counts, pattern: tuple[Slot, Slot, Slot], grouped: tuple[int, ...]
) -> Groups | None:
    """The number of quads matching ``pattern`` for each combination of terms at the
    ``grouped`` places (0 subject, 1 predicate, 2 object), keyed in that order and in the
    SPARQL order of the keys; the one key ``()`` without grouping. None for a combination
    the counts do not hold, or one with too many groups."""
    subject, predicate, obj = (ox.NamedNode(slot.iri) if slot.iri else None for slot in pattern)
    if predicate is None:
        return _by_predicate(counts, subject, obj, grouped)
    by_object = counts.objects.get(predicate, _NONE)
    by_subject = counts.subjects.get(predicate, _NONE)
    if subject is None and obj is None:
        if grouped == ():
            return {(): counts.quads.get(predicate, 0)}
        counter = {(2,): by_object, (0,): by_subject}.get(grouped)
        if counter is None or len(counter) > MAX_GROUPS:
            return None
        return {(term,): n for term, n in counter.items()}
    if grouped or (subject is not None and obj is not None):
        return None  # a fixed subject and object are not counted together
    return {(): by_object[obj] if subject is None else by_subject[subject]}


def _by_predicate(
    counts: Counts,
    subject: ox.NamedNode | None,
    obj: ox.NamedNode | None,
    grouped: tuple[int, ...],
) -> Groups | None:
    """A variable predicate: the quads of each predicate, or of all (those with the fixed
    subject or object, if one is fixed)."""
    if grouped not in ((), (1,)) or (subject is not None and obj is not None):
        return None
    if subject is not None:
        numbers = {p: c[subject] for p, c in counts.subjects.items() if subject in c}
    elif obj is not None:
        numbers = {p: c[obj] for p, c in counts.objects.items() if obj in c}
    else:
        numbers = counts.quads
    if grouped == ():
        return {(): sum(numbers.values())}
    return {(p,): n for p, n in numbers.items()}


_NONE: Counter[Term] = Counter()


def _sorted(counter: Counter[Term]) -> Counter[Term]:
    return Counter({term: counter[term] for term in sorted(counter, key=_order)})


def _order(term: Term) -> tuple[int, str, str, str]:
    """SPARQL's order of kinds (blank nodes, IRIs, literals), then by text."""
    if isinstance(term, ox.BlankNode):
        return (0, term.value, "", "")
    if isinstance(term, ox.NamedNode):
        return (1, term.value, "", "")
    if isinstance(term, ox.Literal):
        return (2, term.value, term.datatype.value, term.language or "")
    return (3, str(term), "", "")
