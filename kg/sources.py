"""Read ``data/`` into typed records, failing with the file and line of the first problem.

This is the only module that reads ``data/``. It checks each file on its own terms
(required fields, value types, unknown keys); whether the files fit together (ids that
exist, provisions that are cited) is :mod:`kg.integrity`'s job. No RDF here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from kg.errors import DataDirectoryError, SourceDataError, Where
from kg.fields import (
    DATE,
    citation,
    citations,
    duration,
    identifier,
    ref,
    refs,
    threshold,
)
from kg.power_source import read_power
from kg.records import (
    Agent,
    Concept,
    Corpus,
    Document,
    Duty,
    Fact,
    Matter,
    Provision,
    Right,
    Scheme,
    Section,
)
from kg.resources import DATA_DIR
from kg.yamlfile import Fields, Located, read_yaml

LANGS = ("en", "ru", "kk")


# --- reading -------------------------------------------------------------------------------


def load_corpus(root: Path | None = None) -> Corpus:
    """Read every data file under ``root`` (default: the package's ``data/``)."""
    root = (root or DATA_DIR).resolve()
    if not root.is_dir():
        raise DataDirectoryError(root)
    agents = _read_list(root / "institutions.yaml", "an institution", _agent)
    matters = _read_list(root / "matters.yaml", "a matter", _matter)
    schemes = [_scheme(path) for path in sorted((root / "vocab").glob("*.yaml"))]
    documents = [_document(path) for path in sorted(root.glob("constitution-*/document.yaml"))]
    if not documents:
        raise SourceDataError(Where(root, 1), f"no constitution-*/document.yaml under {root}")
    return Corpus(agents, matters, _with_drafted_conditions(schemes, documents), documents, root)


def _with_drafted_conditions(schemes: list[Scheme], documents: list[Document]) -> list[Scheme]:
    """A section file may draft concepts of the conditions scheme under ``conditions:``, as
    it may draft agents and matters; on review they move to vocab/conditions.yaml."""
    drafted = [c for d in documents for s in d.sections for c in s.conditions]
    if not drafted:
        return schemes
    return [
        replace(s, concepts=s.concepts + tuple(drafted)) if s.id == "conditions" else s
        for s in schemes
    ]


def _read_list(path, what, make):  # type: ignore[no-untyped-def]
    content = read_yaml(path)
    if not isinstance(content, list):
        raise SourceDataError(Where(path, 1), f"the file must be a list, each entry {what}")
    return [make(_entry(content, i, path, what)) for i in range(len(content))]


def _entry(items: list[object], index: int, path: Path, what: str) -> Located:
    item = items[index]
    if not isinstance(item, Located):
        raise SourceDataError(Where(path, 1), f"entry {index + 1} must be {what} (a mapping)")
    return item


def _agent(m: Located) -> Agent:
    f = Fields(
        m,
        m.where(),
        "an institution",
        {
            "id",
            "type",
            "kind",
            "label",
            "short",
            "alt",
            "post_in",
            "sub_organization_of",
            "versions",
        },
    )
    kind_of = f.required_text("type")
    versions = f.raw("versions") or []
    if not isinstance(versions, list) or not all(
        isinstance(v, str) and re.match(r"^\d{4}$", v) for v in versions
    ):
        raise f.fail("versions", "'versions' must be a list of years in quotes, e.g. [\"1995\"]")
    if kind_of not in ("organization", "post", "group"):
        raise f.fail("type", f"type must be organization, post or group, not {kind_of!r}")
    return Agent(
        id=identifier(f),
        type=kind_of,
        kind=ref(f, "kind", required=True) or "",
        label=f.labels("label", LANGS),
        short=f.labels("short", LANGS, required=False),
        post_in=ref(f, "post_in"),
        sub_organization_of=ref(f, "sub_organization_of"),
        where=f.where,
        versions=tuple(versions),
        alt=_alt_names(f),
    )


def _alt_names(f: Fields) -> dict[str, tuple[str, ...]]:
    """``alt: {en: [parliament], ru: [парламент]}``: other names in common use."""
    raw = f.raw("alt")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise f.fail("alt", "'alt' maps a language (en, ru, kk) to a list of names")
    names: dict[str, tuple[str, ...]] = {}
    for lang, values in raw.items():
        if lang not in LANGS:
            raise f.fail("alt", f"'alt' has an unknown language {lang!r} (use en, ru, kk)")
        items = values if isinstance(values, list) else [values]
        if not items or not all(isinstance(v, str) and v.strip() for v in items):
            raise f.fail("alt", f"'alt.{lang}' must be a list of non-empty names")
        names[str(lang)] = tuple(v.strip() for v in items)
    return names


def _matter(m: Located) -> Matter:
    f = Fields(m, m.where(), "a matter", {"id", "label", "definition"})
    return Matter(identifier(f), f.labels("label", LANGS), f.text("definition", False), f.where)


def _scheme(path: Path) -> Scheme:
    content = read_yaml(path)
    f = Fields(content, Where(path, 1), "a vocabulary file", {"scheme", "concepts"})
    head = Fields(f.raw("scheme"), f.at("scheme"), "the scheme", {"id", "label", "definition"})
    scheme_id = identifier(head)
    concepts = _concepts(f, path, scheme_id)
    return Scheme(
        scheme_id,
        head.labels("label", LANGS),
        head.required_text("definition"),
        tuple(concepts),
        head.where,
    )


def _concepts(f: Fields, path: Path, scheme_id: str, key: str = "concepts") -> list[Concept]:
    concepts_raw = f.raw(key)
    if not isinstance(concepts_raw, list) or not concepts_raw:
        raise f.fail(key, f"{key!r} must be a non-empty list")
    concepts = []
    for i in range(len(concepts_raw)):
        c = Fields(
            _entry(concepts_raw, i, path, "a concept"),
            f.at(key),
            "a concept",
            {"id", "label", "definition", "broader", "edge", "close_match", "same_as"},
        )
        edge = c.text("edge", required=False)
        if edge is not None and not re.match(r"^[a-z][A-Za-z]+$", edge):
            raise c.fail("edge", f"edge {edge!r} must be a camelCase property name")
        concepts.append(
            Concept(
                id=identifier(c),
                scheme=scheme_id,
                label=c.labels("label", LANGS),
                definition=c.required_text("definition"),
                broader=ref(c, "broader"),
                edge=edge,
                close_match=c.text_list("close_match"),
                where=c.where,
                same_as=ref(c, "same_as"),
            )
        )
    return concepts


def _document(path: Path) -> Document:
    content = read_yaml(path)
    f = Fields(
        content,
        Where(path, 1),
        "a document file",
        {"version", "title", "adopted", "in_force", "official_id", "source", "replaces", "ended"},
    )
    version = str(f.raw("version") or "")
    if not re.match(r"^\d{4}$", version):
        raise f.fail("version", "version must be the year of the constitution, e.g. 2026")
    dates = {}
    for key in ("adopted", "in_force", "ended"):
        value = f.text(key, required=key != "ended")
        if value is not None and not DATE.match(value):
            raise f.fail(key, f"{key!r} must be a date written YYYY-MM-DD")
        dates[key] = value
    replaces = f.raw("replaces")
    sections = [_section(p) for p in sorted(path.parent.glob("section-*.yaml"))]
    numbers = [s.number for s in sections]
    for s in sections:
        if numbers.count(s.number) > 1:
            raise SourceDataError(Where(s.path, 1), f"section {s.number} appears in two files")
    sections.sort(key=lambda s: s.number)
    return Document(
        version=version,
        title=f.labels("title", LANGS),
        adopted=dates["adopted"] or "",
        in_force=dates["in_force"] or "",
        official_id=f.required_text("official_id"),
        source=f.required_text("source"),
        replaces=str(replaces) if replaces is not None else None,
        ended=dates["ended"],
        sections=sections,
        where=f.where,
    )


def _section(path: Path) -> Section:
    content = read_yaml(path)
    f = Fields(
        content,
        Where(path, 1),
        "a section file",
        {
            "section",
            "title",
            "articles",
            "powers",
            "facts",
            "rights",
            "duties",
            "matters",
            "agents",
            "conditions",
        },
    )
    number = f.integer("section", required=True) or 0
    articles_raw = f.raw("articles")
    if not isinstance(articles_raw, list) or not articles_raw:
        raise f.fail(
            "articles" if f.has("articles") else None,
            "a section file needs a non-empty list 'articles'",
        )
    articles = [
        _provision(_entry(articles_raw, i, path, "an article"), top=True)
        for i in range(len(articles_raw))
    ]
    return Section(
        number=number,
        title=f.labels("title", ("en", "ru")),
        articles=articles,
        powers=[read_power(m) for m in _entries(f, "powers", "a power")],
        facts=[_fact(m) for m in _entries(f, "facts", "a fact")],
        rights=[_right(m) for m in _entries(f, "rights", "a right")],
        duties=[_duty(m) for m in _entries(f, "duties", "a duty")],
        matters=[_matter(m) for m in _entries(f, "matters", "a matter")],
        agents=[_agent(m) for m in _entries(f, "agents", "an institution")],
        conditions=_concepts(f, path, "conditions", "conditions") if f.has("conditions") else [],
        path=path,
    )


def _entries(f: Fields, key: str, what: str) -> list[Located]:
    value = f.raw(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise f.fail(key, f"{key!r} must be a list")
    return [_entry(value, i, f.where.path, what) for i in range(len(value))]


_PROVISION_KINDS = ("article", "para", "item", "part")
INSERTED_NUMBER = re.compile(r"^[1-9]\d*-[1-9]\d*$")


def _provision(m: Located, top: bool = False) -> Provision:
    kinds = [k for k in _PROVISION_KINDS if k in m]
    if len(kinds) != 1:
        raise SourceDataError(
            m.where(), "a provision needs exactly one of 'article', 'para', 'item', 'part'"
        )
    kind = kinds[0]
    if top != (kind == "article"):
        raise SourceDataError(
            m.where(kind), "articles belong at the top of 'articles', and only articles"
        )
    f = Fields(
        m,
        m.where(),
        f"{kind} {m[kind]}",
        {kind, "summary", "children", "topics", "note", "repealed", "repealed_by"},
    )
    number = m[kind]
    # An inserted provision keeps the number it was given: 3-1 comes between 3 and 4.
    if isinstance(number, bool) or not (
        (isinstance(number, int) and number >= 1)
        or (isinstance(number, str) and INSERTED_NUMBER.match(number))
    ):
        raise f.fail(
            kind,
            f"the {kind} number must be a whole number from 1, or an inserted number such as "
            f"3-1, not {number!r}",
        )
    repealed = f.boolean("repealed") or False
    repealed_by = f.text("repealed_by", required=False)
    if repealed_by and not repealed:
        raise f.fail("repealed_by", "'repealed_by' needs 'repealed: true'")
    children_raw = f.raw("children")
    if children_raw is not None and (not isinstance(children_raw, list) or not children_raw):
        raise f.fail("children", "'children' must be a non-empty list of provisions")
    children = [
        _provision(_entry(children_raw, i, f.where.path, "a provision"))
        for i in range(len(children_raw or []))
    ]
    return Provision(
        kind,
        str(number),
        f.required_text("summary"),
        refs(f, "topics"),
        f.text("note", False),
        f.where,
        children,
        repealed,
        repealed_by,
    )


# Fields each kind of fact may carry beyond the common ones, and how to read them.
FACT_TYPES: dict[str, dict[str, str]] = {
    "composition": {"members": "int", "member_post": "ref"},
    "term": {"length": "duration", "max_terms": "int"},
    "eligibility": {
        "min_age": "int",
        "residence_years": "int",
        "experience_years": "int",
        "requirements": "texts",
    },
    "incompatibility": {"incompatible_with": "texts"},
    "immunity": {"protects_against": "texts", "lifted_by": "refs", "exceptions": "texts"},
    "succession": {"office": "ref", "order": "refs"},
    "procedure": {"time_limit": "duration", "threshold": "threshold"},
    "quorum": {"threshold": "threshold"},
    "status": {},
    "accountability": {"accountable_to": "refs"},
    "delegation": {"delegated_to": "word", "matter": "text"},
    "silence": {"matter": "text"},
    "principle": {},
    "deadline": {"date": "date", "time_limit": "duration", "after": "ref"},
    "unamendable": {"protects": "citations"},
    # a body of this constitution takes the place of bodies of the one it replaced
    "replacement": {"replaces": "refs"},
    # our alignment of a body with an earlier one where the text states no succession
    "correspondence": {"corresponds_to": "refs", "matter": "text"},
}
DELEGATION_TARGETS = ("constitutional-law", "law", "rules-of-procedure", "president")


def _fact(m: Located) -> Fact:
    kind = m.get("type")
    if kind not in FACT_TYPES:
        raise SourceDataError(
            m.where("type"), f"a fact needs a type, one of: {', '.join(FACT_TYPES)}; got {kind!r}"
        )
    extra = FACT_TYPES[kind]
    f = Fields(
        m,
        m.where(),
        f"{kind} fact {m.get('id', '')}".strip(),
        {"id", "type", "concerns", "basis", "related", "description", "note"} | set(extra),
    )
    values: dict[str, object] = {}
    for key, reader in extra.items():
        if not f.has(key):
            continue
        if reader == "int":
            values[key] = f.integer(key)
        elif reader == "ref":
            values[key] = ref(f, key)
        elif reader == "refs":
            values[key] = refs(f, key)
        elif reader == "texts":
            values[key] = f.text_list(key)
        elif reader == "text":
            values[key] = f.required_text(key)
        elif reader == "duration":
            values[key] = duration(f, key)
        elif reader == "threshold":
            values[key] = threshold(f, key)
        elif reader == "citations":
            values[key] = citations(f, key)
        elif reader == "date":
            date = f.required_text(key)
            if not DATE.match(date):
                raise f.fail(key, f"{key!r} must be a date written YYYY-MM-DD")
            values[key] = date
        elif reader == "word":
            word = f.required_text(key)
            if word not in DELEGATION_TARGETS:
                raise f.fail(key, f"{key!r} must be one of {', '.join(DELEGATION_TARGETS)}")
            values[key] = word
    unstated = kind in ("silence", "correspondence")
    basis = citation(f, "basis", required=not unstated)
    if unstated and basis is not None:
        raise f.fail(
            "basis",
            f"a {kind} has no basis (the text states none): list where one would look in 'related'",
        )
    concerns = refs(f, "concerns")
    if not concerns:
        raise f.fail(None, f"{f.what} is missing the field 'concerns'")
    return Fact(
        identifier(f),
        kind,
        concerns,
        basis,
        citations(f, "related"),
        f.required_text("description"),
        values,
        f.where,
    )


EMERGENCY = ("non-restrictable", "restrictable", "not-stated")


def _right(m: Located) -> Right:
    f = Fields(
        m,
        m.where(),
        f"right {m.get('id', '')}".strip(),
        {
            "id",
            "label",
            "group",
            "holders",
            "basis",
            "description",
            "limitations",
            "limitation_basis",
            "emergency",
            "note",
        },
    )
    basis = citation(f, "basis", required=True)
    holders = refs(f, "holders")
    if basis is None or not holders:
        raise f.fail(None, f"{f.what} needs 'holders' and 'basis'")
    emergency = f.text("emergency", required=False) or "not-stated"
    if emergency not in EMERGENCY:
        raise f.fail("emergency", f"'emergency' must be one of {', '.join(EMERGENCY)}")
    return Right(
        identifier(f),
        f.labels("label", LANGS),
        ref(f, "group", required=True) or "",
        holders,
        basis,
        f.required_text("description"),
        f.text_list("limitations"),
        citations(f, "limitation_basis"),
        emergency,
        f.where,
    )


def _duty(m: Located) -> Duty:
    f = Fields(
        m,
        m.where(),
        f"duty {m.get('id', '')}".strip(),
        {"id", "bearers", "basis", "description", "note"},
    )
    basis = citation(f, "basis", required=True)
    bearers = refs(f, "bearers")
    if basis is None or not bearers:
        raise f.fail(None, f"{f.what} needs 'bearers' and 'basis'")
    return Duty(identifier(f), bearers, basis, f.required_text("description"), f.where)
