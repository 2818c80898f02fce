"""`kg viz --svg`: the printed graph as a vector SVG, checked against the view model, against
the printable page the PNG is taken of, and rendered in a real headless Chromium (network
blocked) for overlapping text."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from chromium import OFFLINE, headless_chromium
from selenium import webdriver
from test_viz import untranslated

from kg.api import KnowledgeGraph
from kg.compare import PRESET, CompareModel, compare_html, load_compare
from kg.config import ROOT
from kg.page_words import COMPARE_WORDS
from kg.viz import PRESET_TEXT, PRINT_SIZES, PRINT_WORDS, ViewModel, load_view, render_html
from kg.viz_svg import Scene, compare_scene, render_svg, view_scene

ARTIFACTS = ROOT / "test-artifacts"
SVG = "{http://www.w3.org/2000/svg}"
LANGS = ("en", "ru", "kk")
VIEWS = ("overview", "appointments", "legislative", "checks", "succession", "rights", PRESET)
# Words that ask the reader to hover or click: nonsense on paper.
INTERACTIVE = re.compile(r"hover|click|наведите|щёлкните|нажмите|меңзер|басыңыз", re.IGNORECASE)


@pytest.fixture(scope="module")
def model(graph: KnowledgeGraph) -> ViewModel:
    return load_view(graph)


@pytest.fixture(scope="module")
def compared(graph: KnowledgeGraph) -> CompareModel:
    return load_compare(graph, "1995", "2026")


def scene(model: ViewModel, compared: CompareModel, view: str, lang: str, size: str) -> Scene:
    if view == PRESET:
        return compare_scene(compared, lang, PRINT_SIZES[size])
    return view_scene(model, lang, view, PRINT_SIZES[size])


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element, cls: str) -> list[str]:
    """The words of every <text> of a class, its lines joined by spaces."""
    return [
        " ".join(" ".join(t.itertext()).split())
        for t in root.iter(f"{SVG}text")
        if t.get("class") == cls
    ]


def shown_view(model: ViewModel, compared: CompareModel, view: str) -> ViewModel:
    return compared.view if view == PRESET else model


def expected_labels(view_model: ViewModel, preset: str, lang: str) -> list[str]:
    """The label of every box a view shows, from the view model."""
    shown, _ = view_model.visible(preset)
    return sorted(" ".join(n.labels[lang].split()) for n in view_model.nodes if n.id in shown)


# --- the SVG against the view model ----------------------------------------------------------


@pytest.mark.parametrize("size", sorted(PRINT_SIZES))
@pytest.mark.parametrize("view", VIEWS)
def test_the_svg_parses_and_its_view_box_is_the_page(
    model: ViewModel, compared: CompareModel, view: str, size: str
) -> None:
    svg, smallest = render_svg(scene(model, compared, view, "en", size), PRINT_SIZES[size])
    root = parse(svg)
    width, height = PRINT_SIZES[size]
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert (root.get("width"), root.get("height")) == (str(width), str(height))
    assert "DejaVu Sans" in (root.get("font-family") or "").split(",")[0]
    assert smallest >= 12, f"labels of {smallest} px cannot be read on a {size}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", VIEWS)
def test_one_text_per_box_in_the_language_and_one_line_per_visible_line(
    model: ViewModel, compared: CompareModel, view: str, lang: str
) -> None:
    root = parse(render_svg(scene(model, compared, view, lang, "slide"), PRINT_SIZES["slide"])[0])
    labels = expected_labels(shown_view(model, compared, view), view, lang)
    assert sorted(texts(root, "label")) == labels
    drawn = [g.get("id") for g in root.iter(f"{SVG}g") if g.get("class") == "line"]
    if view == PRESET:
        expected = compared.view.visible_lines(PRESET)
        shown, _ = compared.view.visible(PRESET)
        links = {k.id for k in compared.links if k.source in shown and k.target in shown}
        assert links
        assert {g.get("id") for g in root.iter(f"{SVG}g") if g.get("class") == "link"} == links
    else:
        expected = model.visible_lines(view)
    assert len(drawn) == len(expected) and set(drawn) == expected
    # every line has its arrowhead, in the line's own colour
    for g in root.iter(f"{SVG}g"):
        if g.get("class") in ("line", "link"):
            curve, arrow = list(g)
            assert arrow.get("class") == "arrow" and arrow.get("fill") == curve.get("stroke")


def test_lines_keep_the_page_s_colours_dashes_and_widths(model: ViewModel) -> None:
    root = parse(render_svg(view_scene(model, "en", "overview", (1920, 1080)), (1920, 1080))[0])
    lines = {ln.id: ln for ln in model.lines}
    _, edges = model.visible("overview")
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "line":
            continue
        ln, curve = lines[g.get("id") or ""], next(iter(g))
        assert curve.get("stroke") == ln.color
        dashes = curve.get("stroke-dasharray")
        assert bool(dashes) == bool(ln.dashes)
        if isinstance(ln.dashes, list):
            assert dashes == " ".join(str(d) for d in ln.dashes)
        carried = len(edges.intersection(ln.powers))
        assert float(curve.get("stroke-width") or 0) == round(1.5 + 1.2 * min(carried, 6), 2)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["overview", "checks", PRESET])
def test_caption_and_legend_are_in_the_image(
    model: ViewModel, compared: CompareModel, view: str, lang: str
) -> None:
    root = parse(render_svg(scene(model, compared, view, lang, "a4"), PRINT_SIZES["a4"])[0])
    caption = " ".join(
        "".join(t.itertext()).strip()
        for t in next(g for g in root.iter(f"{SVG}g") if g.get("id") == "caption")
        if t.tag == f"{SVG}text"
    )
    if view == PRESET:
        words = {
            k: w.format(old="1995", new="2026", year="{year}")
            for k, w in COMPARE_WORDS[lang].items()
        }
        name, text, note = words["name"], words["caption"], words["arrow_print"]
        view_model = compared.view
        samples = [words[k] for k in ("line_new", "line_old", "line_changed", "line_same")]
    else:
        name, text = PRESET_TEXT[view][lang]
        note = PRINT_WORDS[lang]["arrow"]
        view_model = model
        _, edges = model.visible(view)
        samples = sorted(
            PRINT_WORDS[lang]["dismissals"]
            if e.style == "dismissals"
            else model.families[e.style][lang]
            for e in model.edges
            if e.id in edges
        )
    assert " ".join(caption.split()) == f"{name}. {' '.join(text.split())}"
    shown, _ = view_model.visible(PRESET if view == PRESET else view)
    kinds = {n.kind for n in view_model.nodes if n.id in shown}
    keys = texts(root, "key")
    assert {view_model.kind_labels[k][lang] for k in kinds} <= set(keys)
    assert set(samples) <= set(keys)
    assert " ".join(texts(root, "note")) == " ".join(note.split())
    assert not INTERACTIVE.search(" ".join([caption, *keys, *texts(root, "note")]))


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("view", VIEWS)
def test_no_latin_words_in_a_russian_or_kazakh_svg(
    model: ViewModel, compared: CompareModel, view: str, lang: str
) -> None:
    root = parse(render_svg(scene(model, compared, view, lang, "slide"), PRINT_SIZES["slide"])[0])
    assert untranslated(" ".join(root.itertext())) == []


# --- in a real browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chromium("--hide-scrollbars", OFFLINE)
    yield driver
    driver.quit()


def show(browser: webdriver.Chrome, path: Path, size: tuple[int, int]) -> None:
    width, height = size
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    browser.get(path.as_uri())


# Each <text>'s box on the page, from getBBox() through the element's transform.
BOXES = """
const out = [];
for (const el of document.querySelectorAll("text")) {
  const b = el.getBBox(), m = el.getCTM();
  const a = new DOMPoint(b.x, b.y).matrixTransform(m);
  const c = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
  const g = el.parentNode, r = g.querySelector("rect");
  let box = null;
  if (el.getAttribute("class") === "label") {
    const rb = r.getBBox(), m2 = r.getCTM();
    const p = new DOMPoint(rb.x, rb.y).matrixTransform(m2);
    const q = new DOMPoint(rb.x + rb.width, rb.y + rb.height).matrixTransform(m2);
    box = [p.x, p.y, q.x, q.y];
  }
  out.push({cls: el.getAttribute("class") || "caption", text: el.textContent,
            rect: [a.x, a.y, c.x, c.y], box});
}
return out;
"""


@pytest.mark.parametrize("size", sorted(PRINT_SIZES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["overview", "succession", PRESET])
def test_no_text_overlaps_in_chromium_and_labels_stay_in_their_boxes(
    model: ViewModel,
    compared: CompareModel,
    browser: webdriver.Chrome,
    tmp_path: Path,
    view: str,
    lang: str,
    size: str,
) -> None:
    pixels = PRINT_SIZES[size]
    svg, _smallest = render_svg(scene(model, compared, view, lang, size), pixels)
    path = tmp_path / f"{view}.svg"
    path.write_text(svg, encoding="utf-8")
    show(browser, path, pixels)
    found = browser.execute_script(BOXES)
    assert len(found) == len(parse(svg).findall(f".//{SVG}text"))
    width, height = pixels
    for t in found:
        x0, y0, x1, y1 = t["rect"]
        assert x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height, t
        if t["box"]:  # a box's label fits inside the box
            bx0, by0, bx1, by1 = t["box"]
            assert bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1, t
    overlaps = [
        (a["text"], b["text"])
        for a, b in combinations(found, 2)
        if a["rect"][0] < b["rect"][2]
        and b["rect"][0] < a["rect"][2]
        and a["rect"][1] < b["rect"][3]
        and b["rect"][1] < a["rect"][3]
    ]
    assert overlaps == []
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"svg-{view}-{lang}-{size}.png"))


def legend_strip(browser: webdriver.Chrome, html: str, tmp_path: Path, size: str) -> list[str]:
    """The printable page's legend (what the PNG shows), entry by entry."""
    page = tmp_path / "print.html"
    page.write_text(html, encoding="utf-8")
    show(browser, page, PRINT_SIZES[size])
    started = time.perf_counter()
    while not browser.execute_script("return !!(window.kgView && window.kgView.settled)"):
        assert time.perf_counter() - started < 60, "the page did not settle"
        time.sleep(0.05)
    return browser.execute_script(
        "return [...document.querySelectorAll('#legend-strip > *')]"
        ".map(e => e.textContent.trim().split(/\\s+/).join(' '))"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["overview", "legislative", PRESET])
def test_the_svg_s_legend_is_the_png_s_and_neither_asks_to_hover(
    model: ViewModel,
    compared: CompareModel,
    browser: webdriver.Chrome,
    tmp_path: Path,
    view: str,
    lang: str,
) -> None:
    pixels = PRINT_SIZES["slide"]
    if view == PRESET:
        html = compare_html(compared, lang, printable=True, size=pixels)
    else:
        html = render_html(model, lang, view, printable=True, size=pixels)
    printed = legend_strip(browser, html, tmp_path, "slide")
    root = parse(render_svg(scene(model, compared, view, lang, "slide"), pixels)[0])
    assert [*texts(root, "key"), " ".join(texts(root, "note"))] == printed
    assert not INTERACTIVE.search(" ".join(printed))
    assert browser.execute_script("return kgView.offscreen()") == []


# --- the command ------------------------------------------------------------------------------


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_kg_viz_svg_writes_the_view_in_the_language_and_size(
    tmp_path: Path, compared: CompareModel
) -> None:
    out = tmp_path / "compare-kk.svg"
    done = kg("viz", "--compare", "1995", "2026", "--lang", "kk", "--size", "a4", "--svg", str(out))
    assert done.returncode == 0, done.stderr
    root = parse(out.read_text(encoding="utf-8"))
    assert root.get("viewBox") == "0 0 1754 1240" and root.get("lang") == "kk"
    assert sorted(texts(root, "label")) == expected_labels(compared.view, PRESET, "kk")
    smallest = re.search(r"smallest label ([\d.]+) px", done.stdout)
    assert smallest and float(smallest[1]) >= 12, done.stdout


MINI = Path(__file__).parent / "data" / "mini"


@pytest.mark.parametrize(
    ("where", "args"),
    [
        ("-o", ("viz", "-o", "{no}/p.html")),
        ("--png", ("viz", "--png", "{no}/p.png")),
        ("--svg", ("viz", "--svg", "{no}/p.svg")),
        ("--svg --compare", ("viz", "--compare", "1995", "2026", "--svg", "{no}/p.svg")),
        ("--dist", ("--dist", "{no}/dist", "viz", "--svg", "{tmp}/p.svg")),
    ],
)
def test_a_missing_directory_stops_viz_with_one_line_and_exit_3(
    tmp_path: Path, where: str, args: tuple[str, ...]
) -> None:
    no = tmp_path / "no"
    done = kg("--data", str(MINI), *(a.format(no=no, tmp=tmp_path) for a in args))
    assert done.returncode == 3, where
    assert done.stderr.count("\n") == 1 and "does not exist" in done.stderr, done.stderr
    assert str(no) in done.stderr and "Traceback" not in done.stderr
    assert not no.exists() and list(tmp_path.iterdir()) == []


def test_viz_svg_exit_codes_1_and_2(tmp_path: Path) -> None:
    # 1: nothing asked for, or a version the data does not have
    assert kg("--data", str(MINI), "viz").returncode == 1
    out = str(tmp_path / "x.svg")
    unknown = kg("--data", str(MINI), "viz", "--compare", "1990", "2026", "--svg", out)
    assert unknown.returncode == 1 and "1990" in unknown.stderr
    # 2: the data cannot be loaded
    broken = tmp_path / "data"
    subprocess.run(["cp", "-r", str(MINI), str(broken)], check=True)
    (broken / "institutions.yaml").write_text("- id: [\n", encoding="utf-8")
    done = kg("--data", str(broken), "--dist", str(tmp_path / "dist"), "viz", "--svg", out)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert not Path(out).exists()
