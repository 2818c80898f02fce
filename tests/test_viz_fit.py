"""Every view of the graph fits the screen (issue 11): at 1366x768 and 1024x768, in every
language, each view opens settled within a second with every box inside the visible graph
area, every label at least 12 px high and no two boxes overlapping; a view or filter
chosen in the page does too. Measured in a real headless Chromium with the network
blocked, from the page's own vis-network positions (getBoundingBox, canvasToDOM)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from chromium import graph_browser, settle
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from kg import viz_rights
from kg.api import KnowledgeGraph
from kg.compare import PRESET as COMPARE
from kg.compare import CompareModel, compare_html, load_compare
from kg.config import ROOT
from kg.layout import BANDS, FONT
from kg.viz import LANGS, PRESETS, ViewModel, load_view, render_html

SHOTS = ROOT / "test-artifacts" / "fit"
SIZES = [(1366, 768), (1024, 768)]
VIEWS = [*PRESETS, COMPARE]
SMALLEST_LABEL = 12  # px on screen
SETTLED_WITHIN = 1000  # ms from navigation start

# Every shown node's box on screen (CSS pixels, relative to the graph area), its label's
# height on screen, its box in canvas units, and the graph area and the window.
MEASURE = """
const v = kgView, n = v.network, el = document.getElementById("graph"), scale = n.getScale();
const data = n.body.data.nodes, area = el.getBoundingClientRect();
const nodes = {};
for (const id of v.visible().nodes) {
  const b = n.getBoundingBox(id);
  const a = n.canvasToDOM({x: b.left, y: b.top}), c = n.canvasToDOM({x: b.right, y: b.bottom});
  nodes[id] = {left: a.x, top: a.y, right: c.x, bottom: c.y, label: data.get(id).font.size * scale,
               width: b.right - b.left, height: b.bottom - b.top};
}
return {nodes, width: el.clientWidth, height: el.clientHeight,
        area: [area.left, area.top, area.right, area.bottom],
        window: [window.innerWidth, window.innerHeight]};
"""


@pytest.fixture(scope="module")
def model(graph: KnowledgeGraph) -> ViewModel:
    return load_view(graph)


@pytest.fixture(scope="module")
def compare(graph: KnowledgeGraph) -> CompareModel:
    return load_compare(graph, "1995", "2026")


@pytest.fixture(scope="module")
def pages(
    model: ViewModel, compare: CompareModel, tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("fit")
    out = {}
    for lang in LANGS:
        for view in VIEWS:
            html = (
                compare_html(compare, lang) if view == COMPARE else render_html(model, lang, view)
            )
            out[view, lang] = folder / f"{view}-{lang}.html"
            out[view, lang].write_text(html, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = graph_browser("1600,1000")
    yield driver
    driver.quit()


def screen(browser: webdriver.Chrome, width: int, height: int) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def settle_fastest(browser: webdriver.Chrome, page: Path, loads: int = 3) -> float:
    """The fastest of up to ``loads`` loads of the page: the tests share the machine with
    other work, which can stall one load; a page slow every time still fails."""
    fastest = settle(browser, page)
    for _ in range(loads - 1):
        if fastest < SETTLED_WITHIN:
            break
        fastest = min(fastest, settle(browser, page))
    return fastest


def shown(model: ViewModel, compare: CompareModel, view: str) -> set[str]:
    if view == COMPARE:
        return {n.id for n in compare.view.nodes}
    return model.visible(view)[0]


def check_fit(got: dict[str, Any], where: Any) -> float:
    """Every box inside the graph area (itself inside the window), every label readable,
    no two boxes overlapping; the smallest label's height."""
    left, top, right, bottom = got["area"]
    assert left >= 0 and top >= 0 and right <= got["window"][0] + 0.5, where
    assert bottom <= got["window"][1] + 0.5, where
    boxes = got["nodes"]
    outside = sorted(
        id
        for id, b in boxes.items()
        if b["left"] < -0.5
        or b["top"] < -0.5
        or b["right"] > got["width"] + 0.5
        or b["bottom"] > got["height"] + 0.5
    )
    assert outside == [], (where, len(outside), len(boxes), outside[:5])
    smallest = min(b["label"] for b in boxes.values())
    assert smallest >= SMALLEST_LABEL, (where, smallest)
    overlapping = [
        (a, b)
        for (a, p), (b, q) in combinations(sorted(boxes.items()), 2)
        if p["left"] < q["right"]
        and q["left"] < p["right"]
        and p["top"] < q["bottom"]
        and q["top"] < p["bottom"]
    ]
    assert overlapping == [], (where, overlapping[:5])
    return smallest


def laid_out(model: ViewModel, compare: CompareModel, view: str, lang: str) -> dict[str, Any]:
    return (compare.view if view == COMPARE else model).boxes[lang][view]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_view_opens_whole_readable_and_apart(
    browser: webdriver.Chrome,
    pages: dict[tuple[str, str], Path],
    model: ViewModel,
    compare: CompareModel,
    view: str,
    lang: str,
    width: int,
    height: int,
) -> None:
    screen(browser, width, height)
    settled = settle_fastest(browser, pages[view, lang])
    got = browser.execute_script(MEASURE)
    where = (view, lang, width, height)
    assert set(got["nodes"]) == shown(model, compare, view), where
    smallest = check_fit(got, where)
    # Drawn exactly as laid out: no label broken again by the browser, no box wider.
    boxes = laid_out(model, compare, view, lang)
    drawn_otherwise = {
        id: (b["width"], b["height"], boxes[id].width, boxes[id].height)
        for id, b in got["nodes"].items()
        if abs(b["width"] - boxes[id].width) > 1 or abs(b["height"] - boxes[id].height) > 1
    }
    assert drawn_otherwise == {}, where
    assert settled < SETTLED_WITHIN, (where, settled)
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{view}-{lang}-{width}x{height}.png"))
    print(f"{view} {lang} {width}x{height}: smallest label {smallest:.1f} px, {settled:.0f} ms")


def test_views_and_filters_chosen_on_a_small_screen_fit_too(
    browser: webdriver.Chrome, pages: dict[tuple[str, str], Path], model: ViewModel
) -> None:
    """At 1024x768 the controls fold behind a button; every view chosen there moves to its
    own layout and fits, a filter packs its nodes again and fits, and Reset returns to the
    view the page opened with."""
    screen(browser, 1024, 768)
    try:
        settle(browser, pages["checks", "ru"])
        assert not browser.find_element(By.ID, "preset").is_displayed()
        browser.find_element(By.ID, "menu").click()
        assert browser.find_element(By.ID, "menu").get_attribute("aria-expanded") == "true"
        for view in ("overview", "appointments", "legislative", "succession", "rights"):
            Select(browser.find_element(By.ID, "preset")).select_by_value(view)
            got = browser.execute_script(MEASURE)
            assert set(got["nodes"]) == model.visible(view)[0], view
            check_fit(got, view)
            positions = browser.execute_script("return kgView.positions()")
            want = model.layouts["ru"][view]
            assert all(
                abs(positions[id]["x"] - want[id][0]) <= 1
                and abs(positions[id]["y"] - want[id][1]) <= 1
                for id in want
            ), view
        Select(browser.find_element(By.ID, "preset")).select_by_value("overview")
        Select(browser.find_element(By.ID, "institution")).select_by_value("president")
        got = browser.execute_script(MEASURE)
        assert set(got["nodes"]) == model.visible("overview", institution="president")[0]
        check_fit(got, "overview, the President's powers")
        browser.find_element(By.ID, "reset").click()
        assert browser.execute_script("return kgView.state.preset") == "checks"
        check_fit(browser.execute_script(MEASURE), "reset")
        browser.find_element(By.ID, "fold-close").click()
        assert not browser.find_element(By.ID, "preset").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_layouts_read_like_text_band_by_band(model: ViewModel, compare: CompareModel) -> None:
    """The bands follow one another in reading order (left to right, row by row): the
    people first, then the head of state, and so on; nodes never overlap in the layout."""
    rank = {k: i for i, k in enumerate(BANDS)}
    kinds = {n.id: n.kind for n in [*model.nodes, *compare.view.nodes]}
    for lang in LANGS:
        views = [(v, model) for v in PRESETS if v != "succession"] + [(COMPARE, compare.view)]
        for view, source in views:
            spots = source.layouts[lang][view]
            boxes = source.boxes[lang][view]
            reading = sorted(spots, key=lambda n: (spots[n][1], spots[n][0]))  # row by row
            if view == viz_rights.PRESET:  # its own bands: holders, groups, guardians
                _, edges = source.visible(view)
                holders = {e.source for e in source.edges if e.id in edges and e.family == "holds"}
                types = {n.id: n.type for n in source.nodes if n.id in spots}
                band = viz_rights.bands(spots, types, holders)
                ranks = [band[n] for n in reading]
            else:
                ranks = [rank.get(kinds[n], len(BANDS)) for n in reading]
            assert ranks == sorted(ranks), (lang, view)
            for a, b in combinations(spots, 2):
                (xa, ya), (xb, yb) = spots[a], spots[b]
                apart_x = abs(xa - xb) >= (boxes[a].width + boxes[b].width) / 2
                apart_y = abs(ya - yb) >= (boxes[a].height + boxes[b].height) / 2
                assert apart_x or apart_y, (lang, view, a, b)
            assert all(line.strip() for b in boxes.values() for line in b.text.split("\n"))
            assert all(
                b.height == FONT * (b.text.count("\n") + 1) + b.frame for b in boxes.values()
            )
