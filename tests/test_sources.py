"""Loading the data files: a malformed file fails with the file, the line and the problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.errors import SourceDataError
from kg.sources import load_corpus

MINI = Path(__file__).parent / "data" / "mini"
SECTION = "constitution-2026/section-01.yaml"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def load_error(root: Path) -> SourceDataError:
    with pytest.raises(SourceDataError) as caught:
        load_corpus(root)
    return caught.value


def test_the_mini_fixture_loads(mini: Path) -> None:
    corpus = load_corpus(mini)
    section = corpus.documents[0].sections[0]
    assert [a.number for a in section.articles] == ["1", "2"]
    assert len(section.powers) == 3
    power = section.powers[0]
    assert (power.holder, power.action, power.object) == ("president", "appoint", "prime-minister")
    assert power.threshold is not None
    assert (power.threshold.numerator, power.threshold.denominator) == (1, 2)
    assert power.threshold.comparison == "more-than"
    assert power.where.line == 32


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        # a required field is missing
        (
            "    holder: president\n    action: sign",
            "    action: sign",
            39,
            "missing the field 'holder'",
        ),
        # a misspelt key
        ("    consent_of: kurultai", "    consent_off: kurultai", 37, "unknown key 'consent_off'"),
        # an unquoted decimal citation, which YAML would read as a number
        ('    basis: "1.2.2"', "    basis: 1.2", 43, "write the citation in quotes"),
        # a malformed citation
        ('    basis: "2"', '    basis: "art 2"', 49, "is not a citation"),
        # a threshold that is not one of the phrases
        ("threshold: majority of all", "threshold: most of them", 38, "is not a threshold"),
        # a duration that is not ISO 8601
        ("duration: P1M", "duration: one month", 44, "ISO 8601 duration"),
        # a time limit that does not say what it runs from
        (
            "time_limit: {duration: P1M, from: submission-of-law}",
            "time_limit: P1M",
            44,
            "name the event it runs from",
        ),
        # a fact type that does not exist
        ("    type: term", "    type: tenure", 53, "a fact needs a type"),
        # a silence may not cite a basis
        ('    related: ["1.1.p2"]', '    basis: "1.1.p2"', 61, "a silence has no basis"),
        # an id that is not lower-case words with hyphens
        ("  - id: president-signs-laws", "  - id: President_Signs", 39, "is not a valid id"),
        # a key twice in one mapping
        ("    max_terms: 1", "    max_terms: 1\n    max_terms: 2", 57, "appears twice"),
        # broken YAML: the parser notices the unclosed bracket on the next line
        (
            "    description: One term only.",
            "    description: [One term only.",
            58,
            "not valid YAML",
        ),
    ],
)
def test_a_malformed_section_names_file_line_and_problem(
    mini: Path, old: str, new: str, line: int, words: str
) -> None:
    edit(mini, SECTION, old, new)
    error = load_error(mini)
    assert error.where.path.name == "section-01.yaml"
    assert error.where.line == line
    assert words in str(error)
    assert f"section-01.yaml:{line}:" in str(error)


def test_a_label_missing_a_language_is_refused(mini: Path) -> None:
    edit(
        mini,
        "institutions.yaml",
        "label: {en: Kurultai, ru: Курултай, kk: Құрылтай}",
        "label: {en: Kurultai, ru: Курултай}",
    )
    error = load_error(mini)
    assert error.where.path.name == "institutions.yaml"
    assert error.where.line == 8
    assert "no 'kk' text" in str(error)


def test_an_unquoted_comma_in_a_flow_mapping_is_reported_not_misread(mini: Path) -> None:
    edit(
        mini,
        "institutions.yaml",
        "label: {en: Government, ru: Правительство, kk: Үкімет}",
        "label: {en: Government, of the Republic, ru: Правительство, kk: Үкімет}",
    )
    error = load_error(mini)
    assert error.where.line == 12
    assert "unknown language" in str(error)


def test_a_provision_with_two_kinds_is_refused(mini: Path) -> None:
    edit(mini, SECTION, "      - para: 2\n", "      - para: 2\n        item: 3\n")
    error = load_error(mini)
    assert error.where.line == 18
    assert "exactly one of 'article', 'para', 'item', 'part'" in str(error)


def test_a_missing_data_directory_is_reported(tmp_path: Path) -> None:
    error = load_error(tmp_path / "nowhere")
    assert "does not exist" in str(error)


def test_a_section_may_draft_condition_concepts(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    path = root / SECTION
    text = path.read_text(encoding="utf-8")
    drafted = (
        "conditions:\n  - id: third-refusal\n    broader: triggers\n"
        "    label: {en: a third refusal, ru: третий отказ, kk: үшінші бас тарту}\n"
        "    definition: Made up for the test.\n"
    )
    path.write_text(text + drafted, encoding="utf-8")
    corpus = load_corpus(root)
    scheme = next(s for s in corpus.schemes if s.id == "conditions")
    assert "third-refusal" in {c.id for c in scheme.concepts}
