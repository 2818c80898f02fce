"""A deterministic layout of the graph of powers, computed when the page is written.

Nodes sit in bands by branch, in a fixed order read like text (the people at the top, then
the head of state, the legislature, the executive, ... and the matters powers act on at the
bottom); a band that fits whole in what is left of the row before goes on in it, after a
wider gap, and any other band starts a row of its own. Inside a
band, nodes are ordered by how many lines touch them in the view (the busiest first) and
then by id, and rows wrap at a width chosen to fit a projector's 4:3 screen. The same nodes
and labels always give the same positions, so a view opens settled and a preset always
looks the same.

A succession view is drawn as an ordered chain instead: the office at the top and its
successors under it, first to last from left to right.

Sizes are in vis-network canvas units: the page draws labels at ``FONT`` units and gives
every node the width computed here, so the estimates below are what the browser draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

BANDS = (
    "people",
    "head-of-state",
    "legislature",
    "consultative",
    "executive",
    "local",
    "judiciary",
    "oversight",
    "electoral",
    "security",
    "central-bank",
    "state",
    "matter",
)
FONT = 16  # label size in canvas units
CHAR = 0.6 * FONT  # average width of a character of the page's sans-serif font, generously
MIN_WIDTH, MAX_WIDTH = 70, 160  # node boxes, canvas units
PAD = 14  # horizontal padding inside a box (both sides)
LINE = 1.3 * FONT  # height of one line of a label
GAP_X, GAP_Y, BAND_GAP = 22, 30, 44  # BAND_GAP: between bands sharing a row
# The graph area of the page at 1024x768 (controls on the left): the layout is shaped to fit it.
TARGET_ASPECT = 780 / 720


@dataclass(frozen=True)
class Box:
    width: float
    height: float


def box(label: str) -> Box:
    """The box the page draws for a label: its width, wrapped into lines of that width."""
    natural = len(label) * CHAR + PAD
    longest = max((len(w) for w in label.split()), default=0) * 0.78 * FONT + PAD
    width = max(MIN_WIDTH, longest, min(MAX_WIDTH, natural))
    per_line = max(1, int((width - PAD) / (CHAR * 1.08)))  # wrap early: never too short
    if any(len(word) > per_line for word in label.split()):
        per_line = max(len(word) for word in label.split())
    lines, current = 1, 0
    for word in label.split():
        if current and current + 1 + len(word) > per_line:
            lines, current = lines + 1, len(word)
        else:
            current += (1 if current else 0) + len(word)
    return Box(round(width), round(lines * LINE + 12))


def _order(ids: Iterable[str], degree: Mapping[str, int]) -> list[str]:
    """Busiest first."""
    return sorted(ids, key=lambda i: (-degree.get(i, 0), i))


def _rows(bands: list[list[str]], boxes: Mapping[str, Box], width: float) -> list[list[str]]:
    """Fill rows left to right in band order; a band goes on in the same row after a wider
    gap, so that small bands do not each take a row."""
    rows: list[list[str]] = [[]]
    used = 0.0
    for band in bands:
        whole = sum(boxes[n].width for n in band) + GAP_X * (len(band) - 1) + BAND_GAP
        if rows[-1] and used + whole > width:  # a band shares a row only if it fits in whole
            rows.append([])
            used = 0.0
        for k, node in enumerate(band):
            gap = 0 if not rows[-1] else (BAND_GAP if k == 0 else GAP_X)
            need = boxes[node].width + gap
            if rows[-1] and used + need > width:
                rows.append([])
                used, need = 0.0, boxes[node].width
            rows[-1].append(node)
            used += need
    return rows


def _place(
    bands: list[list[str]], boxes: Mapping[str, Box], width: float
) -> tuple[dict[str, tuple[float, float]], float, float]:
    pos: dict[str, tuple[float, float]] = {}
    band_of = {n: i for i, band in enumerate(bands) for n in band}
    y, widest = 0.0, 0.0
    for row in _rows(bands, boxes, width):
        if not row:
            continue
        height = max(boxes[n].height for n in row)
        gaps = [
            0 if k == 0 else (GAP_X if band_of[n] == band_of[row[k - 1]] else BAND_GAP)
            for k, n in enumerate(row)
        ]
        total = sum(boxes[n].width for n in row) + sum(gaps)
        widest = max(widest, total)
        x = -total / 2
        for n, gap in zip(row, gaps, strict=True):
            x += gap
            pos[n] = (round(x + boxes[n].width / 2, 1), round(y + height / 2, 1))
            x += boxes[n].width
        y += height + GAP_Y
    return pos, widest, y - GAP_Y


def bands_layout(
    nodes: Mapping[str, str],
    labels: Mapping[str, str],
    edges: Iterable[tuple[str, str]],
    aspect: float = TARGET_ASPECT,
) -> dict[str, tuple[float, float]]:
    """Positions of ``nodes`` (id → kind) with these ``labels``, given the lines drawn,
    shaped to fit an area ``aspect`` times as wide as it is high."""
    degree: dict[str, int] = {}
    for a, b in edges:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    boxes = {n: box(labels[n]) for n in nodes}
    rank = {k: i for i, k in enumerate(BANDS)}
    kinds = sorted({k for k in nodes.values()}, key=lambda k: (rank.get(k, len(BANDS)), k))
    bands = [_order([n for n, k in nodes.items() if k == kind], degree) for kind in kinds]
    if not bands:
        return {}
    # Try row widths from narrow to wide; keep the one whose shape fits the target best.
    best: tuple[float, dict[str, tuple[float, float]]] | None = None
    widest_box = max(b.width for b in boxes.values())
    for step in range(0, 40):
        width = widest_box + step * 60
        pos, w, h = _place(bands, boxes, width)
        scale = max(w / aspect, h)  # the height it needs once shaped like the target
        if best is None or scale < best[0] - 1e-6:
            best = (scale, pos)
    assert best is not None
    return best[1]


def chain_layout(
    head: str, successors: list[str], labels: Mapping[str, str]
) -> dict[str, tuple[float, float]]:
    """An office at the top and its successors in order, left to right, under it."""
    boxes = {n: box(labels[n]) for n in (head, *successors)}
    pos = {head: (0.0, 0.0)}
    total = sum(boxes[n].width for n in successors) + 3 * GAP_X * (len(successors) - 1)
    x = -total / 2
    for node in successors:
        pos[node] = (round(x + boxes[node].width / 2, 1), 220.0)
        x += boxes[node].width + 3 * GAP_X
    return pos
