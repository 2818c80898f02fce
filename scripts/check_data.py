"""Load data/ and print the integrity problems, optionally only those in the given files.

    python scripts/check_data.py [constitution-1995/section-04.yaml | section-04.yaml ...]

A quick check while curating; `kg validate` runs these and the SHACL shapes.
"""

import sys

from kg import integrity
from kg.errors import SourceDataError
from kg.ontology import edge_properties
from kg.sources import load_corpus

try:
    corpus = load_corpus()
except SourceDataError as exc:
    print(f"cannot load: {exc}")
    sys.exit(2)
wanted = sys.argv[1:]
problems = [
    p
    for p in integrity.check(corpus, edge_properties())
    if not wanted or any(p.where.path.as_posix().endswith("/" + w.lstrip("/")) for w in wanted)
]
for p in problems:
    print(p)
print(f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
