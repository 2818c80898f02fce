"""`kg serve` listens before it says so: a busy or impossible address fails at once with one
line and exit 3; "serving on" is printed only when requests are answered; Ctrl-C stops it
cleanly; --access-log prints the requests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from kg.config import ROOT
from kg.listen import ListenError, listen


def serve(*args: str, dist: Path, **settings: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["KG_DIST_DIR"] = str(dist)
    env.update(settings)
    return subprocess.Popen(
        [sys.executable, "-u", "-m", "kg", "serve", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_busy_port_is_one_line_and_exit_3(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = serve("--port", str(port), dist=tmp_path)
        out, err = process.communicate(timeout=120)
    assert process.returncode == 3
    assert "serving on" not in out
    assert err.strip().splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port}: the port is already in use (another "
        "`kg serve`?); stop that server or choose another port with --port"
    ]
    assert not (tmp_path / "atazan.nq").exists()  # failed before building anything


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--port", "80000"), "80000 is not a port number"),
        (("--port", "-1"), "-1 is not a port number"),
        (("--host", "no-such-host.invalid"), "no such host name or address"),
        (("--host", "192.0.2.1"), "is not an address of this machine"),
    ],
)
def test_an_impossible_address_is_one_line_and_exit_3(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    process = serve(*args, dist=tmp_path)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 3
    assert "serving on" not in out
    assert len(err.strip().splitlines()) == 1 and message in err, err


def test_workers_that_cannot_start_are_one_line_and_exit_1(tmp_path: Path) -> None:
    process = serve("--port", "0", dist=tmp_path, KG_WORKER_MEMORY="20")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "serving on" not in out
    assert err.strip().splitlines() == [
        "error: cannot start the server: a query worker failed to start (exit status 70): it "
        "ran out of its 20 MB (KG_WORKER_MEMORY) while loading the data; a worker needs "
        "about 100 MB"
    ]


def test_serving_on_is_printed_once_it_answers_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    process = serve("--port", "0", "--access-log", dist=tmp_path)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Ata Zan: serving on http://127.0.0.1:"), line
        assert "Ctrl-C" in line
        url = line.split()[4]
        # Answered at once: no retry loop, the socket listened before the line was printed.
        with urllib.request.urlopen(url + "sparql?query=ASK%7B%7D", timeout=30) as response:
            assert response.status == 200
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Ata Zan: stopped" in out
    assert '"GET /sparql?query=ASK%7B%7D HTTP/1.1" 200' in out  # the access log
    assert "Traceback" not in err


def test_listen_picks_a_free_port_and_reports_a_busy_one() -> None:
    first = listen("127.0.0.1", 0)
    try:
        port = first.getsockname()[1]
        assert port > 0
        with pytest.raises(ListenError, match="already in use"):
            listen("127.0.0.1", port)
    finally:
        first.close()


def test_sigterm_to_the_whole_process_group_stops_it_quietly(tmp_path: Path) -> None:
    """What `systemctl stop` or `timeout` do: SIGTERM reaches the server and its workers at
    once. The workers leave the stopping to the server: no replacement, no traceback, and
    the server stops as on Ctrl-C."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["KG_DIST_DIR"] = str(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "kg", "serve", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        assert "serving on" in process.stdout.readline()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Ata Zan: stopped" in out
    assert err.strip() == "", err
