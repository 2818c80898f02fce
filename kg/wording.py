"""Plain-English wording generated from structured data: thresholds, durations and the
digest of a power's conditions. Generated, so that the words always match the numbers."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.records import Power, Threshold

_FRACTIONS = {
    (1, 2): "one half",
    (1, 3): "one third",
    (2, 3): "two thirds",
    (1, 4): "one quarter",
    (3, 4): "three quarters",
    (1, 5): "one fifth",
    (2, 5): "two fifths",
}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def fraction(numerator: int, denominator: int) -> str:
    return _FRACTIONS.get((numerator, denominator), f"{numerator}/{denominator}")


def threshold_text(t: Threshold, body_label: str | None) -> str:
    """``a majority of all members of the Kurultai``, ``at least two thirds of the votes cast``."""
    if (t.numerator, t.denominator, t.comparison) == (1, 2, "more-than"):
        share = "a majority"
    else:
        share = f"{t.comparison.replace('-', ' ')} {fraction(t.numerator, t.denominator)}"
    if t.base == "votes-cast":
        return f"{share} of the votes cast"
    whom = f" of the {body_label}" if body_label else ""
    counted = "all members" if t.base == "all-members" else "the members present"
    return f"{share} of {counted}{whom}"


def duration_text(iso: str) -> str:
    """``P1M`` → ``1 month``, ``PT48H`` → ``48 hours``, ``P1Y6M`` → ``1 year 6 months``."""
    date, _, time = iso[1:].partition("T")
    parts = []
    for chunk, in_time in ((date, False), (time, True)):
        for amount, unit in re.findall(r"(\d+)([YMWDHS])", chunk):
            name = "minute" if in_time and unit == "M" else _UNITS[unit]
            parts.append(f"{amount} {name}{'' if amount == '1' else 's'}")
    return " ".join(parts)


def condition_summary(p: Power, label: Callable[[str], str]) -> str:
    """The conditions of a power in one readable line (empty if it has none)."""
    bits = []
    names = lambda ids: ", ".join(label(i) for i in ids)  # noqa: E731
    if p.consent_of:
        bits.append(f"with the consent of {names(p.consent_of)}")
    if p.threshold:
        body = p.threshold.body or (p.consent_of[0] if p.consent_of else p.holder)
        bits.append(f"by {threshold_text(p.threshold, label(body))}")
    if p.proposal_of:
        bits.append(f"on the proposal of {names(p.proposal_of)}")
    if p.request_of:
        bits.append(f"on application of {names(p.request_of)}")
    if p.initiative:
        body = p.initiative.body or p.holder
        bits.append(f"on the initiative of {threshold_text(p.initiative, label(body))}")
    if p.consultation_with:
        bits.append(f"after consulting {names(p.consultation_with)}")
    if p.opinion_of:
        bits.append(f"with the opinion of {names(p.opinion_of)}")
    if p.time_limit:
        bits.append(f"within {duration_text(p.time_limit)}")
    if p.not_before:
        bits.append(f"not earlier than {duration_text(p.not_before)}")
    # Exclusions are curated phrases; those not already phrased as a "not ..." get a prefix.
    negative = ("not ", "never ", "may not ", "cannot ", "except ", "unless ", "no ")
    bits.extend(e if e.lower().startswith(negative) else f"excluded: {e}" for e in p.exclusions)
    return "; ".join(bits)
