"""Reweighing before/after on CLINC150 texts with a SEMI-SYNTHETIC group (said so in the output).

Run: .venv/bin/python bench/fairness_reweighing.py [--data PATH/TO/clinc150/data_full.json]

The texts and intents are CLINC150's (public, nobody here wrote them). CLINC150 has no
customer attributes, so the group is made up, as a biased sample would make it: in the
training split, rows of the banking and credit_cards domains came by "email" with probability
0.9 and every other row with probability 0.1; an email row gets an email-style frame around
its text ("Hello, ... Kind regards"). In val and test the channel is independent of the intent
(probability 0.5 for every row), with the same frame. A model trained on the biased rows can
learn "the frame means banking"; reweighing by channel x intent removes that link from the fit.
Reported: per-channel accuracy on test (4,500 in-scope + 1,000 out-of-scope rows), trained
without and with the weights, same seed, same everything else.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from trustdesk.ai.intent.model import IntentModel
from trustdesk.fairness.reweighing import accuracy_by_group, reweighing_weights

CLINC = Path("/work/shared/data/clinc150/data_full.json")
OOS = "oos"
BIASED_DOMAINS = ("banking", "credit_cards")


def framed(text: str) -> str:
    return f"Hello, {text}. Kind regards"


def channelled(rows: list[list[str]], domain_of: dict[str, str], rng: random.Random, *,
               biased: bool) -> tuple[list[str], list[str], list[str]]:
    texts, labels, channels = [], [], []
    for text, label in rows:
        p = (0.9 if domain_of.get(label) in BIASED_DOMAINS else 0.1) if biased else 0.5
        email = rng.random() < p
        texts.append(framed(text) if email else text)
        labels.append(label)
        channels.append("email" if email else "chat")
    return texts, labels, channels


def _side(name: str, figures: dict[str, Any]) -> str:
    groups = "  ".join(f"{g} {v['accuracy']:.3f} [{v['lower']:.3f}, {v['upper']:.3f}] (n={v['n']})"
                       for g, v in sorted(figures["by_group"].items()))
    lo, hi = figures["accuracy_difference_interval"]
    return (f"  {name:<6} accuracy {figures['accuracy']:.3f}; "
            f"gap {figures['accuracy_difference']:.3f} [{lo:.3f}, {hi:.3f}]; {groups}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=CLINC)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    domains = json.loads((args.data.parent / "domains.json").read_text(encoding="utf-8"))
    domain_of = {intent: domain for domain, intents in domains.items() for intent in intents}
    rng = random.Random(args.seed)
    train = channelled(data["train"] + data["oos_train"], domain_of, rng, biased=True)
    val = channelled(data["val"] + data["oos_val"], domain_of, rng, biased=False)
    test = channelled(data["test"] + data["oos_test"], domain_of, rng, biased=False)
    weights = reweighing_weights(train[2], train[1])
    print("SEMI-SYNTHETIC groups on CLINC150 texts (see the docstring); "
          f"train {len(train[0]):,} rows, weights {weights.min():.2f}-{weights.max():.2f}")
    for name, sample_weight in (("before", None), ("after", weights.tolist())):
        started = time.perf_counter()
        model = IntentModel.train(train[0], train[1], oos_label=OOS, validation=(val[0], val[1]),
                                  c=1.0, min_df=2, min_oos_recall=0.5, seed=args.seed,
                                  sample_weight=sample_weight)
        figures = accuracy_by_group(model, test[0], test[1], test[2])
        print(_side(name, figures) + f"  (trained in {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
