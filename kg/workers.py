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
import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeout
from kg.formats import GRAPH_FORMATS
from kg.namespaces import PREFIXES
from kg.queries import SelectResult, python_value, term_kind
from kg.results import ASK_WRITERS, SELECT_WRITERS
from kg.sparql_errors import from_engine


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


@dataclass
class Outcome:
    kind: str = ""  # select | ask | graph
    body: bytes = b""
    media_type: str | None = None
    truncated: bool = False
    rows: SelectResult | None = None
    error: str | None = None
    error_kind: str | None = None  # syntax | media | runtime


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
        return Outcome(error=str(from_engine(job.text, str(exc))), error_kind="syntax")
    except (OSError, RuntimeError, ValueError) as exc:
        return Outcome(error=str(exc), error_kind="runtime")


def _select(solutions: ox.QuerySolutions, job: Job) -> Outcome:
    variables = [v.value for v in solutions.variables]
    rows: list[list[Any]] = []
    truncated = False
    for solution in solutions:
        if len(rows) >= job.max_rows:
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
            truncated = True
            break
        kept.append(triple)
    items: list[ox.Triple] | list[ox.Quad] = kept
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):  # a graph result is the default graph
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in kept]
    body = ox.serialize(items, format=fmt, prefixes=PREFIXES)
    return Outcome("graph", body, job.media_type or "text/turtle", truncated)


def _media_error(form: str, media_type: str) -> Outcome:
    return Outcome(error=f"{form} results cannot be written as {media_type}", error_kind="media")


# --- worker processes ------------------------------------------------------------------


def _worker_main(conn: Connection, nquads_path: str) -> None:
    # Ctrl-C reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    store = ox.Store()
    store.bulk_load(path=nquads_path, format=ox.RdfFormat.N_QUADS)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(execute(store, job))


class _Worker:
    def __init__(self, nquads_path: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, str(nquads_path)), daemon=True, name="kg-query-worker"
        )
        self.process.start()
        child.close()
        if not self.conn.poll(120) or self.conn.recv() != "ready":
            self.kill()
            raise QueryError("a query worker failed to start")

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


class QueryPool:
    """A fixed number of workers; a job waits for a free one, runs, and is stopped at the
    time limit (its worker is killed and a fresh one started in the background)."""

    def __init__(self, nquads_path: Path, size: int, time_limit: float) -> None:
        self.nquads_path = nquads_path
        self.size = size
        self.time_limit = time_limit
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._pending: set[asyncio.Task[None]] = set()
        self.killed = 0

    async def start(self) -> None:
        workers = await asyncio.gather(
            *(asyncio.to_thread(_Worker, self.nquads_path) for _ in range(self.size))
        )
        for w in workers:
            self._all.add(w)
            self._idle.put_nowait(w)

    async def run(self, job: Job) -> Outcome:
        worker = await self._idle.get()
        try:
            worker.conn.send(job)
            done = await asyncio.to_thread(worker.conn.poll, self.time_limit)
            if not done:
                self._replace(worker)
                raise QueryTimeout(
                    f"the query ran longer than the time limit of "
                    f"{self.time_limit:g} s and was stopped"
                )
            outcome: Outcome = worker.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as exc:
            self._replace(worker)
            raise QueryError(f"the query worker stopped unexpectedly ({exc})") from exc
        self._idle.put_nowait(worker)
        return outcome

    def _replace(self, worker: _Worker) -> None:
        self.killed += 1
        worker.kill()
        self._all.discard(worker)

        async def start_one() -> None:
            fresh = await asyncio.to_thread(_Worker, self.nquads_path)
            self._all.add(fresh)
            self._idle.put_nowait(fresh)

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
