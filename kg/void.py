"""A VoID description of the dataset, written into its own named graph by the build, so
that it travels with every dump and is served at /.well-known/void."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef

from kg import ids
from kg.export import DUMP_NAME, DUMPS
from kg.namespaces import ATA, BASE, DCTERMS, ELI, FOAF, ORG, PROV, RDF, SKOS, VOID, XSD

SPARQL_ENDPOINT = URIRef(BASE + "sparql")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def add_void(dataset: Dataset) -> None:
    """Describe the dataset as it is now (call last: counts exclude the VoID graph)."""
    counts = {g.identifier: len(g) for g in dataset.graphs() if len(g)}
    g: Graph = dataset.graph(ids.VOID_GRAPH)
    d = ids.DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add(
        (
            d,
            DCTERMS.title,
            Literal("Ata Zan: the Constitution of Kazakhstan as a knowledge graph", lang="en"),
        )
    )
    g.add(
        (
            d,
            DCTERMS.description,
            Literal(
                "Provisions, institutions, offices, powers, rights, duties and other rules of the "
                "Constitution of the Republic of Kazakhstan (2026), with English summaries written "
                "by the project and names in Kazakh, Russian and English.",
                lang="en",
            ),
        )
    )
    g.add((d, DCTERMS.license, LICENSE))
    g.add((d, DCTERMS.source, URIRef("https://adilet.zan.kz/rus/docs/K2600000000")))
    g.add((d, VOID.sparqlEndpoint, SPARQL_ENDPOINT))
    g.add((d, VOID.uriSpace, Literal(BASE)))
    g.add((d, VOID.exampleResource, ids.agent("president")))
    g.add((d, VOID.exampleResource, ids.provision("2026", "art_46__item_4")))
    for dump in DUMPS:
        g.add((d, VOID.dataDump, URIRef(f"{BASE}data/{DUMP_NAME}.{dump.extension}")))
    for vocabulary in (ELI, ORG, SKOS, DCTERMS, PROV, FOAF, ATA._NS):
        g.add((d, VOID.vocabulary, URIRef(str(vocabulary))))
    g.add((d, VOID.triples, Literal(sum(counts.values()), datatype=XSD.integer)))
    for name, count in sorted(counts.items()):
        g.add((d, VOID.subset, name))
        g.add((name, RDF.type, VOID.Dataset))
        g.add((name, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((name, VOID.sparqlEndpoint, SPARQL_ENDPOINT))
