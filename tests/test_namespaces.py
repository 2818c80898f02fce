"""Our namespace object and the ontology agree; actions name declared edge properties."""

from __future__ import annotations

from rdflib import Graph, URIRef

from kg.namespaces import ATA
from kg.ontology import ONTOLOGY_FILE, edge_properties
from kg.records import Corpus

ONT = str(ATA._NS)


def test_the_namespace_lists_exactly_the_ontology_terms() -> None:
    graph = Graph().parse(ONTOLOGY_FILE)
    declared = {
        str(s)[len(ONT) :]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(ONT)
    }
    assert declared == set(ATA.__annotations__), "run scripts/gen_namespace.py"


def test_every_ontology_term_has_a_label_and_a_definition() -> None:
    from rdflib.namespace import RDFS, SKOS

    graph = Graph().parse(ONTOLOGY_FILE)
    for term in ATA.__annotations__:
        node = URIRef(ONT + term)
        assert graph.value(node, RDFS.label) is not None, term
        assert graph.value(node, SKOS.definition) is not None, term


def test_a_typo_fails() -> None:
    import pytest

    with pytest.raises(AttributeError):
        _ = ATA.Powr


def test_actions_and_edge_properties_match_one_to_one(corpus: Corpus) -> None:
    actions = next(s for s in corpus.schemes if s.id == "actions")
    edges = [c.edge for c in actions.concepts if c.edge]
    assert len(edges) == len(set(edges))
    assert set(edges) == edge_properties()
