"""The pre-flight reading of SPARQL requests: forms, updates, SERVICE."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.sparql_text import RefusedQuery, check_query, inspect

PRE = "PREFIX ata: <https://w3id.org/atazan/ontology#>\nPREFIX : <http://e/>\nBASE <http://b/>\n"


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        (PRE + "ask { ?s a ata:Power }", "ASK"),
        ("# a comment with SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://e/x>", "DESCRIBE"),
    ],
)
def test_query_forms(text: str, form: str) -> None:
    assert check_query(text).form == form


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <http://e/a> <http://e/b> 1 }",
        PRE + "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/x.ttl>",
        "CLEAR ALL",
        "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DROP GRAPH <http://e/g>",
    ],
)
def test_updates_are_refused(text: str) -> None:
    with pytest.raises(RefusedQuery, match="read-only"):
        check_query(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://e/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        PRE + "SELECT * WHERE { SERVICE :remote { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(text: str) -> None:
    with pytest.raises(RefusedQuery, match="SERVICE"):
        check_query(text)


def test_service_on_the_allow_list_passes() -> None:
    text = "SELECT * WHERE { SERVICE <http://ok.example/sparql> { ?s ?p ?o } }"
    assert check_query(text, ("http://ok.example/sparql",)).services == (
        "<http://ok.example/sparql>",
    )
    with pytest.raises(RefusedQuery):
        check_query(text, ("http://other.example/sparql",))


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ("SERVICE <http://e/x> INSERT" AS ?x) WHERE {}',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://e/x>",
        "SELECT * WHERE { ?s <http://e/SERVICE> ?o . ?s ata:service ?x . ?s :SERVICE ?y }",
        "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
        "SELECT * WHERE { ?service ?p ?o }",
        "SELECT ('''multi\nline SERVICE''' AS ?x) {}",
    ],
)
def test_keywords_inside_literals_iris_comments_and_names_are_not_keywords(text: str) -> None:
    found = inspect(text)
    assert found.services == ()
    assert not found.is_update
    assert found.form == "SELECT"


def test_not_a_query() -> None:
    with pytest.raises(
        QueryError, match="expected SELECT, ASK, CONSTRUCT or DESCRIBE, not 'hello'"
    ):
        check_query("hello")


def test_a_query_naming_its_dataset_is_noticed() -> None:
    assert inspect("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }").has_dataset
    assert inspect("SELECT * FROM NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }").has_dataset
    assert not inspect('SELECT ("FROM" AS ?x) WHERE { ?s <http://e/from> ?o }').has_dataset
