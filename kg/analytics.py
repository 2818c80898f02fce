"""Network analytics of the graph of powers, with networkx.

The graph is projected from the `graph-nodes` and `graph-edges` named queries: nodes are
institutions, offices, groups and matters; each power is one directed edge from holder to
object carrying its type, family and article. Every report is plain rows (columns and
dicts), written by the same formats as query results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.api import KnowledgeGraph
from kg.queries import SelectResult

# Acts of choosing who holds an office: followed upwards, they give the appointment chain.
APPOINTING = {"appoint", "elect", "vote-in"}
# Acts that end an office holder's or a body's tenure.
REMOVING = {"dismiss", "remove-from-office", "dissolve", "terminate-powers", "no-confidence"}
# Acts by which one body holds another in check.
CHECKING = REMOVING | {
    "consent",
    "initiate-removal",
    "request-dismissal",
    "override",
    "return",
    "review-constitutionality",
    "lift-immunity",
    "hear-report",
    "approve",
    "annul-acts",
    "reject",
}
AGENT_TYPES = {"organization", "post", "group"}


@dataclass(frozen=True)
class Node:
    id: str
    type: str
    kind: str
    labels: dict[str, str]  # en, ru, kk (short names)
    full_labels: dict[str, str]
    names: tuple[str, ...] = ()  # other names in common use, any language (for search)


@dataclass(frozen=True)
class Edge:
    power: str
    holder: str
    object: str
    action: str
    family: str
    labels: dict[str, str]
    section: str
    article: str
    paragraph: str
    conditions: dict[str, str]  # en, ru, kk
    provision: str
    text: str

    @property
    def citation(self) -> str:
        return f"{self.article}({self.paragraph})" if self.paragraph else self.article


class PowerGraph:
    """Nodes and power edges, with the analyses the view and `kg analyze` need."""

    def __init__(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        self.nodes = {n.id: n for n in nodes}
        self.edges = list(edges)
        self.graph = nx.MultiDiGraph()
        for n in self.nodes.values():
            self.graph.add_node(n.id)
        for e in self.edges:
            self.graph.add_edge(e.holder, e.object, key=e.power, action=e.action)

    @classmethod
    def from_results(cls, nodes: SelectResult, edges: SelectResult) -> PowerGraph:
        return cls(
            (
                Node(
                    r["id"],
                    r["type"],
                    r["kind"],
                    {lang: r[f"short_{lang}"] for lang in ("en", "ru", "kk")},
                    {lang: r[f"label_{lang}"] for lang in ("en", "ru", "kk")},
                    tuple(sorted(n for n in (r.get("names") or "").split("|") if n)),
                )
                for r in nodes.rows
            ),
            (
                Edge(
                    r["power"],
                    r["holder"],
                    r["object"],
                    r["action"],
                    r["family"],
                    {lang: r[f"label_{lang}"] for lang in ("en", "ru", "kk")},
                    str(r["section"]),
                    str(r["article"]),
                    str(r["paragraph"]),
                    {
                        "en": r["conditions"],
                        "ru": r["conditions_ru"],
                        "kk": r["conditions_kk"],
                    },
                    r["provision"],
                    r["text_en"],
                )
                for r in edges.rows
            ),
        )

    @classmethod
    def load(cls, graph: KnowledgeGraph, version: str = "2026") -> PowerGraph:
        """From the built dataset, through the two named queries."""
        nodes = graph.select("graph-nodes", {"version": version})
        edges = graph.select("graph-edges", {"version": version})
        return cls.from_results(nodes, edges)

    def label(self, node_id: str) -> str:
        node = self.nodes.get(node_id)
        return node.labels["en"] if node else node_id

    # --- measures -------------------------------------------------------------------------

    def centrality(self) -> dict[str, dict[str, float]]:
        """Degree centrality and betweenness on the simple directed graph of who holds any
        power over whom (parallel powers count once)."""
        simple = nx.DiGraph(self.graph)
        degree = nx.degree_centrality(simple)
        betweenness = nx.betweenness_centrality(simple, normalized=True)
        return {
            n: {
                "degree": round(degree.get(n, 0.0), 4),
                "betweenness": round(betweenness.get(n, 0.0), 4),
            }
            for n in self.nodes
        }

    def appointment_graph(self) -> nx.DiGraph:
        g = nx.DiGraph()
        g.add_nodes_from(self.nodes)
        for e in self.edges:
            if e.action in APPOINTING and e.holder != e.object:
                g.add_edge(e.holder, e.object)
        return g

    def appointment_chains(self) -> dict[str, list[list[str]]]:
        """For each node that someone appoints or elects, every chain from an ultimate
        appointer (one nobody appoints) down to it, shortest first."""
        g = self.appointment_graph()
        roots = [n for n in g if g.in_degree(n) == 0 and g.out_degree(n) > 0]
        chains: dict[str, list[list[str]]] = {}
        for target in g:
            if g.in_degree(target) == 0:
                continue
            found = []
            for root in roots:
                if nx.has_path(g, root, target):
                    found.extend(nx.all_simple_paths(g, root, target, cutoff=6))
            chains[target] = sorted(found, key=lambda p: (len(p), p))
        return chains

    def check_edges(self) -> list[Edge]:
        return [
            e
            for e in self.edges
            if e.action in CHECKING
            and e.holder != e.object
            and self._is_agent(e.holder)
            and self._is_agent(e.object)
        ]

    def _is_agent(self, node_id: str) -> bool:
        node = self.nodes.get(node_id)
        return node is not None and node.type in AGENT_TYPES

    # --- reports --------------------------------------------------------------------------

    def report(self, name: str) -> SelectResult:
        reports = {
            "institutions": self.institutions_report,
            "chains": self.chains_report,
            "removal": self.removal_report,
            "mutual": self.mutual_report,
            "unchecked": self.unchecked_report,
        }
        if name not in reports:
            raise KeyError(name)
        return reports[name]()

    def institutions_report(self) -> SelectResult:
        measures = self.centrality()
        chains = self.appointment_chains()
        checked_by: dict[str, set[str]] = defaultdict(set)
        for e in self.check_edges():
            checked_by[e.object].add(e.holder)
        rows = []
        for node in sorted(self.nodes.values(), key=lambda n: n.id):
            if node.type not in AGENT_TYPES:
                continue
            held = sum(1 for e in self.edges if e.holder == node.id)
            subject = sum(1 for e in self.edges if e.object == node.id)
            ultimate = sorted({self.label(c[0]) for c in chains.get(node.id, [])})
            rows.append(
                {
                    "institution": node.id,
                    "label": node.labels["en"],
                    "kind": node.kind,
                    "powers_held": held,
                    "subject_to": subject,
                    "degree": measures[node.id]["degree"],
                    "betweenness": measures[node.id]["betweenness"],
                    "ultimately_appointed_by": "; ".join(ultimate),
                    "checked_by": "; ".join(sorted(self.label(h) for h in checked_by[node.id])),
                }
            )
        return _result(
            rows,
            [
                "institution",
                "label",
                "kind",
                "powers_held",
                "subject_to",
                "degree",
                "betweenness",
                "ultimately_appointed_by",
                "checked_by",
            ],
        )

    def chains_report(self) -> SelectResult:
        rows = [
            {
                "office": self.label(target),
                "chain": " → ".join(self.label(n) for n in chain),
                "steps": len(chain) - 1,
            }
            for target, chains in sorted(self.appointment_chains().items())
            for chain in chains
        ]
        return _result(rows, ["office", "chain", "steps"])

    def removal_report(self) -> SelectResult:
        rows = [
            {
                "who": self.label(e.holder),
                "action": e.labels["en"],
                "whom": self.label(e.object),
                "article": e.citation,
                "power": e.power,
            }
            for e in self.edges
            if e.action in REMOVING
        ]
        return _result(rows, ["who", "action", "whom", "article", "power"])

    def mutual_report(self) -> SelectResult:
        by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in self.check_edges():
            by_pair[e.holder, e.object].add(e.labels["en"])
        rows = []
        for (a, b), actions in sorted(by_pair.items()):
            if a < b and (b, a) in by_pair:
                rows.append(
                    {
                        "a": self.label(a),
                        "b": self.label(b),
                        "a_over_b": "; ".join(sorted(actions)),
                        "b_over_a": "; ".join(sorted(by_pair[b, a])),
                    }
                )
        return _result(rows, ["a", "b", "a_over_b", "b_over_a"])

    def unchecked_report(self) -> SelectResult:
        checked = {e.object for e in self.check_edges()}
        rows = [
            {
                "institution": n.id,
                "label": n.labels["en"],
                "kind": n.kind,
                "powers_held": sum(1 for e in self.edges if e.holder == n.id),
            }
            for n in sorted(self.nodes.values(), key=lambda n: n.id)
            if n.type in ("organization", "post") and n.id not in checked
        ]
        return _result(rows, ["institution", "label", "kind", "powers_held"])


REPORTS = ("institutions", "chains", "removal", "mutual", "unchecked")


def _result(rows: list[dict[str, Any]], columns: list[str]) -> SelectResult:
    return SelectResult(columns, rows)
