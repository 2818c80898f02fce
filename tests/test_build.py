"""The build: deterministic dumps, qualified powers beside plain edges, named graphs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from kg import ids
from kg.build import build_dataset
from kg.config import ROOT
from kg.export import DUMPS
from kg.namespaces import ATA, RDF, SKOS
from kg.records import Corpus
from kg.sources import load_corpus

MINI = Path(__file__).parent / "data" / "mini"


def build_in_subprocess(data: Path, out: Path, seed: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "kg", "--data", str(data), "--dist", str(out), "build"],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return {
        d.extension: hashlib.sha256((out / f"atazan.{d.extension}").read_bytes()).hexdigest()
        for d in DUMPS
    }


def test_a_rebuild_is_byte_identical_even_with_another_hash_seed(tmp_path: Path) -> None:
    first = build_in_subprocess(ROOT / "data", tmp_path / "a", "1")
    second = build_in_subprocess(ROOT / "data", tmp_path / "b", "2")
    assert first == second
    assert set(first) == {"ttl", "trig", "nq", "jsonld"}


def test_every_dump_parses_back_to_the_same_quads(tmp_path: Path, dataset: Dataset) -> None:
    build_in_subprocess(ROOT / "data", tmp_path, "0")
    nq = {str(q) for q in ox.parse(path=tmp_path / "atazan.nq")}
    # Count quads, not triples: the diff graph repeats a few triples of the two versions.
    assert len(nq) == sum(1 for _ in dataset.quads((None, None, None, None)))
    for ext, fmt in (("trig", ox.RdfFormat.TRIG), ("jsonld", ox.RdfFormat.JSON_LD)):
        assert {str(q) for q in ox.parse(path=tmp_path / f"atazan.{ext}", format=fmt)} == nq
    triples = {str(t) for t in ox.parse(path=tmp_path / "atazan.ttl")}
    assert triples == {str(ox.Triple(*q.triple)) for q in ox.parse(path=tmp_path / "atazan.nq")}


def test_the_dataset_has_one_graph_per_constitution_and_shared_graphs(dataset: Dataset) -> None:
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {
        ids.ONTOLOGY_GRAPH,
        ids.VOCAB_GRAPH,
        ids.INSTITUTIONS_GRAPH,
        ids.VOID_GRAPH,
        ids.version_graph("1995"),
        ids.version_graph("2026"),
        ids.graph("diff-1995-2026"),
    }


def test_no_blank_nodes(dataset: Dataset) -> None:
    assert not any(isinstance(t, BNode) for q in dataset.quads() for t in q[:3])


def test_every_power_has_its_plain_edge(corpus: Corpus, dataset: Dataset) -> None:
    graph = dataset.graph(ids.version_graph("2026"))
    vocab = dataset.graph(ids.VOCAB_GRAPH)
    powers = list(graph.subjects(RDF.type, ATA.Power))
    assert powers
    for power in powers:
        holder = graph.value(power, ATA.holder)
        obj = graph.value(power, ATA.object)
        edge = vocab.value(graph.value(power, ATA.action), ATA.plainEdge)
        assert edge is not None, power
        assert (holder, edge, obj) in graph, power


def test_a_qualified_power_of_the_mini_fixture() -> None:
    dataset = build_dataset(load_corpus(MINI))
    g = dataset.graph(ids.version_graph("2026"))
    power = ids.power("2026", "president-appoints-prime-minister")
    threshold = ids.part_of(power, "threshold")
    expected = {
        (power, RDF.type, ATA.Power),
        (power, ATA.holder, ids.agent("president")),
        (power, ATA.action, ids.concept("actions", "appoint")),
        (power, ATA.object, ids.agent("prime-minister")),
        (power, ATA.consentOf, ids.agent("kurultai")),
        (power, ATA.legalBasis, ids.provision("2026", "art_1__para_2__item_1")),
        (power, ATA.threshold, threshold),
        (threshold, ATA.numerator, Literal(1)),
        (threshold, ATA.denominator, Literal(2)),
        (threshold, ATA.comparison, ATA.MoreThan),
        (threshold, ATA.countBase, ATA.AllMembers),
        (threshold, ATA.votingBody, ids.agent("kurultai")),
        (ids.agent("president"), ATA.appoints, ids.agent("prime-minister")),
    }
    assert expected <= set(g)
    assert str(g.value(threshold, ATA.thresholdText)) == "a majority of all members of the Kurultai"


def test_provisions_carry_eid_citation_paragraph_ref_and_order() -> None:
    dataset = build_dataset(load_corpus(MINI))
    g = dataset.graph(ids.version_graph("2026"))
    rows = sorted(
        (
            int(g.value(n, ATA.position)),
            str(g.value(n, ATA.eId)),
            str(g.value(n, ATA.citation)),
            str(g.value(n, ATA.paragraphRef)),
        )
        for n in set(g.subjects(ATA.eId, None))
        if str(g.value(n, ATA.eId)).startswith("art")
    )
    assert rows == [
        (1, "art_1", "1", ""),
        (2, "art_1__para_1", "1.1", "1"),
        (3, "art_1__para_1__part_1", "1.1.p1", "1"),
        (4, "art_1__para_1__part_2", "1.1.p2", "1"),
        (5, "art_1__para_2", "1.2", "2"),
        (6, "art_1__para_2__item_1", "1.2.1", "2(1)"),
        (7, "art_1__para_2__item_2", "1.2.2", "2(2)"),
        (8, "art_2", "2", ""),
    ]


def test_labels_and_kinds_of_institutions(corpus: Corpus, dataset: Dataset) -> None:
    g = dataset.graph(ids.INSTITUTIONS_GRAPH)
    president = ids.agent("president")
    langs = {lit.language for lit in g.objects(president, SKOS.prefLabel)}
    assert langs == {"en", "ru", "kk"}
    assert g.value(president, ATA.kind) == URIRef(ids.concept("kinds", "head-of-state"))


def test_the_void_description_counts_the_other_graphs(dataset: Dataset) -> None:
    from kg.namespaces import VOID

    void = dataset.graph(ids.VOID_GRAPH)
    others = sum(len(g) for g in dataset.graphs() if g.identifier != ids.VOID_GRAPH)
    assert int(void.value(ids.DATASET, VOID.triples)) == others
    assert len(set(void.objects(ids.DATASET, VOID.dataDump))) == 4
