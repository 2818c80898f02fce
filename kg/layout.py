"""A deterministic layout of the graph of powers, computed when the page is written.

Nodes sit in bands by branch, in a fixed order read like text: the people at the top, then
the head of state, the legislature, the executive, ... and the matters powers act on at the
bottom. The bands follow one another in rows like words in a paragraph, a wider gap
between two bands; inside a band the busiest nodes (most lines in the view) come first.
Every label is broken at word boundaries into at most one, two or three lines, the same
limit for the whole view, and the rows are as wide as fits the graph area best. Of all
those choices the layout keeps the one whose labels are largest once the whole view is
fitted into the graph area of a 1024x768 screen (``ASPECT``). The same nodes and labels
always give the same layout, so a view opens settled and a preset always looks the same.

A succession view is drawn as an ordered chain instead: the office at the top and its
successors under it, first to last from left to right.

Sizes are in vis-network canvas units. The page draws labels at ``FONT`` units with the
line breaks and box widths computed here, so the boxes below are what the browser draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, pairwise

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
FONT = 16  # label size in canvas units; vis-network draws one line of a label this high
MARGIN = 6  # vis-network's margin around a label, on each side
# Corner radius of a kind's boxes (the matters powers act on are rounded); vis-network's
# getBoundingBox reports a box larger by its radius on each side.
RADIUS = {"matter": 10}
CORNER = 3
SPARE = 3  # canvas units of width a line gets beyond its estimate
GAP_X, GAP_Y, BAND_GAP = 12, 18, 26  # between boxes of a band, between rows, between bands
MAX_LINES = 3
# The graph area of a 1024x768 screen: the whole width (the controls fold away there) and
# what the caption leaves of the height; a wider screen only makes the labels larger.
ASPECT = 1024 / 700
CHAIN_DROP = 220  # how far below the office its successors sit

# How wide each character is drawn at FONT units: the advances of DejaVu Sans (the widest
# of the common sans-serif fonts a browser picks for "system-ui, sans-serif"), measured in
# headless Chromium and rounded up, so a line drawn in any of them fits its box.
_ADVANCES = (
    (5.0, "'ijlіIJІ ,.:;!|"),
    (6.5, "f-()tr/"),
    (9.5, "szгзэcсLFkтвьғчvxyухүұ"),
    (10.0, "яPРкқУГTТҮҰoоөaаeеёәб"),
    (10.5, "EhnuSbdgpqр0123456789лЗийKнп"),
    (11.5, "ңцAVАХЧBБВдRCСКҚ"),
    (12.5, "NИHНПмDGЦДЭЁЕЙЛYZXT"),
    (13.5, "OОӘӨыwюQU"),
    (14.0, "фMМФ"),
    (16.0, "жшщmWЫ"),
    (17.5, "ШЖЩЮ"),
)
_ADVANCE = {c: w for w, chars in _ADVANCES for c in chars}
_WIDE = 17.5  # any character not listed: as wide as the widest


def frame(kind: str) -> float:
    """What a drawn box of this kind adds to its label's width and height."""
    return 2 * MARGIN + 2 * RADIUS.get(kind, CORNER)


def text_width(text: str) -> float:
    """The width a line of text takes at FONT units, never less than the browser's."""
    return sum(_ADVANCE.get(c, _WIDE) for c in text)


def wrap(label: str, lines: int) -> tuple[str, ...]:
    """The label broken at word boundaries into at most ``lines`` lines, the widest line as
    narrow as it can be (and as few lines as give that width)."""
    words = label.split()
    best: tuple[float, tuple[str, ...]] = (text_width(label), (" ".join(words),))
    for count in range(2, min(lines, len(words)) + 1):
        for cuts in combinations(range(1, len(words)), count - 1):
            ends = (0, *cuts, len(words))
            split = tuple(" ".join(words[a:b]) for a, b in pairwise(ends))
            widest = max(text_width(line) for line in split)
            if widest < best[0] - 1e-9:
                best = (widest, split)
    return best[1]


@dataclass(frozen=True)
class Box:
    """A node's box as vis-network reports it (getBoundingBox): outer width and height; its
    label with line breaks; and ``frame``, what the box adds to the label's width."""

    width: float
    height: float
    text: str
    frame: float


@cache
def box(label: str, lines: int = 2, kind: str = "") -> Box:
    """The box of a label broken into at most ``lines`` lines, for a node of this kind."""
    split = wrap(label, lines)
    around = frame(kind)
    width = max(text_width(line) for line in split) + SPARE + around
    return Box(round(width), len(split) * FONT + around, "\n".join(split), around)


@dataclass
class Layout:
    """Where each node sits (its centre) and the box it is drawn in."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    boxes: dict[str, Box] = field(default_factory=dict)


def _order(ids: Iterable[str], degree: Mapping[str, int]) -> list[str]:
    """Busiest first."""
    return sorted(ids, key=lambda i: (-degree.get(i, 0), i))


@dataclass(frozen=True)
class _Line:
    """Nodes in the order they are laid out: each one's box and the gap before it when it
    follows the one before in a row (wider where a band begins)."""

    order: list[str]
    widths: list[float]
    heights: list[float]
    gaps: list[float]

    @classmethod
    def of(cls, order: list[str], band_of: Mapping[str, int], boxes: Mapping[str, Box]) -> _Line:
        gaps = [0.0] + [GAP_X if band_of[a] == band_of[b] else BAND_GAP for a, b in pairwise(order)]
        widths = [boxes[n].width for n in order]
        return cls(order, widths, [boxes[n].height for n in order], gaps)

    def breaks(self, width: float) -> tuple[list[int], float, float, float]:
        """Fill rows left to right, a new row where the next box would pass ``width``: the
        index that starts each row; the rows' extent (width, height); and the least row
        width that would pack them otherwise (a row's next box pulled up into it)."""
        starts, used, widest, height, tallest, pull = [0], 0.0, 0.0, 0.0, 0.0, float("inf")
        for i, (w, h, gap) in enumerate(zip(self.widths, self.heights, self.gaps, strict=True)):
            if i and used + gap + w > width:
                starts.append(i)
                pull = min(pull, used + gap + w)
                widest, height = max(widest, used), height + tallest + GAP_Y
                used, tallest = w, h
            else:
                used, tallest = used + (gap if i else 0.0) + w, max(tallest, h)
        return starts, max(widest, used), height + tallest, pull

    def place(self, width: float) -> dict[str, tuple[float, float]]:
        """Positions of the rows packed to ``width``, each row centred."""
        starts, *_ = self.breaks(width)
        pos: dict[str, tuple[float, float]] = {}
        y = 0.0
        for a, b in zip(starts, [*starts[1:], len(self.order)], strict=True):
            height = max(self.heights[a:b])
            total = sum(self.widths[a:b]) + sum(self.gaps[a + 1 : b])
            x = -total / 2
            for i in range(a, b):
                x += self.gaps[i] if i > a else 0.0
                pos[self.order[i]] = (round(x + self.widths[i] / 2, 1), round(y + height / 2, 1))
                x += self.widths[i]
            y += height + GAP_Y
        return pos


def bands_layout(
    nodes: Mapping[str, str],
    labels: Mapping[str, str],
    edges: Iterable[tuple[str, str]],
    aspect: float = ASPECT,
) -> Layout:
    """The layout of ``nodes`` (id → kind) with these ``labels``, given the lines drawn
    (pairs of ids), that shows its labels largest in an area ``aspect`` times as wide as it
    is high."""
    if not nodes:
        return Layout()
    degree: dict[str, int] = {}
    for a, b in edges:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    rank = {k: i for i, k in enumerate(BANDS)}
    kinds = sorted(set(nodes.values()), key=lambda k: (rank.get(k, len(BANDS)), k))
    band_of = {n: kinds.index(k) for n, k in nodes.items()}
    order = [
        n for kind in kinds for n in _order([n for n, k in nodes.items() if k == kind], degree)
    ]
    best: tuple[float, float, _Line, dict[str, Box]] | None = None
    for lines in range(1, MAX_LINES + 1):
        boxes = {n: box(labels[n], lines, kind) for n, kind in nodes.items()}
        line = _Line.of(order, band_of, boxes)
        widest_box = width = max(line.widths)
        # Every row width at which the packing changes, narrowest first, until the rows
        # are too wide to win: a full row is wider than its width less one box and gap.
        while width < float("inf"):
            _, w, h, pull = line.breaks(width)
            need = max(w / aspect, h)  # the height it takes once fitted to the area's shape
            if best is None or need < best[0] - 1e-6:
                best = (need, width, line, boxes)
            if (width - widest_box - BAND_GAP) / aspect > best[0]:
                break
            width = pull
    assert best is not None
    _, width, line, boxes = best
    return Layout(line.place(width), boxes)


def chain_layout(
    head: str,
    successors: list[str],
    labels: Mapping[str, str],
    kinds: Mapping[str, str],
    aspect: float = ASPECT,
) -> Layout:
    """An office at the top and its successors in order, left to right, under it."""
    best: tuple[float, Layout] | None = None
    for lines in range(1, MAX_LINES + 1):
        boxes = {n: box(labels[n], lines, kinds[n]) for n in (head, *successors)}
        pos = {head: (0.0, 0.0)}
        total = sum(boxes[n].width for n in successors) + 3 * GAP_X * (len(successors) - 1)
        x = -total / 2
        for node in successors:
            pos[node] = (round(x + boxes[node].width / 2, 1), float(CHAIN_DROP))
            x += boxes[node].width + 3 * GAP_X
        tallest = max(b.height for b in boxes.values())
        need = max(max(total, boxes[head].width) / aspect, CHAIN_DROP + tallest)
        if best is None or need < best[0] - 1e-6:
            best = (need, Layout(pos, boxes))
    assert best is not None
    return best[1]
