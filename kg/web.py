"""HTML rendering and the one error body, shared by every route of the server."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.formats import negotiate
from kg.ids import local_path
from kg.namespaces import BASE, PREFIXES

TEMPLATES = Path(__file__).resolve().parent / "templates"
REASONS = {
    400: "Bad Request",
    403: "Refused",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    413: "Request Too Large",
    415: "Unsupported Media Type",
    500: "Internal Error",
    503: "Query Stopped",
}


def _local(iri: object) -> str:
    """Our IRIs link to their page on this server; others stay as they are."""
    text = str(iri)
    return local_path(text) or text


def _short(iri: object) -> str:
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda p: -len(p[1])):
        if text.startswith(namespace) and prefix not in ("vocab",):
            return f"{prefix}:{text[len(namespace) :]}"
    return text.replace(BASE, "/") if text.startswith(BASE) else text


_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_LATIN_TOKEN = re.compile(r"[A-Za-z][\w./:-]*")


def _codes_marked(detail: object) -> Markup:
    """An error said in Russian or Kazakh names codes (a query, a parameter) in Latin
    letters: they are marked as code. An English detail is left as it is."""
    text = str(detail)
    if not _CYRILLIC.search(text):
        return Markup(escape(text))
    parts, last = [], 0
    for match in _LATIN_TOKEN.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup("<code>{}</code>").format(match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters["local"] = _local
environment.filters["codes_marked"] = _codes_marked
environment.filters["short"] = _short


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = environment.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept")
    return negotiate(accept, ["application/json", "text/html"], aliases={}) == "text/html"


def error_response(
    request: Request,
    status: int,
    detail: str,
    headers: dict[str, str] | None = None,
    title: str | None = None,
) -> Response:
    """The one error shape: {"error": {"status", "title", "detail"}} as JSON, or the same
    fields as an HTML page for a browser. Never a traceback."""
    title = title or REASONS.get(status, "Error")
    if wants_html(request):
        # the error page in the language the request asked for (its words: kg.page_words)
        lang = request.query_params.get("lang", "en")
        response: Response = render(
            "error.html",
            status_code=status,
            lang=lang if lang in ("en", "ru", "kk") else "en",
            title=title,
            status=status,
            error_title=title,
            detail=detail,
        )
    else:
        body = {"error": {"status": status, "title": title, "detail": detail}}
        response = Response(
            json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json"
        )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response
