"""Confidence for the intent model: temperature scaling, calibration error, abstention threshold."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def softmax(logits: FloatArray) -> FloatArray:
    """Row-wise softmax, stable for large logits."""
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / e.sum(axis=-1, keepdims=True)
    return out


def fit_temperature(logits: FloatArray, targets: npt.NDArray[np.int64]) -> float:
    """Temperature T minimising the cross-entropy of softmax(logits / T) (Guo et al., 2017).

    Targets are smoothed as in Platt scaling (true class 1 - 1/(n+2), the rest shared by the
    other classes): on a validation split the model gets entirely right, plain NLL would drive
    T to 0 and every confidence to 1.0, which n examples cannot justify.
    """
    from scipy.optimize import minimize_scalar

    n, k = logits.shape
    eps = 1.0 / (n + 2)
    soft = np.full((n, k), eps / max(k - 1, 1))
    soft[np.arange(n), targets] = 1.0 - eps

    def nll(log_t: float) -> float:
        z = logits / np.exp(log_t)
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-(soft * log_p).sum(axis=1).mean())

    result = minimize_scalar(nll, bounds=(-7.0, 5.0), method="bounded")
    return float(np.exp(result.x))


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], *, bins: int = 15
) -> float:
    """ECE with equal-width confidence bins: sum over bins of |accuracy - confidence| * share."""
    conf = np.asarray(confidences, dtype=np.float64)
    hit = np.asarray(correct, dtype=np.float64)
    if len(conf) == 0:
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += abs(hit[mask].mean() - conf[mask].mean()) * mask.mean()
    return float(total)


def wilson_lower(share: float, n: int, z: float = 1.96) -> float:
    """Lower end of the Wilson score interval for a proportion observed on n trials."""
    if n == 0:
        return 0.0
    denom = 1 + z * z / n
    centre = share + z * z / (2 * n)
    margin = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))
    return max(0.0, (centre - margin) / denom)


@dataclass(frozen=True)
class ThresholdChoice:
    """The abstention threshold chosen on validation data and what it achieved there."""

    threshold: float
    in_scope_accuracy: float
    oos_recall: float | None
    objective: str


def choose_threshold(
    predicted: Sequence[str],
    confidences: Sequence[float],
    gold: Sequence[str],
    *,
    oos_label: str | None,
    min_oos_recall: float = 0.5,
    max_in_scope_rejection: float = 0.02,
) -> ThresholdChoice:
    """Pick the confidence below which the model abstains.

    With out-of-scope examples: the threshold that maximises in-scope accuracy (abstaining on
    an in-scope text counts as an error) subject to out-of-scope recall >= min_oos_recall, then
    the highest recall. The recall constraint applies to the Wilson 95% lower bound, not the
    observed share: validation sets hold few out-of-scope texts (CLINC150: 100), and a
    threshold tuned to exactly 50% there falls short on new data. When no threshold reaches
    that recall, the one maximising the mean of the two. The result sits halfway down to the
    previous observed confidence (a margin). Without out-of-scope examples: the highest
    threshold that rejects at most max_in_scope_rejection of the correctly classified texts.
    """
    pred = np.asarray(predicted, dtype=object)
    conf = np.asarray(confidences, dtype=np.float64)
    gold_arr = np.asarray(gold, dtype=object)
    is_oos = gold_arr == oos_label if oos_label is not None else np.zeros(len(gold_arr), bool)
    in_scope = ~is_oos
    if not is_oos.any():
        right = conf[(pred == gold_arr) & in_scope]
        t = float(np.quantile(right, max_in_scope_rejection)) if len(right) else 0.0
        t = max(0.0, np.nextafter(t, 0.0))
        acc = float(((pred == gold_arr) & (conf >= t))[in_scope].mean()) if in_scope.any() else 0.0
        return ThresholdChoice(t, acc, None, f"reject <= {max_in_scope_rejection:.0%} in-scope")
    said_oos_label = pred == oos_label if oos_label is not None else np.zeros(len(pred), bool)
    candidates = np.unique(np.concatenate([[0.0], conf]))
    rows: list[tuple[float, float, float]] = []
    for t in candidates:
        abstain = said_oos_label | (conf < t)
        acc = float(((pred == gold_arr) & ~abstain)[in_scope].mean()) if in_scope.any() else 0.0
        rows.append((float(t), acc, float(abstain[is_oos].mean())))
    n_oos = int(is_oos.sum())
    feasible = [i for i, r in enumerate(rows) if wilson_lower(r[2], n_oos) >= min_oos_recall]
    if feasible:
        objective = f"max in-scope accuracy, oos recall 95% lower bound >= {min_oos_recall:.2f}"
        best = max(feasible, key=lambda i: (rows[i][1], rows[i][2], i))
    else:
        objective = "max mean of in-scope accuracy and oos recall"
        best = max(range(len(rows)), key=lambda i: (rows[i][1] + rows[i][2], i))
    t, acc, recall = rows[best]
    if best > 0:
        # every threshold above the previous confidence, up to t, gives the same outcome
        t = (rows[best - 1][0] + t) / 2
    return ThresholdChoice(t, acc, recall, objective)
