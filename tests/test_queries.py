"""The named-query registry: headers, parameters bound safely, every query runs."""

from __future__ import annotations

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
    "rights": ["right", "holder", "limitations", "article", "paragraph", "provision"],
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
