"""The Python interface: load the dataset once, then run named queries with parameters.

>>> from kg import KnowledgeGraph
>>> graph = KnowledgeGraph.load()
>>> graph.run("powers", holder="President", action="appoint")[0]["object"]
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.config import Config
from kg.queries import NamedQuery, QueryRegistry, SelectResult, resolve, select
from kg.store import load_store


class KnowledgeGraph:
    """The built dataset in an in-process Oxigraph store, with the named queries."""

    def __init__(self, store: ox.Store, registry: QueryRegistry, config: Config) -> None:
        self.store = store
        self.registry = registry
        self.config = config

    @classmethod
    def load(cls, config: Config | None = None) -> KnowledgeGraph:
        config = config or Config()
        return cls(load_store(config).store, QueryRegistry(), config)

    def query(
        self,
        spec: str | NamedQuery,
        params: dict[str, str] | None = None,
        max_rows: int | None = None,
    ) -> SelectResult:
        """Run a named query, a ``.rq`` file or SPARQL text; returns columns and rows."""
        named = spec if isinstance(spec, NamedQuery) else resolve(spec, self.registry)
        return select(self.store, named.bind(params or {}), max_rows)

    def run(self, name: str, **params: str) -> list[dict[str, Any]]:
        """Rows of a named query as plain dicts: ``graph.run("powers", holder="president")``."""
        return self.query(self.registry.get(name), params).rows
