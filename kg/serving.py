"""What every HTTP handler shares: the app's state, the one error they raise, running a
query in the worker pool, negotiating the media type and answering through the cache."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from kg.cache import ResponseCache
from kg.config import Config
from kg.errors import QueryTimeout
from kg.formats import FORMAT_NAMES, GRAPH_TYPES, SELECT_TYPES, negotiate
from kg.queries import QueryRegistry, SelectResult
from kg.workers import Job, Outcome, QueryPool


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


async def run_job(st: State, job: Job) -> Outcome:
    try:
        outcome = await st.pool.run(job)
    except QueryTimeout as exc:
        raise HTTPError(503, str(exc), {"Retry-After": "1"}) from exc
    if outcome.error:
        status = {"syntax": 400, "media": 406}.get(outcome.error_kind or "", 400)
        raise HTTPError(status, outcome.error)
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
