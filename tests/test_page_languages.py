"""Every server page whole in Russian and Kazakh (issue 11 item 4): a real server, one page
of each kind found in the data by SPARQL (one record of each type under each constitution,
every named query), and no Latin-script word on a ``?lang=ru`` or ``?lang=kk`` page outside
code, IRIs and the names of standards (the rule is in ``tests/latin_words.py``). Internal
links keep the language. Run with ``-s`` to see the share of words measured."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator

import pytest
from kgserver import Server, http, running
from latin_words import foreign_words, read_page

from kg.namespaces import BASE
from kg.queries import QueryRegistry

pytestmark = [pytest.mark.server]

LANGS = ("ru", "kk")
# The kinds of record a linked-data page shows, by class; one of each is fetched per
# constitution that has one.
RECORD_CLASSES = {
    "institution": "org:FormalOrganization",
    "office": "org:Post",
    "group": "ata:PersonGroup",
    "power": "ata:Power",
    "right": "ata:Right",
    "duty": "ata:Duty",
    "fact": "ata:Composition",
    "not-settled": "ata:Silence",
    "condition": "ata:TriggerCondition",
    "provision": "ata:Paragraph",
    "item": "ata:Item",
    "article": "ata:Article",
    "section": "ata:Section",
    "constitution": "ata:Constitution",
    "concept": "skos:Concept",
    "matter": "ata:Matter",
}
ONE_OF_A_CLASS = """
SELECT ?version (MIN(STR(?s)) AS ?record) WHERE {
  ?s a %s .
  FILTER(STRSTARTS(STR(?s), "%s"))
  OPTIONAL { ?s ata:inConstitution/ata:version ?v }
  BIND(COALESCE(?v, "") AS ?version)
} GROUP BY ?version
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    dist, log = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")
    with running(dist, log) as s:
        yield s


def _select(server: Server, text: str) -> list[dict[str, str]]:
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": text})
    status, _, body = http(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


@pytest.fixture(scope="module")
def pages(server: Server) -> dict[str, str]:
    """Every kind of page, by a name for the report, with its path (no language)."""
    found = {
        "home": "/",
        "queries": "/queries",
        "query": "/query",
        "query-with-answer": "/query?"
        + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s a ata:Power } LIMIT 5"}),
        "query-ask": "/query?" + urllib.parse.urlencode({"query": "ASK { ?s a ata:Power }"}),
        "query-bad": "/query?query=SELEC",
        "data": "/data/",
        "void": "/.well-known/void",
        "ontology": "/ontology",
        "404-record": "/id/no-such-body",
        "404-path": "/nowhere/at-all",
        "400-parameter": "/queries/powers?no_such_parameter=1",
        "400-version": "/queries/powers?version=new",
    }
    for kind, cls in RECORD_CLASSES.items():
        rows = _select(server, ONE_OF_A_CLASS % (cls, BASE))
        assert rows, f"no {cls} in the data"
        for row in rows:
            name = f"{kind}-{row['version']}" if row["version"] else kind
            found[name] = row["record"][len(BASE) - 1 :]
    for query in QueryRegistry():
        found[f"named:{query.name}"] = f"/queries/{query.name}"
        if query.parameters:  # the same page with a parameter given: other rows, or none
            found[f"named:{query.name}:filtered"] = (
                f"/queries/{query.name}?{query.parameters[0].name}=nothing-by-this-name"
            )
    return found


def _in(path: str, lang: str) -> str:
    return path + ("&" if "?" in path else "?") + "lang=" + lang


def test_no_latin_words_on_russian_and_kazakh_pages(server: Server, pages: dict[str, str]) -> None:
    counted: dict[str, int] = {}
    foreign: dict[str, list[str]] = {}
    for lang in LANGS:
        for name, path in pages.items():
            status, _, body = http(server.url + _in(path, lang), headers={"Accept": "text/html"})
            assert status in (200, 400, 404), (name, status)
            assert status != 200 or not name[:3].isdigit(), name
            page = read_page(body.decode("utf-8"))
            assert page.lang == lang, (name, page.lang)
            counted[f"{lang} {name}"] = len(page.words)
            bad = foreign_words(page)
            if bad:
                foreign[f"{lang} {name}"] = bad[:12]
    words = sum(counted.values())
    latin = sum(len(v) for v in foreign.values())
    print(f"\n{len(counted)} pages in ru and kk, {words} words read, {latin} Latin words")
    assert not foreign, foreign


def test_error_pages_say_why_in_the_page_language(server: Server) -> None:
    """A 404 and a 400 carry their reason in the language asked for, in the page and in
    the JSON body a program gets."""
    english = http(server.url + "/id/no-such-body", headers={"Accept": "text/html"})
    for lang in LANGS:
        status, _, body = http(
            server.url + _in("/id/no-such-body", lang), headers={"Accept": "text/html"}
        )
        assert status == 404
        assert body != english[2] and not foreign_words(read_page(body.decode()))
        status, _, body = http(server.url + _in("/queries/powers?version=new", lang))
        detail = json.loads(body)["error"]["detail"]
        assert status == 400 and "new" in detail and not detail.isascii()


def _internal_page_links(links: list[str]) -> list[str]:
    """Links to this server's HTML pages: not data files (.ttl, .json, dumps), not the
    English page a cell links to on purpose (hreflang=en), not anchors."""
    found = []
    for href in links:
        if not href.startswith("/"):
            continue
        path = urllib.parse.urlsplit(href).path
        if "." in path.rsplit("/", 1)[-1] or "format=" in href:
            continue
        found.append(href)
    return found


def test_internal_links_keep_the_language(server: Server, pages: dict[str, str]) -> None:
    checked = 0
    for lang in LANGS:
        for name, path in pages.items():
            if name.startswith("named:") and name.endswith(":filtered"):
                continue
            _, _, body = http(server.url + _in(path, lang), headers={"Accept": "text/html"})
            html = body.decode("utf-8")
            page = read_page(html)
            english = set(_english_links(html))
            for href in _internal_page_links(page.links):
                if href in english:
                    continue
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
                assert query.get("lang") == [lang], (lang, name, href)
                checked += 1
    print(f"\n{checked} internal links checked on ru and kk pages")
    assert checked > 1000


def _english_links(html: str) -> list[str]:
    """The links a page marks as leading to English on purpose (``hreflang="en"``)."""
    found = []
    for part in html.split("<a ")[1:]:
        tag = part.split(">", 1)[0]
        if 'hreflang="en"' in tag and 'href="' in tag:
            found.append(tag.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&"))
    return found


def test_a_record_uses_its_label_in_the_page_language(server: Server) -> None:
    """Where a record has skos:prefLabel in the page's language, its page is headed by
    it (any record: here every institution with a Kazakh name)."""
    rows = _select(
        server,
        "SELECT ?s ?label WHERE { ?s a org:FormalOrganization ; skos:prefLabel ?label "
        'FILTER(LANG(?label) = "kk") } ORDER BY ?s LIMIT 5',
    )
    assert rows
    for row in rows:
        path = row["s"][len(BASE) - 1 :]
        _, _, body = http(server.url + _in(path, "kk"), headers={"Accept": "text/html"})
        assert f"<h1>{row['label']}</h1>" in body.decode("utf-8")


def test_english_only_text_is_a_link_to_the_english_page(server: Server) -> None:
    """A right's description is written in English only: its Russian page does not show it
    but links to its English page, which does."""
    rows = _select(
        server,
        "SELECT ?s ?d WHERE { ?s a ata:Right ; ata:description ?d } ORDER BY ?s LIMIT 1",
    )
    path = rows[0]["s"][len(BASE) - 1 :]
    _, _, ru = http(server.url + _in(path, "ru"), headers={"Accept": "text/html"})
    _, _, en = http(server.url + path, headers={"Accept": "text/html"})
    assert rows[0]["d"] not in ru.decode() and rows[0]["d"] in en.decode()
    assert path in _english_links(ru.decode())
