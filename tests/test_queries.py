"""The named-query registry: headers, parameters bound safely, every query runs."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, UnknownQuery
from kg.queries import QueryRegistry, parse_query_file, resolve, run

SPEC_COLUMNS = {
    # Public interface promised to researchers: names and columns stay exactly as they are.
    "powers": [
        "holder",
        "action",
        "object",
        "consent_of",
        "proposal_of",
        "threshold",
        "conditions",
        "article",
        "paragraph",
        "provision",
    ],
    "rights": [
        "label",
        "group",
        "right",
        "holder",
        "limitations",
        "article",
        "paragraph",
        "provision",
    ],
    "provisions": ["provision", "section", "article", "paragraph", "summary"],
    "institutions": ["institution", "label_en", "label_ru", "label_kk", "kind", "size", "term"],
}


def test_every_named_query_has_a_title_and_a_description(registry: QueryRegistry) -> None:
    assert {
        "powers",
        "rights",
        "provisions",
        "institutions",
        "consent-appointments",
        "legislative-initiative",
    } <= set(registry.queries)
    for q in registry:
        assert q.title and q.description, q.name


@pytest.mark.parametrize("name", sorted(p.stem for p in Path("queries").glob("*.rq")) or ["powers"])
def test_every_named_query_runs_on_the_real_graph(
    store: ox.Store, registry: QueryRegistry, name: str
) -> None:
    result = run(store, registry.get(name))
    assert result.columns
    if name in SPEC_COLUMNS:
        assert result.columns == SPEC_COLUMNS[name]


def test_a_parameter_value_is_a_literal_never_query_text(
    store: ox.Store, registry: QueryRegistry
) -> None:
    powers = registry.get("powers")
    sneaky = 'x" } UNION { ?power ?p ?o } #'
    text = powers.bind({"holder": sneaky})
    assert '"x\\" } UNION { ?power ?p ?o } #"' in text
    assert run(store, powers, {"holder": sneaky}).rows == []


def test_unknown_query_and_parameter(registry: QueryRegistry) -> None:
    with pytest.raises(UnknownQuery, match="available: "):
        registry.get("nope")
    with pytest.raises(QueryError, match="has no parameter 'who'"):
        registry.get("powers").bind({"who": "x"})


def test_a_declared_parameter_needs_its_values_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text(
        "#+ title: Bad\n#+ description: d\n#+ param who: someone\nSELECT * WHERE { ?s ?p ?o }\n"
    )
    with pytest.raises(QueryError, match=r"VALUES \?who_param \{ UNDEF \}"):
        parse_query_file(bad)


def test_a_header_needs_title_and_description(tmp_path: Path) -> None:
    bad = tmp_path / "untitled.rq"
    bad.write_text("SELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(QueryError, match="#\\+ title:"):
        parse_query_file(bad)


def test_resolve_names_files_and_text(registry: QueryRegistry, tmp_path: Path) -> None:
    assert resolve("powers", registry).name == "powers"
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert resolve(str(rq), registry).text.startswith("SELECT")
    assert resolve("ASK { ?s ?p ?o }", registry).name == "adhoc"


VERSIONED = sorted(
    p.stem for p in Path("queries").glob("*.rq") if "VALUES ?version_param" in p.read_text()
)


@pytest.mark.parametrize("name", VERSIONED)
def test_a_versioned_query_answers_for_each_constitution_with_the_same_columns(
    store: ox.Store, registry: QueryRegistry, name: str
) -> None:
    query = registry.get(name)
    default = run(store, query)
    answers = {v: run(store, query, {"version": v}) for v in ("1995", "2026")}
    assert default.columns == answers["1995"].columns == answers["2026"].columns
    assert default.rows == answers["2026"].rows  # the default is the one in force
    for version, other in (("1995", "2026"), ("2026", "1995")):
        cited = {
            str(value)
            for row in answers[version].rows
            for value in row.values()
            if "/constitution/" in str(value)
        }
        assert all(f"/constitution/{version}" in iri for iri in cited), (name, version)
        assert not any(f"/constitution/{other}" in iri for iri in cited)


def test_bodies_of_one_version_are_listed_only_under_it(
    store: ox.Store, registry: QueryRegistry
) -> None:
    def ids(version: str) -> set[str]:
        rows = run(store, registry.get("institutions"), {"version": version}).rows
        return {str(r["institution"]).rsplit("/", 1)[-1] for r in rows}

    old, new = ids("1995"), ids("2026")
    assert {"senate", "mazhilis", "assembly-of-people-of-kazakhstan"} <= old - new
    assert {"kurultai", "vice-president", "halyk-kenesi"} <= new - old
    assert {"president", "government", "constitutional-court"} <= old & new


def test_a_version_must_be_a_year(store: ox.Store, registry: QueryRegistry) -> None:
    with pytest.raises(QueryError, match="give its year, 1995 or 2026"):
        run(store, registry.get("powers"), {"version": "latest"})
    assert run(store, registry.get("powers"), {"version": "1990"}).rows == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_diff_query_words_powers_before_and_after_in_the_language_asked(
    store: ox.Store, registry: QueryRegistry, lang: str
) -> None:
    rows = run(store, registry.get("diff"), {"lang": lang, "kind": "power"}).rows
    assert rows
    for row in rows:
        for side in ("holder", "action", "before", "after"):
            latin = re.findall(r"[A-Za-z]{3,}", str(row[side]))
            assert not latin, (lang, side, row[side])
