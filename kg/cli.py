"""The ``kg`` command line (minimal for now; grows with the pipeline)."""

from __future__ import annotations

import sys

import click

from kg import integrity
from kg.errors import KGError
from kg.sources import load_corpus


@click.group()
def main() -> None:
    """Ata Zan: the Constitution of Kazakhstan as a knowledge graph."""


@main.command()
def validate() -> None:
    """Check the data files."""
    try:
        corpus = load_corpus()
    except KGError as exc:
        click.echo(f"cannot load: {exc}", err=True)
        sys.exit(2)
    problems = integrity.check(corpus)
    for p in problems:
        click.echo(str(p))
    click.echo(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
