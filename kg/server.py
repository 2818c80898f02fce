"""The HTTP server: a SPARQL 1.1 Protocol endpoint, linked-data pages for every IRI, named
queries, a query page, the dumps and the VoID description.

Read-only and safe to expose: updates and SERVICE are refused before a query runs, every
query runs in a worker process that is killed at the time limit, results are cut at the
row limit, and request bodies are capped. Identical requests are answered from a cache
with ETags. Errors have one shape (kg.web.error_response) and never carry a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from rdflib import BNode, Graph, Literal, URIRef
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.cache import ResponseCache
from kg.config import Config
from kg.errors import KGError, QueryError, QueryTimeout, UnknownQuery
from kg.export import DUMP_NAME, DUMPS
from kg.formats import FORMAT_NAMES, GRAPH_TYPES, ROW_FORMATS, SELECT_TYPES, negotiate
from kg.namespaces import BASE, SD
from kg.queries import QUERIES_DIR, QueryRegistry, SelectResult
from kg.sparql_text import RefusedQuery, check_query
from kg.web import error_response, render
from kg.workers import Job, Outcome, QueryPool

log = logging.getLogger("kg.server")
RDF_SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
}
OUR_PATHS = (
    "id/",
    "eli/",
    "power/",
    "fact/",
    "right/",
    "duty/",
    "vocab/",
    "graph/",
    "ontology",
    "dataset",
)


class HTTPError(Exception):
    """Raised inside handlers; turned into the one error shape."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


@dataclass
class State:
    config: Config
    pool: QueryPool
    registry: QueryRegistry
    pages: QueryRegistry
    cache: ResponseCache


def state(request: Request) -> State:
    return request.app.state.kg  # type: ignore[no-any-return]


# --- running queries ---------------------------------------------------------------------


async def run_job(st: State, job: Job) -> Outcome:
    try:
        outcome = await st.pool.run(job)
    except QueryTimeout as exc:
        raise HTTPError(503, str(exc), {"Retry-After": "1"}) from exc
    if outcome.error:
        status = {"syntax": 400, "media": 406}.get(outcome.error_kind or "", 400)
        prefix = "SPARQL syntax error: " if outcome.error_kind == "syntax" else ""
        raise HTTPError(status, prefix + outcome.error)
    return outcome


async def rows(st: State, text: str, max_rows: int | None = None) -> SelectResult:
    outcome = await run_job(st, Job(text, None, max_rows or st.config.max_rows))
    if outcome.rows is None:
        raise HTTPError(400, "this query does not return rows")
    return outcome.rows


def respond(
    request: Request,
    st: State,
    key: tuple[object, ...],
    body: bytes,
    media_type: str,
    truncated: bool = False,
) -> Response:
    headers = (("KG-Truncated", "true"),) if truncated else ()
    entry = st.cache.put(key, body, media_type, headers)
    return cached_response(request, entry)


def cached_response(request: Request, entry) -> Response:  # type: ignore[no-untyped-def]
    headers = dict(entry.headers)
    headers["ETag"] = entry.etag
    if request.headers.get("if-none-match") == entry.etag:
        return Response(status_code=304, headers=headers)
    return Response(entry.body, media_type=entry.media_type, headers=headers)


# --- the SPARQL protocol -----------------------------------------------------------------


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


async def protocol_params(request: Request, st: State) -> dict[str, list[str]]:
    """The protocol's parameters from the URL and, for POST, the body; decoded once."""
    limit = st.config.max_request_bytes
    if len(request.url.query) > limit:
        raise HTTPError(413, f"the query string is longer than {limit} bytes")
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request, limit)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPError(400, "the request body is not UTF-8") from exc
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
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


def choose_media(request: Request, params: dict[str, list[str]], kind: str) -> str:
    offered = SELECT_TYPES if kind == "select" else GRAPH_TYPES
    fmt = (params.get("format") or [""])[0].strip().lower()
    if fmt:
        media = FORMAT_NAMES[kind].get(fmt, fmt)
        if media not in offered:
            raise HTTPError(
                406,
                f"format {fmt!r} is not available for this query; use one "
                f"of {', '.join(sorted(FORMAT_NAMES[kind]))}",
            )
        return media
    media = negotiate(request.headers.get("accept"), offered)
    if media is None:
        raise HTTPError(
            406,
            "none of the media types in Accept can carry this result; "
            f"available: {', '.join(offered)}",
        )
    return media


async def sparql(request: Request) -> Response:
    st = state(request)
    params = await protocol_params(request, st)
    if "update" in params:
        raise HTTPError(403, "SPARQL Update is not accepted: this endpoint is read-only")
    queries = params.get("query")
    if not queries:
        if request.method == "POST":
            raise HTTPError(400, "the request has no 'query' parameter")
        return service_description(request, params)
    if len(queries) > 1:
        raise HTTPError(400, "give exactly one 'query' parameter")
    text = queries[0]
    try:
        found = check_query(text, st.config.service_allowlist)
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
    base_iri = str(request.url.replace(query=""))
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
    )
    return respond(request, st, key, outcome.body, outcome.media_type or media, outcome.truncated)


SD_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
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
}


def service_description(request: Request, params: dict[str, list[str]]) -> Response:
    """SPARQL 1.1 Service Description of this endpoint (GET with no query)."""
    media = choose_media(request, params, "graph")
    g = Graph()
    g.bind("sd", SD)
    service, dataset = BNode("service"), BNode("dataset")
    endpoint = URIRef(str(request.url.replace(query="")))
    g.add((service, URIRef(str(SD) + "endpoint"), endpoint))
    g.add(
        (
            service,
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef(str(SD) + "Service"),
        )
    )
    g.add((service, URIRef(str(SD) + "supportedLanguage"), URIRef(str(SD) + "SPARQL11Query")))
    g.add((service, URIRef(str(SD) + "feature"), URIRef(str(SD) + "UnionDefaultGraph")))
    for iri in RESULT_FORMAT_IRIS.values():
        g.add((service, URIRef(str(SD) + "resultFormat"), URIRef(iri)))
    g.add((service, URIRef(str(SD) + "defaultDataset"), dataset))
    g.add(
        (
            dataset,
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef(str(SD) + "Dataset"),
        )
    )
    g.add((dataset, URIRef("http://rdfs.org/ns/void#sparqlEndpoint"), endpoint))
    g.add(
        (
            dataset,
            URIRef("http://purl.org/dc/terms/description"),
            Literal(
                "The default graph is the union of all named graphs; default-graph-uri and "
                "named-graph-uri select graphs.",
                lang="en",
            ),
        )
    )
    for name in ("constitution-2026", "institutions", "vocab", "ontology", "void"):
        named = BNode(f"graph-{name}")
        g.add((dataset, URIRef(str(SD) + "namedGraph"), named))
        g.add((named, URIRef(str(SD) + "name"), URIRef(f"{BASE}graph/{name}")))
    body = g.serialize(format=SD_FORMATS[media], encoding="utf-8")
    return Response(body, media_type=media)


# --- named queries -----------------------------------------------------------------------


async def queries_index(request: Request) -> Response:
    st = state(request)
    return render("queries.html", title="Named queries", queries=list(st.registry))


async def named_query(request: Request) -> Response:
    st = state(request)
    name, _, ext = request.path_params["name"].partition(".")
    try:
        query = st.registry.get(name)
    except UnknownQuery as exc:
        raise HTTPError(404, str(exc)) from exc
    params = {k: v for k, v in request.query_params.items() if v != ""}
    if ext and ext not in ("json", "csv", "tsv"):
        raise HTTPError(406, f"no format {ext!r} for named queries: use .json, .csv or .tsv")
    try:
        text = query.bind(params)
    except QueryError as exc:
        raise HTTPError(400, str(exc)) from exc
    key = ("named", name, ext, tuple(sorted(params.items())))
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    result = await rows(st, text)
    if ext:
        fmt = ROW_FORMATS[ext]
        body = fmt.write(result).encode("utf-8")
        return respond(request, st, key, body, fmt.media_type, result.truncated)
    qs = ("?" + urlencode(params)) if params else ""
    page = render(
        "named_query.html", title=query.title, query=query, params=params, result=result, qs=qs
    )
    return respond(request, st, key, page.body, "text/html; charset=utf-8", result.truncated)


# --- the query page ----------------------------------------------------------------------


async def query_page(request: Request) -> Response:
    st = state(request)
    text = request.query_params.get("query", "")
    if len(text) > st.config.max_request_bytes:
        raise HTTPError(413, f"the query is longer than {st.config.max_request_bytes} bytes")
    context: dict[str, object] = {
        "title": "Query",
        "queries": list(st.registry),
        "text": text,
        "error": None,
        "result": None,
        "boolean": None,
        "graph_text": None,
        "formats": [],
    }
    if text:
        try:
            found = check_query(text, st.config.service_allowlist)
            kind = "graph" if found.form in ("CONSTRUCT", "DESCRIBE") else "select"
            context["formats"] = [
                (n, "/sparql?" + urlencode({"query": text, "format": n}))
                for n in (
                    ("json", "xml", "csv", "tsv")
                    if kind == "select"
                    else ("turtle", "jsonld", "nt", "rdfxml", "trig")
                )
            ]
            if kind == "graph":
                outcome = await run_job(st, Job(text, "text/turtle", st.config.max_rows))
                context["graph_text"] = outcome.body.decode("utf-8")
            else:
                result = await rows(st, text)
                if found.form == "ASK":
                    context["boolean"] = result.rows[0]["boolean"]
                else:
                    context["result"] = result
        except (QueryError, HTTPError) as exc:
            status = getattr(exc, "status", 400)
            context["error"] = {
                "title": "Refused" if status == 403 else "Error",
                "detail": getattr(exc, "detail", str(exc)),
            }
    return render("query.html", **context)


# --- home, data, VoID --------------------------------------------------------------------


async def home(request: Request) -> Response:
    st = state(request)
    stats = await rows(st, st.registry.get("stats").bind({}))
    base_url = str(request.base_url).rstrip("/")
    return render(
        "home.html",
        title="Home",
        stats=stats,
        base_url=base_url,
        time_limit=st.config.query_time_limit,
        max_rows=st.config.max_rows,
    )


async def data_index(request: Request) -> Response:
    st = state(request)
    files = []
    for dump in DUMPS:
        path = st.config.dist_dir / f"{DUMP_NAME}.{dump.extension}"
        if path.is_file():
            files.append(
                {
                    "name": path.name,
                    "description": dump.description,
                    "size": f"{path.stat().st_size:,}",
                }
            )
    return render("data.html", title="Data", files=files)


async def data_file(request: Request) -> Response:
    st = state(request)
    name = request.path_params["file"]
    for dump in DUMPS:
        if name == f"{DUMP_NAME}.{dump.extension}":
            path = st.config.dist_dir / name
            if path.is_file():
                return FileResponse(path, media_type=dump.media_type)
    raise HTTPError(404, f"no dump named {name!r}; see /data/")


async def void(request: Request) -> Response:
    st = state(request)
    media = choose_media(request, {k: [v] for k, v in request.query_params.items()}, "graph")
    key = ("void", media)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    outcome = await run_job(st, Job(st.pages.get("void").bind({}), media, st.config.max_rows))
    return respond(request, st, key, outcome.body, media)


# --- the graph view ----------------------------------------------------------------------


async def graph_view(request: Request) -> Response:
    """The same self-contained page as `kg viz`, with links to this server's pages."""
    from kg.analytics import PowerGraph
    from kg.viz import render_html, view_model

    st = state(request)
    lang = request.query_params.get("lang", "en")
    preset = request.query_params.get("preset", "all")
    key = ("graph", lang, preset)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    nodes = await rows(st, st.registry.get("graph-nodes").bind({}))
    edges = await rows(st, st.registry.get("graph-edges").bind({"version": "2026"}))
    vocabulary = await rows(st, st.registry.get("vocabulary").bind({}))
    model = view_model(PowerGraph.from_results(nodes, edges), vocabulary.rows)
    try:
        html = render_html(model, lang, preset, link_base="/")
    except KGError as exc:
        raise HTTPError(400, str(exc)) from exc
    return respond(request, st, key, html.encode("utf-8"), "text/html; charset=utf-8")


# --- linked data -------------------------------------------------------------------------


async def resource(request: Request) -> Response:
    st = state(request)
    path = request.url.path.lstrip("/")
    suffix = Path(path).suffix
    media = RDF_SUFFIXES.get(suffix)
    if media:
        path = path[: -len(suffix)]
    if not path.startswith(OUR_PATHS):
        raise HTTPError(404, f"nothing is published at /{path}")
    iri = BASE + path
    if media is None:
        media = negotiate(request.headers.get("accept"), ["text/html", *GRAPH_TYPES[:4]])
        if media is None:
            raise HTTPError(406, "available: text/html, " + ", ".join(GRAPH_TYPES[:4]))
    lang = request.query_params.get("lang", "en")
    if lang not in ("en", "ru", "kk"):
        raise HTTPError(400, "lang must be en, ru or kk")
    key = ("resource", iri, media, lang)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    exists = await rows(st, st.pages.get("exists").bind({"iri": iri}))
    if not exists.rows[0]["found"]:
        raise HTTPError(404, f"no resource {iri} in the dataset")
    if media != "text/html":
        outcome = await run_job(
            st, Job(st.pages.get("resource").bind({"iri": iri}), media, st.config.max_rows)
        )
        return respond(request, st, key, outcome.body, media, outcome.truncated)
    page = await resource_page(st, iri, "/" + path, lang)
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


async def resource_page(st: State, iri: str, path: str, lang: str) -> Response:
    given = {"iri": iri, "lang": lang}
    named = await rows(st, st.pages.get("label").bind(given))
    properties = await rows(st, st.pages.get("properties").bind(given))
    powers = await rows(st, st.pages.get("powers").bind({"iri": iri}))
    facts = await rows(st, st.pages.get("facts").bind({"iri": iri}))
    heading = str(named.rows[0]["label"])
    return render(
        "resource.html",
        title=heading,
        heading=heading,
        iri=iri,
        path=path,
        lang=lang,
        summary=named.rows[0]["summary"],
        properties=properties,
        powers=powers,
        facts=facts,
    )


# --- application -------------------------------------------------------------------------


async def handle_http_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPError):
        return error_response(request, exc.status, exc.detail, exc.headers)
    if isinstance(exc, HTTPException):
        detail = exc.detail if exc.status_code != 404 else f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, str(detail))
    if isinstance(exc, KGError):
        return error_response(request, 400, str(exc))
    log.exception("unexpected error for %s", request.url.path)
    return error_response(request, 500, "the server failed to answer; the error is logged")


def create_app(config: Config, nquads_path: Path) -> Starlette:
    registry = QueryRegistry()
    pages = QueryRegistry(QUERIES_DIR / "pages")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = QueryPool(nquads_path, config.query_workers, config.query_time_limit)
        await pool.start()
        app.state.kg = State(config, pool, registry, pages, ResponseCache(config.response_cache))
        try:
            yield
        finally:
            await pool.close()

    routes = [
        Route("/", home),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", query_page),
        Route("/queries", queries_index),
        Route("/queries/{name}", named_query),
        Route("/data", lambda request: RedirectResponse("/data/")),
        Route("/data/", data_index),
        Route("/data/{file}", data_file),
        Route("/.well-known/void", void),
        Route("/graph", graph_view),
        Route("/{path:path}", resource),
    ]
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=["*"],
            allow_methods=["GET", "POST"],
            allow_headers=["*"],
            expose_headers=["ETag", "KG-Truncated"],
        ),
        Middleware(GZipMiddleware, minimum_size=1024),
    ]
    handlers = {
        Exception: handle_http_error,
        HTTPException: handle_http_error,
        HTTPError: handle_http_error,
    }
    return Starlette(
        routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=handlers
    )  # type: ignore[arg-type]


async def get_once(app: Starlette, target: str) -> tuple[int, bytes]:
    """Answer one GET in process, with the app's start-up and shut-down around it (what
    `kg serve --get PATH` prints). Returns the status and the body."""
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("localhost", 80),
    }
    status = 500
    chunks: list[bytes] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))  # type: ignore[arg-type]

    async with app.router.lifespan_context(app):
        await app(scope, receive, send)  # type: ignore[arg-type]
    return status, b"".join(chunks)
