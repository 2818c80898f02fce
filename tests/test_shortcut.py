"""The short way to /sparql (kg/shortcut.py) answers exactly as the full Starlette stack
does: the same status, the same headers in the same order and the same body, for answers,
304s, errors, the service description and the query page, with and without gzip and CORS.
Both apps run in process with real query workers over the real data."""

from __future__ import annotations

import asyncio
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from kg.config import Config
from kg.export import nquads
from kg.server import create_app

LOOKUP = "SELECT ?p ?o WHERE { <https://w3id.org/atazan/id/prime-minister> ?p ?o }"
JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
Request = tuple[str, str, dict[str, str], bytes]  # method, path and query, headers, body


def get(query: str | None = None, **headers: str) -> Request:
    target = "/sparql" + ("?" + urllib.parse.urlencode({"query": query}) if query else "")
    return ("GET", target, headers, b"")


def post(body: str, media: str = FORM, **headers: str) -> Request:
    return ("POST", "/sparql", {"content-type": media, **headers}, body.encode())


def requests() -> list[Request]:
    form = urllib.parse.urlencode({"query": LOOKUP})
    found: list[Request] = []
    for extra in ({}, {"origin": "https://example.org"}, {"accept-encoding": "gzip, br"}):
        found += [
            get(LOOKUP, accept=JSON, **extra),
            get("ASK { ?s ?p ?o }", accept=JSON, **extra),  # under the gzip minimum
            get("DESCRIBE <https://w3id.org/atazan/id/president>", accept="text/turtle", **extra),
            post(form, accept="text/csv", **extra),
            post(LOOKUP, "application/sparql-query", **extra),
            get(**extra),  # the service description
            get(accept="text/html", **extra),  # a browser: the query page
            get("SELEKT ?x WHERE {}", accept=JSON, **extra),  # 400
            get("SELEKT ?x WHERE {}", accept="text/html", **extra),  # 400 as a page
            get("INSERT DATA { <a:b> <a:c> 1 }", **extra),  # 400
            get("SELECT * { SERVICE <https://example.org/q> { ?s ?p ?o } }", **extra),  # 403
            get(LOOKUP, accept="image/png", **extra),  # 406
            post("x", "text/plain", **extra),  # 415
            post("format=json", **extra),  # 400: no query
            post("query=%FF", **extra),  # 400: not UTF-8
        ]
    return found


async def call(app: Any, request: Request) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    method, target, headers, body = request
    path, _, query = target.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")]
        + [(k.encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1),
        "server": ("localhost", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = sent[0]
    return start["status"], list(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture(scope="module")
def dump(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shortcut") / "atazan.nq"
    path.write_bytes(nquads(dataset))
    return path


def test_the_shortcut_answers_as_the_full_stack(dump: Path) -> None:
    config = Config(environ={}, dist_dir=dump.parent, query_workers=1)
    short, full = create_app(config, dump), create_app(config, dump, shortcut=False)
    passed_on: list[str] = []
    inner = short.app  # type: ignore[attr-defined]

    async def watch(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            passed_on.append(scope["path"])
        await inner(scope, receive, send)

    short.app = watch  # type: ignore[attr-defined]
    etag_requests: list[Request] = []

    async def scenario() -> list[tuple[Request, Any, Any]]:
        answers = []
        async with short.router.lifespan_context(short), full.router.lifespan_context(full):
            for request in requests():
                a, b = await call(short, request), await call(full, request)
                answers.append((request, a, b))
                etag = dict(b[1]).get(b"etag")
                if etag and b[0] == 200:
                    method, target, headers, body = request
                    revalidate = {**headers, "if-none-match": etag.decode()}
                    etag_requests.append((method, target, revalidate, body))
            for request in etag_requests:
                answers.append((request, await call(short, request), await call(full, request)))
        return answers

    answers = asyncio.run(scenario())
    statuses = {b[0] for _, _, b in answers}
    assert {200, 304, 400, 403, 406, 415} <= statuses
    assert any((b"content-encoding", b"gzip") in b[1] for _, _, b in answers)
    assert any(b"access-control-allow-origin" in dict(b[1]) for _, _, b in answers)
    for request, a, b in answers:
        assert a == b, request
    assert passed_on == []  # every request above took the short way
    head = asyncio.run(call(short, ("HEAD", "/sparql", {}, b"")))  # not GET or POST
    assert passed_on == ["/sparql"] and head[0] in (200, 405)
