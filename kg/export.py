"""Deterministic dumps of the dataset: the same data gives byte-identical files.

rdflib writes N-Quads, whose lines are sorted; Oxigraph writes Turtle, TriG and JSON-LD
from the quads in sorted order. No blank nodes exist in the dataset (the build refuses
them), so no generated labels can vary between runs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import PREFIXES
from kg.resources import ONTOLOGY_DIR, PACKAGE

DUMP_NAME = "atazan"


@dataclass(frozen=True)
class Dump:
    extension: str
    media_type: str
    description: str


DUMPS = (
    Dump("ttl", "text/turtle", "Turtle: all graphs merged into one"),
    Dump(
        "trig",
        "application/trig",
        "TriG: one named graph per constitution, plus the ontology, vocabularies and institutions",
    ),
    Dump("nq", "application/n-quads", "N-Quads, sorted"),
    Dump("jsonld", "application/ld+json", "JSON-LD with named graphs"),
)


def _ox_term(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"cannot export {term!r}: the dataset must hold no blank nodes")


def nquads(dataset: Dataset) -> bytes:
    """The whole dataset as N-Quads, one line per quad, lines sorted."""
    quads = [
        ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), _ox_term(g))  # type: ignore[arg-type]
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None
    ]
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _quads(nq: bytes) -> list[ox.Quad]:
    """Sorted by graph first, so that every graph is written as one block."""
    quads = list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    return sorted(
        quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )


_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def serialize(dataset: Dataset, extension: str, nq: bytes | None = None) -> bytes:
    """One dump as bytes. Pass ``nq`` (from :func:`nquads`) to avoid re-serialising."""
    nq = nq if nq is not None else nquads(dataset)
    if extension == "nq":
        return nq
    if extension not in _OX_FORMATS:
        raise ValueError(f"no dump format {extension!r}")
    quads = _quads(nq)
    if extension == "ttl":
        # Turtle has no named graphs: merge them, dropping triples repeated across graphs.
        seen: dict[str, ox.Triple] = {}
        for q in quads:
            seen.setdefault(str(q.triple), q.triple)
        triples = [seen[k] for k in sorted(seen)]
        return ox.serialize(triples, format=_OX_FORMATS["ttl"], prefixes=PREFIXES)
    return ox.serialize(quads, format=_OX_FORMATS[extension], prefixes=PREFIXES)


def write_dumps(dataset: Dataset, out: Path, fingerprint: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    nq = nquads(dataset)
    for dump in DUMPS:
        path = out / f"{DUMP_NAME}.{dump.extension}"
        path.write_bytes(serialize(dataset, dump.extension, nq))
        written.append(path)
    (out / f"{DUMP_NAME}.fingerprint").write_text(fingerprint + "\n")
    return written


def fingerprint(data_dir: Path) -> str:
    """A hash of everything the dataset is built from: data, ontology and the build code."""
    digest = hashlib.sha256()
    sources = (
        sorted(data_dir.rglob("*.yaml"))
        + sorted(ONTOLOGY_DIR.glob("*.ttl"))
        + sorted(PACKAGE.glob("*.py"))
    )
    for path in sources:
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
