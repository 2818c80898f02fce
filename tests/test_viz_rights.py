"""The rights view (issue 11): the rights of the data in their groups, their holders and the
bodies that guard them, each line citing a provision, readable at 1366x768 and 1024x768."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chromium import graph_browser, settle
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from kg.api import KnowledgeGraph
from kg.config import ROOT
from kg.viz import PRESET_TEXT, ViewModel, load_view, render_html
from kg.viz_rights import GROUP_TYPE, GUARDS, HOLDS, PRESET

ARTIFACTS = ROOT / "test-artifacts" / "rights"
VERSIONS = ("2026", "1995")
LATIN = re.compile(r"[A-Za-z]{2,}")
PREFIXES = """PREFIX ata: <https://w3id.org/atazan/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def models(graph: KnowledgeGraph) -> dict[str, ViewModel]:
    return {v: load_view(graph, v) for v in VERSIONS}


def sparql(graph: KnowledgeGraph, body: str, version: str) -> list[dict[str, object]]:
    text = PREFIXES + body.replace("$VERSION", f'"{version}"')
    return [{k: str(v) for k, v in row.items()} for row in graph.select(text).rows]


class _Panel(HTMLParser):
    """The rights a group's panel lists, and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.rights: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.rights.append(dict(attrs)["data-right"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def panel(html: str) -> _Panel:
    parsed = _Panel()
    parsed.feed(html)
    return parsed


def shown(model: ViewModel) -> tuple[set[str], list[object]]:
    nodes, edge_ids = model.visible(PRESET)
    return nodes, [e for e in model.edges if e.id in edge_ids]


@pytest.mark.parametrize("version", VERSIONS)
def test_the_view_lists_exactly_the_rights_of_the_data_each_in_its_group(
    graph: KnowledgeGraph, models: dict[str, ViewModel], version: str
) -> None:
    rows = sparql(
        graph,
        "SELECT ?right ?group WHERE { ?right a ata:Right ; ata:rightGroup/skos:notation ?group ;"
        " ata:inConstitution/ata:version $VERSION }",
        version,
    )
    assert rows
    model = models[version]
    nodes, _ = shown(model)
    groups = [n for n in model.nodes if n.type == GROUP_TYPE and n.id in nodes]
    listed = {
        right: n.id.removeprefix(f"{GROUP_TYPE}:")
        for n in groups
        for right in panel(n.panel["en"]).rights  # type: ignore[index]
    }
    assert sum(len(panel(n.panel["en"]).rights) for n in groups) == len(rows)  # type: ignore[index]
    assert listed == {r["right"]: r["group"] for r in rows}
    for n in groups:
        count = len(panel(n.panel["en"]).rights)  # type: ignore[index]
        for lang in ("en", "ru", "kk"):
            assert n.labels[lang].endswith(f"({count})")
            assert len(panel(n.panel[lang]).rights) == count  # type: ignore[index]


@pytest.mark.parametrize("version", VERSIONS)
def test_only_rights_holders_and_guardians_are_shown(
    graph: KnowledgeGraph, models: dict[str, ViewModel], version: str
) -> None:
    model = models[version]
    nodes, edges = shown(model)
    holders = {
        r["holder"]
        for r in sparql(
            graph,
            "SELECT ?holder WHERE { ?r a ata:Right ; ata:holder/dct:identifier ?holder ;"
            " ata:inConstitution/ata:version $VERSION }",
            version,
        )
    }
    guardians = {
        str(r["holder"]) for r in graph.select("rights-guardians", {"version": version}).rows
    } | {
        str(r["object"])
        for r in graph.select("rights-guardians", {"version": version}).rows
        if r["reason"] == "about-rights"
    }
    types = {n.id: n.type for n in model.nodes}
    for node in nodes:
        assert types[node] == GROUP_TYPE or node in holders or node in guardians, node
    assert holders <= nodes
    # Every holder holds something and every line ends at a right's group or a body that
    # a holder or guardian applies to about rights.
    assert {e.source for e in edges if e.family == HOLDS} == holders


@pytest.mark.parametrize("version", VERSIONS)
def test_every_line_cites_a_provision_and_guards_only_where_the_data_says(
    graph: KnowledgeGraph, models: dict[str, ViewModel], version: str
) -> None:
    provisions = {
        r["p"]
        for r in sparql(
            graph,
            "SELECT ?p WHERE { ?p a ata:Provision ; ata:inConstitution/ata:version $VERSION }",
            version,
        )
    }
    basis = {
        r["x"]: r["p"]
        for r in sparql(
            graph,
            "SELECT ?x ?p WHERE { ?x ata:legalBasis ?p ; ata:inConstitution/ata:version $VERSION }",
            version,
        )
    }
    _, edges = shown(model := models[version])
    assert edges
    for e in edges:
        assert e.provision in provisions, e.id
        assert re.match(r"^\d+", e.citation), e.id
        if e.family == HOLDS:
            assert basis[e.id.split("#")[0]] == e.provision
        elif e.family == GUARDS:
            power, right = e.id.split("#")
            right_iri = f"https://w3id.org/atazan/right/{version}/{right}"
            assert basis[power] == basis[right_iri] == e.provision
        else:  # a power shown as it is: one about rights, between two bodies
            assert e.id in basis and basis[e.id] == e.provision
    assert any(e.family == GUARDS for e in edges)
    lines = model.visible_lines(PRESET)
    assert lines and all(ln.powers for ln in model.lines if ln.id in lines)


@pytest.mark.parametrize("version", VERSIONS)
def test_russian_and_kazakh_show_no_latin_words(models: dict[str, ViewModel], version: str) -> None:
    model = models[version]
    nodes, edges = shown(model)
    for lang in ("ru", "kk"):
        caption = " ".join(PRESET_TEXT[PRESET][lang])
        texts = [caption, *model.families[HOLDS][lang].split(), model.families[GUARDS][lang]]
        for n in model.nodes:
            if n.id in nodes:
                texts.append(n.labels[lang])
                if n.panel:
                    texts.append(" ".join(panel(n.panel[lang]).text))
        texts += [e.sentences[lang] for e in edges]
        bad = [t for t in texts if LATIN.search(t)]
        assert bad == [], (lang, bad[:3])
    english = " ".join(
        " ".join(panel(n.panel["en"]).text) for n in model.nodes if n.id in nodes and n.panel
    )
    assert "What it protects" in english


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = graph_browser("1366,768")
    yield driver
    driver.quit()


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("width", [1366, 1024])
def test_the_view_fits_the_screen_readable_and_apart(
    browser: webdriver.Chrome,
    models: dict[str, ViewModel],
    tmp_path: Path,
    width: int,
    version: str,
) -> None:
    model = models[version]
    nodes, _ = shown(model)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        for lang in ("en", "ru", "kk"):
            path = tmp_path / f"rights-{lang}.html"
            path.write_text(render_html(model, lang, PRESET), encoding="utf-8")
            settle(browser, path)
            assert set(browser.execute_script("return kgView.visible()")["nodes"]) == nodes
            assert browser.execute_script("return kgView.offscreen()") == [], lang
            assert browser.execute_script("return kgView.labelHeight()") >= 12, lang
            assert browser.execute_script("return kgView.overlaps()") == 0, lang
            caption = browser.find_element(By.ID, "view-caption").text
            assert caption == PRESET_TEXT[PRESET][lang][1]
            browser.save_screenshot(str(ARTIFACTS / f"rights-{version}-{lang}-{width}x768.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def click_node(browser: webdriver.Chrome, node: str) -> None:
    point = browser.execute_script(
        "const n = kgView.network;"
        "return n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);",
        node,
    )
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(
        graph, int(point["x"] - size["width"] / 2), int(point["y"] - size["height"] / 2)
    ).click().perform()


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_clicking_a_group_lists_its_rights_and_a_right_opens_its_fields(
    browser: webdriver.Chrome, models: dict[str, ViewModel], tmp_path: Path, lang: str
) -> None:
    model = models["2026"]
    nodes, _ = shown(model)
    group = next(n for n in model.nodes if n.type == GROUP_TYPE and n.id in nodes)
    expected = panel(group.panel[lang]).rights  # type: ignore[index]
    path = tmp_path / f"rights-{lang}.html"
    path.write_text(render_html(model, lang, PRESET), encoding="utf-8")
    settle(browser, path)
    click_node(browser, group.id)
    assert browser.find_element(By.ID, "panel-title").text == group.full_labels[lang]
    items = browser.find_elements(By.CSS_SELECTOR, "#panel details.right")
    assert [i.get_attribute("data-right") for i in items] == expected
    first = items[0]
    first.find_element(By.TAG_NAME, "summary").click()
    text = first.text
    fields = {
        "en": ("Group:", "Holders:", "Basis:", "In a state of emergency:"),
        "ru": ("Группа:", "Обладатели:", "Основание:", "При чрезвычайном положении:"),
        "kk": ("Топ:", "Иелері:", "Негіз:", "Төтенше жағдай кезінде:"),
    }[lang]
    for label in fields:
        assert label in text, (label, text)
    assert ("What it protects:" in text) == (lang == "en")
