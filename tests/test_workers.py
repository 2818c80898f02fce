"""The query pool's pipes, one worker at a time: a result far larger than a pipe's buffer
arrives whole, a request abandoned by its client frees its worker once the answer comes,
and a query past the time limit is stopped with its worker replaced."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.errors import QueryTimeout
from kg.export import nquads
from kg.queries import QueryRegistry
from kg.workers import Job, QueryPool, execute

JSON = "application/sparql-results+json"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def dump(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pool") / "atazan.nq"
    path.write_bytes(nquads(dataset))
    return path


def test_a_result_larger_than_the_pipe_arrives_whole(dump: Path, store: ox.Store) -> None:
    job = Job("SELECT * WHERE { ?s ?p ?o }", JSON, 10**6)
    expected = execute(store, job).body

    async def scenario() -> bytes:
        pool = QueryPool(dump, 1, 60)
        await pool.start()
        try:
            return (await pool.run(job)).body
        finally:
            await pool.close()

    body = asyncio.run(scenario())
    assert len(body) > 4 << 20  # several times the 1 MB pipe buffer
    assert body == expected


def test_an_abandoned_request_frees_its_worker(dump: Path, store: ox.Store) -> None:
    powers = QueryRegistry().get("powers").bind({})
    quick = Job("ASK { ?s ?p ?o }", JSON, 10)

    async def scenario() -> tuple[bytes, int, int]:
        pool = QueryPool(dump, 1, 60)
        await pool.start()
        try:
            first = asyncio.create_task(pool.run(Job(powers, JSON, 10**6)))
            await asyncio.sleep(0)  # the job is sent; the client goes away
            first.cancel()
            with pytest.raises(asyncio.CancelledError):
                await first
            answer = await asyncio.wait_for(pool.run(quick), 30)
            return answer.body, pool.killed, len(pool.worker_pids())
        finally:
            await pool.close()

    body, killed, workers = asyncio.run(scenario())
    assert body == execute(store, quick).body
    assert (killed, workers) == (0, 1)  # the same worker, not a replacement


def test_a_query_past_the_time_limit_is_stopped(dump: Path) -> None:
    async def scenario() -> tuple[str, list[int], list[int], bytes]:
        pool = QueryPool(dump, 1, 1.0)
        await pool.start()
        try:
            before = pool.worker_pids()
            with pytest.raises(QueryTimeout) as stopped:
                await pool.run(Job(FOREVER, JSON, 10))
            answer = await asyncio.wait_for(pool.run(Job("ASK { ?s ?p ?o }", JSON, 10)), 60)
            return str(stopped.value), before, pool.worker_pids(), answer.body
        finally:
            await pool.close()

    message, before, after, body = asyncio.run(scenario())
    assert "time limit of 1 s" in message
    assert len(after) == 1 and after != before
    assert b'"boolean": true' in body


def test_json_results_keep_the_row_limit_exactly(store: ox.Store) -> None:
    """Written by Oxigraph or row by row, a JSON result has the same bytes, and one row
    past the limit is refused whole, never cut."""
    from kg.results import select_json

    query = "SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 2000"
    solutions = store.query(query, use_default_graph_as_union=True)
    variables = [v.value for v in solutions.variables]
    expected = select_json(variables, [list(s) for s in solutions])
    for limit in (2000, 2500, 10**6):  # at the limit (row by row) and under it (Oxigraph)
        outcome = execute(store, Job(query, JSON, limit))
        assert outcome.error is None and outcome.body == expected, limit
    refused = execute(store, Job(query, JSON, 1999))
    assert refused.error_kind == "too_large" and refused.body == b""


def test_jobs_queued_behind_a_long_query_go_to_a_free_worker(dump: Path, store: ox.Store) -> None:
    """Under load a job may wait in a busy worker's pipe. If the query ahead of it runs long,
    the job is taken back when another worker is free, instead of waiting for the time
    limit: here it is answered in a fraction of the 4 s that the query ahead of it runs."""
    powers = Job(QueryRegistry().get("powers").bind({}), JSON, 10**6)
    quick = Job("ASK { ?s ?p ?o }", JSON, 10)

    async def scenario() -> tuple[float, bytes, str, int, int]:
        pool = QueryPool(dump, 2, 4.0)
        await pool.start()
        try:
            started = asyncio.get_running_loop().time()
            long = asyncio.create_task(pool.run(Job(FOREVER, JSON, 10)))  # to the first worker
            medium = asyncio.create_task(pool.run(powers))  # to the second
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            queued = asyncio.create_task(pool.run(quick))  # behind the first (both are fresh)
            answer = await queued
            waited = asyncio.get_running_loop().time() - started
            await medium
            with pytest.raises(QueryTimeout) as stopped:
                await long
            for _ in range(600):  # the replacement of the stopped worker starts
                if len(pool.worker_pids()) == 2:
                    break
                await asyncio.sleep(0.1)
            return waited, answer.body, str(stopped.value), pool.killed, len(pool.worker_pids())
        finally:
            await pool.close()

    waited, body, message, killed, workers = asyncio.run(scenario())
    assert body == execute(store, quick).body
    assert waited < 2.0
    assert "time limit of 4 s" in message
    assert (killed, workers) == (1, 2)
