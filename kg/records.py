"""The typed records that ``kg.sources`` reads from ``data/``: provisions, agents, powers and
the other facts, each with where it was written (file and line) for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Where


@dataclass(frozen=True)
class Concept:
    id: str
    scheme: str
    label: dict[str, str]
    definition: str
    broader: str | None
    edge: str | None
    close_match: tuple[str, ...]
    where: Where
    # The concept of the other constitution that says the same once bodies are mapped to
    # their successors ("the adoption of a law by Parliament" = "... by the Kurultai").
    same_as: str | None = None


@dataclass(frozen=True)
class Scheme:
    id: str
    label: dict[str, str]
    definition: str
    concepts: tuple[Concept, ...]
    where: Where


@dataclass(frozen=True)
class Agent:
    """An institution (organization), an office (post) or a group of persons."""

    id: str
    type: str
    kind: str
    label: dict[str, str]
    short: dict[str, str]
    post_in: str | None
    sub_organization_of: str | None
    where: Where
    # The constitutions under which it exists (years); empty: every constitution in data/.
    versions: tuple[str, ...] = ()
    # Other names in common use, per language (parliament for the Kurultai); for search.
    alt: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Matter:
    """Something a power acts on that is not an agent: a law, an election, a legal regime."""

    id: str
    label: dict[str, str]
    definition: str | None
    where: Where


@dataclass(frozen=True)
class Citation:
    """A reference to a provision as written in the data (``"57.3.1"``), with its place."""

    text: str
    where: Where

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self.text.split("."))


@dataclass
class Provision:
    kind: str  # article | para | item | part
    number: str
    summary: str
    topics: tuple[str, ...]
    note: str | None
    where: Where
    children: list[Provision] = field(default_factory=list)
    repealed: bool = False  # the provision was repealed; its number stays, with no rule
    repealed_by: str | None = None  # the amending act, as cited in the official edition


@dataclass(frozen=True)
class Threshold:
    """A share of a body's members or votes: ``at least 2/3 of all`` members of the Kurultai.

    A vote may need more than one share at once: a referendum is valid only on a turnout
    (``turnout``), and may also need its majority in a share of the regions (``territorial``,
    whose base is ``territorial-units``)."""

    numerator: int
    denominator: int
    comparison: str  # more-than | at-least
    base: str  # all-members | members-present | votes-cast | territorial-units
    body: str | None  # None: the consenting body, else the holder
    where: Where
    turnout: Threshold | None = None
    territorial: Threshold | None = None
    basis: Citation | None = None


@dataclass(frozen=True)
class Condition:
    """A trigger, purpose, scope or exclusion of a power: a concept of the conditions
    scheme, with the provision that states it (None: the power's own basis)."""

    concept: str
    basis: Citation | None
    where: Where


@dataclass(frozen=True)
class Timing:
    """When a power applies relative to another act: ``before`` the President's signature."""

    relation: str  # before | after | immediately-after | during | until
    event: str  # a concept of the conditions scheme (family ``events``)
    basis: Citation | None
    where: Where


@dataclass(frozen=True)
class Period:
    """A time limit (``within``) or a waiting time (``not earlier than``), always with the
    event it runs from."""

    duration: str  # ISO 8601
    start: str  # a concept of the conditions scheme (family ``events``)
    basis: Citation | None
    where: Where


@dataclass(frozen=True)
class Power:
    id: str
    holder: str
    action: str
    object: str
    basis: Citation
    also: tuple[Citation, ...]
    consent_of: tuple[str, ...]
    threshold: Threshold | None
    proposal_of: tuple[str, ...]
    request_of: tuple[str, ...]
    consultation_with: tuple[str, ...]
    opinion_of: tuple[str, ...]
    initiative: Threshold | None
    time_limit: Period | None
    not_before: Period | None
    exclusions: tuple[Condition, ...]
    note: str | None
    where: Where
    triggers: tuple[Condition, ...] = ()
    purposes: tuple[Condition, ...] = ()
    scopes: tuple[Condition, ...] = ()
    timing: tuple[Timing, ...] = ()
    note_reviewed: bool = False
    recipient: str | None = None  # to whom the object is submitted, reported, addressed
    exclusive: bool = False  # no one else holds this power

    def condition_citations(self) -> tuple[Citation, ...]:
        """Every provision that a condition of this power cites on its own."""
        cited: list[Citation | None] = [
            c.basis for c in (*self.triggers, *self.purposes, *self.scopes, *self.exclusions)
        ]
        cited += [t.basis for t in self.timing]
        cited += [p.basis for p in (self.time_limit, self.not_before) if p]
        for t in (self.threshold, self.initiative):
            if t:
                cited.append(t.basis)
                cited += [x.basis for x in (t.turnout, t.territorial) if x]
        return tuple(c for c in cited if c is not None)


@dataclass(frozen=True)
class Fact:
    """Any other statement of the Constitution: composition, term, immunity, silence, ..."""

    id: str
    type: str
    concerns: tuple[str, ...]
    basis: Citation | None
    related: tuple[Citation, ...]
    description: str
    values: dict[str, object]
    where: Where


@dataclass(frozen=True)
class Right:
    id: str
    label: dict[str, str]  # a short name in en, ru and kk
    group: str  # a concept of the right-groups scheme (our grouping, not the text's)
    holders: tuple[str, ...]
    basis: Citation
    description: str
    limitations: tuple[str, ...]
    limitation_basis: tuple[Citation, ...]
    emergency: str  # non-restrictable | restrictable | not-stated
    where: Where


@dataclass(frozen=True)
class Duty:
    id: str
    bearers: tuple[str, ...]
    basis: Citation
    description: str
    where: Where


@dataclass
class Section:
    number: int
    title: dict[str, str]
    articles: list[Provision]
    powers: list[Power]
    facts: list[Fact]
    rights: list[Right]
    duties: list[Duty]
    matters: list[Matter]
    agents: list[Agent]
    path: Path
    conditions: list[Concept] = field(default_factory=list)  # drafted here, see load_corpus


@dataclass
class Document:
    version: str
    title: dict[str, str]
    adopted: str
    in_force: str
    official_id: str
    source: str
    replaces: str | None
    ended: str | None
    sections: list[Section]
    where: Where


@dataclass
class Corpus:
    """Everything under ``data/``, as read."""

    agents: list[Agent]
    matters: list[Matter]
    schemes: list[Scheme]
    documents: list[Document]
    root: Path

    def all_agents(self) -> list[Agent]:
        """The shared institutions, then those a section file drafts, in file order."""
        return [*self.agents, *(a for d in self.documents for s in d.sections for a in s.agents)]

    def all_matters(self) -> list[Matter]:
        """The shared matters, then those a section file drafts, in file order."""
        return [*self.matters, *(m for d in self.documents for s in d.sections for m in s.matters)]

    def document(self, version: str) -> Document:
        for d in self.documents:
            if d.version == version:
                return d
        raise KeyError(f"no constitution {version} in {self.root}")
