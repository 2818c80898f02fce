"""Scale out: `kg serve` is stateless and read-only, so replicas over the same build answer
byte for byte alike, with the same ETags, and a shared HTTP cache never sees two versions."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from kgserver import http, running

pytestmark = pytest.mark.server

QUERIES = (
    # no ORDER BY: rows come in the engine's order, which must not differ between processes
    "SELECT ?kind (COUNT(*) AS ?n) WHERE { ?x a ?kind } GROUP BY ?kind",
    "SELECT DISTINCT ?p WHERE { ?s ?p ?o }",
    "CONSTRUCT { ?h ata:appoints ?o } WHERE { ?h ata:appoints ?o }",
    "DESCRIBE id:president",
    "ASK { ?p a ata:Power }",
)
PATHS = (
    "/",
    "/sparql",
    "/id/president",
    "/id/president.ttl",
    "/eli/kz/constitution/2026/art_46",
    "/ontology",
    "/ontology.jsonld",
    "/.well-known/void",
    "/queries/powers",
    "/queries/powers.json",
    "/queries/institutions.csv",
    "/queries/not-settled.tsv",
    "/data/atazan.nq",
    "/id/no-such-office",
)
ACCEPTS = ("application/sparql-results+json", "text/csv", "text/turtle", "text/html")


def test_two_replicas_answer_byte_identically(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    with running(dist, tmp_path) as one, running(dist, tmp_path) as two:
        requests: list[tuple[str, dict[str, str]]] = []
        for text in QUERIES:
            for accept in ACCEPTS:
                path = "/sparql?" + urllib.parse.urlencode({"query": text})
                requests.append((path, {"Accept": accept}))
        for path in PATHS:
            for accept in ("text/html", "*/*"):
                requests.append((path, {"Accept": accept}))
        compared = 0
        no_etag = []
        for path, headers in requests:
            # a load balancer passes the client's Host on to whichever replica it picks
            headers = {**headers, "Host": "data.example.org", "Accept-Encoding": "gzip"}
            first = http(one.url + path, headers=headers)
            second = http(two.url + path, headers=headers)
            assert first[0] == second[0], path
            assert first[2] == second[2], (path, headers["Accept"])
            for name in ("etag", "content-type", "vary", "content-encoding"):
                assert first[1].get(name) == second[1].get(name), (path, name)
            if first[0] == 200 and "etag" not in first[1]:
                no_etag.append((path, headers["Accept"]))
            compared += first[0] == 200
        assert compared > 30
        assert no_etag == []
