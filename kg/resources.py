"""Where the shipped files are: the curated data, the ontology and the named queries.

In a checkout (and an editable install) they are the top-level ``data/``, ``ontology/`` and
``queries/`` of the repository. A wheel carries the same directories inside the package as
``kg/_share/`` (see ``[tool.setuptools]`` in pyproject.toml), so ``pip install .``,
``pipx install .`` and an installed wheel work from any directory. Nothing is written here:
an installed package keeps its built dumps in the user's cache directory instead.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
_SHARE = PACKAGE / "_share"

# True when running from a wheel (or `pip install .`), False in a checkout.
INSTALLED = (_SHARE / "queries").is_dir()


def shipped(name: str) -> Path:
    """The shipped directory ``name`` (``data``, ``ontology`` or ``queries``)."""
    return (_SHARE if INSTALLED else CHECKOUT) / name


DATA_DIR = shipped("data")
ONTOLOGY_DIR = shipped("ontology")
QUERIES_DIR = shipped("queries")
