"""Words generated from structured data: thresholds, durations and the digest of a power's
conditions, in English, Russian and Kazakh. Generated, so that the words always match the
data.

English is composed into one readable line ("only on ...; with the consent of ...").
Russian and Kazakh are never assembled word by word: each condition is a labelled field
("Согласие: Курултай") whose value is a stored label in that language, and the few phrases
that frame a value hold it in quotes in the nominative («...»), or use stored forms
(the shares of a vote, the plural of a unit of time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.records import Condition, Period, Power, Threshold

LANGS = ("en", "ru", "kk")
NOT_STATED = "start-not-stated"

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
    if t.base == "territorial-units":
        return f"in {share} of the regions, cities of republican significance and the capital"
    whom = f" of the {body_label}" if body_label else ""
    counted = "all members" if t.base == "all-members" else "the members present"
    return f"{share} of {counted}{whom}"


def duration_text(iso: str) -> str:
    """``P1M`` → ``1 month``, ``PT48H`` → ``48 hours``, ``P1Y6M`` → ``1 year 6 months``."""
    return duration_in(iso, "en")


# Russian plural forms: one (1, 21, ...), few (2-4, 22-24, ...), many (the rest).
_RU_UNITS = {
    "Y": ("год", "года", "лет"),
    "M": ("месяц", "месяца", "месяцев"),
    "W": ("неделя", "недели", "недель"),
    "D": ("день", "дня", "дней"),
    "H": ("час", "часа", "часов"),
    "min": ("минута", "минуты", "минут"),
    "S": ("секунда", "секунды", "секунд"),
}
# Kazakh nouns do not change after a numeral.
_KK_UNITS = {
    "Y": "жыл",
    "M": "ай",
    "W": "апта",
    "D": "күн",
    "H": "сағат",
    "min": "минут",
    "S": "секунд",
}


def _ru_plural(n: int, forms: tuple[str, str, str]) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def duration_in(iso: str, lang: str) -> str:
    date, _, time = iso[1:].partition("T")
    parts = []
    for chunk, in_time in ((date, False), (time, True)):
        for amount, unit in re.findall(r"(\d+)([YMWDHS])", chunk):
            key = "min" if in_time and unit == "M" else unit
            n = int(amount)
            if lang == "ru":
                parts.append(f"{n} {_ru_plural(n, _RU_UNITS[key])}")
            elif lang == "kk":
                parts.append(f"{n} {_KK_UNITS[key]}")
            else:
                name = "minute" if key == "min" else _UNITS[unit]
                parts.append(f"{n} {name}{'' if n == 1 else 's'}")
    return " ".join(parts)


# Stored forms of shares for Russian and Kazakh: (numerator, denominator, comparison).
_RU_SHARES = {
    (1, 2, "more-than"): "более половины",
    (1, 2, "at-least"): "не менее половины",
    (2, 3, "at-least"): "не менее двух третей",
    (3, 4, "at-least"): "не менее трёх четвертей",
    (1, 3, "at-least"): "не менее одной трети",
    (1, 5, "at-least"): "не менее одной пятой",
}
_KK_SHARES = {
    (1, 2, "more-than"): "жартысынан астамы",
    (1, 2, "at-least"): "кемінде жартысы",
    (2, 3, "at-least"): "кемінде үштен екісі",
    (3, 4, "at-least"): "кемінде төрттен үші",
    (1, 3, "at-least"): "кемінде үштен бірі",
    (1, 5, "at-least"): "кемінде бестен бірі",
}
_RU_BASES = {
    "all-members": "голосов от общего числа членов",
    "members-present": "голосов присутствующих членов",
    "votes-cast": "голосов участвовавших в голосовании",
}
_KK_BASES = {
    "all-members": "жалпы мүшелер саны дауысының",
    "members-present": "қатысқан мүшелер дауысының",
    "votes-cast": "дауыс беруге қатысқандар дауысының",
}
_RU_TERRITORIAL = {
    (2, 3, "at-least"): "по меньшей мере в 2/3 территориальных единиц (области, города "
    "республиканского значения, столица)",
}
_KK_TERRITORIAL = {
    (2, 3, "at-least"): "облыстардың, республикалық маңызы бар қалалар мен астананың "
    "кемінде үштен екісінде",
}


def threshold_in(t: Threshold, body_label: str | None, lang: str) -> str:
    """A threshold in one language; Russian and Kazakh from stored forms, the body as a
    labelled field."""
    if lang == "en":
        return threshold_text(t, body_label)
    return share_in(t.numerator, t.denominator, t.comparison, t.base, body_label, lang)


def share_in(
    numerator: int, denominator: int, comparison: str, base: str, body_label: str | None, lang: str
) -> str:
    """A share of a vote in Russian or Kazakh, from its parts (for records already flattened,
    such as the rows of a comparison)."""
    key = (numerator, denominator, comparison)
    share_ru = _RU_SHARES.get(key, f"{numerator}/{denominator}")
    share_kk = _KK_SHARES.get(key, f"{numerator}/{denominator}")
    if base == "territorial-units":
        table = _RU_TERRITORIAL if lang == "ru" else _KK_TERRITORIAL
        fallback = (
            f"{share_ru} территориальных единиц"
            if lang == "ru"
            else f"аумақтық бірліктердің {share_kk}"
        )
        return table.get(key, fallback)
    body = ""
    if body_label and base != "votes-cast":
        body = f" (орган: {body_label})"  # the same word in Russian and Kazakh
    if lang == "ru":
        return f"{share_ru} {_RU_BASES[base]}{body}"
    return f"{_KK_BASES[base]} {share_kk}{body}"


def share_only(numerator: int, denominator: int, comparison: str, lang: str) -> str:
    """The share alone (``более половины``), for a turnout whose base is not recorded."""
    table = _RU_SHARES if lang == "ru" else _KK_SHARES
    return table.get((numerator, denominator, comparison), f"{numerator}/{denominator}")


@dataclass(frozen=True)
class Lexicon:
    """What the wording needs to look up: labels of agents and concepts in a language, and
    how to cite a provision."""

    agent: Callable[[str, str], str]  # (id, lang) -> label
    concept: Callable[[str, str], str]  # (concept id of the conditions scheme, lang) -> label
    cite: Callable[[str, str], str]  # (citation text, lang) -> "art. 62(2)"


# Field names and frames, per language. ``{x}`` is a stored label, quoted in ru and kk.
_FIELDS = {
    "en": {
        "trigger": "only on {x}",
        "or": " or ",
        "purpose": "only for {x}",
        "scope": "limited to {x}",
        "recipient": "to {x}",
        "exclusive": "exclusively: no one else holds this power",
        "before": "before {x}",
        "after": "after {x}",
        "immediately-after": "without delay after {x}",
        "during": "during {x}",
        "until": "until {x}",
        "consent": "with the consent of {x}",
        "vote": "by {x}",
        "turnout": "valid only if {x} take part",
        "territorial": "{x}",
        "proposal": "on the proposal of {x}",
        "request": "on application of {x}",
        "initiative": "on the initiative of {x}",
        "consultation": "after consulting {x}",
        "opinion": "with the opinion of {x}",
        "within": "within {d} of {x}",
        "within-unstated": "within {d} (the Constitution does not say from when)",
        "not-before": "not earlier than {d} after {x}",
        "exclusion": "{x}",
    },
    "ru": {
        "trigger": "Условие возникновения: {x}",
        "or": " / ",
        "purpose": "Цель: {x}",
        "scope": "Пределы: {x}",
        "recipient": "Адресат: {x}",
        "exclusive": "Исключительное право: иные субъекты этим полномочием не обладают",
        "before": "Применяется до события «{x}»",
        "after": "Применяется после события «{x}»",
        "immediately-after": "Незамедлительно после события «{x}»",
        "during": "Применяется в период «{x}»",
        "until": "Применяется до наступления события «{x}»",
        "consent": "Согласие: {x}",
        "vote": "Порог голосования: {x}",
        "turnout": "Условие действительности (участие): {x}",
        "territorial": "Территориальное условие: {x}",
        "proposal": "По представлению: {x}",
        "request": "По обращению: {x}",
        "initiative": "Инициатива: {x}",
        "consultation": "Консультации: {x}",
        "opinion": "Заключение: {x}",
        "within": "Срок: {d} со дня события «{x}»",
        "within-unstated": "Срок: {d} (начало срока в Конституции не указано)",
        "not-before": "Не ранее: {d} после события «{x}»",
        "exclusion": "Ограничение: {x}",
    },
    "kk": {
        "trigger": "Туындау шарты: {x}",
        "or": " / ",
        "purpose": "Мақсаты: {x}",
        "scope": "Қолданылу аясы: {x}",
        "recipient": "Алушы: {x}",
        "exclusive": "Айрықша құқық: бұл өкілеттік басқа ешкімде жоқ",
        "before": "«{x}» оқиғасына дейін қолданылады",
        "after": "«{x}» оқиғасынан кейін қолданылады",
        "immediately-after": "«{x}» оқиғасынан кейін дереу",
        "during": "«{x}» кезеңінде қолданылады",
        "until": "«{x}» оқиғасы басталғанға дейін қолданылады",
        "consent": "Келісімі: {x}",
        "vote": "Дауыс беру шегі: {x}",
        "turnout": "Жарамдылық шарты (қатысу): {x}",
        "territorial": "Аумақтық шарт: {x}",
        "proposal": "Ұсынуы бойынша: {x}",
        "request": "Өтініші бойынша: {x}",
        "initiative": "Бастама: {x}",
        "consultation": "Консультациялар: {x}",
        "opinion": "Қорытындысы: {x}",
        "within": "Мерзімі: «{x}» оқиғасынан бастап {d}",
        "within-unstated": "Мерзімі: {d} (мерзімнің басталуы Конституцияда көрсетілмеген)",
        "not-before": "Ең ерте мерзімі: «{x}» оқиғасынан кейін {d}",
        "exclusion": "Шектеу: {x}",
    },
}


def condition_summary(p: Power, lex: Lexicon, lang: str = "en") -> str:
    """Every structured condition of a power in one line, trigger first; empty if none.
    A condition stated in another provision than the power's basis carries its citation."""
    words = _FIELDS[lang]
    basis = p.basis.text

    def cited(text: str, citation: str | None) -> str:
        return f"{text} ({lex.cite(citation, lang)})" if citation and citation != basis else text

    def concepts(items: tuple[Condition, ...]) -> str:
        return words["or"].join(
            cited(lex.concept(c.concept, lang), c.basis.text if c.basis else None) for c in items
        )

    def agents(ids: tuple[str, ...]) -> str:
        return ", ".join(lex.agent(i, lang) for i in ids)

    bits = []
    if p.triggers:
        bits.append(words["trigger"].format(x=concepts(p.triggers)))
    if p.purposes:
        bits.append(words["purpose"].format(x=concepts(p.purposes)))
    # Every scope limits the power, so each is a field of its own (triggers and purposes
    # listed together are alternatives: "only on A or B").
    for scope in p.scopes:
        bits.append(words["scope"].format(x=concepts((scope,))))
    if p.recipient:
        bits.append(words["recipient"].format(x=lex.agent(p.recipient, lang)))
    if p.exclusive:
        bits.append(words["exclusive"])
    for t in p.timing:
        event = lex.concept(t.event, lang)
        bits.append(cited(words[t.relation].format(x=event), t.basis.text if t.basis else None))
    if p.consent_of:
        bits.append(words["consent"].format(x=agents(p.consent_of)))
    if p.threshold:
        default = p.consent_of[0] if p.consent_of else p.holder
        bits.extend(_vote(p.threshold, default, lex, lang, words, cited))
    if p.proposal_of:
        bits.append(words["proposal"].format(x=agents(p.proposal_of)))
    if p.request_of:
        bits.append(words["request"].format(x=agents(p.request_of)))
    if p.initiative:
        body = p.initiative.body or p.holder
        text = threshold_in(p.initiative, lex.agent(body, lang), lang)
        bits.append(words["initiative"].format(x=text))
    if p.consultation_with:
        bits.append(words["consultation"].format(x=agents(p.consultation_with)))
    if p.opinion_of:
        bits.append(words["opinion"].format(x=agents(p.opinion_of)))
    if p.time_limit:
        bits.append(_period(p.time_limit, "within", lex, lang, words, cited))
    if p.not_before:
        bits.append(_period(p.not_before, "not-before", lex, lang, words, cited))
    for e in p.exclusions:
        text = words["exclusion"].format(x=lex.concept(e.concept, lang))
        bits.append(cited(text, e.basis.text if e.basis else None))
    return "; ".join(bits)


def _vote(t, default_body, lex, lang, words, cited):  # type: ignore[no-untyped-def]
    body = t.body or default_body
    found = [
        cited(
            words["vote"].format(x=threshold_in(t, lex.agent(body, lang), lang)),
            t.basis.text if t.basis else None,
        )
    ]
    if t.turnout:
        found.append(words["turnout"].format(x=_turnout(t.turnout, lex.agent(body, lang), lang)))
    if t.territorial:
        found.append(words["territorial"].format(x=threshold_in(t.territorial, None, lang)))
    return found


def _turnout(t: Threshold, body_label: str, lang: str) -> str:
    """Who must take part: ``more than half of all citizens entitled to vote``."""
    if lang != "en":
        return threshold_in(t, body_label, lang)
    if (t.numerator, t.denominator, t.comparison) == (1, 2, "more-than"):
        share = "more than half"
    else:
        share = f"{t.comparison.replace('-', ' ')} {fraction(t.numerator, t.denominator)}"
    return f"{share} of all {body_label} entitled to vote"


def _period(period: Period, kind: str, lex, lang, words, cited) -> str:  # type: ignore[no-untyped-def]
    length = duration_in(period.duration, lang)
    if period.start == NOT_STATED and kind == "within":
        text = words["within-unstated"].format(d=length)
    else:
        text = words[kind].format(d=length, x=lex.concept(period.start, lang))
    return cited(text, period.basis.text if period.basis else None)
