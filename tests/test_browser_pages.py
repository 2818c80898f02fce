"""What a person sees opening the endpoint's machine addresses in a real headless Chromium:
the query page at /sparql, a readable VoID page, the ontology with an anchor per term, and a
query page that says when it shows only the first rows."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from chromium import headless_chromium
from kgserver import Server, running
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.server, pytest.mark.browser]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    dist, log = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")
    with running(dist, log, KG_MAX_ROWS="100000") as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chromium()
    yield driver
    driver.quit()


def test_sparql_in_a_browser_is_the_query_page(server: Server, browser: webdriver.Chrome) -> None:
    browser.get(server.url + "/sparql")
    editor = browser.find_element(By.ID, "q")
    assert editor.tag_name == "textarea"
    editor.send_keys("SELECT (COUNT(*) AS ?n) WHERE { ?p a ata:Power }")
    browser.find_element(By.CSS_SELECTOR, "form button").click()
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table td"))
    url = urllib.parse.urlsplit(browser.current_url)
    assert url.path == "/query" and "query" in urllib.parse.parse_qs(url.query)
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table td")]
    assert len(cells) == 1 and int(cells[0]) > 150


def test_void_in_a_browser_is_readable(server: Server, browser: webdriver.Chrome) -> None:
    browser.get(server.url + "/.well-known/void")
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "@prefix" not in text  # not raw Turtle
    assert "void:triples" in text and "void:sparqlEndpoint" in text


def test_the_ontology_page_lands_on_a_term(server: Server, browser: webdriver.Chrome) -> None:
    browser.get(server.url + "/ontology#Power")
    row = browser.find_element(By.ID, "Power")
    assert "ata:Power" in row.text
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", row)
    assert -1 <= top < 200  # scrolled to the term (to within a pixel of sub-pixel rounding)


def test_a_long_result_page_says_it_shows_the_first_rows(
    server: Server, browser: webdriver.Chrome
) -> None:
    query = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    browser.get(server.url + "/query?query=" + query)
    assert len(browser.find_elements(By.CSS_SELECTOR, "table tr")) == 2001
    note = browser.find_element(By.CLASS_NAME, "truncated").text
    assert "Only the first 2000 rows are shown here" in note
