"""The compare view: two constitutions in one graph of powers (`kg viz --compare 1995 2026`,
`/graph?compare=1995,2026`).

Nodes are the union of the bodies of both versions, one per IRI, laid out once, so that a
body sits in the same place whichever version one looks at; a body of one version only
carries a mark with its year. Lines are merged as in the overview (holder, object, line
type) and classed by what the comparison graph says of the powers they carry: a power that
a row of ``kg.diff`` names is added, removed or changed; one that no row names was found
unchanged in the other version. The view never matches powers itself.

Everything is read through named queries, so `kg viz` and the server build the same model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from kg.analytics import PowerGraph
from kg.api import KnowledgeGraph
from kg.errors import KGError
from kg.layout import ASPECT, Layout, bands_layout
from kg.page_words import COMPARE_ERRORS, COMPARE_WORDS
from kg.queries import SelectResult
from kg.viz import (
    LANGS,
    PRINT_FRAME,
    ViewEdge,
    ViewLine,
    ViewModel,
    ViewNode,
    check_lang,
    merged_lines,
    page_data,
    view_model,
    write_page,
)

PRESET = "compare"
DEFAULT_PAIR = ("1995", "2026")
OLD_ONLY, NEW_ONLY, CHANGED, SAME = "old-only", "new-only", "changed", "same"
CLASSES = (NEW_ONLY, OLD_ONLY, CHANGED, SAME)
# One style per class of line: colour, dashes. Solid strong blue for what is new, dashed
# grey for what is gone, vermilion with a "≠" badge for what changed, dark grey for what
# stayed; apart for colour-blind readers too (tests/test_viz_compare.py).
CLASS_STYLES: dict[str, tuple[str, bool | list[int]]] = {
    NEW_ONLY: ("#0072b2", False),
    OLD_ONLY: ("#8c8c8c", [9, 6]),
    CHANGED: ("#d55e00", False),
    SAME: ("#3d4a55", False),
}
CHANGED_BADGE = "≠"
# Dotted lines from a body of the older version to the one that took its place.
LINK_STYLES: dict[str, tuple[str, list[int]]] = {
    "replacement": ("#762a83", [2, 5]),
    "correspondence": ("#b07aa1", [2, 5]),
}


class CompareError(KGError):
    """A comparison that cannot be drawn; its reason in every language of the pages."""

    def __init__(self, kind: str, **values: str) -> None:
        self.kind, self.values = kind, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return COMPARE_ERRORS[lang][self.kind].format(**self.values)


@dataclass
class PowerChange:
    """What the comparison says of one power: its version and its row, if any."""

    version: str
    status: str  # same | changed | removed | added
    counterpart: str = ""  # the other power of a changed pair
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    article_from: str = ""
    article_to: str = ""


@dataclass
class Item:
    """One entry of a line's panel: a power, a changed pair, or the unchanged powers of one
    type on a line drawn in both versions."""

    powers: list[str]  # every power it stands for (shown when any of them is)
    sentences: list[str]  # the powers whose sentences are shown
    version: str  # the year, or "both"
    status: str
    articles: dict[str, list[str]]  # year -> citations
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)


@dataclass
class Link:
    """A body of the older version and the one that took its place."""

    id: str
    source: str
    target: str
    relation: str  # replacement | correspondence
    citation: str


@dataclass
class CompareModel:
    old: str
    new: str
    view: ViewModel  # the union, with one preset ("compare") and its layout in each language
    changes: dict[str, PowerChange]
    classes: dict[str, str]  # line id -> class
    items: dict[str, list[Item]]  # line id -> its panel's entries
    only: dict[str, str]  # node id -> the one version it exists under
    links: list[Link]

    def lines_of(self, cls: str) -> set[str]:
        return {line for line, c in self.classes.items() if c == cls}


def power_changes(
    versions: dict[str, str], rows: Iterable[dict[str, Any]], old: str, new: str
) -> dict[str, PowerChange]:
    """Each power's change, from the rows of the `diff-powers` query; a power no row names
    is unchanged."""
    found = {p: PowerChange(v, "same") for p, v in versions.items()}
    for r in rows:
        before = {lang: r[f"before_{lang}"] for lang in LANGS}
        after = {lang: r[f"after_{lang}"] for lang in LANGS}
        a, b = r["from_power"], r["to_power"]
        common = {"article_from": r["article_from"], "article_to": r["article_to"]}
        if a in found:
            found[a] = PowerChange(old, r["change"], b, before, after, **common)
        # Two older powers may fold into one newer power (the Senate's and the Mazhilis's,
        # now the Kurultai's): the newer one shows its first pair.
        if b in found and found[b].status == "same":
            found[b] = PowerChange(new, r["change"], a, before, after, **common)
    return found


def line_class(powers: Iterable[str], changes: dict[str, PowerChange], old: str) -> str:
    carried = [changes[p] for p in powers]
    versions = {c.version for c in carried}
    if len(versions) == 1:
        return OLD_ONLY if versions == {old} else NEW_ONLY
    return CHANGED if any(c.status != "same" for c in carried) else SAME


def line_items(
    line: ViewLine, edges: dict[str, ViewEdge], changes: dict[str, PowerChange], old: str, new: str
) -> list[Item]:
    """The panel's entries of a line: changed pairs first, then powers of one version, then
    the unchanged ones. Unchanged powers of one type on a line drawn in both versions are
    one entry: the diff pairs them with each other, as both ends stay the same."""
    changed, single = [], []
    same: dict[str, tuple[list[str], list[str]]] = {}
    taken: set[str] = set()
    for p in line.powers:
        c = changes[p]
        if c.status == "changed":
            if p in taken:
                continue
            pair = [p, c.counterpart] if c.counterpart in line.powers else [p]
            taken.update(pair)
            shown = [x for x in pair if changes[x].version == new] or pair
            articles = {old: [c.article_from], new: [c.article_to]}
            changed.append(Item(pair, shown, "both", "changed", articles, c.before, c.after))
        elif c.status == "same":
            olds, news = same.setdefault(edges[p].action, ([], []))
            (olds if c.version == old else news).append(p)
        else:
            articles = {c.version: [edges[p].citation]}
            single.append(Item([p], [p], c.version, c.status, articles, c.before, c.after))
    unchanged = []
    for olds, news in same.values():
        articles = {
            year: [edges[p].citation for p in ids]
            for year, ids in ((old, olds), (new, news))
            if ids
        }
        unchanged.append(Item(olds + news, news or olds, "both", "same", articles))
    return changed + single + unchanged


def compare_model(
    old_nodes: SelectResult,
    new_nodes: SelectResult,
    old_edges: SelectResult,
    new_edges: SelectResult,
    vocabulary: list[dict[str, str]],
    diff_rows: list[dict[str, Any]],
    bodies: list[dict[str, str]],
    old: str,
    new: str,
) -> CompareModel:
    """The compare view from the rows of the named queries `graph-nodes` and `graph-edges`
    (once per version), `vocabulary`, `diff-powers` and `body-versions`."""
    seen = {r["node"] for r in new_nodes.rows}  # a body of both versions, once
    nodes = SelectResult(
        new_nodes.columns, new_nodes.rows + [r for r in old_nodes.rows if r["node"] not in seen]
    )
    union = PowerGraph.from_results(
        nodes, SelectResult(old_edges.columns, old_edges.rows + new_edges.rows)
    )
    versions = {r["power"]: old for r in old_edges.rows} | {r["power"]: new for r in new_edges.rows}
    changes = power_changes(versions, diff_rows, old, new)
    base = view_model(union, vocabulary)
    edges = [replace(e, presets=[PRESET]) for e in base.edges if "overview" in e.presets]
    shown = {x for e in edges for x in (e.source, e.target)}
    only = {}
    for r in bodies:
        years = r["versions"].split("; ")
        if len(years) == 1 and years[0] in (old, new) and r["id"] in shown:
            only[r["id"]] = years[0]
    view_nodes = [_marked(n, only.get(n.id)) for n in base.nodes if n.id in shown]
    by_id = {e.id: e for e in edges}
    lines, classes = [], {}
    for ln in merged_lines(edges):
        cls = classes[ln.id] = line_class(ln.powers, changes, old)
        colour, dashes = CLASS_STYLES[cls]
        lines.append(replace(ln, color=colour, dashes=dashes, label=_badge(cls)))
    items = {ln.id: line_items(ln, by_id, changes, old, new) for ln in lines}
    links = [
        Link(
            f"link:{r['id']}>{r['successor']}",
            r["id"],
            r["successor"],
            r["relation"],
            f"{r['article']}({r['paragraph']})" if r["paragraph"] else r["article"],
        )
        for r in bodies
        if r["successor"] and r["id"] in shown and r["successor"] in shown
    ]
    view = ViewModel(
        view_nodes,
        edges,
        lines,
        {f: base.families[f] for f in sorted({e.family for e in edges})},
        {k: base.kinds[k] for k in sorted({n.kind for n in view_nodes})},
        {k: base.kind_labels[k] for k in sorted({n.kind for n in view_nodes})},
        [],  # sections are numbered differently in each version: no section filter
    )
    view.lay_out(layouts(view, links))
    return CompareModel(old, new, view, changes, classes, items, only, links)


def layouts(
    view: ViewModel, links: list[Link], aspect: float = ASPECT
) -> dict[str, dict[str, Layout]]:
    """One layout of the union in each language (labels differ in width), shaped to fit an
    area ``aspect`` times as wide as it is high."""
    pairs = {(ln.source, ln.target) for ln in view.lines} | {(k.source, k.target) for k in links}
    kinds = {n.id: n.kind for n in view.nodes}
    labels = {lang: {n.id: n.labels[lang] for n in view.nodes} for lang in LANGS}
    return {lang: {PRESET: bands_layout(kinds, labels[lang], pairs, aspect)} for lang in LANGS}


def _marked(node: ViewNode, year: str | None) -> ViewNode:
    """A body of one version carries its year after its name (unless its name says it)."""
    if not year:
        return node
    mark = f"({year})"
    labels = {k: v if v.endswith(mark) else f"{v} {mark}" for k, v in node.labels.items()}
    return replace(node, labels=labels)


def _badge(cls: str) -> str:
    return CHANGED_BADGE if cls == CHANGED else ""


def check_pair(known: Iterable[str], old: str, new: str) -> tuple[str, str]:
    """The two versions, earlier first; CompareError if either is not in the dataset."""
    years = sorted(set(known))
    for year in (old, new):
        if year not in years:
            raise CompareError("unknown", year=year, known=", ".join(years))
    if old == new:
        raise CompareError("none", old=old, new=new)
    a, b = sorted((old, new))
    return a, b


def known_versions(bodies: Iterable[dict[str, str]]) -> set[str]:
    """Every constitution some body exists under: every constitution of the dataset."""
    return {year for r in bodies for year in r["versions"].split("; ")}


def load_compare(graph: KnowledgeGraph, old: str, new: str) -> CompareModel:
    """The compare view of the built dataset, through the named queries."""
    bodies = graph.select("body-versions").rows
    old, new = check_pair(known_versions(bodies), old, new)
    diff_rows = graph.select("diff-powers", {"from": old, "to": new}).rows
    if not diff_rows:
        raise CompareError("none", old=old, new=new)
    return compare_model(
        graph.select("graph-nodes", {"version": old}),
        graph.select("graph-nodes", {"version": new}),
        graph.select("graph-edges", {"version": old}),
        graph.select("graph-edges", {"version": new}),
        graph.select("vocabulary").rows,
        diff_rows,
        bodies,
        old,
        new,
    )


# --- the page -----------------------------------------------------------------------------


def compare_html(
    model: CompareModel,
    lang: str = "en",
    link_base: str | None = None,
    printable: bool = False,
    back: str | None = None,
    size: tuple[int, int] | None = None,
) -> str:
    """The compare view as one self-contained page (the graph page's template in its compare
    mode); ``back`` is the address of the graph of the newer version, if there is one. A
    printable page of a known ``size`` (pixels) is laid out again to that page's shape: the
    union has too many bodies to be read on a slide in the screen's shape."""
    check_lang(lang)
    view = model.view
    if printable and size:
        width, height = size
        view = replace(view)
        view.lay_out(layouts(view, model.links, width / (height - PRINT_FRAME)))
    years = {"old": model.old, "new": model.new}
    words = {
        code: {k: w.format(**years, year="{year}") for k, w in ws.items()}
        for code, ws in COMPARE_WORDS.items()
    }
    if printable:  # paper cannot be hovered: the legend says how to read a line by its look
        for code in LANGS:
            words[code]["arrow"] = words[code]["arrow_print"]
    text = {PRESET: {code: (words[code]["name"], words[code]["caption"]) for code in LANGS}}
    data = page_data(view, lang, PRESET, text, link_base, printable)
    if printable and size:
        data["printSize"] = list(size)
    data["visEdges"] += [_link_edge(k) for k in model.links]
    for node in data["visNodes"]:
        if node["id"] in model.only:  # a body of one version: its box drawn dashed
            node["shapeProperties"] = {**node.get("shapeProperties", {}), "borderDashes": [5, 3]}
            node["borderWidth"] = 2
    data["compare"] = {
        "old": model.old,
        "new": model.new,
        "words": words,
        "classes": model.classes,
        "classStyles": {k: {"color": c, "dashes": d} for k, (c, d) in CLASS_STYLES.items()},
        "linkStyles": {k: {"color": c, "dashes": d} for k, (c, d) in LINK_STYLES.items()},
        "items": {line: [vars(i) for i in entries] for line, entries in model.items.items()},
        "versions": {p: c.version for p, c in model.changes.items()},
        "only": model.only,
        "links": [vars(k) for k in model.links],
        "badge": CHANGED_BADGE,
        "back": back,
    }
    return write_page(data, words[lang]["title"])


def _link_edge(link: Link) -> dict[str, Any]:
    colour, dashes = LINK_STYLES[link.relation]
    return {
        "id": link.id,
        "from": link.source,
        "to": link.target,
        "color": {"color": colour, "highlight": "#ffb000", "hover": "#ffb000"},
        "dashes": dashes,
        "width": 2.5,
        "arrows": "to",
        "smooth": {"enabled": True, "type": "curvedCCW", "roundness": 0.2},
    }
