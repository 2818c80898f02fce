"""Names as people say them: alternative names in common use are skos:altLabel in en, ru
and kk, and query parameters accept any label in any of the three languages, whatever the
case, through the same code as the command line, the API and the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import SKOS

from kg.api import KnowledgeGraph
from kg.errors import SourceDataError
from kg.records import Corpus
from kg.sources import load_corpus
from kg.viz import load_view

ID = "https://w3id.org/atazan/id/"


def test_alt_names_are_read_and_written_as_skos_alt_labels(
    corpus: Corpus, dataset: Dataset
) -> None:
    kurultai = next(a for a in corpus.agents if a.id == "kurultai")
    assert "Parliament" in kurultai.alt["en"]
    alt = {o for _, _, o, _ in dataset.quads((URIRef(ID + "halyk-kenesi"), SKOS.altLabel, None))}
    assert Literal("People's Council", lang="en") in alt
    assert Literal("Народный Совет Казахстана", lang="ru") in alt
    assert Literal("Halyk Kenesi", lang="en") in alt  # the short name stays a label too


@pytest.mark.parametrize(
    ("query", "param", "names", "same_as"),
    [
        (
            "powers",
            "holder",
            ["People's Council", "people's council", "Народный Совет"],
            "halyk-kenesi",
        ),
        ("powers", "object", ["parliament", "PARLIAMENT", "Парламент"], "kurultai"),
        ("powers", "holder", ["Head of State", "мемлекет басшысы"], "president"),
        ("power-conditions", "holder", ["Глава государства"], "president"),
        ("succession", "office", ["head of state"], "president"),
        ("offices", "office", ["Ombudsman", "омбудсмен"], "human-rights-commissioner"),
        ("duties", "bearer", ["Қазақстан Республикасының азаматтары"], "citizens"),
        ("rights", "holder", ["граждане республики казахстан"], "citizens"),
    ],
)
def test_parameters_accept_any_label_in_any_language(
    graph: KnowledgeGraph, query: str, param: str, names: list[str], same_as: str
) -> None:
    expected = graph.select(query, {param: same_as}).rows
    assert expected, (query, same_as)
    for name in names:
        assert graph.select(query, {param: name}).rows == expected, name


def test_the_graph_view_carries_every_name_for_search(graph: KnowledgeGraph) -> None:
    nodes = {n.id: n for n in load_view(graph).nodes}
    assert {"Parliament", "Курултай", "Құрылтай", "Kurultai"} <= set(nodes["kurultai"].names)
    assert "Омбудсмен" in nodes["human-rights-commissioner"].names
    # short labels are still one per language
    assert nodes["kurultai"].labels == {"en": "Kurultai", "ru": "Курултай", "kk": "Құрылтай"}


def test_a_bad_alt_field_is_a_data_error_with_file_and_line(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "data" / "mini", data)
    path = data / "institutions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("- id: kurultai\n", "- id: kurultai\n  alt: {de: [Parlament]}\n", 1)
    )
    with pytest.raises(
        SourceDataError, match=r"institutions\.yaml:\d+: 'alt' has an unknown language 'de'"
    ):
        load_corpus(data)
