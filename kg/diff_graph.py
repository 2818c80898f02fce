"""The differences between a constitution and the one it replaced, as RDF in a graph of
their own (``…/graph/diff-1995-2026``), so that `/diff`, the named query `diff` and any
SPARQL client read the same rows that `kg diff` prints.

One ``ata:Change`` per row, with its kind, the bodies, action and powers it concerns, the
fields that differ, before and after in English, Russian and Kazakh, the articles on both
sides and a plain-English sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Dataset, Literal, URIRef

from kg import ids
from kg.diff import Change, diff, names_for, side_text
from kg.namespaces import ATA, RDF
from kg.records import Corpus

# How the records a change compares are named, by kind (institutions keep one IRI and have
# no record of their own).
RECORD_IRIS: dict[str, Callable[[str, str], URIRef]] = {
    "power": ids.power,
    "right": ids.right,
    "duty": ids.duty,
    "fact": ids.fact,
}


def add_diff_graphs(dataset: Dataset, corpus: Corpus) -> None:
    versions = {d.version for d in corpus.documents}
    for document in corpus.documents:
        old = document.replaces
        if old is None or old not in versions:
            continue
        names = {lang: names_for(corpus, lang) for lang in ("en", "ru", "kk")}
        changes = diff(corpus, old, document.version, names["en"])
        graph = dataset.graph(ids.graph(f"diff-{old}-{document.version}"))
        for n, change in enumerate(changes, start=1):
            _write(graph, change, n, old, document.version, names)


def _write(g, c: Change, n: int, old: str, new: str, names) -> None:  # type: ignore[no-untyped-def]
    node = ids.change(old, new, n)
    g.add((node, RDF.type, ATA.Change))
    g.add((node, ATA.changeType, Literal(c.change)))
    g.add((node, ATA.changeKind, Literal(c.kind)))
    g.add((node, ATA.position, Literal(n)))
    g.add((node, ATA.holder, ids.agent(c.holder)))
    if c.kind == "power":
        g.add((node, ATA.action, ids.concept("actions", c.action)))
        g.add((node, ATA.object, ids.agent(c.object)))
    else:
        g.add((node, ATA.recordId, Literal(c.action)))
    record = RECORD_IRIS.get(c.kind)
    if record and c.from_id:
        g.add((node, ATA.fromRecord, record(old, c.from_id)))
    if record and c.to_id:
        g.add((node, ATA.toRecord, record(new, c.to_id)))
    for f in c.fields:
        g.add((node, ATA.changedField, Literal(f)))
    if c.fields:
        g.add((node, ATA.changedFields, Literal(", ".join(c.fields))))
    for lang, words in names.items():
        if c.kind == "power":
            before, after = (
                side_text(c.raw_before, words, lang),
                side_text(c.raw_after, words, lang),
            )
        elif lang == "en":
            before, after = c.before, c.after
        else:
            continue  # descriptions of rights, duties and facts are written in English only
        if before:
            g.add((node, ATA.before, Literal(before, lang=lang)))
        if after:
            g.add((node, ATA.after, Literal(after, lang=lang)))
    if c.article_from:
        g.add((node, ATA.articleFrom, Literal(c.article_from)))
    if c.article_to:
        g.add((node, ATA.articleTo, Literal(c.article_to)))
    g.add((node, ATA.changeSummary, Literal(c.summary, lang="en")))
