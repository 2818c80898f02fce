"""Write one power into a constitution's graph: the qualified node with every condition
(each trigger, purpose, scope, exclusion and timing as a node of its own with the provision
that states it), the digest of its conditions in English, Russian and Kazakh, and the plain
edge ``holder ata:appoints object``. Also the threshold nodes, which facts share."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef

from kg import ids
from kg.namespaces import ATA, DCTERMS, RDF, RDFS, XSD
from kg.records import Citation, Condition, Power, Threshold
from kg.wording import LANGS, Lexicon, condition_summary, threshold_text

COMPARISON = {"more-than": ATA.MoreThan, "at-least": ATA.AtLeast}
COUNT_BASE = {
    "all-members": ATA.AllMembers,
    "members-present": ATA.MembersPresent,
    "votes-cast": ATA.VotesCast,
    "territorial-units": ATA.TerritorialUnits,
}
RELATION = {
    "before": ATA.Before,
    "after": ATA.After,
    "immediately-after": ATA.ImmediatelyAfter,
    "during": ATA.During,
    "until": ATA.Until,
}
CONDITION_KINDS = (
    ("trigger", ATA.TriggerCondition, ATA.trigger),
    ("purpose", ATA.PurposeCondition, ATA.purpose),
    ("scope", ATA.ScopeCondition, ATA.scope),
    ("exclusion", ATA.ExclusionCondition, ATA.exclusion),
)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def write_threshold(
    g: Graph,
    owner: URIRef,
    name: str,
    t: Threshold,
    default_body: str | None,
    label: Callable[[str], str],
    cite: Callable[[Citation], URIRef],
) -> URIRef:
    """A threshold node ``{owner}/{name}``, with its turnout and territorial spread."""
    node = ids.part_of(owner, name)
    body = t.body or default_body
    g.add((node, RDF.type, ATA.Threshold))
    g.add((node, ATA.numerator, Literal(t.numerator)))
    g.add((node, ATA.denominator, Literal(t.denominator)))
    g.add((node, ATA.comparison, COMPARISON[t.comparison]))
    g.add((node, ATA.countBase, COUNT_BASE[t.base]))
    if body:
        g.add((node, ATA.votingBody, ids.agent(body)))
    g.add((node, ATA.thresholdText, en(threshold_text(t, label(body) if body else None))))
    if t.basis:
        g.add((node, ATA.legalBasis, cite(t.basis)))
    if t.turnout:
        turnout = write_threshold(g, node, "turnout", t.turnout, body, label, cite)
        g.add((node, ATA.turnout, turnout))
    if t.territorial:
        spread = write_threshold(g, node, "territorial", t.territorial, None, label, cite)
        g.add((node, ATA.territorialSpread, spread))
    return node


class PowerWriter:
    """Writes powers of one constitution into its graph."""

    def __init__(
        self,
        g: Graph,
        version: str,
        cite: Callable[[Citation], URIRef],
        lexicon: Lexicon,
        edges: dict[str, URIRef],
        action_labels: dict[str, str],
    ) -> None:
        self.g = g
        self.version = version
        self.cite = cite
        self.lex = lexicon
        self.edges = edges
        self.action_labels = action_labels

    def label(self, agent_id: str) -> str:
        return self.lex.agent(agent_id, "en")

    def write(self, p: Power, curated_in: Literal) -> None:
        g = self.g
        node = ids.power(self.version, p.id)
        holder, obj = ids.agent(p.holder), ids.agent(p.object)
        g.add((node, RDF.type, ATA.Power))
        g.add((node, DCTERMS.identifier, Literal(p.id)))
        g.add((node, ATA.curatedIn, curated_in))
        g.add((node, ATA.inConstitution, ids.constitution(self.version)))
        g.add((node, ATA.holder, holder))
        g.add((node, ATA.action, ids.concept("actions", p.action)))
        g.add((node, ATA.object, obj))
        g.add((node, ATA.legalBasis, self.cite(p.basis)))
        for c in p.also:
            g.add((node, ATA.alsoStatedIn, self.cite(c)))
        for prop, refs in (
            (ATA.consentOf, p.consent_of),
            (ATA.onProposalOf, p.proposal_of),
            (ATA.onRequestOf, p.request_of),
            (ATA.afterConsultationWith, p.consultation_with),
            (ATA.requiresOpinionOf, p.opinion_of),
        ):
            for ref in refs:
                g.add((node, prop, ids.agent(ref)))
        if p.threshold:
            default = p.consent_of[0] if p.consent_of else p.holder
            t = write_threshold(g, node, "threshold", p.threshold, default, self.label, self.cite)
            g.add((node, ATA.threshold, t))
        if p.initiative:
            t = write_threshold(
                g, node, "initiative", p.initiative, p.holder, self.label, self.cite
            )
            g.add((node, ATA.initiativeThreshold, t))
        if p.recipient:
            g.add((node, ATA.recipient, ids.agent(p.recipient)))
        if p.exclusive:
            g.add((node, ATA.exclusive, Literal(True)))
        self._conditions(node, p)
        self._periods(node, p)
        if p.note:
            g.add((node, ATA.note, en(p.note)))
        if p.note_reviewed:
            g.add((node, ATA.noteReviewed, Literal(True)))
        for lang in LANGS:
            summary = condition_summary(p, self.lex, lang)
            if summary:
                g.add((node, ATA.conditionSummary, Literal(summary, lang=lang)))
        verb = self.action_labels.get(p.action, p.action)
        g.add((node, RDFS.label, en(f"{self.label(p.holder)} {verb} {self.label(p.object)}")))
        # The plain edge, for simple queries and the graph view.
        if p.action in self.edges:
            g.add((holder, self.edges[p.action], obj))

    def _conditions(self, node: URIRef, p: Power) -> None:
        g = self.g
        groups: dict[str, tuple[Condition, ...]] = {
            "trigger": p.triggers,
            "purpose": p.purposes,
            "scope": p.scopes,
            "exclusion": p.exclusions,
        }
        for kind, cls, plain in CONDITION_KINDS:
            for c in groups[kind]:
                concept = ids.concept("conditions", c.concept)
                part = ids.part_of(node, f"{kind}/{c.concept}")
                g.add((node, plain, concept))
                g.add((node, ATA.hasCondition, part))
                g.add((part, RDF.type, cls))
                g.add((part, ATA.conditionConcept, concept))
                g.add((part, ATA.legalBasis, self.cite(c.basis or p.basis)))
        for n, t in enumerate(p.timing, start=1):
            part = ids.part_of(node, f"timing/{n}")
            g.add((node, ATA.timing, part))
            g.add((node, ATA.hasCondition, part))
            g.add((part, RDF.type, ATA.TimingCondition))
            g.add((part, ATA.relation, RELATION[t.relation]))
            g.add((part, ATA.event, ids.concept("conditions", t.event)))
            g.add((part, ATA.conditionConcept, ids.concept("conditions", t.event)))
            g.add((part, ATA.legalBasis, self.cite(t.basis or p.basis)))

    def _periods(self, node: URIRef, p: Power) -> None:
        g = self.g
        for period, length, start, basis in (
            (p.time_limit, ATA.timeLimit, ATA.timeLimitFrom, ATA.timeLimitBasis),
            (p.not_before, ATA.notEarlierThan, ATA.notEarlierThanFrom, ATA.notEarlierThanBasis),
        ):
            if period is None:
                continue
            g.add((node, length, Literal(period.duration, datatype=XSD.duration)))
            g.add((node, start, ids.concept("conditions", period.start)))
            g.add((node, basis, self.cite(period.basis or p.basis)))
