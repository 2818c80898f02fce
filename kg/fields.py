"""Readers of the field types that several kinds of record share: ids, references,
citations, durations and thresholds. Each fails with the file, the line and the key."""

from __future__ import annotations

import re

from kg.records import Citation, Threshold
from kg.yamlfile import Fields, Located

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# 46.4, 57.3.1, 43.1.p2, and inserted numbers: 83-1.2, 44.10-1
CITATION = re.compile(r"^\d+(-\d+)?(\.(\d+(-\d+)?|p\d+))*$")


def identifier(f: Fields, key: str = "id") -> str:
    value = f.required_text(key)
    if not ID.match(value):
        raise f.fail(key, f"{value!r} is not a valid id: use lower-case words joined by hyphens")
    return value


def ref(f: Fields, key: str, required: bool = False) -> str | None:
    value = f.raw(key)
    if value is None:
        if required:
            raise f.fail(None, f"{f.what} is missing the field {key!r}")
        return None
    if not isinstance(value, str) or not ID.match(value):
        raise f.fail(key, f"{key!r} must be one id (lower-case words joined by hyphens)")
    return value


def refs(f: Fields, key: str) -> tuple[str, ...]:
    value = f.raw(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and ID.match(v) for v in value):
        raise f.fail(key, f"{key!r} must be an id or a list of ids")
    return tuple(value)


def citation(f: Fields, key: str, required: bool = False) -> Citation | None:
    value = f.raw(key)
    if value is None:
        if required:
            raise f.fail(None, f"{f.what} is missing the field {key!r}")
        return None
    return one_citation(f, key, value)


def one_citation(f: Fields, key: str, value: object) -> Citation:
    if isinstance(value, float):
        raise f.fail(
            key,
            f'write the citation in quotes ({key}: "{value}"): '
            "unquoted, YAML reads 46.10 as the number 46.1",
        )
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not CITATION.match(value):
        raise f.fail(key, f'{value!r} is not a citation like "46.4", "57.3.1" or "43.1.p2"')
    return Citation(value, f.at(key))


def citations(f: Fields, key: str) -> tuple[Citation, ...]:
    value = f.raw(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        value = [value]
    return tuple(one_citation(f, key, v) for v in value)


def duration(f: Fields, key: str) -> str | None:
    value = f.text(key, required=False)
    if value is not None and not DURATION.match(value):
        raise f.fail(key, f"{value!r} is not an ISO 8601 duration such as P1M, P10D or PT48H")
    return value


_THRESHOLD = re.compile(
    r"^(?:(?P<majority>majority)|(?P<cmp>at least|more than) (?P<n>\d+)/(?P<d>\d+))"
    r" (?P<base>of all|of votes cast|present)$"
)
_SHARE = re.compile(r"^(?P<cmp>at least|more than) (?P<n>\d+)/(?P<d>\d+)$")
_BASES = {"of all": "all-members", "of votes cast": "votes-cast", "present": "members-present"}
_THRESHOLD_KEYS = {"rule", "body", "turnout", "territorial", "basis"}


def threshold(f: Fields, key: str) -> Threshold | None:
    """``majority of all``, or ``{rule: ..., body: id, turnout: ..., territorial: ...,
    basis: "92.3"}`` for a vote that names its body or needs more than one share."""
    value = f.raw(key)
    if value is None:
        return None
    if not isinstance(value, Located):
        return _rule(f, key, value, None)
    inner = Fields(value, f.at(key), f"the {key}", _THRESHOLD_KEYS)
    body = ref(inner, "body")
    rule = inner.raw("rule")
    if rule is None:
        raise inner.fail(None, f"the {key} is missing the field 'rule'")
    main = _rule(inner, "rule", rule, body)
    turnout = inner.raw("turnout")
    territorial = inner.raw("territorial")
    return Threshold(
        main.numerator,
        main.denominator,
        main.comparison,
        main.base,
        body,
        main.where,
        turnout=_rule(inner, "turnout", turnout, body) if turnout is not None else None,
        territorial=_share(inner, "territorial", territorial) if territorial is not None else None,
        basis=citation(inner, "basis"),
    )


def _rule(f: Fields, key: str, value: object, body: str | None) -> Threshold:
    match = _THRESHOLD.match(value) if isinstance(value, str) else None
    if not match:
        raise f.fail(
            key,
            f"{value!r} is not a threshold such as 'majority of all' or "
            "'at least 2/3 of all' (see docs/data-format.md)",
        )
    if match["majority"]:
        n, d, cmp = 1, 2, "more-than"
    else:
        n, d, cmp = int(match["n"]), int(match["d"]), match["cmp"].replace(" ", "-")
        if not 0 < n <= d:
            raise f.fail(key, f"{value!r}: the share must be a fraction from 0 to 1")
    return Threshold(n, d, cmp, _BASES[match["base"]], body, f.at(key))


def _share(f: Fields, key: str, value: object) -> Threshold:
    """The share of territorial units (regions, cities of republican significance, the
    capital) in each of which the main rule must be met: ``at least 2/3``."""
    match = _SHARE.match(value) if isinstance(value, str) else None
    if not match or not 0 < int(match["n"]) <= int(match["d"]):
        raise f.fail(key, f"{value!r} is not a share of units such as 'at least 2/3'")
    cmp = match["cmp"].replace(" ", "-")
    return Threshold(int(match["n"]), int(match["d"]), cmp, "territorial-units", None, f.at(key))
