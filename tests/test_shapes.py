"""The SHACL shapes against the examples in tests/shapes/: every shape that targets a class
has a valid example, which conforms, and an invalid one, which breaks that shape and no other.
Each example adds the node <urn:example:subject> to the ontology and tests/shapes/_context.ttl."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.ontology import ontology_graph, shapes_graph

EXAMPLES = Path(__file__).parent / "shapes"
CONTEXT = EXAMPLES / "_context.ttl"
SHAPES = "https://w3id.org/atazan/shapes#"
SUBJECT = URIRef("urn:example:subject")


def targeting_shapes() -> set[URIRef]:
    shapes = shapes_graph()
    targeting = set(shapes.subjects(SH.targetClass, None))
    return {s for s in targeting if (s, RDF.type, SH.NodeShape) in shapes}


def example_name(shape: URIRef) -> str:
    """ash:BasedFactShape -> based-fact."""
    local = str(shape).removeprefix(SHAPES).removesuffix("Shape")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


def shape_of(name: str) -> URIRef:
    """based-fact -> ash:BasedFactShape."""
    return URIRef(SHAPES + "".join(word.capitalize() for word in name.split("-")) + "Shape")


NAMES = sorted({p.name.rsplit("-", 1)[0] for p in EXAMPLES.glob("*valid.ttl")})


def data_graph(example: Path | None = None) -> Graph:
    graph = ontology_graph()
    graph.parse(CONTEXT, format="turtle")
    if example is not None:
        graph.parse(example, format="turtle")
    return graph


def run(data: Graph) -> tuple[bool, Graph, str]:
    conforms, results, text = validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    return bool(conforms), results, text


def assert_subject_targeted(data: Graph, shape: URIRef) -> None:
    """The subject is an instance (through rdfs:subClassOf) of a class the shape targets."""
    targets = set(shapes_graph().objects(shape, SH.targetClass))
    types = {
        c
        for t in data.objects(SUBJECT, RDF.type)
        for c in data.transitive_objects(t, RDFS.subClassOf)
    }
    assert targets & types, f"{SUBJECT} is not an instance of a class {shape} targets"


def test_context_conforms() -> None:
    conforms, _, text = run(data_graph())
    assert conforms, text


def test_every_shape_has_both_examples() -> None:
    expected = {
        f"{example_name(s)}-{kind}.ttl" for s in targeting_shapes() for kind in ("valid", "invalid")
    }
    found = {p.name for p in EXAMPLES.glob("*.ttl")} - {CONTEXT.name}
    assert sorted(expected - found) == [], "shapes without examples"
    assert sorted(found - expected) == [], "examples without a shape"


@pytest.mark.parametrize("name", NAMES)
def test_valid_example_conforms(name: str) -> None:
    data = data_graph(EXAMPLES / f"{name}-valid.ttl")
    assert_subject_targeted(data, shape_of(name))
    conforms, _, text = run(data)
    assert conforms, text


@pytest.mark.parametrize("name", NAMES)
def test_invalid_example_breaks_its_shape(name: str) -> None:
    shape = shape_of(name)
    own = set(shapes_graph().transitive_objects(shape, SH.property))  # the shape and its properties
    data = data_graph(EXAMPLES / f"{name}-invalid.ttl")
    assert_subject_targeted(data, shape)
    conforms, results, text = run(data)
    assert not conforms, f"{name}-invalid.ttl conforms"
    found = [
        (results.value(r, SH.focusNode), results.value(r, SH.sourceShape))
        for r in results.objects(None, SH.result)  # top-level results, not their sh:detail
    ]
    assert any(focus == SUBJECT and source in own for focus, source in found), text
    # ... and it is otherwise valid: nothing else is reported
    assert all(focus == SUBJECT and source in own for focus, source in found), text
