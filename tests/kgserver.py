"""Start `kg serve` for real on 127.0.0.1 and talk to it over HTTP (shared by the server
tests). The server's output goes to a file so that tests can read its log."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.config import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def worker_pids(self) -> list[int]:
        """The query worker processes (children started by multiprocessing's spawn)."""
        found = []
        for pid in children(self.process.pid):
            with contextlib.suppress(OSError):
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(pid)
        return found


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


@contextlib.contextmanager
def running(dist: Path, log_dir: Path, **env: str) -> Iterator[Server]:
    port = free_port()
    log_path = log_dir / f"serve-{port}.log"
    environ = dict(os.environ, KG_DIST_DIR=str(dist), **env)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(port)],
            cwd=ROOT,
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/sparql", timeout=2)
            break
        except OSError as exc:
            if process.poll() is not None or time.time() > deadline:
                process.kill()
                raise RuntimeError(f"kg serve did not start: {log_path.read_text()}") from exc
            time.sleep(0.3)
    try:
        yield Server(url, process, log_path)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def q(url: str, text: str, **params: str) -> str:
    return url + "/sparql?" + urllib.parse.urlencode({"query": text, **params})
