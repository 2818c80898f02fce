"""The only place IRIs are minted. The scheme (documented in the README):

    {BASE}eli/kz/constitution/{version}                the constitution (ELI work)
    {BASE}eli/kz/constitution/{version}/sec_{n}         a section
    {BASE}eli/kz/constitution/{version}/{eId}           a provision, e.g. .../art_46__item_4
    {BASE}id/{id}                                       an institution, office, group or matter
    {BASE}power/{version}/{id}                          a power (+ /threshold, /initiative)
    {BASE}fact/{version}/{id}                           another fact (+ /step/{n})
    {BASE}right/{version}/{id}, {BASE}duty/{version}/{id}
    {BASE}vocab/{scheme} and {BASE}vocab/{scheme}/{id}  concept schemes and concepts
    {BASE}diff/{old}-{new}/{n}                          a row of the comparison of two versions
    {BASE}graph/{name}                                  named graphs
    {BASE}ontology#{Term}                               ontology terms (kg.namespaces.ATA)

IRIs are built from curated ids and eIds only, so they are stable as long as the ids are.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.namespaces import BASE

DATASET = URIRef(BASE + "dataset")
ONTOLOGY = URIRef(BASE + "ontology")


def constitution(version: str) -> URIRef:
    return URIRef(f"{BASE}eli/kz/constitution/{version}")


def section(version: str, number: int) -> URIRef:
    return URIRef(f"{constitution(version)}/sec_{number}")


def provision(version: str, eid: str) -> URIRef:
    return URIRef(f"{constitution(version)}/{eid}")


def agent(agent_id: str) -> URIRef:
    """Institutions, offices, groups and matters share one id space and one path."""
    return URIRef(f"{BASE}id/{agent_id}")


def power(version: str, power_id: str) -> URIRef:
    return URIRef(f"{BASE}power/{version}/{power_id}")


def fact(version: str, fact_id: str) -> URIRef:
    return URIRef(f"{BASE}fact/{version}/{fact_id}")


def right(version: str, right_id: str) -> URIRef:
    return URIRef(f"{BASE}right/{version}/{right_id}")


def duty(version: str, duty_id: str) -> URIRef:
    return URIRef(f"{BASE}duty/{version}/{duty_id}")


def change(old: str, new: str, number: int) -> URIRef:
    """A row of the comparison of two constitutions: ``{BASE}diff/1995-2026/12``."""
    return URIRef(f"{BASE}diff/{old}-{new}/{number}")


def part_of(parent: URIRef, name: str) -> URIRef:
    """A node that exists only as part of another (a power's threshold, a succession step)."""
    return URIRef(f"{parent}/{name}")


def scheme(scheme_id: str) -> URIRef:
    return URIRef(f"{BASE}vocab/{scheme_id}")


def concept(scheme_id: str, concept_id: str) -> URIRef:
    return URIRef(f"{BASE}vocab/{scheme_id}/{concept_id}")


def graph(name: str) -> URIRef:
    return URIRef(f"{BASE}graph/{name}")


ONTOLOGY_GRAPH = graph("ontology")
VOCAB_GRAPH = graph("vocab")
INSTITUTIONS_GRAPH = graph("institutions")
VOID_GRAPH = graph("void")


def version_graph(version: str) -> URIRef:
    return graph(f"constitution-{version}")


def local_path(iri: str) -> str | None:
    """The server path of one of our IRIs (``/id/president``), or None if it is not ours."""
    if not iri.startswith(BASE):
        return None
    return "/" + iri[len(BASE) :]
