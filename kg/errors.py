"""Errors that the command line and the server turn into clear messages.

Every error names what the user can act on: the data file and line, the query name, the
setting. None of them should ever reach a user as a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


class KGError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True)
class Where:
    """A place in a data file, for error messages: ``data/x.yaml:12``."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{_display(self.path)}:{self.line}"


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class SourceDataError(KGError):
    """A data file cannot be read: bad YAML, a missing field, a value of the wrong kind."""

    def __init__(self, where: Where, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class DataDirectoryError(SourceDataError):
    """The data directory itself is missing."""

    def __init__(self, path: Path) -> None:
        message = f"the data directory {_display(path)} does not exist (see --data, KG_DATA_DIR)"
        KGError.__init__(self, message)
        self.where = Where(path, 0)
        self.message = message


class IntegrityError(KGError):
    """The data files load but do not fit together (unknown ids, missing provisions, ...)."""

    def __init__(self, problems: list[str], data_dir: Path | None = None) -> None:
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        place = f"{_display(data_dir)}/" if data_dir else "the data"
        super().__init__(f"{len(problems)} integrity problem(s) in {place}:\n{shown}{more}")
        self.problems = problems


class UnknownQuery(KGError):
    """A named query that does not exist."""

    def __init__(self, name: str, available: list[str]) -> None:
        close = difflib.get_close_matches(name, available, n=3, cutoff=0.6)
        mean = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        super().__init__(f"no named query {name!r}{mean} (available: {', '.join(available)})")
        self.name = name
        self.available = available


class QueryError(KGError):
    """A query that cannot run: a syntax error, a bad parameter, a refused feature."""


class QueryTimeout(KGError):
    """A query that ran past its time limit and was stopped."""


class WorkerLost(QueryTimeout):
    """The worker process running a query died (killed, out of memory); the query was not
    answered and may be retried."""


class SettingError(KGError):
    """A setting with a value that cannot be used."""
