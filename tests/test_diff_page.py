"""`/diff` on a real `kg serve`: the same rows as `kg diff` in JSON and CSV, filters, 400s
with reasons in the page's language, and the HTML pages in a real headless Chromium (network
blocked): no English word in Russian or Kazakh, links that keep the language, and a summary
per institution that agrees with kg.diff."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator

import pytest
from chromium import OFFLINE, headless_chromium
from kgserver import Server, http, running
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.config import ROOT
from kg.diff import COLUMNS, diff_result, names_for, summary_by_institution
from kg.diff_words import FIELD_NAMES, LANGS
from kg.records import Corpus

pytestmark = [pytest.mark.server, pytest.mark.browser]
ARTIFACTS = ROOT / "test-artifacts"
LATIN = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    dist, log = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")
    with running(dist, log) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chromium("--window-size=1366,768", OFFLINE)
    yield driver
    driver.quit()


def get(server: Server, path: str, accept: str = "*/*") -> tuple[int, dict[str, str], bytes]:
    return http(server.url + path, headers={"Accept": accept})


def kg_diff(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "kg", "diff", "--format", "json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


# --- data ------------------------------------------------------------------------------------


def test_json_has_the_rows_of_kg_diff(server: Server) -> None:
    expected = kg_diff("--from", "1995", "--to", "2026")
    status, headers, body = get(server, "/diff?format=json")
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body) == expected
    assert len(expected["rows"]) > 100  # type: ignore[arg-type]
    status, headers, negotiated = get(server, "/diff", accept="application/json")
    assert status == 200 and json.loads(negotiated) == expected
    assert "accept" in headers["vary"].lower()


def test_csv_has_the_header_of_kg_diff_and_the_same_rows(server: Server) -> None:
    status, headers, body = get(server, "/diff", accept="text/csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(body.decode("utf-8")))
    rows = list(reader)
    assert reader.fieldnames == COLUMNS
    assert rows == kg_diff()["rows"]


@pytest.mark.parametrize(
    "filters",
    [
        {"kind": "power", "change": "changed"},
        {"holder": "сенат"},
        {"holder": "president", "kind": "power", "change": "added"},
        {"kind": "right"},
    ],
)
def test_filters_give_the_rows_kg_diff_gives(
    server: Server, corpus: Corpus, filters: dict[str, str]
) -> None:
    _, expected = diff_result(corpus, "1995", "2026", **filters)
    status, _, body = get(server, "/diff?" + urllib.parse.urlencode({**filters, "format": "json"}))
    got = json.loads(body)["rows"]
    assert status == 200 and got == expected.rows and got
    for key in ("kind", "change"):
        if key in filters:
            assert {r[key] for r in got} == {filters[key]}


@pytest.mark.parametrize(
    ("query", "lang", "words"),
    [
        ("kind=powers", "en", ["kind must be one of", "powers"]),
        ("change=gone", "ru", ["изменение должно быть", "gone"]),
        ("from=1990", "kk", ["1990", "салыстыруы жоқ", "1995 → 2026"]),
        ("format=xml", "ru", ["формат должен быть", "xml"]),
    ],
)
def test_bad_parameters_get_a_400_with_a_reason_in_the_page_s_language(
    server: Server, query: str, lang: str, words: list[str]
) -> None:
    for accept in ("application/json", "text/html"):
        status, _, body = get(server, f"/diff?{query}&lang={lang}", accept=accept)
        text = body.decode("utf-8")
        assert status == 400, (query, accept)
        assert all(w in text for w in words), (query, accept, text[:300])
        assert "Traceback" not in text
    error = json.loads(get(server, f"/diff?{query}&lang={lang}", "application/json")[2])
    assert error["error"]["status"] == 400 and error["error"]["detail"]


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_holder_gets_a_did_you_mean_with_the_names_of_the_data(
    server: Server, corpus: Corpus, lang: str
) -> None:
    president = names_for(corpus, lang).agent("president")
    status, _, body = get(server, f"/diff?holder=presdient&lang={lang}", "application/json")
    detail = json.loads(body)["error"]["detail"]
    assert status == 400 and "presdient" in detail and f"«{president}»" in detail
    status, _, page = get(server, f"/diff?holder=presdient&lang={lang}", "text/html")
    assert status == 400 and f"«{president}»" in page.decode("utf-8")
    assert 'value="presdient" selected' in page.decode("utf-8")  # the input is kept


def test_a_known_holder_with_no_matching_rows_is_not_an_error(
    server: Server, corpus: Corpus
) -> None:
    # a holder with powers but no right: zero rows, not a 400
    changes, _ = diff_result(corpus, "1995", "2026", kind="power")
    holders = {c.holder for c in changes} - {
        c.holder for c in diff_result(corpus, "1995", "2026", kind="right")[0]
    }
    holder = sorted(holders)[0]
    status, _, body = get(server, f"/diff?holder={holder}&kind=right&format=json")
    assert status == 200 and json.loads(body)["rows"] == []


# --- the page in a browser ---------------------------------------------------------------------


def main_text(browser: webdriver.Chrome) -> str:
    """The visible text of the page's content without its <code> elements (format names)."""
    return str(
        browser.execute_script(
            "const m = document.querySelector('main').cloneNode(true);"
            "m.querySelectorAll('code').forEach(c => c.remove());"
            "document.body.appendChild(m); const t = m.innerText; m.remove(); return t;"
        )
    )


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("query", ["", "kind=right", "kind=fact", "kind=institution"])
def test_russian_and_kazakh_pages_have_no_english_word(
    server: Server, browser: webdriver.Chrome, lang: str, query: str
) -> None:
    browser.get(f"{server.url}/diff?lang={lang}&{query}")
    text = main_text(browser)
    words = re.findall(r"\w+", text)
    latin = LATIN.findall(text)
    assert len(words) > 200
    assert latin == [], (lang, query, sorted(set(latin))[:20])
    assert browser.execute_script("return document.documentElement.lang") == lang


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_link_of_the_page_keeps_its_language(
    server: Server, browser: webdriver.Chrome, lang: str
) -> None:
    browser.get(f"{server.url}/diff?lang={lang}")
    ours = [
        a.get_attribute("href") or ""
        for a in browser.find_elements(By.CSS_SELECTOR, "main a")
        if (a.get_attribute("href") or "").startswith(server.url)
    ]
    assert len(ours) > 300
    lost = [h for h in ours if f"lang={lang}" not in h]
    assert lost == []


def test_the_form_filters_and_keeps_the_language(
    server: Server, browser: webdriver.Chrome, corpus: Corpus
) -> None:
    browser.get(f"{server.url}/diff?lang=kk")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("power")
    Select(browser.find_element(By.NAME, "change")).select_by_value("changed")
    browser.find_element(By.CSS_SELECTOR, "form.diff-form button").click()
    WebDriverWait(browser, 60).until(lambda b: "kind=" in b.current_url)
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.rows"))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query)
    assert query == {"lang": ["kk"], "kind": ["power"], "change": ["changed"]}
    _, expected = diff_result(corpus, "1995", "2026", kind="power", change="changed")
    shown = browser.find_elements(By.CSS_SELECTOR, "table.rows tr.diff-row")
    assert len(shown) == len(expected.rows)


def test_the_summary_agrees_with_kg_diff_and_its_counts_link_to_their_rows(
    server: Server, browser: webdriver.Chrome, corpus: Corpus
) -> None:
    changes, _ = diff_result(corpus, "1995", "2026")
    expected = summary_by_institution(changes)
    browser.get(f"{server.url}/diff")
    shown = []
    for tr in browser.find_elements(By.CSS_SELECTOR, "table.summary tr[data-holder]"):
        cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
        shown.append(
            {
                "holder": tr.get_attribute("data-holder"),
                "gained": int(cells[1]),
                "lost": int(cells[2]),
                "changed": int(cells[3]),
            }
        )
    assert shown == expected
    busiest = expected[0]
    row = browser.find_element(By.CSS_SELECTOR, f"tr[data-holder='{busiest['holder']}']")
    row.find_elements(By.TAG_NAME, "a")[0].click()  # gained
    WebDriverWait(browser, 60).until(lambda b: "change=added" in b.current_url)
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.rows"))
    shown_rows = browser.find_elements(By.CSS_SELECTOR, "table.rows tr.diff-row")
    assert len(shown_rows) == busiest["gained"]


def test_every_field_the_diff_names_has_a_name_in_three_languages(corpus: Corpus) -> None:
    changes, _ = diff_result(corpus, "1995", "2026")
    fields = {f for c in changes for f in c.fields}
    assert fields
    for lang in LANGS:
        assert fields <= set(FIELD_NAMES[lang]), (lang, fields - set(FIELD_NAMES[lang]))


@pytest.mark.parametrize("width", [1366, 1024])
def test_screenshots(server: Server, browser: webdriver.Chrome, width: int) -> None:
    """Screenshots of /diff in three languages at 1366x768 and 1024x768, for a person to
    look at; the page does not scroll sideways."""
    ARTIFACTS.mkdir(exist_ok=True)
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        for lang in LANGS:
            browser.get(f"{server.url}/diff?lang={lang}")
            browser.save_screenshot(str(ARTIFACTS / f"diff-{lang}-{width}x768.png"))
            browser.execute_script(
                "document.querySelector('table.rows').scrollIntoView({block: 'start'})"
            )
            browser.save_screenshot(str(ARTIFACTS / f"diff-rows-{lang}-{width}x768.png"))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (lang, width, overflow)
            browser.get(f"{server.url}/diff?lang={lang}&kind=power&change=changed")
            browser.execute_script(
                "document.querySelector('table.rows').scrollIntoView({block: 'start'})"
            )
            browser.save_screenshot(str(ARTIFACTS / f"diff-powers-{lang}-{width}x768.png"))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, (lang, width, overflow)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
