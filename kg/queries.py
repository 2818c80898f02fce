"""Named queries: every SPARQL query the product runs lives in ``queries/NAME.rq``.

A query file opens with a header of ``#+`` lines::

    #+ title: Powers
    #+ description: One row per power ...
    #+ param holder: The holder, by English label, id or IRI (optional).
    #+ title@ru: Полномочия
    #+ description@kk: ...
    #+ param@ru holder: ...

A key with ``@ru`` or ``@kk`` gives the title, description or parameter help in that
language, for the server's pages in Russian and Kazakh.

Each parameter ``p`` has a line ``VALUES ?p_param { UNDEF }`` in the query body, so the file
runs as it is (no filter) and a value is bound by writing it, serialised as an RDF literal,
in place of ``UNDEF``. User input never reaches the query as text of its own.

This is the only module that reads ``queries/``; the CLI, the server and the tests all go
through :func:`run` and :class:`QueryRegistry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, UnknownQuery
from kg.namespaces import PREFIXES
from kg.resources import QUERIES_DIR
from kg.sparql_errors import from_engine

_HEADER = re.compile(r"^#\+\s*(\w+)(?:@(ru|kk))?(?:\s+([\w-]+))?\s*:\s*(.*)$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VERSION = re.compile(r"^\d{4}$")  # a constitution is named by its year


@dataclass(frozen=True)
class Parameter:
    name: str
    help: str
    # the help in Russian and Kazakh, where the query's header gives it
    helps: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def help_in(self, lang: str) -> str:
        return self.helps.get(lang, "") if lang != "en" else self.help

    @property
    def variable(self) -> str:
        return f"{self.name.replace('-', '_')}_param"

    @property
    def marker(self) -> re.Pattern[str]:
        return re.compile(r"VALUES\s+\?" + self.variable + r"\s*\{\s*UNDEF\s*\}")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path | None = None
    source: str | None = None  # how error messages name it: a file, <stdin>, or None
    # the title and description in Russian and Kazakh (``#+ title@ru:``), for the pages
    titles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    descriptions: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def title_in(self, lang: str) -> str:
        """The title in ``lang``; English where the header gives none in that language."""
        return self.titles.get(lang, self.title)

    def description_in(self, lang: str) -> str:
        return self.descriptions.get(lang, self.description)

    def bind(self, values: dict[str, str]) -> str:
        """The query text with parameter values written in; unknown names are an error."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise QueryError(
                f"query {self.name!r} has no parameter {unknown[0]!r} (parameters: {allowed})"
            )
        version = values.get("version")
        if version is not None and not _VERSION.match(version):
            raise QueryError(
                f"version {version!r} is not a constitution: give its year, 1995 or 2026"
            )
        text = self.text
        for name, value in values.items():
            literal = str(ox.Literal(value))  # N-Triples form: quotes and escapes done
            text = known[name].marker.sub(
                lambda _m, p=known[name], lit=literal: f"VALUES ?{p.variable} {{ {lit} }}", text
            )
        return text


def parse_query_file(path: Path, strict: bool = True) -> NamedQuery:
    """Read a query file; ``strict`` (for ``queries/``) requires a name and a full header."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not a UTF-8 text file, so not a SPARQL query") from None
    name = path.stem
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    translated: dict[tuple[str, str], dict[str, str]] = {}  # (key, arg) -> {lang: text}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            continue
        key, lang, arg, value = match.groups()
        if lang:
            translated.setdefault((key, arg or ""), {})[lang] = value.strip()
        elif key == "param" and arg:
            params.append(Parameter(arg, value.strip()))
        else:
            meta[key] = value.strip()
    params = [Parameter(p.name, p.help, translated.get(("param", p.name), {})) for p in params]
    where = f"queries/{path.name}" if strict else str(path)
    if strict and not _NAME.match(name):
        raise QueryError(f"{where}: a query name is lower-case words joined by hyphens")
    for key in ("title", "description"):
        if strict and not meta.get(key):
            raise QueryError(f"{where}: the header needs a '#+ {key}:' line")
    query = NamedQuery(
        name,
        meta.get("title", name),
        meta.get("description", ""),
        tuple(params),
        text,
        path,
        where,
        translated.get(("title", ""), {}),
        translated.get(("description", ""), {}),
    )
    for p in params:
        if not p.marker.search(text):
            raise QueryError(
                f"{where}: parameter {p.name!r} needs a line "
                f"'VALUES ?{p.variable} {{ UNDEF }}' in the query"
            )
    return query


class QueryRegistry:
    """The named queries of a directory, loaded once and checked for well-formed headers."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or QUERIES_DIR
        parsed = [parse_query_file(path) for path in self.directory.glob("*.rq")]
        self.queries = {q.name: q for q in sorted(parsed, key=lambda q: q.name)}

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter(self.queries.values())

    def get(self, name: str) -> NamedQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise UnknownQuery(name, sorted(self.queries)) from None


_ONE_WORD = re.compile(r"^[^\s{}]+$")  # a path, or a name; hardly ever a query
_QUERY_START = re.compile(r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def resolve(spec: str, registry: QueryRegistry) -> NamedQuery:
    """``spec`` is a named query, an existing file (whatever its extension), or SPARQL
    text; ``-`` is read by the caller from standard input (see :func:`from_text`)."""
    if spec in registry.queries:
        return registry.queries[spec]
    if _is_file(spec):
        return parse_query_file(Path(spec), strict=False)
    if _NAME.match(spec):
        raise UnknownQuery(spec, sorted(registry.queries))
    if _ONE_WORD.match(spec) and not _QUERY_START.match(spec):
        raise QueryError(f"no query file {spec} (and it is not a named query or SPARQL text)")
    return from_text(spec)


def _is_file(spec: str) -> bool:
    try:
        return "\n" not in spec and Path(spec).is_file()
    except (OSError, ValueError):  # a name too long for a path, a NUL character
        return False


def from_text(text: str, source: str | None = None) -> NamedQuery:
    """SPARQL text given on the command line, from standard input or in Python."""
    return NamedQuery("adhoc", "Ad hoc query", "", (), text, None, source)


# --- running -----------------------------------------------------------------------------


@dataclass
class SelectResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    # Per cell: "uri", "literal", "bnode" or None, so that pages can link IRIs.
    kinds: list[list[str | None]] = field(default_factory=list, repr=False)


def term_kind(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "uri"
    return "bnode" if isinstance(term, ox.BlankNode) else "literal"


def python_value(term: object) -> Any:
    """A plain value for a result cell: IRIs as strings, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value  # NamedNode


def execute(store: ox.Store, text: str, source: str | None = None) -> Any:
    """Run SPARQL text on the store with the default graph as the union of all graphs."""
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise from_engine(text, str(exc), source) from None


# What a query gives: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE).
Answer = SelectResult | bool | list[ox.Triple]


def evaluate(
    store: ox.Store, text: str, max_rows: int | None = None, source: str | None = None
) -> Answer:
    """Run a query of any form."""
    answer = execute(store, text, source)
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    if isinstance(answer, ox.QueryTriples):
        return sorted(answer, key=str)  # sorted: the same query prints the same text
    return _rows(answer, max_rows)


def select(
    store: ox.Store, text: str, max_rows: int | None = None, source: str | None = None
) -> SelectResult:
    """Run a SELECT query; any other form is an error."""
    answer = evaluate(store, text, max_rows, source)
    if not isinstance(answer, SelectResult):
        raise QueryError("this query does not return rows: it is an ASK, CONSTRUCT or DESCRIBE")
    return answer


def _rows(solutions: ox.QuerySolutions, max_rows: int | None) -> SelectResult:
    columns = [v.value for v in solutions.variables]
    result = SelectResult(columns, [])
    for solution in solutions:
        if max_rows is not None and len(result.rows) >= max_rows:
            result.truncated = True
            break
        terms = list(solution)  # by position: far faster than by name
        result.kinds.append([term_kind(t) for t in terms])
        result.rows.append({c: python_value(t) for c, t in zip(columns, terms, strict=True)})
    return result


def run(
    store: ox.Store,
    query: NamedQuery,
    params: dict[str, str] | None = None,
    max_rows: int | None = None,
) -> SelectResult:
    """Run a named (or ad hoc) SELECT query with parameters; rows come back as dicts."""
    return select(store, query.bind(params or {}), max_rows, query.source)
