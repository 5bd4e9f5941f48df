"""Group-aware thresholds, before and after, on CLINC150 (public data nobody here wrote).

Run: .venv/bin/python bench/fairness_mitigation.py [--data PATH/TO/clinc150/data_full.json]

The intent model is trained as bench/intent.py trains it (train + oos_train, abstention tuned
on val + oos_val). Then, on the in-scope messages only:
    score = the model's confidence in its top intent
    label = 1 when that intent is the true one (acting automatically would be right)
    group = the CLINC150 domain of the true intent (banking, travel, ...; 10 groups): a
            stand-in for an operational attribute known at decision time, because CLINC150
            has no customer attributes. It is a real attribute of the data, not one we made.
Before: one threshold for everyone (the model's own). After: one threshold per domain from
`trustdesk.fairness.thresholds`, fitted on val, measured once on test (4,500 messages).

Then the same on a SYNTHETIC set (said so in its output): three groups whose scores are
shifted against each other, 20,000 rows to fit and another 20,000 (another seed) to measure.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from trustdesk.ai.intent.model import IntentModel
from trustdesk.fairness.thresholds import before_after, fit_group_thresholds

CLINC = Path("/work/shared/data/clinc150/data_full.json")
OOS = "oos"


def _rows(data: dict[str, Any], *keys: str) -> tuple[list[str], list[str]]:
    rows = [row for key in keys for row in data[key]]
    return [t for t, _ in rows], [label for _, label in rows]


def scored(model: IntentModel, texts: list[str], labels: list[str],
           domain_of: dict[str, str]) -> tuple[Any, Any, Any]:
    predictions = model.predict_many(texts)
    score = np.array([p.confidence for p in predictions])
    right = np.array([p.label == gold for p, gold in zip(predictions, labels, strict=True)])
    domain = np.array([domain_of[gold] for gold in labels], dtype=object)
    return score, right, domain


def _line(name: str, side: dict[str, Any], constraint_rate: str) -> str:
    ivl = side["intervals"]
    key = ("demographic_parity_difference" if constraint_rate == "selection_rate"
           else "equal_opportunity_difference")
    lo, hi = ivl[key]
    return (f"  {name:<6} {key} {side[key]:.3f} [{lo:.3f}, {hi:.3f}]  "
            f"accuracy {side['accuracy']:.3f}  automated {side['selection_rate']:.3f}")


def synthetic(n: int, seed: int) -> tuple[Any, Any, Any]:
    """Three groups of different size, base rate and score shift (group c scores lower)."""
    rng = np.random.default_rng(seed)
    g = rng.choice(np.array(["a", "b", "c"], dtype=object), n, p=[0.5, 0.3, 0.2])
    y = rng.random(n) < np.where(g == "a", 0.7, np.where(g == "b", 0.5, 0.4))
    s = np.clip(rng.normal(np.where(y, 0.65, 0.4) - np.where(g == "c", 0.1, 0.0), 0.15), 0, 1)
    return s, y, g


def _compare(name: str, fit: tuple[Any, Any, Any], measure: tuple[Any, Any, Any],
             threshold: float, groups: str) -> None:
    for constraint, rate in (("demographic_parity", "selection_rate"),
                             ("equal_opportunity", "true_positive_rate")):
        fitted = fit_group_thresholds(*fit, constraint=constraint,  # type: ignore[arg-type]
                                      default=threshold)
        report = before_after(measure[0], measure[1], {"group": measure[2]}, fitted,
                              attribute="group", threshold=threshold)
        print(f"{name}, {constraint}: fitted (target rate {fitted.target_rate:.3f}), measured "
              f"on other rows ({len(measure[0]):,}, {groups}):")
        print(_line("before", report["before"], rate))
        print(_line("after", report["after"], rate))
        print(f"  thresholds: {({k: round(v, 3) for k, v in fitted.thresholds.items()})}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=CLINC)
    args = parser.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    domains = json.loads((args.data.parent / "domains.json").read_text(encoding="utf-8"))
    domain_of = {intent: domain for domain, intents in domains.items() for intent in intents}

    started = time.perf_counter()
    model = IntentModel.train(*_rows(data, "train", "oos_train"), oos_label=OOS,
                              validation=_rows(data, "val", "oos_val"), c=1.0, min_df=2,
                              min_oos_recall=0.5)
    print(f"trained in {time.perf_counter() - started:.1f} s; model threshold "
          f"{model.threshold:.4f}")
    val = scored(model, *_rows(data, "val"), domain_of)
    test = scored(model, *_rows(data, "test"), domain_of)
    _compare("CLINC150 (val -> test)", val, test, model.threshold, "10 domains")
    _compare("SYNTHETIC", synthetic(20_000, 1), synthetic(20_000, 2), 0.5, "3 groups")


if __name__ == "__main__":
    main()
