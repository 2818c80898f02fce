"""The ontology and the SHACL shapes, read from ``ontology/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

from kg.resources import ONTOLOGY_DIR

ONTOLOGY_FILE = ONTOLOGY_DIR / "atazan.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@cache
def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def ontology_graph() -> Graph:
    """A fresh copy of the ontology (callers may add to it)."""
    copy = Graph()
    for triple in _parsed(ONTOLOGY_FILE):
        copy.add(triple)
    return copy


def shapes_graph(path: Path | None = None) -> Graph:
    return _parsed(path or SHAPES_FILE)


def edge_properties() -> set[str]:
    """Local names of the plain-edge properties (subproperties of ata:hasPowerOver)."""
    from kg.namespaces import ATA, RDFS

    graph = _parsed(ONTOLOGY_FILE)
    base = str(ATA._NS)
    return {str(s)[len(base) :] for s in graph.subjects(RDFS.subPropertyOf, ATA.hasPowerOver)}
