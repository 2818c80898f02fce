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
from dataclasses import asdict, astuple, dataclass, field, replace
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network

from kg import viz_rights
from kg.analytics import PowerGraph
from kg.api import KnowledgeGraph
from kg.colours import text_colour
from kg.errors import KGError
from kg.ids import agent as agent_iri
from kg.layout import (
    ASPECT,
    BAND_GAP,
    BANDS,
    CORNER,
    FONT,
    GAP_X,
    GAP_Y,
    MARGIN,
    RADIUS,
    Box,
    Layout,
    bands_layout,
    box,
    chain_layout,
)
from kg.page_words import COMPARE_LINK_WORDS
from kg.web import environment

VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
LANGS = ("en", "ru", "kk")

# Branch colours chosen to stay apart for readers with protanopia, deuteranopia and
# tritanopia (checked with kg.colours in tests/test_viz.py); each node's text is dark or
# white, whichever contrasts more (at least 4.5:1).
KIND_COLOURS = {
    "head-of-state": "#b2182b",
    "legislature": "#332288",
    "executive": "#00795a",
    "judiciary": "#762a83",
    "oversight": "#f4a582",
    "consultative": "#6699cc",
    "electoral": "#999933",
    "security": "#404040",
    "central-bank": "#661100",
    "local": "#88ccee",
    "people": "#bababa",
    "state": "#1f1f1f",
    "matter": "#eceff1",
}
# Line styles: colour, dashes. A style is a power's family, except that dismissals are
# drawn apart from appointments.
LINE_STYLES: dict[str, tuple[str, bool | list[int]]] = {
    "appointments": ("#1b2631", False),
    "dismissals": ("#1b2631", [10, 6]),
    "legislation": ("#2166ac", False),
    "checks": ("#b2182b", [4, 4]),
    "emergency-and-defence": ("#7b7d7d", [2, 5]),
    "elections-and-referendums": ("#b35806", False),
    "administration": ("#8e9aa6", False),
    "representation": ("#1b7837", [12, 3, 3, 3]),
    "succession": ("#762a83", [14, 4]),
    **viz_rights.LINE_STYLES,
}
DISMISSALS = {"dismiss", "accept-resignation"}
# The checks one body holds over another, and nothing else: consent, override, removal,
# dissolution, no confidence and constitutional review.
CHECK_ACTIONS = {
    "consent",
    "override",
    "remove-from-office",
    "initiate-removal",
    "terminate-powers",
    "release-early",
    "dissolve",
    "no-confidence",
    "review-constitutionality",
}
PRESETS = {
    "overview": "Overview: who holds power over whom",
    "appointments": "Appointments and dismissals",
    "legislative": "The legislative process",
    "checks": "Checks and balances",
    "succession": "Succession",
    "rights": "Rights and who guards them",
}
# Each view's name and its one-line caption, in every language.
PRESET_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    "overview": {
        "en": (
            "Overview",
            "Bodies and offices, and the powers they hold over one another; "
            "a thicker line carries more powers.",
        ),
        "ru": (
            "Обзор",
            "Органы и должности и полномочия, которые они имеют друг в отношении друга; "
            "чем толще линия, тем больше полномочий.",
        ),
        "kk": (
            "Шолу",
            "Органдар мен лауазымдар және олардың бір-біріне қатысты өкілеттіктері; "
            "сызық неғұрлым жуан болса, өкілеттік соғұрлым көп.",
        ),
    },
    "appointments": {
        "en": (
            "Appointments and dismissals",
            "Who appoints, elects, nominates and dismisses whom: solid lines appoint, "
            "dashed lines dismiss.",
        ),
        "ru": (
            "Назначения и освобождения",
            "Кто кого назначает, избирает, представляет и освобождает: сплошная линия — "
            "назначение, пунктир — освобождение.",
        ),
        "kk": (
            "Тағайындау және босату",
            "Кім кімді тағайындайды, сайлайды, ұсынады және босатады: тұтас сызық — "
            "тағайындау, үзік сызық — босату.",
        ),
    },
    "legislative": {
        "en": (
            "The legislative process",
            "Who proposes, adopts, signs, returns and overrides laws, and the acts concerned.",
        ),
        "ru": (
            "Законодательный процесс",
            "Кто вносит, принимает, подписывает, возвращает и преодолевает возражения "
            "по законам, и какие акты это касается.",
        ),
        "kk": (
            "Заң шығару процесі",
            "Заңдарды кім ұсынады, қабылдайды, қол қояды, қайтарады және қарсылықты "
            "еңсереді, және қандай актілерге қатысты.",
        ),
    },
    "checks": {
        "en": (
            "Checks and balances",
            "Only the checks: consent, override, removal, dissolution, no confidence "
            "and constitutional review.",
        ),
        "ru": (
            "Сдержки и противовесы",
            "Только сдержки: согласие, преодоление вето, отрешение, роспуск, недоверие "
            "и конституционный контроль.",
        ),
        "kk": (
            "Тежемелік және тепе-теңдік",
            "Тек тежемелік: келісім, ветоны еңсеру, қызметтен босату, тарату, "
            "сенімсіздік және конституциялық бақылау.",
        ),
    },
    "succession": {
        "en": (
            "Succession",
            "Who takes over the President's powers if the office falls vacant early, "
            "in order (1, 2, 3).",
        ),
        "ru": (
            "Преемственность власти",
            "Кто принимает полномочия Президента при досрочном прекращении его "
            "полномочий, по порядку (1, 2, 3).",
        ),
        "kk": (
            "Биліктің сабақтастығы",
            "Президенттің өкілеттігі мерзімінен бұрын тоқтатылса, оны кім қабылдайды, "
            "кезегімен (1, 2, 3).",
        ),
    },
    "rights": {
        "en": (
            "Rights and who guards them",
            "The rights in groups of our own (how many in brackets), who holds them, and the "
            "bodies whose powers in the text protect them.",
        ),
        "ru": (
            "Права и их защитники",
            "Права по нашим группам (в скобках — их число), их обладатели и органы, "
            "чьи полномочия по тексту их защищают.",
        ),
        "kk": (
            "Құқықтар және оларды қорғаушылар",
            "Біздің топтар бойынша құқықтар (жақшада — олардың саны), олардың иелері және "
            "мәтіндегі өкілеттіктері оларды қорғайтын органдар.",
        ),
    },
}
PRINT_SIZES = {"slide": (1920, 1080), "a4": (1754, 1240)}  # pixels: 16:9, A4 landscape at 150 dpi
PRINT_FRAME = 220  # pixels of a printed page taken by the caption and the legend
# The printed legend's own words: a page on paper or a slide cannot be hovered or clicked,
# so it says how to read a line by its look alone. The same words as the page's legend
# (kg/templates/viz.html, UI.arrow and UI.dismissals); tests/test_viz_svg.py compares them.
PRINT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "dismissals": "Dismissals",
        "arrow": "An arrow points from the holder of a power to whom or what it acts on; "
        "a thicker line carries more powers.",
    },
    "ru": {
        "dismissals": "Освобождение от должности",
        "arrow": "Стрелка указывает от носителя полномочия к тому, в отношении кого или чего "
        "оно действует; чем толще линия, тем больше полномочий.",
    },
    "kk": {
        "dismissals": "Қызметтен босату",
        "arrow": "Нұсқар өкілеттік иесінен ол қатысты адамға немесе нысанға бағытталған; "
        "сызық неғұрлым жуан болса, өкілеттік соғұрлым көп.",
    },
}
MEASURES = ("equal", "degree", "betweenness", "powers")


@dataclass
class ViewNode:
    id: str
    iri: str
    type: str
    kind: str
    color: str
    text_color: str
    labels: dict[str, str]
    full_labels: dict[str, str]
    sizes: dict[str, float]
    # Every name the search box accepts: full and short labels in all three languages and
    # the other names in common use (parliament for the Kurultai).
    names: list[str] = field(default_factory=list)
    # The panel's HTML per language, for a node that shows more than its powers (a group
    # of rights lists its rights); None: the page builds the panel from the powers.
    panel: dict[str, str] | None = None


@dataclass
class ViewEdge:
    """One power."""

    id: str
    source: str
    target: str
    action: str
    family: str
    style: str
    labels: dict[str, str]
    text: str
    section: str
    article: str
    citation: str
    conditions: dict[str, str]  # en, ru, kk
    provision: str
    sentences: dict[str, str]  # the power in full, in en, ru, kk
    rank: int = 0  # a successor's place in the order of succession
    presets: list[str] = field(default_factory=list)


@dataclass
class ViewLine:
    """The powers of one style that one node holds over another, drawn as one line."""

    id: str
    source: str
    target: str
    style: str
    color: str
    dashes: bool | list[int]
    powers: list[str]
    label: str = ""  # drawn on the line: a successor's place in the order


@dataclass
class ViewModel:
    nodes: list[ViewNode]
    edges: list[ViewEdge]
    lines: list[ViewLine]
    families: dict[str, dict[str, str]]  # family -> labels in en, ru, kk
    kinds: dict[str, str]  # kind -> colour
    kind_labels: dict[str, dict[str, str]]  # kind -> labels in en, ru, kk
    sections: list[str]
    # language -> view -> node -> its centre, and the box it is drawn in (label broken
    # into lines) in that view
    layouts: dict[str, dict[str, dict[str, tuple[float, float]]]] = field(default_factory=dict)
    boxes: dict[str, dict[str, dict[str, Box]]] = field(default_factory=dict)

    def lay_out(self, layouts: dict[str, dict[str, Layout]]) -> None:
        """Keep these layouts (language -> view -> layout)."""
        self.layouts = {
            lang: {view: dict(lay.positions) for view, lay in views.items()}
            for lang, views in layouts.items()
        }
        self.boxes = {
            lang: {view: dict(lay.boxes) for view, lay in views.items()}
            for lang, views in layouts.items()
        }

    def visible(
        self,
        preset: str = "overview",
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

    def visible_lines(self, preset: str = "overview", **filters: Any) -> set[str]:
        """The lines drawn for a filter: those carrying at least one power it shows."""
        _, edges = self.visible(preset, **filters)
        return {ln.id for ln in self.lines if edges.intersection(ln.powers)}


def style_of(action: str, family: str) -> str:
    """How a power's line is drawn: its family's style, except that dismissals are drawn
    apart from appointments, and every check (consent, override, ...) as a check."""
    if action in CHECK_ACTIONS:
        return "checks"
    return "dismissals" if action in DISMISSALS else family


def presets_of(
    edge_action: str, family: str, holder: str, obj: str, kinds: dict[str, str]
) -> list[str]:
    bodies = kinds.get(holder, "matter") != "matter" and kinds.get(obj, "matter") != "matter"
    found = []
    if bodies:
        found.append("overview")
    if family == "appointments" and edge_action != "consent" and bodies:
        found.append("appointments")
    if family == "legislation":
        found.append("legislative")
    if edge_action in CHECK_ACTIONS:
        found.append("checks")
    if family == "succession":
        found.append("succession")
    return found  # the rights view picks its own lines: kg/viz_rights.py


# Russian and Kazakh are labelled fields, never sentences assembled from words.
FIELD_WORDS = {
    "ru": ("Кто", "Полномочие", "В отношении кого", "Условия", "ст."),
    "kk": ("Кім", "Өкілеттік", "Кімге немесе неге қатысты", "Шарттар", "бап"),
}


def _the(node: Any) -> str:
    """An English label as it reads inside a sentence."""
    label = node.labels["en"]
    if node.type in ("post", "organization") and not label.startswith("The "):
        return f"the {label}"
    return label[0].lower() + label[1:] if node.type == "matter" else label


def sentences(e: Any, holder: Any, obj: Any, citation: str) -> dict[str, str]:
    """The power in full: a sentence in English, labelled fields in Russian and Kazakh."""
    subject = _the(holder)
    en = f"{subject[0].upper()}{subject[1:]} {e.labels['en']} {_the(obj)}"
    if e.conditions["en"]:
        en += f", {e.conditions['en']}"
    out = {"en": f"{en}, art. {citation}"}
    for lang, (who, power, whom, conditions, article) in FIELD_WORDS.items():
        parts = [
            f"{who}: {holder.labels[lang]}",
            f"{power}: {e.labels[lang]}",
            f"{whom}: {obj.labels[lang]}",
        ]
        if e.conditions[lang]:
            parts.append(f"{conditions}: {e.conditions[lang]}")
        parts.append(f"{article} {citation}" if lang == "ru" else f"{citation} {article}")
        out[lang] = " · ".join(parts)
    return out


def view_model(
    graph: PowerGraph,
    vocabulary: list[dict[str, str]],
    succession: list[str] | None = None,
    rights: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None = None,
) -> ViewModel:
    """The view of a power graph; ``vocabulary`` is the rows of the `vocabulary` query
    (family and kind labels), ``succession`` the ids of the President's successors in order,
    ``rights`` the rows of the `rights-view` and `rights-guardians` queries (the rights view)."""
    labels = {
        (r["scheme"], r["concept"]): {lang: r[f"label_{lang}"] for lang in LANGS}
        for r in vocabulary
    }
    order = {node: k + 1 for k, node in enumerate(succession or [])}
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
        colour = KIND_COLOURS.get(n.kind, KIND_COLOURS["matter"])
        nodes.append(
            ViewNode(
                n.id,
                str(agent_iri(n.id)),
                n.type,
                n.kind,
                colour,
                text_colour(colour),
                n.labels,
                n.full_labels,
                sizes,
                sorted({*n.labels.values(), *n.full_labels.values(), *n.names}),
            )
        )
    edges = []
    for e in graph.edges:
        edges.append(
            ViewEdge(
                e.power,
                e.holder,
                e.object,
                e.action,
                e.family,
                style_of(e.action, e.family),
                e.labels,
                e.text,
                e.section,
                e.article,
                e.citation,
                e.conditions,
                e.provision,
                sentences(e, graph.nodes[e.holder], graph.nodes[e.object], e.citation),
                order.get(e.holder, 0) if e.family == "succession" else 0,
                presets_of(e.action, e.family, e.holder, e.object, kinds),
            )
        )
    extra = None
    if rights is not None:
        extra = viz_rights.build(rights[0], rights[1], graph.nodes, {e.id: e for e in edges})
        for e in edges:
            if e.id in extra.power_ids:
                e.presets.append(viz_rights.PRESET)
        nodes += [ViewNode(**n) for n in extra.nodes]
        edges += [ViewEdge(**e) for e in extra.edges]
    lines = merged_lines(edges)
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
    colours = {k: KIND_COLOURS.get(k, KIND_COLOURS["matter"]) for k in used_kinds}
    if extra is not None:
        families.update(extra.families)
        kind_labels.update(extra.kind_labels)
        colours[viz_rights.GROUP_TYPE] = viz_rights.GROUP_COLOUR
    model = ViewModel(
        nodes,
        edges,
        lines,
        families,
        colours,
        kind_labels,
        sections,
    )
    model.lay_out({lang: {p: preset_layout(model, p, lang) for p in PRESETS} for lang in LANGS})
    return model


def merged_lines(edges: list[ViewEdge]) -> list[ViewLine]:
    grouped: dict[tuple[str, str, str], list[ViewEdge]] = {}
    for e in edges:
        grouped.setdefault((e.source, e.target, e.style), []).append(e)
    lines = []
    for (source, target, style), members in sorted(grouped.items()):
        colour, dashes = LINE_STYLES.get(style, ("#566573", False))
        ranks = sorted({e.rank for e in members if e.rank})
        lines.append(
            ViewLine(
                f"{source}>{target}>{style}",
                source,
                target,
                style,
                colour,
                dashes,
                [e.id for e in members],
                ", ".join(str(r) for r in ranks),
            )
        )
    return lines


def preset_layout(model: ViewModel, preset: str, lang: str, aspect: float = ASPECT) -> Layout:
    """Where each node of a preset sits and the box it is drawn in, in one language (labels
    differ in width), shaped to fit an area ``aspect`` times as wide as it is high."""
    shown, edge_ids = model.visible(preset)
    info = {n.id: n for n in model.nodes}
    labels = {n: info[n].labels[lang] for n in shown}
    if preset == viz_rights.PRESET:
        holders = {e.source for e in model.edges if e.id in edge_ids and e.family == "holds"}
        pairs = {(e.source, e.target) for e in model.edges if e.id in edge_ids}
        types = {n: info[n].type for n in shown}
        return viz_rights.layout(shown, types, labels, holders, pairs, aspect)
    if preset == "succession":
        ranked = sorted(
            (e for e in model.edges if e.id in edge_ids), key=lambda e: (e.rank, e.source)
        )
        heads = sorted({e.target for e in ranked})
        if len(heads) == 1:
            kinds = {n: info[n].kind for n in shown}
            return chain_layout(heads[0], [e.source for e in ranked], labels, kinds)
    pairs = {(e.source, e.target) for e in model.edges if e.id in edge_ids}
    return bands_layout({n: info[n].kind for n in shown}, labels, pairs, aspect)


def print_aspect(size: tuple[int, int]) -> float:
    """The shape of the graph's area on a printed page of ``size`` pixels."""
    width, height = size
    return width / (height - PRINT_FRAME)


def for_print(model: ViewModel, lang: str, preset: str, size: tuple[int, int]) -> ViewModel:
    """The model with the preset laid out again to a printed page's shape (16:9 or A4
    rather than the screen's 4:3), so that the graph fills the page; the PNG and the SVG
    draw the same positions."""
    layout = preset_layout(model, preset, lang, print_aspect(size))
    layouts = {code: dict(views) for code, views in model.layouts.items()}
    boxes = {code: dict(views) for code, views in model.boxes.items()}
    layouts[lang][preset] = layout.positions
    boxes[lang][preset] = layout.boxes
    return replace(model, layouts=layouts, boxes=boxes)


def line_width(powers: int) -> float:
    """A line's width for the number of powers it carries (the page draws the same)."""
    return 1.5 + 1.2 * min(powers, 6)


def _network(model: ViewModel, lang: str) -> Network:
    """The pyvis network: nodes and merged lines with their vis-network options. Lines
    between the same two nodes curve apart so that each stays visible and hoverable."""
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for n in model.nodes:
        drawn = box(n.labels[lang], kind=n.kind)
        net.add_node(
            n.id,
            label=n.labels[lang],
            shape="box",
            color={
                "background": n.color,
                "border": "#1c2833",
                "highlight": {"background": n.color, "border": "#ffb000"},
                "hover": {"background": n.color, "border": "#ffb000"},
            },
            font={"color": n.text_color, "size": FONT, "face": "system-ui, sans-serif"},
            shapeProperties={"borderRadius": RADIUS.get(n.kind, CORNER)},
            widthConstraint=_width(drawn),
        )
    pair_rank: dict[frozenset[str], int] = {}
    for ln in model.lines:
        pair = frozenset((ln.source, ln.target))
        rank = pair_rank[pair] = pair_rank.get(pair, -1) + 1
        net.add_edge(
            ln.source,
            ln.target,
            id=ln.id,
            color={"color": ln.color, "highlight": "#ffb000", "hover": "#ffb000"},
            dashes=ln.dashes,
            width=line_width(len(ln.powers)),
            label=ln.label or None,
            smooth={"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.14 * rank},
        )
    return net


def _width(drawn: Box) -> dict[str, float]:
    """vis-network's width constraint that draws this box."""
    inner = drawn.width - drawn.frame
    return {"minimum": inner, "maximum": inner}


def render_html(
    model: ViewModel,
    lang: str = "en",
    preset: str = "overview",
    link_base: str | None = None,
    printable: bool = False,
    compare_with: tuple[str, str] | None = None,
    size: tuple[int, int] | None = None,
) -> str:
    """One self-contained HTML page. ``link_base`` rewrites IRIs in links (the server uses
    "/" so that they open its own linked-data pages); ``printable`` draws the graph alone
    with its caption and legend, for slides and handouts, laid out to the shape of a page
    of ``size`` pixels if given; ``compare_with`` is the address of the compare view and the
    year it compares with, offered as a control (the server has that view; a file on its
    own has not)."""
    check_lang(lang)
    check_preset(preset)
    if printable and size:
        model = for_print(model, lang, preset, size)
    data = page_data(model, lang, preset, PRESET_TEXT, link_base, printable)
    if printable and size:
        data["printSize"] = list(size)
    if compare_with:
        href, year = compare_with
        words = {code: w.format(old=year) for code, w in COMPARE_LINK_WORDS.items()}
        data["compareLink"] = {"href": href, "words": words}
    return write_page(data, PRESET_TEXT[preset][lang][0])


def check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise KGError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")


def check_preset(preset: str) -> None:
    if preset not in PRESETS:
        raise KGError(f"no preset {preset!r}; presets: {', '.join(PRESETS)}")


def page_data(
    model: ViewModel,
    lang: str,
    preset: str,
    preset_text: dict[str, dict[str, tuple[str, str]]],
    link_base: str | None,
    printable: bool,
) -> dict[str, Any]:
    """What the page's script reads: the model, the drawn nodes and lines, the settings."""
    net = _network(model, lang)
    nodes, edges, *_ = net.get_network_data()
    return {
        "model": {
            "nodes": [asdict(n) for n in model.nodes],
            "edges": [asdict(e) for e in model.edges],
            "lines": [asdict(ln) for ln in model.lines],
            "families": model.families,
            "kinds": model.kinds,
            "sections": model.sections,
            "layouts": model.layouts,
            # language -> view -> node -> [width, height, label with line breaks]
            "boxes": {
                code: {
                    view: {n: astuple(b) for n, b in boxes.items()}
                    for view, boxes in model.boxes[code].items()
                }
                for code in LANGS
            },
            "bands": list(BANDS),
            "gaps": [GAP_X, GAP_Y, BAND_GAP],
        },
        "kindLabels": model.kind_labels,
        "lineStyles": {k: {"color": c, "dashes": d} for k, (c, d) in LINE_STYLES.items()},
        "visNodes": nodes,
        "visEdges": edges,
        "lang": lang,
        "preset": preset,
        "presets": preset_text,
        "measures": list(MEASURES),
        "linkBase": link_base,
        "printable": printable,
        "font": FONT,
        "margin": MARGIN,
    }


def write_page(data: dict[str, Any], title: str) -> str:
    template = environment.get_template("viz.html")
    return template.render(
        title=title,
        lang=data["lang"],
        printable=data["printable"],
        # A printed page keeps its size whatever the window: headless Chromium lays a page
        # out in a shorter window than the screenshot it then takes.
        print_size=data.get("printSize"),
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
    power_graph = PowerGraph.load(graph, version)
    steps = graph.select("succession", {"office": "president"}).rows
    rights = (
        graph.select("rights-view", {"version": version}).rows,
        graph.select("rights-guardians", {"version": version}).rows,
    )
    return view_model(power_graph, vocabulary, succession_order(power_graph, steps), rights)


def succession_order(graph: PowerGraph, steps: list[dict[str, Any]]) -> list[str]:
    """Node ids of the successors, in order, from the rows of the `succession` query."""
    by_label = {n.labels["en"]: n.id for n in graph.nodes.values()}
    ranked = sorted(steps, key=lambda r: int(r["rank"]))
    return [by_label[r["successor"]] for r in ranked if r["successor"] in by_label]
