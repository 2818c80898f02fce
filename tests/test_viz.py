"""The graph view: the view model checked against the graph, and the page driven in a real
headless Chromium with the network blocked."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from kg.api import KnowledgeGraph
from kg.config import ROOT
from kg.viz import KIND_COLOURS, ViewModel, load_view, render_html

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def model(graph: KnowledgeGraph) -> ViewModel:
    return load_view(graph)


# --- the view model -------------------------------------------------------------------------


def test_one_edge_per_power_and_one_node_per_end(model: ViewModel, graph: KnowledgeGraph) -> None:
    powers = graph.query("SELECT ?p WHERE { ?p a ata:Power }").rows
    assert {e.id for e in model.edges} == {r["p"] for r in powers}
    ends = {x for e in model.edges for x in (e.source, e.target)}
    assert {n.id for n in model.nodes} == ends


def test_nodes_are_coloured_by_kind_and_labelled_in_three_languages(model: ViewModel) -> None:
    president = next(n for n in model.nodes if n.id == "president")
    assert president.color == KIND_COLOURS["head-of-state"]
    assert president.labels == {"en": "President", "ru": "Президент", "kk": "Президент"}
    assert president.full_labels["kk"] == "Қазақстан Республикасының Президенті"
    kurultai = next(n for n in model.nodes if n.id == "kurultai")
    assert kurultai.color == KIND_COLOURS["legislature"] and kurultai.labels["kk"] == "Құрылтай"
    assert all(set(n.labels) == {"en", "ru", "kk"} and all(n.labels.values()) for n in model.nodes)


def test_edges_carry_type_article_and_presets(model: ViewModel) -> None:
    appoint_pm = next(
        e
        for e in model.edges
        if (e.source, e.action, e.target) == ("president", "appoint", "prime-minister")
    )
    assert appoint_pm.citation == "46(4)" and appoint_pm.section == "3"
    assert appoint_pm.labels["ru"] == "назначает"
    assert "appointments" in appoint_pm.presets and "checks" not in appoint_pm.presets
    dissolve = next(e for e in model.edges if e.action == "dissolve" and e.target == "kurultai")
    assert "checks" in dissolve.presets and dissolve.dashes
    succession = [e for e in model.edges if "succession" in e.presets]
    assert {e.source for e in succession} == {
        "vice-president",
        "chair-of-kurultai",
        "prime-minister",
    }


def test_filters_in_the_model(model: ViewModel) -> None:
    all_nodes, all_edges = model.visible()
    assert len(all_edges) == len(model.edges) and len(all_nodes) == len(model.nodes)
    _, pres = model.visible(institution="president")
    assert all("president" in (e.source, e.target) for e in model.edges if e.id in pres)
    _, sec4 = model.visible(section="4")
    assert sec4 and all(e.section == "4" for e in model.edges if e.id in sec4)


def test_the_page_is_self_contained(model: ViewModel) -> None:
    html = render_html(model, "kk", "checks")
    # nothing loaded from elsewhere: no external script, stylesheet, import or url()
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)\s*=\s*["']?https?:""", html)
    assert not re.search(r"""(@import|url\()\s*["']?https?:""", html)
    assert "<link" not in html
    assert '"lang": "kk"' in html


# --- in a real browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(model: ViewModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "powers.html"
    path.write_text(render_html(model), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    binary = shutil.which("chromium")
    driver_binary = shutil.which("chromedriver")
    assert binary and driver_binary, "install the Debian packages chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1600,1000",
        # no network at all: every host name resolves to nothing
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_binary), options=options)
    yield driver
    driver.quit()


def settle(browser: webdriver.Chrome, page: Path) -> float:
    browser.get(page.as_uri())
    started = time.perf_counter()
    while not browser.execute_script("return !!(window.kgView && window.kgView.settled)"):
        assert time.perf_counter() - started < 60, "the layout did not settle"
        time.sleep(0.05)
    return browser.execute_script("return kgView.settledAt")  # ms since navigation start


def test_loads_offline_without_errors_or_requests(
    browser: webdriver.Chrome, page: Path, model: ViewModel
) -> None:
    browser.get_log("performance")
    settled_ms = settle(browser, page)
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    messages = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = [
        m["params"]["request"]["url"]
        for m in messages
        if m["method"] == "Network.requestWillBeSent"
    ]
    assert urls == [page.as_uri()]
    assert browser.execute_script("return kgView.rendered()") == {
        "nodes": len(model.nodes),
        "edges": len(model.edges),
    }
    assert browser.execute_script("return kgView.overlaps()") == 0
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-en.png"))
    (ARTIFACTS / "graph-timing.json").write_text(json.dumps({"settled_ms": settled_ms}))


def rendered(browser: webdriver.Chrome) -> tuple[set[str], set[str]]:
    got = browser.execute_script("return kgView.visible()")
    counts = browser.execute_script("return kgView.rendered()")
    assert counts == {"nodes": len(got["nodes"]), "edges": len(got["edges"])}
    return set(got["nodes"]), set(got["edges"])


def test_presets_and_filters_show_what_the_model_says(
    browser: webdriver.Chrome, page: Path, model: ViewModel
) -> None:
    settle(browser, page)
    for preset in ("appointments", "legislative", "checks", "succession", "rights", "all"):
        Select(browser.find_element(By.ID, "preset")).select_by_value(preset)
        assert rendered(browser) == model.visible(preset), preset
    Select(browser.find_element(By.ID, "institution")).select_by_value("kurultai")
    assert rendered(browser) == model.visible(institution="kurultai")
    Select(browser.find_element(By.ID, "section")).select_by_value("4")
    assert rendered(browser) == model.visible(institution="kurultai", section="4")
    browser.find_element(By.ID, "reset").click()
    assert rendered(browser) == model.visible()
    box = browser.find_element(By.CSS_SELECTOR, 'input[data-family="checks"]')
    box.click()
    families = set(model.families) - {"checks"}
    assert rendered(browser) == model.visible(families=families)
    assert browser.execute_script("return kgView.overlaps()") == 0
    browser.find_element(By.ID, "reset").click()


def test_language_switch_changes_the_labels(browser: webdriver.Chrome, page: Path) -> None:
    settle(browser, page)
    label = "return kgView.network.body.data.nodes.get('kurultai').label"
    assert browser.execute_script(label) == "Kurultai"
    Select(browser.find_element(By.ID, "lang")).select_by_value("kk")
    assert browser.execute_script(label) == "Құрылтай"
    assert browser.find_element(By.ID, "preset").text.startswith("Барлығы")
    Select(browser.find_element(By.ID, "lang")).select_by_value("ru")
    assert browser.execute_script(label) == "Курултай"
    assert browser.execute_script("return kgView.overlaps()") == 0
    browser.save_screenshot(str(ARTIFACTS / "graph-ru.png"))


def test_clicking_a_node_opens_its_panel_and_search_finds_it(
    browser: webdriver.Chrome, page: Path
) -> None:
    settle(browser, page)
    search = browser.find_element(By.ID, "search")
    search.send_keys("Prime Min")
    hits = browser.execute_script("return kgView.searchHits")
    assert "prime-minister" in hits and "president" not in hits
    point = browser.execute_script(
        "const n = kgView.network; const p = n.getPositions(['prime-minister'])['prime-minister'];"
        "return n.canvasToDOM(p);"
    )
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)
    ).click().perform()
    title = browser.find_element(By.ID, "panel-title").text
    assert title == "Prime Minister of the Republic of Kazakhstan"
    panel = browser.find_element(By.ID, "panel").text
    assert "art. 46(4)" in panel


def test_a_power_s_panel_shows_its_conditions_in_the_chosen_language(
    browser: webdriver.Chrome, page: Path
) -> None:
    settle(browser, page)
    power = "https://w3id.org/atazan/power/2026/president-dissolves-kurultai"
    for lang, words in (
        ("en", "not during a state of emergency or martial law"),
        ("ru", "Ограничение: не в период чрезвычайного или военного положения"),
        ("kk", "Шектеу: төтенше немесе соғыс жағдайы кезеңінде емес"),
    ):
        Select(browser.find_element(By.ID, "lang")).select_by_value(lang)
        browser.execute_script("kgView.showEdge(arguments[0])", power)
        assert words in browser.find_element(By.ID, "panel").text, lang


def test_kg_viz_writes_html_and_png(tmp_path: Path) -> None:
    out, png = tmp_path / "powers.html", tmp_path / "checks.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "viz",
            "--preset",
            "checks",
            "--lang",
            "ru",
            "-o",
            str(out),
            "--png",
            str(png),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").count('"preset": "checks"') == 1
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Parliament", "kurultai"),
        ("people's council", "halyk-kenesi"),
        ("ОМБУДСМЕН", "human-rights-commissioner"),
    ],
)
def test_search_finds_names_in_common_use_in_any_language(
    browser: webdriver.Chrome, page: Path, typed: str, expected: str
) -> None:
    settle(browser, page)  # the page opens in English: the Russian name must match too
    browser.find_element(By.ID, "search").send_keys(typed)
    hits = browser.execute_script("return kgView.searchHits")
    assert expected in hits, hits
