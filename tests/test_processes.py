"""`kg serve --processes N`: N server processes share one port; each answers with the same
bytes and ETags, one that dies is replaced while the others answer, the port is still
refused to anyone else, and stopping the parent (SIGTERM, or SIGKILL) leaves nothing behind."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from kgserver import children, running
from kgserver import http as get

from kg.config import ROOT
from kg.listen import ListenError, listen, listen_shared

pytestmark = pytest.mark.server

LOOKUP = "SELECT ?p ?o WHERE { <https://w3id.org/atazan/id/president> ?p ?o }"
COUNT = "SELECT ?kind (COUNT(*) AS ?n) WHERE { ?x a ?kind } GROUP BY ?kind"


def server_processes(pid: int) -> list[int]:
    """The parent's children that are server copies (forked: same command line)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for child in children(pid):
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                found.append(child)
        except OSError:
            continue
    return found


def peer_ports_of(pid: int, port: int) -> set[int]:
    """The client ports of the connections to ``port`` that process ``pid`` holds."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    peers = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if inode in inodes and int(local.split(":")[1], 16) == port:
            peers.add(int(remote.split(":")[1], 16))
    return peers


def test_server_processes_share_the_port_answer_alike_and_are_replaced(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    env = {"KG_SERVER_PROCESSES": "2", "KG_QUERY_WORKERS": "1", "KG_RESPONSE_CACHE": "0"}
    with running(dist, tmp_path, **env) as server:
        copies = server_processes(server.process.pid)
        assert len(copies) == 2, copies
        port = int(server.url.rsplit(":", 1)[1])

        # 16 keep-alive connections, as a client pool would open: the kernel spreads them
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=60) for _ in range(16)]
        answers = set()
        for text in (LOOKUP, COUNT):
            body = urllib.parse.urlencode({"query": text})
            for connection in connections:
                connection.request(
                    "POST",
                    "/sparql",
                    body,
                    {"Content-Type": "application/x-www-form-urlencoded"},
                )
                response = connection.getresponse()
                assert response.status == 200
                answers.add((text, response.read(), response.getheader("ETag")))
        assert len(answers) == 2  # one body and one ETag per query, whoever answered
        ours = {c.sock.getsockname()[1] for c in connections}
        held = [peer_ports_of(pid, port) & ours for pid in copies]
        assert all(held), f"connections per server process: {[len(h) for h in held]}"
        assert set().union(*held) == ours
        for connection in connections:
            connection.close()

        # a second server on the same port is refused, shared or not
        for extra in ((), ("--processes", "2")):
            refused = subprocess.run(
                [sys.executable, "-m", "kg", "serve", "--port", str(port), *extra],
                cwd=ROOT,
                env=dict(os.environ, KG_DIST_DIR=str(dist)),
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert refused.returncode == 3, refused.stderr
            assert "already in use" in refused.stderr

        # one copy killed: the other answers at once, and a new copy takes its place
        os.kill(copies[0], signal.SIGKILL)
        for _ in range(20):
            status, _, _ = get(server.url + "/sparql?" + urllib.parse.urlencode({"query": LOOKUP}))
            assert status == 200
        deadline = time.time() + 120
        while len(server_processes(server.process.pid)) < 2 or copies[0] in server_processes(
            server.process.pid
        ):
            assert time.time() < deadline, server.log()
            time.sleep(0.5)
        assert f"server process {copies[0]} ended (exit code -9); starting another" in server.log()

        # SIGTERM to the parent stops every copy and their workers
        everything = [p for c in server_processes(server.process.pid) for p in [c, *children(c)]]
        server.process.terminate()
        assert server.process.wait(60) == 0
        assert "Ata Zan: stopped" in server.log()
        assert "Traceback" not in server.log()
    for pid in everything:
        assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid), pid


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_killed_parent_takes_its_server_processes_with_it(tmp_path: Path) -> None:
    with running(tmp_path / "dist", tmp_path, KG_SERVER_PROCESSES="2") as server:
        copies = server_processes(server.process.pid)
        assert len(copies) == 2
        server.process.kill()
        server.process.wait(10)
        deadline = time.time() + 60
        while any(_state(pid) != "Z" for pid in copies):
            assert time.time() < deadline, [(_state(pid), pid) for pid in copies]
            time.sleep(0.2)


def test_shared_sockets_take_the_port_alone_first() -> None:
    sockets = listen_shared("127.0.0.1", 0, 3)
    try:
        ports = {s.getsockname()[1] for s in sockets}
        assert len(ports) == 1 and all(
            s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for s in sockets
        )
        (port,) = ports
        with pytest.raises(ListenError, match="already in use"):
            listen("127.0.0.1", port)
        with pytest.raises(ListenError, match="already in use"):
            listen_shared("127.0.0.1", port, 2)
    finally:
        for s in sockets:
            s.close()


def test_a_server_process_that_cannot_start_stops_them_all(tmp_path: Path) -> None:
    # 30 MB cannot hold a worker's store: every copy fails at start-up
    env = dict(os.environ, KG_DIST_DIR=str(tmp_path / "dist"), KG_WORKER_MEMORY="30")
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--port", "0", "--processes", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 1
    assert "serving on" not in result.stdout
    assert "error: a server process ended before it answered (exit code 1)" in result.stderr
    assert "ran out of its 30 MB (KG_WORKER_MEMORY)" in result.stderr  # each copy says why
    assert "Traceback" not in result.stderr
    assert time.time() - started < 120
