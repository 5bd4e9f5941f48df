"""Abstention signals for the embedding backend: how far a text is from everything in scope."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from trustdesk.ai.intent.calibration import FloatArray, ThresholdChoice, wilson_lower

ABSTENTION_SIGNALS = ("log_max_probability", "log_out_of_scope_probability",
                      "nearest_centroid_cosine")
_LOG_FLOOR = 1e-6


def abstention_signals(
    probs: FloatArray, vectors: FloatArray, centroids: FloatArray, oos_index: int
) -> FloatArray:
    """One row of ABSTENTION_SIGNALS per text."""
    similarity = vectors @ centroids.T
    similarity[:, oos_index] = -1.0  # the out-of-scope row is not a centroid
    out: FloatArray = np.column_stack([
        np.log(probs.max(axis=1) + _LOG_FLOOR),
        np.log(probs[:, oos_index] + _LOG_FLOOR),
        similarity.max(axis=1),
    ])
    return out


def class_centroids(
    vectors: FloatArray, labels: Sequence[str], classes: tuple[str, ...], oos_label: str
) -> FloatArray:
    """Unit-length mean embedding per label, in model order; zeros for out_of_scope."""
    label_arr = np.asarray(labels, dtype=object)
    out = np.zeros((len(classes), vectors.shape[1]))
    for k, label in enumerate(classes):
        if label != oos_label:
            mean = vectors[label_arr == label].mean(axis=0)
            out[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def threshold_for_accuracy(
    predicted: Sequence[str],
    scores: FloatArray,
    gold: np.ndarray[Any, Any],
    oos_label: str | None,
    min_accuracy: float,
) -> ThresholdChoice:
    """Highest oos recall whose in-scope accuracy 95% lower bound >= min_accuracy."""
    pred = np.asarray(predicted, dtype=object)
    is_oos = gold == oos_label
    correct = (pred == gold)[~is_oos]
    said_oos = pred == oos_label
    rows: list[tuple[float, float, float]] = []
    for t in np.unique(np.concatenate([[0.0], scores])):
        abstain = said_oos | (scores < t)
        rows.append((float(t), float((correct & ~abstain[~is_oos]).mean()),
                     float(abstain[is_oos].mean())))
    n_in = int((~is_oos).sum())
    feasible = [i for i, r in enumerate(rows) if wilson_lower(r[1], n_in) >= min_accuracy]
    if feasible:
        objective = f"max oos recall, in-scope accuracy 95% lower bound >= {min_accuracy:.3f}"
        best = max(feasible, key=lambda i: (rows[i][2], rows[i][1], -i))
    else:
        objective = "max in-scope accuracy (none reached the accuracy bound)"
        best = max(range(len(rows)), key=lambda i: (rows[i][1], rows[i][2], -i))
    t, acc, recall = rows[best]
    if best > 0:  # every threshold above the previous score, up to t, gives the same outcome
        t = (rows[best - 1][0] + t) / 2
    return ThresholdChoice(t, acc, recall, objective)
