"""The pages people and programs browse: named queries, the query page, the home page, the
dumps and VoID, the graph view, and a linked-data page for every IRI of the dataset."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from kg.errors import KGError, QueryError, UnknownQuery
from kg.export import DUMP_NAME, DUMPS
from kg.formats import GRAPH_TYPES, ROW_FORMATS, negotiate
from kg.namespaces import BASE
from kg.page_words import WORDS, page_lang
from kg.queries import NamedQuery
from kg.record_view import heading_of, local_cells, record_fields, statement_values
from kg.record_words import DUMP_WORDS, PARAM_WORDS, ROLE_WORDS, column_word, type_word
from kg.serving import (
    PAGE_ROWS,
    HTTPError,
    State,
    cached_response,
    choose_media,
    respond,
    rows,
    run_job,
    state,
)
from kg.sparql_error_words import FIELD_WORDS, error_fields, quoted
from kg.sparql_errors import SparqlSyntaxError, SyntaxParts
from kg.sparql_text import check_query
from kg.web import environment, render
from kg.workers import Job

environment.globals["WORDS"] = WORDS
environment.globals["column_word"] = column_word
environment.globals["PARAM_WORDS"] = PARAM_WORDS
environment.globals["ROLE_WORDS"] = ROLE_WORDS
environment.globals["type_word"] = type_word


def keep_lang(href: str, lang: str) -> str:
    """A link to one of this server's pages that keeps the page's language."""
    if lang == "en" or not href.startswith("/"):
        return href
    path, hash_, fragment = href.partition("#")
    joined = path + ("&" if "?" in path else "?") + "lang=" + lang
    return joined + hash_ + fragment


environment.filters["keep_lang"] = keep_lang
environment.filters["type_word_in"] = type_word

RDF_SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
    ".trig": "application/trig",
    ".nq": "application/n-quads",
}
# What a linked-data page offers by Accept: HTML first (a browser's */*), then every RDF
# format of the /sparql endpoint.
PAGE_TYPES = ["text/html", *GRAPH_TYPES]
ONTOLOGY = BASE + "ontology"
NOT_IN_IRIS = set('<>"{}|^`\\')
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


async def queries_index(request: Request) -> Response:
    st = state(request)
    lang = page_lang(request)
    title = WORDS[lang]["queries"]
    return render("queries.html", title=title, queries=list(st.registry), lang=lang)


def _other_params(request: Request) -> str:
    """The request's parameters but ``lang``, for the language switch to keep them."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return urlencode(kept)


async def named_query(request: Request) -> Response:
    st = state(request)
    name, _, ext = request.path_params["name"].partition(".")
    try:
        query = st.registry.get(name)
    except UnknownQuery as exc:
        raise HTTPError(404, str(exc)) from exc
    params = {k: v for k, v in request.query_params.items() if v != ""}
    takes_lang = any(p.name == "lang" for p in query.parameters)
    # an HTML page is asked in a language; a query with a lang parameter gets it too
    lang = page_lang(request) if not ext else "en"
    if not ext and not takes_lang:
        params.pop("lang", None)
    if ext and ext not in ("json", "csv", "tsv"):
        raise HTTPError(406, f"no format {ext!r} for named queries: use .json, .csv or .tsv")
    _check_params(query, params, lang)
    try:
        text = query.bind(params)
    except QueryError as exc:
        raise HTTPError(400, WORDS[lang]["bad_params"].format(detail=exc)) from exc
    key = ("named", name, ext, lang, tuple(sorted(params.items())))
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    result = await rows(st, text, page=not ext)
    if ext:
        fmt = ROW_FORMATS[ext]
        body = fmt.write(result).encode("utf-8")
        return respond(request, st, key, body, fmt.media_type)
    qs = ("?" + urlencode(params)) if params else ""
    names = await _names(st, lang)
    page = render(
        "named_query.html",
        title=query.title_in(lang),
        query=query,
        params=params,
        result=result,
        cells=local_cells(result, names, lang),
        qs=qs,
        lang=lang,
        others=_other_params(request),
        english=request.url.path + qs,
    )
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


def _check_params(query: NamedQuery, params: dict[str, str], lang: str) -> None:
    """The mistakes people make in a query's address, said in the page's language (the
    same checks as NamedQuery.bind, which says them in English for the command line)."""
    known = [p.name for p in query.parameters]
    for name in params:
        if name not in known:
            words = {"name": query.name, "param": name, "known": ", ".join(known) or "—"}
            raise HTTPError(400, WORDS[lang]["no_param"].format(**words))
    version = params.get("version")
    if version is not None and not (version.isdigit() and len(version) == 4):
        raise HTTPError(400, WORDS[lang]["not_year"].format(value=version))


async def _names(st: State, lang: str) -> dict[str, str]:
    """English names of the data with their translation into ``lang`` (none for English)."""
    if lang == "en":
        return {}
    found = await rows(st, st.pages.get("names").bind({"lang": lang}))
    return {str(row["en"]): str(row["name"]) for row in found.rows}


async def query_page(request: Request) -> Response:
    st = state(request)
    text = request.query_params.get("query", "")
    if len(text) > st.config.max_request_bytes:
        raise HTTPError(413, f"the query is longer than {st.config.max_request_bytes} bytes")
    lang = page_lang(request)
    context: dict[str, object] = {
        "lang": lang,
        "title": WORDS[lang]["query"],
        "queries": list(st.registry),
        "text": text,
        "error": None,
        "result": None,
        "boolean": None,
        "graph_text": None,
        "graph_truncated": False,
        "page_rows": PAGE_ROWS,
        "formats": [],
        "names": {},
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
                job = Job(text, "text/turtle", PAGE_ROWS, overflow="truncate")
                outcome = await run_job(st, job)
                context["graph_text"] = outcome.body.decode("utf-8")
                context["graph_truncated"] = outcome.truncated
            else:
                result = await rows(st, text, page=True)
                if found.form == "ASK":
                    context["boolean"] = result.rows[0]["boolean"]
                else:
                    context["result"] = result
                    context["cells"] = local_cells(result, await _names(st, lang), lang)
        except (QueryError, HTTPError) as exc:
            status = getattr(exc, "status", 400)
            context["error"] = {
                "title": WORDS[lang]["refused" if status == 403 else "error"],
                "detail": getattr(exc, "detail", str(exc)),
            }
            syntax = _syntax_of(exc)
            if syntax is not None and lang != "en":  # English keeps its one message
                context["error"] = {
                    "title": FIELD_WORDS["title"][lang],
                    "fields": error_fields(syntax, lang),
                    "detail": quoted(syntax),
                }
    context["others"] = _other_params(request)
    page = render("query.html", **context)
    if context["error"]:
        return page
    key = ("query-page", text, lang)
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


def _syntax_of(exc: Exception) -> SyntaxParts | None:
    """The parts of a syntax error: found here (a misspelt form) or by a query worker."""
    for found in (exc, exc.__cause__):
        if isinstance(found, SparqlSyntaxError):
            return found.parts
    return None


async def home(request: Request) -> Response:
    st = state(request)
    base_url = str(request.base_url).rstrip("/")
    lang = page_lang(request)
    key = ("home", base_url, lang)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    stats = await rows(st, st.registry.get("stats").bind({}))
    page = render(
        "home.html",
        lang=lang,
        stats_cells=local_cells(stats, await _names(st, lang), lang),
        title=WORDS[lang]["home"],
        stats=stats,
        base_url=base_url,
        time_limit=st.config.query_time_limit,
        max_rows=st.config.max_rows,
    )
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


async def data_index(request: Request) -> Response:
    st = state(request)
    lang = page_lang(request)
    files = []
    for dump in DUMPS:
        path = st.dumps / f"{DUMP_NAME}.{dump.extension}"
        if path.is_file():
            files.append(
                {
                    "name": path.name,
                    "description": DUMP_WORDS.get(dump.extension, {}).get(lang, dump.description),
                    "size": f"{path.stat().st_size:,}",
                }
            )
    return render("data.html", title=WORDS[lang]["data"], files=files, lang=lang)


async def data_file(request: Request) -> Response:
    st = state(request)
    name = request.path_params["file"]
    for dump in DUMPS:
        if name == f"{DUMP_NAME}.{dump.extension}":
            path = st.dumps / name
            if path.is_file():
                return FileResponse(path, media_type=dump.media_type)
    lang = page_lang(request)
    raise HTTPError(404, WORDS[lang]["not_published"].format(path="/data/" + name))


async def void(request: Request) -> Response:
    """The VoID description: RDF (Turtle for */*), or for a browser that asks for HTML the
    readable page of the dataset it describes."""
    st = state(request)
    params = {k: [v] for k, v in request.query_params.items()}
    if "format" not in params:
        offered = [*GRAPH_TYPES, "text/html"]  # */* keeps getting Turtle
        if negotiate(request.headers.get("accept"), offered) == "text/html":
            lang = page_lang(request)
            key: tuple[object, ...] = ("void", "text/html", lang)
            entry = st.cache.get(key)
            if entry is not None:
                return cached_response(request, entry)
            page = await resource_page(st, BASE + "dataset", "/dataset", lang)
            return respond(request, st, key, page.body, "text/html; charset=utf-8")
    media = choose_media(request, params, "graph")
    key = ("void", media)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    outcome = await run_job(st, Job(st.pages.get("void").bind({}), media, st.config.max_rows))
    return respond(request, st, key, outcome.body, media)


async def graph_view(request: Request) -> Response:
    """The same self-contained page as `kg viz`, with links to this server's pages;
    ``?compare=1995,2026`` gives the compare view of `kg viz --compare`."""
    from kg.analytics import PowerGraph
    from kg.compare import DEFAULT_PAIR
    from kg.viz import render_html, succession_order, view_model

    if "compare" in request.query_params:
        return await compare_view(request)
    st = state(request)
    lang = request.query_params.get("lang", "en")
    preset = request.query_params.get("preset", "overview")
    key = ("graph", lang, preset)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    nodes = await rows(st, st.registry.get("graph-nodes").bind({}))
    edges = await rows(st, st.registry.get("graph-edges").bind({"version": "2026"}))
    vocabulary = await rows(st, st.registry.get("vocabulary").bind({}))
    steps = await rows(st, st.registry.get("succession").bind({"office": "president"}))
    held = await rows(st, st.registry.get("rights-view").bind({"version": "2026"}))
    guarded = await rows(st, st.registry.get("rights-guardians").bind({"version": "2026"}))
    power_graph = PowerGraph.from_results(nodes, edges)
    order = succession_order(power_graph, steps.rows)
    model = view_model(power_graph, vocabulary.rows, order, (held.rows, guarded.rows))
    try:
        html = render_html(
            model,
            lang,
            preset,
            link_base="/",
            compare_with=(f"/graph?compare={','.join(DEFAULT_PAIR)}", DEFAULT_PAIR[0]),
        )
    except KGError as exc:
        raise HTTPError(400, str(exc)) from exc
    return respond(request, st, key, html.encode("utf-8"), "text/html; charset=utf-8")


async def compare_view(request: Request) -> Response:
    """`/graph?compare=1995,2026[&lang=kk]`: the compare view; a wrong pair is a 400 that
    says why in the page's language."""
    from kg.compare import CompareError, check_pair, compare_html, compare_model, known_versions

    st = state(request)
    lang = page_lang(request)
    asked = [v.strip() for v in request.query_params["compare"].split(",")]
    try:
        if len(asked) != 2 or not all(asked):
            raise CompareError("form")
        bodies = await rows(st, st.registry.get("body-versions").bind({}))
        old, new = check_pair(known_versions(bodies.rows), *asked)
    except CompareError as exc:
        raise HTTPError(400, exc.text(lang)) from exc
    key = ("graph-compare", lang, old, new)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    diff = await rows(st, st.registry.get("diff-powers").bind({"from": old, "to": new}))
    if not diff.rows:
        raise HTTPError(400, CompareError("none", old=old, new=new).text(lang))
    model = compare_model(
        await rows(st, st.registry.get("graph-nodes").bind({"version": old})),
        await rows(st, st.registry.get("graph-nodes").bind({"version": new})),
        await rows(st, st.registry.get("graph-edges").bind({"version": old})),
        await rows(st, st.registry.get("graph-edges").bind({"version": new})),
        (await rows(st, st.registry.get("vocabulary").bind({}))).rows,
        diff.rows,
        bodies.rows,
        old,
        new,
    )
    html = compare_html(model, lang, link_base="/", back="/graph")
    return respond(request, st, key, html.encode("utf-8"), "text/html; charset=utf-8")


async def resource(request: Request) -> Response:
    st = state(request)
    path = request.url.path.lstrip("/")
    suffix = Path(path).suffix
    media = RDF_SUFFIXES.get(suffix)
    if media:
        path = path[: -len(suffix)]
    lang = page_lang(request)
    if not path.startswith(OUR_PATHS) or any(c in NOT_IN_IRIS or ord(c) <= 32 for c in path):
        raise HTTPError(404, WORDS[lang]["not_published"].format(path="/" + path))
    iri = BASE + path
    if media is None:
        media = negotiate(request.headers.get("accept"), PAGE_TYPES)
        if media is None:
            raise HTTPError(406, "available: " + ", ".join(PAGE_TYPES))
    if iri == ONTOLOGY:
        return await ontology(request, st, media, lang)
    key = ("resource", iri, media, lang)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    exists = await rows(st, st.pages.get("exists").bind({"iri": iri}))
    if not exists.rows[0]["found"]:
        raise HTTPError(404, WORDS[lang]["no_resource"].format(iri=iri))
    if media != "text/html":
        outcome = await run_job(
            st, Job(st.pages.get("resource").bind({"iri": iri}), media, st.config.max_rows)
        )
        return respond(request, st, key, outcome.body, media)
    page = await resource_page(st, iri, "/" + path, lang)
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


async def ontology(request: Request, st: State, media: str, lang: str) -> Response:
    """The whole ontology: a term such as /ontology#Power dereferences to this document
    (the fragment never reaches the server), in every RDF format or as one HTML page with
    an anchor per term."""
    key = ("ontology", media, lang)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    if media != "text/html":
        outcome = await run_job(
            st, Job(st.pages.get("ontology").bind({}), media, st.config.max_rows)
        )
        return respond(request, st, key, outcome.body, media)
    found = await rows(st, st.pages.get("ontology-terms").bind({}))
    terms: dict[str, dict[str, object]] = {}
    for row in found.rows:
        term = terms.setdefault(
            str(row["term"]),
            {
                "anchor": str(row["term"]).partition("#")[2],
                "label": row["label"],
                "definition": row["definition"],
                "kinds": [],
                "parents": str(row["parents"] or "").split(),
            },
        )
        term["kinds"].append(row["kind"])  # type: ignore[attr-defined]
    page = render(
        "ontology.html",
        title=WORDS[lang]["ontology_title"],
        iri=ONTOLOGY,
        terms=list(terms.values()),
        lang=lang,
    )
    return respond(request, st, key, page.body, "text/html; charset=utf-8")


async def resource_page(st: State, iri: str, path: str, lang: str) -> Response:
    given = {"iri": iri, "lang": lang}
    named = (await rows(st, st.pages.get("label").bind(given))).rows[0]
    properties = await rows(st, st.pages.get("properties").bind(given))
    powers = await rows(st, st.pages.get("powers").bind(given))
    facts = await rows(st, st.pages.get("facts").bind(given))
    heading = heading_of(named, lang)
    # the summary shows where it is written in the page's language; else a link to English
    summary = named["summary"] if lang == "en" or named["summary_lang"] == lang else ""
    return render(
        "resource.html",
        title=heading,
        heading=heading,
        iri=iri,
        path=path,
        lang=lang,
        summary=summary,
        summary_en=bool(named["summary"]) and not summary,
        fields=record_fields(properties, lang),
        conditions=named["conditions"],
        properties=properties,
        values=statement_values(properties, lang),
        powers=powers,
        facts=facts,
    )
