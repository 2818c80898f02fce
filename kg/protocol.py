"""The SPARQL 1.1 Protocol at /sparql: GET, form POST and sparql-query POST, dataset
parameters, content negotiation, and the service description when no query is given.

Updates and SERVICE are refused here, before anything runs; the query itself runs in the
worker pool, which stops it at the time limit.
"""

from __future__ import annotations

import functools
from urllib.parse import parse_qs

from rdflib import RDF, BNode, Graph, Literal, URIRef
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import Response

from kg.errors import QueryError
from kg.namespaces import BASE, DCTERMS, SD, VOID
from kg.pages import query_page
from kg.serving import (
    HTTPError,
    State,
    cached_response,
    choose_media,
    respond,
    run_job,
    state,
)
from kg.sparql_text import RefusedQuery, UpdateInQuery, check_query
from kg.web import wants_html
from kg.workers import Job


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, f"the request body is larger than {limit} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPError(413, f"the request body is larger than {limit} bytes")
    return body


def decode_form(text: str, where: str) -> dict[str, list[str]]:
    """Form fields, each percent-decoded once; percent-escapes that are not UTF-8 are an
    error (a query must never run with replacement characters in it)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as exc:
        raise HTTPError(400, f"{where} has percent-escapes that are not UTF-8") from exc


async def protocol_params(request: Request, st: State) -> dict[str, list[str]]:
    """The protocol's parameters from the URL and, for POST, the body; decoded once."""
    limit = st.config.max_request_bytes
    query = request.scope.get("query_string", b"").decode("latin-1")  # what request.url.query is
    if len(query) > limit:
        raise HTTPError(413, f"the query string is longer than {limit} bytes")
    params = decode_form(query, "the query string") if query else {}
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request, limit)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPError(400, "the request body is not UTF-8") from exc
        if media == "application/x-www-form-urlencoded":
            for key, values in decode_form(text, "the request body").items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params["query"] = [text]
        elif media == "application/sparql-update":
            raise HTTPError(403, "SPARQL Update is not accepted: this endpoint is read-only")
        else:
            raise HTTPError(
                415,
                "POST a query as application/x-www-form-urlencoded or "
                f"application/sparql-query, not {media or 'no media type'}",
            )
    return params


@functools.lru_cache(maxsize=256)
def _endpoint_iri(scheme: str, host: bytes | None, server: object, path: str, root: str) -> str:
    scope = {
        "type": "http",
        "scheme": scheme,
        "server": server,
        "path": path,
        "root_path": root,
        "query_string": b"",
        "headers": [(b"host", host)] if host is not None else [],
    }
    return str(URL(scope=scope))


def endpoint_iri(request: Request) -> str:
    """The request's URL without its query string (the base IRI of the query): what
    ``str(request.url.replace(query=""))`` gives, remembered per host and path because
    building a URL costs more than a point lookup's answer."""
    scope = request.scope
    host = next((v for k, v in scope["headers"] if k == b"host"), None)
    server = scope.get("server")
    return _endpoint_iri(
        scope.get("scheme", "http"),
        host,
        tuple(server) if server else None,
        scope["path"],
        scope.get("root_path", ""),
    )


async def sparql(request: Request) -> Response:
    st = state(request)
    params = await protocol_params(request, st)
    if "update" in params:
        raise HTTPError(403, "SPARQL Update is not accepted: this endpoint is read-only")
    queries = params.get("query")
    if not queries:
        if request.method == "POST":
            raise HTTPError(400, "the request has no 'query' parameter")
        if "format" not in params and wants_html(request):
            return await query_page(request)  # a browser opening the endpoint
        return service_description(request, st, params)
    if len(queries) > 1:
        raise HTTPError(400, "give exactly one 'query' parameter")
    text = queries[0]
    try:
        found = check_query(text, st.config.service_allowlist)
    except UpdateInQuery as exc:
        # The Protocol: an update is not a legal query string, so it is a malformed query.
        raise HTTPError(400, str(exc)) from exc
    except RefusedQuery as exc:
        raise HTTPError(403, str(exc)) from exc
    except QueryError as exc:
        raise HTTPError(400, str(exc)) from exc
    kind = "graph" if found.form in ("CONSTRUCT", "DESCRIBE") else "select"
    media = choose_media(request, params, kind)
    default_graphs = tuple(params.get("default-graph-uri", []))
    named_graphs = tuple(params.get("named-graph-uri", []))
    key = ("sparql", text, media, default_graphs, named_graphs)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    base_iri = endpoint_iri(request)
    outcome = await run_job(
        st,
        Job(
            text,
            media,
            st.config.max_rows,
            default_graphs,
            named_graphs,
            base_iri,
            not found.has_dataset,
        ),
        found.toks,
    )
    return respond(request, st, key, outcome.body, outcome.media_type or media)


SD_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
    "application/n-quads": "nt",  # N-Triples is N-Quads with every triple in the default graph
}
RESULT_FORMAT_IRIS = {
    "application/sparql-results+json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "application/sparql-results+xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "text/csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "text/tab-separated-values": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "text/turtle": "http://www.w3.org/ns/formats/Turtle",
    "application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
    "application/rdf+xml": "http://www.w3.org/ns/formats/RDF_XML",
    "application/ld+json": "http://www.w3.org/ns/formats/JSON-LD",
    "application/trig": "http://www.w3.org/ns/formats/TriG",
    "application/n-quads": "http://www.w3.org/ns/formats/N-Quads",
}


def service_description(request: Request, st: State, params: dict[str, list[str]]) -> Response:
    """SPARQL 1.1 Service Description of this endpoint (GET with no query)."""
    media = choose_media(request, params, "graph")
    endpoint = URIRef(str(request.url.replace(query="")))
    key = ("service-description", media, str(endpoint))
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    g = Graph()
    g.bind("sd", SD)
    service, dataset = BNode("service"), BNode("dataset")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, endpoint))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for iri in RESULT_FORMAT_IRIS.values():
        g.add((service, SD.resultFormat, URIRef(iri)))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, VOID.sparqlEndpoint, endpoint))
    description = (
        "The default graph is the union of all named graphs; default-graph-uri and "
        "named-graph-uri select graphs."
    )
    g.add((dataset, DCTERMS.description, Literal(description, lang="en")))
    for name in ("constitution-2026", "institutions", "vocab", "ontology", "void"):
        named = BNode(f"graph-{name}")
        g.add((dataset, SD.namedGraph, named))
        g.add((named, SD.name, URIRef(f"{BASE}graph/{name}")))
    body = g.serialize(format=SD_FORMATS[media], encoding="utf-8")
    return respond(request, st, key, body, media)
