"""Checks that the data files fit together: every id exists, every citation resolves,
numbering runs without gaps, nothing is defined twice.

Each problem names the file and line where it must be fixed. ``kg validate`` reports them
with the SHACL results; ``kg build`` refuses to write ``dist/`` while any remain.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from kg.errors import Where
from kg.provisions import Placed, ProvisionIndex
from kg.records import (
    Agent,
    Citation,
    Concept,
    Corpus,
    Document,
    Power,
    Provision,
    Threshold,
)


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# Which kinds of provision may sit directly inside which.
_ALLOWED_CHILDREN = {
    "article": {"para", "item", "part"},
    "para": {"item", "part"},
    "item": {"part"},
    # A part may introduce a list of its own: art. 52.5 of 1995 has two lists 1)-3), each
    # after the line that introduces it.
    "part": {"item"},
}


def check(corpus: Corpus, edge_properties: Iterable[str] = ()) -> list[Problem]:
    """All problems in the corpus, in file order; an empty list means it fits together."""
    return list(_check(corpus, set(edge_properties)))


def _check(corpus: Corpus, edges: set[str]) -> Iterator[Problem]:
    schemes = {s.id: s for s in corpus.schemes}
    concepts = {(c.scheme, c.id): c for s in corpus.schemes for c in s.concepts}
    agents = {a.id: a for a in corpus.all_agents()}
    matters = {m.id: m for m in corpus.all_matters()}

    yield from _duplicates(corpus)

    for scheme in corpus.schemes:
        for c in scheme.concepts:
            if c.broader and (scheme.id, c.broader) not in concepts:
                yield Problem(
                    c.where, f"broader concept {c.broader!r} is not in scheme {scheme.id!r}"
                )
            if c.same_as and (scheme.id, c.same_as) not in concepts:
                yield Problem(
                    c.where, f"same_as names {c.same_as!r}, which is not in scheme {scheme.id!r}"
                )
            if c.edge and edges and c.edge not in edges:
                yield Problem(
                    c.where, f"edge property {c.edge!r} is not declared in ontology/atazan.ttl"
                )

    def concept(scheme: str, cid: str, where: Where, what: str) -> Iterator[Problem]:
        if scheme not in schemes:
            yield Problem(where, f"{what} {cid!r}: there is no vocab/{scheme}.yaml")
        elif (scheme, cid) not in concepts:
            known = [c for s, c in concepts if s == scheme]
            close = difflib.get_close_matches(cid, known, n=1)
            mean = f"; did you mean {close[0]!r}?" if close else ""
            yield Problem(where, f"unknown {what} {cid!r}: not in vocab/{scheme}.yaml{mean}")

    def agent(aid: str | None, where: Where, what: str) -> Iterator[Problem]:
        if aid and aid not in agents:
            yield Problem(where, f"unknown {what} {aid!r}: not in institutions.yaml")

    def agent_or_matter(oid: str, where: Where, what: str) -> Iterator[Problem]:
        if oid not in agents and oid not in matters:
            yield Problem(where, f"unknown {what} {oid!r}: neither an institution nor a matter")

    for a in agents.values():
        yield from concept("kinds", a.kind, a.where, "kind")
        for ref in (a.post_in, a.sub_organization_of):
            if ref is None:
                continue
            target = agents.get(ref)
            if target is None:
                yield Problem(a.where, f"unknown organisation {ref!r}")
            elif target.type != "organization":
                yield Problem(a.where, f"{ref!r} is a {target.type}, not an organization")
        if a.post_in and a.type != "post":
            yield Problem(a.where, "only a post can be 'post_in' an organisation")

    for doc in corpus.documents:
        index = ProvisionIndex(doc)
        yield from _numbering(doc, index)

        def cite(
            c: Citation | None, what: str, index: ProvisionIndex = index, doc: Document = doc
        ) -> Iterator[Problem]:
            placed = index.resolve(c) if c is not None else None
            if c is not None and placed is None:
                yield Problem(
                    c.where,
                    f"{what} cites {c.text!r}, which is not a provision of "
                    f"the {doc.version} Constitution",
                )
            elif c is not None and _repealed(placed):
                yield Problem(
                    c.where,
                    f"{what} cites {c.text!r}, which was repealed: it states no rule",
                )

        def threshold(t: Threshold | None) -> Iterator[Problem]:
            if t is not None:
                yield from agent(t.body, t.where, "threshold body")

        yield from _versions_of_agents(doc, agents)
        fact_ids = {f.id for s in doc.sections for f in s.facts}
        for placed in index.placed:
            for topic in placed.provision.topics:
                yield from concept("topics", topic, placed.provision.where, "topic")
        for section in doc.sections:
            for p in section.powers:
                yield from agent(p.holder, p.where, "holder")
                yield from concept("actions", p.action, p.where, "action")
                if ("actions", p.action) in concepts and not concepts["actions", p.action].edge:
                    yield Problem(
                        p.where, f"{p.action!r} is a family of actions; use one of its actions"
                    )
                yield from agent_or_matter(p.object, p.where, "object")
                for field in (
                    "consent_of",
                    "proposal_of",
                    "request_of",
                    "consultation_with",
                    "opinion_of",
                ):
                    for ref in getattr(p, field):
                        yield from agent(ref, p.where, field.replace("_", " "))
                yield from agent(p.recipient, p.where, "recipient")
                yield from threshold(p.threshold)
                yield from threshold(p.initiative)
                yield from cite(p.basis, f"power {p.id}")
                for c in p.also + p.condition_citations():
                    yield from cite(c, f"power {p.id}")
                yield from _power_conditions(p, concepts)
                yield from _note_guard(p)
            for f in section.facts:
                for ref in f.concerns:
                    yield from agent_or_matter(ref, f.where, "subject")
                for key, value in f.values.items():
                    if key == "after" and isinstance(value, str):
                        if value not in fact_ids:
                            yield Problem(f.where, f"'after' names {value!r}, which is not a fact")
                    elif key in ("member_post", "office") and isinstance(value, str):
                        yield from agent(value, f.where, key.replace("_", " "))
                    elif key in (
                        "order",
                        "lifted_by",
                        "accountable_to",
                        "replaces",
                        "corresponds_to",
                    ):
                        for ref in value:  # type: ignore[attr-defined]
                            yield from agent(ref, f.where, key.replace("_", " "))
                    elif key == "protects":
                        for c in value:  # type: ignore[attr-defined]
                            yield from cite(c, f"fact {f.id}")
                    elif isinstance(value, Threshold):
                        yield from threshold(value)
                        if value.body is None and f.concerns[0] not in agents:
                            yield Problem(
                                value.where,
                                f"the threshold of fact {f.id} needs a "
                                "voting body: write {rule: ..., body: <id>}",
                            )
                yield from cite(f.basis, f"fact {f.id}")
                for c in f.related:
                    yield from cite(c, f"fact {f.id}")
            for r in section.rights:
                yield from concept("right-groups", r.group, r.where, "right group")
                for ref in r.holders:
                    yield from agent(ref, r.where, "right holder")
                yield from cite(r.basis, f"right {r.id}")
                for c in r.limitation_basis:
                    yield from cite(c, f"right {r.id}")
            for d in section.duties:
                for ref in d.bearers:
                    yield from agent(ref, d.where, "duty bearer")
                yield from cite(d.basis, f"duty {d.id}")


# Which field of a power takes concepts of which family of vocab/conditions.yaml.
CONDITION_FAMILIES = {
    "trigger": "triggers",
    "purpose": "purposes",
    "scope": "scopes",
    "exclusions": "exclusions",
    "timing": "events",
    "time_limit": "events",
    "not_before": "events",
}


def _family(concept: Concept, concepts: dict[tuple[str, str], Concept]) -> str | None:
    seen = set()
    while concept.broader and concept.id not in seen:
        seen.add(concept.id)
        parent = concepts.get((concept.scheme, concept.broader))
        if parent is None:
            return None
        concept = parent
    return concept.id


def _power_conditions(p: Power, concepts: dict[tuple[str, str], Concept]) -> Iterator[Problem]:
    used: list[tuple[str, str, Where]] = [
        *(("trigger", c.concept, c.where) for c in p.triggers),
        *(("purpose", c.concept, c.where) for c in p.purposes),
        *(("scope", c.concept, c.where) for c in p.scopes),
        *(("exclusions", c.concept, c.where) for c in p.exclusions),
        *(("timing", t.event, t.where) for t in p.timing),
        *(
            (key, period.start, period.where)
            for key, period in (("time_limit", p.time_limit), ("not_before", p.not_before))
            if period
        ),
    ]
    for field, cid, where in used:
        family = CONDITION_FAMILIES[field]
        concept = concepts.get(("conditions", cid))
        if concept is None:
            yield Problem(where, f"power {p.id}: {field} {cid!r} is not in vocab/conditions.yaml")
        elif _family(concept, concepts) != family:
            yield Problem(
                where,
                f"power {p.id}: {field} takes concepts of the family {family!r}, "
                f"but {cid!r} belongs to {_family(concept, concepts)!r}",
            )


# Words that, in a power's note, usually state a condition: the guard asks for the
# condition in a structured field, or for the note to be marked as reviewed commentary.
CONDITION_WORDS = re.compile(
    r"\b(only|if|after|unless|except|before|within|provided)\b", re.IGNORECASE
)


def _note_guard(p: Power) -> Iterator[Problem]:
    if p.note and not p.note_reviewed:
        found = CONDITION_WORDS.search(p.note)
        if found:
            yield Problem(
                p.where,
                f"power {p.id}: its note says {found.group(0)!r}, which may state a condition "
                "that no structured field carries; put the condition into trigger, purpose, "
                "scope, timing, time_limit, exclusions, ... and then mark the note "
                "'note_reviewed: true' (commentary only)",
            )


def _duplicates(corpus: Corpus) -> Iterator[Problem]:
    """Institutions and matters are shared by every constitution, so their ids are unique
    across all files; a power, fact, right or duty is unique within its constitution (its IRI
    carries the version, so 1995 and 2026 may each have president-appoints-prime-minister)."""
    seen: dict[str, Where] = {}
    records: dict[tuple[str, str], Where] = {}

    def once(rid: str, where: Where, what: str) -> Iterator[Problem]:
        if rid in seen:
            yield Problem(where, f"duplicate id {rid!r} ({what}); first defined at {seen[rid]}")
        else:
            seen[rid] = where

    def once_in(version: str, rid: str, where: Where, what: str) -> Iterator[Problem]:
        if (version, rid) in records:
            first = records[version, rid]
            yield Problem(
                where,
                f"duplicate id {rid!r} ({what}) in the {version} Constitution; "
                f"first defined at {first}",
            )
        else:
            records[version, rid] = where

    for a in corpus.agents:
        yield from once(a.id, a.where, "institution")
    for m in corpus.matters:
        yield from once(m.id, m.where, "matter")
    for doc in corpus.documents:
        for section in doc.sections:
            for m in section.matters:
                yield from once(m.id, m.where, "matter")
            for a in section.agents:
                yield from once(a.id, a.where, "institution")
            for rec in (*section.powers, *section.facts, *section.rights, *section.duties):
                yield from once_in(doc.version, rec.id, rec.where, type(rec).__name__.lower())
    for scheme in corpus.schemes:
        in_scheme: dict[str, Where] = {}
        for c in scheme.concepts:
            if c.id in in_scheme:
                yield Problem(c.where, f"duplicate concept {c.id!r} in scheme {scheme.id!r}")
            in_scheme[c.id] = c.where


def _numbering(doc: Document, index: ProvisionIndex) -> Iterator[Problem]:
    """Sections and articles run on without gaps; inside each provision, paragraphs, items
    and parts each count 1, 2, 3, ...; a provision is never split into a single part."""
    sections = [s.number for s in doc.sections]
    for prev, s in pairwise(doc.sections):
        if s.number != prev.number + 1:
            yield Problem(
                Where(s.path, 1),
                f"section {s.number} follows section {prev.number}: sections {sections} have a gap",
            )
    articles = [a for s in doc.sections for a in s.articles]
    for prev_a, a in pairwise(articles):
        if not follows(prev_a.number, a.number):
            yield Problem(
                a.where,
                f"article {a.number} follows article {prev_a.number}: "
                "articles must run on without gaps",
            )
    for placed in index.placed:
        yield from _children(placed)


def _repealed(placed: Placed | None) -> bool:
    while placed is not None:
        if placed.provision.repealed:
            return True
        placed = placed.parent
    return False


def _versions_of_agents(doc: Document, agents: dict[str, Agent]) -> Iterator[Problem]:
    """A power, right or duty of one constitution may only name bodies that exist under it
    (the Senate under 1995, the Kurultai under 2026). Other facts may: a transitional
    provision of 2026 ends the powers of the 1995 Parliament."""
    for section in doc.sections:
        named: list[tuple[str, Where]] = []
        for p in section.powers:
            ids = (p.holder, p.object, *p.consent_of, *p.proposal_of, *p.request_of)
            ids += (*p.consultation_with, *p.opinion_of, *((p.recipient,) if p.recipient else ()))
            named += [(i, p.where) for i in ids]
        for r in section.rights:
            named += [(i, r.where) for i in r.holders]
        for d in section.duties:
            named += [(i, d.where) for i in d.bearers]
        for aid, where in named:
            a = agents.get(aid)
            if a is not None and a.versions and doc.version not in a.versions:
                yield Problem(
                    where,
                    f"{aid!r} exists only under the {', '.join(a.versions)} Constitution "
                    f"(institutions.yaml, versions), not under {doc.version}",
                )


def _split(number: str) -> tuple[int, int]:
    """``"3"`` → (3, 0); an inserted ``"3-1"`` → (3, 1)."""
    main, _, inserted = number.partition("-")
    return int(main), int(inserted or 0)


def follows(previous: str | None, number: str) -> bool:
    """Whether ``number`` may come right after ``previous`` (None: it comes first).
    Inserted numbers run 3, 3-1, 3-2, 4: an amendment's insertions keep the old numbers."""
    n, m = _split(number)
    if previous is None:
        return (n, m) == (1, 0)
    pn, pm = _split(previous)
    return (n, m) == (pn + 1, 0) or (n, m) == (pn, pm + 1)


def _next_numbers(previous: str | None) -> str:
    if previous is None:
        return "1"
    pn, pm = _split(previous)
    return f"{pn + 1} (or {pn}-{pm + 1})"


def _children(placed: Placed) -> Iterator[Problem]:
    p: Provision = placed.provision
    allowed = _ALLOWED_CHILDREN[p.kind]
    counts: dict[str, str] = {}
    for child in p.children:
        if child.kind not in allowed:
            yield Problem(
                child.where,
                f"a {child.kind} cannot sit directly in a {p.kind} (article {placed.article})",
            )
            continue
        previous = counts.get(child.kind)
        if not follows(previous, child.number):
            expected = _next_numbers(previous)
            yield Problem(
                child.where,
                f"{child.kind} {child.number} of {p.kind} {p.number} "
                f"(article {placed.article}): expected {child.kind} "
                f"{expected}",
            )
        counts[child.kind] = child.number
    if counts.get("part") == "1":
        yield Problem(
            p.where,
            f"{p.kind} {p.number} (article {placed.article}) has a single "
            "part: give the text to the provision itself",
        )
    if p.kind == "article" and "para" in counts and "item" in counts:
        yield Problem(p.where, f"article {p.number} mixes paragraphs and items at one level")
