"""Answers from a query pool both ways: with the queries the server answers itself
(point lookups, counts) answered in process, and with every query sent to a worker."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rdflib import Dataset

from kg.export import nquads
from kg.workers import Job, Outcome, QueryPool


def answers_both_ways(
    dataset: Dataset, folder: Path, jobs: list[Job]
) -> tuple[list[Outcome], list[Outcome]]:
    """Each job's outcome in process and from a worker, in that order, over the dataset's
    dump (written to ``folder``); checks that the first pool answered every job itself
    and the second none."""
    dump = folder / "atazan.nq"
    dump.write_bytes(nquads(dataset))

    async def answers(local: bool) -> tuple[list[Outcome], int]:
        pool = QueryPool(dump, 1, 60, local_lookups=local)
        await pool.start()
        try:
            return [await pool.run(job) for job in jobs], pool.answered_here
        finally:
            await pool.close()

    here, answered_here = asyncio.run(answers(True))
    there, none = asyncio.run(answers(False))
    assert (answered_here, none) == (len(jobs), 0)
    return here, there
