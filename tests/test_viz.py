"""The graph view: the view model checked against the graph, and the page driven in a real
headless Chromium with the network blocked."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from chromium import graph_browser, settle, wait_settled
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from kg import viz_rights
from kg.api import KnowledgeGraph
from kg.colours import CVD, contrast, distance, rgb, simulate
from kg.config import ROOT
from kg.queries import QueryRegistry
from kg.viz import (
    CHECK_ACTIONS,
    KIND_COLOURS,
    LINE_STYLES,
    PRESET_TEXT,
    PRESETS,
    ViewModel,
    load_view,
    render_html,
)

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def model(graph: KnowledgeGraph) -> ViewModel:
    return load_view(graph)


# --- the view model -------------------------------------------------------------------------


def test_one_edge_per_power_and_one_node_per_end(model: ViewModel, graph: KnowledgeGraph) -> None:
    # the default view draws the constitution in force
    powers = graph.query(
        'SELECT ?p WHERE { ?p a ata:Power ; ata:inConstitution/ata:version "2026" }'
    ).rows
    # The rights view adds its own lines (holds, guards: tests/test_viz_rights.py).
    drawn = {e.id for e in model.edges if e.family not in (viz_rights.HOLDS, viz_rights.GUARDS)}
    assert drawn == {r["p"] for r in powers}
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


def test_every_node_s_text_has_aa_contrast(model: ViewModel) -> None:
    ratios = {n.id: contrast(n.color, n.text_color) for n in model.nodes}
    assert min(ratios.values()) >= 4.5, sorted(ratios.items(), key=lambda kv: kv[1])[:3]


def test_branch_colours_stay_apart_for_colour_blind_readers(model: ViewModel) -> None:
    """Every pair of branch colours differs by at least 12 (CIE76) as seen with protanopia,
    deuteranopia and tritanopia (Machado et al. 2009), and with normal vision."""
    colours = sorted(set(model.kinds.values()))
    for deficiency in (*CVD, None):
        seen = [simulate(c, deficiency) if deficiency else rgb(c) for c in colours]
        closest = min(distance(a, b) for a, b in combinations(seen, 2))
        assert closest >= 12, (deficiency, closest)


def test_views_show_exactly_their_power_types(model: ViewModel) -> None:
    info = {n.id: n for n in model.nodes}
    for preset in PRESETS:
        nodes, edges = model.visible(preset)
        assert edges, preset
        shown = [e for e in model.edges if e.id in edges]
        if preset == "overview":
            assert all(info[n].type != "matter" for n in nodes)
            bodies = {n.id for n in model.nodes if n.type not in ("matter", viz_rights.GROUP_TYPE)}
            assert edges == {e.id for e in model.edges if e.source in bodies and e.target in bodies}
        if preset == "checks":
            assert {e.action for e in shown} <= CHECK_ACTIONS
            assert not {"appoint", "dismiss", "nominate"} & {e.action for e in shown}
            assert {e.style for e in shown} == {"checks"}  # one style, one legend entry
            assert edges == {e.id for e in model.edges if e.action in CHECK_ACTIONS}
        if preset == "appointments":
            assert {e.family for e in shown} == {"appointments"} and "consent" not in {
                e.action for e in shown
            }
            assert {e.style for e in shown} == {"appointments", "dismissals"}
        if preset == "legislative":
            assert {e.family for e in shown} == {"legislation"}
        if preset == "succession":
            ranks = sorted((e.rank, e.source) for e in shown)
            assert ranks == [
                (1, "vice-president"),
                (2, "chair-of-kurultai"),
                (3, "prime-minister"),
            ]


def test_appoint_and_dismiss_are_drawn_differently(model: ViewModel) -> None:
    assert LINE_STYLES["appointments"][1] != LINE_STYLES["dismissals"][1]
    dismiss = next(e for e in model.edges if e.action == "dismiss")
    appoint = next(e for e in model.edges if e.action == "appoint")
    assert (dismiss.style, appoint.style) == ("dismissals", "appointments")


def test_parallel_powers_are_one_line(model: ViewModel) -> None:
    owner = {}
    for line in model.lines:
        for p in line.powers:
            assert p not in owner
            owner[p] = line
    assert set(owner) == {e.id for e in model.edges}
    for e in model.edges:
        line = owner[e.id]
        assert (line.source, line.target, line.style) == (e.source, e.target, e.style)
    assert len({(ln.source, ln.target, ln.style) for ln in model.lines}) == len(model.lines)
    assert any(len(ln.powers) > 1 for ln in model.lines)
    assert len(model.visible_lines()) < len(model.visible()[1])


def test_hover_sentences_are_whole_and_fields_in_ru_and_kk(model: ViewModel) -> None:
    e = next(
        e
        for e in model.edges
        if (e.source, e.action, e.target) == ("president", "appoint", "prime-minister")
    )
    assert e.sentences["en"].startswith(
        "The President appoints the Prime Minister, with the consent"
    )
    assert e.sentences["en"].endswith("art. 46(4)")
    assert e.sentences["ru"].startswith(
        "Кто: Президент · Полномочие: назначает · В отношении кого: Премьер-Министр"
    )
    assert e.sentences["kk"].startswith("Кім: Президент · Өкілеттік: тағайындайды")


def test_layouts_are_deterministic_and_cover_each_view(
    model: ViewModel, graph: KnowledgeGraph
) -> None:
    again = load_view(graph)
    assert again.layouts == model.layouts
    for lang in ("en", "ru", "kk"):
        for preset in PRESETS:
            nodes, _ = model.visible(preset)
            assert set(model.layouts[lang][preset]) == nodes
    chain = model.layouts["en"]["succession"]
    xs = [chain[n][0] for n in ("vice-president", "chair-of-kurultai", "prime-minister")]
    assert xs == sorted(xs) and chain["president"][1] < min(
        chain[n][1] for n in ("vice-president", "prime-minister")
    )


def test_filters_in_the_model(model: ViewModel) -> None:
    _, pres = model.visible(institution="president")
    assert pres and all("president" in (e.source, e.target) for e in model.edges if e.id in pres)
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
    driver = graph_browser("1600,1000", logs=True)
    yield driver
    driver.quit()


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
    nodes, _ = model.visible()
    assert browser.execute_script("return kgView.rendered()") == {
        "nodes": len(nodes),
        "edges": len(model.visible_lines()),
    }
    assert browser.execute_script("return kgView.overlaps()") == 0
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-en.png"))
    (ARTIFACTS / "graph-timing.json").write_text(json.dumps({"settled_ms": settled_ms}))


def rendered(browser: webdriver.Chrome) -> tuple[set[str], set[str]]:
    got = browser.execute_script("return kgView.visible()")
    counts = browser.execute_script("return kgView.rendered()")
    lines = browser.execute_script("return kgView.lines()")
    assert counts == {"nodes": len(got["nodes"]), "edges": len(lines)}
    return set(got["nodes"]), set(got["edges"])


def positions(browser: webdriver.Chrome) -> dict[str, tuple[float, float]]:
    got = browser.execute_script("return kgView.positions()")
    return {k: (v["x"], v["y"]) for k, v in got.items()}


def same(got: dict[str, tuple[float, float]], want: dict[str, tuple[float, float]]) -> bool:
    return got.keys() == want.keys() and all(
        abs(got[k][0] - want[k][0]) <= 1 and abs(got[k][1] - want[k][1]) <= 1 for k in got
    )


def expected(model: ViewModel, lang: str, preset: str) -> dict[str, tuple[float, float]]:
    """The build's layout as vis-network reports it (rounded to whole canvas units)."""
    return {
        k: (round(x + 1e-6), round(y + 1e-6)) for k, (x, y) in model.layouts[lang][preset].items()
    }


def test_presets_and_filters_show_what_the_model_says_and_move_to_their_layout(
    browser: webdriver.Chrome, page: Path, model: ViewModel
) -> None:
    settle(browser, page)
    assert same(positions(browser), expected(model, "en", "overview"))
    for preset in ("appointments", "legislative", "checks", "succession", "rights", "overview"):
        Select(browser.find_element(By.ID, "preset")).select_by_value(preset)
        assert rendered(browser) == model.visible(preset), preset
        assert same(positions(browser), expected(model, "en", preset)), preset
        caption = browser.find_element(By.ID, "view-caption").text
        assert caption == PRESET_TEXT[preset]["en"][1]
    Select(browser.find_element(By.ID, "institution")).select_by_value("kurultai")
    assert rendered(browser) == model.visible(institution="kurultai")
    repacked = positions(browser)
    overview = expected(model, "en", "overview")
    assert not same(repacked, {k: v for k, v in overview.items() if k in repacked})
    assert browser.execute_script("return kgView.overlaps()") == 0
    Select(browser.find_element(By.ID, "section")).select_by_value("4")
    assert rendered(browser) == model.visible(institution="kurultai", section="4")
    browser.find_element(By.ID, "reset").click()
    assert rendered(browser) == model.visible()
    assert same(positions(browser), expected(model, "en", "overview"))
    box = browser.find_element(By.CSS_SELECTOR, 'input[data-family="checks"]')
    box.click()
    families = set(model.families) - {"checks"}
    assert rendered(browser) == model.visible(families=families)
    assert browser.execute_script("return kgView.overlaps()") == 0
    browser.find_element(By.ID, "reset").click()


def test_reset_returns_to_the_view_the_page_opened_with(
    browser: webdriver.Chrome, model: ViewModel, tmp_path: Path
) -> None:
    checks = tmp_path / "checks.html"
    checks.write_text(render_html(model, "kk", "checks"), encoding="utf-8")
    settle(browser, checks)
    Select(browser.find_element(By.ID, "preset")).select_by_value("appointments")
    browser.find_element(By.ID, "reset").click()
    assert browser.execute_script("return kgView.state.preset") == "checks"
    assert rendered(browser) == model.visible("checks")
    assert same(positions(browser), expected(model, "kk", "checks"))


@pytest.mark.parametrize("width", [1366, 1024])
def test_labels_are_readable_and_apart_in_every_view_and_language(
    browser: webdriver.Chrome, model: ViewModel, tmp_path: Path, width: int
) -> None:
    """At 1366x768 and 1024x768, every view opens with labels at least 12 px high on
    screen and no two boxes overlapping."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        for lang in ("en", "ru", "kk"):
            for preset in PRESETS:
                path = tmp_path / f"{preset}-{lang}.html"
                path.write_text(render_html(model, lang, preset), encoding="utf-8")
                settle(browser, path)
                height = browser.execute_script("return kgView.labelHeight()")
                assert height >= 12, (lang, preset, height)
                assert browser.execute_script("return kgView.overlaps()") == 0, (lang, preset)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


LATIN = re.compile(r"[A-Za-z]{2,}")


def untranslated(text: str) -> list[str]:
    """Latin-script words in a Russian or Kazakh text (IRIs and codes are not shown as
    words on the page)."""
    return LATIN.findall(text)


def test_language_switch_changes_every_word_and_redraws_the_panel(
    browser: webdriver.Chrome, page: Path
) -> None:
    settle(browser, page)
    label = "return kgView.network.body.data.nodes.get('kurultai').label"
    assert browser.execute_script(label) == "Kurultai"
    browser.execute_script("kgView.showNode('president')")
    assert "Powers it holds" in browser.find_element(By.ID, "panel").text
    line = "president>prime-minister>appointments"
    for lang, kurultai, words in (
        ("kk", "Құрылтай", "Оның өкілеттіктері"),
        ("ru", "Курултай", "Его полномочия"),
    ):
        Select(browser.find_element(By.ID, "lang")).select_by_value(lang)
        assert browser.execute_script(label) == kurultai
        panel = browser.find_element(By.ID, "panel").text
        assert words in panel  # redrawn without a new click
        assert untranslated(panel) == [], lang
        # every control but the language menu, whose languages are named in themselves
        controls = browser.execute_script(
            "const c = document.getElementById('controls').cloneNode(true);"
            "c.querySelector('#lang').remove(); return c.innerText;"
        )
        caption = browser.find_element(By.ID, "caption").text
        assert untranslated(controls) == [] and untranslated(caption) == [], lang
        assert "Ata Zan" in browser.title and untranslated(browser.title) == ["Ata", "Zan"]
        tip = browser.execute_script(
            "const el = kgView.network.body.data.edges.get(arguments[0]).title;"
            "return el.textContent;",
            line,
        )
        assert tip and untranslated(tip) == [], (lang, tip)
        browser.execute_script("kgView.showEdge(arguments[0])", line)
        assert untranslated(browser.find_element(By.ID, "panel").text) == [], lang
        browser.execute_script("kgView.showNode('president')")
    assert browser.execute_script("return kgView.overlaps()") == 0
    Select(browser.find_element(By.ID, "lang")).select_by_value("en")


def test_search_lists_every_match_and_clearing_restores_the_view(
    browser: webdriver.Chrome, page: Path, model: ViewModel
) -> None:
    settle(browser, page)
    before = browser.execute_script("return [kgView.scale(), kgView.network.getViewPosition()]")
    search = browser.find_element(By.ID, "search")
    search.send_keys("court")
    hits = browser.execute_script("return kgView.searchHits")
    shown, _ = model.visible()
    want = {
        n.id
        for n in model.nodes
        if n.id in shown
        and any("court" in (n.labels[x] + n.full_labels[x]).lower() for x in ("en", "ru", "kk"))
    }
    assert set(hits) == want and len(want) > 1
    assert browser.find_element(By.ID, "search-count").text == f"{len(want)} matches"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#hits button")) == len(want)
    assert set(browser.execute_script("return kgView.network.getSelectedNodes()")) == want
    search.clear()
    search.send_keys(" ")
    search.send_keys(Keys.BACKSPACE)
    after = browser.execute_script("return [kgView.scale(), kgView.network.getViewPosition()]")
    assert after == before
    assert browser.execute_script("return kgView.network.getSelectedNodes()") == []


def test_hovering_the_middle_of_a_line_shows_its_own_powers(
    browser: webdriver.Chrome, page: Path
) -> None:
    settle(browser, page)
    line = "president>prime-minister>appointments"
    browser.execute_script("kgView.network.focus('prime-minister', {scale: 1.2, animation: false})")
    # the point of the line nearest its middle, inside the graph area, with no box and no
    # other line within 5 px (lines pass under boxes and cross others in a dense view)
    point = browser.execute_script(
        "const n = kgView.network, e = n.body.edges[arguments[0]];"
        "const el = document.getElementById('graph');"
        "const clear = p => [-5, 0, 5].every(dx => [-5, 0, 5].every(dy => {"
        "  const q = {x: p.x + dx, y: p.y + dy}, at = n.getEdgeAt(q);"
        "  return n.getNodeAt(q) === undefined && (at === undefined || at === arguments[0]); }));"
        "for (let k = 0; k <= 180; k++) {"
        "  const d = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.005;"
        "  const p = n.canvasToDOM(e.edgeType.getPoint(0.5 + d));"
        "  const inside = p.x > 5 && p.y > 5"
        "    && p.x < el.clientWidth - 5 && p.y < el.clientHeight - 5;"
        "  if (inside && n.getEdgeAt(p) === arguments[0] && clear(p)) return p; }",
        line,
    )
    assert point, "no point of the line is clear of boxes and other lines"
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)
    ).perform()
    deadline = time.perf_counter() + 5
    tip = ""
    while time.perf_counter() < deadline and "Prime Minister" not in tip:
        tips = browser.find_elements(By.CSS_SELECTOR, "div.vis-tooltip")
        tip = tips[0].text if tips and tips[0].is_displayed() else ""
        time.sleep(0.1)
    assert tip.startswith("The President appoints the Prime Minister, with"), tip
    assert "art. 46(4)" in tip


def test_clicking_a_node_opens_its_panel(browser: webdriver.Chrome, page: Path) -> None:
    settle(browser, page)
    point = browser.execute_script(
        "const n = kgView.network; const p = n.getPositions(['prime-minister'])['prime-minister'];"
        "return n.canvasToDOM(p);"
    )
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    if not (0 < point["x"] < size["width"] and 0 < point["y"] < size["height"]):
        browser.execute_script("kgView.network.focus('prime-minister', {animation: false})")
        point = browser.execute_script(
            "const n = kgView.network; const p = n.getPositions(['prime-minister'])"
            "['prime-minister']; return n.canvasToDOM(p);"
        )
    ActionChains(browser).move_to_element_with_offset(
        graph, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)
    ).click().perform()
    title = browser.find_element(By.ID, "panel-title").text
    assert title == "Prime Minister of the Republic of Kazakhstan"
    panel = browser.find_element(By.ID, "panel").text
    assert "art. 46(4)" in panel
    browser.find_element(By.ID, "close").click()
    assert not browser.find_element(By.ID, "panel").is_displayed()


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
    Select(browser.find_element(By.ID, "lang")).select_by_value("en")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve` on a free port of 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, KG_DIST_DIR=str(tmp_path_factory.mktemp("dist")))
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except OSError:
            assert process.poll() is None and time.time() < deadline, "kg serve did not start"
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(10)


def test_the_query_page_s_examples_fill_in_the_editor(
    browser: webdriver.Chrome, served: str
) -> None:
    browser.get(served + "/query")
    Select(browser.find_element(By.ID, "examples")).select_by_value("powers")
    text = browser.find_element(By.ID, "q").get_attribute("value")
    assert text == QueryRegistry().get("powers").text


ENGLISH_FIXED_WORDS = (
    "Named queries",
    "Example",
    "Run",
    "Default graph",
    "In the graph",
    "Start browsing",
    "All statements",
    "property",
    "Graph",
    "Query",
)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_server_s_pages_have_their_fixed_words_in_the_language_and_links_keep_it(
    browser: webdriver.Chrome, served: str, lang: str
) -> None:
    for path in ("/", "/query", "/queries", "/id/president"):
        browser.get(f"{served}{path}?lang={lang}")
        text = browser.find_element(By.TAG_NAME, "body").text
        header = browser.find_element(By.TAG_NAME, "header").text
        found = [w for w in ENGLISH_FIXED_WORDS if re.search(rf"\b{w}\b", text)]
        assert found == [], (path, found)
        assert untranslated(header.replace("English", "")) == ["SPARQL", "VoID"]
        kept = {
            urllib.parse.urlsplit(a.get_attribute("href") or "").path: a.get_attribute("href")
            for a in browser.find_elements(By.CSS_SELECTOR, "header a")
            if f"lang={lang}" in (a.get_attribute("href") or "")
        }
        assert {"/", "/graph", "/query", "/queries"} <= set(kept), (path, kept)
    browser.get(f"{served}/graph?lang={lang}")
    wait_settled(browser)
    assert browser.execute_script("return document.documentElement.lang") == lang


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
            "--size",
            "a4",
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
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1754, 1240)  # A4 landscape at 150 dpi


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
