"""Generated wording: thresholds and durations in words."""

from __future__ import annotations

import pytest

from kg.errors import Where
from kg.records import Threshold
from kg.wording import duration_text, threshold_text

HERE = Where(__file__, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "d", "cmp", "base", "expected"),
    [
        (1, 2, "more-than", "all-members", "a majority of all members of the Kurultai"),
        (2, 3, "at-least", "all-members", "at least two thirds of all members of the Kurultai"),
        (3, 4, "at-least", "all-members", "at least three quarters of all members of the Kurultai"),
        (1, 5, "at-least", "all-members", "at least one fifth of all members of the Kurultai"),
        (1, 2, "more-than", "votes-cast", "a majority of the votes cast"),
        (
            2,
            3,
            "at-least",
            "members-present",
            "at least two thirds of the members present of the Kurultai",
        ),
        (3, 7, "more-than", "all-members", "more than 3/7 of all members of the Kurultai"),
    ],
)
def test_threshold_text(n: int, d: int, cmp: str, base: str, expected: str) -> None:
    assert threshold_text(Threshold(n, d, cmp, base, None, HERE), "Kurultai") == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("P1M", "1 month"),
        ("P10D", "10 days"),
        ("PT48H", "48 hours"),
        ("P7Y", "7 years"),
        ("P1Y6M", "1 year 6 months"),
        ("PT30M", "30 minutes"),
        ("P2W", "2 weeks"),
    ],
)
def test_duration_text(iso: str, expected: str) -> None:
    assert duration_text(iso) == expected
