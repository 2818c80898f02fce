"""What every HTTP handler shares: the app's state, the one error they raise, running a
query in the worker pool, negotiating the media type and answering through the cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from kg.cache import ResponseCache
from kg.config import Config
from kg.errors import QueryTimeout
from kg.formats import FORMAT_NAMES, GRAPH_TYPES, SELECT_TYPES, negotiate
from kg.queries import QueryRegistry, SelectResult
from kg.sparql_errors import SparqlSyntaxError
from kg.sparql_text import Token
from kg.workers import Job, Outcome, QueryPool


class HTTPError(Exception):
    """Raised inside handlers; turned into the one error shape."""

    def __init__(
        self,
        status: int,
        detail: str,
        headers: dict[str, str] | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.title = title


@dataclass
class State:
    config: Config
    pool: QueryPool
    registry: QueryRegistry
    pages: QueryRegistry
    cache: ResponseCache
    dumps: Path  # the set of dumps this server answers from (a later build does not move it)


def state(request: Request) -> State:
    return request.app.state.kg  # type: ignore[no-any-return]


async def run_job(st: State, job: Job, toks: list[Token] | None = None) -> Outcome:
    try:
        outcome = await st.pool.run(job, toks)
    except QueryTimeout as exc:
        raise HTTPError(503, str(exc), {"Retry-After": "1"}) from exc
    if outcome.error:
        # A result past the row limit is refused whole: the SPARQL 1.1 Protocol (2.1.4)
        # answers a query the service refuses to run with 500.
        status = {"syntax": 400, "media": 406, "too_large": 500}.get(outcome.error_kind or "", 400)
        title = "Result Too Large" if outcome.error_kind == "too_large" else None
        # a syntax error keeps its parts as the cause, for a page to say it in its language
        cause = SparqlSyntaxError(outcome.syntax) if outcome.syntax else None
        raise HTTPError(status, outcome.error, title=title) from cause
    return outcome


# An HTML page shows at most this many rows, and says so when there are more.
PAGE_ROWS = 2000


async def rows(st: State, text: str, page: bool = False) -> SelectResult:
    """Rows as Python values. For an HTML ``page`` (which says so) a long result is cut at
    PAGE_ROWS; otherwise a result past the row limit is refused whole."""
    if page:
        job = Job(text, None, min(PAGE_ROWS, st.config.max_rows), overflow="truncate")
    else:
        job = Job(text, None, st.config.max_rows)
    outcome = await run_job(st, job)
    if outcome.rows is None:
        raise HTTPError(400, "this query does not return rows")
    return outcome.rows


def respond(
    request: Request,
    st: State,
    key: tuple[object, ...],
    body: bytes,
    media_type: str,
) -> Response:
    entry = st.cache.put(key, body, media_type)
    return cached_response(request, entry)


def cached_response(request: Request, entry) -> Response:  # type: ignore[no-untyped-def]
    headers = dict(entry.headers)
    headers["ETag"] = entry.etag
    if request.headers.get("if-none-match") == entry.etag:
        return Response(status_code=304, headers=headers)
    return Response(entry.body, media_type=entry.media_type, headers=headers)


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
