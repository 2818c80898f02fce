"""Run queries in worker processes that can be killed when they run too long.

pyoxigraph's ``query()`` has no timeout or cancel, and another Python thread cannot stop
native code. So each query runs in a worker process holding its own read-only copy of the
store; a query that passes the time limit has its worker killed and replaced, and the
other workers go on answering. Results are serialised in the worker too, so that a huge
result is also bounded by the time limit and the row limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryTimeout, WorkerLost
from kg.formats import GRAPH_FORMATS
from kg.namespaces import PREFIXES
from kg.queries import SelectResult, python_value, term_kind
from kg.results import ASK_WRITERS, SELECT_WRITERS
from kg.sparql_errors import SyntaxParts, from_engine

log = logging.getLogger("kg.workers")


@dataclass(frozen=True)
class Job:
    """One query to run. ``media_type`` None asks for rows as Python values."""

    text: str
    media_type: str | None
    max_rows: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    # The query's own FROM clauses define its dataset; otherwise the default graph is the
    # union of all graphs.
    union_default: bool = True
    # Past ``max_rows``: "error" refuses the whole result (machines must never get a cut
    # result they cannot tell from a whole one); "truncate" keeps the first rows (HTML pages,
    # which say so).
    overflow: str = "error"


@dataclass
class Outcome:
    kind: str = ""  # select | ask | graph
    body: bytes = b""
    media_type: str | None = None
    truncated: bool = False
    rows: SelectResult | None = None
    error: str | None = None
    error_kind: str | None = None  # syntax | media | runtime | too_large
    syntax: SyntaxParts | None = None  # a syntax error's parts, for pages in other languages


def execute(store: ox.Store, job: Job) -> Outcome:
    """Run one job on a store (in a worker, or in process for tests and the CLI)."""
    options: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": job.base_iri}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    elif job.union_default:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.text, **options)
        if isinstance(result, ox.QuerySolutions):
            return _select(result, job)
        if isinstance(result, ox.QueryBoolean):
            if job.media_type is None:
                return Outcome("ask", rows=SelectResult(["boolean"], [{"boolean": bool(result)}]))
            writer = ASK_WRITERS.get(job.media_type)
            if writer is None:
                return _media_error("ASK", job.media_type)
            return Outcome("ask", writer(bool(result)), job.media_type)
        return _graph(result, job)
    except SyntaxError as exc:
        error = from_engine(job.text, str(exc))
        return Outcome(error=str(error), error_kind="syntax", syntax=error.parts)
    except (OSError, RuntimeError, ValueError) as exc:
        return Outcome(error=str(exc), error_kind="runtime")


def _select(solutions: ox.QuerySolutions, job: Job) -> Outcome:
    variables = [v.value for v in solutions.variables]
    rows: list[list[Any]] = []
    truncated = False
    for solution in solutions:
        if len(rows) >= job.max_rows:
            if job.overflow == "error":
                return _too_large(job.max_rows, "rows")
            truncated = True
            break
        rows.append(list(solution))  # by position: far faster than by name
    if job.media_type is None:
        dicts = [{v: python_value(t) for v, t in zip(variables, row, strict=True)} for row in rows]
        kinds = [[term_kind(t) for t in row] for row in rows]
        return Outcome(
            "select", rows=SelectResult(variables, dicts, truncated, kinds), truncated=truncated
        )
    writer = SELECT_WRITERS.get(job.media_type)
    if writer is None:
        return _media_error("SELECT", job.media_type)
    return Outcome("select", writer(variables, rows), job.media_type, truncated)


def _graph(triples: ox.QueryTriples, job: Job) -> Outcome:
    fmt = GRAPH_FORMATS.get(job.media_type or "text/turtle")
    if fmt is None:
        return _media_error("CONSTRUCT and DESCRIBE", job.media_type or "")
    kept: list[ox.Triple] = []
    truncated = False
    for triple in triples:
        if len(kept) >= job.max_rows:
            if job.overflow == "error":
                return _too_large(job.max_rows, "triples")
            truncated = True
            break
        kept.append(triple)
    items: list[ox.Triple] | list[ox.Quad] = kept
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):  # a graph result is the default graph
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in kept]
    body = ox.serialize(items, format=fmt, prefixes=PREFIXES)
    return Outcome("graph", body, job.media_type or "text/turtle", truncated)


def _too_large(limit: int, what: str) -> Outcome:
    return Outcome(
        error=f"the result has more than {limit:,} {what} (the server's limit, KG_MAX_ROWS); "
        "nothing was sent: narrow the query or page through it with LIMIT and OFFSET",
        error_kind="too_large",
    )


def _media_error(form: str, media_type: str) -> Outcome:
    return Outcome(error=f"{form} results cannot be written as {media_type}", error_kind="media")


# --- worker processes ------------------------------------------------------------------

# Exit codes of a worker that ran out of memory: Python's MemoryError (ours) and the abort
# of a failed native allocation (SIGABRT).
_OUT_OF_MEMORY = 70
_MEMORY_EXITS = (_OUT_OF_MEMORY, -signal.SIGABRT)


def _worker_main(conn: Connection, memory_mb: int) -> None:
    # Ctrl-C reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        store = ox.Store()
        store.bulk_load(conn.recv_bytes(), format=ox.RdfFormat.N_QUADS)
        conn.send("ready")
        # From here on a native failure (an allocation past the memory cap) would print a
        # panic and a backtrace; the parent logs one line for it instead.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        while True:
            try:
                job = conn.recv()
            except EOFError:
                return
            if job is None:
                return
            conn.send(execute(store, job))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)  # the parent reports it in one line; no traceback
    except (BrokenPipeError, KeyboardInterrupt):
        os._exit(0)


class _Worker:
    def __init__(self, data: bytes, memory_mb: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, memory_mb), daemon=True, name="kg-query-worker"
        )
        self.process.start()
        child.close()
        try:
            self.conn.send_bytes(data)
            ready = self.conn.poll(120) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise WorkerLost(f"a query worker failed to start ({self.describe_exit()})")

    def alive(self) -> bool:
        return self.process.is_alive()

    def describe_exit(self) -> str:
        code = self.process.exitcode
        if code is None:
            return "still running"
        if code < 0:
            return f"killed by signal {-code}"
        return f"exit status {code}"

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


async def _readable(conn: Connection, timeout: float) -> bool:
    """Wait until the worker has answered (or died: end of file is readable too), without a
    thread per query: the event loop watches the pipe."""
    if conn.poll(0):
        return True
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    fd = conn.fileno()
    loop.add_reader(fd, wake)
    try:
        await asyncio.wait_for(ready, timeout)
        return True
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


class QueryPool:
    """A fixed number of workers; a job waits for a free one, runs, and is stopped at the
    time limit (its worker is killed and a fresh one started in the background).

    A worker that dies (killed by the kernel's OOM killer, past its memory cap, by an
    operator) costs only the query it was running, which gets :class:`WorkerLost`; a worker
    found dead while idle is replaced before any query is given to it."""

    def __init__(self, nquads_path: Path, size: int, time_limit: float, memory_mb: int = 0) -> None:
        self.nquads_path = nquads_path
        self.size = size
        self.time_limit = time_limit
        self.memory_mb = memory_mb
        self._data = b""
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._pending: set[asyncio.Task[None]] = set()
        self.killed = 0

    async def start(self) -> None:
        # Read once: a replacement worker loads the same data even if `kg build` has
        # switched dist/ to a new set meanwhile.
        self._data = self.nquads_path.read_bytes()
        workers = await asyncio.gather(
            *(asyncio.to_thread(_Worker, self._data, self.memory_mb) for _ in range(self.size))
        )
        for w in workers:
            self._all.add(w)
            self._idle.put_nowait(w)

    def worker_pids(self) -> list[int]:
        return sorted(w.process.pid for w in self._all if w.process.pid)

    async def _take(self) -> _Worker:
        while True:
            worker = await self._idle.get()
            if worker.alive():
                return worker
            self._replace(worker, "died while idle")

    async def run(self, job: Job) -> Outcome:
        while True:
            worker = await self._take()
            try:
                worker.conn.send(job)
            except OSError:
                self._replace(worker, "died while idle")
                continue  # the query never reached it: give it to another worker
            break
        try:
            done = await _readable(worker.conn, self.time_limit)
            if not done:
                self._replace(worker, "stopped at the time limit", quiet=True)
                raise QueryTimeout(
                    f"the query ran longer than the time limit of "
                    f"{self.time_limit:g} s and was stopped"
                )
            outcome: Outcome = worker.conn.recv()
        except (EOFError, OSError) as exc:
            worker.process.join(2)
            how = worker.describe_exit()
            self._replace(worker, f"died while running a query ({how})")
            detail = f"the query worker running this query stopped ({how})"
            if worker.process.exitcode in _MEMORY_EXITS and self.memory_mb:
                detail += f"; the query probably needed more than its {self.memory_mb} MB"
            raise WorkerLost(detail + "; the query was not answered, retry it") from exc
        self._idle.put_nowait(worker)
        return outcome

    def _replace(self, worker: _Worker, reason: str, quiet: bool = False) -> None:
        self.killed += 1
        worker.kill()
        self._all.discard(worker)
        if not quiet:
            log.warning("query worker %s %s; starting a replacement", worker.process.pid, reason)

        async def start_one() -> None:
            delay = 0.5
            while True:
                try:
                    fresh = await asyncio.to_thread(_Worker, self._data, self.memory_mb)
                except WorkerLost as exc:
                    log.warning("%s; trying again in %g s", exc, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 30)
                    continue
                self._all.add(fresh)
                self._idle.put_nowait(fresh)
                return

        task = asyncio.get_running_loop().create_task(start_one())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def close(self) -> None:
        for task in list(self._pending):
            task.cancel()
        for worker in list(self._all):
            with contextlib.suppress(Exception):
                worker.conn.send(None)
            worker.kill()
        self._all.clear()
