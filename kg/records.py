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


@dataclass(frozen=True)
class Threshold:
    """A share of a body's members or votes: ``at least 2/3 of all`` members of the Kurultai."""

    numerator: int
    denominator: int
    comparison: str  # more-than | at-least
    base: str  # all-members | members-present | votes-cast
    body: str | None  # None: the consenting body, else the holder
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
    time_limit: str | None
    not_before: str | None
    exclusions: tuple[str, ...]
    exclusion_basis: tuple[Citation, ...]
    note: str | None
    where: Where


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
