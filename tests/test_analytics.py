"""Network analytics on a small graph whose answers are known by hand, and on the mini
fixture through the real queries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kg.analytics import Edge, Node, PowerGraph
from kg.api import KnowledgeGraph
from kg.config import ROOT, Config

MINI = Path(__file__).parent / "data" / "mini"


def node(i: str, kind: str = "executive", type_: str = "post") -> Node:
    return Node(i, type_, kind, {"en": i.upper(), "ru": i, "kk": i}, {"en": i, "ru": i, "kk": i})


def edge(holder: str, action: str, obj: str, n: int) -> Edge:
    return Edge(
        f"urn:p{n}",
        holder,
        obj,
        action,
        "f",
        {"en": action, "ru": action, "kk": action},
        "1",
        str(n),
        "",
        {"en": "", "ru": "", "kk": ""},
        f"urn:art{n}",
        f"{holder} {action} {obj}",
    )


# people elect P; P appoints M and J (J with L's consent); L elects S; P dissolves L;
# L removes P; J reviews nothing but is unchecked apart from L's consent; "law" is a matter.
NODES = [
    node("people", "people", "group"),
    node("p", "head-of-state"),
    node("m"),
    node("j"),
    node("l", "legislature", "organization"),
    node("s"),
    Node(
        "law",
        "matter",
        "matter",
        {"en": "law", "ru": "law", "kk": "law"},
        {"en": "law", "ru": "law", "kk": "law"},
    ),
]
EDGES = [
    edge("people", "vote-in", "p", 1),
    edge("p", "appoint", "m", 2),
    edge("p", "appoint", "j", 3),
    edge("l", "consent", "j", 4),
    edge("l", "elect", "s", 5),
    edge("p", "dissolve", "l", 6),
    edge("l", "remove-from-office", "p", 7),
    edge("p", "sign", "law", 8),
    edge("m", "dismiss", "m", 9),
]
GRAPH = PowerGraph(NODES, EDGES)


def rows(report: str) -> list[dict[str, object]]:
    return GRAPH.report(report).rows


def test_appointment_chains() -> None:
    chains = {(r["office"], r["chain"]) for r in rows("chains")}
    assert chains == {
        ("P", "PEOPLE → P"),
        ("M", "PEOPLE → P → M"),
        ("J", "PEOPLE → P → J"),
        ("S", "L → S"),
    }


def test_who_can_remove_or_dissolve_whom() -> None:
    found = {(r["who"], r["action"], r["whom"]) for r in rows("removal")}
    assert found == {
        ("P", "dissolve", "L"),
        ("L", "remove-from-office", "P"),
        ("M", "dismiss", "M"),
    }


def test_mutual_checks_and_unchecked_bodies() -> None:
    assert [(r["a"], r["b"]) for r in rows("mutual")] == [("L", "P")]
    # M only dismisses itself (a self-loop is no check); S is elected but never checked.
    assert {r["institution"] for r in rows("unchecked")} == {"m", "s"}


def test_institution_measures() -> None:
    by_id = {r["institution"]: r for r in rows("institutions")}
    assert "law" not in by_id  # matters are not institutions
    assert (by_id["p"]["powers_held"], by_id["p"]["subject_to"]) == (4, 2)
    assert by_id["j"]["ultimately_appointed_by"] == "PEOPLE"
    assert by_id["j"]["checked_by"] == "L"
    # every path from PEOPLE or L to M, J passes through P
    assert by_id["p"]["betweenness"] > 0 and by_id["m"]["betweenness"] == 0


def test_the_real_queries_feed_the_graph(tmp_path: Path) -> None:
    graph = PowerGraph.load(
        KnowledgeGraph.load(Config(environ={}, data_dir=MINI, dist_dir=tmp_path))
    )
    assert set(graph.nodes) == {"president", "prime-minister", "kurultai", "law"}
    assert {(e.holder, e.action, e.object) for e in graph.edges} == {
        ("president", "appoint", "prime-minister"),
        ("president", "sign", "law"),
        ("president", "dissolve", "kurultai"),
    }


def test_kg_analyze_prints_json(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--data",
            str(MINI),
            "--dist",
            str(tmp_path),
            "analyze",
            "-r",
            "removal",
            "-f",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    body = json.loads(done.stdout)
    assert [(r["who"], r["whom"], r["article"]) for r in body["rows"]] == [
        ("President", "Kurultai", "2")
    ]
