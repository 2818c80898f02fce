"""The suite is isolated from the caller's environment, and our code makes no deprecated
calls: the commands run with deprecation warnings turned into errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import ROOT

MINI = Path(__file__).parent / "data" / "mini"
OFFICIAL = str(Path(__file__).parent / "data" / "official-layout.txt")
SUBSET = ["tests/test_api.py", "tests/test_cli.py", "tests/test_config.py"]
HOSTILE = {
    "KG_DATA_DIR": "/nonexistent/data",
    "KG_DIST_DIR": "/nonexistent/dist",
    "KG_MAX_ROWS": "1",
    "KG_QUERY_TIME_LIMIT": "0.001",
    "KG_PORT": "1",
    "KG_RESPONSE_CACHE": "0",
}


def test_no_kg_variable_reaches_the_tests() -> None:
    assert not [name for name in os.environ if name.startswith("KG_")]


def test_exported_settings_change_no_result_of_the_suite(tmp_path: Path) -> None:
    # A part of the suite that reads settings in process and in subprocesses.
    env = dict(os.environ, **HOSTILE)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *SUBSET],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:]


@pytest.mark.parametrize(
    "args",
    [
        ("build",),
        ("validate",),
        ("query", "powers"),
        ("query", "DESCRIBE id:kurultai", "-f", "jsonld"),
        ("viz", "-o", "{tmp}/powers.html"),
        ("import-text", OFFICIAL, "--lang", "ru", "-o", "{tmp}/text.trig"),
        ("serve", "--get", "/sparql?format=trig"),
        ("serve", "--get", "/id/kurultai.jsonld"),
    ],
)
def test_commands_make_no_deprecated_calls(tmp_path: Path, args: tuple[str, ...]) -> None:
    env = dict(os.environ, PYTHONWARNINGS="error::DeprecationWarning")
    command = [sys.executable, "-m", "kg", "--data", str(MINI), "--dist", str(tmp_path / "d")]
    done = subprocess.run(
        [*command, *(a.format(tmp=tmp_path) for a in args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "DeprecationWarning" not in done.stderr
