"""Every exit code in the README's command table, produced by a real run of the command;
and every code a command can return is in its row."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.config import ROOT

MINI = Path(__file__).parent / "data" / "mini"
OFFICIAL = Path(__file__).parent / "data" / "official-layout.txt"
README = (ROOT / "README.md").read_text(encoding="utf-8")

# (command, code) -> the arguments that give it. Placeholders: {mini}, {broken} (loads, but
# does not fit together), {unreadable} (a YAML error), {dist} (built from mini), {tmp},
# {official} (a text that fits mini), {mismatch} (one that does not).
TEXT = ("import-text", "{official}", "--lang", "ru")
MISMATCH = ("import-text", "{mismatch}", "--lang", "ru")
SCENARIOS: dict[tuple[str, int], tuple[str, ...]] = {
    ("build", 0): ("--data", "{mini}", "--dist", "{tmp}/out", "build"),
    ("build", 1): ("--data", "{broken}", "--dist", "{tmp}/out", "build"),
    ("build", 2): ("--data", "{tmp}/nowhere", "--dist", "{tmp}/out", "build"),
    ("build", 3): ("--data", "{mini}", "--dist", "{tmp}/no/out", "build"),
    ("validate", 0): ("--data", "{mini}", "validate"),
    ("validate", 1): ("--data", "{broken}", "validate"),
    ("validate", 2): ("--data", "{unreadable}", "validate"),
    ("query", 0): ("--data", "{mini}", "--dist", "{dist}", "query", "ASK {{ ?s ata:nothing ?o }}"),
    ("query", 1): ("--data", "{mini}", "--dist", "{dist}", "query", "SELEC ?o"),
    ("query", 2): ("--data", "{broken}", "--dist", "{tmp}/out", "query", "powers"),
    ("queries", 0): ("queries",),
    ("stats", 0): ("--data", "{mini}", "--dist", "{dist}", "stats"),
    ("stats", 2): ("--data", "{unreadable}", "--dist", "{tmp}/out", "stats"),
    ("viz", 0): (
        "--data",
        "{mini}",
        "--dist",
        "{dist}",
        "viz",
        "-o",
        "{tmp}/p.html",
        "--svg",
        "{tmp}/p.svg",
    ),
    ("viz", 1): ("--data", "{mini}", "--dist", "{dist}", "viz"),
    ("viz", 2): ("--data", "{unreadable}", "--dist", "{tmp}/out", "viz", "-o", "{tmp}/p.html"),
    # every output of viz, and --dist, is checked too (tests/test_viz_svg.py)
    ("viz", 3): ("--data", "{mini}", "--dist", "{dist}", "viz", "--svg", "{tmp}/no/p.svg"),
    ("analyze", 0): ("--data", "{mini}", "--dist", "{dist}", "analyze"),
    ("analyze", 2): ("--data", "{unreadable}", "--dist", "{tmp}/out", "analyze"),
    ("import-text", 0): ("--data", "{mini}", *TEXT, "-o", "{tmp}/t.trig"),
    ("import-text", 1): ("--data", "{mini}", *MISMATCH, "-o", "{tmp}/t.trig"),
    ("import-text", 2): ("--data", "{unreadable}", *TEXT),
    ("import-text", 3): ("--data", "{mini}", *TEXT, "-o", "{tmp}/no/t.trig"),
    ("coverage", 0): ("--data", "{mini}", "coverage"),
    ("coverage", 1): ("--data", "{mini}", "coverage", "--against", "{mismatch}"),
    ("coverage", 2): ("--data", "{unreadable}", "coverage"),
    ("diff", 0): ("--data", "{mini}", "diff", "--from", "2026", "--to", "2026"),
    ("diff", 1): ("--data", "{mini}", "diff", "--from", "1990"),
    ("diff", 2): ("--data", "{unreadable}", "diff"),
    ("serve", 0): ("--data", "{mini}", "--dist", "{dist}", "serve", "--get", "/"),
    ("serve", 1): ("--data", "{mini}", "--dist", "{dist}", "serve", "--get", "/nothing"),
    ("serve", 2): ("--data", "{unreadable}", "--dist", "{tmp}/out", "serve", "--get", "/"),
    ("serve", 3): ("--data", "{mini}", "--dist", "{dist}", "serve", "--port", "80000"),
    # {store}: a loopback Graph Store that accepts every graph and forgets it, so that a
    # dry run finds nothing to compare (0) and a real publish reads back other counts (1).
    ("publish", 0): ("--data", "{mini}", "--dist", "{dist}", "publish", "{store}", "--dry-run"),
    ("publish", 1): ("--data", "{mini}", "--dist", "{dist}", "publish", "{store}"),
    ("publish", 2): ("--data", "{unreadable}", "--dist", "{tmp}/out", "publish", "{store}"),
    ("publish", 3): ("--data", "{mini}", "--dist", "{dist}", "publish", "http://127.0.0.1:9/g"),
}


class ForgetfulStore(http.server.BaseHTTPRequestHandler):
    """Answers the Graph Store Protocol like a store that keeps nothing: every graph reads
    back empty, every PUT is accepted."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def documented_codes() -> dict[str, set[int]]:
    """Command -> the exit codes its row of the README's command table names."""
    found = {}
    for line in README.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)]
        command = re.match(r"^`kg ([a-z-]+)", cells[1]) if len(cells) == 5 else None
        if command:
            codes = re.findall(r"(?<![\w.`-])([0-3])(?![\w.`%-])", cells[3])
            found[command[1]] = {int(c) for c in codes}
    return found


def test_every_documented_code_has_a_scenario_and_every_scenario_is_documented() -> None:
    documented = documented_codes()
    assert set(documented) >= {command for command, _ in SCENARIOS}
    scenarios = {command: {c for k, c in SCENARIOS if k == command} for command, _ in SCENARIOS}
    assert documented == scenarios


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("codes")
    broken = base / "broken"
    shutil.copytree(MINI, broken)
    section = broken / "constitution-2026" / "section-01.yaml"
    section.write_text(section.read_text().replace('basis: "2"', 'basis: "3"'))
    unreadable = base / "unreadable"
    shutil.copytree(MINI, unreadable)
    institutions = unreadable / "institutions.yaml"
    institutions.write_text(institutions.read_text() + "\n- id: [\n")
    mismatch = base / "mismatch.txt"
    mismatch.write_text(OFFICIAL.read_text(encoding="utf-8") + "3. Лишний пункт.\n")
    dist = base / "dist"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    command = [sys.executable, "-m", "kg", "--data", str(MINI), "--dist", str(dist), "build"]
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
    store = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ForgetfulStore)
    threading.Thread(target=store.serve_forever, daemon=True).start()
    return {
        "store": f"http://127.0.0.1:{store.server_address[1]}/store",
        "mini": str(MINI),
        "broken": str(broken),
        "unreadable": str(unreadable),
        "dist": str(dist),
        "official": str(OFFICIAL),
        "mismatch": str(mismatch),
    }


@pytest.mark.parametrize(("command", "code"), sorted(SCENARIOS))
def test_the_command_exits_with_the_documented_code(
    places: dict[str, str], tmp_path: Path, command: str, code: int
) -> None:
    args = [a.format(tmp=tmp_path, **places) for a in SCENARIOS[command, code]]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    done = subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == code, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    if code == 3:
        assert not (tmp_path / "no").exists()
