"""`kg diff`: a made-up earlier constitution beside the mini fixture, where we know by hand
what changed: the Senate's consent became the Kurultai's and its majority grew, signing kept
its time limit, dissolution is new, and the Senate's election of its Chair is gone."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import ROOT
from kg.diff import _plural, _plural_name, diff_result, summary_result
from kg.errors import KGError
from kg.sources import load_corpus

MINI = Path(__file__).parent / "data" / "mini"

EARLIER = """\
section: 1
title: {en: Earlier test section, ru: Ранний тестовый раздел}
articles:
  - article: 1
    summary: What the President and the Senate do.
    topics: [head-of-state]
    children:
      - para: 1
        summary: Appoints the Prime Minister with the Senate's consent.
        topics: [head-of-state]
      - para: 2
        summary: Signs laws within a month.
        topics: [legislature]
      - para: 3
        summary: The Senate elects its Chair.
        topics: [legislature]
powers:
  - id: president-appoints-prime-minister
    holder: president
    action: appoint
    object: prime-minister
    basis: "1.1"
    consent_of: senate
    threshold: at least 2/3 of all
  - id: president-signs-laws
    holder: president
    action: sign
    object: law
    basis: "1.2"
    time_limit: {duration: P1M, from: submission-of-law}
  - id: senate-elects-chair
    holder: senate
    action: appoint
    object: chair-of-senate
    basis: "1.3"
"""
SENATE = """
- id: senate
  type: organization
  kind: legislature
  versions: ["1995"]
  label: {en: Senate, ru: Сенат, kk: Сенат}
- id: chair-of-senate
  type: post
  kind: legislature
  versions: ["1995"]
  post_in: senate
  label: {en: Chair of the Senate, ru: Председатель Сената, kk: Сенат Төрағасы}
"""
REPLACEMENT = """\
  - id: kurultai-replaces-senate
    type: replacement
    concerns: [kurultai]
    replaces: [senate]
    basis: "2"
    description: The Kurultai takes the Senate's place.
"""


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("versions") / "data"
    shutil.copytree(MINI, root)
    (root / "institutions.yaml").write_text(
        (root / "institutions.yaml").read_text(encoding="utf-8") + SENATE, encoding="utf-8"
    )
    kurultai = "- id: kurultai\n  type: organization\n"
    text = (root / "institutions.yaml").read_text(encoding="utf-8")
    (root / "institutions.yaml").write_text(
        text.replace(kurultai, kurultai + '  versions: ["2026"]\n'), encoding="utf-8"
    )
    section = root / "constitution-2026" / "section-01.yaml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("facts:\n", "facts:\n" + REPLACEMENT), encoding="utf-8")
    earlier = root / "constitution-1995"
    earlier.mkdir()
    (earlier / "document.yaml").write_text(
        "version: 1995\ntitle: {en: Earlier, ru: Ранняя, kk: Ертерек}\nadopted: 1995-08-30\n"
        "in_force: 1995-09-05\nended: 2026-06-30\nofficial_id: TEST95\n"
        "source: https://example.org/earlier\n",
        encoding="utf-8",
    )
    (earlier / "section-01.yaml").write_text(EARLIER, encoding="utf-8")
    return root


def test_powers_are_aligned_through_the_successor_and_compared_field_by_field(
    two_versions: Path,
) -> None:
    corpus = load_corpus(two_versions)
    changes, result = diff_result(corpus, "1995", "2026", kind="power")
    found = {(c.change, c.holder, c.action, c.object): c for c in changes}
    appoint = found["changed", "president", "appoint", "prime-minister"]
    # The consent moved from the Senate to its successor: not a change. The majority did.
    assert appoint.fields == ("threshold",)
    # Shown in words and with the body the older text names, not its successor.
    assert "two thirds" in appoint.before and "Senate" in appoint.before
    assert "majority" in appoint.after and "Kurultai" in appoint.after
    assert (appoint.article_from, appoint.article_to) == ("1(1)", "1(2)(1)")
    assert ("added", "president", "dissolve", "kurultai") in found
    # A removed power keeps the holder the older text gives it.
    removed = found["removed", "senate", "appoint", "chair-of-senate"]
    assert removed.article_from == "1(3)"
    # signing is unchanged: the same limit from the same event, so no row at all
    assert not any(c.action == "sign" for c in changes)
    assert all(row["summary"].endswith(".") for row in result.rows)


def test_institutions_and_the_per_institution_summary(two_versions: Path) -> None:
    corpus = load_corpus(two_versions)
    changes, _ = diff_result(corpus, "1995", "2026")
    institutions = {(c.change, c.holder) for c in changes if c.kind == "institution"}
    assert ("removed", "senate") in institutions and ("added", "kurultai") in institutions
    summary = {r["holder"]: r for r in summary_result(corpus, changes).rows}
    assert summary["President"] == {
        "holder": "President",
        "gained": 1,
        "lost": 0,
        "changed": 1,
    }


def test_filters_take_any_name_of_a_body_and_refuse_unknown_values(two_versions: Path) -> None:
    corpus = load_corpus(two_versions)
    by_old_name, _ = diff_result(corpus, "1995", "2026", holder="сенат", kind="power")
    assert {c.holder for c in by_old_name} == {"senate"}
    # the successor's name finds what its predecessor lost
    by_new_name, _ = diff_result(corpus, "1995", "2026", holder="Kurultai", kind="power")
    assert ("removed", "senate") in {(c.change, c.holder) for c in by_new_name}
    only_added, _ = diff_result(corpus, "1995", "2026", change="added", kind="power")
    assert {c.change for c in only_added} == {"added"}
    with pytest.raises(KGError, match="no constitution 1990"):
        diff_result(corpus, "1990", "2026")
    with pytest.raises(KGError, match="kind must be one of"):
        diff_result(corpus, "1995", "2026", kind="powers")


def test_kg_diff_prints_csv_and_markdown(two_versions: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg", "--data", str(two_versions), "diff", *args],
            capture_output=True,
            text=True,
        )

    done = run("--from", "1995", "--to", "2026", "--kind", "power", "-f", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["change"] for r in rows} == {"added", "removed", "changed"}
    assert set(rows[0]) >= {
        "change",
        "kind",
        "holder",
        "action",
        "object",
        "before",
        "after",
        "article_from",
        "article_to",
        "summary",
    }
    markdown = run("--summary", "-f", "markdown").stdout
    assert markdown.startswith("| holder | gained | lost | changed |")
    bad = run("--from", "1990")
    assert bad.returncode == 1 and "no constitution 1990" in bad.stderr


def test_summaries_agree_with_a_plural_holder_and_say_who_stated_a_succession() -> None:
    assert _plural("negotiates and signs") == "negotiate and sign"
    assert _plural("develops proposals and recommendations on") == (
        "develop proposals and recommendations on"
    )
    assert _plural("has the right to") == "have the right to"
    assert [_plural_name(n) for n in ("Deputies", "Mazhilis", "Chair of the Senate")] == [
        True,
        False,
        False,
    ]
    corpus = load_corpus(ROOT / "data")
    changes, _ = diff_result(corpus, "1995", "2026", kind="institution")
    said = {c.holder: c.summary for c in changes}
    assert "(art. 95(1) of 2026)" in said["senate"]  # the text ends the Parliament
    assert "our comparison; the text states no succession" in said["halyk-kenesi"]


def test_a_condition_worded_for_the_other_legislature_is_not_a_change() -> None:
    """1995's "the adoption of the law by Parliament" says what 2026's "... by the Kurultai"
    says once the chambers are mapped to their successor (same_as): no row for it."""
    corpus = load_corpus(ROOT / "data")
    changes, _ = diff_result(corpus, "1995", "2026", kind="power", change="changed")
    review = [
        c
        for c in changes
        if (c.holder, c.action) == ("constitutional-court", "review-constitutionality")
    ]
    assert all("timing" not in c.fields for c in review)
    signing = [c for c in changes if (c.holder, c.action, c.object) == ("president", "sign", "law")]
    assert all("trigger" not in c.fields for c in signing)
    # a real change of a condition stays: the Prime Minister now follows the Vice President too
    acting = [c for c in changes if (c.holder, c.action) == ("prime-minister", "assume-powers")]
    assert acting and "trigger" in acting[0].fields


def test_two_chambers_powers_folded_into_the_kurultai_are_not_reported_as_lost() -> None:
    """Both Chairs of the chambers countersigned laws under 1995 (45.3); under 2026 the Chair
    of the Kurultai does: the power lives on, so neither 1995 record is "removed"."""
    corpus = load_corpus(ROOT / "data")
    changes, _ = diff_result(corpus, "1995", "2026", kind="power")
    countersign = [c for c in changes if c.action == "countersign" and c.object == "law"]
    assert not [c for c in countersign if c.change == "removed"], countersign


def test_bodies_drafted_in_a_section_file_count_and_groups_of_persons_do_not() -> None:
    corpus = load_corpus(ROOT / "data")
    changes, _ = diff_result(corpus, "1995", "2026", kind="institution")
    holders = {c.holder for c in changes}
    assert "state-counsellor" in holders  # drafted in a 1995 section file (44, item 19)
    groups = {a.id for a in corpus.all_agents() if a.type == "group"}
    assert not holders & groups
