"""The interactive graph of powers: a tested view model, drawn with pyvis (vis-network)
into one self-contained HTML file that works offline.

pyvis holds the nodes and edges; the page comes from our own template
(kg/templates/viz.html), because pyvis's templates link Bootstrap and other assets from a
CDN even in "in_line" mode, and its filter menu is reported broken upstream. The
vis-network script and stylesheet that ship inside the pyvis package are inlined, so the
file makes no request at all. This is the only module that imports pyvis.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network

from kg.analytics import CHECKING, PowerGraph
from kg.api import KnowledgeGraph
from kg.errors import KGError
from kg.ids import agent as agent_iri
from kg.web import environment

VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
LANGS = ("en", "ru", "kk")

KIND_COLOURS = {
    "head-of-state": "#c0392b",
    "legislature": "#1f6fb2",
    "executive": "#1e8449",
    "judiciary": "#7d3c98",
    "oversight": "#d35400",
    "consultative": "#138d75",
    "electoral": "#b7950b",
    "security": "#5d6d7e",
    "central-bank": "#9c640c",
    "local": "#117a65",
    "people": "#e67e22",
    "state": "#2e4053",
    "matter": "#aab7b8",
}
FAMILY_STYLES = {  # colour, dashes
    "appointments": ("#1b2631", False),
    "legislation": ("#2471a3", False),
    "checks": ("#c0392b", [8, 5]),
    "emergency-and-defence": ("#7b7d7d", [3, 3]),
    "elections-and-referendums": ("#d68910", False),
    "administration": ("#a6acaf", False),
    "representation": ("#148f77", [2, 4]),
    "succession": ("#884ea0", [10, 3, 2, 3]),
}
RIGHTS_GUARDIANS = {
    "human-rights-commissioner",
    "constitutional-court",
    "courts",
    "local-and-other-courts",
    "prosecutor-general",
    "prosecutors-office",
    "bar",
    "advocates",
    "supreme-court",
}
PRESETS = {
    "all": "Everything",
    "appointments": "Appointments and dismissals",
    "legislative": "The legislative process",
    "checks": "Checks and balances",
    "succession": "Succession",
    "rights": "Rights and who guards them",
}
MEASURES = ("equal", "degree", "betweenness", "powers")


@dataclass
class ViewNode:
    id: str
    iri: str
    type: str
    kind: str
    color: str
    labels: dict[str, str]
    full_labels: dict[str, str]
    sizes: dict[str, float]
    # Every name the search box accepts: full and short labels in all three languages and
    # the other names in common use (parliament for the Kurultai).
    names: list[str] = field(default_factory=list)


@dataclass
class ViewEdge:
    id: str
    source: str
    target: str
    action: str
    family: str
    color: str
    dashes: bool | list[int]
    labels: dict[str, str]
    text: str
    section: str
    article: str
    citation: str
    conditions: dict[str, str]  # en, ru, kk
    provision: str
    presets: list[str] = field(default_factory=list)


@dataclass
class ViewModel:
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    families: dict[str, dict[str, str]]  # family -> labels in en, ru, kk
    kinds: dict[str, str]  # kind -> colour
    kind_labels: dict[str, dict[str, str]]  # kind -> labels in en, ru, kk
    sections: list[str]

    def visible(
        self,
        preset: str = "all",
        families: set[str] | None = None,
        institution: str = "",
        section: str = "",
    ) -> tuple[set[str], set[str]]:
        """Node and edge ids a filter shows (the page must show the same): the powers that
        pass every filter, and the nodes at their ends."""
        edges = {
            e.id
            for e in self.edges
            if preset in e.presets
            and (families is None or e.family in families)
            and (not institution or institution in (e.source, e.target))
            and (not section or e.section == section)
        }
        ends = {x for e in self.edges if e.id in edges for x in (e.source, e.target)}
        return ends, edges


def presets_of(
    edge_action: str, family: str, holder: str, obj: str, kinds: dict[str, str]
) -> list[str]:
    found = ["all"]
    if family == "appointments":
        found.append("appointments")
    if family == "legislation":
        found.append("legislative")
    if edge_action in CHECKING:
        found.append("checks")
    if family == "succession":
        found.append("succession")
    if (
        kinds.get(holder) == "people"
        or kinds.get(obj) == "people"
        or holder in RIGHTS_GUARDIANS
        or obj in RIGHTS_GUARDIANS
    ):
        found.append("rights")
    return found


def view_model(graph: PowerGraph, vocabulary: list[dict[str, str]]) -> ViewModel:
    """The view of a power graph; ``vocabulary`` is the rows of the `vocabulary` query
    (family and kind labels)."""
    labels = {
        (r["scheme"], r["concept"]): {lang: r[f"label_{lang}"] for lang in LANGS}
        for r in vocabulary
    }
    measures = graph.centrality()
    held = {n: 0 for n in graph.nodes}
    for e in graph.edges:
        held[e.holder] = held.get(e.holder, 0) + 1
    top = {
        "degree": max((m["degree"] for m in measures.values()), default=1) or 1,
        "betweenness": max((m["betweenness"] for m in measures.values()), default=1) or 1,
        "powers": max(held.values(), default=1) or 1,
    }
    kinds = {n.id: n.kind for n in graph.nodes.values()}
    nodes = []
    for n in sorted(graph.nodes.values(), key=lambda n: n.id):
        sizes = {"equal": 14.0}
        for measure, value in (
            ("degree", measures[n.id]["degree"]),
            ("betweenness", measures[n.id]["betweenness"]),
            ("powers", held.get(n.id, 0)),
        ):
            sizes[measure] = round(10 + 30 * (value / top[measure]), 2)
        nodes.append(
            ViewNode(
                n.id,
                str(agent_iri(n.id)),
                n.type,
                n.kind,
                KIND_COLOURS.get(n.kind, KIND_COLOURS["matter"]),
                n.labels,
                n.full_labels,
                sizes,
                sorted({*n.labels.values(), *n.full_labels.values(), *n.names}),
            )
        )
    edges = []
    for e in graph.edges:
        colour, dashes = FAMILY_STYLES.get(e.family, ("#566573", False))
        edges.append(
            ViewEdge(
                e.power,
                e.holder,
                e.object,
                e.action,
                e.family,
                colour,
                dashes,
                e.labels,
                e.text,
                e.section,
                e.article,
                e.citation,
                e.conditions,
                e.provision,
                presets_of(e.action, e.family, e.holder, e.object, kinds),
            )
        )
    sections = sorted({e.section for e in edges}, key=int)
    used_kinds = sorted({n.kind for n in nodes})
    families = {
        f: labels.get(("actions", f), {lang: f for lang in LANGS})
        for f in sorted({e.family for e in edges})
    }
    matter = {
        "en": "matter (act, election, regime)",
        "ru": "предмет (акт, выборы, режим)",
        "kk": "нысан (акт, сайлау, режим)",
    }
    kind_labels = {k: labels.get(("kinds", k), matter) for k in used_kinds}
    return ViewModel(
        nodes,
        edges,
        families,
        {k: KIND_COLOURS.get(k, KIND_COLOURS["matter"]) for k in used_kinds},
        kind_labels,
        sections,
    )


def _network(model: ViewModel, lang: str) -> Network:
    """The pyvis network: nodes and edges with their vis-network options. Parallel powers
    between the same two nodes get curves of growing roundness so that each stays visible."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    parallel: dict[tuple[str, str], int] = {}
    for n in model.nodes:
        matter = n.type == "matter"
        net.add_node(
            n.id,
            label=n.labels[lang],
            shape="box",
            color={"background": n.color, "border": "#1c2833"},
            font={"color": "#1c2833" if matter else "#ffffff", "size": 13 if matter else 16},
            shapeProperties={"borderRadius": 10 if matter else 3},
            title=n.full_labels[lang],
        )
    for e in model.edges:
        pair = (e.source, e.target)
        rank = parallel[pair] = parallel.get(pair, -1) + 1
        net.add_edge(
            e.source,
            e.target,
            id=e.id,
            color=e.color,
            dashes=e.dashes,
            title=f"{e.labels[lang]} · art. {e.citation}",
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.08 + 0.1 * rank},
        )
    return net


def render_html(
    model: ViewModel, lang: str = "en", preset: str = "all", link_base: str | None = None
) -> str:
    """One self-contained HTML page. ``link_base`` rewrites IRIs in links (the server uses
    "/" so that they open its own linked-data pages)."""
    if lang not in LANGS:
        raise KGError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    if preset not in PRESETS:
        raise KGError(f"no preset {preset!r}; presets: {', '.join(PRESETS)}")
    net = _network(model, lang)
    nodes, edges, *_ = net.get_network_data()
    data = {
        "model": {
            "nodes": [asdict(n) for n in model.nodes],
            "edges": [asdict(e) for e in model.edges],
            "families": model.families,
            "kinds": model.kinds,
            "sections": model.sections,
        },
        "kindLabels": model.kind_labels,
        "visNodes": nodes,
        "visEdges": edges,
        "lang": lang,
        "preset": preset,
        "presets": PRESETS,
        "measures": list(MEASURES),
        "linkBase": link_base,
    }
    template = environment.get_template("viz.html")
    return template.render(
        title="The graph of powers",
        vis_js=(VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        data_json=_script_json(data),
    )


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise KGError("a PNG needs Chromium: install the Debian package 'chromium'")


def screenshot(html: str, out: Path, width: int = 1600, height: int = 1000) -> None:
    """Render the page in headless Chromium, let the layout settle, save a PNG."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        page.write_text(html, encoding="utf-8")
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={tmp}/profile",
            f"--window-size={width},{height}",
            "--virtual-time-budget=30000",
            f"--screenshot={out.resolve()}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=180)
        if done.returncode != 0 or not out.is_file():
            last = [line for line in done.stderr.strip().splitlines() if line.strip()][-3:]
            shown = "\n  ".join(last) or f"exit status {done.returncode}"
            raise KGError(f"Chromium could not render the graph; its last lines:\n  {shown}")


def load_view(graph: KnowledgeGraph, version: str = "2026") -> ViewModel:
    """The view model of the built dataset, through the named queries."""
    vocabulary = graph.select("vocabulary").rows
    return view_model(PowerGraph.load(graph, version), vocabulary)
