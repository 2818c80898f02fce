"""What changed between two constitutions, power by power: `kg diff --from 1995 --to 2026`.

A stage of its own that reads the typed records of ``kg.sources``, not the RDF. Bodies of the
older constitution are first mapped to their successors through the replacement records
(the Kurultai replaces the Parliament and its chambers) and our correspondences (the Halyk
Kenesi and the Assembly of People), so that "the Senate consents" and "the Kurultai consents"
are the same power with another holder. Powers are then aligned by holder, action and object,
and, where several share them, paired by their conditions. Only structured fields are
compared: a note or a summary worded differently never makes a change.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.diff_words import FIELD_NAMES, NONE_WORDS, YES_WORDS
from kg.errors import KGError, Where
from kg.provisions import ProvisionIndex
from kg.queries import SelectResult
from kg.records import Citation, Condition, Corpus, Document, Duty, Fact, Period, Power, Right
from kg.records import Threshold as Share
from kg.wording import period_in, timing_in, vote_in

CHANGES = ("added", "removed", "changed")
KINDS = ("power", "right", "duty", "institution", "fact")
COLUMNS = [
    "change",
    "kind",
    "holder",
    "action",
    "object",
    "fields",
    "before",
    "after",
    "article_from",
    "article_to",
    "summary",
]
# Facts compared field by field: the kinds whose values are numbers or bodies.
COMPARED_FACTS = {
    "composition",
    "term",
    "eligibility",
    "immunity",
    "succession",
    "quorum",
    "accountability",
}


@dataclass(frozen=True)
class Change:
    change: str  # added | removed | changed
    kind: str  # power | right | duty | institution | fact
    holder: str  # the id of the holder (of the newer constitution when it has a successor)
    action: str  # action id, the right's or duty's id, the fact's type, or "exists"
    object: str
    fields: tuple[str, ...]  # which structured fields differ ("changed" only)
    before: str
    after: str
    article_from: str
    article_to: str
    summary: str
    # For powers: the differing (or, when added or removed, all filled) fields, as ids, so
    # that before and after can be written in any language. For powers, rights, duties and
    # facts: the ids of the records compared (empty on the side where there is none).
    raw_before: tuple[tuple[str, str], ...] = ()
    raw_after: tuple[tuple[str, str], ...] = ()
    from_id: str = ""
    to_id: str = ""
    holder_from: str = ""  # a changed power's holder under the older text, if another body

    def row(self, label: Callable[[str], str], verb: Callable[[str], str]) -> dict[str, str]:
        return {
            "change": self.change,
            "kind": self.kind,
            "holder": label(self.holder),
            "action": verb(self.action) if self.kind == "power" else self.action,
            "object": label(self.object) if self.object else "",
            "fields": ", ".join(self.fields),
            "before": self.before,
            "after": self.after,
            "article_from": self.article_from,
            "article_to": self.article_to,
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Names:
    """English names for the plain-English summaries."""

    agent: Callable[[str], str]
    verb: Callable[[str], str]
    concept: Callable[[str], str]
    group: Callable[[str], bool] = lambda _i: False  # a group of persons takes a plural verb
    lang: str = "en"


def successors(corpus: Corpus, newer: Document) -> dict[str, str]:
    """Old body id → new body id, from the newer constitution's replacement records and our
    correspondences (one successor each; a body that continues maps to itself)."""
    found: dict[str, str] = {}
    for section in newer.sections:
        for f in section.facts:
            if f.type in ("replacement", "correspondence"):
                key = "replaces" if f.type == "replacement" else "corresponds_to"
                for old in f.values.get(key, ()):  # type: ignore[attr-defined]
                    found[str(old)] = f.concerns[0]
    return found


def stated_successions(newer: Document) -> dict[str, Citation]:
    """Old body id → the provision of the newer text that makes a body its successor. Our
    own correspondences (the Halyk Kenesi and the Assembly of People) are not among them."""
    found: dict[str, Citation] = {}
    for section in newer.sections:
        for f in section.facts:
            if f.type == "replacement" and f.basis is not None:
                for old in f.values.get("replaces", ()):  # type: ignore[attr-defined]
                    found[str(old)] = f.basis
    return found


@dataclass(frozen=True)
class _Sides:
    """The two constitutions compared, and what each comparison needs of them."""

    before: Document
    after: Document
    old: str
    new: str
    mapping: dict[str, str]  # a body of the older text -> its successor (itself if it stays)
    cite_old: Callable[[Citation], str]
    cite_new: Callable[[Citation], str]
    names: Names


def diff(corpus: Corpus, old: str, new: str, names: Names) -> list[Change]:
    before, after = corpus.document(old), corpus.document(new)
    mapping = successors(corpus, after)
    cite_old, cite_new = _citer(before), _citer(after)
    sides = _Sides(before, after, old, new, mapping, cite_old, cite_new, names)
    changes: list[Change] = []
    changes += _institutions(corpus, old, new, mapping, names, stated_successions(after), cite_new)
    # concepts of the older text that say what a concept of the newer one says (same_as)
    equivalents = {c.id: c.same_as for s in corpus.schemes for c in s.concepts if c.same_as}
    changes += _powers(sides, equivalents)
    changes += _by_id("right", _rights(before), _rights(after), mapping, cite_old, cite_new, names)
    changes += _by_id("duty", _duties(before), _duties(after), mapping, cite_old, cite_new, names)
    changes += _facts(sides)
    return changes


# --- powers ----------------------------------------------------------------------------------


def power_fields(
    p: Power, m: Callable[[str], str], same: Callable[[str], str] = lambda c: c
) -> dict[str, str]:
    """The structured meaning of a power, with bodies mapped to the newer constitution by
    ``m`` and condition concepts to the newer text's by ``same`` (``same_as``)."""

    def ids(values: Iterable[str]) -> str:
        return "; ".join(sorted({m(v) for v in values}))

    def concepts(values: Iterable[Condition]) -> str:
        return "; ".join(sorted({same(c.concept) for c in values}))

    return {
        "consent_of": ids(p.consent_of),
        "threshold": _share(p.threshold, m, p.consent_of[0] if p.consent_of else p.holder),
        "proposal_of": ids(p.proposal_of),
        "request_of": ids(p.request_of),
        "consultation_with": ids(p.consultation_with),
        "opinion_of": ids(p.opinion_of),
        "initiative": _share(p.initiative, m, p.holder),
        "trigger": concepts(p.triggers),
        "purpose": concepts(p.purposes),
        "scope": concepts(p.scopes),
        "timing": "; ".join(sorted(f"{t.relation} {same(t.event)}" for t in p.timing)),
        "time_limit": _period(p.time_limit, same),
        "not_before": _period(p.not_before, same),
        "exclusions": concepts(p.exclusions),
        "recipient": m(p.recipient) if p.recipient else "",
        "exclusive": "yes" if p.exclusive else "",
    }


def _share(t: Share | None, m: Callable[[str], str], default_body: str) -> str:
    if t is None:
        return ""
    text = (
        f"{t.comparison} {t.numerator}/{t.denominator} of {t.base} of {m(t.body or default_body)}"
    )
    if t.turnout:
        text += f"; turnout {t.turnout.comparison} {t.turnout.numerator}/{t.turnout.denominator}"
    if t.territorial:
        text += (
            f"; in {t.territorial.comparison} {t.territorial.numerator}/"
            f"{t.territorial.denominator} of the regions"
        )
    return text


def _period(period: Period | None, same: Callable[[str], str]) -> str:
    return f"{period.duration} from {same(period.start)}" if period else ""


def _powers(sides: _Sides, equivalents: dict[str, str]) -> list[Change]:
    before, after, mapping, names = sides.before, sides.after, sides.mapping, sides.names
    cite_old, cite_new, old, new = sides.cite_old, sides.cite_new, sides.old, sides.new

    def m(i: str) -> str:
        return mapping.get(i, i)

    def same(concept: str) -> str:
        return equivalents.get(concept, concept)

    def keyed(doc: Document, mapped: bool) -> dict[tuple[str, str, str], list[Power]]:
        found: dict[tuple[str, str, str], list[Power]] = {}
        for s in doc.sections:
            for p in s.powers:
                key = (
                    (m(p.holder), p.action, m(p.object))
                    if mapped
                    else (p.holder, p.action, p.object)
                )
                found.setdefault(key, []).append(p)
        return found

    olds, news = keyed(before, True), keyed(after, False)
    changes = []
    for key in sorted(set(olds) | set(news)):
        left = [(p, power_fields(p, m, same)) for p in olds.get(key, [])]
        right = [(p, power_fields(p, _same)) for p in news.get(key, [])]
        for a, b in _pair(left, right):
            holder, action, obj = key
            # Compared with the bodies mapped to their successors; shown with the bodies the
            # older text names (the 1995 threshold is of the Senate, not of the Kurultai).
            own = power_fields(a[0], _same) if a else {}
            if a and b:
                differ = tuple(f for f in a[1] if a[1][f] != b[1][f])
                if not differ:
                    continue
                changes.append(
                    Change(
                        "changed",
                        "power",
                        holder,
                        action,
                        obj,
                        differ,
                        _describe(own, differ, names),
                        _describe(b[1], differ, names),
                        cite_old(a[0].basis),
                        cite_new(b[0].basis),
                        _changed_sentence(names, a[0], b[0], holder, differ, own, b[1], old, new),
                        tuple((f, own[f]) for f in differ),
                        tuple((f, b[1][f]) for f in differ),
                        a[0].id,
                        b[0].id,
                        a[0].holder if a[0].holder != holder else "",
                    )
                )
            elif a:
                p = a[0]
                changes.append(
                    Change(
                        "removed",
                        "power",
                        p.holder,
                        action,
                        p.object,
                        (),
                        _describe(own, _filled(own), names),
                        "",
                        cite_old(p.basis),
                        "",
                        f"Under {old} {_clause(names, p.holder, action, p.object)} "
                        f"(art. {cite_old(p.basis)}); {new} has no such power.",
                        tuple((f, own[f]) for f in _filled(own)),
                        (),
                        p.id,
                        "",
                    )
                )
            elif b:
                p = b[0]
                changes.append(
                    Change(
                        "added",
                        "power",
                        holder,
                        action,
                        obj,
                        (),
                        "",
                        _describe(b[1], _filled(b[1]), names),
                        "",
                        cite_new(p.basis),
                        f"New in {new}: {_clause(names, p.holder, action, p.object)} "
                        f"(art. {cite_new(p.basis)}).",
                        (),
                        tuple((f, b[1][f]) for f in _filled(b[1])),
                        "",
                        p.id,
                    )
                )
    return changes


Side = tuple[Power, dict[str, str]]


def _pair(left: list[Side], right: list[Side]) -> list[tuple[Side | None, Side | None]]:
    """Pair powers that share holder, action and object, fewest differing fields first."""
    pairs: list[tuple[Side | None, Side | None]] = []
    remaining = list(right)

    def closest(a: Side, among: list[Side]) -> Side:
        return min(among, key=lambda b: (sum(a[1][f] != b[1][f] for f in a[1]), b[0].basis.text))

    for a in left:
        if remaining:
            best = closest(a, remaining)
            remaining.remove(best)
            pairs.append((a, best))
        elif right:
            # Two older powers fold into one: the Senate's and the Mazhilis's, now the
            # Kurultai's. The power lives on; compare it with the closest newer one.
            pairs.append((a, closest(a, right)))
        else:
            pairs.append((a, None))
    pairs += [(None, b) for b in remaining]
    return pairs


# The names of the compared fields in Russian and Kazakh (English shows the field ids).
FIELD_LABELS = {lang: FIELD_NAMES[lang] for lang in ("ru", "kk")}
NONE_WORD = NONE_WORDS
YES_WORD = YES_WORDS


def side_text(raw: Iterable[tuple[str, str]], names: Names, lang: str) -> str:
    """One side of a power's change in a language: labelled fields with stored labels
    (``names`` are those of the same language)."""
    fields = FIELD_LABELS.get(lang, {})
    return "; ".join(
        f"{fields.get(f, f)}: {_readable(f, v, names) or NONE_WORD[lang]}" for f, v in raw
    )


def _describe(fields: dict[str, str], which: Iterable[str], names: Names) -> str:
    """``consent_of: Senate; threshold: ...`` for the fields asked, an empty one as "none"."""
    return "; ".join(f"{f}: {_readable(f, fields[f], names) or 'none'}" for f in which)


def _filled(fields: dict[str, str]) -> list[str]:
    return [f for f in fields if fields[f]]


def _readable(field: str, value: str, names: Names) -> str:
    if not value:
        return ""
    parts = value.split("; ")
    if field in (
        "consent_of",
        "proposal_of",
        "request_of",
        "consultation_with",
        "opinion_of",
        "recipient",
    ):
        return ", ".join(names.agent(p) for p in parts)
    if field in ("trigger", "purpose", "scope", "exclusions"):
        return "; ".join(names.concept(p) for p in parts)
    if field == "timing":
        return "; ".join(
            timing_in(rel, names.concept(event), names.lang)
            for rel, _, event in (p.partition(" ") for p in parts)
        )
    if field in ("time_limit", "not_before"):
        length, _, start = value.partition(" from ")
        kind = "within" if field == "time_limit" else "not-before"
        return period_in(kind, length, start, names.concept(start), names.lang)
    if field == "exclusive":
        return YES_WORD[names.lang]
    if field in ("threshold", "initiative"):
        share = _parse_share(value)
        if share is not None:
            return vote_in(share, names.agent(share.body or ""), names.lang)
    return value


_SHARE = re.compile(
    r"^(?P<cmp>[a-z-]+) (?P<n>\d+)/(?P<d>\d+) of (?P<base>[a-z-]+) of (?P<body>[a-z0-9-]+)"
    r"(?:; turnout (?P<tcmp>[a-z-]+) (?P<tn>\d+)/(?P<td>\d+))?"
    r"(?:; in (?P<rcmp>[a-z-]+) (?P<rn>\d+)/(?P<rd>\d+) of the regions)?$"
)
_NOWHERE = Where(Path("<diff>"), 0)


def _parse_share(value: str) -> Share | None:
    """The threshold back from its comparison key (see :func:`_share`), to be worded."""
    m = _SHARE.match(value)
    if m is None:
        return None

    def part(cmp: str, n: str, d: str, base: str, body: str | None) -> Share:
        return Share(int(n), int(d), cmp, base, body, _NOWHERE)

    turnout = part(m["tcmp"], m["tn"], m["td"], "all-members", None) if m["tcmp"] else None
    regions = part(m["rcmp"], m["rn"], m["rd"], "territorial-units", None) if m["rcmp"] else None
    main = part(m["cmp"], m["n"], m["d"], m["base"], m["body"])
    return Share(
        main.numerator,
        main.denominator,
        main.comparison,
        main.base,
        main.body,
        _NOWHERE,
        turnout=turnout,
        territorial=regions,
    )


def _same(i: str) -> str:
    return i


def _clause(names: Names, holder: str, action: str, obj: str) -> str:
    verb = names.verb(action)
    if names.group(holder):
        verb = _plural(verb)
    return f"the {names.agent(holder)} {verb} the {names.agent(obj)}".replace("the The ", "the ")


def _plural_name(name: str) -> bool:
    """Whether an English name is plural by its head noun: "Deputies", "Deputy Chairs of the
    Kurultai", "Courts" are; "Mazhilis", "Chair of the Senate", "Parliament (1995)" are not."""
    head = re.sub(r"\s*\(.*?\)", "", name.split(" of ")[0]).split()
    word = head[-1] if head else ""
    return word.endswith("s") and not word.endswith(("ss", "is", "us"))


def _plural(verb: str) -> str:
    """An action label is in the third person singular ("appoints", "cancels or suspends",
    "has the right to"); the citizens or the deputies take the plural of each such verb."""
    words = verb.split(" ")
    words[0] = _plural_verb(words[0])
    # "negotiates and signs", "cancels or suspends": the second verb too, but not the noun
    # of "develops proposals and recommendations on"
    if len(words) > 2 and words[1] in ("or", "and"):
        words[2] = _plural_verb(words[2])
    return " ".join(words)


def _plural_verb(word: str) -> str:
    irregular = {"has": "have", "is": "are", "does": "do"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _changed_sentence(
    names: Names,
    a: Power,
    b: Power,
    holder: str,
    differ: tuple[str, ...],
    fa: dict[str, str],
    fb: dict[str, str],
    old: str,
    new: str,
) -> str:
    what = "; ".join(
        f"{f.replace('_', ' ')} was {_readable(f, fa[f], names) or 'none'}, "
        f"now {_readable(f, fb[f], names) or 'none'}"
        for f in differ
    )
    who = f" (under {old}: the {names.agent(a.holder)})" if a.holder != b.holder else ""
    clause = _clause(names, b.holder, b.action, b.object)
    return f"{clause[0].upper()}{clause[1:]}{who}: {what}."


# --- rights, duties, institutions, facts -------------------------------------------------------


def _rights(doc: Document) -> dict[str, Right]:
    return {r.id: r for s in doc.sections for r in s.rights}


def _duties(doc: Document) -> dict[str, Duty]:
    return {d.id: d for s in doc.sections for d in s.duties}


def _right_or_duty_fields(r: Right | Duty, m: Callable[[str], str]) -> dict[str, str]:
    if isinstance(r, Right):
        return {
            "holders": "; ".join(sorted({m(h) for h in r.holders})),
            "limitations": str(len(r.limitations)),
            "emergency": r.emergency,
        }
    return {"bearers": "; ".join(sorted({m(b) for b in r.bearers}))}


def _by_id(
    kind: str,
    olds: dict[str, Right] | dict[str, Duty],
    news: dict[str, Right] | dict[str, Duty],
    mapping: dict[str, str],
    cite_old: Callable[[Citation], str],
    cite_new: Callable[[Citation], str],
    names: Names,
) -> list[Change]:
    """Rights and duties are aligned by id: the curators give a right that continues the id
    it had, and its structured fields (holders, restrictability) are compared."""
    changes = []
    for rid in sorted(set(olds) | set(news)):
        a, b = olds.get(rid), news.get(rid)
        who = lambda r: (r.holders if isinstance(r, Right) else r.bearers)[0]  # noqa: E731
        if a and b:
            fa = _right_or_duty_fields(a, lambda i: mapping.get(i, i))
            fb = _right_or_duty_fields(b, _same)
            own = _right_or_duty_fields(a, _same)  # shown as the older text has it
            differ = tuple(f for f in fa if fa[f] != fb[f])
            if differ:
                changes.append(
                    Change(
                        "changed",
                        kind,
                        who(b),
                        rid,
                        "",
                        differ,
                        "; ".join(f"{f}: {own[f]}" for f in differ),
                        "; ".join(f"{f}: {fb[f]}" for f in differ),
                        cite_old(a.basis),
                        cite_new(b.basis),
                        f"The {kind} {rid} changed in {', '.join(differ)}.",
                        from_id=rid,
                        to_id=rid,
                    )
                )
        elif a:
            changes.append(
                Change(
                    "removed",
                    kind,
                    who(a),
                    rid,
                    "",
                    (),
                    a.description,
                    "",
                    cite_old(a.basis),
                    "",
                    f"The {kind} {rid} ({a.description}) is not in the newer text.",
                    from_id=rid,
                )
            )
        elif b:
            changes.append(
                Change(
                    "added",
                    kind,
                    who(b),
                    rid,
                    "",
                    (),
                    "",
                    b.description,
                    "",
                    cite_new(b.basis),
                    f"The {kind} {rid} ({b.description}) is new.",
                    to_id=rid,
                )
            )
    return changes


def _institutions(
    corpus: Corpus,
    old: str,
    new: str,
    mapping: dict[str, str],
    names: Names,
    stated: dict[str, Citation],
    cite_new: Callable[[Citation], str],
) -> list[Change]:
    def how(predecessor: str) -> str:
        """Whether the text says so, with where, or only our comparison does."""
        if predecessor in stated:
            return f"art. {cite_new(stated[predecessor])} of {new}"
        return "our comparison; the text states no succession"

    changes = []
    # Bodies and offices, drafted ones too (the State Counsellor is drafted in a 1995 section
    # file); a group of persons named in one text only (arrested persons) is no institution.
    for a in corpus.all_agents():
        if a.type == "group" or not a.versions or (old in a.versions) == (new in a.versions):
            continue
        if old in a.versions:
            successor = mapping.get(a.id)
            then = (
                f"; in its place, the {names.agent(successor)} ({how(a.id)})" if successor else ""
            )
            changes.append(
                Change(
                    "removed",
                    "institution",
                    a.id,
                    "exists",
                    "",
                    (),
                    f"exists under {old}",
                    "",
                    "",
                    "",
                    f"Only under {old}: the {names.agent(a.id)}{then}.",
                )
            )
        else:
            replaced = sorted(k for k, v in mapping.items() if v == a.id)
            then = (
                "; in the place of "
                + ", ".join(f"the {names.agent(r)} ({how(r)})" for r in replaced)
                if replaced
                else ""
            )
            changes.append(
                Change(
                    "added",
                    "institution",
                    a.id,
                    "exists",
                    "",
                    (),
                    "",
                    f"exists under {new}",
                    "",
                    "",
                    f"New in {new}: the {names.agent(a.id)}{then}.",
                )
            )
    return changes


def _fact_fields(f: Fact, m: Callable[[str], str]) -> dict[str, str]:
    out = {}
    for key, value in sorted(f.values.items()):
        if isinstance(value, tuple):
            # two chambers mapped to one successor are one body: keep the first mention
            mapped = (m(str(v)) if isinstance(v, str) else str(v) for v in value)
            out[key] = "; ".join(dict.fromkeys(mapped))
        elif isinstance(value, Share):
            out[key] = _share(value, m, f.concerns[0])
        else:
            out[key] = "" if value is None else str(value)
    return out


def _facts(sides: _Sides) -> list[Change]:
    """Facts of the kinds that carry numbers or bodies (terms, composition, eligibility, ...),
    aligned by kind and the body they concern, when one fact of that kind concerns it."""
    before, after, mapping, names = sides.before, sides.after, sides.mapping, sides.names
    cite_old, cite_new = sides.cite_old, sides.cite_new

    def keyed(doc: Document, m: Callable[[str], str]) -> dict[tuple[str, str], list[Fact]]:
        found: dict[tuple[str, str], list[Fact]] = {}
        for s in doc.sections:
            for f in s.facts:
                if f.type in COMPARED_FACTS:
                    found.setdefault((f.type, m(f.concerns[0])), []).append(f)
        return found

    olds = keyed(before, lambda i: mapping.get(i, i))
    news = keyed(after, lambda i: i)
    changes = []
    for key in sorted(set(olds) & set(news)):
        if len(olds[key]) != 1 or len(news[key]) != 1:
            continue  # several facts of one kind: no sure alignment, so none is claimed
        a, b = olds[key][0], news[key][0]
        fa, fb = _fact_fields(a, lambda i: mapping.get(i, i)), _fact_fields(b, lambda i: i)
        differ = tuple(k for k in sorted(set(fa) | set(fb)) if fa.get(k, "") != fb.get(k, ""))
        if differ:
            kind, body = key
            changes.append(
                Change(
                    "changed",
                    "fact",
                    body,
                    kind,
                    "",
                    differ,
                    "; ".join(f"{k}: {fa.get(k) or 'none'}" for k in differ),
                    "; ".join(f"{k}: {fb.get(k) or 'none'}" for k in differ),
                    cite_old(a.basis) if a.basis else "",
                    cite_new(b.basis) if b.basis else "",
                    f"The {names.agent(body)}'s {kind} changed: "
                    + "; ".join(
                        f"{k.replace('_', ' ')} was {fa.get(k) or 'none'}, "
                        f"now {fb.get(k) or 'none'}"
                        for k in differ
                    )
                    + ".",
                    from_id=a.id,
                    to_id=b.id,
                )
            )
    return changes


def _citer(doc: Document) -> Callable[[Citation], str]:
    index = ProvisionIndex(doc)

    def cite(c: Citation) -> str:
        placed = index.resolve(c)
        if placed is None:
            return c.text
        return placed.short_ref

    return cite


def summary_by_institution(changes: list[Change]) -> list[dict[str, object]]:
    """Per holder: powers gained, lost and changed."""
    counts: dict[str, dict[str, int]] = {}
    for c in changes:
        if c.kind != "power":
            continue
        counts.setdefault(c.holder, {"added": 0, "removed": 0, "changed": 0})[c.change] += 1
    return [
        {"holder": h, "gained": n["added"], "lost": n["removed"], "changed": n["changed"]}
        for h, n in sorted(counts.items(), key=lambda x: -sum(x[1].values()))
    ]


# --- for the command line, the API and the server -----------------------------------------------


def names_for(corpus: Corpus, lang: str = "en") -> Names:
    """Labels of bodies, verbs and condition concepts in one language."""
    labels = {a.id: a.short.get(lang, a.label[lang]) for a in corpus.agents}
    for d in corpus.documents:
        for s in d.sections:
            labels.update({a.id: a.short.get(lang, a.label[lang]) for a in s.agents})
            labels.update({m.id: m.label[lang] for m in s.matters})
    labels.update({m.id: m.label[lang] for m in corpus.matters})
    verbs = {c.id: c.label[lang] for s in corpus.schemes if s.id == "actions" for c in s.concepts}
    concepts = {
        c.id: c.label[lang] for s in corpus.schemes if s.id == "conditions" for c in s.concepts
    }
    groups = {
        a.id
        for a in corpus.all_agents()
        if a.type == "group" or _plural_name(a.short.get("en", a.label["en"]))
    }
    return Names(
        agent=lambda i: labels.get(i, i),
        verb=lambda i: verbs.get(i, i),
        concept=lambda i: concepts.get(i, i),
        group=lambda i: i in groups,
        lang=lang,
    )


def _concerns(corpus: Corpus, c: Change, wanted: str, mapping: dict[str, str]) -> bool:
    """Whether a row concerns the body named: its holder; for a changed power, the holder
    under the older text (the Senate's consent that became the Kurultai's); a successor's
    name also finds what its predecessors lost, and a new body's row names what it replaced."""
    if wanted in _names_of(corpus, c.holder):
        return True
    if c.holder_from and wanted in _names_of(corpus, c.holder_from):
        return True
    if c.change == "removed" and c.holder in mapping:
        return wanted in _names_of(corpus, mapping[c.holder])
    if c.kind == "institution" and c.change == "added":
        return any(wanted in _names_of(corpus, o) for o, n in mapping.items() if n == c.holder)
    return False


def _known_body(corpus: Corpus, wanted: str, holder: str) -> None:
    """A holder that names no body at all is a mistake, not an empty answer."""
    names: dict[str, str] = {}
    for a in corpus.all_agents():
        for n in _names_of(corpus, a.id):
            names.setdefault(n, a.label.get("en", a.id))
    if wanted in names:
        return
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(names[c]) for c in close)}?" if close else ""
    raise KGError(f"no institution or office named {holder!r}{hint}")


def _names_of(corpus: Corpus, agent_id: str) -> set[str]:
    """Every way to name a body: its id, its labels and short labels in every language, and
    the other names in common use (People's Council for the Halyk Kenesi)."""
    found = {agent_id}
    for a in corpus.all_agents():
        if a.id == agent_id:
            found |= set(a.label.values()) | set(a.short.values())
            found |= {n for names in a.alt.values() for n in names}
    return {n.casefold() for n in found}


def diff_result(
    corpus: Corpus,
    old: str,
    new: str,
    holder: str | None = None,
    kind: str | None = None,
    change: str | None = None,
) -> tuple[list[Change], SelectResult]:
    """The differences as rows, filtered; raises KGError on an unknown version or filter."""
    known = [d.version for d in corpus.documents]
    for version in (old, new):
        if version not in known:
            raise KGError(f"no constitution {version} in data/ (there are: {', '.join(known)})")
    if kind and kind not in KINDS:
        raise KGError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if change and change not in CHANGES:
        raise KGError(f"change must be one of {', '.join(CHANGES)}, not {change!r}")
    names = names_for(corpus)
    changes = diff(corpus, old, new, names)
    mapping = successors(corpus, corpus.document(new))
    if holder:
        wanted = holder.casefold()
        _known_body(corpus, wanted, holder)
        changes = [c for c in changes if _concerns(corpus, c, wanted, mapping)]
    if kind:
        changes = [c for c in changes if c.kind == kind]
    if change:
        changes = [c for c in changes if c.change == change]
    rows = [c.row(names.agent, names.verb) for c in changes]
    return changes, SelectResult(list(COLUMNS), rows)


def summary_result(corpus: Corpus, changes: list[Change]) -> SelectResult:
    names = names_for(corpus)
    rows = [{**r, "holder": names.agent(str(r["holder"]))} for r in summary_by_institution(changes)]
    return SelectResult(["holder", "gained", "lost", "changed"], rows)
