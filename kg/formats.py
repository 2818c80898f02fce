"""One table of output formats, shared by the command line and the HTTP server.

Query results (rows) can be written as a text table, CSV, TSV or JSON rows; the SPARQL
result formats (JSON, XML, CSV, TSV per the W3C specs) and RDF graph formats are written by
Oxigraph. Each format has a name, a media type, a file extension and a writer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.queries import Answer, SelectResult


@dataclass(frozen=True)
class RowFormat:
    name: str
    media_type: str
    extension: str
    write: Callable[[SelectResult], str]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(result: SelectResult, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_cell(row[c]) for c in result.columns])
    return out.getvalue()


def write_tsv(result: SelectResult) -> str:
    # Cells are flattened to one line so that a row stays a row.
    out = ["\t".join(result.columns)]
    for row in result.rows:
        out.append(
            "\t".join(_cell(row[c]).replace("\t", " ").replace("\n", " ") for c in result.columns)
        )
    return "\n".join(out) + "\n"


def write_json(result: SelectResult) -> str:
    body = {"columns": result.columns, "rows": result.rows, "truncated": result.truncated}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def write_table(result: SelectResult, max_width: int | None = 60) -> str:
    """A fixed-width text table. With ``max_width``, longer cells are cut with an ellipsis
    and a last line says how many; ``None`` keeps every value whole."""
    shortened = 0

    def fit(value: object) -> str:
        nonlocal shortened
        text = _cell(value).replace("\n", " ")
        if max_width is None or len(text) <= max_width:
            return text
        shortened += 1
        return text[: max_width - 1] + "…"

    cells = [[fit(row[c]) for c in result.columns] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    note = f"{len(result.rows)} row(s)" + (" (truncated)" if result.truncated else "")
    if shortened:
        note += (
            f"; {shortened} value(s) shortened to {max_width} characters "
            "(--wide, or -f csv, shows them whole)"
        )
    return "\n".join([*out, note]) + "\n"


def write_markdown(result: SelectResult) -> str:
    """A Markdown table, for notes and issue trackers; pipes in cells are escaped."""

    def cell(value: object) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(result.columns) + " |", "|" + " --- |" * len(result.columns)]
    out += ["| " + " | ".join(cell(row[c]) for c in result.columns) + " |" for row in result.rows]
    return "\n".join(out) + "\n"


ROW_FORMATS: dict[str, RowFormat] = {
    f.name: f
    for f in (
        RowFormat("table", "text/plain; charset=utf-8", "txt", write_table),
        RowFormat("csv", "text/csv; charset=utf-8", "csv", write_csv),
        RowFormat("tsv", "text/tab-separated-values; charset=utf-8", "tsv", write_tsv),
        RowFormat("json", "application/json", "json", write_json),
        RowFormat("markdown", "text/markdown; charset=utf-8", "md", write_markdown),
    )
}

# SPARQL 1.1 result formats, by media type.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}

# RDF graph formats, by media type.
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


# --- content negotiation ---------------------------------------------------------------

SELECT_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]
GRAPH_TYPES = [
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "application/trig",
    "application/n-quads",
]
# Names accepted by the `format` parameter (and file suffixes), per kind of result.
FORMAT_NAMES: dict[str, dict[str, str]] = {
    "select": {
        "json": SELECT_TYPES[0],
        "srj": SELECT_TYPES[0],
        "xml": SELECT_TYPES[1],
        "srx": SELECT_TYPES[1],
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    },
    "graph": {
        "turtle": "text/turtle",
        "ttl": "text/turtle",
        "nt": "application/n-triples",
        "ntriples": "application/n-triples",
        "rdfxml": "application/rdf+xml",
        "xml": "application/rdf+xml",
        "rdf": "application/rdf+xml",
        "jsonld": "application/ld+json",
        "json": "application/ld+json",
        "trig": "application/trig",
        "nq": "application/n-quads",
        "nquads": "application/n-quads",
    },
}
# Common synonyms clients send in Accept.
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json+ld": "application/ld+json",
    "text/x-nquads": "application/n-quads",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q values, best first (stable for equal q)."""
    ranges = []
    for position, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def negotiate(
    accept: str | None, offered: list[str], aliases: dict[str, str] | None = None
) -> str | None:
    """The offered type the client likes best; the first offered one for */*; None if the
    client accepts none of them (a 406)."""
    aliases = ALIASES if aliases is None else aliases
    for media, _ in parse_accept(accept):
        media = aliases.get(media, media)
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None


# --- answers of ASK, CONSTRUCT and DESCRIBE on the command line ----------------------------

# RDF formats for CONSTRUCT and DESCRIBE answers (`kg query --format`).
TRIPLE_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def write_triples(triples: list[ox.Triple], name: str) -> str:
    fmt = TRIPLE_FORMATS[name]
    prefixes = PREFIXES if fmt is ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes).decode("utf-8")


def write_boolean(value: bool, name: str) -> str:
    """An ASK answer: ``yes`` or ``no``; with ``json``, the W3C JSON form."""
    if name == "json":
        return json.dumps({"head": {}, "boolean": value}) + "\n"
    return ("yes" if value else "no") + "\n"


ANSWER_FORMATS = sorted(ROW_FORMATS) + sorted(TRIPLE_FORMATS)


def write_answer(answer: Answer, fmt: str | None, table_width: int | None = 60) -> str:
    """Any query's answer as text for the command line; ``fmt`` None picks the default of
    its form (a table, yes/no, Turtle). A format that does not fit the form is an error."""
    if isinstance(answer, bool):
        if fmt in TRIPLE_FORMATS:
            raise QueryError(
                f"an ASK query answers yes or no: use --format table or json, not {fmt}"
            )
        return write_boolean(answer, fmt or "table")
    if isinstance(answer, list):
        if fmt not in (None, *TRIPLE_FORMATS):
            raise QueryError(
                "CONSTRUCT and DESCRIBE answer with RDF: use --format turtle, nt or jsonld, "
                f"not {fmt}"
            )
        return write_triples(answer, fmt or "turtle")
    if fmt in TRIPLE_FORMATS:
        raise QueryError(
            f"a SELECT query answers with rows: use --format table, csv, tsv or json, not {fmt}"
        )
    if fmt in (None, "table"):
        return write_table(answer, table_width)
    return ROW_FORMATS[fmt].write(answer)
