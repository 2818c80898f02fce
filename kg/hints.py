"""Hints for a named query whose parameters matched nothing: which parameter is to blame,
and the closest values it could take ("no holder 'presdient'; did you mean 'President'?").

A parameter is to blame when the query finds rows without it (keeping the others); its
candidate values are then the values of the column of the same name in those rows. The
query itself is never changed: this reruns it with fewer parameters.
"""

from __future__ import annotations

import difflib

import pyoxigraph as ox

from kg.errors import KGError
from kg.queries import NamedQuery, select

_SHOWN = 6


def empty_result_hints(store: ox.Store, query: NamedQuery, params: dict[str, str]) -> list[str]:
    """One line per parameter that matched nothing (empty if none can be blamed)."""
    hints = []
    if "version" in params:
        known = _versions(store)
        if params["version"] not in known:
            return [f"no constitution {params['version']!r}; versions: {', '.join(known)}"]
    for key, value in params.items():
        others = {k: v for k, v in params.items() if k != key}
        try:
            without = select(store, query.bind(others))
        except KGError:
            continue
        if not without.rows:
            continue  # another parameter is to blame
        if key not in without.columns:
            hints.append(f"no rows with {key} {value!r}")
            continue
        values = sorted({str(r[key]) for r in without.rows if r[key] not in (None, "")})
        by_lower = {v.lower(): v for v in values}
        if value.lower() in by_lower:
            continue  # the value exists; the combination is what is empty
        close = difflib.get_close_matches(value.lower(), list(by_lower), n=3, cutoff=0.6)
        where = f" among the rows with {_describe(others)}" if others else ""
        if close:
            shown = " or ".join(repr(by_lower[c]) for c in close)
            hints.append(f"no {key} {value!r}{where}; did you mean {shown}?")
        else:
            some = ", ".join(repr(v) for v in values[:_SHOWN])
            more = ", ..." if len(values) > _SHOWN else ""
            hints.append(f"no {key} {value!r}{where}; {key} takes values such as {some}{more}")
    if not hints and params:
        hints.append(f"no rows match {_describe(params)}")
    return hints


def _describe(params: dict[str, str]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in params.items())


def _versions(store: ox.Store) -> list[str]:
    result = select(store, "SELECT DISTINCT ?v WHERE { ?c ata:version ?v }")
    return sorted(str(r["v"]) for r in result.rows)
