"""`kg query` in the first hour: every SPARQL form, standard input, files of any name, errors
that point at the mistake, hints for parameters that match nothing, and tables that keep
their values when piped."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.api import KnowledgeGraph
from kg.config import ROOT, Config

MINI = Path(__file__).parent / "data" / "mini"
ID = "https://w3id.org/atazan/id/"
CONSTRUCT = "CONSTRUCT { ?h ata:appoints ?o } WHERE { ?h ata:appoints ?o }"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    assert kg("build", dist=dist).returncode == 0
    return dist


def kg(
    *args: str, dist: Path, stdin: str | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kg", "--data", str(MINI), "--dist", str(dist), *args]
    return subprocess.run(
        command, capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300
    )


@pytest.fixture(scope="module")
def graph(dist: Path) -> KnowledgeGraph:
    return KnowledgeGraph.load(Config(environ={}, data_dir=MINI, dist_dir=dist))


# --- every query form ---------------------------------------------------------------------


def test_ask_prints_yes_or_no_and_exits_0(dist: Path) -> None:
    yes = kg("query", "ASK { id:president ata:appoints id:prime-minister }", dist=dist)
    no = kg("query", "ASK { id:kurultai ata:appoints id:president }", dist=dist)
    assert (yes.returncode, yes.stdout) == (0, "yes\n")
    assert (no.returncode, no.stdout) == (0, "no\n")
    as_json = kg("query", "ASK { ?s ?p ?o }", "-f", "json", dist=dist)
    assert json.loads(as_json.stdout)["boolean"] is True


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [(None, "turtle"), ("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")],
)
def test_construct_prints_rdf_in_each_format(
    dist: Path, graph: KnowledgeGraph, fmt: str | None, rdflib_format: str
) -> None:
    done = kg("query", CONSTRUCT, *(["-f", fmt] if fmt else []), dist=dist)
    assert done.returncode == 0, done.stderr
    printed = Graph().parse(data=done.stdout, format=rdflib_format)
    expected = graph.query(CONSTRUCT)
    assert isinstance(expected, Graph) and len(expected) > 0
    assert isomorphic(printed, expected)
    appoints = URIRef("https://w3id.org/atazan/ontology#appoints")
    assert (URIRef(ID + "president"), appoints, URIRef(ID + "prime-minister")) in printed


def test_describe_prints_the_resource(dist: Path) -> None:
    done = kg("query", "DESCRIBE id:kurultai", "-f", "nt", dist=dist)
    assert done.returncode == 0, done.stderr
    described = Graph().parse(data=done.stdout, format="nt")
    assert set(described.subjects()) == {URIRef(ID + "kurultai")}
    assert len(described) > 3


@pytest.mark.parametrize(
    ("query", "fmt", "message"),
    [
        ("ASK { ?s ?p ?o }", "turtle", "an ASK query answers yes or no"),
        (CONSTRUCT, "csv", "CONSTRUCT and DESCRIBE answer with RDF"),
        ("SELECT * { ?s ?p ?o }", "nt", "a SELECT query answers with rows"),
    ],
)
def test_a_format_that_does_not_fit_the_form_is_exit_1(
    dist: Path, query: str, fmt: str, message: str
) -> None:
    done = kg("query", query, "-f", fmt, dist=dist)
    assert done.returncode == 1 and message in done.stderr


def test_the_api_returns_a_bool_a_graph_or_rows(graph: KnowledgeGraph) -> None:
    assert graph.query("ASK { id:president ata:appoints id:prime-minister }") is True
    assert graph.query("ASK { id:kurultai ata:appoints id:president }") is False
    described = graph.query("DESCRIBE id:president")
    assert isinstance(described, Graph)
    assert (URIRef(ID + "president"), None, None) in described
    rows = graph.query("SELECT ?o WHERE { id:president ata:appoints ?o }")
    assert not isinstance(rows, (bool, Graph))
    assert rows.rows == [{"o": ID + "prime-minister"}]
    with pytest.raises(Exception, match="does not return rows"):
        graph.select("ASK { ?s ?p ?o }")


# --- where the query comes from -----------------------------------------------------------


def test_a_dash_reads_the_query_from_standard_input(dist: Path) -> None:
    text = "SELECT ?o WHERE { id:president ata:appoints ?o }"
    done = kg("query", "-", "-f", "csv", dist=dist, stdin=text)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["o", ID + "prime-minister"]
    broken = kg("query", "-", dist=dist, stdin="SELECT ?o WHERE {\n  ?s nope:x ?o }")
    assert broken.returncode == 1
    assert broken.stderr.startswith("error: <stdin>:2:6: SPARQL syntax error: the prefix 'nope:'")


@pytest.mark.parametrize("name", ["question.sparql", "question.txt", "question"])
def test_an_existing_path_is_a_query_file_whatever_its_extension(
    dist: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text("# mine\nASK { id:president ata:appoints id:prime-minister }\n")
    done = kg("query", str(path), dist=dist)
    assert (done.returncode, done.stdout) == (0, "yes\n"), done.stderr


def test_syntax_errors_in_a_file_name_the_file_line_and_column(dist: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.sparql"
    path.write_text("# counts\nSELEC (COUNT(*) AS ?n)\nWHERE { ?s ?p ?o }\n")
    done = kg("query", "mine.sparql", dist=dist, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: mine.sparql:2:1: SPARQL syntax error: expected SELECT, ASK, CONSTRUCT or "
        "DESCRIBE, not 'SELEC'; did you mean SELECT?",
        "  2 | SELEC (COUNT(*) AS ?n)",
        "    | ^",
    ]


# --- parameters and names -----------------------------------------------------------------


def test_a_value_that_matches_nothing_warns_with_the_closest_values(dist: Path) -> None:
    done = kg("query", "powers", "-p", "holder=presdient", dist=dist)
    assert done.returncode == 0
    assert "0 row(s)" in done.stdout
    assert done.stderr.splitlines() == ["warning: no holder 'presdient'; did you mean 'President'?"]
    nothing_close = kg("query", "powers", "-p", "action=fly", dist=dist)
    assert nothing_close.returncode == 0
    assert "warning: no action 'fly'; action takes values such as" in nothing_close.stderr
    assert "'appoints'" in nothing_close.stderr
    no_such_version = kg("query", "powers", "-p", "version=1990", dist=dist)
    assert no_such_version.stderr.splitlines() == [
        "warning: no constitution '1990'; versions: 2026"  # the small data has 2026 only
    ]


def test_a_combination_that_matches_nothing_names_the_values_that_would(dist: Path) -> None:
    # The Kurultai exists but appoints no one in the mini data.
    done = kg("query", "powers", "-p", "holder=kurultai", "-p", "action=appoints", dist=dist)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "warning: no holder 'kurultai' among the rows with action='appoints'; holder takes "
        "values such as 'President'"
    ]


def test_a_value_that_matches_gives_no_warning(dist: Path) -> None:
    done = kg("query", "powers", "-p", "holder=President", dist=dist)
    assert done.returncode == 0 and done.stderr == ""


def test_a_repeated_key_is_an_error(dist: Path) -> None:
    done = kg("query", "powers", "-p", "holder=president", "-p", "holder=kurultai", dist=dist)
    assert done.returncode == 1
    assert "-p holder is given twice ('president' and 'kurultai')" in done.stderr


def test_an_unknown_query_name_gets_did_you_mean(dist: Path) -> None:
    done = kg("query", "power", dist=dist)
    assert done.returncode == 1
    assert "no named query 'power'; did you mean 'powers'" in done.stderr
    missing = kg("query", "missing.sparql", dist=dist)
    assert missing.returncode == 1 and "no query file missing.sparql" in missing.stderr


# --- tables -------------------------------------------------------------------------------


def test_piped_tables_keep_every_value_whole(dist: Path) -> None:
    done = kg("query", "powers", dist=dist)
    assert "…" not in done.stdout
    assert "https://w3id.org/atazan/eli/kz/constitution/2026/art_1__para_2__item_1" in done.stdout
    assert "shortened" not in done.stdout


def on_a_terminal(*args: str, dist: Path) -> str:
    """Run with standard output on a pseudo-terminal; return what it printed."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "kg", "--data", str(MINI), "--dist", str(dist), *args]
    env = dict(os.environ, COLUMNS="200")
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_on_a_terminal_long_values_are_shortened_with_a_note_unless_wide(dist: Path) -> None:
    short = on_a_terminal("query", "powers", dist=dist)
    assert "…" in short
    assert "3 row(s); 4 value(s) shortened to 60 characters (--wide, or -f csv" in short
    wide = on_a_terminal("query", "powers", "--wide", dist=dist)
    assert "…" not in wide and "shortened" not in wide
    assert "art_1__para_2__item_1" in wide
