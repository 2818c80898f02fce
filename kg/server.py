"""The HTTP server: a SPARQL 1.1 Protocol endpoint, linked-data pages for every IRI, named
queries, a query page, the dumps and the VoID description.

Read-only and safe to expose: updates and SERVICE are refused before a query runs, every
query runs in a worker process that is killed at the time limit (but point lookups, whose
cost the data bounds: kg/lookup.py), results past the row limit are refused, and request
bodies are capped. Identical requests are answered from a cache
with ETags. Errors have one shape (kg.web.error_response) and never carry a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.cache import ResponseCache
from kg.config import Config
from kg.diff_page import diff_page
from kg.errors import KGError, WorkerLost
from kg.pages import (
    data_file,
    data_index,
    graph_view,
    home,
    named_query,
    queries_index,
    query_page,
    resource,
    void,
)
from kg.protocol import sparql
from kg.queries import QUERIES_DIR, QueryRegistry
from kg.serving import HTTPError, State
from kg.shortcut import Finish, SparqlShortcut
from kg.web import error_response
from kg.workers import QueryPool

log = logging.getLogger("kg.server")


class QuietUpgrades(logging.Filter):
    """Java's HTTP client offers `Upgrade: h2c` on every request; uvicorn answers in HTTP/1.1
    as it should, but logs a warning each time. The offer is harmless: drop those lines."""

    WORDS = ("Unsupported upgrade request", "No supported WebSocket library")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(w in message for w in self.WORDS)


class QuietStartProblem(logging.Filter):
    """Drops uvicorn's traceback of a start-up failure whose cause the app has named
    (``app.state.start_problem``), so that `kg serve` can say it in one line instead."""

    def __init__(self, app: Any) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(self.app.state, "start_problem", None) is None


def quiet_upgrades() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, QuietUpgrades) for f in logger.filters):
        logger.addFilter(QuietUpgrades())


class VaryAccept:
    """`Vary: Accept` on every answer: the body of almost every route depends on Accept
    (content negotiation, and errors as HTML or JSON), so a shared cache must key on it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                vary = [v.strip() for v in headers.get("vary", "").split(",") if v.strip()]
                if "accept" not in (v.lower() for v in vary):
                    headers["vary"] = ", ".join([*vary, "Accept"])
            await send(message)

        await self.app(scope, receive, send_with_vary)


async def handle_http_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPError):
        return error_response(request, exc.status, exc.detail, exc.headers, exc.title)
    if isinstance(exc, HTTPException):
        detail = exc.detail if exc.status_code != 404 else f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, str(detail))
    if isinstance(exc, KGError):
        return error_response(request, 400, str(exc))
    log.exception("unexpected error for %s", request.url.path)
    return error_response(request, 500, "the server failed to answer; the error is logged")


CORS: dict[str, Any] = {
    "allow_origins": ["*"],
    "allow_methods": ["GET", "POST"],
    "allow_headers": ["*"],
    "expose_headers": ["ETag"],
}
GZIP_MINIMUM = 1024  # bytes; smaller answers are sent as they are


def create_app(
    config: Config,
    nquads_path: Path,
    ready: Callable[[], None] | None = None,
    shortcut: bool = True,
) -> Starlette:
    """The app; ``ready`` is called once the query workers have started. With
    ``shortcut`` (the default) /sparql skips the router and the middleware layers (see
    kg/shortcut.py); without, every request takes the full way (for the tests comparing)."""
    registry = QueryRegistry()
    pages = QueryRegistry(QUERIES_DIR / "pages")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = QueryPool(
            nquads_path, config.query_workers, config.query_time_limit, config.worker_memory
        )
        try:
            await pool.start()
        except WorkerLost as exc:  # said in one line by `kg serve` (kg/cli.py)
            app.state.start_problem = str(exc)
            raise
        quiet_upgrades()
        app.state.kg = State(
            config, pool, registry, pages, ResponseCache(config.response_cache), nquads_path.parent
        )
        if ready is not None:
            ready()
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
        Route("/diff", diff_page),
        Route("/{path:path}", resource),
    ]
    middleware = [
        Middleware(CORSMiddleware, **CORS),
        Middleware(VaryAccept),
        Middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM),
    ]
    handlers = {
        Exception: handle_http_error,
        HTTPException: handle_http_error,
        HTTPError: handle_http_error,
    }
    app = Starlette(
        routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=handlers
    )  # type: ignore[arg-type]
    if not shortcut:
        return app
    finish = Finish(GZIP_MINIMUM, CORSMiddleware(app, **CORS))  # type: ignore[arg-type]
    return SparqlShortcut(app, sparql, handle_http_error, finish)  # type: ignore[return-value]


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
