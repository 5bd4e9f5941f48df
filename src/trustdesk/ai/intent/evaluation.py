"""Measure an intent model on labelled texts: accuracy, abstention, calibration, latency."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from trustdesk.ai.intent.calibration import expected_calibration_error
from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.training import overlap_with_digests

ABSTAIN = "<abstain>"


@dataclass(frozen=True)
class Evaluation:
    """Figures for one model on one labelled set; abstentions count as the out-of-scope label."""

    rows: int
    accuracy: float
    macro_f1: float
    in_scope_accuracy: float
    oos_recall: float | None  # None when the set has no out-of-scope rows
    expected_calibration_error: float
    latency_p50_ms: float
    latency_p95_ms: float
    overlap_with_training: int  # rows that exactly duplicate a training text (after normalise)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def evaluate(model: IntentModel, texts: Sequence[str], labels: Sequence[str]) -> Evaluation:
    """Predict every text one at a time (timing each) and score against labels."""
    from sklearn.metrics import f1_score

    if not texts:
        raise ValueError("nothing to evaluate: no labelled rows")
    oos = model.oos_label or ABSTAIN
    predicted: list[str] = []
    top: list[str] = []
    confidences: list[float] = []
    latencies: list[float] = []
    for text in texts:
        started = time.perf_counter()
        p = model.predict(text)
        latencies.append(time.perf_counter() - started)
        predicted.append(p.label if p.in_scope else oos)
        top.append(p.label)
        confidences.append(p.confidence)
    gold = np.asarray(labels, dtype=object)
    pred = np.asarray(predicted, dtype=object)
    is_oos = gold == oos
    lat_ms = np.asarray(latencies) * 1000
    return Evaluation(
        rows=len(texts),
        accuracy=float((pred == gold).mean()),
        macro_f1=float(f1_score(gold.astype(str), pred.astype(str), average="macro")),
        in_scope_accuracy=float((pred == gold)[~is_oos].mean()) if (~is_oos).any() else 0.0,
        oos_recall=float((pred == oos)[is_oos].mean()) if is_oos.any() else None,
        expected_calibration_error=expected_calibration_error(
            confidences, [t == g for t, g in zip(top, labels, strict=True)]
        ),
        latency_p50_ms=float(np.percentile(lat_ms, 50)),
        latency_p95_ms=float(np.percentile(lat_ms, 95)),
        overlap_with_training=len(overlap_with_digests(model.train_digests, texts)),
    )
