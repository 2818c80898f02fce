"""The Python interface: load the dataset once, then run named queries with parameters, or
SPARQL of any form.

>>> from kg import KnowledgeGraph
>>> graph = KnowledgeGraph.load()
>>> graph.run("powers", holder="President", action="appoint")[0]["object"]
>>> graph.query("ASK { id:kurultai a org:FormalOrganization }")   # True
>>> graph.query("DESCRIBE id:kurultai")                          # an rdflib Graph
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.config import Config
from kg.namespaces import PREFIXES
from kg.queries import (
    NamedQuery,
    QueryRegistry,
    SelectResult,
    evaluate,
    resolve,
    select,
)
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

    def _named(self, spec: str | NamedQuery) -> NamedQuery:
        return spec if isinstance(spec, NamedQuery) else resolve(spec, self.registry)

    def query(
        self,
        spec: str | NamedQuery,
        params: dict[str, str] | None = None,
        max_rows: int | None = None,
    ) -> SelectResult | bool | Graph:
        """Run a named query, a query file or SPARQL text of any form: SELECT gives columns
        and rows, ASK a bool, CONSTRUCT and DESCRIBE an rdflib ``Graph``."""
        named = self._named(spec)
        answer = evaluate(self.store, named.bind(params or {}), max_rows, named.source)
        if isinstance(answer, list):
            return _to_rdflib(answer)
        return answer

    def select(
        self,
        spec: str | NamedQuery,
        params: dict[str, str] | None = None,
        max_rows: int | None = None,
    ) -> SelectResult:
        """Like :meth:`query` for SELECT queries only (an error for the other forms)."""
        named = self._named(spec)
        return select(self.store, named.bind(params or {}), max_rows, named.source)

    def run(self, name: str, **params: str) -> list[dict[str, Any]]:
        """Rows of a named query as plain dicts: ``graph.run("powers", holder="president")``."""
        return self.select(self.registry.get(name), params).rows


def _to_rdflib(triples: list[ox.Triple]) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    if triples:
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
