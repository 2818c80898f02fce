"""Assemble docs/review/<version>.csv from the two independent readings and the
reconciliations, and print the figures of the review.

    python scripts/review_table.py 2026

Inputs (docs/review/): readings/<version>-g<N>-a.csv (first reading), readings/<version>-g<N>-b.csv
(second reading), reconciliation-<version>-g<N>.csv (the third reading against the text and
what changed in data/). Output: docs/review/<version>.csv, one row per record.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from kg.sources import load_corpus

REVIEW = Path(__file__).resolve().parent.parent / "docs" / "review"
COLUMNS = [
    "record_id",
    "kind",
    "provision",
    "first_verdict",
    "first_defects",
    "second_verdict",
    "second_defects",
    "reconciled_verdict",
    "reconciled_defects",
    "reconciled_change",
    "change_type",
    "records_added",
]


def key(row: dict[str, str]) -> tuple[str, str]:
    # MISSING rows are told apart by their provision.
    return (row["record_id"], row["provision"] if row["record_id"] == "MISSING" else "")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def record_ids(version: str) -> set[str]:
    """Ids of the powers, rights and duties now in data/."""
    corpus = load_corpus()
    return {
        r.id
        for d in corpus.documents
        if d.version == version
        for s in d.sections
        for r in (*s.powers, *s.rights, *s.duties)
    }


def main(version: str) -> None:
    known = record_ids(version)
    rows: list[dict[str, str]] = []
    first_kinds: Counter[str] = Counter()
    first_counts: Counter[str] = Counter()
    groups = sorted(
        {p.name.split("-")[1] for p in (REVIEW / "readings").glob(f"{version}-g*-a.csv")}
    )
    for group in groups:
        first = {key(r): r for r in read(REVIEW / "readings" / f"{version}-{group}-a.csv")}
        second = {key(r): r for r in read(REVIEW / "readings" / f"{version}-{group}-b.csv")}
        for r in first.values():
            if r["record_id"] != "MISSING":
                first_counts[(r["kind"], r["verdict"])] += 1
                if r["verdict"] == "defect":
                    for k in filter(None, (x.strip() for x in r["defect_kinds"].split(";"))):
                        first_kinds[(r["kind"], k)] += 1
        for rec in read(REVIEW / f"reconciliation-{version}-{group}.csv"):
            a, b = first.get(key(rec), {}), second.get(key(rec), {})
            rows.append(
                {
                    "record_id": rec["record_id"],
                    "kind": rec["kind"],
                    "provision": rec["provision"],
                    "first_verdict": a.get("verdict", ""),
                    "first_defects": a.get("defect_kinds", ""),
                    "second_verdict": b.get("verdict", ""),
                    "second_defects": b.get("defect_kinds", ""),
                    "reconciled_verdict": rec["reconciled_verdict"],
                    "reconciled_defects": rec["defect_kinds"],
                    "reconciled_change": rec["reconciled_change"],
                    "change_type": rec["change_type"],
                    # a provision found without a record names the records added for it
                    "records_added": "; ".join(
                        sorted(
                            i
                            for i in known
                            if re.search(rf"\b{re.escape(i)}\b", rec["reconciled_change"])
                        )
                    )
                    if rec["record_id"] == "MISSING"
                    else "",
                }
            )
    covered = {r["record_id"] for r in rows} | {
        i for r in rows for i in r["records_added"].split("; ") if i
    }
    uncovered = sorted(known - covered)
    print(f"records in data/ not covered by the review: {len(uncovered)} {uncovered}")
    out = REVIEW / f"{version}.csv"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {out} ({len(rows)} rows)")
    for kind in ("power", "right", "duty"):
        ok, bad = first_counts[(kind, "ok")], first_counts[(kind, "defect")]
        if ok + bad:
            print(f"first reading, {kind}: {bad} of {ok + bad} defective ({bad / (ok + bad):.1%})")
    print("first reading, defects of powers by kind (a record may have several):")
    for (kind, k), n in sorted(first_kinds.items(), key=lambda x: -x[1]):
        if kind == "power":
            print(f"  {k}: {n}")
    agree = sum(1 for r in rows if r["first_verdict"] and r["first_verdict"] == r["second_verdict"])
    both = sum(1 for r in rows if r["first_verdict"] and r["second_verdict"])
    print(f"the two readings agree on {agree} of {both} records read by both")
    print("changes:", dict(Counter(r["change_type"] for r in rows)))
    print("reconciled verdicts:", dict(Counter(r["reconciled_verdict"] for r in rows)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "2026")
