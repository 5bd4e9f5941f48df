"""Does a cross-fitted threshold beat the plain fit? Measured inside the dev splits only.

Run: .venv/bin/python bench/kb_cross_fit.py [--sets demo-independent,transit] [--repeats 40]

Each set's dev questions are halved at random (stratified by right/wrong) `--repeats` times;
the calibration is fitted on one half, plain (`Calibration.fit`) and k-fold
(`trustdesk.ai.kb.cross_fit`), and read on the other half: precision of the answers sent,
right answers over answerable questions, and how often the half's precision falls below the
target. No test split is read.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Sequence

from kb import Outcome, demo_intent_model, load_sets, trustdesk  # bench/ is on the path
from trustdesk.ai.kb import KnowledgeBase
from trustdesk.ai.kb.calibration import Calibration
from trustdesk.ai.kb.cross_fit import cross_fit


def read(outcomes: Sequence[Outcome], calibration: Calibration) -> tuple[float, float, int]:
    sent = [o for o in outcomes if calibration.probability(o.inputs) >= calibration.threshold]
    right = sum(o.right for o in sent)
    answerable = max(sum(bool(o.question.answers) for o in outcomes), 1)
    return (right / len(sent) if sent else 1.0), right / answerable, len(sent)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="demo-ours,demo-independent,transit")
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--target-precision", type=float, default=0.95)
    args = parser.parse_args(argv)
    sets = load_sets(args.sets.split(","))
    intents = demo_intent_model() if any(s.intents for s in sets) else None
    target = args.target_precision
    for qs in sets:
        kb = KnowledgeBase.from_documents(
            qs.documents, intents=intents if qs.intents else None)  # type: ignore[arg-type]
        dev = [o for o in trustdesk(kb, qs.questions) if o.question.split == "dev"]
        rng = random.Random(0)
        results: dict[str, list[tuple[float, float, int]]] = {"plain": [], "k-fold": []}
        for _ in range(args.repeats):
            halves: tuple[list[Outcome], list[Outcome]] = ([], [])
            for label in (True, False):
                group = [o for o in dev if o.right is label]
                rng.shuffle(group)
                for rank, o in enumerate(group):
                    halves[rank % 2].append(o)
            fit_on, read_on = halves
            inputs, correct = [o.inputs for o in fit_on], [o.right for o in fit_on]
            plain = Calibration.fit(inputs, correct, target_precision=target)
            folded = cross_fit(inputs, correct, folds=args.folds, target_precision=target)
            results["plain"].append(read(read_on, plain))
            results["k-fold"].append(read(read_on, folded))
        print(f"== {qs.name}: {len(dev)} dev questions, {args.repeats} random halvings, "
              f"{args.folds} folds, target precision {target}")
        for name, rows in results.items():
            precision = statistics.mean(r[0] for r in rows)
            coverage = statistics.mean(r[1] for r in rows)
            below = sum(r[0] < target for r in rows) / len(rows)
            sent = statistics.mean(r[2] for r in rows)
            print(f"  {name:7} precision {precision:.3f}  right/answerable {coverage:.3f}  "
                  f"sent {sent:.1f}  halves below target {below:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
