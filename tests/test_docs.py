"""The README documents every command, named query and setting, and CI runs its test
command."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

from kg.cli import main
from kg.config import ROOT, SETTINGS
from kg.queries import QueryRegistry

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    for name in main.commands:
        assert f"`kg {name}" in README, name


def test_every_named_query_is_documented_with_its_parameters() -> None:
    for q in QueryRegistry():
        row = next(
            (line for line in README.splitlines() if line.startswith(f"| `{q.name}` |")), None
        )
        assert row is not None, q.name
        for p in q.parameters:
            assert f"`{p.name}`" in row, (q.name, p.name)


def test_every_setting_is_documented() -> None:
    for s in SETTINGS:
        assert f"| `{s.name}` | `{s.env}` |" in README, s.name
        assert s.help in README, s.name


def test_the_readme_opens_with_two_setup_commands_and_ci_runs_the_second() -> None:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    test_command = commands[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install" in ci and "-e '.[test]'" in test_command
    assert test_command.rsplit("&& ", 1)[1] in ci  # python -m pytest


def test_the_readme_examples_run_as_written(tmp_path: Path) -> None:
    """Every line of the README's examples, run by a shell in an empty directory (the dumps
    go to a temporary directory). `kg serve --port 8080` runs on a free port instead, and
    the curl line asks that server."""
    block = README.split("Examples:\n\n```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    (tmp_path / "my-question.rq").write_text(
        "SELECT ?office WHERE { id:president ata:appoints ?office }\n"
    )
    sources = ROOT.parent / "shared" / "sources"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["KG_DIST_DIR"] = str(tmp_path / "dist")
    server: subprocess.Popen[str] | None = None
    port = 0
    ran = []
    try:
        for line in lines:
            if "../shared/sources" in line:
                if not sources.is_dir():
                    continue  # the official text is kept outside the repository
                line = line.replace("../shared/sources", str(sources))
            if line == "kg serve --port 8080":
                with socket.socket() as s:
                    s.bind(("127.0.0.1", 0))
                    port = s.getsockname()[1]
                server = subprocess.Popen(
                    ["kg", "serve", "--port", str(port)],
                    cwd=tmp_path,
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                assert server.stdout is not None
                assert "serving on" in server.stdout.readline()
                ran.append(line)
                continue
            if line.startswith("curl"):
                assert port, "the curl example needs the server example before it"
                line = line.replace("127.0.0.1:8000", f"127.0.0.1:{port}")
            done = subprocess.run(
                ["bash", "-c", f"set -o pipefail; {line}"],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, (line, done.stderr)
            assert "Traceback" not in done.stderr
            ran.append(line)
            if line.startswith("curl"):
                assert done.stdout.splitlines()[0] == "o"
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            server.wait(60)
    assert len(ran) >= len(lines) - 2
    assert (tmp_path / "powers.csv").read_text().startswith("holder,action,object")
    assert (tmp_path / "checks-kk.png").read_bytes()[:4] == b"\x89PNG"
