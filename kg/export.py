"""Deterministic dumps of the dataset: the same data gives byte-identical files.

rdflib writes N-Quads, whose lines are sorted; Oxigraph writes Turtle, TriG and JSON-LD
from the quads in sorted order. No blank nodes exist in the dataset (the build refuses
them), so no generated labels can vary between runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import PREFIXES
from kg.resources import ONTOLOGY_DIR, PACKAGE

DUMP_NAME = "atazan"


@dataclass(frozen=True)
class Dump:
    extension: str
    media_type: str
    description: str


DUMPS = (
    Dump("ttl", "text/turtle", "Turtle: all graphs merged into one"),
    Dump(
        "trig",
        "application/trig",
        "TriG: one named graph per constitution, plus the ontology, vocabularies and institutions",
    ),
    Dump("nq", "application/n-quads", "N-Quads, sorted"),
    Dump("jsonld", "application/ld+json", "JSON-LD with named graphs"),
)


def _ox_term(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"cannot export {term!r}: the dataset must hold no blank nodes")


def nquads(dataset: Dataset) -> bytes:
    """The whole dataset as N-Quads, one line per quad, lines sorted."""
    quads = [
        ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), _ox_term(g))  # type: ignore[arg-type]
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None
    ]
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _quads(nq: bytes) -> list[ox.Quad]:
    """Sorted by graph first, so that every graph is written as one block."""
    quads = list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    return sorted(
        quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )


_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def serialize(dataset: Dataset, extension: str, nq: bytes | None = None) -> bytes:
    """One dump as bytes. Pass ``nq`` (from :func:`nquads`) to avoid re-serialising."""
    nq = nq if nq is not None else nquads(dataset)
    if extension == "nq":
        return nq
    if extension not in _OX_FORMATS:
        raise ValueError(f"no dump format {extension!r}")
    quads = _quads(nq)
    if extension == "ttl":
        # Turtle has no named graphs: merge them, dropping triples repeated across graphs.
        seen: dict[str, ox.Triple] = {}
        for q in quads:
            seen.setdefault(str(q.triple), q.triple)
        triples = [seen[k] for k in sorted(seen)]
        return ox.serialize(triples, format=_OX_FORMATS["ttl"], prefixes=PREFIXES)
    return ox.serialize(quads, format=_OX_FORMATS[extension], prefixes=PREFIXES)


SETS = ".sets"  # every complete set of dumps, one directory each
CURRENT = "current"  # symlink to the set in use


def write_dumps(dataset: Dataset, out: Path, fingerprint: str) -> list[Path]:
    """Write a new set of dumps beside the old one and switch to it in one step.

    Each set (the four dumps and the fingerprint of what they were built from) is written
    into a directory of its own under ``out/.sets/``; ``out/current`` is a symlink to the
    set in use, replaced by one rename, and ``out/atazan.nq`` (and the others) are symlinks
    through it. A build stopped at any point leaves ``current`` on the previous complete
    set, so the dumps and the fingerprint always belong together."""
    out.mkdir(parents=True, exist_ok=True)
    sets = out / SETS
    sets.mkdir(exist_ok=True)
    _adopt_plain_files(out)
    fresh = Path(tempfile.mkdtemp(prefix="set-", dir=sets))
    nq = nquads(dataset)
    for dump in DUMPS:
        (fresh / f"{DUMP_NAME}.{dump.extension}").write_bytes(
            serialize(dataset, dump.extension, nq)
        )
    (fresh / f"{DUMP_NAME}.fingerprint").write_text(fingerprint + "\n")
    for path in fresh.iterdir():
        _fsync(path)
    fresh.chmod(0o755)
    previous = current_set(out)
    _symlink_atomically(out / CURRENT, Path(SETS) / fresh.name)
    written = []
    for name in [*(f"{DUMP_NAME}.{d.extension}" for d in DUMPS), f"{DUMP_NAME}.fingerprint"]:
        link = out / name
        target = Path(CURRENT) / name
        if not (link.is_symlink() and Path(os.readlink(link)) == target):
            _symlink_atomically(link, target)
        written.append(link)
    _remove_old_sets(out, keep={fresh.name} | ({previous.name} if previous else set()))
    return written[: len(DUMPS)]


def current_set(out: Path) -> Path | None:
    """The directory of the set of dumps in use, resolved once (so that a reader gets the
    dump and its fingerprint from the same set even if a build switches meanwhile)."""
    link = out / CURRENT
    if link.is_symlink():
        target = link.resolve()
        return target if target.is_dir() else None
    if (out / f"{DUMP_NAME}.nq").is_file():
        return out  # dumps written before sets existed
    return None


def _adopt_plain_files(out: Path) -> None:
    """Dumps written as plain files by an older build become a set of their own, so that
    the first switch is as atomic as the others."""
    plain = [
        out / f"{DUMP_NAME}.{ext}"
        for ext in [d.extension for d in DUMPS] + ["fingerprint"]
        if (out / f"{DUMP_NAME}.{ext}").is_file() and not (out / f"{DUMP_NAME}.{ext}").is_symlink()
    ]
    if not plain or (out / CURRENT).is_symlink():
        for path in plain:
            path.unlink()
        return
    adopted = Path(tempfile.mkdtemp(prefix="set-", dir=out / SETS))
    for path in plain:
        os.link(path, adopted / path.name)
    adopted.chmod(0o755)
    _symlink_atomically(out / CURRENT, Path(SETS) / adopted.name)
    for path in plain:
        _symlink_atomically(path, Path(CURRENT) / path.name)


def _symlink_atomically(link: Path, target: Path) -> None:
    temporary = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(target)
    os.replace(temporary, link)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _remove_old_sets(out: Path, keep: set[str]) -> None:
    """Sets other than the current and the previous one (a server started before this
    build may still serve the previous one), and what interrupted builds left."""
    for entry in (out / SETS).iterdir():
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def fingerprint(data_dir: Path) -> str:
    """A hash of everything the dataset is built from: data, ontology and the build code."""
    digest = hashlib.sha256()
    sources = (
        sorted(data_dir.rglob("*.yaml"))
        + sorted(ONTOLOGY_DIR.glob("*.ttl"))
        + sorted(PACKAGE.glob("*.py"))
    )
    for path in sources:
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
