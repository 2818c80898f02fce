"""Competency questions: each is a question in words, the named query (and parameters)
that answers it, and the answer, worked out by hand from the official text and cited.

One YAML file per question in tests/cq/. The rows the query returns, reduced to the
listed columns, must equal the expected rows exactly (as a set, or in order when
``ordered: true``): a missing row and an extra row both fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.api import KnowledgeGraph

CQ_DIR = Path(__file__).parent / "cq"
CQ_FILES = sorted(CQ_DIR.glob("*.yaml"))


def load(path: Path) -> dict[str, Any]:
    cq = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = {"question", "query", "columns", "expected", "source"} - set(cq)
    assert not missing, f"{path.name} lacks {sorted(missing)}"
    return cq


def cell(value: Any) -> str:
    return "" if value is None else str(value)


def test_there_are_enough_competency_questions() -> None:
    assert len(CQ_FILES) >= 205


def test_questions_on_1995_ask_1995_and_questions_on_changes_cite_both_texts() -> None:
    """At least 40 questions on the 1995 text, and 25 on what changed, each of those citing
    the provisions on both sides (or saying that one side has none)."""
    cqs = [load(p) for p in CQ_FILES]
    on_1995 = [c for c in cqs if str(c.get("about")) == "1995"]
    on_change = [c for c in cqs if c.get("about") == "change"]
    assert len(on_1995) >= 40 and len(on_change) >= 25
    for c in on_1995:
        assert str((c.get("params") or {}).get("version")) == "1995", c["question"]
    for c in on_change:
        assert c.get("source_1995") and c.get("source_2026"), c["question"]


@pytest.mark.parametrize("path", CQ_FILES, ids=[p.stem for p in CQ_FILES])
def test_competency_question(graph: KnowledgeGraph, path: Path) -> None:
    cq = load(path)
    columns = cq["columns"]
    rows = graph.run(cq["query"], **{k: str(v) for k, v in (cq.get("params") or {}).items()})
    got = [tuple(cell(r[c]) for c in columns) for r in rows]
    expected = [tuple(cell(v) for v in row) for row in cq["expected"]]
    if cq.get("distinct", True):
        got = list(dict.fromkeys(got))
    if cq.get("ordered"):
        assert got == expected, cq["question"]
    else:
        assert sorted(got) == sorted(expected), cq["question"]
