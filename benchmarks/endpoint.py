"""Benchmark the SPARQL endpoint of `kg serve` against two peers serving the same dump.

    python benchmarks/endpoint.py [--duration 6] [--clients 1,16] [--queries lookup,powers]
                                  [--servers ata-zan,ata-zan-cache,oxigraph] [--repeat 3]

Peers, each installed from PyPI into its own virtual environment under
benchmarks/.envs/ on first run: rdflib-endpoint (Python, rdflib's SPARQL engine) and
Oxigraph's own server (`oxigraph serve-read-only`, Rust). Ours runs twice: with the
response cache off, and on (identical requests answered from memory with an ETag).

Each server is started alone on 127.0.0.1, warmed up, checked to return the same number of
rows as ours for every query, then loaded by N client threads with keep-alive connections
for a fixed time. Prints the median and 95th-percentile latency and the throughput of each
run, then the medians over ``--repeat`` rounds (each round starts every server afresh, in a
rotated order), our throughput as a ratio of each peer's for every query shape and number
of clients, and the point lookup's p95 at one client. These machines are noisy: compare
medians and ratios from the same run, and rerun before trusting a figure.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVS = Path(__file__).resolve().parent / ".envs"
REQUEST_TIMEOUT = 120  # seconds; rdflib-endpoint needs minutes for `powers` at 16 clients
# Three query shapes integrators send, beside the named queries (any name in queries/):
# a point lookup of one IRI, a GROUP BY count over the whole dataset, and `powers`. Not
# run by default: the same count sorted by size, which our server leaves to a worker's
# engine (the counts kept at load answer unsorted counts only; kg/counts.py).
SHAPES = {
    "lookup": "SELECT ?p ?o WHERE { <https://w3id.org/atazan/id/prime-minister> ?p ?o }",
    "group-count": "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "group-count-sorted": (
        "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)"
    ),
}
DEFAULT_QUERIES = ("lookup", "group-count", "powers")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def venv(name: str, packages: list[str]) -> Path:
    """A virtual environment with the peer installed from PyPI (created once)."""
    env = ENVS / name
    python = env / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *packages], check=True)
    return env / "bin"


@dataclass
class Server:
    name: str
    command: list[str]
    env: dict[str, str]
    port: int
    path: str = "/sparql"  # where the peer answers the SPARQL protocol

    def start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            self.command,
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                status, _ = request(self.port, "ASK { ?s ?p ?o }", self.path)
                if status == 200:
                    return process
            except OSError:
                pass
            if process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {process.returncode}")
            time.sleep(0.3)
        process.kill()
        raise RuntimeError(f"{self.name} did not start")

    def restart(self, process: subprocess.Popen[bytes]) -> subprocess.Popen[bytes]:
        stop(process)
        return self.start()


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate; kill if it is too busy computing to exit."""
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def request(
    port: int, query: str, path: str, connection: http.client.HTTPConnection | None = None
) -> tuple[int, bytes]:
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    body = urllib.parse.urlencode({"query": query})
    conn.request(
        "POST",
        path,
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    response = conn.getresponse()
    data = response.read()
    if connection is None:
        conn.close()
    return response.status, data


def rows_in(body: bytes) -> int:
    return len(json.loads(body)["results"]["bindings"])


@dataclass
class Run:
    latencies: list[float]  # seconds, of the requests answered with 200
    errors: int  # requests that failed, timed out or did not answer 200
    elapsed: float  # wall time until the last client finished

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed


def load(port: int, path: str, query: str, clients: int, duration: float) -> Run:
    """`clients` threads send the query back to back for `duration` seconds.

    A request still running at the end is waited for (up to the client timeout), and the
    throughput is counted over the real elapsed time, so a peer slower than the duration is
    not flattered.
    """
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = time.perf_counter()
    stop = start + duration

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        mine, failed = [], 0
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                status, _ = request(port, query, path, conn)
            except OSError:  # timed out or connection dropped: count it and reconnect
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
            if status == 200:
                mine.append(time.perf_counter() - t0)
            else:
                failed += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Run(latencies, errors, time.perf_counter() - start)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=6.0, help="seconds per measurement")
    parser.add_argument("--clients", default="1,16", help="concurrent clients, comma-separated")
    parser.add_argument("--queries", default=",".join(DEFAULT_QUERIES))
    parser.add_argument("--servers", default="ata-zan,ata-zan-cache,rdflib-endpoint,oxigraph")
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds over all servers; medians are printed"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="`kg serve --processes` for ours (its default)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="`kg serve --workers` for ours (its default)"
    )
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]
    names = args.queries.split(",")
    queries = {
        n: SHAPES.get(n) or (ROOT / "queries" / f"{n}.rq").read_text(encoding="utf-8")
        for n in names
    }

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "kg", "--dist", str(dist), "build"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    dump = dist / "atazan.nq"
    base_env = dict(os.environ, KG_DIST_DIR=str(dist))
    servers: list[Server] = []
    wanted = args.servers.split(",")
    base_env.pop("KG_RESPONSE_CACHE", None)  # the cached run uses the default size
    ours = (  # (the --servers name, the row label, extra environment)
        ("ata-zan", "ata-zan (no cache)", {"KG_RESPONSE_CACHE": "0"}),
        ("ata-zan-cache", "ata-zan (cache)", {}),
    )
    for wanted_name, label, extra in ours:
        if wanted_name in wanted:
            port = free_port()
            command = [sys.executable, "-m", "kg", "serve", "--port", str(port)]
            command += ["--processes", str(args.processes), "--workers", str(args.workers)]
            servers.append(Server(label, command, {**base_env, **extra}, port))
    if "rdflib-endpoint" in wanted:
        bin_dir = venv("rdflib-endpoint", ["rdflib-endpoint==0.6.3", "uvicorn"])
        port = free_port()
        servers.append(
            Server(
                "rdflib-endpoint 0.6.3",
                [
                    str(bin_dir / "rdflib-endpoint"),
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    str(dump),
                ],
                dict(os.environ),
                port,
                "/",
            )
        )
    if "oxigraph" in wanted:
        bin_dir = venv("oxigraph", ["oxigraph"])
        location = work / "oxigraph-store"
        subprocess.run(
            [str(bin_dir / "oxigraph"), "load", "--location", str(location), "--file", str(dump)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = free_port()
        servers.append(
            Server(
                "oxigraph serve-read-only",
                [
                    str(bin_dir / "oxigraph"),
                    "serve-read-only",
                    "--location",
                    str(location),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--union-default-graph",
                ],
                dict(os.environ),
                port,
                "/query",
            )
        )

    print(f"ours: kg serve --processes {args.processes} --workers {args.workers}")
    print(
        f"{'server':<26} {'query':<14} {'clients':>7} {'round':>5} {'requests':>9} "
        f"{'req/s':>9} {'median ms':>10} {'p95 ms':>9}"
    )
    # (server, query, clients) -> one Figures per round
    results: dict[tuple[str, str, int], list[Figures]] = {}
    expected_rows: dict[str, int] = {}
    for round_ in range(1, args.repeat + 1):
        # Each round visits the servers in turn; a later round starts with another server,
        # so that a slow spell of the shared machine does not always hit the same one.
        shift = (round_ - 1) % len(servers)
        for server in servers[shift:] + servers[:shift]:
            measure(server, queries, clients, args.duration, round_, results, expected_rows)
    shutil.rmtree(work, ignore_errors=True)
    summarise(results, queries, clients, args.repeat)


@dataclass
class Figures:
    rate: float
    median: float  # ms
    p95: float  # ms


def measure(
    server: Server,
    queries: dict[str, str],
    clients: list[int],
    duration: float,
    round_: int,
    results: dict[tuple[str, str, int], list[Figures]],
    expected_rows: dict[str, int],
) -> None:
    process = server.start()
    try:
        for name, text in queries.items():
            try:
                for _ in range(3):  # warm-up
                    status, body = request(server.port, text, server.path)
            except OSError:
                print(f"{server.name:<26} {name:<14} not answered in {REQUEST_TIMEOUT} s")
                process = server.restart(process)  # it may still be busy with the query
                continue
            if status != 200:  # e.g. a peer whose engine rejects the query
                reason = body.decode("utf-8", "replace").strip().splitlines()[:1]
                print(f"{server.name:<26} {name:<14} not answered: {status} {reason}")
                continue
            rows = rows_in(body)
            expected_rows.setdefault(name, rows)
            mismatch = (
                ""
                if rows == expected_rows[name]
                else f"  (rows {rows}, expected {expected_rows[name]})"
            )
            for c in clients:
                run = load(server.port, server.path, text, c, duration)
                median = statistics.median(run.latencies) * 1000 if run.latencies else 0.0
                p95 = percentile(run.latencies, 0.95) * 1000 if run.latencies else 0.0
                results.setdefault((server.name, name, c), []).append(
                    Figures(run.rate, median, p95)
                )
                note = mismatch + (f"  ({run.errors} failed)" if run.errors else "")
                print(
                    f"{server.name:<26} {name:<14} {c:>7} {round_:>5} {len(run.latencies):>9} "
                    f"{run.rate:>9.2f} {median:>10.2f} {p95:>9.2f}{note}",
                    flush=True,
                )
    finally:
        stop(process)


OURS = ("ata-zan (no cache)", "ata-zan (cache)")
PEERS = ("oxigraph serve-read-only", "rdflib-endpoint 0.6.3")


def summarise(
    results: dict[tuple[str, str, int], list[Figures]],
    queries: dict[str, str],
    clients: list[int],
    rounds: int,
) -> None:
    """Medians over the rounds, and our throughput as a ratio of each peer's; each ratio
    is the median of the per-round ratios (both servers measured in the same round)."""

    def median_of(key: tuple[str, str, int], field: str) -> float | None:
        found = results.get(key)
        return statistics.median(getattr(f, field) for f in found) if found else None

    def ratio(ours: str, peer: str, name: str, c: int) -> float | None:
        a, b = results.get((ours, name, c)), results.get((peer, name, c))
        if not a or not b:
            return None
        return statistics.median(x.rate / y.rate for x, y in zip(a, b, strict=False) if y.rate)

    print(f"\nMedians of {rounds} round(s): req/s (median ms, p95 ms)")
    names = [s for s in (*OURS, *PEERS) if any(k[0] == s for k in results)]
    header = f"{'query':<14} {'clients':>7}" + "".join(f" {n[:26]:>27}" for n in names)
    print(header)
    for name in queries:
        for c in clients:
            cells = []
            for server in names:
                rate = median_of((server, name, c), "rate")
                if rate is None:
                    cells.append(f" {'-':>27}")
                    continue
                med = median_of((server, name, c), "median")
                p95 = median_of((server, name, c), "p95")
                cells.append(f" {f'{rate:,.1f} ({med:.2f}, {p95:.2f})':>27}")
            print(f"{name:<14} {c:>7}" + "".join(cells))
    for peer in PEERS:
        lines = []
        for ours in OURS:
            for name in queries:
                for c in clients:
                    r = ratio(ours, peer, name, c)
                    if r is not None:
                        lines.append(f"  {ours:<20} {name:<14} at {c:>2} clients: {r:6.2f}x")
        if lines:
            print(f"\nThroughput ratios, ours / {peer} (median of the rounds' ratios):")
            print("\n".join(lines))
    p95 = median_of((OURS[0], "lookup", 1), "p95")
    if p95 is not None:
        verdict = "under" if p95 < 5 else "NOT under"
        print(f"\nlookup p95 at 1 client, no cache: {p95:.2f} ms ({verdict} the 5 ms target)")


if __name__ == "__main__":
    main()
