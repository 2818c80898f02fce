"""The official-text importer and `kg coverage`: a fixture round trip, each kind of
mismatch reported, and, where ../shared is present, the real 2026 text with none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kg import ids
from kg.config import ROOT
from kg.coverage import coverage
from kg.importer import import_text
from kg.namespaces import ATA
from kg.records import Corpus
from kg.sources import load_corpus

HERE = Path(__file__).parent
MINI = HERE / "data" / "mini"
FIXTURE = HERE / "data" / "official-layout.txt"
OFFICIAL = ROOT.parent / "shared" / "sources" / "constitution-2026.ru.txt"


def mini_document():  # type: ignore[no-untyped-def]
    return load_corpus(MINI).documents[0]


def text_of(dataset: Dataset, eid: str) -> str:
    graph = dataset.graph(ids.graph("official-text-2026-ru"))
    value = graph.value(URIRef(ids.provision("2026", eid)), ATA.officialText)
    assert isinstance(value, Literal) and value.language == "ru"
    return str(value)


def test_the_fixture_round_trip() -> None:
    alignment, dataset = import_text(mini_document(), FIXTURE, "ru")
    assert alignment.mismatches == 0
    assert alignment.articles_matched == {"1", "2"}
    assert len(alignment.matched) == 6
    assert text_of(dataset, "art_1__para_1__part_2") == "Президент служит один срок."
    assert text_of(dataset, "art_1__para_1") == (
        "Президент руководит государством.\nПрезидент служит один срок."
    )
    assert text_of(dataset, "art_1__para_2__item_2") == "подписывает законы."
    assert text_of(dataset, "art_2") == "Президент вправе распустить Курултай."


def test_a_paragraph_without_a_provision_is_reported(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text(
        FIXTURE.read_text(encoding="utf-8").replace(
            "2) подписывает законы.\n", "2) подписывает законы.\n3. Лишний пункт.\n"
        ),
        encoding="utf-8",
    )
    alignment, _ = import_text(mini_document(), extra, "ru")
    assert [(x.number, x.article, x.marker) for x in alignment.extra_lines] == [
        (10, "1", ("para", "3"))
    ]
    assert alignment.missing == []
    assert "extra.txt:10: article 1: a paragraph with no provision" in alignment.report(extra)[0]


def test_a_provision_without_a_paragraph_is_reported(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text(
        FIXTURE.read_text(encoding="utf-8").replace("2) подписывает законы.\n", ""),
        encoding="utf-8",
    )
    alignment, _ = import_text(mini_document(), short, "ru")
    assert [p.citation for p in alignment.missing] == ["1.2.2"]
    assert alignment.extra_lines == []
    assert alignment.articles_matched == {"2"}


def test_kazakh_and_english_headings(tmp_path: Path) -> None:
    body = FIXTURE.read_text(encoding="utf-8")
    kk = tmp_path / "kk.txt"
    kk.write_text(
        body.replace("Раздел 1.", "1-бөлім.")
        .replace("Статья 1.", "1-бап.")
        .replace("Статья 2.", "2-бап."),
        encoding="utf-8",
    )
    en = tmp_path / "en.txt"
    en.write_text(
        body.replace("Раздел 1.", "Section 1.")
        .replace("Статья 1.", "Article 1.")
        .replace("Статья 2.", "Article 2."),
        encoding="utf-8",
    )
    for path, lang in ((kk, "kk"), (en, "en")):
        alignment, dataset = import_text(mini_document(), path, lang)
        assert alignment.mismatches == 0, lang
        graph = dataset.graph(ids.graph(f"official-text-2026-{lang}"))
        assert len(graph) == 7  # 6 lines, plus paragraph 1.1, which is split into parts


def test_the_cli_writes_outside_data_and_exits_1_on_mismatch(tmp_path: Path) -> None:
    out = tmp_path / "wording.trig"
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--data",
            str(MINI),
            "import-text",
            str(FIXTURE),
            "--lang",
            "ru",
            "-o",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert "articles: 2 matched of 2" in ok.stdout and out.is_file()
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "--data",
            str(MINI),
            "import-text",
            str(FIXTURE),
            "--lang",
            "ru",
            "-o",
            str(MINI / "x.trig"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1 and "never written into data/" in refused.stderr
    assert not (MINI / "x.trig").exists()


def test_coverage_of_the_mini_fixture() -> None:
    report = coverage(mini_document())
    first, total = report.sections.rows
    assert (first["articles"], first["provisions"], first["paragraphs"]) == (2, 8, 6)
    # cited by nothing: the line on leading the state, and the opening line of the list
    assert first["with_facts"] == 4
    assert [r["provision"] for r in report.uncited.rows] == ["1.1.p1", "1.2"]
    assert total["section"] == "all"


def test_every_provision_has_a_summary_and_a_topic(corpus: Corpus) -> None:
    row = coverage(corpus.document("2026")).sections.rows[-1]
    assert row["summarised"] == row["provisions"] == row["with_topics"]
    assert row["articles"] == 96


@pytest.mark.official_text
@pytest.mark.skipif(not OFFICIAL.is_file(), reason="../shared/sources is not present")
def test_the_official_2026_text_matches_every_article_and_paragraph(corpus: Corpus) -> None:
    alignment, _ = import_text(corpus.document("2026"), OFFICIAL, "ru")
    assert alignment.extra_lines == [] and alignment.missing == []
    assert len(alignment.articles_matched) == 96 == len(alignment.articles_in_file)
    done = subprocess.run(
        [sys.executable, "-m", "kg", "coverage", "--against", str(OFFICIAL)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "articles: 96 matched of 96" in done.stdout


OFFICIAL_1995 = ROOT.parent / "shared" / "sources" / "constitution-1995.ru.txt"


@pytest.mark.official_text
@pytest.mark.skipif(not OFFICIAL_1995.is_file(), reason="../shared/sources is not present")
def test_the_official_1995_text_matches_every_article_even_a_repealed_one(corpus: Corpus) -> None:
    alignment, _ = import_text(corpus.document("1995"), OFFICIAL_1995, "ru")
    assert alignment.extra_lines == [] and alignment.missing == []
    # 99 articles, 83-1, 94-1 and 94-2; article 84 is only a heading and a footnote of repeal
    assert "84" in alignment.articles_matched
    assert len(alignment.articles_matched) == 102 == len(alignment.articles_in_file)
    done = subprocess.run(
        [sys.executable, "-m", "kg", "coverage", "--against", str(OFFICIAL_1995)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "articles: 102 matched of 102" in done.stdout
