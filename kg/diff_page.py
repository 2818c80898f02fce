"""`GET /diff`: what changed from one constitution to the next, as an HTML page in English,
Russian or Kazakh (a summary per institution, filters, one row per difference), or as JSON
or CSV with the columns of `kg diff`.

The rows are those of the named query `diff` over the diff graph, so the page, the endpoint
`/queries/diff` and `kg diff` give the same differences; a page query adds the IRIs the
page links to (holders, the records compared and the provisions they rest on).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from kg.diff import CHANGES, COLUMNS, KINDS
from kg.diff_words import (
    CHANGE_WORDS,
    ERROR_WORDS,
    FACT_WORDS,
    FIELD_NAMES,
    KIND_WORDS,
    LANGS,
    PAGE_WORDS,
)
from kg.formats import ROW_FORMATS, negotiate
from kg.ids import local_path
from kg.namespaces import BASE
from kg.queries import SelectResult
from kg.serving import HTTPError, State, cached_response, respond, rows, state
from kg.web import environment, error_response, render

FORMATS = {"html": "text/html", "json": "application/json", "csv": "text/csv"}
DIFF_GRAPH = BASE + "graph/diff-"
_SUGGESTED = 3

# The home page links here in its language.
environment.globals["DIFF_WORDS"] = PAGE_WORDS


@dataclass
class DiffRequest:
    old: str
    new: str
    holder: str
    kind: str
    change: str
    lang: str
    media: str

    def filters(self) -> dict[str, str]:
        given = {"holder": self.holder, "kind": self.kind, "change": self.change}
        return {k: v for k, v in given.items() if v}

    def link(self, **changes: str) -> str:
        """This page's address with some parameters changed (empty ones left out)."""
        params = {"from": self.old, "to": self.new, **self.filters(), "lang": self.lang}
        params.update(changes)
        if params["from"] == "1995" and params["to"] == "2026":
            del params["from"], params["to"]
        if params.get("lang") == "en":
            del params["lang"]
        kept = {k: v for k, v in params.items() if v}
        return "/diff" + ("?" + urlencode(kept) if kept else "")


class DiffError(Exception):
    """A parameter the page cannot answer, with its reason in the page's language."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def read_request(request: Request) -> DiffRequest:
    params = request.query_params
    lang = params.get("lang", "en")
    if lang not in LANGS:
        raise HTTPError(400, "lang must be en, ru or kk")
    fmt = params.get("format", "").strip().lower()
    if fmt:
        if fmt not in FORMATS:
            words = ERROR_WORDS[lang]
            raise HTTPError(
                400,
                words["format"].format(values=", ".join(FORMATS), value=fmt),
                title=words["title"],
            )
        media = FORMATS[fmt]
    else:
        offered = list(FORMATS.values())
        media = negotiate(request.headers.get("accept"), offered, aliases={}) or ""
        if not media:
            raise HTTPError(406, "available: " + ", ".join(FORMATS.values()))

    def value(name: str, default: str = "") -> str:
        return params.get(name, "").strip() or default

    return DiffRequest(
        value("from", "1995"),
        value("to", "2026"),
        value("holder"),
        value("kind"),
        value("change"),
        lang,
        media,
    )


async def diff_page(request: Request) -> Response:
    st = state(request)
    asked = read_request(request)
    key = ("diff", asked.old, asked.new, asked.holder, asked.kind, asked.change, asked.lang)
    key += (asked.media,)
    entry = st.cache.get(key)
    if entry is not None:
        return cached_response(request, entry)
    try:
        found = await differences(st, asked)
    except DiffError as exc:
        if asked.media == "text/html":
            page = DiffPage(asked, error=exc.detail)
            return render("diff.html", status_code=400, **page.context())
        return error_response(request, 400, exc.detail, title=ERROR_WORDS[asked.lang]["title"])
    if asked.media != "text/html":
        fmt = ROW_FORMATS["json" if asked.media == "application/json" else "csv"]
        body = fmt.write(SelectResult(list(COLUMNS), [project(r) for r in found.rows]))
        return respond(request, st, key, body.encode("utf-8"), fmt.media_type)
    page = await build_page(st, asked, found)
    html = render("diff.html", **page.context())
    return respond(request, st, key, html.body, "text/html; charset=utf-8")


def project(row: dict[str, object]) -> dict[str, object]:
    """A row with exactly the columns of `kg diff`."""
    return {c: row[c] for c in COLUMNS}


async def differences(st: State, asked: DiffRequest) -> SelectResult:
    """The rows the request asks for; DiffError on an unknown version, kind, change or
    holder."""
    words = ERROR_WORDS[asked.lang]
    pairs = await comparisons(st)
    if (asked.old, asked.new) not in pairs:
        shown = ", ".join(f"{a} → {b}" for a, b in sorted(pairs))
        raise DiffError(words["version"].format(old=asked.old, new=asked.new, pairs=shown))
    for name, allowed in (("kind", KINDS), ("change", CHANGES)):
        given = getattr(asked, name)
        if given and given not in allowed:
            named = KIND_WORDS if name == "kind" else CHANGE_WORDS
            values = ", ".join(
                v if asked.lang == "en" else f"{v} ({named[asked.lang][v]})" for v in allowed
            )
            raise DiffError(words[name].format(values=values, value=given))
    query = st.registry.get("diff")
    base = {"from": asked.old, "to": asked.new, "lang": asked.lang}
    found = await rows(st, query.bind({**base, **asked.filters()}))
    if asked.holder and not found.rows:
        by_holder = await rows(st, query.bind({**base, "holder": asked.holder}))
        if not by_holder.rows:
            everything = await rows(st, query.bind(base))
            links = await rows(st, st.pages.get("diff-links").bind(_versions(asked)))
            raise DiffError(unknown_holder(asked, everything, links))
    return found


async def comparisons(st: State) -> set[tuple[str, str]]:
    found = await rows(st, st.pages.get("diff-pairs").bind({}))
    pairs = set()
    for row in found.rows:
        old, _, new = str(row["graph"]).removeprefix(DIFF_GRAPH).partition("-")
        pairs.add((old, new))
    return pairs


def _versions(asked: DiffRequest) -> dict[str, str]:
    return {"from": asked.old, "to": asked.new}


def unknown_holder(asked: DiffRequest, everything: SelectResult, links: SelectResult) -> str:
    """ "No holder X; did you mean ...?" with the closest ids and names in the page's
    language (as kg.hints does for named queries)."""
    holders = holder_names(everything, links)
    names: dict[str, str] = {}
    for holder_id, label in holders.items():
        names[holder_id.casefold()] = label
        names[label.casefold()] = label
    close = difflib.get_close_matches(asked.holder.casefold(), list(names), n=6, cutoff=0.6)
    shown = list(dict.fromkeys(names[c] for c in close))[:_SUGGESTED]
    words = ERROR_WORDS[asked.lang]
    if shown:
        return words["holder"].format(value=asked.holder, close=", ".join(f"«{s}»" for s in shown))
    some = sorted(holders.values())[:6]
    return words["holder_far"].format(value=asked.holder, close=", ".join(f"«{s}»" for s in some))


def holder_names(everything: SelectResult, links: SelectResult) -> dict[str, str]:
    """Holder id → its name in the page's language, for every holder of the comparison."""
    by_change = {str(r["change_iri"]): r for r in links.rows}
    names = {}
    for row in everything.rows:
        link = by_change.get(str(row["change_iri"]))
        if link and link["holder_id"]:
            names[str(link["holder_id"])] = str(row["holder"])
    return names


# --- the HTML page ---------------------------------------------------------------------------


@dataclass
class DiffPage:
    asked: DiffRequest
    error: str = ""
    total: int = 0
    summary: list[dict[str, object]] = field(default_factory=list)
    holders: list[tuple[str, str]] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)

    def context(self) -> dict[str, object]:
        a, lang = self.asked, self.asked.lang
        words = {
            k: v.replace("{old}", a.old).replace("{new}", a.new)
            for k, v in PAGE_WORDS[lang].items()
        }
        holder_ids = {h for h, _ in self.holders}
        holders = list(self.holders)
        if a.holder and a.holder not in holder_ids:
            holders.insert(0, (a.holder, a.holder))  # what was asked stays in the form
        return {
            "title": words["title"],
            "lang": lang,
            "w": words,
            "count": PAGE_WORDS[lang]["count"].format(n=len(self.rows), total=self.total),
            "asked": a,
            "error": self.error,
            "summary": self.summary,
            "holders": holders,
            "kinds": [(k, KIND_WORDS[lang][k]) for k in KINDS],
            "changes": [(c, CHANGE_WORDS[lang][c]) for c in CHANGES],
            "rows": self.rows,
            "formats": [(name, a.link(format=name)) for name in ("json", "csv")],
            "reset": a.link(holder="", kind="", change=""),
        }


async def build_page(st: State, asked: DiffRequest, found: SelectResult) -> DiffPage:
    base = {"from": asked.old, "to": asked.new, "lang": asked.lang}
    everything = (
        found if not asked.filters() else await rows(st, st.registry.get("diff").bind(base))
    )
    links = await rows(st, st.pages.get("diff-links").bind(_versions(asked)))
    by_change = {str(r["change_iri"]): r for r in links.rows}
    names = holder_names(everything, links)
    page = DiffPage(asked, total=len(everything.rows))
    page.holders = sorted(names.items(), key=lambda item: item[1].casefold())
    page.summary = summary(asked, everything, by_change)
    page.rows = [row_view(asked, r, by_change[str(r["change_iri"])]) for r in found.rows]
    return page


def summary(
    asked: DiffRequest, everything: SelectResult, by_change: dict[str, dict[str, object]]
) -> list[dict[str, object]]:
    """Per holder of powers: gained, lost and changed, ordered as `kg diff --summary`
    (most changes first, then in the order of the rows); each count links to its rows."""
    counts: dict[str, dict[str, object]] = {}
    for row in everything.rows:
        if row["kind"] != "power":
            continue
        holder_id = str(by_change[str(row["change_iri"])]["holder_id"])
        entry = counts.setdefault(
            holder_id,
            {"id": holder_id, "label": row["holder"], "added": 0, "removed": 0, "changed": 0},
        )
        entry[str(row["change"])] += 1  # type: ignore[operator]
    ordered = sorted(
        counts.values(),
        key=lambda e: -sum(int(e[c]) for c in CHANGES),  # type: ignore[call-overload]
    )
    for entry in ordered:
        entry["links"] = {
            c: asked.link(holder=str(entry["id"]), kind="power", change=c) for c in CHANGES
        }
    return ordered


def page_link(iri: object, lang: str) -> str:
    """The path of one of our IRIs on this server, keeping the page's language."""
    path = local_path(str(iri)) if iri else None
    if not path:
        return ""
    return path + ("" if lang == "en" else f"?lang={lang}")


def row_view(asked: DiffRequest, row: dict[str, object], link: dict[str, object]) -> dict:
    """One difference as the page shows it. In Russian and Kazakh, the English descriptions
    of rights, duties and facts give way to links to the records' own pages."""
    lang, kind = asked.lang, str(row["kind"])
    english = lang == "en"
    fields = [f for f in str(row["fields"]).split(", ") if f]
    records = {
        "before": page_link(link["record_from"], lang),
        "after": page_link(link["record_to"], lang),
    }
    words = PAGE_WORDS[lang]
    view: dict[str, object] = {
        "change": CHANGE_WORDS[lang][str(row["change"])],
        "change_id": row["change"],
        "kind": KIND_WORDS[lang][kind],
        "holder": row["holder"],
        "holder_link": page_link(link["holder_iri"], lang),
        "object": row["object"],
        "fields": ", ".join(FIELD_NAMES[lang].get(f, f) for f in fields),
        "article_from": row["article_from"],
        "article_to": row["article_to"],
        "article_from_link": page_link(link["provision_from"], lang),
        "article_to_link": page_link(link["provision_to"], lang),
        "summary": row["summary"] if english else "",
        "action": row["action"],
        "action_link": records["after"] or records["before"],
    }
    sides = {"before": (asked.old, "before"), "after": (asked.new, "after")}
    for side, (version, column) in sides.items():
        text = str(row[column])
        if kind == "power" or (english and kind != "institution"):
            view[side] = {"text": text}
        elif kind == "institution":
            view[side] = {"text": words["exists"].format(v=version) if text else ""}
        else:
            record = records[side]
            label = words["record"].format(v=version)
            view[side] = {"text": "", "link": record, "label": label} if record else {"text": ""}
    if kind == "fact":
        view["action"] = FACT_WORDS[lang].get(str(row["action"]), row["action"])
    elif kind == "institution":
        view["action"] = ""
        view["action_link"] = ""
    elif kind in ("right", "duty") and not english:
        view["action"] = KIND_WORDS[lang][kind]
    return view
