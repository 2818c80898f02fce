"""What third-party engines and clients trip over, checked on a real server: ASK in CSV and
TSV, N-Quads and TriG everywhere, Vary, the ontology document, updates and bad encodings in
the query parameter, the h2c upgrade offer, and browsers at /sparql and VoID."""

from __future__ import annotations

import http.client as httpclient
import json
import urllib.parse
from collections.abc import Iterator

import pytest
from kgserver import Server, http, q, running
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef

from kg.config import ROOT

pytestmark = pytest.mark.server
ATA = Namespace("https://w3id.org/atazan/ontology#")
PM = "https://w3id.org/atazan/id/prime-minister"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")) as s:
        yield s


@pytest.mark.parametrize(
    ("media", "lines"),
    [
        ("text/csv", (["_askResult", "true"], ["_askResult", "false"])),
        ("text/tab-separated-values", (["?_askResult", "true"], ["?_askResult", "false"])),
    ],
)
def test_ask_in_csv_and_tsv_uses_the_askresult_convention(
    server: Server, media: str, lines: tuple[list[str], list[str]]
) -> None:
    for text, expected in (
        ("ASK { ?p a ata:Power }", lines[0]),
        ("ASK { ?p a <urn:none> }", lines[1]),
    ):
        status, headers, body = http(q(server.url, text), headers={"Accept": media})
        assert status == 200 and headers["content-type"].startswith(media)
        assert body.decode().splitlines() == expected


def test_linked_data_pages_offer_trig_and_nquads_by_accept_and_suffix(server: Server) -> None:
    for media, suffix, fmt in (
        ("application/trig", ".trig", "trig"),
        ("application/n-quads", ".nq", "nquads"),
    ):
        by_accept = http(server.url + "/id/prime-minister", headers={"Accept": media})
        by_suffix = http(server.url + "/id/prime-minister" + suffix)
        for status, headers, body in (by_accept, by_suffix):
            assert status == 200 and headers["content-type"].startswith(media)
            ds = Dataset()
            ds.parse(data=body.decode(), format=fmt)
            assert (URIRef(PM), RDF.type, None) in ds.default_graph
        assert by_accept[2] == by_suffix[2]


def test_negotiated_answers_vary_on_accept(server: Server) -> None:
    for path, accept in (
        ("/sparql?query=" + urllib.parse.quote("ASK {}"), "text/csv"),
        ("/sparql", "text/turtle"),
        ("/id/prime-minister", "text/turtle"),
        ("/ontology", "application/ld+json"),
        ("/.well-known/void", "text/turtle"),
        ("/id/no-such-thing", "text/html"),
    ):
        headers = http(server.url + path, headers={"Accept": accept, "Accept-Encoding": "gzip"})[1]
        vary = [v.strip().lower() for v in headers["vary"].split(",")]
        assert "accept" in vary, path


def ontology_file() -> Graph:
    return Graph().parse(ROOT / "ontology" / "atazan.ttl", format="turtle")


@pytest.mark.parametrize(
    ("suffix", "media", "fmt"),
    [
        (".ttl", "text/turtle", "turtle"),
        (".nt", "application/n-triples", "nt"),
        (".rdf", "application/rdf+xml", "xml"),
        (".jsonld", "application/ld+json", "json-ld"),
        (".trig", "application/trig", "trig"),
        (".nq", "application/n-quads", "nquads"),
    ],
)
def test_the_ontology_dereferences_whole_in_every_format(
    server: Server, suffix: str, media: str, fmt: str
) -> None:
    expected = ontology_file()
    for status, headers, body in (
        http(server.url + "/ontology" + suffix),
        http(server.url + "/ontology", headers={"Accept": media}),
    ):
        assert status == 200 and headers["content-type"].startswith(media)
        if fmt in ("trig", "nquads"):  # every triple in the default graph
            ds = Dataset()
            ds.parse(data=body.decode(), format=fmt)
            got = set(ds.default_graph)
        else:
            got = set(Graph().parse(data=body.decode(), format=fmt))
        assert got == set(expected)
        assert (ATA.Power, RDFS.label, None) in expected


def test_the_ontology_page_has_one_anchor_per_term(server: Server) -> None:
    status, headers, body = http(server.url + "/ontology", headers={"Accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    terms = {str(s) for s in ontology_file().subjects() if str(s).startswith(str(ATA))}
    assert len(terms) > 150
    for term in terms:
        anchor = term.rpartition("#")[2]
        assert page.count(f'id="{anchor}"') == 1, anchor
    # a term's IRI leads here: /ontology#Power is /ontology with a fragment
    assert 'href="#Power"' in page


def test_a_query_that_is_not_utf8_is_refused(server: Server) -> None:
    status, _, body = http(server.url + "/sparql?query=ASK%20%7B%7D%FF")
    assert status == 400 and "UTF-8" in json.loads(body)["error"]["detail"]
    status, _, body = http(
        server.url + "/sparql",
        b"query=ASK%20%7B%7D%FF",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 400 and "UTF-8" in json.loads(body)["error"]["detail"]


def test_an_h2c_upgrade_offer_is_answered_in_http11_and_not_logged(server: Server) -> None:
    host, port = server.url.removeprefix("http://").split(":")
    for _ in range(3):
        connection = httpclient.HTTPConnection(host, int(port), timeout=30)
        connection.request(
            "GET",
            "/sparql?query=" + urllib.parse.quote("ASK {}"),
            headers={
                "Connection": "Upgrade, HTTP2-Settings",
                "Upgrade": "h2c",
                "HTTP2-Settings": "AAMAAABkAAQAAP__",
                "Accept": "application/sparql-results+json",
            },
        )
        response = connection.getresponse()
        assert response.status == 200 and json.loads(response.read())["boolean"] is True
        connection.close()
    log = server.log()
    assert "upgrade" not in log.lower() and "WebSocket" not in log


def test_a_browser_gets_the_query_page_at_sparql_and_a_page_for_void(server: Server) -> None:
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    status, headers, body = http(server.url + "/sparql", headers=browser)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert '<textarea id="q" name="query"' in body.decode()
    status, headers, body = http(server.url + "/.well-known/void", headers=browser)
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    assert "void:triples" in page and "void:sparqlEndpoint" in page
    # programs still get RDF
    status, headers, _ = http(server.url + "/.well-known/void", headers={"Accept": "*/*"})
    assert headers["content-type"].startswith("text/turtle")
    status, headers, _ = http(server.url + "/sparql", headers={"Accept": "*/*"})
    assert not headers["content-type"].startswith("text/html")
