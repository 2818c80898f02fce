"""The rights view of the graph: groups of rights, who holds them, and the bodies that guard
them where a power in the data says so.

Seventy-odd rights, named in up to 45 characters, do not fit a 1024x768 screen as separate
boxes with labels of at least 12 px, so each group of rights (our own grouping,
vocab/right-groups.yaml) is one box, and clicking it lists its rights in the panel, each
opening to its fields (name, group, holders, basis, restrictions). The caption says so.

Lines come from the data only, each citing a provision:
- a holder to a group: the holder holds the group's rights (each with its basis);
- a court or oversight body to a group: a power of that body rests on the very provision
  that states one of the group's rights (the courts decide on depriving someone of
  property, 29.3) — the `rights-guardians` query's `same-provision` rows;
- a body to another: a power whose trigger, purpose or scope is the protection of
  constitutional rights (the Commissioner applies to the Constitutional Court, 73.5) — its
  `about-rights` rows, where the power's object is a body.

Nodes and edges are returned as plain dicts of the fields of kg.viz's ViewNode and
ViewEdge, so that this module does not import kg.viz.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from kg.colours import text_colour
from kg.layout import ASPECT, Layout, bands_layout

PRESET = "rights"
GROUP_TYPE = "right-group"
GROUP_COLOUR = "#ffe08a"  # apart from every branch colour for colour-blind readers
HOLDS, GUARDS = "holds", "guards"
LANGS = ("en", "ru", "kk")
IRI_BASE = "https://w3id.org/atazan/"
MEASURES = ("equal", "degree", "betweenness", "powers")

# Line styles (colour, dashes) and their legend names.
LINE_STYLES: dict[str, tuple[str, bool | list[int]]] = {
    HOLDS: ("#1b7837", False),
    GUARDS: ("#762a83", [8, 4]),
}
FAMILY_LABELS = {
    HOLDS: {"en": "holds rights", "ru": "обладает правами", "kk": "құқықтарға ие"},
    GUARDS: {
        "en": "guards by a power under the right's provision",
        "ru": "защищает полномочием по норме о праве",
        "kk": "құқық туралы норма бойынша өкілеттікпен қорғайды",
    },
}
KIND_LABEL = {"en": "group of rights", "ru": "группа прав", "kk": "құқықтар тобы"}

# The panel's labelled fields: never sentences built from words.
FIELDS = {
    "en": {
        "name": "Right",
        "group": "Group",
        "holders": "Holders",
        "basis": "Basis",
        "emergency": "In a state of emergency",
        "limited_by": "Limits cited",
        "description": "What it protects",
        "limitations": "Limitations",
        "rights": "Rights in this group",
        "note": "Our grouping, not the Constitution's. Open a right to see its details.",
        "holder": "Holder",
        "guarded": "Right stated in the same provision",
        "article": "art.",
        "none": "none",
        "page": "Page of the right",
    },
    "ru": {
        "name": "Право",
        "group": "Группа",
        "holders": "Обладатели",
        "basis": "Основание",
        "emergency": "При чрезвычайном положении",
        "limited_by": "Нормы об ограничениях",
        "description": "",
        "limitations": "",
        "rights": "Права этой группы",
        "note": "Группировка наша, а не Конституции. Откройте право, чтобы увидеть подробности.",
        "holder": "Кто",
        "guarded": "Право в той же норме",
        "article": "ст.",
        "none": "нет",
        "page": "Страница права",
    },
    "kk": {
        "name": "Құқық",
        "group": "Топ",
        "holders": "Иелері",
        "basis": "Негіз",
        "emergency": "Төтенше жағдай кезінде",
        "limited_by": "Шектеу туралы нормалар",
        "description": "",
        "limitations": "",
        "rights": "Осы топтың құқықтары",
        "note": "Топтастыру Конституциянікі емес, біздікі. Толығырақ көру үшін құқықты ашыңыз.",
        "holder": "Кім",
        "guarded": "Сол нормадағы құқық",
        "article": "бап",
        "none": "жоқ",
        "page": "Құқық беті",
    },
}
EMERGENCY = {
    "non-restrictable": {
        "en": "may never be restricted",
        "ru": "не подлежит ограничению",
        "kk": "шектелмейді",
    },
    "restrictable": {
        "en": "may be restricted",
        "ru": "может быть ограничено",
        "kk": "шектелуі мүмкін",
    },
    "not-stated": {
        "en": "the text says nothing particular",
        "ru": "особо не оговорено",
        "kk": "арнайы айтылмаған",
    },
}


@dataclass
class RightItem:
    """One right as the view shows it, from the rows of the `rights-view` query."""

    iri: str
    labels: dict[str, str]
    group: str
    group_labels: dict[str, str]
    holders: list[str]
    section: str
    citation: str
    provision: str
    restrictability: str
    limited_by: str
    description: str
    limitations: str
    position: int = 0


@dataclass
class RightsView:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    power_ids: set[str] = field(default_factory=set)  # powers shown as they are
    families: dict[str, dict[str, str]] = field(default_factory=dict)
    kind_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    rights: list[RightItem] = field(default_factory=list)


def citation_of(article: str, paragraph: str) -> str:
    return f"{article}({paragraph})" if paragraph else article


def group_node_id(group: str) -> str:
    return f"{GROUP_TYPE}:{group}"


def read_rights(rows: Iterable[Mapping[str, Any]]) -> list[RightItem]:
    """One item per right (the query gives a row per right and holder), in query order."""
    items: dict[str, RightItem] = {}
    for k, r in enumerate(rows):
        iri = str(r["right"])
        item = items.get(iri)
        if item is None:
            item = items[iri] = RightItem(
                iri,
                {lang: str(r[f"label_{lang}"]) for lang in LANGS},
                str(r["group"]),
                {lang: str(r[f"group_{lang}"]) for lang in LANGS},
                [],
                str(r["section"]),
                citation_of(str(r["article"]), str(r["paragraph"] or "")),
                str(r["provision"]),
                str(r["restrictability"]),
                str(r["limited_by"] or ""),
                str(r["description"]),
                str(r["limitations"] or ""),
                k,
            )
        if str(r["holder"]) not in item.holders:
            item.holders.append(str(r["holder"]))
    return list(items.values())


def cite(citation: str, lang: str) -> str:
    word = FIELDS[lang]["article"]
    return f"{citation} {word}" if lang == "kk" else f"{word} {citation}"


def build(
    right_rows: Iterable[Mapping[str, Any]],
    guardian_rows: Iterable[Mapping[str, Any]],
    graph_nodes: Mapping[str, Any],
    power_edges: Mapping[str, Any],
) -> RightsView:
    """The rights view's own nodes and edges. ``graph_nodes`` are the power graph's nodes
    (id → node with labels), ``power_edges`` its edges by power IRI (with `holder`,
    `object`, `citation`, `section`, `provision` and `sentences`)."""
    rights_rows = list(right_rows)
    rights = read_rights(rights_rows)
    view = RightsView(rights=rights)
    view.families = {k: dict(v) for k, v in FAMILY_LABELS.items()}
    view.kind_labels = {GROUP_TYPE: dict(KIND_LABEL)}
    holder_names = {
        str(r["holder"]): {lang: str(r[f"holder_{lang}"]) for lang in LANGS} for r in rights_rows
    }
    holder_kinds = {str(r["holder"]): str(r["holder_kind"] or "people") for r in rights_rows}
    by_iri = {r.iri: r for r in rights}
    groups: dict[str, list[RightItem]] = {}
    for r in rights:
        groups.setdefault(r.group, []).append(r)

    def name(node_id: str, lang: str) -> str:
        node = graph_nodes.get(node_id)
        return node.labels[lang] if node is not None else holder_names[node_id][lang]

    # Holders the power graph lacks (clergy, parents, ...) get nodes of their own.
    for holder in sorted(h for r in rights for h in r.holders if h not in graph_nodes):
        if any(n["id"] == holder for n in view.nodes):
            continue
        view.nodes.append(
            _node(
                holder,
                IRI_BASE + f"id/{holder}",
                "group",
                holder_kinds[holder],
                holder_names[holder],
                None,
            )
        )
    for group, members in groups.items():
        labels = {lang: f"{members[0].group_labels[lang]} ({len(members)})" for lang in LANGS}
        panel = {lang: group_panel(members, lang, name) for lang in LANGS}
        node = _node(
            group_node_id(group),
            IRI_BASE + f"vocab/right-groups/{group}",
            GROUP_TYPE,
            GROUP_TYPE,
            labels,
            panel,
        )
        node["names"] = sorted({*labels.values(), *(r.labels[x] for r in members for x in LANGS)})
        node["full_labels"] = {lang: members[0].group_labels[lang] for lang in LANGS}
        view.nodes.append(node)
    for r in rights:
        for holder in r.holders:
            view.edges.append(_holds_edge(r, holder, name))
    for row in guardian_rows:
        power = str(row["power"])
        e = power_edges.get(power)
        if e is None:
            continue
        if str(row["reason"]) == "about-rights":
            if getattr(graph_nodes.get(e.target), "type", "matter") != "matter":
                view.power_ids.add(power)
            continue
        right = by_iri.get(str(row["right"]))
        if right is not None:
            view.edges.append(_guards_edge(e, right))
    return view


def _node(
    node_id: str,
    iri: str,
    type_: str,
    kind: str,
    labels: dict[str, str],
    panel: dict[str, str] | None,
) -> dict[str, Any]:
    colour = GROUP_COLOUR if type_ == GROUP_TYPE else "#bababa"
    return {
        "id": node_id,
        "iri": iri,
        "type": type_,
        "kind": kind,
        "color": colour,
        "text_color": text_colour(colour),
        "labels": dict(labels),
        "full_labels": dict(labels),
        "sizes": {m: 14.0 for m in MEASURES},
        "names": sorted(set(labels.values())),
        "panel": panel,
    }


def _holds_edge(r: RightItem, holder: str, name: Any) -> dict[str, Any]:
    sentences = {}
    for lang in LANGS:
        f = FIELDS[lang]
        sentences[lang] = (
            f"{f['holder']}: {name(holder, lang)} · {f['name']}: {r.labels[lang]} · "
            f"{cite(r.citation, lang)}"
        )
    return {
        "id": f"{r.iri}#{holder}",
        "source": holder,
        "target": group_node_id(r.group),
        "action": HOLDS,
        "family": HOLDS,
        "style": HOLDS,
        "labels": {lang: FAMILY_LABELS[HOLDS][lang] for lang in LANGS},
        "text": r.description,
        "section": r.section,
        "article": r.citation.split("(")[0],
        "citation": r.citation,
        "conditions": {lang: "" for lang in LANGS},
        "provision": r.provision,
        "sentences": sentences,
        "rank": 0,
        "presets": [PRESET],
    }


def _guards_edge(e: Any, r: RightItem) -> dict[str, Any]:
    sentences = {
        lang: f"{e.sentences[lang]} · {FIELDS[lang]['guarded']}: {r.labels[lang]}" for lang in LANGS
    }
    return {
        "id": f"{e.id}#{r.iri.rsplit('/', 1)[-1]}",
        "source": e.source,
        "target": group_node_id(r.group),
        "action": GUARDS,  # not the power's own action: a guard is no check, no appointment
        "family": GUARDS,
        "style": GUARDS,
        "labels": e.labels,
        "text": e.text,
        "section": e.section,
        "article": e.article,
        "citation": e.citation,
        "conditions": e.conditions,
        "provision": e.provision,
        "sentences": sentences,
        "rank": 0,
        "presets": [PRESET],
    }


def group_panel(members: list[RightItem], lang: str, name: Any) -> str:
    """The panel of a group: its name, then each right as a <details> that opens to its
    labelled fields. English-only texts (description, limitations) on the English page."""
    f = FIELDS[lang]
    group = members[0].group_labels[lang]
    out = [
        f'<h2 id="panel-title">{escape(group)}</h2>',
        f'<p class="note">{escape(f["note"])}</p>',
        f"<h2>{escape(f['rights'])} ({len(members)})</h2>",
    ]
    for r in members:
        rows = [
            (f["name"], r.labels[lang]),
            (f["group"], group),
            (f["holders"], ", ".join(name(h, lang) for h in r.holders)),
            (f["basis"], cite(r.citation, lang)),
            (f["emergency"], EMERGENCY[r.restrictability][lang]),
            (
                f["limited_by"],
                "; ".join(cite(c, lang) for c in r.limited_by.split("; "))
                if r.limited_by
                else f["none"],
            ),
        ]
        if lang == "en":
            rows.append((f["description"], r.description))
            if r.limitations:
                rows.append((f["limitations"], r.limitations))
        fields = "".join(
            f'<p><span class="field">{escape(k)}:</span> {escape(v)}</p>' for k, v in rows
        )
        link = escape(r.iri)
        out.append(
            f'<details class="right" data-right="{link}"><summary>{escape(r.labels[lang])}'
            f'</summary>{fields}<p><a href="{link}">{escape(f["page"])}</a>'
            "</p></details>"
        )
    return "".join(out)


# --- layout ---------------------------------------------------------------------------------


def bands(shown: Iterable[str], types: Mapping[str, str], holders: set[str]) -> dict[str, str]:
    """Each node's band, in reading order: the holders, the groups of rights, the bodies
    that guard them (the keys sort in that order)."""
    return {
        n: "1-holders"
        if n in holders and types[n] != GROUP_TYPE
        else "2-groups"
        if types[n] == GROUP_TYPE
        else "3-guardians"
        for n in shown
    }


def layout(
    shown: Iterable[str],
    types: Mapping[str, str],
    labels: Mapping[str, str],
    holders: set[str],
    edges: Iterable[tuple[str, str]],
    aspect: float = ASPECT,
) -> Layout:
    """Three bands read from top to bottom (``bands``), laid out like every other view
    (kg/layout.py), so that the whole fits the graph area with the largest labels."""
    return bands_layout(bands(shown, types, holders), labels, edges, aspect)
