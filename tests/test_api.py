"""The Python interface: load once, run named queries, get plain dicts."""

from __future__ import annotations

from pathlib import Path

from kg import KnowledgeGraph
from kg.config import Config

MINI = Path(__file__).parent / "data" / "mini"


def test_load_and_run_a_named_query(tmp_path: Path) -> None:
    graph = KnowledgeGraph.load(Config(environ={}, data_dir=MINI, dist_dir=tmp_path))
    rows = graph.run("powers", holder="president", action="appoint")
    assert rows == [
        {
            "holder": "President",
            "action": "appoints",
            "object": "Prime Minister",
            "consent_of": "Kurultai",
            "proposal_of": "",
            "threshold": "a majority of all members of the Kurultai",
            "conditions": (
                "with the consent of Kurultai; by a majority of all members of the Kurultai"
            ),
            "article": "1",
            "paragraph": "2(1)",
            "provision": "https://w3id.org/atazan/eli/kz/constitution/2026/art_1__para_2__item_1",
        }
    ]


def test_query_sparql_text(graph: KnowledgeGraph) -> None:
    result = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?p a ata:Power }")
    assert result.rows[0]["n"] > 0
