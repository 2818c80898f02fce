"""The README documents every command, named query and setting, and CI runs its test
command."""

from __future__ import annotations

import re

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
