"""Paths on the command line: a missing output directory is one line and exit 3 before any
work (viz -o, --png, --dist, import-text -o); a missing data directory says so; messages name
the data directory actually used; a misspelt action is reported at its file and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import ROOT

MINI = Path(__file__).parent / "data" / "mini"


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("viz", "-o", "{tmp}/missing/x.html"), "cannot write the page {tmp}/missing/x.html"),
        (("viz", "--png", "{tmp}/missing/x.png"), "cannot write the image {tmp}/missing/x.png"),
        (("--dist", "{tmp}/missing/d", "build"), "cannot write the dumps to {tmp}/missing/d"),
        (("--dist", "{tmp}/missing/d", "serve"), "cannot write the dumps to {tmp}/missing/d"),
    ],
)
def test_a_missing_output_directory_is_one_line_and_exit_3(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = kg("--data", str(MINI), *(a.format(tmp=tmp_path) for a in args))
    assert done.returncode == 3
    expected = message.format(tmp=tmp_path) + f": the directory {tmp_path}/missing"
    assert done.stderr.splitlines() == [f"error: {expected} does not exist"], done.stderr
    assert not (tmp_path / "missing").exists()


def test_import_text_to_a_missing_directory_is_exit_3(tmp_path: Path) -> None:
    official = Path(__file__).parent / "data" / "official-layout.txt"
    out = tmp_path / "missing" / "x.trig"
    done = kg("import-text", str(official), "--lang", "ru", "-o", str(out))
    assert done.returncode == 3
    assert f"cannot write the wording {out}" in done.stderr


def test_a_missing_data_directory_says_the_directory_does_not_exist(tmp_path: Path) -> None:
    for command in (("validate",), ("query", "powers"), ("build",)):
        done = kg("--data", str(tmp_path / "nowhere"), "--dist", str(tmp_path / "d"), *command)
        assert done.returncode == 2, command
        assert done.stderr.strip() == (
            f"error: cannot load the data: the data directory {tmp_path}/nowhere does not "
            "exist (see --data, KG_DATA_DIR)"
        ), command
        assert "institutions.yaml" not in done.stderr


def broken_mini(
    tmp_path: Path, old: str, new: str, file: str = "constitution-2026/section-01.yaml"
) -> Path:
    data = tmp_path / "mydata"
    shutil.copytree(MINI, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_integrity_messages_name_the_data_directory_used(tmp_path: Path) -> None:
    data = broken_mini(tmp_path, 'basis: "2"', 'basis: "3"')
    done = kg("--data", str(data), "--dist", str(tmp_path / "d"), "query", "powers")
    assert done.returncode == 2
    assert f"integrity problem(s) in {data}/" in done.stderr
    assert "in data/" not in done.stderr


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "constitution-2026/section-01.yaml",
            "action: appoint\n",
            "action: apoint\n",
            "unknown action 'apoint': not in vocab/actions.yaml; did you mean 'appoint'?",
        ),
        (
            "constitution-2026/section-01.yaml",
            "topics: [head-of-state]",
            "topics: [head-of-stat]",
            "unknown topic 'head-of-stat': not in vocab/topics.yaml; did you mean 'head-of-state'?",
        ),
        (
            "institutions.yaml",
            "kind: head-of-state",
            "kind: head-of-stat",
            "unknown kind 'head-of-stat': not in vocab/kinds.yaml; did you mean 'head-of-state'?",
        ),
    ],
)
def test_a_misspelt_vocabulary_value_is_reported_at_its_file_and_line(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    data = broken_mini(tmp_path, old, new, file)
    done = kg("--data", str(data), "--dist", str(tmp_path / "d"), "validate")
    assert done.returncode == 1
    problems = done.stdout.splitlines()[1:]
    assert problems, done.stdout
    where = f"{data}/{file}:"
    assert all(line.strip().startswith(where) for line in problems), done.stdout
    assert message in done.stdout
    assert "does not contain a value in the set" not in done.stdout
