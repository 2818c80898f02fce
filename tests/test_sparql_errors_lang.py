"""SPARQL syntax errors on Russian and Kazakh pages: labelled fields made from the error's
parts (position, what was expected, what was found, a hint), every word stored in en, ru
and kk, and no Latin word outside code (keywords, symbols, the user's own query)."""

from __future__ import annotations

import html
import json
import pickle
import re
import string
import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from kgserver import Server, http, running
from latin_words import STANDARD_NAMES, foreign_words, read_page
from test_sparql_errors import MISTAKES

import kg.pages  # noqa: F401  (registers the page words the template reads)
from kg.queries import execute
from kg.sparql_error_words import (
    FIELD_WORDS,
    HINT_WORDS,
    ITEM_WORDS,
    LANGS,
    PROBLEM_WORDS,
    error_fields,
    quoted,
)
from kg.sparql_errors import SparqlSyntaxError
from kg.web import environment

# Shapes the corpus of tests/test_sparql_errors.py leaves out: mistakes found from the tokens
# alone, and the engine's checks about meaning.
MORE_SHAPES = [
    "SELEC ?o WHERE { ?s ?p ?o }",
    "   ",
    "SELECT * { ?s ?p ?o",
    "SELECT * { ?s ?p ?o ) }",
    "SELECT * { ?s ?p ?o } }",
    "SELECT * { <http://a b> ?p ?o }",
    "SELECT * { ?s ?p 'abc }",
    "SELECT * { ?s foo:bar ?o }",
    "SELECT * { ?s ?p <http://[x> }",
    "SELECT (1 AS ?x) (2 AS ?x) {}",
    "SELECT * { ?s ?p ?o } GROUP BY ?s",
    "SELECT ?o { ?s ?p ?o } GROUP BY ?s",
    "SELECT * { ?s ?p ?o } VALUES (?a ?b) { (1) }",
    "SELECT * { ?s ?p ?o FILTER ?o }",
    "SELECT * { ?s ?p ?o } ORDER BY ?o LIMIT",
]
TEXTS = [m.text for m in MISTAKES] + MORE_SHAPES
NAMES = [m.name for m in MISTAKES] + [f"shape {i}" for i in range(len(MORE_SHAPES))]
TABLES = {"field": FIELD_WORDS, "item": ITEM_WORDS, "problem": PROBLEM_WORDS, "hint": HINT_WORDS}
CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[A-Za-z][\w-]*")


def error_of(text: str) -> SparqlSyntaxError:
    with pytest.raises(SparqlSyntaxError) as caught:
        execute(ox.Store(), text)
    return caught.value


def english_position(message: str) -> tuple[int, int]:
    found = re.match(r"SPARQL syntax error at line (\d+), column (\d+): ", message)
    assert found, message
    return int(found[1]), int(found[2])


def error_page(error: SparqlSyntaxError, lang: str) -> str:
    """The query page's error, rendered by the page's own template."""
    parts = error.parts
    context = {
        "lang": lang,
        "title": "",
        "queries": [],
        "text": "",
        "error": {
            "title": FIELD_WORDS["title"][lang],
            "fields": error_fields(parts, lang),
            "detail": quoted(parts),
        },
    }
    return environment.get_template("query.html").render(**context)


def slots(form: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(form) if name}


def test_every_word_is_stored_in_three_languages() -> None:
    for table_name, table in TABLES.items():
        for key, forms in table.items():
            assert set(forms) == set(LANGS), (table_name, key)
            assert all(forms[lang].strip() for lang in LANGS), (table_name, key)
            # the same slots in each language: no argument is lost in a translation
            assert slots(forms["ru"]) == slots(forms["kk"]) == slots(forms["en"]), key
            for lang in ("ru", "kk"):
                words = re.sub(r"`[^`]*`|\{\w+\}", " ", forms[lang])
                assert CYRILLIC.search(words) or forms[lang] == "IRI", (table_name, key, lang)
                latin = [w for w in _LATIN_WORD.findall(words) if w not in STANDARD_NAMES]
                assert latin == [], (table_name, key, lang, latin)


def test_every_hint_is_given_by_some_mistake_and_every_problem_has_words() -> None:
    hints, problems = set(), set()
    for text in TEXTS:
        problem = error_of(text).parts.problem
        hints.add(problem.hint)
        problems.add(problem.key)
        assert problem.hint is None or problem.hint in HINT_WORDS
    assert set(HINT_WORDS) <= hints, set(HINT_WORDS) - hints
    said_by_fields = {"unexpected", "engine_list"}
    assert problems - said_by_fields <= set(PROBLEM_WORDS), problems - set(PROBLEM_WORDS)
    # the engine's sentences met here all have words of our own
    assert "engine" not in problems


@pytest.mark.parametrize("text", TEXTS, ids=NAMES)
def test_russian_and_kazakh_renderings_have_no_latin_words_outside_code(text: str) -> None:
    error = error_of(text)
    line, column = english_position(str(error))
    problem = error.parts.problem
    for lang in ("ru", "kk"):
        page = html.unescape(error_page(error, lang))
        assert foreign_words(read_page(page)) == [], (lang, foreign_words(read_page(page)))
        position = FIELD_WORDS["position"][lang].format(line=line, column=column)
        assert f"<p>{position}</p>" in page
        assert FIELD_WORDS["title"][lang] in page
        if problem.found is not None:
            found = f"{FIELD_WORDS['found'][lang]}:</span> <code>{problem.found}</code>"
            assert found in page, (lang, found)
        if problem.hint:
            assert FIELD_WORDS["hint"][lang] + ":" in page
        for item in problem.expected[:6]:
            shown = ITEM_WORDS[item][lang].split("`")[0] if item in ITEM_WORDS else item
            assert shown in page, (lang, item)
        # the query's own line, with the caret, as the English message quotes it
        assert "\n".join(str(error).splitlines()[1:]) in page
        for other in LANGS:
            if other != lang:
                assert FIELD_WORDS["expected"][other] + ":" not in page


def test_the_parts_travel_between_processes_and_make_the_same_message() -> None:
    for text in TEXTS:
        error = error_of(text)
        again = pickle.loads(pickle.dumps(error))
        assert again.parts == error.parts and str(again) == str(error)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    dist, log = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")
    with running(dist, log) as s:
        yield s


@pytest.mark.parametrize("name", ["OPTINAL", "misspelt form"])
def test_the_query_page_says_a_syntax_error_in_kazakh_and_russian(
    server: Server, name: str
) -> None:
    # OPTINAL is placed by a query worker; a misspelt form is found before any worker runs.
    text = "SELEC ?o WHERE { ?s ?p ?o }"
    if name == "OPTINAL":
        text = next(m for m in MISTAKES if m.name == name).text
    status, _, body = http(server.url + "/sparql?query=" + urllib.parse.quote(text))
    assert status == 400
    english = str(error_of(text))
    assert json.loads(body)["error"]["detail"] == english  # programs keep the English message
    line, column = english_position(english)
    problem = error_of(text).parts.problem
    for lang in ("kk", "ru"):
        query = urllib.parse.urlencode({"query": text, "lang": lang})
        _, _, page_bytes = http(server.url + "/query?" + query, headers={"Accept": "text/html"})
        page = html.unescape(page_bytes.decode("utf-8"))
        assert FIELD_WORDS["title"][lang] in page
        position = FIELD_WORDS["position"][lang].format(line=line, column=column)
        assert f"<p>{position}</p>" in page
        found = f"{FIELD_WORDS['found'][lang]}:</span> <code>{problem.found}</code>"
        assert found in page
        assert FIELD_WORDS["expected"][lang] + ":" in page
        assert FIELD_WORDS["hint"][lang] + ":" in page
        assert english.splitlines()[0] not in page
        assert foreign_words(read_page(page_bytes.decode("utf-8"))) == []
