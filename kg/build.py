"""Turn the curated records into an RDF dataset: pure and deterministic.

Named graphs: the ontology, the vocabularies, the institutions (shared by every
constitution, so an office keeps one IRI across versions), and one graph per constitution
holding its provisions and everything it states. Each power is written twice: as a
qualified node with its conditions, and as a plain edge ``holder ata:appoints object``.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg import ids
from kg.diff_graph import add_diff_graphs
from kg.namespaces import ATA, DCTERMS, ELI, FOAF, ORG, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
from kg.ontology import ontology_graph
from kg.power_build import PowerWriter, write_threshold
from kg.provisions import Placed, ProvisionIndex
from kg.records import Citation, Corpus, Document, Fact, Threshold
from kg.void import add_void
from kg.wording import Lexicon

PROVISION_CLASS = {
    "article": ATA.Article,
    "para": ATA.Paragraph,
    "item": ATA.Item,
    "part": ATA.Part,
}
FACT_CLASS = {
    "composition": ATA.Composition,
    "term": ATA.TermOfOffice,
    "eligibility": ATA.Eligibility,
    "incompatibility": ATA.Incompatibility,
    "immunity": ATA.Immunity,
    "succession": ATA.Succession,
    "procedure": ATA.Procedure,
    "quorum": ATA.Quorum,
    "status": ATA.Status,
    "accountability": ATA.Accountability,
    "delegation": ATA.Delegation,
    "silence": ATA.Silence,
    "principle": ATA.Principle,
    "deadline": ATA.Deadline,
    "unamendable": ATA.Unamendability,
    "replacement": ATA.Replacement,
    "correspondence": ATA.Correspondence,
}
AGENT_CLASS = {"organization": ORG.FormalOrganization, "post": ORG.Post, "group": ATA.PersonGroup}
DELEGATION = {
    "constitutional-law": ATA.ConstitutionalLaw,
    "law": ATA.Law,
    "rules-of-procedure": ATA.RulesOfProcedure,
    "president": ATA.PresidentialDecision,
}
RESTRICTABILITY = {
    "non-restrictable": ATA.NonRestrictable,
    "restrictable": ATA.Restrictable,
    "not-stated": ATA.RestrictabilityNotStated,
}
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def build_dataset(corpus: Corpus) -> Dataset:
    """The whole dataset. Raises nothing on dangling references: integrity and SHACL
    report them; the build writes what the data says."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    _add_all(dataset.graph(ids.ONTOLOGY_GRAPH), ontology_graph())
    _vocabularies(dataset.graph(ids.VOCAB_GRAPH), corpus)
    institutions = dataset.graph(ids.INSTITUTIONS_GRAPH)
    labels = _agents_and_matters(institutions, corpus)
    for document in corpus.documents:
        _Version(
            dataset.graph(ids.version_graph(document.version)), document, labels, corpus
        ).build()
    add_diff_graphs(dataset, corpus)
    add_void(dataset)
    return dataset


def _add_all(target: Graph, source: Iterable[tuple[Node, Node, Node]]) -> None:
    for triple in source:
        if any(isinstance(term, BNode) for term in triple):
            raise ValueError("blank nodes would make the build non-deterministic")
        target.add(triple)


def _labels(g: Graph, subject: URIRef, labels: dict[str, str], short: dict[str, str]) -> None:
    for lang, text in sorted(labels.items()):
        g.add((subject, SKOS.prefLabel, Literal(text, lang=lang)))
        g.add((subject, RDFS.label, Literal(text, lang=lang)))
    for lang, text in sorted(short.items()):
        g.add((subject, SKOS.altLabel, Literal(text, lang=lang)))
        g.add((subject, ATA.shortLabel, Literal(text, lang=lang)))


def _vocabularies(g: Graph, corpus: Corpus) -> None:
    for scheme in corpus.schemes:
        s = ids.scheme(scheme.id)
        g.add((s, RDF.type, SKOS.ConceptScheme))
        _labels(g, s, scheme.label, {})
        g.add((s, SKOS.definition, en(scheme.definition)))
        for c in scheme.concepts:
            node = ids.concept(scheme.id, c.id)
            g.add((node, RDF.type, SKOS.Concept))
            g.add((node, SKOS.inScheme, s))
            g.add((node, SKOS.notation, Literal(c.id)))
            _labels(g, node, c.label, {})
            g.add((node, SKOS.definition, en(c.definition)))
            if c.broader:
                parent = ids.concept(scheme.id, c.broader)
                g.add((node, SKOS.broader, parent))
                g.add((parent, SKOS.narrower, node))
            else:
                g.add((node, SKOS.topConceptOf, s))
                g.add((s, SKOS.hasTopConcept, node))
            if c.edge:
                g.add((node, ATA.plainEdge, _edge_property(c.edge)))
            for match in c.close_match:
                g.add((node, SKOS.closeMatch, URIRef(match)))
            if c.same_as:
                g.add((node, SKOS.exactMatch, ids.concept(scheme.id, c.same_as)))


def _agents_and_matters(g: Graph, corpus: Corpus) -> dict[str, str]:
    """Write every agent and matter; return their English labels for generated wording."""
    agents = corpus.all_agents()
    matters = corpus.all_matters()
    labels: dict[str, str] = {}
    for a in agents:
        node = ids.agent(a.id)
        g.add((node, RDF.type, AGENT_CLASS[a.type]))
        g.add((node, RDF.type, FOAF.Agent))
        g.add((node, DCTERMS.identifier, Literal(a.id)))
        _labels(g, node, a.label, a.short)
        for lang, names in sorted(a.alt.items()):  # names in common use, for search
            for name in names:
                g.add((node, SKOS.altLabel, Literal(name, lang=lang)))
        g.add((node, ATA.kind, ids.concept("kinds", a.kind)))
        for version in a.versions or tuple(d.version for d in corpus.documents):
            g.add((node, ATA.existsUnder, ids.constitution(version)))
        if a.post_in:
            g.add((node, ORG.postIn, ids.agent(a.post_in)))
            g.add((ids.agent(a.post_in), ORG.hasPost, node))
        if a.sub_organization_of:
            g.add((node, ORG.subOrganizationOf, ids.agent(a.sub_organization_of)))
            g.add((ids.agent(a.sub_organization_of), ORG.hasSubOrganization, node))
        labels[a.id] = a.short.get("en", a.label["en"])
        g.add((node, ATA.displayLabel, en(labels[a.id])))
    for m in matters:
        node = ids.agent(m.id)
        g.add((node, RDF.type, ATA.Matter))
        g.add((node, DCTERMS.identifier, Literal(m.id)))
        _labels(g, node, m.label, {})
        if m.definition:
            g.add((node, SKOS.definition, en(m.definition)))
        labels[m.id] = m.label["en"]
        g.add((node, ATA.displayLabel, en(labels[m.id])))
    return labels


class _Version:
    """Writes one constitution's graph."""

    def __init__(
        self, g: Graph, document: Document, labels: dict[str, str], corpus: Corpus
    ) -> None:
        self.g = g
        self.doc = document
        self.version = document.version
        self.index = ProvisionIndex(document)
        self.labels = labels
        self.root = corpus.root
        actions = [c for s in corpus.schemes if s.id == "actions" for c in s.concepts]
        edges = {c.id: _edge_property(c.edge) for c in actions if c.edge}
        action_labels = {c.id: c.label["en"] for c in actions}
        self.powers = PowerWriter(
            g, self.version, self.cite, lexicon(corpus, self.index), edges, action_labels
        )

    def label(self, agent_id: str) -> str:
        return self.labels.get(agent_id, agent_id)

    def build(self) -> None:
        self._document()
        for placed in self.index.placed:
            self._provision(placed)
        for section in self.doc.sections:
            curated_in = Literal(
                section.path.relative_to(self.root.parent).as_posix()
                if section.path.is_relative_to(self.root.parent)
                else section.path.name
            )
            for p in section.powers:
                self.powers.write(p, curated_in)
            for f in section.facts:
                self._fact(f, curated_in)
            for r in section.rights:
                node = ids.right(self.version, r.id)
                self.g.add((node, RDF.type, ATA.Right))
                _labels(self.g, node, r.label, {})
                self.g.add((node, ATA.rightGroup, ids.concept("right-groups", r.group)))
                self.g.add((node, ATA.curatedIn, curated_in))
                self.g.add((node, ATA.inConstitution, ids.constitution(self.version)))
                for h in r.holders:
                    self.g.add((node, ATA.holder, ids.agent(h)))
                self.g.add((node, ATA.legalBasis, self.cite(r.basis)))
                self.g.add((node, ATA.description, en(r.description)))
                for lim in r.limitations:
                    self.g.add((node, ATA.limitation, en(lim)))
                for c in r.limitation_basis:
                    self.g.add((node, ATA.limitationBasis, self.cite(c)))
                self.g.add((node, ATA.restrictability, RESTRICTABILITY[r.emergency]))
            for d in section.duties:
                node = ids.duty(self.version, d.id)
                self.g.add((node, RDF.type, ATA.Duty))
                self.g.add((node, ATA.curatedIn, curated_in))
                self.g.add((node, ATA.inConstitution, ids.constitution(self.version)))
                for b in d.bearers:
                    self.g.add((node, ATA.bearer, ids.agent(b)))
                self.g.add((node, ATA.legalBasis, self.cite(d.basis)))
                self.g.add((node, ATA.description, en(d.description)))

    def cite(self, citation: Citation) -> URIRef:
        return ids.provision(self.version, self.index.eid_for(citation))

    def _document(self) -> None:
        g, doc = self.g, self.doc
        node = ids.constitution(self.version)
        g.add((node, RDF.type, ATA.Constitution))
        # Stated, not left to inference: an integrator's store seldom reasons over subclasses.
        g.add((node, RDF.type, ELI.LegalResource))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, ATA.version, Literal(self.version)))
        for lang, text in sorted(doc.title.items()):
            g.add((node, ELI.title, Literal(text, lang=lang)))
            g.add((node, RDFS.label, Literal(text, lang=lang)))
        g.add((node, ELI.date_document, Literal(doc.adopted, datatype=XSD.date)))
        g.add((node, ELI.first_date_entry_in_force, Literal(doc.in_force, datatype=XSD.date)))
        if doc.ended:
            g.add((node, ELI.date_no_longer_in_force, Literal(doc.ended, datatype=XSD.date)))
        g.add((node, ELI.id_local, Literal(doc.official_id)))
        g.add((node, PROV.wasDerivedFrom, URIRef(doc.source)))
        g.add((node, DCTERMS.source, URIRef(doc.source)))
        g.add((node, DCTERMS.license, LICENSE))
        if doc.replaces:
            g.add((node, ELI.repeals, ids.constitution(doc.replaces)))
            g.add((node, DCTERMS.replaces, ids.constitution(doc.replaces)))
            g.add((ids.constitution(doc.replaces), DCTERMS.isReplacedBy, node))
        for section in doc.sections:
            s = ids.section(self.version, section.number)
            g.add((s, RDF.type, ATA.Section))
            g.add((s, ELI.number, Literal(str(section.number))))
            g.add((s, ELI.is_part_of, node))
            g.add((node, ELI.has_part, s))
            g.add((s, ATA.inConstitution, node))
            g.add((s, ATA.eId, Literal(f"sec_{section.number}")))
            for lang, text in sorted(section.title.items()):
                g.add((s, ELI.title, Literal(text, lang=lang)))
                g.add(
                    (
                        s,
                        RDFS.label,
                        Literal(f"Section {section.number}. {text}", lang=lang)
                        if lang == "en"
                        else Literal(text, lang=lang),
                    )
                )

    def _provision(self, placed: Placed) -> None:
        g, p = self.g, placed.provision
        node = ids.provision(self.version, placed.eid)
        article = ids.provision(self.version, f"art_{placed.article}")
        section = ids.section(self.version, placed.section.number)
        parent = ids.provision(self.version, placed.parent.eid) if placed.parent else section
        g.add((node, RDF.type, PROVISION_CLASS[p.kind]))
        g.add((node, RDF.type, ATA.Provision))  # materialised, so queries need no inference
        g.add((node, ELI.number, Literal(p.number)))
        g.add((node, ELI.is_part_of, parent))
        g.add((parent, ELI.has_part, node))
        g.add((node, ATA.inArticle, article))
        g.add((node, ATA.inSection, section))
        g.add((node, ATA.inConstitution, ids.constitution(self.version)))
        g.add((node, ATA.eId, Literal(placed.eid)))
        g.add((node, ATA.citation, Literal(placed.citation)))
        g.add((node, ATA.paragraphRef, Literal(placed.paragraph_ref)))
        g.add((node, ATA.position, Literal(placed.position)))
        g.add((node, ATA.summary, en(p.summary)))
        g.add((node, RDFS.label, en(_provision_label(placed))))
        for topic in p.topics:
            g.add((node, ELI.is_about, ids.concept("topics", topic)))
        if p.note:
            g.add((node, ATA.note, en(p.note)))
        if p.repealed:
            g.add((node, ATA.repealed, Literal(True)))
            if p.repealed_by:
                g.add((node, ATA.repealedBy, en(p.repealed_by)))

    def _fact(self, f: Fact, curated_in: Literal) -> None:
        g = self.g
        node = ids.fact(self.version, f.id)
        g.add((node, RDF.type, FACT_CLASS[f.type]))
        g.add((node, RDF.type, ATA.ConstitutionalFact))
        g.add((node, DCTERMS.identifier, Literal(f.id)))
        g.add((node, ATA.curatedIn, curated_in))
        g.add((node, ATA.inConstitution, ids.constitution(self.version)))
        for ref in f.concerns:
            g.add((node, ATA.concerns, ids.agent(ref)))
        if f.basis:
            g.add((node, ATA.legalBasis, self.cite(f.basis)))
        for c in f.related:
            g.add((node, ATA.relatedProvision, self.cite(c)))
        g.add((node, ATA.description, en(f.description)))
        v = f.values
        scalar = {
            "members": (ATA.memberCount, None),
            "max_terms": (ATA.maxTerms, None),
            "min_age": (ATA.minimumAge, None),
            "residence_years": (ATA.residenceYears, None),
            "experience_years": (ATA.experienceYears, None),
            "length": (ATA.termLength, XSD.duration),
            "time_limit": (ATA.timeLimit, XSD.duration),
            "date": (ATA.date, XSD.date),
        }
        for key, (prop, datatype) in scalar.items():
            if v.get(key) is not None:
                g.add((node, prop, Literal(v[key], datatype=datatype)))
        texts = {
            "requirements": ATA.requirement,
            "incompatible_with": ATA.incompatibleWith,
            "protects_against": ATA.protectsAgainst,
            "exceptions": ATA.exception,
        }
        for key, prop in texts.items():
            for text in v.get(key, ()):  # type: ignore[attr-defined]
                g.add((node, prop, en(text)))
        for key, prop in (("lifted_by", ATA.liftedBy), ("accountable_to", ATA.accountableTo)):
            for ref in v.get(key, ()):  # type: ignore[attr-defined]
                g.add((node, prop, ids.agent(ref)))
        if v.get("member_post"):
            g.add((node, ATA.memberPost, ids.agent(str(v["member_post"]))))
        if v.get("office"):
            g.add((node, ATA.office, ids.agent(str(v["office"]))))
        for rank, ref in enumerate(v.get("order", ()), start=1):  # type: ignore[arg-type]
            step = ids.part_of(node, f"step/{rank}")
            g.add((node, ATA.successionStep, step))
            g.add((step, RDF.type, ATA.SuccessionStep))
            g.add((step, ATA.rank, Literal(rank)))
            g.add((step, ATA.successor, ids.agent(ref)))
        if isinstance(v.get("threshold"), Threshold):
            t = v["threshold"]
            threshold = write_threshold(
                g, node, "threshold", t, f.concerns[0], self.label, self.cite
            )
            g.add((node, ATA.threshold, threshold))
        if v.get("delegated_to"):
            g.add((node, ATA.delegatedTo, DELEGATION[str(v["delegated_to"])]))
        if v.get("matter"):
            g.add((node, ATA.matter, en(str(v["matter"]))))
        if v.get("after"):
            g.add((node, ATA.after, ids.fact(self.version, str(v["after"]))))
        for old in v.get("replaces", ()):  # type: ignore[attr-defined]
            for new in f.concerns:
                g.add((ids.agent(new), DCTERMS.replaces, ids.agent(old)))
                g.add((ids.agent(old), DCTERMS.isReplacedBy, ids.agent(new)))
            g.add((node, ATA.replacedBody, ids.agent(old)))
        for old in v.get("corresponds_to", ()):  # type: ignore[attr-defined]
            for new in f.concerns:
                g.add((ids.agent(new), ATA.correspondsTo, ids.agent(old)))
        for c in v.get("protects", ()):  # type: ignore[attr-defined]
            g.add((node, ATA.protectsProvision, self.cite(c)))


def lexicon(corpus: Corpus, index: ProvisionIndex) -> Lexicon:
    """Labels of agents, matters and condition concepts in every language, and citations
    of provisions, for the generated wording."""
    agents: dict[str, dict[str, str]] = {}
    for a in corpus.all_agents():
        agents[a.id] = {lang: a.short.get(lang, a.label[lang]) for lang in a.label}
    for m in corpus.all_matters():
        agents[m.id] = dict(m.label)
    concepts = {c.id: c.label for s in corpus.schemes if s.id == "conditions" for c in s.concepts}
    cite_words = {"en": "art. {ref}", "ru": "ст. {ref}", "kk": "{ref}-бап"}

    def cite(text: str, lang: str) -> str:
        placed = index.resolve(Citation(text, corpus.documents[0].where))
        if placed is None:
            return text
        return cite_words[lang].format(ref=placed.short_ref)

    return Lexicon(
        agent=lambda i, lang: agents.get(i, {}).get(lang, i),
        concept=lambda i, lang: concepts.get(i, {}).get(lang, i),
        cite=cite,
    )


def _edge_property(name: str) -> URIRef:
    # Not ATA[name]: an undeclared edge must reach validation, not crash the build.
    return URIRef(str(ATA._NS) + name)


def _provision_label(placed: Placed) -> str:
    """``Art. 57(3)(1)``, ``Art. 46(2), part 2``, ``Art. 40``."""
    numbers = "".join(f"({n})" for kind, n in placed.path[1:] if kind in ("para", "item"))
    label = f"Art. {placed.article}{numbers}"
    kind, number = placed.path[-1]
    return f"{label}, part {number}" if kind == "part" else label
