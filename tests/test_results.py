"""The SPARQL results writers on awkward values: unbound cells, language tags, datatypes,
quotes, newlines and non-Latin text, read back with the standard parsers."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox

from kg.results import SELECT_WRITERS

XSD = "http://www.w3.org/2001/XMLSchema#"
VARIABLES = ["s", "label", "count"]
ROWS = [
    [
        ox.NamedNode("https://w3id.org/atazan/id/kurultai"),
        ox.Literal("Құрылтай", language="kk"),
        ox.Literal("145", datatype=ox.NamedNode(XSD + "integer")),
    ],
    [ox.BlankNode("b1"), ox.Literal('say "no",\nthen\ttab'), None],
    [None, None, None],
]


def test_json_round_trips_every_kind_of_term() -> None:
    body = json.loads(SELECT_WRITERS["application/sparql-results+json"](VARIABLES, ROWS))
    assert body["head"] == {"vars": VARIABLES}
    first, second, third = body["results"]["bindings"]
    assert first == {
        "s": {"type": "uri", "value": "https://w3id.org/atazan/id/kurultai"},
        "label": {"type": "literal", "value": "Құрылтай", "xml:lang": "kk"},
        "count": {"type": "literal", "value": "145", "datatype": XSD + "integer"},
    }
    assert second == {
        "s": {"type": "bnode", "value": "b1"},
        "label": {"type": "literal", "value": 'say "no",\nthen\ttab'},
    }
    assert third == {}  # unbound cells are left out, not written as null


def test_json_of_no_rows() -> None:
    body = json.loads(SELECT_WRITERS["application/sparql-results+json"](["x"], []))
    assert body == {"head": {"vars": ["x"]}, "results": {"bindings": []}}


def test_xml_and_csv_carry_the_same_values() -> None:
    xml = ET.fromstring(SELECT_WRITERS["application/sparql-results+xml"](VARIABLES, ROWS))
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    results = xml.findall("r:results/r:result", ns)
    assert len(results) == 3
    label = results[1].find("r:binding[@name='label']/r:literal", ns)
    assert label is not None and label.text == 'say "no",\nthen\ttab'
    text = SELECT_WRITERS["text/csv"](VARIABLES, ROWS).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == VARIABLES
    assert rows[1] == ["https://w3id.org/atazan/id/kurultai", "Құрылтай", "145"]
    assert rows[2][1] == 'say "no",\nthen\ttab' and rows[3] == ["", "", ""]


def test_json_bytes_are_those_of_json_dumps_per_term() -> None:
    """The fast writer builds each term's text by hand; the bytes must stay those that
    json.dumps of the term's dict gives (ETags and replicas depend on them), including
    escapes, control characters, non-Latin text and an RDF-star triple."""
    from kg.results import COMPACT, _json_term

    COMPACT_JSON = {"ensure_ascii": False, "separators": COMPACT}

    awkward = [
        *ROWS,
        [ox.NamedNode("https://example.org/é?q='a'"), ox.Literal("\x00\x1f\u2028 \\ /"), None],
        [
            None,
            ox.Literal("x", datatype=ox.NamedNode(XSD + "string")),
            ox.Triple(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"), ROWS[0][1]),
        ],
    ]
    expected = []
    for row in awkward:
        cells = [
            f"{json.dumps(v, ensure_ascii=False)}:{json.dumps(_json_term(t), **COMPACT_JSON)}"
            for v, t in zip(VARIABLES, row, strict=True)
            if t is not None
        ]
        expected.append("{" + ",".join(cells) + "}")
    head = json.dumps({"vars": VARIABLES}, **COMPACT_JSON)
    whole = '{"head":' + head + ',"results":{"bindings":[' + ",".join(expected) + "]}}"
    assert SELECT_WRITERS["application/sparql-results+json"](VARIABLES, awkward) == whole.encode()


def test_json_from_oxigraph_is_byte_for_byte_select_json(store: ox.Store) -> None:
    """Oxigraph's JSON results are exactly select_json's bytes: for every term
    of the real data (and its graphs), and for awkward literals and no rows at all."""
    from kg.results import select_json, select_json_from_oxigraph

    awkward = ox.Store()
    text = "".join(chr(i) for i in range(128)) + '\u2028\ufeff😀é/ "type":"uri","value":'
    for i, literal in enumerate(
        [
            ox.Literal(text),
            ox.Literal(text, language="kk"),
            ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")),
            ox.Literal('ends with \\", "datatype":'),
        ]
    ):
        awkward.add(ox.Quad(ox.BlankNode(f"b{i}"), ox.NamedNode("https://e.org/p"), literal))
    cases = [
        (store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"),
        (store, "SELECT ?s ?nothing WHERE { ?s a ?t } LIMIT 3"),
        (store, "SELECT ?x WHERE { FILTER(false) }"),
        (awkward, "SELECT * WHERE { ?s ?p ?o }"),
    ]
    for source, query in cases:
        solutions = source.query(query)
        variables = [v.value for v in solutions.variables]
        rows = [list(s) for s in solutions]
        compact = source.query(query).serialize(format=ox.QueryResultsFormat.JSON)
        assert select_json_from_oxigraph(variables, compact) == select_json(variables, rows)
    triple = ox.Triple(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"), ROWS[0][1])
    awkward.add(ox.Quad(ox.NamedNode("https://e.org/r"), ox.NamedNode("https://e.org/p"), triple))
    compact = awkward.query("SELECT ?o WHERE { ?s ?p ?o }").serialize(
        format=ox.QueryResultsFormat.JSON
    )
    assert select_json_from_oxigraph(["o"], compact) is None  # RDF-star: left to select_json
