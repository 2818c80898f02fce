"""Validation: the integrity checks and the SHACL shapes, in one report.

``validate(corpus)`` returns a :class:`Report` like pySHACL's ``(conforms, results_graph,
text)``, with every problem located in the data file it comes from where possible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from kg import ids, integrity
from kg.build import build_dataset
from kg.errors import Where
from kg.namespaces import ATA, BASE
from kg.ontology import edge_properties, shapes_graph
from kg.provisions import ProvisionIndex
from kg.records import Corpus


@dataclass
class Report:
    conforms: bool
    problems: list[str]
    results_graph: Graph = field(repr=False)
    dataset: Dataset = field(repr=False)

    @property
    def text(self) -> str:
        if self.conforms:
            return "Conforms: the data passes the integrity checks and the SHACL shapes."
        lines = [f"Does not conform: {len(self.problems)} problem(s)."]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def union_graph(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, ns in dataset.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate(corpus: Corpus, shapes: Path | None = None) -> Report:
    problems = [str(p) for p in integrity.check(corpus, edge_properties())]
    dataset = build_dataset(corpus)
    conforms, results, _ = shacl_validate(
        union_graph(dataset),
        shacl_graph=shapes_graph(shapes),
        inference="none",
        allow_warnings=True,
    )
    origin = origins(corpus)
    for line in shacl_results(results, origin):
        problems.append(line)
    return Report(not problems and bool(conforms), problems, results, dataset)


def shacl_results(results: Graph, origin: dict[URIRef, Where]) -> list[str]:
    """One line per SHACL result: where the record is, what node, which path, why."""
    lines = []
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        where = _origin_of(focus, origin) if isinstance(focus, URIRef) else None
        place = f"{where}: " if where else ""
        detail = f" (value {value.n3()})" if value is not None else ""
        path_text = f" {_short(path)}" if path is not None else ""
        lines.append(f"{place}{_short(focus)}{path_text}: {message}{detail}")
    return sorted(lines)


def _origin_of(node: URIRef, origin: dict[URIRef, Where]) -> Where | None:
    """Where a node was written; a part of a record (``…/power/2026/x/trigger/y``) was
    written with the record."""
    iri = str(node)
    while "/" in iri:
        found = origin.get(URIRef(iri))
        if found is not None:
            return found
        iri = iri.rsplit("/", 1)[0]
    return None


def _short(node: object) -> str:
    """Our IRIs without the common base, ontology terms as ata:Term, to keep lines short."""
    return str(node).replace(str(ATA._NS), "ata:").replace(BASE, "")


def origins(corpus: Corpus) -> dict[URIRef, Where]:
    """Where each record of the graph was written, for the report."""
    found: dict[URIRef, Where] = {}
    for scheme in corpus.schemes:
        for c in scheme.concepts:
            found[ids.concept(scheme.id, c.id)] = c.where
    for a in corpus.agents:
        found[ids.agent(a.id)] = a.where
        found.setdefault(ids.concept("kinds", a.kind), a.where)  # a misspelt kind: its use
    for m in corpus.matters:
        found[ids.agent(m.id)] = m.where
    for doc in corpus.documents:
        v = doc.version
        for placed in ProvisionIndex(doc).placed:
            found[ids.provision(v, placed.eid)] = placed.provision.where
            for topic in placed.provision.topics:  # a misspelt topic: where it is first used
                found.setdefault(ids.concept("topics", topic), placed.provision.where)
        for s in doc.sections:
            for a in s.agents:
                found[ids.agent(a.id)] = a.where
            for m in s.matters:
                found[ids.agent(m.id)] = m.where
            for p in s.powers:
                found[ids.power(v, p.id)] = p.where
                # A misspelt action is a concept no vocabulary defines: show where it is used.
                found.setdefault(ids.concept("actions", p.action), p.where)
            for f in s.facts:
                found[ids.fact(v, f.id)] = f.where
            for r in s.rights:
                found[ids.right(v, r.id)] = r.where
            for d in s.duties:
                found[ids.duty(v, d.id)] = d.where
    return found
