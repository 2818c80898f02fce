"""The server, started for real on 127.0.0.1 and queried over HTTP: SPARQLWrapper in every
return format, the protocol's details, linked data, named queries, security and the time
limit."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper
from SPARQLWrapper import TURTLE as SW_TURTLE

from kg.config import ROOT
from kg.errors import QueryError
from kg.queries import execute

pytestmark = pytest.mark.server
TIME_LIMIT = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    env = dict(
        os.environ,
        KG_QUERY_TIME_LIMIT=str(TIME_LIMIT),
        KG_MAX_ROWS="5000",
        KG_DIST_DIR=str(tmp_path_factory.mktemp("dist")),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/sparql", timeout=2)
            break
        except OSError as exc:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"kg serve exited: {output}") from exc
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(10)


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def q(url: str, text: str, **params: str) -> str:
    return url + "/sparql?" + urllib.parse.urlencode({"query": text, **params})


COUNT_POWERS = "SELECT (COUNT(*) AS ?n) WHERE { ?p a ata:Power }"
PM = "https://w3id.org/atazan/id/prime-minister"


# --- SPARQLWrapper, every return format --------------------------------------------------


def wrapper(server: str, text: str, fmt: str) -> SPARQLWrapper:
    sw = SPARQLWrapper(server + "/sparql")
    sw.setQuery("PREFIX ata: <https://w3id.org/atazan/ontology#>\n" + text)
    sw.setReturnFormat(fmt)
    return sw


def test_sparqlwrapper_select_json_and_xml(server: str) -> None:
    text = "SELECT ?o WHERE { <https://w3id.org/atazan/id/president> ata:appoints ?o }"
    as_json = wrapper(server, text, JSON).queryAndConvert()
    objects = {b["o"]["value"] for b in as_json["results"]["bindings"]}
    assert PM in objects
    as_xml = wrapper(server, text, XML).queryAndConvert()
    uris = {node.firstChild.data for node in as_xml.getElementsByTagName("uri")}
    assert uris == objects


def test_sparqlwrapper_select_csv_and_tsv(server: str) -> None:
    text = "SELECT ?o WHERE { <https://w3id.org/atazan/id/president> ata:appoints ?o }"
    csv_text = wrapper(server, text, CSV).queryAndConvert().decode()
    tsv_text = wrapper(server, text, TSV).queryAndConvert().decode()
    assert csv_text.splitlines()[0] == "o"
    assert PM in csv_text.splitlines()
    assert tsv_text.splitlines()[0] == "?o"
    assert f"<{PM}>" in tsv_text.splitlines()


def test_sparqlwrapper_ask_and_construct(server: str) -> None:
    ask = wrapper(server, "ASK { ?p a ata:Power }", JSON).queryAndConvert()
    assert ask["boolean"] is True
    construct = wrapper(
        server, "CONSTRUCT { ?h ata:appoints ?o } WHERE { ?h ata:appoints ?o }", SW_TURTLE
    )
    graph = Graph().parse(data=construct.queryAndConvert().decode(), format="turtle")
    assert (
        URIRef("https://w3id.org/atazan/id/president"),
        URIRef("https://w3id.org/atazan/ontology#appoints"),
        URIRef(PM),
    ) in graph


def test_describe_gives_a_graph_not_select_results(server: str) -> None:
    status, headers, body = http(
        q(server, f"DESCRIBE <{PM}>"), headers={"Accept": "application/n-triples"}
    )
    assert status == 200
    assert headers["content-type"].startswith("application/n-triples")
    graph = Graph().parse(data=body.decode(), format="nt")
    assert len(graph) > 3
    assert all(s == URIRef(PM) for s in graph.subjects())


@pytest.mark.parametrize(
    ("fmt", "media", "rdflib_format"),
    [
        ("turtle", "text/turtle", "turtle"),
        ("nt", "application/n-triples", "nt"),
        ("rdfxml", "application/rdf+xml", "xml"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("trig", "application/trig", "trig"),
        ("nq", "application/n-quads", "nquads"),
    ],
)
def test_construct_in_every_graph_format(
    server: str, fmt: str, media: str, rdflib_format: str
) -> None:
    text = "CONSTRUCT { ?h ata:appoints ?o } WHERE { ?h ata:appoints ?o }"
    by_param = http(q(server, text, format=fmt))
    by_accept = http(q(server, text), headers={"Accept": media})
    for status, headers, body in (by_param, by_accept):
        assert status == 200
        assert headers["content-type"].startswith(media)
        graph = Graph().parse(data=body.decode(), format=rdflib_format)
        assert (None, URIRef("https://w3id.org/atazan/ontology#appoints"), URIRef(PM)) in graph


# --- protocol details ----------------------------------------------------------------------


def test_get_form_post_and_direct_post_agree(server: str) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    got = http(q(server, COUNT_POWERS), headers=accept)
    form = http(
        server + "/sparql",
        urllib.parse.urlencode({"query": COUNT_POWERS}).encode(),
        {**accept, "Content-Type": "application/x-www-form-urlencoded"},
    )
    direct = http(
        server + "/sparql",
        COUNT_POWERS.encode(),
        {**accept, "Content-Type": "application/sparql-query"},
    )
    values = [json.loads(r[2])["results"]["bindings"][0]["n"]["value"] for r in (got, form, direct)]
    assert len(set(values)) == 1 and int(values[0]) > 150


def test_a_form_body_is_decoded_once(server: str) -> None:
    # '%2B' in a literal must arrive as '+', not be decoded again into a space.
    text = 'SELECT ("a%2Bb" AS ?x) WHERE {}'
    body = urllib.parse.urlencode({"query": text}).encode()
    status, _, out = http(
        server + "/sparql",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200
    assert json.loads(out)["results"]["bindings"][0]["x"]["value"] == "a%2Bb"


def test_default_and_named_graph_uri(server: str) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = json.loads(http(q(server, text), headers=accept)[2])
    vocab = json.loads(
        http(
            q(server, text, **{"default-graph-uri": "https://w3id.org/atazan/graph/vocab"}),
            headers=accept,
        )[2]
    )
    n_union = int(union["results"]["bindings"][0]["n"]["value"])
    n_vocab = int(vocab["results"]["bindings"][0]["n"]["value"])
    assert 0 < n_vocab < n_union
    named = json.loads(
        http(
            q(
                server,
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                **{"named-graph-uri": "https://w3id.org/atazan/graph/ontology"},
            ),
            headers=accept,
        )[2]
    )
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [
        "https://w3id.org/atazan/graph/ontology"
    ]


def test_the_query_has_a_base_iri(server: str) -> None:
    status, _, body = http(
        q(server, "CONSTRUCT { <s> <p> 1 } WHERE {}"), headers={"Accept": "application/n-triples"}
    )
    assert status == 200
    assert f"<{server}/s>" in body.decode()


def test_service_description_on_get_without_query(server: str) -> None:
    status, headers, body = http(server + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode(), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(server + "/sparql")) in g
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g


@pytest.mark.parametrize(
    ("request_args", "status", "words"),
    [
        ({"url": "/sparql?query=SELECT%20WHERE%20%7B", "headers": {}}, 400, "syntax error"),
        (
            {"url": "/sparql", "data": b"query=x", "headers": {"Content-Type": "text/plain"}},
            415,
            "POST a query as",
        ),
        (
            {
                "url": "/sparql?query=" + urllib.parse.quote("SELECT * WHERE {?s ?p ?o}"),
                "headers": {"Accept": "image/png"},
            },
            406,
            "Accept",
        ),
        (
            {"url": "/sparql?format=pdf&query=" + urllib.parse.quote("ASK {}"), "headers": {}},
            406,
            "format 'pdf'",
        ),
        (
            {
                "url": "/sparql",
                "data": b"x" * 200_000,
                "headers": {"Content-Type": "application/sparql-query"},
            },
            413,
            "larger than",
        ),
        (
            {"url": "/sparql?query=" + urllib.parse.quote("hello"), "headers": {}},
            400,
            "expected SELECT, ASK, CONSTRUCT or DESCRIBE, not 'hello'",
        ),
        ({"url": "/sparql", "method": "PUT", "data": b"", "headers": {}}, 405, ""),
    ],
)
def test_errors_have_one_shape_and_no_traceback(
    server: str, request_args: dict[str, object], status: int, words: str
) -> None:
    url = server + str(request_args["url"])
    got, _, body = http(
        url,
        request_args.get("data"),  # type: ignore[arg-type]
        request_args["headers"],
        request_args.get("method"),
    )  # type: ignore[arg-type]
    assert got == status
    error = json.loads(body)["error"]
    assert error["status"] == status and error["title"]
    assert words in error["detail"]
    assert "Traceback" not in body.decode()


def test_cors_and_compression(server: str) -> None:
    text = "SELECT * WHERE { ?s ?p ?o } LIMIT 2000"
    status, headers, body = http(
        q(server, text),
        headers={
            "Origin": "https://example.org",
            "Accept-Encoding": "gzip",
            "Accept": "application/sparql-results+json",
        },
    )
    assert status == 200
    assert headers["access-control-allow-origin"] == "*"
    assert headers["content-encoding"] == "gzip"
    import gzip

    assert len(json.loads(gzip.decompress(body))["results"]["bindings"]) == 2000


@pytest.mark.parametrize(
    ("text", "accept"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json"),
        ("SELECT * WHERE { ?s ?p ?o }", "text/csv"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples"),
    ],
)
def test_a_result_past_the_row_limit_is_refused_whole(server: str, text: str, accept: str) -> None:
    # The server runs with KG_MAX_ROWS=5000; the dataset has over 20,000 triples.
    status, headers, body = http(q(server, text), headers={"Accept": accept})
    assert status == 500
    assert headers["content-type"].startswith("application/json")
    error = json.loads(body)["error"]
    assert "5,000" in error["detail"] and "LIMIT" in error["detail"]
    assert "kg-truncated" not in {k.lower() for k in headers}
    # at the limit exactly, the whole result comes back
    status, _, body = http(q(server, text + " LIMIT 5000"), headers={"Accept": accept})
    assert status == 200


def test_a_page_shows_the_first_rows_and_says_so(server: str) -> None:
    page = http(
        server + "/query?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }"),
        headers={"Accept": "text/html"},
    )[2].decode()
    assert "Only the first 2000 rows are shown here" in page
    assert page.count("<tr>") == 2001


def test_etag_and_304(server: str) -> None:
    url = q(server, COUNT_POWERS)
    _, headers, _ = http(url)
    etag = headers["etag"]
    status, _, body = http(url, headers={"If-None-Match": etag})
    assert status == 304 and body == b""


# --- security ------------------------------------------------------------------------------


def test_an_update_is_refused_and_changes_nothing(server: str) -> None:
    before = http(q(server, COUNT_POWERS, format="json"))[2]
    for body, media in (
        (
            urllib.parse.urlencode({"update": "INSERT DATA { <urn:x> a <urn:y> }"}).encode(),
            "application/x-www-form-urlencoded",
        ),
        (
            b"INSERT DATA { <urn:x> a <https://w3id.org/atazan/ontology#Power> }",
            "application/sparql-update",
        ),
    ):
        status, _, out = http(server + "/sparql", body, {"Content-Type": media})
        assert status == 403, out
        assert "read-only" in json.loads(out)["error"]["detail"]
    # An update where a query belongs is a malformed query (the Protocol's 400).
    for status, _, out in (
        http(
            server + "/sparql",
            b"DELETE WHERE { ?s ?p ?o }",
            {"Content-Type": "application/sparql-query"},
        ),
        http(q(server, "INSERT DATA { <urn:x> a <urn:y> }")),
        http(
            server + "/sparql",
            urllib.parse.urlencode({"query": "CLEAR ALL"}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
    ):
        assert status == 400, out
        assert "not a query" in json.loads(out)["error"]["detail"]
    after = http(q(server, COUNT_POWERS + " ", format="json"))[2]
    assert json.loads(before) == json.loads(after)


def test_service_to_a_listening_loopback_port_makes_no_connection(server: str) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(3)
    port = listener.getsockname()[1]
    connections: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):  # the listener times out: nobody called
            connections.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    status, _, body = http(q(server, text))
    thread.join()
    listener.close()
    assert status == 403 and b"SERVICE" in body
    assert connections == []


def test_from_a_file_reads_nothing(server: str) -> None:
    text = "SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }"
    status, _, body = http(q(server, text), headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    assert json.loads(body)["results"]["bindings"] == []
    text = "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }"
    assert (
        json.loads(http(q(server, text), headers={"Accept": "application/json"})[2])["results"][
            "bindings"
        ]
        == []
    )


def test_a_reflected_script_is_escaped(server: str) -> None:
    evil = "<script>alert(1)</script>"
    for url in (
        server + "/query?query=" + urllib.parse.quote(f'SELECT ("{evil}" AS ?x) {{}}'),
        server + "/queries/powers?holder=" + urllib.parse.quote(evil),
        server + "/id/" + urllib.parse.quote(evil),
        server + "/query?query=" + urllib.parse.quote(evil),
    ):
        _, _, body = http(url, headers={"Accept": "text/html"})
        assert b"<script>alert" not in body, url
        assert b"&lt;script&gt;" in body, url


# --- time limit ----------------------------------------------------------------------------


def test_a_runaway_query_is_stopped_while_others_are_answered(server: str) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with concurrent.futures.ThreadPoolExecutor(2) as executor:
        started = time.perf_counter()
        slow = executor.submit(http, q(server, runaway))
        time.sleep(0.5)
        quick = []
        for n in range(5):
            t0 = time.perf_counter()
            status, _, _ = http(q(server, f"ASK {{ ?s ?p {n} }}"))
            quick.append((status, time.perf_counter() - t0))
        status, _, body = slow.result()
        elapsed = time.perf_counter() - started
    assert status == 503
    assert "time limit" in json.loads(body)["error"]["detail"]
    assert TIME_LIMIT <= elapsed < TIME_LIMIT + 5
    assert all(s == 200 for s, _ in quick)
    assert max(t for _, t in quick) < 1.0
    # the pool recovers: the killed worker is replaced
    time.sleep(2)
    assert http(q(server, COUNT_POWERS))[0] == 200


# --- linked data, named queries, pages -------------------------------------------------------


def test_an_iri_dereferences_to_html_and_rdf(server: str) -> None:
    status, headers, body = http(server + "/id/prime-minister", headers={"Accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    assert "Prime Minister of the Republic of Kazakhstan" in page
    assert "/eli/kz/constitution/2026/art_46__item_4" in page  # the power and its article
    kk = http(server + "/id/prime-minister?lang=kk", headers={"Accept": "text/html"})[2].decode()
    assert "Қазақстан Республикасының Премьер-Министрі" in kk
    for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld"), (".nt", "nt")):
        status, _, body = http(server + "/id/prime-minister" + suffix)
        graph = Graph().parse(data=body.decode(), format=fmt)
        assert (URIRef(PM), None, None) in graph, suffix
    status, headers, _ = http(server + "/id/prime-minister", headers={"Accept": "text/turtle"})
    assert headers["content-type"].startswith("text/turtle")


def test_a_provision_page_shows_its_parts_and_powers(server: str) -> None:
    page = http(
        server + "/eli/kz/constitution/2026/art_46__item_4", headers={"Accept": "text/html"}
    )[2].decode()
    assert "Prime Minister" in page and "rests on this provision" in page
    ttl = http(server + "/eli/kz/constitution/2026/art_46.ttl")[2].decode()
    graph = Graph().parse(data=ttl, format="turtle")
    parts = set(
        graph.objects(
            URIRef("https://w3id.org/atazan/eli/kz/constitution/2026/art_46"),
            URIRef("http://data.europa.eu/eli/ontology#has_part"),
        )
    )
    assert len(parts) == 22


def test_a_body_s_page_says_under_which_constitution_each_power_is(server: str) -> None:
    def versions(path: str) -> set[str]:
        page = http(server + path, headers={"Accept": "text/html"})[2].decode()
        return set(re.findall(r"<tr><td>(\d{4})</td>", page))

    assert versions("/id/president") == {"1995", "2026"}
    assert versions("/id/senate") == {"1995"}
    assert versions("/id/kurultai") == {"2026"}


def test_pages_show_the_conditions_of_powers_in_their_language(server: str) -> None:
    """The structured conditions, not English notes, in the page's language."""
    pages = {
        lang: http(server + f"/id/kurultai?lang={lang}", headers={"Accept": "text/html"})[
            2
        ].decode()
        for lang in ("en", "ru", "kk")
    }
    assert "not during a state of emergency or martial law" in pages["en"]
    assert "Ограничение: не в период чрезвычайного или военного положения" in pages["ru"]
    assert "Шектеу: төтенше немесе соғыс жағдайы кезеңінде емес" in pages["kk"]
    assert "not during a state of emergency" not in pages["ru"] + pages["kk"]
    power = "/power/2026/president-dissolves-kurultai-after-prime-minister-refusal?lang=ru"
    page = http(server + power, headers={"Accept": "text/html"})[2].decode()
    assert "<h2>Условия</h2>" in page
    assert "<li>Условие возникновения: повторный отказ Курултая" in page


def test_unknown_iris_get_404(server: str) -> None:
    status, headers, body = http(server + "/id/no-such-office", headers={"Accept": "text/html"})
    assert status == 404 and headers["content-type"].startswith("text/html")
    status, _, body = http(server + "/id/no-such-office")
    assert status == 404 and json.loads(body)["error"]["status"] == 404


def test_named_queries_over_http_match_the_cli(server: str) -> None:
    status, _, body = http(server + "/queries/powers.json?holder=president&action=appoint")
    assert status == 200
    rows = json.loads(body)["rows"]
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "query",
            "powers",
            "-p",
            "holder=president",
            "-p",
            "action=appoint",
            "-f",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert rows == json.loads(cli.stdout)["rows"]
    csv_body = http(server + "/queries/powers.csv?holder=president&action=appoint")[2].decode()
    assert len(csv_body.strip().splitlines()) == len(rows) + 1
    index = http(server + "/queries", headers={"Accept": "text/html"})[2].decode()
    assert "consent-appointments" in index
    assert http(server + "/queries/nope.json")[0] == 404
    assert http(server + "/queries/powers.json?colour=red")[0] == 400


def test_home_query_page_dumps_and_void(server: str) -> None:
    home = http(server + "/", headers={"Accept": "text/html"})[2].decode()
    for link in ("/query", "/queries", "/data/", "/.well-known/void", "/graph"):
        assert f'href="{link}"' in home
    page = http(server + "/query?query=" + urllib.parse.quote(COUNT_POWERS))[2].decode()
    assert "format=csv" in page and "<td>" in page
    status, headers, body = http(server + "/data/atazan.nq")
    assert status == 200 and headers["content-type"].startswith("application/n-quads")
    void = Graph().parse(
        data=http(server + "/.well-known/void", headers={"Accept": "text/turtle"})[2].decode(),
        format="turtle",
    )
    dataset = URIRef("https://w3id.org/atazan/dataset")
    triples = int(void.value(dataset, URIRef("http://rdfs.org/ns/void#triples")))
    assert triples == len(body.decode().strip().splitlines()) - len(
        [line for line in body.decode().splitlines() if "/graph/void>" in line]
    )


def test_the_graph_view_is_served_with_local_links(server: str) -> None:
    status, headers, body = http(server + "/graph?lang=kk&preset=checks")
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    assert '"linkBase": "/"' in page and '"preset": "checks"' in page and '"lang": "kk"' in page
    assert http(server + "/graph?preset=nonsense")[0] == 400


@pytest.mark.parametrize(
    "text",
    [
        "SELEC ?o WHERE { ?s ?p ?o }",
        "SELECT ?o WHERE {\n  ?s nope:p ?o }",
        "SELECT ?o WHERE {\n  ?s ?p ?o FILTER(?o > ) }",
        "SELECT ?o WHERE { ?s ?p ?o",
    ],
)
def test_sparql_errors_over_http_are_the_command_lines(server: str, text: str) -> None:
    status, _, body = http(server + "/sparql?query=" + urllib.parse.quote(text))
    assert status == 400
    detail = json.loads(body)["error"]["detail"]
    with pytest.raises(QueryError) as local:
        execute(ox.Store(), text)
    assert detail == str(local.value)
    assert "^" in detail.splitlines()[-1] and "\\u{" not in detail


def test_the_query_page_shows_the_error_with_its_caret(server: str) -> None:
    text = "PREFIX ex: <http://example.org/>\nSELECT ?o WHERE { ?s nope:p ?o }"
    page = http(server + "/query?query=" + urllib.parse.quote(text))[2].decode()
    assert "<pre>SPARQL syntax error at line 2, column 22: the prefix &#39;nope:&#39;" in page
    assert "  2 | SELECT ?o WHERE { ?s nope:p ?o }\n    |                      ^</pre>" in page


def test_named_queries_over_http_accept_names_in_common_use(server: str) -> None:
    by_id = http(server + "/queries/powers.json?holder=halyk-kenesi")[2]
    for name in ("People's Council", "Народный Совет", "PEOPLE'S COUNCIL"):
        by_name = http(server + "/queries/powers.json?holder=" + urllib.parse.quote(name))[2]
        assert json.loads(by_name)["rows"] == json.loads(by_id)["rows"] != []
