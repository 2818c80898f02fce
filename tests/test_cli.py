"""The command line, run as a real process: exit codes, output formats, parameters."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.config import ROOT

MINI = Path(__file__).parent / "data" / "mini"


def kg(
    *args: str, data: Path | None = None, dist: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kg"]
    if data:
        command += ["--data", str(data)]
    if dist:
        command += ["--dist", str(dist)]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


# --- validate: exit codes 0, 1, 2 ---------------------------------------------------------


def test_validate_exits_0_on_the_shipped_data(tmp_path: Path) -> None:
    done = kg("validate", dist=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Conforms")


def test_validate_exits_1_when_a_power_cites_a_paragraph_that_does_not_exist(
    tmp_path: Path, data_copy: Callable[..., Path]
) -> None:
    data = data_copy("constitution-2026/section-04.yaml", '"62.1"', '"62.9"')
    done = kg("validate", data=data, dist=tmp_path)
    assert done.returncode == 1
    assert "section-04.yaml:" in done.stdout
    assert "cites '62.9', which is not a provision" in done.stdout
    # SHACL finds it too: the legal basis is not a provision of the graph
    assert "art_62__para_9" in done.stdout


def test_validate_exits_2_when_a_file_cannot_be_loaded(
    tmp_path: Path, data_copy: Callable[..., Path]
) -> None:
    data = data_copy("institutions.yaml", "- id: president\n", "- id: president\n  bogus: [\n")
    done = kg("validate", data=data, dist=tmp_path)
    assert done.returncode == 2
    assert "institutions.yaml:" in done.stderr


def test_build_refuses_inconsistent_data_and_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "mini"
    import shutil

    shutil.copytree(MINI, broken)
    section = broken / "constitution-2026" / "section-01.yaml"
    section.write_text(section.read_text().replace('basis: "2"', 'basis: "3"'))
    done = kg("build", data=broken, dist=tmp_path / "dist")
    assert done.returncode == 1
    assert "section-01.yaml:49" in done.stderr
    assert not (tmp_path / "dist").exists()


# --- query: formats and parameters on the mini fixture ----------------------------------


@pytest.fixture(scope="module")
def mini_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    assert kg("build", data=MINI, dist=dist).returncode == 0
    return dist


def query(mini_dist: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return kg("query", *args, data=MINI, dist=mini_dist)


def test_query_csv(mini_dist: Path) -> None:
    done = query(mini_dist, "powers", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [
        (r["holder"], r["action"], r["object"], r["article"], r["paragraph"]) for r in rows
    ] == [
        ("President", "appoints", "Prime Minister", "1", "2(1)"),
        ("President", "signs", "law", "1", "2(2)"),
        ("President", "dissolves", "Kurultai", "2", ""),
    ]
    assert rows[0]["consent_of"] == "Kurultai"
    assert rows[0]["threshold"] == "a majority of all members of the Kurultai"
    assert rows[1]["conditions"] == "within 1 month of the submission of the law for signature"
    assert (
        rows[2]["conditions"]
        == "only on the Kurultai's second refusal to consent to the Prime Minister"
    )


def test_powers_by_trigger_or_its_group_in_any_language(mini_dist: Path) -> None:
    for value in (
        "second-refusal-of-consent",
        "repeated-refusal-of-consent",
        "ПОВТОРНЫЙ ОТКАЗ КУРУЛТАЯ",
    ):
        done = query(mini_dist, "powers", "-p", f"trigger={value}", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert [(r["holder"], r["action"], r["object"]) for r in rows] == [
            ("President", "dissolves", "Kurultai")
        ], value
    done = query(mini_dist, "triggers", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["trigger_id"], r["trigger_group"], r["article"]) for r in rows] == [
        ("second-refusal-of-consent", "repeated-refusal-of-consent", "2")
    ]


def test_query_tsv_json_and_table_agree(mini_dist: Path) -> None:
    as_json = json.loads(query(mini_dist, "powers", "-f", "json").stdout)
    tsv = query(mini_dist, "powers", "-f", "tsv").stdout.splitlines()
    table = query(mini_dist, "powers", "-f", "table").stdout.splitlines()
    assert as_json["truncated"] is False
    assert tsv[0].split("\t") == as_json["columns"]
    assert [line.split("\t")[2] for line in tsv[1:]] == [r["object"] for r in as_json["rows"]]
    assert table[0].split()[:3] == ["holder", "action", "object"]
    assert table[-1] == "3 row(s)"


def test_query_parameters_filter_by_label_id_or_iri(mini_dist: Path) -> None:
    for value in ("Kurultai", "kurultai", "https://w3id.org/atazan/id/kurultai"):
        rows = json.loads(query(mini_dist, "powers", "-p", f"object={value}", "-f", "json").stdout)
        assert [r["action"] for r in rows["rows"]] == ["dissolves"], value


def test_query_a_file_and_sparql_text(mini_dist: Path, tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text(
        "PREFIX ata: <https://w3id.org/atazan/ontology#>\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a ata:Power }\n"
    )
    assert json.loads(query(mini_dist, str(rq), "-f", "json").stdout)["rows"] == [{"n": 3}]
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?p a ata:Power }"
    assert json.loads(query(mini_dist, text, "-f", "json").stdout)["rows"] == [{"n": 3}]


def test_query_limit_marks_truncation(mini_dist: Path) -> None:
    body = json.loads(query(mini_dist, "powers", "--limit", "2", "-f", "json").stdout)
    assert len(body["rows"]) == 2
    assert body["truncated"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuchquery",), "no named query 'nosuchquery' (available:"),
        (("powers", "-p", "colour=red"), "has no parameter 'colour'"),
        (("powers", "-p", "holder"), "--param takes key=value"),
        (("SELECT WHERE {",), "SPARQL syntax error"),
        (("missing.rq",), "no query file missing.rq"),
    ],
)
def test_query_errors_are_clear_and_exit_1(
    mini_dist: Path, args: tuple[str, ...], message: str
) -> None:
    done = query(mini_dist, *args)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_queries_lists_every_named_query_with_its_title() -> None:
    done = kg("queries")
    assert done.returncode == 0
    names = [line.split()[0] for line in done.stdout.splitlines()]
    expected = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert names == expected
    assert "Powers  [params: holder, action, object, article, trigger, version]" in done.stdout
