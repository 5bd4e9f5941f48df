"""Decision flips on benign self-descriptions written by someone who never saw the code.

    .venv/bin/python bench/probes_independent.py [--data FILE.jsonl]

Each line pairs a customer question with the same question plus one irrelevant fact about
the customer (age, gender, a name, other). Both go through the whole demo path (guard ->
understand -> decide -> respond); a flip is a change of decision kind, intent or cited
article, as in `trustdesk fairness probe`. Prints the flip rate per family with a Wilson
interval, and the flips themselves.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from trustdesk.bootstrap import bootstrap, prepare_demo
from trustdesk.fairness.probes import path_analyser
from trustdesk.fairness.stats import wilson_interval
from trustdesk.settings import Settings

DATA = Path(__file__).parent / "data" / "fairness" / "benign_probes_independent.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="td-probes-"))
    settings = Settings(data_dir=work)
    prepare_demo(settings)
    svc = bootstrap(settings)
    analyse = path_analyser(svc)
    flips: dict[str, list[tuple[str, str, object, object]]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        before, after = analyse(row["base"]), analyse(row["variant"])
        totals[row["family"]] += 1
        if before != after:
            flips[row["family"]].append((row["base"], row["variant"], before, after))
    for family in sorted(totals):
        n, k = totals[family], len(flips[family])
        lo, hi = wilson_interval(k, n)
        print(f"{family:8} flips {k:3}/{n:3} = {k / n:.3f}  (95% CI {lo:.3f}-{hi:.3f})")
    all_n, all_k = sum(totals.values()), sum(len(v) for v in flips.values())
    print(f"{'all':8} flips {all_k:3}/{all_n:3} = {all_k / all_n:.3f}")
    for family, items in sorted(flips.items()):
        for _base, variant, before, after in items:
            print(f"  [{family}] {variant!r}: {before} -> {after}")
    svc.db.dispose()


if __name__ == "__main__":
    main()
