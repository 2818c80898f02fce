"""Lay an official text over the provision tree: `kg import-text FILE --lang ru|kk|en`.

The file is laid out as the official text: section headings ("Раздел I.", "I бөлім",
"Section I"), article headings ("Статья 1.", "1-бап.", "Article 1."), then one line per
paragraph ("1."), item ("1)") or unnumbered part. The provision tree of `data/` mirrors that
layout line by line, so the two can be aligned article by article: each line the file has
and the tree lacks is reported, and each provision with text of its own that the file
lacks. Matched wording becomes language-tagged `ata:officialText` in a graph of its own,
written to a file: never into `data/`, and never shipped with the project.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Literal

from kg import ids
from kg.errors import KGError
from kg.namespaces import ATA, PREFIXES
from kg.provisions import Placed, ProvisionIndex, has_own_text
from kg.records import Document

_ROMAN = re.compile(r"^[IVXLC]+$")
SECTION_HEADINGS = {
    "ru": re.compile(r"^Раздел\s+([IVXLC]+|\d+)\b", re.I),
    "kk": re.compile(r"^(?:([IVXLC]+|\d+)[\s-]*бөлім|бөлім\s+([IVXLC]+|\d+))\b", re.I),
    "en": re.compile(r"^Section\s+([IVXLC]+|\d+)\b", re.I),
}
ARTICLE_HEADINGS = {
    "ru": re.compile(r"^Статья\s+(\d+(?:-\d+)?)\s*\.?\s*$", re.I),
    "kk": re.compile(r"^(?:(\d+)\s*-\s*бап|бап\s+(\d+(?:-\d+)?))\s*\.?\s*$", re.I),
    "en": re.compile(r"^Article\s+(\d+(?:-\d+)?)\s*\.?\s*$", re.I),
}
# Numbers may be inserted ones: "3-1." between 3 and 4, "10-1)".
PARAGRAPH = re.compile(r"^(\d+(?:-\d+)?)\.\s+(.*)$")
ITEM = re.compile(r"^(\d+(?:-\d+)?)\)\s+(.*)$")
# The footnotes and notes of an official edition: not text of the Constitution.
EDITORIAL = re.compile(r"^(Сноска|Примечание|Ескерту|Ескертпе|Footnote|Note)\b", re.I)


@dataclass(frozen=True)
class Line:
    number: int  # line number in the file
    article: str
    marker: tuple[str, str] | None  # ("para", "3"), ("item", "1") or None
    text: str  # without its number


# The marker of an article's heading line: it has no text of its own to match, but tells
# that the article is in the file (a repealed one has nothing else).
HEADING = ("heading", "")


@dataclass
class Alignment:
    matched: list[tuple[Placed, Line]] = field(default_factory=list)
    extra_lines: list[Line] = field(default_factory=list)  # in the file, not in the graph
    missing: list[Placed] = field(default_factory=list)  # in the graph, not in the file
    articles_in_file: set[str] = field(default_factory=set)
    articles_matched: set[str] = field(default_factory=set)

    @property
    def mismatches(self) -> int:
        return len(self.extra_lines) + len(self.missing)

    def report(self, path: Path) -> list[str]:
        lines = [
            f"{path}:{x.number}: article {x.article}: a paragraph with no provision in "
            f"the graph ({_marker_text(x.marker)}): {x.text[:60]}…"
            for x in self.extra_lines
        ]
        lines += [
            f"{p.citation} ({p.eid}): a provision with no paragraph in the file"
            for p in self.missing
        ]
        return lines


def _marker_text(marker: tuple[str, str] | None) -> str:
    if marker is None:
        return "unnumbered"
    return f"{marker[1]}." if marker[0] == "para" else f"{marker[1]})"


def read_text_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"cannot read {path}: {exc}") from exc


def detect_version(text: str, versions: Iterable[str]) -> str | None:
    """The constitution a text is, from the year of adoption its opening lines name."""
    head = " ".join(line for line in text.splitlines()[:30] if "Раздел" not in line)
    found = [(head.find(v), v) for v in versions if v in head]
    return min(found)[1] if found else None


def is_print_layout(text: str) -> bool:
    """A text extracted from a printed page (``pdftotext -layout``): each paragraph's first
    line is indented and the lines that continue it are not."""
    lines = [line for line in text.splitlines() if line.strip()]
    indented = sum(1 for line in lines if line[:1].isspace())
    return bool(lines) and indented >= len(lines) // 4


def read_official_text(path: Path, lang: str) -> list[Line]:
    """The file's lines under article headings, with their numbering; headers before the
    first section and blank lines are skipped. A text in print layout is read paragraph by
    paragraph instead (see :func:`read_print_layout`)."""
    if lang not in SECTION_HEADINGS:
        raise KGError(f"language must be ru, kk or en, not {lang!r}")
    text = read_text_file(path)
    if is_print_layout(text):
        return read_print_layout(path, text, lang)
    lines: list[Line] = []
    article: str | None = None
    started = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line:
            continue
        if SECTION_HEADINGS[lang].match(line):
            started = True
            article = None
            continue
        heading = ARTICLE_HEADINGS[lang].match(line)
        if heading:
            started = True
            article = next(g for g in heading.groups() if g)
            lines.append(Line(number, article, HEADING, ""))
            continue
        if not started or article is None:
            continue  # a preamble or a copier's header
        para, item = PARAGRAPH.match(line), ITEM.match(line)
        if para:
            lines.append(Line(number, article, ("para", para.group(1)), para.group(2)))
        elif item:
            lines.append(Line(number, article, ("item", item.group(1)), item.group(2)))
        else:
            lines.append(Line(number, article, None, line))
    if not lines:
        raise KGError(f"{path}: no article headings found for language {lang!r}")
    return lines


def read_print_layout(path: Path, text: str, lang: str) -> list[Line]:
    """Units of a text laid out as printed: an indented line starts a paragraph, an item or
    an unnumbered part; lines flush with the margin continue it. Footnotes and notes of the
    official edition ("Сноска.", "Примечание.") are skipped with their continuation lines,
    and page breaks are ignored."""
    lines: list[Line] = []
    article: str | None = None
    started = skipping = False
    unit: list[object] | None = None  # [line number, marker, words]

    def close() -> None:
        nonlocal unit
        if unit is not None and article is not None:
            number, marker, words = unit
            lines.append(Line(number, article, marker, " ".join(words)))  # type: ignore[arg-type]
        unit = None

    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.replace("\f", "")
        line = " ".join(raw.split())
        if not line:
            close()
            skipping = False
            continue
        if line.startswith("©"):
            break  # the publisher's footer ends the text
        if SECTION_HEADINGS[lang].match(line):
            close()
            started, article, skipping = True, None, False
            continue
        heading = ARTICLE_HEADINGS[lang].match(line)
        if heading:
            close()
            started, skipping = True, False
            article = next(g for g in heading.groups() if g)
            lines.append(Line(number, article, HEADING, ""))
            continue
        if not started or article is None:
            continue  # the preamble, a section's title
        if raw[:1].isspace():
            close()
            skipping = bool(EDITORIAL.match(line))
            if skipping:
                continue
            para, item = PARAGRAPH.match(line), ITEM.match(line)
            if para:
                unit = [number, ("para", para.group(1)), [para.group(2)]]
            elif item:
                unit = [number, ("item", item.group(1)), [item.group(2)]]
            else:
                unit = [number, None, [line]]
        elif not skipping and unit is not None:
            unit[2].append(line)  # type: ignore[union-attr]
    close()
    if not lines:
        raise KGError(f"{path}: no article headings found for language {lang!r}")
    return lines


def expected_units(index: ProvisionIndex) -> list[tuple[Placed, tuple[str, str] | None]]:
    """The provisions that carry a line of their own, in order, with the number the line
    must start with: a paragraph's or item's first line carries its number; parts after
    the first, and an article's own line, carry none."""
    units = []
    for placed in index.placed:
        if not has_own_text(placed):
            continue
        if placed.provision.repealed and not placed.provision.children and placed.kind == "article":
            continue  # a repealed article keeps its heading and nothing else
        units.append((placed, _line_marker(placed)))
    return units


def _line_marker(placed: Placed) -> tuple[str, str] | None:
    kind, number = placed.path[-1]
    if kind in ("para", "item"):
        return (kind, number)
    if kind == "part" and number == "1" and len(placed.path) > 1:
        parent_kind, parent_number = placed.path[-2]
        if parent_kind in ("para", "item"):
            return (parent_kind, parent_number)
    return None


def align(index: ProvisionIndex, lines: list[Line]) -> Alignment:
    result = Alignment()
    by_article: dict[str, list[Line]] = {}
    headed = {line.article for line in lines if line.marker == HEADING}
    curated = {p.article for p in index.placed}
    for line in lines:
        if line.marker != HEADING:
            by_article.setdefault(line.article, []).append(line)
    expected: dict[str, list[tuple[Placed, tuple[str, str] | None]]] = {}
    for placed, marker in expected_units(index):
        expected.setdefault(placed.article, []).append((placed, marker))
    result.articles_in_file = set(by_article) | headed
    for article in sorted(set(by_article) | set(expected) | headed, key=_article_order):
        have = by_article.get(article, [])
        want = expected.get(article, [])
        matcher = difflib.SequenceMatcher(
            a=[m for _, m in want], b=[x.marker for x in have], autojunk=False
        )
        clean = True
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                result.matched.extend(zip((p for p, _ in want[i1:i2]), have[j1:j2], strict=True))
            else:
                clean = False
                result.missing.extend(p for p, _ in want[i1:i2])
                result.extra_lines.extend(have[j1:j2])
        if have and want and clean:
            result.articles_matched.add(article)
        elif not have and not want and article in headed and article in curated:
            result.articles_matched.add(article)  # repealed: a heading, and a footnote at most
    return result


def _article_order(number: str) -> tuple[int, int]:
    main, _, inserted = number.partition("-")
    return int(main), int(inserted or 0)


def official_text_dataset(document: Document, alignment: Alignment, lang: str) -> Dataset:
    """The matched wording as `ata:officialText` in the graph …/graph/official-text-V-LANG.
    A provision split into parts also gets the joined wording of its parts."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    graph = dataset.graph(ids.graph(f"official-text-{document.version}-{lang}"))
    wording: dict[str, list[str]] = {}
    for placed, line in alignment.matched:
        wording.setdefault(placed.eid, []).append(line.text)
        if placed.kind == "part" and placed.parent is not None:
            wording.setdefault(placed.parent.eid, []).append(line.text)
    for eid, texts in sorted(wording.items()):
        graph.add(
            (
                ids.provision(document.version, eid),
                ATA.officialText,
                Literal("\n".join(texts), lang=lang),
            )
        )
    return dataset


def import_text(document: Document, path: Path, lang: str) -> tuple[Alignment, Dataset]:
    index = ProvisionIndex(document)
    alignment = align(index, read_official_text(path, lang))
    return alignment, official_text_dataset(document, alignment, lang)


def summarise(alignment: Alignment, document: Document) -> Iterable[str]:
    index_articles = {p.article for p in ProvisionIndex(document).placed}
    yield (
        f"articles: {len(alignment.articles_matched)} matched of {len(alignment.articles_in_file)}"
        f" in the file ({len(index_articles)} in the graph)"
    )
    yield f"paragraphs matched: {len(alignment.matched)}"
    yield f"paragraphs in the file without a provision: {len(alignment.extra_lines)}"
    yield f"provisions without a paragraph in the file: {len(alignment.missing)}"
