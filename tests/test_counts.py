"""Counts over one triple pattern answered from the counts kept at load (kg/counts.py):
which queries are taken, that every answer has the engine's rows and numbers on the real
data, and that the server gives them in every format as a worker would, rows aside."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from pooled import answers_both_ways
from rdflib import Dataset

from kg.counts import MAX_GROUPS, Counts, count_table
from kg.lookup import Degrees
from kg.namespaces import PREFIXES
from kg.one_pattern import read_one_pattern
from kg.workers import Job

JSON = "application/sparql-results+json"
PM = "https://w3id.org/atazan/id/prime-minister"
COUNTS = [
    "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "select (count(?s) as $n) { ?s a ata:Power . }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) ?o WHERE { ?s ata:holder ?o } GROUP BY ?o",
    "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ata:holder ?o } GROUP BY ?s",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ata:holder ?o } GROUP BY ?s",
    "SELECT ?number (COUNT(*) AS ?n) WHERE { ?part eli:number ?number } GROUP BY ?number",
    f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ <{PM}> ?p ?o }} GROUP BY ?p",
    f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p <{PM}> }} GROUP BY ?p",
    f"SELECT (COUNT(*) AS ?n) WHERE {{ <{PM}> ?p ?o }}",
    f"SELECT (COUNT(*) AS ?n) WHERE {{ <{PM}> rdfs:label ?o }}",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ata:holder <https://example.org/nothing> }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/nothing> ?o }",
    "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s <https://example.org/nothing> ?o } GROUP BY ?o",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ata:Power } LIMIT 1",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ata:Power } OFFSET 1",
]
NOT_COUNTS = [
    "SELECT ?s WHERE { ?s a ata:Power }",  # no count: a lookup, or a worker's
    "SELECT DISTINCT (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
    "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY DESC(?n)",
    "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t LIMIT 3",
    "SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
    "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t HAVING (COUNT(*) > 2)",
    "SELECT (COUNT(*) AS ?n) (COUNT(?s) AS ?m) WHERE { ?s a ?t }",
    "SELECT ?t (COUNT(*) AS ?t) WHERE { ?s a ?t } GROUP BY ?t",  # an error: the engine's
    "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",  # likewise
    "SELECT ?x (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?x",
    "SELECT (COUNT(?x) AS ?n) WHERE { ?s a ?t }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s }",
    "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
    "SELECT ?s ?o (COUNT(*) AS ?n) WHERE { ?s a ?o } GROUP BY ?s ?o",
    "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?o } GROUP BY ?o",  # too many groups
    f"SELECT (COUNT(*) AS ?n) WHERE {{ <{PM}> ?p <{PM}> }}",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ata:Power FILTER(?s != ata:x) }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s a ata:Power . ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ata:holder/rdfs:label ?o }",
    "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/atazan/graph/vocab> WHERE { ?s ?p ?o }",
    "SELECT (SUM(?n) AS ?m) WHERE { ?s a ?n }",
]


@pytest.fixture(scope="module")
def counts(store: ox.Store) -> Counts:
    return Counts.of(store)


def table(text: str, counts: Counts):  # type: ignore[no-untyped-def]
    return count_table(read_one_pattern(text), counts)


def engine_rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    solutions = store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    return sorted(tuple(str(term) for term in solution) for solution in solutions)


def our_rows(text: str, counts: Counts) -> list[tuple[str, ...]]:
    answer = table(text, counts)
    assert answer is not None, text
    return sorted(tuple(str(term) for term in row) for row in answer.rows)


@pytest.mark.parametrize("text", COUNTS)
def test_counts_are_taken_and_agree_with_the_engine(
    text: str, store: ox.Store, counts: Counts
) -> None:
    assert our_rows(text, counts) == engine_rows(store, text)


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_other_queries_are_left_to_the_engine(text: str, counts: Counts) -> None:
    assert table(text, counts) is None


def test_every_predicate_and_class_counts_as_the_engine_does(
    store: ox.Store, counts: Counts
) -> None:
    predicates = sorted({q.predicate.value for q in store})
    classes = sorted(
        {
            q.object.value
            for q in store.quads_for_pattern(
                None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None
            )
        }
    )
    texts = [f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{c}> ?o }}" for c in predicates]
    texts += [f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{c}> }}" for c in classes]
    taken = 0
    for p in predicates:
        for grouped in ("?s", "?o"):
            text = f"SELECT {grouped} (COUNT(*) AS ?n) WHERE {{ ?s <{p}> ?o }} GROUP BY {grouped}"
            if table(text, counts) is not None:
                texts.append(text)
                taken += 1
    assert taken > len(predicates)  # most groupings are small enough to be taken
    for text in texts:
        assert our_rows(text, counts) == engine_rows(store, text), text


def test_rows_come_in_the_order_of_their_keys(store: ox.Store, counts: Counts) -> None:
    answer = table(COUNTS[0], counts)
    assert answer is not None and answer.variables == ["type", "n"]
    types = [row[0].value for row in answer.rows]
    assert types == sorted(types) and len(types) > 10
    # a replica loading the same data gives the same order
    again = table(COUNTS[0], Counts.of(store))
    assert again is not None and [str(r) for r in again.rows] == [str(r) for r in answer.rows]


def test_a_grouping_past_the_limit_is_left_to_the_engine(counts: Counts) -> None:
    text = "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ata:holder ?o } GROUP BY ?s"
    holds = counts.subjects[ox.NamedNode(PREFIXES["ata"] + "holder")]
    assert 0 < len(holds) <= MAX_GROUPS and table(text, counts) is not None
    crowded = Counts(counts.quads, counts.objects, dict(counts.subjects))
    crowded.subjects[ox.NamedNode(PREFIXES["ata"] + "holder")] = holds + type(holds)(
        {ox.NamedNode(f"urn:x:{i}"): 1 for i in range(MAX_GROUPS)}
    )
    assert table(text, crowded) is None


def test_the_server_answers_counts_as_a_worker_would(
    dataset: Dataset, store: ox.Store, tmp_path: Path
) -> None:
    media = (JSON, "text/csv", "text/tab-separated-values", "application/sparql-results+xml")
    jobs = [Job(text, m, 10**6) for text in COUNTS for m in (*media, None)]
    jobs.append(Job(COUNTS[0], JSON, 5))  # past the row limit: refused the same way
    jobs.append(Job(COUNTS[0], None, 5, overflow="truncate"))  # or cut, for a page

    here, there = answers_both_ways(dataset, tmp_path, jobs)
    for job, ours, theirs in zip(jobs, here, there, strict=True):
        assert (ours.kind, ours.media_type, ours.error_kind) == (
            theirs.kind,
            theirs.media_type,
            theirs.error_kind,
        ), job
        if ours.error_kind:
            continue
        if job.media_type == JSON:
            assert same_rows(ours.body, theirs.body), job
            assert ours.body.startswith(b'{"head":{"vars":[')  # Oxigraph's compact form
        elif job.media_type is None:
            assert ours.rows is not None and theirs.rows is not None
            assert ours.rows.columns == theirs.rows.columns
            assert ours.truncated == theirs.truncated
            if not ours.truncated:
                key = lambda row: json.dumps(row, sort_keys=True, default=str)  # noqa: E731
                assert sorted(map(key, ours.rows.rows)) == sorted(map(key, theirs.rows.rows))
        else:
            head, *lines = ours.body.decode().splitlines()
            their_head, *their_lines = theirs.body.decode().splitlines()
            if job.media_type.endswith("xml"):
                results = re.compile(r"<result>.*?</result>", re.S)
                assert ours.body.split(b"<results>")[0] == theirs.body.split(b"<results>")[0]
                assert sorted(results.findall(ours.body.decode())) == sorted(
                    results.findall(theirs.body.decode())
                ), job
            else:
                assert (head, sorted(lines)) == (their_head, sorted(their_lines)), job
    assert here[-2].error_kind == "too_large" and here[-1].truncated


def same_rows(ours: bytes, theirs: bytes) -> bool:
    a, b = json.loads(ours), json.loads(theirs)
    key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
    return a["head"] == b["head"] and sorted(map(key, a["results"]["bindings"])) == sorted(
        map(key, b["results"]["bindings"])
    )


def test_the_lookups_degrees_follow_from_the_counts(store: ox.Store, counts: Counts) -> None:
    # the server sums them from the counts; here they are counted from the quads
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    for quad in store:
        if isinstance(quad.subject, ox.NamedNode):
            out[quad.subject.value] += 1
        if isinstance(quad.object, ox.NamedNode):
            into[quad.object.value] += 1
    assert Degrees.of_counts(counts) == Degrees(out, into)
    assert len(out) > 1000 and len(into) > 1000
