"""The compare view (`kg viz --compare 1995 2026`, `/graph?compare=1995,2026`): the model
checked against the rows of `kg.diff`, and the page driven in a real headless Chromium with
the network blocked, with the helpers of tests/test_viz.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from itertools import combinations
from pathlib import Path

import pytest
from chromium import settle, wait_settled
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_viz import (  # the helpers and fixtures of the graph view's tests
    ARTIFACTS,
    browser,
    served,
    untranslated,
)

from kg import ids
from kg.api import KnowledgeGraph
from kg.colours import CVD, distance, rgb, simulate
from kg.compare import (
    CHANGED,
    CLASS_STYLES,
    NEW_ONLY,
    OLD_ONLY,
    PRESET,
    SAME,
    CompareModel,
    compare_html,
    load_compare,
)
from kg.config import ROOT
from kg.diff import Change, diff, names_for, side_text, successors
from kg.page_words import COMPARE_LINK_WORDS, COMPARE_WORDS
from kg.records import Corpus
from kg.viz import load_view

__all__ = ["browser", "served"]  # fixtures, imported to be used here
OLD, NEW = "1995", "2026"
LANGS = ("en", "ru", "kk")


@pytest.fixture(scope="module")
def model(graph: KnowledgeGraph) -> CompareModel:
    return load_compare(graph, OLD, NEW)


@pytest.fixture(scope="module")
def rows(corpus: Corpus) -> list[Change]:
    """The power rows of the comparison, straight from kg.diff (not through the graph)."""
    return [c for c in diff(corpus, OLD, NEW, names_for(corpus)) if c.kind == "power"]


def version_of(power: str) -> str:
    return OLD if f"/power/{OLD}/" in power else NEW


# --- the model ----------------------------------------------------------------------------


def test_every_line_is_classed_by_the_diff_rows(model: CompareModel, rows: list[Change]) -> None:
    status: dict[str, str] = {}
    for c in rows:
        if c.from_id:
            status[str(ids.power(OLD, c.from_id))] = c.change
        if c.to_id:
            status[str(ids.power(NEW, c.to_id))] = c.change
    expected = {}
    for line in model.view.lines:
        versions = {version_of(p) for p in line.powers}
        if versions == {OLD}:
            expected[line.id] = OLD_ONLY
        elif versions == {NEW}:
            expected[line.id] = NEW_ONLY
        else:
            expected[line.id] = CHANGED if any(p in status for p in line.powers) else SAME
    assert model.classes == expected
    assert {OLD_ONLY, NEW_ONLY, CHANGED, SAME} == set(expected.values())
    # a line whose powers the diff all reports as removed is drawn as only in 1995
    removed = {p for p, s in status.items() if s == "removed"}
    gone = [ln for ln in model.view.lines if set(ln.powers) <= removed]
    assert gone and all(model.classes[ln.id] == OLD_ONLY for ln in gone)
    added = {p for p, s in status.items() if s == "added"}
    new = [ln for ln in model.view.lines if set(ln.powers) <= added]
    assert new and all(model.classes[ln.id] == NEW_ONLY for ln in new)
    # and every class is drawn in its own style
    for line in model.view.lines:
        assert (line.color, line.dashes) == CLASS_STYLES[model.classes[line.id]]
        assert (line.label == "≠") == (model.classes[line.id] == CHANGED)


def test_no_body_of_one_version_carries_lines_of_the_other(
    model: CompareModel, corpus: Corpus
) -> None:
    one_version = {a.id: a.versions[0] for a in corpus.all_agents() if len(a.versions) == 1}
    shown = {n.id for n in model.view.nodes}
    assert model.only == {k: v for k, v in one_version.items() if k in shown}
    assert {"senate", "mazhilis", "parliament-1995", "assembly-of-people-of-kazakhstan"} <= set(
        k for k, v in model.only.items() if v == OLD
    )
    assert {"kurultai", "vice-president", "halyk-kenesi"} <= set(
        k for k, v in model.only.items() if v == NEW
    )
    for line in model.view.lines:
        for end in (line.source, line.target):
            if end in model.only:
                assert {version_of(p) for p in line.powers} == {model.only[end]}, line.id
    labels = {n.id: n.labels for n in model.view.nodes}
    for node, year in model.only.items():
        assert all(label.endswith(f"({year})") for label in labels[node].values())


def test_the_nodes_are_the_union_of_both_overviews(
    model: CompareModel, graph: KnowledgeGraph
) -> None:
    union = load_view(graph, OLD).visible()[0] | load_view(graph, NEW).visible()[0]
    assert [n.id for n in model.view.nodes] == sorted(union)  # one node per IRI
    assert model.view.visible(PRESET)[0] == union


def test_a_changed_power_shows_the_diff_s_before_and_after(
    model: CompareModel, rows: list[Change], corpus: Corpus
) -> None:
    names = {lang: names_for(corpus, lang) for lang in LANGS}
    drawn = {e.id for e in model.view.edges}  # between bodies, as in the overview
    # a newer power may be the pair of two older ones (both chambers' powers, folded)
    by_new: dict[str, list[Change]] = {}
    for c in rows:
        if c.change == "changed":
            by_new.setdefault(str(ids.power(NEW, c.to_id)), []).append(c)
    checked = 0
    for b, pairs in by_new.items():
        if b not in drawn:
            continue
        items = [i for entries in model.items.values() for i in entries if b in i.powers]
        assert items, b
        for item in items:
            assert item.status == "changed" and item.version == "both"
            shown = [
                c
                for c in pairs
                if item.articles == {OLD: [c.article_from], NEW: [c.article_to]}
                and all(
                    item.before[lang] == side_text(c.raw_before, names[lang], lang)
                    and item.after[lang] == side_text(c.raw_after, names[lang], lang)
                    for lang in LANGS
                )
            ]
            assert shown, b
            if str(ids.power(OLD, shown[0].from_id)) in item.powers:
                assert item.sentences == [b]
        checked += 1
    assert checked > 10


def test_every_power_appears_once_on_its_line_s_panel(model: CompareModel) -> None:
    for line in model.view.lines:
        listed = [p for i in model.items[line.id] for p in i.powers]
        assert sorted(listed) == sorted(line.powers), line.id


def test_the_bodies_that_took_another_s_place_are_linked(
    model: CompareModel, corpus: Corpus
) -> None:
    mapping = successors(corpus, corpus.document(NEW))
    shown = {n.id for n in model.view.nodes}
    want = {(o, n) for o, n in mapping.items() if o in shown and n in shown}
    assert {(k.source, k.target) for k in model.links} == want
    replaced = {k.source: k for k in model.links if k.relation == "replacement"}
    assert set(replaced) == {"parliament-1995", "senate", "mazhilis"}
    assert {k.citation for k in replaced.values()} == {"95(1)"}


def test_one_deterministic_layout_of_every_body(model: CompareModel, graph: KnowledgeGraph) -> None:
    again = load_compare(graph, NEW, OLD)  # either order: the earlier first
    assert (again.old, again.new) == (OLD, NEW)
    assert again.view.layouts == model.view.layouts
    for lang in LANGS:
        assert set(model.view.layouts[lang][PRESET]) == {n.id for n in model.view.nodes}


def test_line_classes_stay_apart_for_colour_blind_readers() -> None:
    colours = sorted({c for c, _ in CLASS_STYLES.values()})
    for deficiency in (*CVD, None):
        seen = [simulate(c, deficiency) if deficiency else rgb(c) for c in colours]
        assert min(distance(a, b) for a, b in combinations(seen, 2)) >= 12, deficiency


def test_the_page_is_self_contained(model: CompareModel) -> None:
    html = compare_html(model, "kk")
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)\s*=\s*["']?https?:""", html)
    assert not re.search(r"""(@import|url\()\s*["']?https?:""", html)
    assert "<link" not in html and '"lang": "kk"' in html


def test_an_unknown_version_is_one_clear_line(tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    done = subprocess.run(
        [sys.executable, "-m", "kg", "viz", "--compare", OLD, "1990", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "1990" in lines[0] and OLD in lines[0] and NEW in lines[0]
    assert not out.exists()


# --- in a real browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(model: CompareModel, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("compare")
    found = {}
    for lang in LANGS:
        found[lang] = folder / f"compare-{lang}.html"
        found[lang].write_text(compare_html(model, lang), encoding="utf-8")
    return found


def test_loads_offline_without_errors_or_requests(
    browser: webdriver.Chrome, pages: dict[str, Path], model: CompareModel
) -> None:
    browser.get_log("performance")
    settle(browser, pages["en"])
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    messages = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = [
        m["params"]["request"]["url"]
        for m in messages
        if m["method"] == "Network.requestWillBeSent"
    ]
    assert urls == [pages["en"].as_uri()]
    nodes, _ = model.view.visible(PRESET)
    assert browser.execute_script("return kgView.rendered()") == {
        "nodes": len(nodes),
        "edges": len(model.view.lines) + len(model.links),
    }
    assert browser.execute_script("return kgView.lines()") == sorted(model.classes)
    assert browser.execute_script("return kgView.links()") == sorted(k.id for k in model.links)


@pytest.mark.parametrize("width", [1366, 1024])
def test_labels_are_readable_and_apart_in_every_language(
    browser: webdriver.Chrome, pages: dict[str, Path], width: int
) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        for lang in LANGS:
            settle(browser, pages[lang])
            height = browser.execute_script("return kgView.labelHeight()")
            assert height >= 12, (lang, height)
            assert browser.execute_script("return kgView.overlaps()") == 0, lang
            browser.save_screenshot(str(ARTIFACTS / f"compare-{lang}-{width}x768.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def changed_line(model: CompareModel) -> str:
    """A line whose panel holds a changed pair, with before and after that differ."""
    return next(
        line
        for line in sorted(model.items)
        for i in model.items[line]
        if i.status == "changed" and len(i.powers) == 2 and i.before["en"] != i.after["en"]
    )


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_word_is_in_the_language(
    browser: webdriver.Chrome, pages: dict[str, Path], model: CompareModel, lang: str
) -> None:
    settle(browser, pages[lang])
    controls = browser.execute_script(
        "const c = document.getElementById('controls').cloneNode(true);"
        "c.querySelector('#lang').remove(); return c.innerText;"
    )
    caption = browser.find_element(By.ID, "caption").text
    assert untranslated(controls) == [] and untranslated(caption) == []
    assert untranslated(browser.title) == ["Ata", "Zan"]
    for shown in (changed_line(model), model.links[0].id, *sorted(model.classes)[:40]):
        browser.execute_script("kgView.showEdge(arguments[0])", shown)
        panel = browser.find_element(By.ID, "panel").text
        assert panel and untranslated(panel) == [], (shown, untranslated(panel))
        tip = browser.execute_script(
            "return kgView.network.body.data.edges.get(arguments[0]).title.textContent", shown
        )
        assert tip and untranslated(tip) == [], (shown, tip)
    for node in ("kurultai", "senate", "president"):
        browser.execute_script("kgView.showNode(arguments[0])", node)
        assert untranslated(browser.find_element(By.ID, "panel").text) == [], node


def test_a_line_s_panel_shows_versions_and_what_differs(
    browser: webdriver.Chrome, pages: dict[str, Path], model: CompareModel
) -> None:
    line = changed_line(model)
    item = next(i for i in model.items[line] if i.status == "changed" and len(i.powers) == 2)
    gone = next(ln for ln in sorted(model.classes) if model.classes[ln] == OLD_ONLY)
    for lang in LANGS:
        words = {k: v.format(old=OLD, new=NEW, year=OLD) for k, v in COMPARE_WORDS[lang].items()}
        settle(browser, pages[lang])
        browser.execute_script("kgView.showEdge(arguments[0])", line)
        panel = browser.find_element(By.ID, "panel").text
        for want in (
            f"{words['before']}: {item.before[lang]}",
            f"{words['after']}: {item.after[lang]}",
            f"{words['version']}: {words['both']}",
            f"{words['change']}: {words['status_changed']}",
            words["line_changed"],
        ):
            assert want in panel, (lang, want)
        for year, cited in item.articles.items():
            assert all(c in panel for c in cited) and f"{year}:" in panel
        browser.execute_script("kgView.showEdge(arguments[0])", gone)
        panel = browser.find_element(By.ID, "panel").text
        assert words["line_old"] in panel and f"{words['version']}: {OLD}" in panel, lang


def test_a_version_shows_its_lines_and_every_body_keeps_its_place(
    browser: webdriver.Chrome, pages: dict[str, Path], model: CompareModel
) -> None:
    settle(browser, pages["en"])
    where = (
        "const n = kgView.network;"
        "return Object.fromEntries(n.body.nodeIndices.map(id => "
        "[id, n.canvasToDOM(n.getPositions([id])[id])]));"
    )
    both = browser.execute_script(where)
    for year in (OLD, NEW):
        Select(browser.find_element(By.ID, "version")).select_by_value(year)
        lines = set(browser.execute_script("return kgView.lines()"))
        assert lines == {
            ln.id for ln in model.view.lines if any(version_of(p) == year for p in ln.powers)
        }
        assert browser.execute_script("return kgView.links()") == []
        shown = browser.execute_script(where)
        assert shown and set(shown) < set(both)
        for node, point in shown.items():
            assert abs(point["x"] - both[node]["x"]) < 1 and abs(point["y"] - both[node]["y"]) < 1
        others = {n for n, v in model.only.items() if v != year}
        assert not others & set(shown)
    browser.find_element(By.ID, "reset").click()
    assert len(browser.execute_script("return kgView.lines()")) == len(model.classes)


def test_the_server_draws_it_and_the_graph_page_links_to_it(
    browser: webdriver.Chrome, served: str, model: CompareModel
) -> None:
    browser.get(f"{served}/graph?lang=ru")
    wait_settled(browser)
    link = browser.find_element(By.ID, "other-view")
    assert link.text == COMPARE_LINK_WORDS["ru"].format(old=OLD)
    assert link.get_attribute("href").endswith(f"/graph?compare={OLD},{NEW}&lang=ru")
    link.click()
    wait_settled(browser)
    assert browser.execute_script("return kgView.state.version") == ""
    assert browser.execute_script("return document.documentElement.lang") == "ru"
    assert len(browser.execute_script("return kgView.lines()")) == len(model.classes)
    browser.get(f"{served}/graph?compare={OLD},{NEW}&lang=kk")
    wait_settled(browser)
    assert browser.title.startswith(COMPARE_WORDS["kk"]["title"].format(old=OLD, new=NEW))
    for asked, lang, word in (
        (f"{OLD},1990", "ru", "1990"),
        (OLD, "kk", "compare=1995,2026"),
        (f"{OLD},{OLD}", "en", "no comparison"),
    ):
        request = urllib.request.Request(
            f"{served}/graph?compare={asked}&lang={lang}", headers={"Accept": "application/json"}
        )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=60)
        assert caught.value.code == 400
        detail = json.loads(caught.value.read())["error"]["detail"]
        assert word in detail, detail
        if lang != "en":
            assert untranslated(detail.replace("compare", "")) == [], detail


def test_kg_viz_compare_writes_html_and_png(tmp_path: Path) -> None:
    out, png = tmp_path / "compare.html", tmp_path / "compare.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "viz",
            "--compare",
            OLD,
            NEW,
            "--lang",
            "kk",
            "-o",
            str(out),
            "--png",
            str(png),
            "--size",
            "a4",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").count('"compare": {"old": "1995", "new": "2026"') == 1
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1754, 1240)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(png, ARTIFACTS / "compare-kk-a4.png")
