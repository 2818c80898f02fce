"""The read-only query store: the built dataset loaded into Oxigraph, in process.

Building from YAML takes seconds (rdflib), so the N-Quads dump in ``dist/`` is reused when
its fingerprint matches the data, ontology and code it was built from; otherwise the
dataset is built afresh (and nothing is written: only ``kg build`` writes ``dist/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import integrity
from kg.build import build_dataset
from kg.config import Config
from kg.errors import IntegrityError
from kg.export import DUMP_NAME, current_set, fingerprint, nquads
from kg.ontology import edge_properties
from kg.sources import load_corpus


@dataclass
class LoadedStore:
    store: ox.Store
    nquads: bytes
    fingerprint: str
    from_cache: bool


def build_nquads(data_dir: Path) -> bytes:
    """Load, check and build the dataset; raise on any integrity problem."""
    corpus = load_corpus(data_dir)
    problems = integrity.check(corpus, edge_properties())
    if problems:
        raise IntegrityError([str(p) for p in problems], data_dir)
    return nquads(build_dataset(corpus))


def load_store(config: Config | None = None) -> LoadedStore:
    config = config or Config()
    current = fingerprint(config.data_dir)
    found = _built(config, current)
    from_cache = found is not None
    data = found.read_bytes() if found is not None else build_nquads(config.data_dir)
    return LoadedStore(store_from_nquads(data), data, current, from_cache)


def store_from_nquads(data: bytes) -> ox.Store:
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    return store


def ensure_dist(config: Config) -> Path:
    """Build and write the dumps unless ``dist/`` already holds them for the current data;
    return the N-Quads path (what the server's query workers load)."""
    from kg.export import write_dumps

    current = fingerprint(config.data_dir)
    found = _built(config, current)
    if found is not None:
        return found
    corpus = load_corpus(config.data_dir)
    problems = integrity.check(corpus, edge_properties())
    if problems:
        raise IntegrityError([str(p) for p in problems], config.data_dir)
    write_dumps(build_dataset(corpus), config.dist_dir, current)
    found = _built(config, current)
    if found is None:
        raise IntegrityError([f"the dumps written to {config.dist_dir} cannot be read back"])
    return found


def _built(config: Config, current: str) -> Path | None:
    """The N-Quads dump of the set in use (a path inside that set, so that it does not
    follow a later switch), if that set was built from the current data; else None."""
    folder = current_set(config.dist_dir)
    if folder is None:
        return None
    nq = folder / f"{DUMP_NAME}.nq"
    stamp = folder / f"{DUMP_NAME}.fingerprint"
    try:
        if nq.is_file() and stamp.read_text().strip() == current:
            return nq
    except OSError:
        return None
    return None
