"""The graph of powers as a vector SVG for slides and handouts (`kg viz --svg`), written in
Python from the same view model and build-time layout as the page, so no browser is needed.

A printed view is first reduced to a ``Scene`` (what one page draws: the caption, the boxes
at their positions, the lines with their styles, the legend), for the normal views and the
compare view alike; ``render_svg`` then draws a scene. It draws what the printable page
draws (kg/templates/viz.html in print mode, rendered to PNG by headless Chromium): the same
positions, colours, dash patterns, line widths and curves, the caption above and the legend
below, no side panels. Labels are real <text> elements in the chosen language.

Text is measured with a generous estimate of DejaVu Sans's widths (the font named first;
it has every Cyrillic and Kazakh letter), not with a font file: tests/test_viz_svg.py
renders the SVG in Chromium and checks that every label stays inside its box and no two
texts overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape, quoteattr

from kg.compare import CLASS_STYLES, LINK_STYLES, PRESET, CompareModel, layouts
from kg.layout import BANDS, FONT
from kg.layout import Box as LaidBox
from kg.page_words import COMPARE_WORDS
from kg.viz import (
    PRESET_TEXT,
    PRINT_WORDS,
    ViewLine,
    ViewModel,
    ViewNode,
    check_lang,
    check_preset,
    for_print,
    line_width,
    print_aspect,
)

FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif"
INK, MUTED, RULE = "#1c2833", "#4d5656", "#d5d8dc"
PAD = 16  # pixels around the caption, the graph and the legend
CAPTION_SIZE, LEGEND_SIZE, NOTE_SIZE = 20, 15, 13.6  # pixels, as the printable page
LINE_LABEL_SIZE = 18  # canvas units: a successor's place, the compare view's "≠"
MAX_SCALE = 3.0  # the printable page never zooms in further
DEFAULT_DASHES = [5, 5]  # a line whose style says only "dashed"
Dashes = bool | list[int]


@dataclass
class Stroke:
    """One drawn line: a set of powers, or (compare view) a body and its successor."""

    id: str
    source: str
    target: str
    color: str
    dashes: Dashes
    width: float
    bend: float  # curvature as a share of the line's length; positive bends clockwise
    label: str = ""
    kind: str = "line"  # line | link


@dataclass
class Key:
    """One entry of the legend: a colour swatch, a line sample, or a note (sample-less)."""

    text: str
    swatch: str = ""
    line: tuple[str, Dashes] | None = None


@dataclass
class Scene:
    lang: str
    name: str
    caption: str
    nodes: list[ViewNode]
    positions: dict[str, tuple[float, float]]
    boxes: dict[str, LaidBox]  # each node's box and its label's line breaks, from the layout
    strokes: list[Stroke]
    legend: list[Key]
    note: str  # how to read the lines, under the legend's samples
    dashed: set[str] = field(default_factory=set)  # boxes with a dashed border


# --- scenes ------------------------------------------------------------------------------


def view_scene(model: ViewModel, lang: str, preset: str, size: tuple[int, int]) -> Scene:
    """A normal view (overview, appointments, ...) as printed on a page of ``size``."""
    check_lang(lang)
    check_preset(preset)
    model = for_print(model, lang, preset, size)
    shown_nodes, shown_edges = model.visible(preset)
    lines = [ln for ln in model.lines if shown_edges.intersection(ln.powers)]
    strokes = _line_strokes(model.lines, shown_edges)
    nodes = [n for n in model.nodes if n.id in shown_nodes]
    words = PRINT_WORDS[lang]
    legend = _kind_keys(model, nodes, lang)
    for style in sorted({ln.style for ln in lines}):
        text = words["dismissals"] if style == "dismissals" else _family(model, style, lang)
        colour, dashes = next((ln.color, ln.dashes) for ln in lines if ln.style == style)
        legend.append(Key(text, line=(colour, dashes)))
    name, caption = PRESET_TEXT[preset][lang]
    return Scene(
        lang,
        name,
        caption,
        nodes,
        model.layouts[lang][preset],
        model.boxes[lang][preset],
        strokes,
        legend,
        words["arrow"],
    )


def compare_scene(model: CompareModel, lang: str, size: tuple[int, int]) -> Scene:
    """The compare view as printed on a page of ``size``."""
    check_lang(lang)
    view = replace(model.view)
    view.lay_out(layouts(model.view, model.links, print_aspect(size)))
    years = {"old": model.old, "new": model.new}
    words = {k: w.format(**years, year="{year}") for k, w in COMPARE_WORDS[lang].items()}
    shown_nodes, shown_edges = view.visible(PRESET)
    strokes = _line_strokes(view.lines, shown_edges)
    for link in model.links:
        if link.source in shown_nodes and link.target in shown_nodes:
            colour, dashes = LINK_STYLES[link.relation]
            strokes.append(
                Stroke(link.id, link.source, link.target, colour, dashes, 2.5, -0.2, kind="link")
            )
    nodes = [n for n in view.nodes if n.id in shown_nodes]
    legend = _kind_keys(view, nodes, lang)
    for year in sorted(set(model.only.values())):
        legend.append(Key(words["mark"].replace("{year}", year)))
    class_words = {
        "old-only": "line_old",
        "new-only": "line_new",
        "changed": "line_changed",
        "same": "line_same",
    }
    for cls, style in CLASS_STYLES.items():
        legend.append(Key(words[class_words[cls]], line=style))
    for relation in sorted({k.relation for k in model.links}, reverse=True):
        legend.append(Key(words[relation], line=LINK_STYLES[relation]))
    return Scene(
        lang,
        words["name"],
        words["caption"],
        nodes,
        view.layouts[lang][PRESET],
        view.boxes[lang][PRESET],
        strokes,
        legend,
        words["arrow_print"],
        {n for n in model.only if n in shown_nodes},
    )


def _line_strokes(lines: list[ViewLine], shown_edges: set[str]) -> list[Stroke]:
    """The lines that carry a shown power, each as wide as the powers it shows."""
    strokes = []
    for ln, bend in zip(lines, _bends(lines), strict=True):
        carried = len(shown_edges.intersection(ln.powers))
        if carried:
            strokes.append(
                Stroke(
                    ln.id,
                    ln.source,
                    ln.target,
                    ln.color,
                    ln.dashes,
                    line_width(carried),
                    bend,
                    ln.label,
                )
            )
    return strokes


def _bends(lines: list[ViewLine]) -> list[float]:
    """Lines between the same two boxes curve apart, as on the page: the first a little,
    each further one more."""
    seen: dict[frozenset[str], int] = {}
    bends = []
    for ln in lines:
        pair = frozenset((ln.source, ln.target))
        rank = seen[pair] = seen.get(pair, -1) + 1
        bends.append(0.12 + 0.14 * rank)
    return bends


def _kind_keys(model: ViewModel, nodes: list[ViewNode], lang: str) -> list[Key]:
    order = {k: i for i, k in enumerate(BANDS)}
    kinds = sorted({n.kind for n in nodes}, key=lambda k: order.get(k, -1))
    return [Key(model.kind_labels[k][lang], swatch=model.kinds[k]) for k in kinds]


def _family(model: ViewModel, style: str, lang: str) -> str:
    return model.families.get(style, {}).get(lang, style)


# --- measuring text ------------------------------------------------------------------------

NARROW = set(" .,:;'!|ilIjtfr()[]-1")
WIDE = set("mwMWШЩЖЮМшщжюмЫы")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` in DejaVu Sans at ``size`` pixels."""
    total = 0.0
    for c in text:
        if c in NARROW:
            total += 0.36
        elif c in WIDE:
            total += 0.94
        elif c.isupper():
            total += 0.74
        elif c.isdigit():
            total += 0.64
        else:
            total += 0.63
    return total * size * (1.1 if bold else 1.0)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Words in lines no wider than ``width`` (a longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


# --- drawing -------------------------------------------------------------------------------


@dataclass
class Box:
    x: float
    y: float
    width: float
    height: float
    lines: list[str]

    def contains(self, px: float, py: float) -> bool:
        return abs(px - self.x) <= self.width / 2 and abs(py - self.y) <= self.height / 2


def node_box(laid: LaidBox, centre: tuple[float, float]) -> Box:
    """The box the page draws: the layout's own box (its size and its label's line breaks)
    at its centre."""
    return Box(centre[0], centre[1], laid.width, laid.height, laid.text.split("\n"))


def render_svg(scene: Scene, size: tuple[int, int]) -> tuple[str, float]:
    """The SVG of a scene on a page of ``size`` pixels, and the size of its smallest node
    label in pixels."""
    width, height = size
    out: list[str] = []
    caption, caption_h = _caption(scene, width)
    legend, legend_h = _legend(scene, width, height)
    top, bottom = caption_h + PAD / 2, height - legend_h - PAD / 2
    boxes = {n.id: node_box(scene.boxes[n.id], scene.positions[n.id]) for n in scene.nodes}
    drawn = [_stroke(stroke, boxes) for stroke in scene.strokes]
    # Fit the boxes and every curve (a long one may bow out past the outer boxes).
    xs = [x for b in boxes.values() for x in (b.x - b.width / 2, b.x + b.width / 2)]
    ys = [y for b in boxes.values() for y in (b.y - b.height / 2, b.y + b.height / 2)]
    xs += [p[0] for _, points in drawn for p in points]
    ys += [p[1] for _, points in drawn for p in points]
    left, right, upper, lower = min(xs) - 4, max(xs) + 4, min(ys) - 4, max(ys) + 4
    scale = min((width - 2 * PAD) / (right - left), (bottom - top) / (lower - upper), MAX_SCALE)
    dx = width / 2 - scale * (left + right) / 2
    dy = (top + bottom) / 2 - scale * (upper + lower) / 2
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" '
        f'lang="{scene.lang}" xml:lang="{scene.lang}">'
    )
    out.append(f"<title>{escape(scene.name)}</title>")
    out.append(f'<rect width="{width}" height="{height}" fill="#ffffff"/>')
    out.extend(caption)
    out.append(f'<g id="graph" transform="translate({dx:.2f} {dy:.2f}) scale({scale:.4f})">')
    out.append('<g id="lines">')
    out.extend(svg for svg, _ in drawn)
    out.append("</g>")
    out.append('<g id="nodes">')
    for node in scene.nodes:
        out.append(_node(node, boxes[node.id], node.id in scene.dashed))
    out.append("</g>")
    out.append('<g id="line-labels">')
    taken = list(boxes.values())
    for stroke, (_, points) in zip(scene.strokes, drawn, strict=True):
        if not stroke.label:
            continue
        spot = _label_spot(stroke.label, points, taken)
        taken.append(spot)
        out.append(
            f'<text class="line-label" x="{spot.x:.1f}" y="{spot.y:.1f}" '
            f'font-size="{LINE_LABEL_SIZE}" text-anchor="middle" dominant-baseline="central" '
            f'fill="{INK}" stroke="#ffffff" stroke-width="4" paint-order="stroke">'
            f"{escape(stroke.label)}</text>"
        )
    out.append("</g></g>")
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n", round(FONT * scale, 1)


def _label_spot(label: str, points: list[Point], taken: list[Box]) -> Box:
    """Where a line's label goes: the point of the line nearest its middle where the label
    covers no box and no other label (the middle itself if there is none)."""
    width = text_width(label, LINE_LABEL_SIZE) + 6
    height = LINE_LABEL_SIZE + 4
    middle = len(points) // 2
    along = sorted(range(len(points)), key=lambda k: abs(k - middle))
    # On the line if it has a free stretch; else just beside it (boxes packed close leave a
    # short line no room), the nearest free place first.
    for reach in (0, *LABEL_REACH):
        for k in along:
            for ux, uy in _AROUND if reach else ((0.0, 0.0),):
                x, y = points[k][0] + reach * ux, points[k][1] + reach * uy
                spot = Box(x, y, width, height, [label])
                if not any(_overlap(spot, other) for other in taken):
                    return spot
    return Box(points[middle][0], points[middle][1], width, height, [label])


LABEL_REACH = (12, 24, 36, 48, 64, 80, 100, 124)  # canvas units a label may move off its line
_AROUND = [(math.cos(k * math.pi / 8), math.sin(k * math.pi / 8)) for k in range(16)]


def _overlap(a: Box, b: Box) -> bool:
    return abs(a.x - b.x) < (a.width + b.width) / 2 and abs(a.y - b.y) < (a.height + b.height) / 2


def _caption(scene: Scene, width: int) -> tuple[list[str], float]:
    """The view's name in bold and its caption, wrapped; and the height they take."""
    size, step = CAPTION_SIZE, CAPTION_SIZE * 1.35
    words = [(w, True) for w in f"{scene.name}.".split()] + [
        (w, False) for w in scene.caption.split()
    ]
    lines: list[list[tuple[str, bool]]] = [[]]
    used = 0.0
    for word, bold in words:
        need = text_width(word + " ", size, bold)
        if lines[-1] and used + need > width - 2 * PAD:
            lines.append([])
            used = 0.0
        lines[-1].append((word, bold))
        used += need
    out = ['<g id="caption">']
    y = PAD / 2 + step / 2
    for line in lines:
        runs = []
        for k, (word, bold) in enumerate(line):
            space = " " if k else ""
            weight = ' font-weight="bold"' if bold else ""
            runs.append(f"<tspan{weight}>{space}{escape(word)}</tspan>")
        out.append(
            f'<text x="{PAD}" y="{y:.1f}" font-size="{size}" fill="{INK}" '
            f'dominant-baseline="central" xml:space="preserve">{"".join(runs)}</text>'
        )
        y += step
    bottom = y - step / 2 + PAD / 2
    out.append(f'<line x1="0" y1="{bottom:.1f}" x2="{width}" y2="{bottom:.1f}" stroke="{RULE}"/>')
    out.append("</g>")
    return out, bottom


SAMPLE_W, SWATCH = 44, 15  # a line sample and a colour swatch, pixels
KEY_GAP, ROW = 19, 22  # between entries of a row, between rows


def _legend(scene: Scene, width: int, height: int) -> tuple[list[str], float]:
    """The legend strip at the foot of the page: entries flowing in rows, then the note on
    how to read the lines; and the height it takes."""
    usable = width - 2 * PAD
    rows: list[list[tuple[Key, float]]] = [[]]
    used = 0.0
    for key in scene.legend:
        sample = SAMPLE_W + 5 if key.line else (SWATCH + 5 if key.swatch else 0)
        need = sample + text_width(key.text, LEGEND_SIZE)
        if rows[-1] and used + KEY_GAP + need > usable:
            rows.append([])
            used = 0.0
        used += (KEY_GAP if rows[-1] else 0) + need
        rows[-1].append((key, need))
    note = wrap(scene.note, NOTE_SIZE, usable)
    total = len(rows) * ROW + len(note) * NOTE_SIZE * 1.4 + PAD
    y = height - total + PAD / 2
    rule = y - PAD / 2
    out = [
        '<g id="legend">',
        f'<line x1="0" y1="{rule:.1f}" x2="{width}" y2="{rule:.1f}" stroke="{RULE}"/>',
    ]
    for row in rows:
        x, mid = float(PAD), y + ROW / 2
        for key, need in row:
            if key.swatch:
                out.append(
                    f'<rect x="{x:.1f}" y="{mid - SWATCH / 2:.1f}" width="{SWATCH}" '
                    f'height="{SWATCH}" rx="2" fill="{key.swatch}" stroke="{INK}"/>'
                )
                text_x = x + SWATCH + 5
            elif key.line:
                out.append(_sample(x, mid, *key.line))
                text_x = x + SAMPLE_W + 5
            else:
                text_x = x
            out.append(
                f'<text class="key" x="{text_x:.1f}" y="{mid:.1f}" font-size="{LEGEND_SIZE}" '
                f'fill="{INK}" dominant-baseline="central">{escape(key.text)}</text>'
            )
            x += need + KEY_GAP
        y += ROW
    for line in note:
        y += NOTE_SIZE * 1.4
        out.append(
            f'<text class="note" x="{PAD}" y="{y - NOTE_SIZE * 0.7:.1f}" font-size="{NOTE_SIZE}" '
            f'fill="{MUTED}" dominant-baseline="central">{escape(line)}</text>'
        )
    out.append("</g>")
    return out, total


def _dasharray(dashes: Dashes) -> str:
    if not dashes:
        return ""
    pattern = DEFAULT_DASHES if dashes is True else dashes
    return f' stroke-dasharray="{" ".join(str(d) for d in pattern)}"'


def _sample(x: float, y: float, colour: str, dashes: Dashes) -> str:
    """A legend's line sample: a short line and its arrowhead."""
    return (
        f'<g class="sample"><line x1="{x + 1:.1f}" y1="{y:.1f}" x2="{x + 34:.1f}" y2="{y:.1f}" '
        f'stroke="{colour}" stroke-width="3"{_dasharray(dashes)}/>'
        f'<path d="M{x + 34:.1f} {y - 5:.1f} L{x + 43:.1f} {y:.1f} L{x + 34:.1f} {y + 5:.1f} Z" '
        f'fill="{colour}"/></g>'
    )


def _node(node: ViewNode, b: Box, dashed: bool) -> str:
    radius = 10 if node.type == "matter" else 3
    border = f' stroke-width="2"{_dasharray([5, 3])}' if dashed else ' stroke-width="1"'
    step = FONT  # the page draws one line of a label this high
    first = b.y - step * (len(b.lines) - 1) / 2
    spans = "".join(
        f'<tspan x="{b.x:.1f}" y="{first + k * step:.1f}">{escape(line)}</tspan>'
        for k, line in enumerate(b.lines)
    )
    return (
        f'<g class="node" id={quoteattr("node:" + node.id)}>'
        f'<rect x="{b.x - b.width / 2:.1f}" y="{b.y - b.height / 2:.1f}" width="{b.width:.1f}" '
        f'height="{b.height:.1f}" rx="{radius}" fill="{node.color}" stroke="{INK}"{border}/>'
        f'<text class="label" font-size="{FONT}" fill="{node.text_color}" text-anchor="middle" '
        f'dominant-baseline="central">{spans}</text></g>'
    )


Point = tuple[float, float]


def _stroke(stroke: Stroke, boxes: dict[str, Box]) -> tuple[str, list[Point]]:
    """A line as a curved path from the edge of its holder's box to an arrowhead at the
    edge of the other's; and points along it, from one box to the other."""
    start, end = boxes[stroke.source], boxes[stroke.target]
    if stroke.source == stroke.target:
        return _loop(stroke, start)
    p0, p2 = (start.x, start.y), (end.x, end.y)
    length = math.dist(p0, p2)
    # The control point sits off the middle, square to the line, to the right of its way.
    nx, ny = -(p2[1] - p0[1]) / length, (p2[0] - p0[0]) / length
    mid = ((p0[0] + p2[0]) / 2, (p0[1] + p2[1]) / 2)
    p1 = (mid[0] - nx * stroke.bend * length, mid[1] - ny * stroke.bend * length)
    t0 = _leave(p0, p1, p2, start, 0.0, 0.5)
    t1 = _leave(p0, p1, p2, end, 1.0, 0.5)
    tip = _at(p0, p1, p2, t1)
    head = 8 + 2 * stroke.width
    tb = t1
    while tb > t0 and math.dist(_at(p0, p1, p2, tb), tip) < head:
        tb -= 0.002
    a, c, b = _segment(p0, p1, p2, t0, tb)
    base = b
    ux, uy = (tip[0] - base[0]) / head, (tip[1] - base[1]) / head
    half = 0.45 * head
    wing1 = (base[0] - uy * half, base[1] + ux * half)
    wing2 = (base[0] + uy * half, base[1] - ux * half)
    path = f"M{a[0]:.1f} {a[1]:.1f} Q{c[0]:.1f} {c[1]:.1f} {b[0]:.1f} {b[1]:.1f}"
    arrow = (
        f"M{tip[0]:.1f} {tip[1]:.1f} L{wing1[0]:.1f} {wing1[1]:.1f} "
        f"L{wing2[0]:.1f} {wing2[1]:.1f} Z"
    )
    drawn = (
        f'<g class="{stroke.kind}" id={quoteattr(stroke.id)}>'
        f'<path d="{path}" fill="none" stroke="{stroke.color}" stroke-width="{stroke.width:.2f}"'
        f"{_dasharray(stroke.dashes)}/>"
        f'<path class="arrow" d="{arrow}" fill="{stroke.color}"/></g>'
    )
    return drawn, [_at(p0, p1, p2, t0 + (t1 - t0) * k / 40) for k in range(41)]


def _loop(stroke: Stroke, b: Box) -> tuple[str, list[Point]]:
    """A power a body holds over itself: a loop over the box's upper right corner."""
    right, top = b.x + b.width / 2, b.y - b.height / 2
    a = (right - 18, top)
    tip = (right, top + 8)
    head = 8 + 2 * stroke.width
    path = f"M{a[0]:.1f} {a[1]:.1f} C{a[0]:.1f} {top - 34:.1f} {right + 30:.1f} {tip[1]:.1f} "
    path += f"{right + head:.1f} {tip[1]:.1f}"
    half = 0.45 * head
    arrow = (
        f"M{tip[0]:.1f} {tip[1]:.1f} L{right + head:.1f} {tip[1] - half:.1f} "
        f"L{right + head:.1f} {tip[1] + half:.1f} Z"
    )
    drawn = (
        f'<g class="{stroke.kind}" id={quoteattr(stroke.id)}>'
        f'<path d="{path}" fill="none" stroke="{stroke.color}" stroke-width="{stroke.width:.2f}"'
        f"{_dasharray(stroke.dashes)}/>"
        f'<path class="arrow" d="{arrow}" fill="{stroke.color}"/></g>'
    )
    return drawn, [a, (right + 12, top - 24), (right + head, tip[1])]


def _at(p0: Point, p1: Point, p2: Point, t: float) -> Point:
    u = 1 - t
    return (
        u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
        u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
    )


def _leave(p0: Point, p1: Point, p2: Point, b: Box, inside: float, outside: float) -> float:
    """Where on the curve it crosses the edge of box ``b``: between the parameters
    ``inside`` (in the box) and ``outside``, by halving."""
    for _ in range(30):
        mid = (inside + outside) / 2
        if b.contains(*_at(p0, p1, p2, mid)):
            inside = mid
        else:
            outside = mid
    return outside


def _segment(p0: Point, p1: Point, p2: Point, ta: float, tb: float) -> tuple[Point, Point, Point]:
    """The part of a quadratic curve between two parameters, as a quadratic curve."""

    def blossom(s: float, t: float) -> Point:
        return (
            (1 - s) * (1 - t) * p0[0] + ((1 - s) * t + s * (1 - t)) * p1[0] + s * t * p2[0],
            (1 - s) * (1 - t) * p0[1] + ((1 - s) * t + s * (1 - t)) * p1[1] + s * t * p2[1],
        )

    return blossom(ta, ta), blossom(ta, tb), blossom(tb, tb)
