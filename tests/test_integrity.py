"""Cross-file checks: unknown ids, missing provisions, duplicates and numbering gaps are
each reported with the file and line to fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.integrity import check
from kg.ontology import edge_properties
from kg.sources import load_corpus

MINI = Path(__file__).parent / "data" / "mini"
SECTION = "constitution-2026/section-01.yaml"


def problems_after(tmp_path: Path, relative: str, old: str, new: str) -> list[str]:
    root = tmp_path / "mini"
    shutil.copytree(MINI, root)
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [str(p) for p in check(load_corpus(root), edge_properties())]


def test_the_mini_fixture_fits_together() -> None:
    assert check(load_corpus(MINI), edge_properties()) == []


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (
            SECTION,
            "    holder: president\n    action: sign",
            "    holder: presidnet\n    action: sign",
            "section-01.yaml:39: unknown holder 'presidnet': not in institutions.yaml",
        ),
        (
            SECTION,
            '    basis: "1.2.2"',
            '    basis: "1.2.3"',
            "section-01.yaml:43: power president-signs-laws cites '1.2.3', "
            "which is not a provision",
        ),
        (
            SECTION,
            '    basis: "1.1.p2"',
            '    basis: "1.1.p3"',
            "section-01.yaml:55: fact president-single-term cites '1.1.p3'",
        ),
        (
            SECTION,
            "  - id: president-signs-laws",
            "  - id: president-appoints-prime-minister",
            "section-01.yaml:39: duplicate id 'president-appoints-prime-minister' (power) in the "
            "2026 Constitution; first defined at",
        ),
        (
            SECTION,
            "    action: dissolve",
            "    action: appointments",
            "section-01.yaml:45: 'appointments' is a family of actions",
        ),
        (
            SECTION,
            "    object: law",
            "    object: laws",
            "section-01.yaml:39: unknown object 'laws': neither an institution nor a matter",
        ),
        (
            SECTION,
            "          - item: 2",
            "          - item: 3",
            "section-01.yaml:25: item 3 of para 2 (article 1): expected item 2",
        ),
        (
            SECTION,
            "  - article: 2",
            "  - article: 3",
            "section-01.yaml:28: article 3 follows article 1",
        ),
        (
            SECTION,
            "          - part: 2\n            summary: The President serves one term.\n"
            "            topics: [head-of-state]\n",
            "",
            "section-01.yaml:8: para 1 (article 1) has a single part",
        ),
        (
            SECTION,
            "    topics: [legislature]\npowers:",
            "    topics: [legislatur]\npowers:",
            "section-01.yaml:28: unknown topic 'legislatur'",
        ),
        (
            "institutions.yaml",
            "  kind: legislature",
            "  kind: parliament",
            "institutions.yaml:5: unknown kind 'parliament'",
        ),
        (
            "vocab/actions.yaml",
            "    edge: signs",
            "    edge: signz",
            "actions.yaml:19: edge property 'signz' is not declared in ontology/atazan.ttl",
        ),
        (
            "vocab/conditions.yaml",
            "  - id: second-refusal-of-consent\n",
            "  - id: second-refusal-of-consent\n    same_as: second-refusal\n",
            "conditions.yaml:17: same_as names 'second-refusal', which is not in scheme "
            "'conditions'",
        ),
    ],
)
def test_each_inconsistency_is_reported_where_it_is(
    tmp_path: Path, relative: str, old: str, new: str, expected: str
) -> None:
    problems = problems_after(tmp_path, relative, old, new)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a trigger that is not in the scheme
        (
            "trigger: [second-refusal-of-consent]",
            "trigger: [second-refusal]",
            "power president-dissolves-kurultai: trigger 'second-refusal' is not in "
            "vocab/conditions.yaml",
        ),
        # an event used as a trigger: the field takes only its own family
        (
            "trigger: [second-refusal-of-consent]",
            "trigger: [submission-of-law]",
            "power president-dissolves-kurultai: trigger takes concepts of the family "
            "'triggers', but 'submission-of-law' belongs to 'events'",
        ),
        # a time limit that runs from a trigger rather than an event
        (
            "from: submission-of-law}",
            "from: second-refusal-of-consent}",
            "power president-signs-laws: time_limit takes concepts of the family 'events'",
        ),
        # a citation of a condition that does not exist
        (
            "trigger: [second-refusal-of-consent]",
            'trigger: [{id: second-refusal-of-consent, basis: "2.9"}]',
            "power president-dissolves-kurultai cites '2.9'",
        ),
    ],
)
def test_conditions_must_be_concepts_of_their_family(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    found = problems_after(tmp_path, SECTION, old, new)
    assert len(found) == 1, found
    assert expected in found[0]
    assert "section-01.yaml:" in found[0]


@pytest.mark.parametrize("word", ["only", "If", "after", "unless", "within", "before"])
def test_a_note_that_states_a_condition_fails_until_marked_reviewed(
    tmp_path: Path, word: str
) -> None:
    note = f"    note: The President acts {word} the Kurultai has refused twice."
    old = '    basis: "2"\n'
    found = problems_after(tmp_path, SECTION, old, old + note + "\n")
    assert len(found) == 1, found
    assert "power president-dissolves-kurultai: its note says" in found[0]
    assert "note_reviewed" in found[0]
    reviewed = problems_after(
        tmp_path / "again", SECTION, old, old + note + "\n    note_reviewed: true\n"
    )
    assert reviewed == []


def test_a_note_without_condition_words_needs_no_review(tmp_path: Path) -> None:
    old = '    basis: "2"\n'
    note = "    note: The Kurultai is the parliament.\n"
    assert problems_after(tmp_path, SECTION, old, old + note) == []


def test_inserted_numbers_run_between_their_neighbours(tmp_path: Path) -> None:
    """An amendment inserts 2-1 after 2 and before 3; 1-1 may not follow 2."""
    item = (
        "          - item: 2\n            summary: Signs laws.\n            topics: [legislature]\n"
    )
    inserted = item + (
        '          - item: "2-1"\n            summary: Returns laws.\n'
        "            topics: [legislature]\n"
    )
    assert problems_after(tmp_path, SECTION, item, inserted) == []
    wrong = inserted.replace('"2-1"', '"1-1"')
    found = problems_after(tmp_path / "again", SECTION, item, wrong)
    assert (
        len(found) == 1 and "item 1-1 of para 2 (article 1): expected item 3 (or 2-1)" in found[0]
    )


def test_a_repealed_provision_keeps_its_number_and_cannot_be_cited(tmp_path: Path) -> None:
    old = "            summary: Signs laws.\n"
    new = old + '            repealed: true\n            repealed_by: "a made-up law of 2001"\n'
    found = problems_after(tmp_path, SECTION, old, new)
    assert len(found) == 1, found
    assert "power president-signs-laws cites '1.2.2', which was repealed" in found[0]


def test_a_body_of_another_constitution_cannot_hold_a_power_here(tmp_path: Path) -> None:
    old = "- id: kurultai\n  type: organization\n"
    found = problems_after(tmp_path, "institutions.yaml", old, old + '  versions: ["1995"]\n')
    assert found and all("'kurultai' exists only under the 1995 Constitution" in p for p in found)
    assert (
        problems_after(tmp_path / "ok", "institutions.yaml", old, old + '  versions: ["2026"]\n')
        == []
    )
