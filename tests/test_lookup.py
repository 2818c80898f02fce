"""Point lookups answered in the server's own process (kg/lookup.py): which queries count
as lookups, that their bound holds on the real data, and that the server's answer is
byte for byte a worker's answer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from pooled import answers_both_ways
from rdflib import Dataset

from kg.counts import Counts
from kg.lookup import MAX_ROWS, Degrees, lookup_rows
from kg.namespaces import PREFIXES
from kg.one_pattern import read_one_pattern
from kg.workers import Job, execute

JSON = "application/sparql-results+json"
PM = "https://w3id.org/atazan/id/prime-minister"
LOOKUPS = [
    f"SELECT ?p ?o WHERE {{ <{PM}> ?p ?o }}",
    f"select distinct * {{ <{PM}> ?p ?o . }} ORDER BY ?p DESC(?o) LIMIT 7 OFFSET 3",
    "PREFIX id: <https://w3id.org/atazan/id/> SELECT ?o WHERE { id:president ata:holds ?o }",
    "SELECT ?s WHERE { ?s a ata:Power } ORDER BY ?s",
    f"SELECT ?s ?p WHERE {{ ?s ?p <{PM}> }}  # who points at the Prime Minister",
    "SELECT ?s WHERE { ?s ?p <https://example.org/nothing> }",
    "SELECT ?o WHERE { ata:Power rdfs:label ?o.}",
]
NOT_LOOKUPS = [
    "SELECT ?s WHERE { ?s ?p ?o }",  # nothing fixed: the whole dataset
    "SELECT ?s WHERE { ?s a ata:Power . ?s ?p ?o }",  # a join
    "SELECT ?o WHERE { ata:Power rdfs:label ?o FILTER(lang(?o) = 'en') }",
    "SELECT (COUNT(*) AS ?n) WHERE { ata:Power ?p ?o }",  # an expression
    "SELECT ?o WHERE { ata:Power ?p ?o } GROUP BY ?o",
    "SELECT ?o WHERE { ata:Power rdfs:subClassOf/rdfs:label ?o }",  # a path
    "SELECT ?o WHERE { ata:Power a/rdfs:label ?o }",
    "SELECT ?o WHERE { ?s ?p 'Президент' }",  # a literal: not counted
    "SELECT ?o WHERE { <relative> ?p ?o }",  # resolved against a base
    "SELECT ?o WHERE { ata:art-13.2 ?p ?o }",  # a local name the reader does not read
    "SELECT ?o WHERE { nope:x ?p ?o }",  # an undeclared prefix
    "SELECT ?o FROM <https://w3id.org/atazan/> WHERE { ata:Power ?p ?o }",
    "SELECT ?o WHERE { GRAPH ?g { ata:Power ?p ?o } }",
    "SELECT ?o WHERE { ata:Power ?p ?o } LIMIT 1 LIMIT 2",
    "ASK { ata:Power ?p ?o }",
    "SELECT ?o WHERE { ata:Power ?p ?o",
    "SELECT ?o WHERE { ata:Power ?p ?o ; ?q ?r }",
    "SELECT ?o WHERE { ata:Power ?p ?o } VALUES ?o { 1 }",
    "SELECT ?o WHERE { ata:Power ?p ?o }" + " " * 5000,  # too long to be a simple lookup
]


@pytest.fixture(scope="module")
def degrees(store: ox.Store) -> Degrees:
    return Degrees.of_counts(Counts.of(store))


@pytest.mark.parametrize("query", LOOKUPS)
def test_lookups_are_recognised_and_their_bound_holds(
    query: str, store: ox.Store, degrees: Degrees
) -> None:
    bound = lookup_rows(query, degrees)
    assert bound is not None and bound <= MAX_ROWS
    rows = list(store.query(query, use_default_graph_as_union=True, prefixes=PREFIXES))
    assert len(rows) <= bound


@pytest.mark.parametrize("query", NOT_LOOKUPS)
def test_other_queries_go_to_a_worker(query: str, degrees: Degrees) -> None:
    assert lookup_rows(query, degrees) is None


def test_an_iri_with_too_many_triples_is_no_lookup(degrees: Degrees) -> None:
    busiest = max(degrees.into, key=degrees.into.__getitem__)
    query = f"SELECT ?s WHERE {{ ?s ?p <{busiest}> }}"
    assert lookup_rows(query, degrees) == degrees.into[busiest]
    crowded = Degrees(degrees.out, degrees.into + Counter({busiest: MAX_ROWS}))
    assert lookup_rows(query, crowded) is None


def test_the_server_answers_lookups_as_a_worker_would(
    dataset: Dataset, store: ox.Store, tmp_path: Path
) -> None:
    jobs = [Job(q, media, 10**6) for q in LOOKUPS for media in (JSON, "text/csv", None)]
    jobs.append(Job(LOOKUPS[3], JSON, 5))  # past the row limit: refused the same way

    here, there = answers_both_ways(dataset, tmp_path, jobs)
    assert here == there
    assert here[-1].error_kind == "too_large"
    assert here[0].body == execute(store, jobs[0]).body and b"prime-minister" in here[0].body


def test_the_reader_says_whether_our_prefixes_are_needed() -> None:
    # without a prefixed name the engine is not given our prefixes (kg/workers.py)
    needed = {q: read_one_pattern(q).prefixed for q in LOOKUPS}  # type: ignore[union-attr]
    assert needed[LOOKUPS[0]] is False and needed[LOOKUPS[4]] is False
    assert needed[LOOKUPS[2]] is True and needed[LOOKUPS[3]] is True
