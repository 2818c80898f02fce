"""Run queries in worker processes that can be killed when they run too long.

pyoxigraph's ``query()`` has no timeout or cancel, and another Python thread cannot stop
native code. So each query runs in a worker process holding its own read-only copy of the
store; a query that passes the time limit has its worker killed and replaced, and the
other workers go on answering. Results are serialised in the worker too, so that a huge
result is also bounded by the time limit and the row limit. The one exception is a point
lookup (kg/lookup.py), answered from a store in the server process because its cost is
bounded by the data before it runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import fcntl
import logging
import multiprocessing
import os
import pickle
import resource
import signal
import struct
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.counts import Counts, count_table
from kg.errors import QueryTimeout, WorkerLost
from kg.formats import GRAPH_FORMATS
from kg.lookup import Degrees, lookup_bound
from kg.namespaces import PREFIXES
from kg.one_pattern import read_one_pattern
from kg.queries import SelectResult, python_value, term_kind
from kg.results import ASK_WRITERS, SELECT_WRITERS, select_json_from_oxigraph
from kg.sparql_errors import SyntaxParts, from_engine
from kg.sparql_text import Token

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


def execute(
    store: ox.Store, job: Job, prefixes: bool = True, rows_at_most: int | None = None
) -> Outcome:
    """Run one job on a store (in a worker, or in process for tests and the CLI).
    ``prefixes`` False: the text has no prefixed name, so our prefixes need not be given
    (giving them costs the engine more than a point lookup's evaluation). ``rows_at_most``:
    a bound on the result's rows known before it runs (a point lookup's)."""
    options: dict[str, Any] = {"base_iri": job.base_iri}
    if prefixes:
        options["prefixes"] = PREFIXES
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    elif job.union_default:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.text, **options)
        if isinstance(result, ox.QuerySolutions):
            if job.media_type == JSON_RESULTS:
                if rows_at_most is not None and rows_at_most <= job.max_rows:
                    written = _select_json_within_rows(result, job)
                else:
                    written = _select_json_by_oxigraph(result, job)
                if written is not None:
                    return written
                result = store.query(job.text, **options)  # past the budget: row by row
            return _select([v.value for v in result.variables], result, job)
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


JSON_RESULTS = "application/sparql-results+json"


class _PastBudget(Exception):
    pass


class _Budget:
    """A file for Oxigraph's result writer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _PastBudget
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _select_json_by_oxigraph(solutions: ox.QuerySolutions, job: Job) -> Outcome | None:
    """SELECT results as JSON written by Oxigraph (see select_json_from_oxigraph), when the
    written result is small enough to prove that it has no more than ``max_rows`` rows: a
    row takes at least three bytes (``{}`` and a comma), so a result of at most
    3 x max_rows bytes cannot have more. None when it is larger (the caller then runs the
    query again and writes it row by row, which applies the row limit) or not covered."""
    variables = [v.value for v in solutions.variables]
    budget = _Budget(min(3 * job.max_rows, _JSON_BUDGET))
    try:
        solutions.serialize(budget, format=JSON_FORMAT)
    except _PastBudget:
        return None
    body = select_json_from_oxigraph(variables, b"".join(budget.parts))
    if body is None:
        return None
    return Outcome("select", body, job.media_type)


def _select_json_within_rows(solutions: ox.QuerySolutions, job: Job) -> Outcome | None:
    """SELECT results as JSON written by Oxigraph, for a result known to be within the row
    limit: no budget to watch, so Oxigraph writes it in one piece."""
    variables = [v.value for v in solutions.variables]
    body = select_json_from_oxigraph(variables, solutions.serialize(format=JSON_FORMAT))
    return None if body is None else Outcome("select", body, job.media_type)


JSON_FORMAT = ox.QueryResultsFormat.JSON

# Larger results are written row by row in Python: the budget bounds the work thrown away.
_JSON_BUDGET = 4 << 20


def _select(variables: list[str], solutions: Iterable[Iterable[Any]], job: Job) -> Outcome:
    """SELECT results (each solution, its terms in the order of ``variables``) as the job
    asks for them."""
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
#
# Each worker has two pipes: jobs go in on one, outcomes come back on the other, each as a
# length-prefixed pickle of a plain tuple. The server keeps one reader per worker on its
# event loop for the worker's whole life, so a query costs one write and one read in the
# server (no thread, no per-query registration); a worker that dies closes its pipe, which
# the reader sees at once.

# Exit codes of a worker that ran out of memory: Python's MemoryError (ours) and the abort
# of a failed native allocation (SIGABRT).
_OUT_OF_MEMORY = 70
_MEMORY_EXITS = (_OUT_OF_MEMORY, -signal.SIGABRT)
_HEADER = struct.Struct("!Q")  # the length of the message that follows
_STOP = b""  # an empty message asks a worker to exit
_SKIPPED = b"-"  # the reply to a job taken back before it started (not a pickle)
_PIPE_BYTES = 1 << 20  # a bigger pipe buffer: fewer wake-ups for a large result
_F_SETPIPE_SZ = 1031  # Linux's fcntl to resize a pipe (not named in the fcntl module)


def _widen(fd: int) -> None:
    with contextlib.suppress(OSError):  # not Linux, or past the system's limit: keep 64 KB
        fcntl.fcntl(fd, _F_SETPIPE_SZ, _PIPE_BYTES)


def _write_message(fd: int, payload: bytes) -> None:
    """Write one message on a blocking pipe (the reader is waiting for it)."""
    data = memoryview(_HEADER.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data) :]


def _read_exactly(fd: int, size: int) -> bytes:
    parts = []
    while size:
        part = os.read(fd, min(size, _PIPE_BYTES))
        if not part:
            raise EOFError
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _read_message(fd: int) -> bytes:
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    return _read_exactly(fd, size)


def _pack_job(job: Job) -> bytes:
    fields = (
        job.text,
        job.media_type,
        job.max_rows,
        job.default_graphs,
        job.named_graphs,
        job.base_iri,
        job.union_default,
        job.overflow,
    )
    return pickle.dumps(fields, pickle.HIGHEST_PROTOCOL)


def _pack_outcome(o: Outcome) -> bytes:
    fields = (o.kind, o.body, o.media_type, o.truncated, o.rows, o.error, o.error_kind, o.syntax)
    return pickle.dumps(fields, pickle.HIGHEST_PROTOCOL)


def _worker_main(
    jobs: Connection, outcomes: Connection, memory_mb: int, withdrawn: ctypes.c_longlong
) -> None:
    """Run jobs in the order they come; a job numbered at most ``withdrawn`` was taken
    back by the server (and given to another worker) before it started: skip it."""
    # Ctrl-C, and SIGTERM from a service manager or `timeout`, reach the whole process
    # group; the server stops its workers itself once its requests are answered.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    job_fd, outcome_fd = jobs.fileno(), outcomes.fileno()
    try:
        store = ox.Store()
        store.bulk_load(_read_message(job_fd), format=ox.RdfFormat.N_QUADS)
        _write_message(outcome_fd, b"ready")
        # From here on a native failure (an allocation past the memory cap) would print a
        # panic and a backtrace; the parent logs one line for it instead.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        number = 0
        while True:
            try:
                message = _read_message(job_fd)
            except EOFError:
                return
            if message == _STOP:
                return
            number += 1
            if number <= withdrawn.value:
                _write_message(outcome_fd, _SKIPPED)
                continue
            outcome = execute(store, Job(*pickle.loads(message)))
            _write_message(outcome_fd, _pack_outcome(outcome))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)  # the parent reports it in one line; no traceback
    except (BrokenPipeError, EOFError, KeyboardInterrupt):  # the server went away
        os._exit(0)


def _local_store(data: bytes) -> tuple[ox.Store, Degrees, Counts]:
    """The store for point lookups, with the IRIs' degrees, and the counts for counts."""
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    counts = Counts.of(store)
    return store, Degrees.of_counts(counts), counts


class _Died(Exception):
    """The worker's pipe closed while it was running a query."""

    def __init__(self, worker: _Worker) -> None:
        super().__init__()
        self.worker = worker


class _TimedOut(Exception):
    """The query passed the time limit."""


@dataclass
class _Entry:
    """A job sent to a worker and the request waiting for its outcome."""

    message: bytes
    answer: asyncio.Future[bytes]
    withdrawn: bool = False  # taken back before it started; a copy went to another worker


class _Worker:
    """One worker process and the server's ends of its two pipes. Started in a thread (it
    blocks until the worker has loaded the data); attached to the event loop afterwards.

    ``queue`` holds the jobs sent to it, in order: the first is running (since
    ``head_started``), the others wait in the pipe and run next, and the outcomes come back
    in the same order."""

    def __init__(self, data: bytes, memory_mb: int) -> None:
        context = multiprocessing.get_context("spawn")
        job_reader, self._jobs = context.Pipe(duplex=False)
        self._outcomes, outcome_writer = context.Pipe(duplex=False)
        # the number of the last job taken back; the worker counts the jobs it reads
        self.withdrawn = context.RawValue("q", 0)
        self.sent = 0
        self.job_fd, self.outcome_fd = self._jobs.fileno(), self._outcomes.fileno()
        _widen(self.job_fd)
        _widen(self.outcome_fd)
        self.process = context.Process(
            target=_worker_main,
            args=(job_reader, outcome_writer, memory_mb, self.withdrawn),
            daemon=True,
            name="kg-query-worker",
        )
        self.process.start()
        job_reader.close()
        outcome_writer.close()
        self.buffer = bytearray()
        self.queue: deque[_Entry] = deque()
        self.head_started = 0.0  # loop time at which the first job of the queue began
        self.timer: asyncio.TimerHandle | None = None
        self.retired = False  # killed and replaced; never handed out again
        self._loop: asyncio.AbstractEventLoop | None = None
        try:
            _write_message(self.job_fd, data)
            ready = self._outcomes.poll(120) and _read_message(self.outcome_fd) == b"ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            detail = f"a query worker failed to start ({self.describe_exit()})"
            if self.process.exitcode in _MEMORY_EXITS and memory_mb:
                detail += (
                    f": it ran out of its {memory_mb} MB (KG_WORKER_MEMORY) while loading the "
                    "data; a worker needs about 100 MB"
                )
            raise WorkerLost(detail)
        os.set_blocking(self.outcome_fd, False)

    def attach(self, loop: asyncio.AbstractEventLoop, on_reply: Any, on_eof: Any) -> None:
        """Watch the outcome pipe for the worker's whole life."""
        self._loop = loop
        self._on_reply, self._on_eof = on_reply, on_eof
        loop.add_reader(self.outcome_fd, self._readable)

    def _readable(self) -> None:
        try:
            chunk = os.read(self.outcome_fd, _PIPE_BYTES)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._detach()
            self._on_eof(self)
            return
        self.buffer += chunk
        start = 0  # several outcomes may have arrived at once
        while len(self.buffer) - start >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer, start)
            end = start + _HEADER.size + size
            if len(self.buffer) < end:
                break
            message = bytes(memoryview(self.buffer)[start + _HEADER.size : end])
            start = end
            self._on_reply(self, message)
        del self.buffer[:start]

    def _detach(self) -> None:
        if self._loop is not None:
            with contextlib.suppress(Exception):
                self._loop.remove_reader(self.outcome_fd)
            self._loop = None

    def describe_exit(self) -> str:
        code = self.process.exitcode
        if code is None:
            return "still running"
        if code < 0:
            return f"killed by signal {-code}"
        return f"exit status {code}"

    def kill(self) -> None:
        self._detach()
        if self.timer is not None:
            self.timer.cancel()
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        for conn in (self._jobs, self._outcomes):
            with contextlib.suppress(Exception):
                conn.close()


# Under load a job may be sent to a worker that is still running another, so that the
# worker starts it the moment it is free instead of idling until the server, busy with
# other requests, writes again (measured: group-count at 16 clients went from 0.68x to
# 0.87x of Oxigraph's throughput). Only small jobs, at most _DEPTH per worker, and only
# behind a job that began less than _FRESH seconds ago: a query that has run longer may
# run long, so nothing new waits behind it, and what waits already is taken back as soon
# as another worker is idle (_take_back).
_DEPTH = 3
_FRESH = 0.05
_SMALL_JOB = 16 * 1024  # bytes; far under the pipe's buffer, so a write never blocks


class QueryPool:
    """A fixed number of workers; a job runs on one and is stopped at the time limit (its
    worker is killed and a fresh one started in the background). Point lookups, whose cost
    is bounded by the data (kg/lookup.py), are answered from a store in this process.

    A worker that dies (killed by the kernel's OOM killer, past its memory cap, by an
    operator) costs only the query it was running, which gets :class:`WorkerLost`; the jobs
    queued behind it go to other workers, and a worker found dead while idle is replaced
    before any query is given to it."""

    def __init__(
        self,
        nquads_path: Path,
        size: int,
        time_limit: float,
        memory_mb: int = 0,
        local_lookups: bool = True,
    ) -> None:
        self.nquads_path = nquads_path
        self.size = size
        self.time_limit = time_limit
        self.memory_mb = memory_mb
        self.local_lookups = local_lookups
        self._data = b""
        self._store: ox.Store | None = None  # for point lookups, with the IRIs' degrees
        self._degrees = Degrees(Counter(), Counter())
        self._counts = Counts({}, {}, {})
        self.answered_here = 0  # point lookups and counts answered without a worker
        self._workers: list[_Worker] = []
        self._waiting: deque[asyncio.Future[None]] = deque()  # jobs waiting for a worker
        self._pending: set[asyncio.Task[None]] = set()
        self.killed = 0

    async def start(self) -> None:
        # Read once: a replacement worker loads the same data even if `kg build` has
        # switched dist/ to a new set meanwhile.
        self._data = self.nquads_path.read_bytes()
        starting = asyncio.gather(
            *(asyncio.to_thread(_Worker, self._data, self.memory_mb) for _ in range(self.size))
        )
        if self.local_lookups:  # meanwhile, the store for point lookups and the counts
            self._store, self._degrees, self._counts = await asyncio.to_thread(
                _local_store, self._data
            )
        for w in await starting:
            self._add(w)

    def _add(self, worker: _Worker) -> None:
        worker.attach(asyncio.get_running_loop(), self._replied, self._closed)
        self._workers.append(worker)
        self._wake()

    def worker_pids(self) -> list[int]:
        return sorted(w.process.pid for w in self._workers if w.process.pid)

    def _choose(self, message: bytes) -> _Worker | None:
        """An idle worker; failing that, under load, the least queued worker whose running
        job is fresh; None if the job must wait."""
        best: _Worker | None = None
        for worker in self._workers:
            if not worker.queue:
                return worker
            if best is None or len(worker.queue) < len(best.queue):
                best = worker
        if (
            best is None
            or len(message) > _SMALL_JOB
            or len(best.queue) >= _DEPTH
            or asyncio.get_running_loop().time() - best.head_started > _FRESH
        ):
            return None
        return best

    def _wake(self) -> None:
        """A worker may have room: let the first waiting job try again."""
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def _send(self, message: bytes, answer: asyncio.Future[bytes]) -> None:
        """Give the job to a worker, waiting in turn for room if there is none."""
        loop = asyncio.get_running_loop()
        in_turn = False  # woken from the head of the line: keep that place
        while True:
            worker = None if self._waiting and not in_turn else self._choose(message)
            if worker is None:
                waiter = loop.create_future()
                if in_turn:
                    self._waiting.appendleft(waiter)
                else:
                    self._waiting.append(waiter)
                try:
                    await waiter
                except BaseException:
                    if waiter.done() and not waiter.cancelled():
                        self._wake()  # the turn came as the request went: pass it on
                    raise
                in_turn = True
                continue
            if answer.done():  # the request went away while it waited
                return
            try:
                _write_message(worker.job_fd, message)
            except OSError:
                self._replace(worker, "died while idle")
                continue  # the query never reached it: give it to another worker
            worker.sent += 1
            worker.queue.append(_Entry(message, answer))
            if len(worker.queue) == 1:
                self._begin(worker)
            elif len(worker.queue) == 2:
                self._watch(worker)
            if self._waiting:
                self._wake()  # room may remain for the next in line
            return

    def _begin(self, worker: _Worker) -> None:
        """The first job of the worker's queue is running from now."""
        loop = asyncio.get_running_loop()
        worker.head_started = loop.time()
        worker.timer = loop.call_later(self.time_limit, self._expired, worker)
        if len(worker.queue) > 1:
            self._watch(worker)

    def _watch(self, worker: _Worker) -> None:
        """Jobs wait behind the worker's running one: look again once it is no longer
        fresh, in case another worker is idle by then."""
        loop = asyncio.get_running_loop()
        loop.call_at(worker.head_started + _FRESH * 1.01, self._rebalance)

    def _rebalance(self) -> None:
        if any(not w.queue for w in self._workers):  # a worker is free to take them
            self._take_back()

    def answer_here(self, job: Job, toks: list[Token] | None = None) -> Outcome | None:
        """The outcome of a point lookup (kg/lookup.py) or a count (kg/counts.py) on the
        whole dataset, answered in this process; None for any other job."""
        if self._store is None or not job.union_default or job.default_graphs or job.named_graphs:
            return None
        query = read_one_pattern(job.text, toks)
        if query is None:
            return None
        bound = lookup_bound(query, self._degrees)
        if bound is not None:
            return execute(self._store, job, query.prefixed, bound)
        table = count_table(query, self._counts)
        if table is not None:
            return _select(table.variables, table.rows, job)
        return None

    async def run(self, job: Job, toks: list[Token] | None = None) -> Outcome:
        """The job's outcome; ``toks``, the tokens of its text if the caller has them."""
        here = self.answer_here(job, toks)
        if here is not None:
            self.answered_here += 1
            return here
        answer: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        await self._send(_pack_job(job), answer)
        try:
            reply = await answer
        except _TimedOut:
            raise QueryTimeout(
                f"the query ran longer than the time limit of {self.time_limit:g} s and was stopped"
            ) from None
        except _Died as exc:
            worker = exc.worker
            how = worker.describe_exit()
            detail = f"the query worker running this query stopped ({how})"
            if worker.process.exitcode in _MEMORY_EXITS and self.memory_mb:
                detail += f"; the query probably needed more than its {self.memory_mb} MB"
            raise WorkerLost(detail + "; the query was not answered, retry it") from exc
        return Outcome(*pickle.loads(reply))

    def _replied(self, worker: _Worker, message: bytes) -> None:
        """The worker answered its first job (even if nobody waits any more, because the
        request was abandoned); the next in its queue is running from now."""
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        entry = worker.queue.popleft()
        if worker.queue:
            self._begin(worker)
        # A job taken back may have started all the same: the first answer is the one.
        if message != _SKIPPED and not entry.answer.done():
            entry.answer.set_result(message)
        self._take_back()
        self._wake()

    def _take_back(self) -> None:
        """Jobs queued behind a query that has run for more than _FRESH seconds go back in
        line for the next free worker (the stuck worker will skip them, see
        _worker_main)."""
        now = asyncio.get_running_loop().time()
        for worker in self._workers:
            if len(worker.queue) < 2 or now - worker.head_started <= _FRESH:
                continue
            worker.withdrawn.value = worker.sent  # the running job has begun: unaffected
            for entry in list(worker.queue)[1:]:
                if not entry.withdrawn:
                    entry.withdrawn = True
                    if not entry.answer.done():
                        self._spawn(self._send(entry.message, entry.answer))

    def _fail(self, worker: _Worker, error: Exception) -> None:
        """The worker is gone: its running job gets ``error``; the jobs queued behind it
        never started, so they go to other workers."""
        if not worker.queue:
            return
        head, *rest = worker.queue
        worker.queue.clear()
        if not head.withdrawn and not head.answer.done():  # (a withdrawn one runs elsewhere)
            head.answer.set_exception(error)
        for entry in rest:
            if not entry.withdrawn and not entry.answer.done():
                self._spawn(self._send(entry.message, entry.answer))

    def _closed(self, worker: _Worker) -> None:
        """The worker's pipe closed: it died. Its running query (if any) gets WorkerLost."""
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        if worker.retired:
            return
        worker.process.join(2)
        if not worker.queue:
            how = "idle"
        elif worker.queue[0].answer.done():
            how = "running an abandoned query"
        else:
            how = "running a query"
        self._replace(worker, f"died while {how} ({worker.describe_exit()})")
        self._fail(worker, _Died(worker))

    def _expired(self, worker: _Worker) -> None:
        worker.timer = None
        self._replace(worker, "stopped at the time limit", quiet=True)
        self._fail(worker, _TimedOut())

    def _replace(self, worker: _Worker, reason: str, quiet: bool = False) -> None:
        if worker.retired:
            return
        worker.retired = True
        self.killed += 1
        worker.kill()
        if worker in self._workers:
            self._workers.remove(worker)
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
                self._add(fresh)
                return

        self._spawn(start_one())

    def _spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def close(self) -> None:
        for task in list(self._pending):
            task.cancel()
        for worker in list(self._workers):
            with contextlib.suppress(Exception):
                _write_message(worker.job_fd, _STOP)
            worker.kill()
        self._workers.clear()
