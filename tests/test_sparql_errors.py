"""SPARQL syntax errors point at the mistake in the user's own text: file, line and column,
the line with a caret, and what was expected in words (never Unicode ranges)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgserver import Server, http, running

from kg.config import ROOT
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
    ("marked", "words"),
    [
        ("SELECT * { ?s ?p ?o‸", "expected '}': the query ends before the '{' opened at"),
        ("SELECT * { ?s ?p ?o ‸) }", "expected '}' to close the '{'"),
        ("SELECT * { ?s ?p ?o } ‸}", "'}' closes nothing"),
        ("‸   ", "the query is empty"),
    ],
)
def test_brackets_and_empty_queries(marked: str, words: str) -> None:
    case = Mistake("brackets", marked, words)
    error = error_of(case.text)
    assert (error.line, error.column) == case.position
    assert words in str(error)
    assert str(error).startswith(
        f"SPARQL syntax error at line {error.line}, column {error.column}: "
    )


def test_a_query_cut_short_says_what_would_come_next() -> None:
    error = error_of("DESCRIBE")
    first = str(error).splitlines()[0]
    assert first.startswith("SPARQL syntax error at line 1, column 9: the query ends too early: ")
    assert all(word in first for word in ("a variable", "an IRI", "'*'"))
    assert "[" not in first and "\\u{" not in first


def test_columns_count_characters_not_bytes() -> None:
    # A Cyrillic literal before the mistake must not move the position.
    columns = []
    for text in ("SELECT ?x { ?s ?p 'abc' .. }", "SELECT ?x { ?s ?p 'абв' .. }"):
        with pytest.raises(SyntaxError) as engine:
            ox.Store().query(text)
        assert str(engine.value).startswith("error at 1:")
        columns.append(from_engine(text, str(engine.value)).column)
    assert columns[0] == columns[1] <= len("SELECT ?x { ?s ?p 'abc' .. }") + 1


# --- a corpus of realistic mistakes: the position of each and what was expected there ------
# Each has a marker (‸) where the mistake really is, and a phrase the message must contain
# there (a word of the expected list or a targeted hint). The marker is removed before the
# query runs; its line and column are the position the message must give. A marker at the
# end means the query stops too early.

MARK = "‸"


@dataclass(frozen=True)
class Mistake:
    name: str
    marked: str
    says: str  # a phrase the message must contain

    @property
    def text(self) -> str:
        return self.marked.replace(MARK, "")

    @property
    def position(self) -> tuple[int, int]:
        before = self.marked[: self.marked.index(MARK)]
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


W = "SELECT * WHERE { "
MISTAKES = [
    # triples and punctuation
    Mistake("missing dot", "SELECT ?s WHERE {\n  ?s a ata:Power\n  ‸?s ata:holder ?h\n}", "'.'"),
    Mistake("missing dot before a name", W + "?s ?p ?o ‸ata:x ?p ?o }", "a '.' missing"),
    Mistake("missing dot before an IRI", W + "?s ?p ?o\n‸<http://example.org/x> ?p ?o }", "'.'"),
    Mistake("double dot", "SELECT ?x {\n ?s ?p ?o .‸. \n}", "'}'"),
    Mistake("stray semicolon", W + "‸; ?s ?p ?o }", "a variable"),
    Mistake("stray comma", W + "‸, ?s ?p ?o }", "a variable"),
    Mistake("stray dot after SELECT", "SELECT ?s ‸. WHERE { ?s ?p ?o }", "WHERE"),
    Mistake("string as predicate", W + "?s ‸'p' ?o }", "a variable"),
    Mistake("object missing", W + "?s ?p ‸}", "a variable"),
    Mistake("missing variable name", W + "?s ?p ‸? }", "followed by a variable name"),
    Mistake("missing variable name in SELECT", "SELECT ‸? WHERE { ?s ?p ?o }", "variable name"),
    Mistake("variable without ?", "SELECT ‸x WHERE { ?x ?p ?o }", "did you mean ?x?"),
    # braces and parentheses
    Mistake("missing closing brace", "SELECT ?s WHERE {\n  ?s ?p ?o‸\n", "expected '}'"),
    Mistake("missing inner brace", "SELECT * {\n OPTIONAL { ?s ?p ?o\n FILTER(?o > 1) }‸", "'}'"),
    Mistake("missing brace after FILTER", "SELECT * {\n ?s ?p ?o .\n FILTER(?o > 1)‸", "'}'"),
    Mistake("WHERE without braces", "SELECT ?x WHERE ‸?x ?p ?o", "WHERE needs braces"),
    Mistake("wrong closer", W + "?s ?p ?o FILTER(?o > 1 ‸}", "expected ')'"),
    Mistake("OPTIONAL without braces", W + "?s ?p ?o OPTIONAL ‸?s ata:x ?y }", "needs braces"),
    Mistake("GRAPH without braces", W + "GRAPH ?g ‸?s ?p ?o }", "GRAPH ?g needs braces"),
    Mistake("UNION without braces", W + "{ ?s ?p ?o } UNION ‸?s ?p ?o }", "needs braces"),
    Mistake("CONSTRUCT WHERE without braces", "CONSTRUCT WHERE ‸?s ?p ?o", "'{'"),
    # FILTER, BIND and expressions
    Mistake("FILTER without parentheses", W + "?s ?p ?o FILTER ‸?o > 1 }", "FILTER needs paren"),
    Mistake(
        "FILTER comparison cut short", "SELECT ?x WHERE {\n  ?s ?p ?o FILTER(?o > ‸)\n}", "a number"
    ),
    Mistake("IN without parentheses", W + "?s ?p ?o FILTER(?o IN ‸ata:a, ata:b) }", "'('"),
    Mistake("IN list without comma", W + "?s ?p ?o FILTER(?o IN (ata:a ‸ata:b)) }", "','"),
    Mistake("BIND without AS", W + "?s ?p ?o BIND(STR(?o) ‸?label) }", "AS is missing"),
    Mistake("BIND without parentheses", W + "?s ?p ?o BIND ‸STR(?o) AS ?l }", "BIND needs paren"),
    Mistake(
        "HAVING without parentheses",
        "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING ‸?s",
        "HAVING needs",
    ),
    # SELECT lists and aggregates
    Mistake("comma in a SELECT list", "SELECT ?s‸, ?o WHERE { ?s ?p ?o }", "not commas"),
    Mistake("COUNT without AS", "SELECT (COUNT(?x) ‸?n) WHERE { ?s ?p ?x }", "AS is missing"),
    Mistake("aggregate without a name", "SELECT ?s (COUNT(?o)‸) { ?s ?p ?o } GROUP BY ?s", "AS"),
    Mistake("aggregate without parentheses", "SELECT ?s ‸COUNT(?o) AS ?n { ?s ?p ?o }", "(COUNT"),
    Mistake(
        "ORDER BY naming an aggregate",
        "SELECT ?s { ?s ?p ?o } ORDER BY (COUNT(?o) ‸AS ?n)",
        "ORDER BY cannot",
    ),
    Mistake("DISTINCT after a variable", "SELECT ?s ‸DISTINCT ?o WHERE { ?s ?p ?o }", "WHERE"),
    # solution modifiers
    Mistake(
        "GROUP BY before WHERE",
        "SELECT ?h (COUNT(?p) AS ?n)\n‸GROUP BY ?h\nWHERE { ?p ata:holder ?h }",
        "after the WHERE",
    ),
    Mistake(
        "ORDER BY before WHERE", "SELECT ?s ‸ORDER BY ?s WHERE { ?s ?p ?o }", "after the WHERE"
    ),
    Mistake("LIMIT without a number", "SELECT * WHERE { ?s ?p ?o } LIMIT‸", "whole number"),
    Mistake("LIMIT with a word", "SELECT * WHERE { ?s ?p ?o } LIMIT ‸ten", "whole number"),
    Mistake("LIMIT with a string", "SELECT * WHERE { ?s ?p ?o } LIMIT ‸'10'", "a number"),
    Mistake("DESC without parentheses", "SELECT ?s { ?s ?p ?o } ORDER BY DESC ‸?s", "DESC needs"),
    Mistake("ORDER without BY", "SELECT ?x WHERE { ?s ?p ?o } ORDER ‸?x", "expected BY"),
    Mistake("GROUP without BY", "SELECT ?s WHERE { ?s ?p ?o } GROUP ‸?s", "expected BY"),
    Mistake("a second WHERE", "SELECT * WHERE { ?s ?p ?o } ‸WHERE { ?s ?p ?o }", "LIMIT"),
    Mistake("nothing after SELECT list", "SELECT ?s‸", "'{'"),
    # misspelt keywords
    Mistake("FILTRE", W + "?s ?p ?o ‸FILTRE(?o > 1) }", "did you mean FILTER?"),
    Mistake("OPTINAL", W + "?s ?p ?o ‸OPTINAL { ?s ata:x ?y } }", "did you mean OPTIONAL?"),
    Mistake("DISTINT", "SELECT ‸DISTINT ?s WHERE { ?s ?p ?o }", "did you mean DISTINCT?"),
    Mistake("WHER", "SELECT ?s ‸WHER { ?s ?p ?o }", "did you mean WHERE?"),
    Mistake("ORDR BY", "SELECT ?s WHERE { ?s ?p ?o } ‸ORDR BY ?s", "did you mean ORDER?"),
    Mistake("LIMT", "SELECT ?s WHERE { ?s ?p ?o } ‸LIMT 10", "did you mean LIMIT?"),
    Mistake("UNOIN", W + "{ ?s ?p ?o } ‸UNOIN { ?s ?p ?o } }", "did you mean UNION?"),
    # VALUES
    Mistake("VALUES with parentheses", W + "VALUES ?x ‸(1 2) ?x ?p ?o }", "'{'"),
    Mistake("VALUES row without parentheses", W + "VALUES (?x ?y) { ‸1 2 } }", "'('"),
    Mistake("VALUES without braces", W + "VALUES ?x ‸1 }", "'{'"),
    # property paths and prologue
    Mistake("double slash in a path", W + "?s ata:a/‸/ata:b ?o }", "an IRI"),
    Mistake("variable in a path", W + "?s ata:a|‸?x ?o }", "an IRI"),
    Mistake("star before a path", W + "?s ‸*ata:a ?o }", "an IRI"),
    Mistake(
        "PREFIX without colon", "PREFIX ‸ex <http://example.org/>\nSELECT * { ?s ?p ?o }", "ex:"
    ),
    # strings
    Mistake("unterminated string", W + '?s ?p ‸"abc }', "never closed"),
    Mistake("unterminated single quote", W + "?s ?p ?o FILTER(?o = ‸'abc) }", "never closed"),
]


# Oxigraph's own lists name characters as Unicode ranges: ['A' ..= 'Z' | '\u{00C0}'..='\u{00D6}']
_RANGE = re.compile(r"\.\.=|\\u\{|\[\s*'")


def said_rightly(case: Mistake, message: str) -> None:
    """The message points at the mistake and says what was expected there, in words."""
    first, shown, _ = message.splitlines()
    line, column = case.position
    assert f"line {line}, column {column}: " in first or f":{line}:{column}: " in first
    assert shown.split("| ", 1)[1] == case.text.splitlines()[line - 1]
    assert caret_column(message) == column
    problem = first.split("SPARQL syntax error", 1)[1]
    assert "expected" in problem, problem
    assert case.says in problem
    assert not _RANGE.search(message)
    listed = re.search(r"expected one of (.*?)(?:, not |;|$)", problem)
    if listed:  # at most six alternatives, then "..."
        items = listed[1].removesuffix(", ...").split(", ")
        assert len(items) <= 6, problem


@pytest.mark.parametrize("case", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_is_placed_where_it_is_and_says_what_was_expected(case: Mistake) -> None:
    assert len(MISTAKES) >= 40
    error = error_of(case.text)
    assert (error.line, error.column) == case.position
    said_rightly(case, str(error))


def test_the_corpus_is_made_of_queries_the_engine_refuses() -> None:
    # Each text really is wrong for Oxigraph, and its marker is inside the text or at its end.
    for case in MISTAKES:
        with pytest.raises(SyntaxError):
            ox.Store().query(case.text)
        assert case.marked.count("‸") == 1
        assert case.marked.index("‸") <= len(case.text.rstrip())


def test_the_caret_lines_up_under_tabs() -> None:
    case = Mistake("tab", "SELECT * {\n\t?s ?p ?o ‸?x }", "'.'")
    error = error_of(case.text)
    assert (error.line, error.column) == case.position
    shown, caret = str(error).splitlines()[1:]
    assert caret.split("| ", 1)[1] == "\t" + " " * (error.column - 2) + "^"
    assert (
        shown.split("| ", 1)[1].expandtabs()[len(caret.split("| ", 1)[1].expandtabs()) - 1] == "?"
    )


def test_a_long_query_is_placed_quickly() -> None:
    # The mistake is found by halving, not by reading every start of the query in turn.
    case = Mistake("long", "SELECT * WHERE {\n" + "?s ?p ?o .\n" * 800 + "?s ?p ?o ‸?x }", "'.'")
    error = error_of(case.text)
    assert (error.line, error.column) == case.position
    said_rightly(case, str(error))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    dist, log = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("log")
    with running(dist, log) as s:
        yield s


def test_the_same_messages_over_http(server: Server) -> None:
    for case in MISTAKES:
        url = server.url + "/sparql?query=" + urllib.parse.quote(case.text)
        status, _, body = http(url)
        assert status == 400, case.name
        detail = json.loads(body)["error"]["detail"]
        assert detail == str(error_of(case.text)), case.name
        said_rightly(case, detail)


def test_a_query_file_on_the_command_line_names_the_file(tmp_path: Path) -> None:
    case = next(m for m in MISTAKES if m.name == "OPTINAL")
    path = tmp_path / "mine.rq"
    path.write_text("# which powers\n" + case.marked.replace("‸", ""), encoding="utf-8")
    shifted = Mistake(case.name, "# which powers\n" + case.marked, case.says)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--data",
            str(ROOT / "tests" / "data" / "mini"),
            "--dist",
            str(tmp_path / "dist"),
            "query",
            "mine.rq",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 1
    message = done.stderr.removeprefix("error: ").rstrip("\n")
    line, column = shifted.position
    assert message.startswith(f"mine.rq:{line}:{column}: SPARQL syntax error: ")
    said_rightly(shifted, message)
