"""Rights carry a short name in en, ru and kk and one group of our right-groups scheme, in the
data, in the graph, in the `rights` query, and in `kg validate`'s errors (issue 11)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.namespace import RDF, SKOS

from kg import ids
from kg.errors import SourceDataError
from kg.integrity import check
from kg.namespaces import ATA
from kg.ontology import edge_properties
from kg.queries import QueryRegistry, run
from kg.records import Corpus, Right
from kg.sources import LANGS, load_corpus

LATIN = re.compile(r"[A-Za-z]")
FIRST_RIGHT = "  - id: right-to-legal-personality\n"
SECTION_2026 = "constitution-2026/section-02.yaml"


def rights_of(corpus: Corpus) -> dict[str, list[Right]]:
    return {d.version: [r for s in d.sections for r in s.rights] for d in corpus.documents}


def group_ids(corpus: Corpus) -> set[str]:
    return {c.id for s in corpus.schemes if s.id == "right-groups" for c in s.concepts}


def test_every_right_of_both_versions_has_three_names_and_a_known_group(corpus: Corpus) -> None:
    groups = group_ids(corpus)
    assert 6 <= len(groups) <= 8
    by_version = rights_of(corpus)
    assert set(by_version) == {"1995", "2026"}
    for version, rights in by_version.items():
        assert rights, version
        for r in rights:
            assert set(r.label) == set(LANGS), r.id
            assert r.group in groups, r.id
            assert all(len(text) <= 46 for text in r.label.values()), r.label
            for lang in ("ru", "kk"):
                assert not LATIN.search(r.label[lang]), (r.id, r.label[lang])
    used = {r.group for rights in by_version.values() for r in rights}
    assert used == groups, "a group that no right belongs to"


def test_a_right_kept_between_versions_keeps_its_name_and_group(corpus: Corpus) -> None:
    by_version = rights_of(corpus)
    old = {r.id: r for r in by_version["1995"]}
    shared = [r for r in by_version["2026"] if r.id in old]
    assert shared
    for r in shared:
        assert (r.label, r.group) == (old[r.id].label, old[r.id].group), r.id


def test_names_of_rights_are_unique_in_each_version(corpus: Corpus) -> None:
    for version, rights in rights_of(corpus).items():
        for lang in LANGS:
            names = [r.label[lang] for r in rights]
            assert len(names) == len(set(names)), (version, lang)


def test_the_group_scheme_says_it_is_our_grouping(corpus: Corpus) -> None:
    scheme = next(s for s in corpus.schemes if s.id == "right-groups")
    assert "not" in scheme.definition and "Constitution" in scheme.definition
    for concept in scheme.concepts:
        assert set(concept.label) == set(LANGS) and concept.definition


def test_the_graph_names_and_groups_every_right(corpus: Corpus, dataset: Dataset) -> None:
    for version, rights in rights_of(corpus).items():
        graph = dataset.graph(ids.version_graph(version))
        nodes = set(graph.subjects(RDF.type, ATA.Right))
        assert nodes == {ids.right(version, r.id) for r in rights}
        for r in rights:
            node = ids.right(version, r.id)
            labels = {lit.language: str(lit) for lit in graph.objects(node, SKOS.prefLabel)}
            assert labels == r.label
            assert list(graph.objects(node, ATA.rightGroup)) == [
                ids.concept("right-groups", r.group)
            ]


@pytest.mark.parametrize("version", ["1995", "2026"])
def test_the_rights_query_gives_name_and_group_of_every_right(
    corpus: Corpus, store: ox.Store, registry: QueryRegistry, version: str
) -> None:
    rights = rights_of(corpus)[version]
    group_names = {
        c.id: c.label["en"] for s in corpus.schemes if s.id == "right-groups" for c in s.concepts
    }
    result = run(store, registry.get("rights"), {"version": version})
    got = sorted((str(row["label"]), str(row["group"])) for row in result.rows)
    assert got == sorted((r.label["en"], group_names[r.group]) for r in rights)


def test_a_right_without_a_group_is_refused_at_its_line(data_copy: Callable[..., Path]) -> None:
    text = (data_copy() / SECTION_2026).read_text(encoding="utf-8")
    start = text.index(FIRST_RIGHT)
    group_line = text.index("    group: ", start)
    end = text.index("\n", group_line) + 1
    path = data_copy() / SECTION_2026
    path.write_text(text[:group_line] + text[end:], encoding="utf-8")
    with pytest.raises(SourceDataError) as caught:
        load_corpus(data_copy())
    line = text[:start].count("\n") + 1
    assert caught.value.where.path == path and caught.value.where.line == line
    assert "missing the field 'group'" in str(caught.value)


def test_a_name_missing_a_language_is_refused_at_its_line(data_copy: Callable[..., Path]) -> None:
    path = data_copy() / SECTION_2026
    text = path.read_text(encoding="utf-8")
    label_line = text.index("    label: ", text.index(FIRST_RIGHT))
    end = text.index("\n", label_line)
    without_kk = re.sub(r', kk: "[^"]*"\}', "}", text[label_line:end])
    path.write_text(text[:label_line] + without_kk + text[end:], encoding="utf-8")
    with pytest.raises(SourceDataError) as caught:
        load_corpus(data_copy())
    assert caught.value.where.line == text[:label_line].count("\n") + 1
    assert "'label' has no 'kk' text" in str(caught.value)


def test_an_unknown_group_is_reported_with_file_and_line(data_copy: Callable[..., Path]) -> None:
    path = data_copy() / SECTION_2026
    text = path.read_text(encoding="utf-8")
    start = text.index(FIRST_RIGHT)
    group_line = text.index("    group: ", start)
    end = text.index("\n", group_line)
    path.write_text(text[:group_line] + "    group: freedoms" + text[end:], encoding="utf-8")
    problems = [str(p) for p in check(load_corpus(data_copy()), edge_properties())]
    where = f"{path}:{text[:start].count(chr(10)) + 1}"
    assert any(p.startswith(where) and "unknown right group 'freedoms'" in p for p in problems), (
        problems
    )


def test_right_groups_are_concepts_of_their_own_scheme(dataset: Dataset) -> None:
    scheme = ids.scheme("right-groups")
    groups = {o for g in dataset.graphs() for o in g.objects(None, ATA.rightGroup)}
    assert groups
    for group in groups:
        assert any((group, SKOS.inScheme, scheme) in g for g in dataset.graphs())
