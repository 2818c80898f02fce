"""SPARQL 1.1 query results in the W3C formats, written from Oxigraph solutions.

Written here rather than by Oxigraph so that results can be cut at the row limit: the
writers take any sequence of solutions. Specs: SPARQL 1.1 Query Results JSON Format,
XML Format, and CSV and TSV Formats.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring as _encode  # what json.dumps uses for str
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None
Rows = Sequence[Sequence[Term]]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
COMPACT = (",", ":")  # JSON results are written without spaces, as Oxigraph writes them
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise TypeError(term)


def _json_fragment(term: Term) -> str:
    """One term as the text ``json.dumps(_json_term(term), ...)`` gives (compact),
    built from the C string encoder without the intermediate dict (several times faster)."""
    kind = type(term)
    if kind is ox.NamedNode:
        return '{"type":"uri","value":' + _encode(term.value) + "}"
    if kind is ox.Literal:
        value = _encode(term.value)
        language = term.language
        if language:
            return '{"type":"literal","value":' + value + ',"xml:lang":' + _encode(language) + "}"
        datatype = term.datatype.value
        if datatype != XSD_STRING:
            return '{"type":"literal","value":' + value + ',"datatype":' + _encode(datatype) + "}"
        return '{"type":"literal","value":' + value + "}"
    if kind is ox.BlankNode:
        return '{"type":"bnode","value":' + _encode(term.value) + "}"
    return json.dumps(_json_term(term), ensure_ascii=False, separators=COMPACT)


def _head(variables: list[str]) -> str:
    """``{"head":{"vars":[...]}``: what json.dumps gives, compact, without its encoder's
    set-up on every answer."""
    return '{"head":{"vars":[' + ",".join(_encode(v) for v in variables) + "]}"


def select_json(variables: list[str], rows: Rows) -> bytes:
    # Written as text from per-term fragments: the same labels recur on many rows, and this
    # is several times faster than building dicts for json.dumps.
    fragments: dict[Term, str] = {}
    names = [_encode(v) + ":" for v in variables]
    bindings = []
    for row in rows:
        cells = []
        for name, term in zip(names, row, strict=True):
            if term is None:
                continue
            fragment = fragments.get(term)
            if fragment is None:
                fragment = fragments[term] = _json_fragment(term)
            cells.append(name + fragment)
        bindings.append("{" + ",".join(cells) + "}")
    body = _head(variables) + ',"results":{"bindings":[' + ",".join(bindings) + "]}}"
    return body.encode("utf-8")


def select_json_from_oxigraph(variables: list[str], written: bytes) -> bytes | None:
    """The bytes select_json writes, from the bytes Oxigraph's JSON results writer gave for
    the same solutions (several times faster than writing them term by term): the same,
    since both write compact JSON, order the members alike and escape strings as
    json.dumps(ensure_ascii=False) does (tests/test_results.py checks every term of the
    data). None for a result this does not cover (RDF-star triples): select_json writes it."""
    if not written.startswith(_head(variables).encode("utf-8")) or b'"type":"triple"' in written:
        return None
    return written


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype and term.datatype.value != XSD_STRING:
            return (
                f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
            )
        return f"<literal>{escape(term.value)}</literal>"
    raise TypeError(term)


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def select_xml(variables: list[str], rows: Rows) -> bytes:
    out = [_XML_HEAD, "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        for v, t in zip(variables, row, strict=True):
            if t is not None:
                out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def select_csv(variables: list[str], rows: Rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(
            [
                ""
                if t is None
                else (
                    "_:" + t.value if isinstance(t, ox.BlankNode) else getattr(t, "value", str(t))
                )
                for t in row
            ]
        )
    return buffer.getvalue().encode("utf-8")


def select_tsv(variables: list[str], rows: Rows) -> bytes:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join("" if t is None else _tsv_term(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _tsv_term(term: Term) -> str:
    if (
        isinstance(term, ox.Literal)
        and term.datatype
        and term.datatype.value
        in (
            "http://www.w3.org/2001/XMLSchema#integer",
            "http://www.w3.org/2001/XMLSchema#decimal",
            "http://www.w3.org/2001/XMLSchema#double",
            "http://www.w3.org/2001/XMLSchema#boolean",
        )
        and not term.language
    ):
        return term.value
    return str(term)  # N-Triples form, as the TSV format asks


def ask_json(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


def ask_xml(value: bool) -> bytes:
    return (
        _XML_HEAD + f"<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
    ).encode("utf-8")


def ask_csv(value: bool) -> bytes:
    # The CSV and TSV result formats define no boolean form; engines (Jena, RDF4J) read and
    # write ASK as one row of the variable `_askResult`, so we do the same.
    return b"_askResult\r\n" + (b"true" if value else b"false") + b"\r\n"


def ask_tsv(value: bool) -> bytes:
    return b"?_askResult\n" + (b"true" if value else b"false") + b"\n"


SELECT_WRITERS: dict[str, Callable[[list[str], Rows], bytes]] = {
    "application/sparql-results+json": select_json,
    "application/sparql-results+xml": select_xml,
    "text/csv": select_csv,
    "text/tab-separated-values": select_tsv,
}
ASK_WRITERS: dict[str, Callable[[bool], bytes]] = {
    "application/sparql-results+json": ask_json,
    "application/sparql-results+xml": ask_xml,
    "text/csv": ask_csv,
    "text/tab-separated-values": ask_tsv,
}
