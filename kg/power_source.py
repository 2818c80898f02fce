"""Read one power record of a section file, with every condition that changes what it
means as a structured field: trigger, purpose, scope, timing, time limits with the event
they run from, agents whose consent, proposal, request, consultation or opinion it needs,
thresholds and exclusions. Fails with the file and line of the first problem."""

from __future__ import annotations

from kg.fields import ID, citation, citations, duration, identifier, ref, refs, threshold
from kg.records import Condition, Period, Power, Timing
from kg.yamlfile import Fields, Located

POWER_KEYS = {
    "id",
    "holder",
    "action",
    "object",
    "basis",
    "also",
    "consent_of",
    "threshold",
    "proposal_of",
    "request_of",
    "consultation_with",
    "opinion_of",
    "initiative",
    "trigger",
    "purpose",
    "scope",
    "timing",
    "time_limit",
    "not_before",
    "exclusions",
    "note",
    "note_reviewed",
    "recipient",
    "exclusive",
}
TIMING_RELATIONS = ("before", "after", "immediately-after", "during", "until")


def read_power(m: Located) -> Power:
    f = Fields(m, m.where(), f"power {m.get('id', '')}".strip(), POWER_KEYS)
    basis = citation(f, "basis", required=True)
    if basis is None:  # unreachable: required
        raise f.fail(None, "a power needs a basis")
    note_reviewed = f.boolean("note_reviewed") or False
    if note_reviewed and not f.has("note"):
        raise f.fail("note_reviewed", "'note_reviewed' marks a note, but this power has none")
    return Power(
        id=identifier(f),
        holder=ref(f, "holder", required=True) or "",
        action=ref(f, "action", required=True) or "",
        object=ref(f, "object", required=True) or "",
        basis=basis,
        also=citations(f, "also"),
        consent_of=refs(f, "consent_of"),
        threshold=threshold(f, "threshold"),
        proposal_of=refs(f, "proposal_of"),
        request_of=refs(f, "request_of"),
        consultation_with=refs(f, "consultation_with"),
        opinion_of=refs(f, "opinion_of"),
        initiative=threshold(f, "initiative"),
        time_limit=_period(f, "time_limit"),
        not_before=_period(f, "not_before"),
        exclusions=_conditions(f, "exclusions"),
        note=f.text("note", required=False),
        where=f.where,
        triggers=_conditions(f, "trigger"),
        purposes=_conditions(f, "purpose"),
        scopes=_conditions(f, "scope"),
        timing=_timings(f),
        note_reviewed=note_reviewed,
        recipient=ref(f, "recipient"),
        exclusive=f.boolean("exclusive") or False,
    )


def _items(f: Fields, key: str) -> list[object]:
    value = f.raw(key)
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    if not value:
        raise f.fail(key, f"{key!r} must not be an empty list; leave it out instead")
    return value


def _conditions(f: Fields, key: str) -> tuple[Condition, ...]:
    """``[concept-id, ...]`` or ``[{id: concept-id, basis: "62.2"}, ...]``."""
    found = []
    for item in _items(f, key):
        if isinstance(item, Located):
            inner = Fields(item, f.at(key), f"an entry of {key!r}", {"id", "basis"})
            found.append(Condition(identifier(inner), citation(inner, "basis"), inner.where))
        elif isinstance(item, str):
            found.append(Condition(_concept_id(f, key, item), None, f.at(key)))
        else:
            raise f.fail(key, f"{key!r} entries are concept ids or {{id: ..., basis: ...}}")
    return tuple(found)


def _concept_id(f: Fields, key: str, value: str) -> str:
    if not ID.match(value):
        raise f.fail(
            key,
            f"{value!r} in {key!r} is not a concept id of vocab/conditions.yaml "
            "(lower-case words joined by hyphens)",
        )
    return value


def _timings(f: Fields) -> tuple[Timing, ...]:
    """``[{relation: before, event: signature-of-law, basis: "73.1.2"}]``."""
    found = []
    for item in _items(f, "timing"):
        inner = Fields(item, f.at("timing"), "an entry of 'timing'", {"relation", "event", "basis"})
        relation = inner.required_text("relation")
        if relation not in TIMING_RELATIONS:
            raise inner.fail("relation", f"'relation' must be one of {', '.join(TIMING_RELATIONS)}")
        found.append(
            Timing(
                relation,
                ref(inner, "event", required=True) or "",
                citation(inner, "basis"),
                inner.where,
            )
        )
    return tuple(found)


def _period(f: Fields, key: str) -> Period | None:
    """``{duration: P1M, from: event-id, basis: "46.3"}``: a period always says the event
    it runs from."""
    value = f.raw(key)
    if value is None:
        return None
    if not isinstance(value, Located):
        raise f.fail(
            key,
            f"write {key!r} as {{duration: {value}, from: <event id>}}: a time limit must "
            "name the event it runs from (vocab/conditions.yaml, family 'events')",
        )
    inner = Fields(value, f.at(key), f"the {key}", {"duration", "from", "basis"})
    length = duration(inner, "duration")
    if length is None:
        raise inner.fail(None, f"the {key} is missing the field 'duration'")
    return Period(
        length, ref(inner, "from", required=True) or "", citation(inner, "basis"), inner.where
    )
