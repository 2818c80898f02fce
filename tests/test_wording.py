"""Generated wording: thresholds and durations in words."""

from __future__ import annotations

import pytest

from kg.errors import Where
from kg.records import Citation, Condition, Period, Power, Threshold, Timing
from kg.wording import Lexicon, condition_summary, duration_in, duration_text, threshold_text

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


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("P1M", "ru", "1 месяц"),
        ("P2M", "ru", "2 месяца"),
        ("P10D", "ru", "10 дней"),
        ("P21D", "ru", "21 день"),
        ("P12D", "ru", "12 дней"),
        ("PT48H", "ru", "48 часов"),
        ("P1M", "kk", "1 ай"),
        ("P10D", "kk", "10 күн"),
        ("PT48H", "kk", "48 сағат"),
    ],
)
def test_durations_in_russian_and_kazakh(iso: str, lang: str, expected: str) -> None:
    assert duration_in(iso, lang) == expected


LABELS = {
    "president": {"en": "President", "ru": "Президент", "kk": "Президент"},
    "kurultai": {"en": "Kurultai", "ru": "Курултай", "kk": "Құрылтай"},
    "refusal": {"en": "a second refusal", "ru": "повторный отказ", "kk": "қайта бас тарту"},
    "signing": {"en": "the signature", "ru": "подписание", "kk": "қол қою"},
    "start-not-stated": {"en": "?", "ru": "?", "kk": "?"},
    "emergency": {"en": "not during an emergency", "ru": "не в период ЧП", "kk": "ТЖ кезінде емес"},
}
LEX = Lexicon(
    agent=lambda i, lang: LABELS[i][lang],
    concept=lambda i, lang: LABELS[i][lang],
    cite=lambda text, lang: {"en": "art. ", "ru": "ст. ", "kk": ""}[lang] + text,
)


def power(**conditions: object) -> Power:
    fields: dict[str, object] = {
        "id": "p",
        "holder": "president",
        "action": "dissolve",
        "object": "kurultai",
        "basis": Citation("62.1", HERE),
        "also": (),
        "consent_of": (),
        "threshold": None,
        "proposal_of": (),
        "request_of": (),
        "consultation_with": (),
        "opinion_of": (),
        "initiative": None,
        "time_limit": None,
        "not_before": None,
        "exclusions": (),
        "note": None,
        "where": HERE,
    }
    fields.update(conditions)
    return Power(**fields)  # type: ignore[arg-type]


def test_the_trigger_comes_first_and_other_provisions_are_cited() -> None:
    p = power(
        exclusions=(Condition("emergency", Citation("62.3", HERE), HERE),),
        consent_of=("kurultai",),
        triggers=(Condition("refusal", Citation("62.2", HERE), HERE),),
    )
    assert condition_summary(p, LEX, "en") == (
        "only on a second refusal (art. 62.2); with the consent of Kurultai; "
        "not during an emergency (art. 62.3)"
    )
    assert condition_summary(p, LEX, "ru") == (
        "Условие возникновения: повторный отказ (ст. 62.2); Согласие: Курултай; "
        "Ограничение: не в период ЧП (ст. 62.3)"
    )


def test_a_condition_on_the_power_s_own_provision_is_not_cited_again() -> None:
    p = power(triggers=(Condition("refusal", None, HERE),))
    assert condition_summary(p, LEX, "en") == "only on a second refusal"


def test_timing_and_time_limits_say_their_event_in_every_language() -> None:
    p = power(
        timing=(Timing("before", "signing", None, HERE),),
        time_limit=Period("P1M", "signing", None, HERE),
    )
    assert condition_summary(p, LEX, "en") == (
        "before the signature; within 1 month of the signature"
    )
    assert condition_summary(p, LEX, "ru") == (
        "Применяется до события «подписание»; Срок: 1 месяц со дня события «подписание»"
    )
    assert condition_summary(p, LEX, "kk") == (
        "«қол қою» оқиғасына дейін қолданылады; Мерзімі: «қол қою» оқиғасынан бастап 1 ай"
    )


def test_a_period_whose_start_the_text_does_not_name_says_so() -> None:
    p = power(time_limit=Period("P2M", "start-not-stated", None, HERE))
    assert condition_summary(p, LEX, "en") == (
        "within 2 months (the Constitution does not say from when)"
    )
    assert "не указано" in condition_summary(p, LEX, "ru")
    assert "көрсетілмеген" in condition_summary(p, LEX, "kk")


def test_a_referendum_threshold_keeps_turnout_and_territorial_spread() -> None:
    rule = Threshold(
        1,
        2,
        "more-than",
        "votes-cast",
        "president",
        HERE,
        turnout=Threshold(1, 2, "more-than", "all-members", "president", HERE),
        territorial=Threshold(2, 3, "at-least", "territorial-units", None, HERE),
    )
    text = condition_summary(power(threshold=rule), LEX, "en")
    assert text == (
        "by a majority of the votes cast; valid only if more than half of all President "
        "entitled to vote take part; in at least two thirds of the regions, cities of "
        "republican significance and the capital"
    )
    ru = condition_summary(power(threshold=rule), LEX, "ru")
    assert "по меньшей мере в 2/3 территориальных единиц" in ru
    assert "более половины" in ru


def test_each_scope_limits_the_power_on_its_own() -> None:
    p = power(
        scopes=(Condition("signing", None, HERE), Condition("refusal", None, HERE)),
        triggers=(Condition("refusal", None, HERE), Condition("signing", None, HERE)),
    )
    assert condition_summary(p, LEX, "en") == (
        "only on a second refusal or the signature; limited to the signature; "
        "limited to a second refusal"
    )
