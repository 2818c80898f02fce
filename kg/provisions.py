"""The provision tree of one constitution: document order, eIds, citations, lookup.

A provision's place is its path from the article down, e.g. article 57, para 3, item 1.
From the path come its eId (``art_57__para_3__item_1``, the IRI's last segment), its
citation as written in the data (``57.3.1``) and the paragraph reference shown to users
(``3(1)``). Citations resolve against the tree: whether ``46.4`` is a paragraph or an item
depends on what article 46 is made of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.records import Citation, Document, Provision, Section

EID_PREFIX = {"article": "art", "para": "para", "item": "item", "part": "part"}


@dataclass(frozen=True)
class Placed:
    """A provision with its place in the document."""

    provision: Provision
    path: tuple[tuple[str, str], ...]  # ((kind, number), ...) from the article down
    section: Section
    parent: Placed | None
    position: int  # document order, from 1

    @property
    def eid(self) -> str:
        return eid(self.path)

    @property
    def citation(self) -> str:
        return ".".join(("p" + n) if k == "part" else n for k, n in self.path)

    @property
    def article(self) -> str:
        return self.path[0][1]

    @property
    def paragraph_ref(self) -> str:
        """Numbered paragraph or item, nested items as ``3(1)``; parts are not shown."""
        numbers = [n for k, n in self.path[1:] if k in ("para", "item")]
        if not numbers:
            return ""
        return numbers[0] + "".join(f"({n})" for n in numbers[1:])

    @property
    def short_ref(self) -> str:
        """``57(3)(1)``: the article and its numbered paragraphs or items; parts not shown."""
        return self.article + "".join(f"({n})" for k, n in self.path[1:] if k in ("para", "item"))

    @property
    def kind(self) -> str:
        return self.provision.kind


def eid(path: tuple[tuple[str, str], ...]) -> str:
    return "__".join(f"{EID_PREFIX[k]}_{n}" for k, n in path)


def walk(document: Document) -> Iterator[Placed]:
    """Every provision of the document in document order, parents before children."""
    position = 0

    def visit(
        p: Provision, path: tuple[tuple[str, str], ...], section: Section, parent: Placed | None
    ) -> Iterator[Placed]:
        nonlocal position
        position += 1
        here = Placed(p, path, section, parent, position)
        yield here
        for child in p.children:
            yield from visit(child, (*path, (child.kind, child.number)), section, here)

    for section in document.sections:
        for article in section.articles:
            yield from visit(article, (("article", article.number),), section, None)


class ProvisionIndex:
    """Look up provisions of one document by citation or eId."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.placed = list(walk(document))
        self.by_eid = {p.eid: p for p in self.placed}
        self.by_citation = {p.citation: p for p in self.placed}

    def resolve(self, citation: Citation) -> Placed | None:
        return self.by_citation.get(citation.text)

    def eid_for(self, citation: Citation) -> str:
        """The eId a citation names; for a citation that resolves to nothing, the eId it
        would have, so that the build still writes it and validation reports it."""
        found = self.resolve(citation)
        if found:
            return found.eid
        steps = citation.steps
        path: list[tuple[str, str]] = [("article", steps[0])]
        article = self.by_citation.get(steps[0])
        top_kind = "para"
        if article and article.provision.children:
            top_kind = next(
                (c.kind for c in article.provision.children if c.kind != "part"), "para"
            )
        for depth, step in enumerate(steps[1:], start=1):
            if step.startswith("p"):
                path.append(("part", step[1:]))
            else:
                path.append((top_kind if depth == 1 else "item", step))
        return eid(tuple(path))


def has_own_text(placed: Placed) -> bool:
    """Whether the provision's own words occupy a line of the official text.

    Parts always do. Anything split into parts does not (its parts do). An article has its
    own line when it has no paragraphs: the one line of a short article, or the opening line
    ("The President:") of an article made of items.
    """
    p = placed.provision
    if p.kind == "part":
        return True
    if any(c.kind == "part" for c in p.children):
        return False
    if p.kind == "article":
        return not any(c.kind == "para" for c in p.children)
    return True
