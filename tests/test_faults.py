"""Faults cost only what they must: a query worker killed under load (as the kernel's OOM
killer would) costs only the queries it was running, each a 503 with Retry-After; a query
past the worker's memory cap kills only its worker; and `kg build` stopped at any point
leaves a complete set of dumps with its own fingerprint."""

from __future__ import annotations

import concurrent.futures
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from kgserver import http, q, running

from kg.config import ROOT

pytestmark = pytest.mark.server
# About 0.3 s in a worker: long enough that a worker is always busy under load.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a skos:prefLabel ?t . ?b skos:prefLabel ?u }"


def test_a_killed_worker_costs_only_its_queries(tmp_path: Path) -> None:
    with running(
        tmp_path / "dist", tmp_path, KG_RESPONSE_CACHE="0", KG_QUERY_WORKERS="2"
    ) as server:
        stop = threading.Event()
        answers: list[tuple[int, dict[str, str], bytes]] = []
        errors: list[BaseException] = []

        def client(n: int) -> None:
            i = 0
            while not stop.is_set():
                i += 1
                try:  # a different query text each time: nothing answered from a cache
                    answers.append(http(q(server.url, f"{SLOW} LIMIT {n * 100000 + i}")))
                except Exception as exc:  # a dropped connection
                    errors.append(exc)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        time.sleep(2)
        victims = server.worker_pids()
        assert len(victims) == 2
        os.kill(victims[0], signal.SIGKILL)
        time.sleep(1)
        os.kill(victims[1], signal.SIGKILL)
        time.sleep(6)  # the replacements start and answer
        stop.set()
        for t in threads:
            t.join(60)
        assert errors == []
        statuses = [status for status, _, _ in answers]
        assert set(statuses) <= {200, 503}
        lost = [a for a in answers if a[0] == 503]
        # each killed worker was running one query; at most those two are lost
        assert 1 <= len(lost) <= 2
        for _, headers, body in lost:
            assert headers["retry-after"] == "1"
            error = json.loads(body)["error"]
            assert error["status"] == 503 and "stopped (killed by signal 9)" in error["detail"]
        assert statuses[-1] == 200 and statuses.count(200) > 5
        assert len(server.worker_pids()) == 2 and not set(server.worker_pids()) & set(victims)
        log = server.log()
        assert "Traceback" not in log
        assert log.count("died while running a query") == len(lost)
        assert len([line for line in log.splitlines() if "query worker" in line]) == 2


def test_a_query_past_the_memory_cap_kills_only_its_worker(tmp_path: Path) -> None:
    with running(
        tmp_path / "dist",
        tmp_path,
        KG_WORKER_MEMORY="400",
        KG_QUERY_TIME_LIMIT="120",
        KG_QUERY_WORKERS="2",
    ) as server:
        # A string that grows by every object of the dataset for every triple: gigabytes.
        hog = "SELECT (STRLEN(GROUP_CONCAT(STR(?c))) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            started = time.perf_counter()
            pending = pool.submit(http, q(server.url, hog))
            time.sleep(0.5)
            quick = http(q(server.url, "ASK { ?p a ata:Power }", format="json"))
            status, headers, body = pending.result()
            elapsed = time.perf_counter() - started
        assert quick[0] == 200  # the other worker kept answering
        assert status == 503 and headers["retry-after"] == "1"
        detail = json.loads(body)["error"]["detail"]
        assert "400 MB" in detail
        assert elapsed < 100  # stopped by the memory cap, not the time limit
        time.sleep(3)
        assert http(q(server.url, "ASK { ?s ?p 3 }"))[0] == 200
        assert "Traceback" not in server.log() and "panicked" not in server.log()


def build(data: Path, dist: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "--data", str(data), "--dist", str(dist), "build"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def dumps(dist: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(dist.glob("atazan.*"))}


def test_an_interrupted_build_leaves_the_previous_set_whole(
    tmp_path: Path, data_copy: Callable[..., Path]
) -> None:
    old_data = ROOT / "data"
    new_data = data_copy(
        "constitution-2026/section-01.yaml",
        "social state that places the\n",
        "social state, one that places the\n",
    )
    # The two complete sets, each built once without interruption.
    expected = {}
    for name, data in (("old", old_data), ("new", new_data)):
        started = time.perf_counter()
        assert build(data, tmp_path / name).wait(120) == 0
        duration = time.perf_counter() - started
        files = dumps(tmp_path / name)
        expected[files["atazan.fingerprint"]] = files
    assert len(expected) == 2
    dist = tmp_path / "dist"
    assert build(old_data, dist).wait(120) == 0
    killed = 0
    points = [duration * i / 12 for i in range(1, 13)]
    for i, delay in enumerate(points):
        process = build(new_data if i % 2 == 0 else old_data, dist)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        killed += process.wait(60) == -signal.SIGKILL
        found = dumps(dist)
        assert len(found) == 5, sorted(found)
        assert found == expected[found["atazan.fingerprint"]], f"mixed set after {delay:.2f} s"
    assert killed >= 6  # most builds were stopped part-way, not after finishing
    assert build(new_data, dist).wait(120) == 0
    assert dumps(dist) == expected[dumps(tmp_path / "new")["atazan.fingerprint"]]
    assert len(list((dist / ".sets").iterdir())) <= 2  # what the kills left is cleaned up
