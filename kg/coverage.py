"""How completely the graph covers the Constitution, section by section: `kg coverage`.

Counts articles, provisions and paragraphs (the provisions that carry a line of the
official text), how many have summaries, topics and structured facts, and lists the
paragraphs that no power, right, duty or other fact cites (to be reviewed, not
necessarily a gap: a paragraph may state nothing that needs a fact of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.provisions import Placed, ProvisionIndex, has_own_text
from kg.queries import SelectResult
from kg.records import Citation, Document, Section


@dataclass(frozen=True)
class Coverage:
    sections: SelectResult
    uncited: SelectResult


def citations(section: Section) -> Iterator[Citation]:
    """Every provision a record of the section cites."""
    for p in section.powers:
        yield p.basis
        yield from p.also
        yield from p.condition_citations()
    for f in section.facts:
        if f.basis:
            yield f.basis
        yield from f.related
        yield from f.values.get("protects", ())  # type: ignore[misc]
    for r in section.rights:
        yield r.basis
        yield from r.limitation_basis
    for d in section.duties:
        yield d.basis


def coverage(document: Document) -> Coverage:
    index = ProvisionIndex(document)
    cited = {c.text for s in document.sections for c in citations(s)}

    def is_cited(placed: Placed) -> bool:
        node: Placed | None = placed
        while node is not None:  # a fact about a whole paragraph covers its parts
            if node.citation in cited:
                return True
            node = node.parent
        return False

    rows, uncited = [], []
    for section in document.sections:
        placed = [p for p in index.placed if p.section is section]
        paragraphs = [p for p in placed if has_own_text(p)]
        covered = [p for p in paragraphs if is_cited(p)]
        rows.append(
            {
                "section": section.number,
                "title": section.title["en"],
                "articles": len(section.articles),
                "provisions": len(placed),
                "paragraphs": len(paragraphs),
                "summarised": sum(1 for p in placed if p.provision.summary),
                "with_topics": sum(1 for p in placed if p.provision.topics),
                "with_facts": len(covered),
                "powers": len(section.powers),
                "rights": len(section.rights),
                "duties": len(section.duties),
                "other_facts": len(section.facts),
                "topics": len({t for p in placed for t in p.provision.topics}),
            }
        )
        uncited += [
            {
                "section": section.number,
                "provision": p.citation,
                "eid": p.eid,
                "summary": p.provision.summary,
            }
            for p in paragraphs
            if not is_cited(p)
        ]
    columns = [
        "section",
        "title",
        "articles",
        "provisions",
        "paragraphs",
        "summarised",
        "with_topics",
        "with_facts",
        "powers",
        "rights",
        "duties",
        "other_facts",
        "topics",
    ]
    totals = {c: sum(r[c] for r in rows) for c in columns[2:-1]}
    totals.update(
        {
            "section": "all",
            "title": "",
            "topics": len({t for p in index.placed for t in p.provision.topics}),
        }
    )
    return Coverage(
        SelectResult(columns, [*rows, totals]),
        SelectResult(["section", "provision", "eid", "summary"], uncited),
    )
