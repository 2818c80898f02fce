"""Shared fixtures: the real shipped data, built once per session, and helpers to make
modified copies of it for error cases."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.api import KnowledgeGraph
from kg.build import build_dataset
from kg.config import ROOT, Config
from kg.export import nquads
from kg.queries import QueryRegistry
from kg.records import Corpus
from kg.sources import load_corpus
from kg.store import store_from_nquads

DATA = ROOT / "data"


def pytest_configure(config: pytest.Config) -> None:
    """No setting of the caller's shell may change a result: every ``KG_*`` variable is
    removed before any test or fixture runs, so in-process code and every subprocess see
    the defaults; tests that want a setting pass it explicitly."""
    for name in [n for n in os.environ if n.startswith("KG_")]:
        del os.environ[name]


OFFICIAL_2026 = ROOT.parent / "shared" / "sources" / "constitution-2026.ru.txt"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(DATA)


@pytest.fixture(scope="session")
def dataset(corpus: Corpus) -> Dataset:
    return build_dataset(corpus)


@pytest.fixture(scope="session")
def store(dataset: Dataset) -> ox.Store:
    return store_from_nquads(nquads(dataset))


@pytest.fixture(scope="session")
def registry() -> QueryRegistry:
    return QueryRegistry()


@pytest.fixture(scope="session")
def graph(store: ox.Store, registry: QueryRegistry) -> KnowledgeGraph:
    return KnowledgeGraph(store, registry, Config(environ={}))


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[..., Path]:
    """Copy data/ to a temporary directory; ``edit(relative_path, old, new)`` changes one
    file of the copy (the old text must occur exactly once)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)

    def edit(relative: str | None = None, old: str = "", new: str = "") -> Path:
        if relative is not None:
            path = target / relative
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        return target

    return edit
