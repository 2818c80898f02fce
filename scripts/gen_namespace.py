"""Print the ATA DefinedNamespace body for kg/namespaces.py from ontology/atazan.ttl.

Run after adding terms to the ontology, and paste the output between the markers;
tests/test_namespaces.py fails while the two disagree.
"""

from pathlib import Path

from rdflib import Graph, URIRef

ONT = "https://w3id.org/atazan/ontology#"
graph = Graph().parse(Path(__file__).resolve().parent.parent / "ontology" / "atazan.ttl")
terms = sorted(
    {
        str(s)[len(ONT) :]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(ONT)
    }
)
for term in terms:
    print(f"    {term}: URIRef")
