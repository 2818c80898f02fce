"""SPARQL syntax errors point at the mistake in the user's own text: file, line and column,
the line with a caret, and what was expected in words (never Unicode ranges)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.queries import execute
from kg.sparql_errors import SparqlSyntaxError, from_engine, precheck


def error_of(text: str, source: str | None = None) -> SparqlSyntaxError:
    with pytest.raises(SparqlSyntaxError) as caught:
        execute(ox.Store(), text, source)
    return caught.value


def caret_column(message: str) -> int:
    """The column (from 1) of the caret under the shown line."""
    caret = message.splitlines()[2]
    return caret.index("^") - caret.index("|") - 1


def test_a_misspelt_form_is_named_with_a_suggestion() -> None:
    error = error_of("SELEC ?o WHERE { ?s ?p ?o }", "q.rq")
    assert (error.line, error.column) == (1, 1)
    assert str(error).splitlines()[0] == (
        "q.rq:1:1: SPARQL syntax error: expected SELECT, ASK, CONSTRUCT or DESCRIBE, "
        "not 'SELEC'; did you mean SELECT?"
    )
    assert "expected CONSTRUCT" not in str(error)


def test_the_position_is_in_the_users_text_after_prefix_declarations_and_comments() -> None:
    text = "# a comment\nPREFIX ex: <http://example.org/>\nSELECT ?o WHERE {\n  ?s foo:bar ?o\n}"
    error = error_of(text, "mine.rq")
    assert (error.line, error.column) == (4, 6)
    first, shown, _ = str(error).splitlines()
    assert first.startswith("mine.rq:4:6: SPARQL syntax error: the prefix 'foo:' is not declared")
    assert shown == "  4 |   ?s foo:bar ?o"
    assert caret_column(str(error)) == 6
    assert "\\u{" not in str(error) and "'A' ..= 'Z'" not in str(error)


def test_declared_and_built_in_prefixes_are_not_reported() -> None:
    precheck("PREFIX ex: <http://example.org/>\nSELECT * { ?s ex:p ata:Power ; id:x _:b }")
    precheck("PREFIX : <http://example.org/>\nASK { ?s :p ?o }")


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("SELECT * { ?s ?p ?o", 1, 10, "this '{' is never closed"),
        ("SELECT * { ?s ?p ?o ) }", 1, 21, "expected '}' to close the '{'"),
        ("SELECT * { ?s ?p ?o } }", 1, 23, "'}' closes nothing"),
        ("   ", 1, 1, "the query is empty"),
    ],
)
def test_brackets_and_empty_queries(text: str, line: int, column: int, words: str) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert words in str(error)
    assert str(error).startswith(f"SPARQL syntax error at line {line}, column {column}: ")


def test_engine_errors_keep_a_short_list_in_words() -> None:
    error = error_of("DESCRIBE")  # both parsers stop at the end: the list is about that place
    first = str(error).splitlines()[0]
    assert first.startswith("SPARQL syntax error at line 1, column 9: expected one of")
    assert '"?"' in first and "[" not in first and "\\u{" not in first
    assert first.split(": ", 1)[1].count(",") <= 6  # at most six alternatives and "..."


@pytest.mark.parametrize(
    ("text", "line", "column", "at"),
    [
        ("SELECT ?x WHERE {\n  ?s ?p ?o FILTER(?o > )\n}", 2, 12, "FILTER(?o"),
        ("SELECT ?x {\n ?s ?p ?o .. \n}", 2, 12, "."),
        ("SELECT ?x WHERE { ?s ?p ?o } ORDER ?x", 1, 30, "ORDER"),
        ("SELECT (COUNT(?x) ?n) WHERE { ?s ?p ?x }", 1, 19, "?n)"),
    ],
)
def test_other_mistakes_are_placed_where_reading_stops_not_at_the_end(
    text: str, line: int, column: int, at: str
) -> None:
    # Oxigraph gives up at the end of these queries, with a list about the end; the caret
    # goes where the construct that cannot be read starts, and no misleading list is shown.
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert error.problem == f"the query cannot be read from here on (at {at!r})"


def test_columns_count_characters_not_bytes() -> None:
    # A Cyrillic literal before the mistake must not move the position.
    columns = []
    for text in ("SELECT ?x { ?s ?p 'abc' .. }", "SELECT ?x { ?s ?p 'абв' .. }"):
        with pytest.raises(SyntaxError) as engine:
            ox.Store().query(text)
        assert str(engine.value).startswith("error at 1:")
        columns.append(from_engine(text, str(engine.value)).column)
    assert columns[0] == columns[1] <= len("SELECT ?x { ?s ?p 'abc' .. }") + 1
