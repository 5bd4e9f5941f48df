"""Group-aware decision thresholds: post-processing in the style of fairlearn's ThresholdOptimizer.

Given a score s (e.g. the intent model's confidence), a label y (1 = acting automatically was
right: the reviewer approved, the intent was correct) and a group g, one threshold per group
t_g (select when s >= t_g) is chosen so that a rate is (nearly) equal across groups while
accuracy over all rows is as high as possible:
    demographic_parity:  P(selected | g)         = x for every g
    equal_opportunity:   P(selected | y = 1, g)  = x for every g
For each target x on a grid of `grid_size` + 1 points in [0, 1], group g selects its top
k_g(x) rows by score (k_g = round(x n_g) for parity; for equal opportunity the fewest top rows
holding ceil(x P_g) positives); accuracy = sum_g (TP_g + TN_g) / n. The x with the best
accuracy wins (the lowest x on ties). Unlike fairlearn, thresholds are deterministic (no
randomised mixing of two thresholds), so the equality holds up to ties and rounding, not
exactly; tests compare the result with fairlearn's on the same data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

Constraint = Literal["demographic_parity", "equal_opportunity"]
CONSTRAINTS: tuple[Constraint, ...] = ("demographic_parity", "equal_opportunity")


@dataclass(frozen=True)
class GroupThresholds:
    """One threshold per group (select when score >= it); `default` for unseen groups."""

    constraint: Constraint
    target_rate: float
    thresholds: dict[str, float]
    default: float

    def select(self, scores: Sequence[float] | NDArray[Any],
               groups: Sequence[str] | NDArray[Any]) -> NDArray[np.bool_]:
        s = np.asarray(scores, dtype=np.float64)
        g = np.asarray(groups, dtype=object)
        cut = np.array([self.thresholds.get(str(v), self.default) for v in g], dtype=np.float64)
        return np.asarray(s >= cut, dtype=np.bool_)

    def to_json(self) -> dict[str, Any]:
        return {"constraint": self.constraint, "target_rate": self.target_rate,
                "thresholds": {k: _finite(v) for k, v in self.thresholds.items()},
                "default": _finite(self.default)}


def _finite(x: float) -> float | str:
    return x if math.isfinite(x) else ("inf" if x > 0 else "-inf")


def _check(scores: NDArray[np.float64], labels: NDArray[np.bool_], groups: NDArray[Any]) -> None:
    if scores.ndim != 1 or not scores.size:
        raise ValueError("score: one value per row is needed, and at least one row")
    if labels.shape != scores.shape or groups.shape != scores.shape:
        raise ValueError("label, group: need as many values as score")
    if not np.all(np.isfinite(scores)):
        raise ValueError("score: every value must be a finite number")


def fit_group_thresholds(
    scores: Sequence[float] | NDArray[Any],
    labels: Sequence[bool] | NDArray[Any],
    groups: Sequence[str] | NDArray[Any],
    *,
    constraint: Constraint = "demographic_parity",
    default: float = 0.5,
    grid_size: int = 1000,
) -> GroupThresholds:
    """The per-group thresholds that best keep the constraint; `default` serves new groups."""
    if constraint not in CONSTRAINTS:
        raise ValueError(f"constraint: use one of {', '.join(CONSTRAINTS)}")
    if grid_size < 1:
        raise ValueError("grid_size must be at least 1")
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels).astype(np.bool_)
    g = np.asarray([str(v) for v in groups], dtype=object)
    _check(s, y, g)
    grid = np.linspace(0.0, 1.0, grid_size + 1)
    names = sorted(set(g.tolist()))
    correct = np.zeros(grid.size, dtype=np.int64)
    picks: dict[str, tuple[NDArray[np.float64], NDArray[np.int64]]] = {}
    for name in names:
        rows = g == name
        order = np.argsort(-s[rows], kind="stable")
        ranked, truth = s[rows][order], y[rows][order]
        n, positives = ranked.size, int(truth.sum())
        cum_pos = np.concatenate(([0], np.cumsum(truth, dtype=np.int64)))
        if constraint == "demographic_parity":
            k = np.rint(grid * n).astype(np.int64)
        else:
            need = np.ceil(grid * positives - 1e-9).astype(np.int64)
            k = np.searchsorted(cum_pos, need, side="left").astype(np.int64)
        k = np.clip(k, 0, n)
        # a threshold selects every tie of the k-th score: count what it really selects
        cut = np.where(k > 0, ranked[np.maximum(k - 1, 0)], np.inf)
        taken = np.searchsorted(-ranked, -cut, side="right").astype(np.int64)
        tp = cum_pos[taken]
        tn = (n - positives) - (taken - tp)
        correct += tp + tn
        picks[name] = (cut, taken)
    best = int(np.argmax(correct))  # argmax: the first (lowest) x among equals
    return GroupThresholds(constraint=constraint, target_rate=float(grid[best]),
                           thresholds={name: float(picks[name][0][best]) for name in names},
                           default=float(default))


def before_after(
    scores: Sequence[float] | NDArray[Any],
    labels: Sequence[bool] | NDArray[Any],
    groups: Mapping[str, Sequence[str] | NDArray[Any]],
    fitted: GroupThresholds,
    *,
    attribute: str,
    threshold: float,
    min_cell_size: int = 10,
    n_bootstrap: int = 1000,
) -> dict[str, Any]:
    """The decision frame of one global threshold and of the group thresholds, side by side."""
    from trustdesk.fairness.frame import AuditOptions, FairnessReport

    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels).astype(np.bool_)
    g = {k: np.asarray([str(x) for x in v], dtype=object) for k, v in groups.items()}
    options = AuditOptions(min_cell_size=min_cell_size, n_bootstrap=n_bootstrap)
    out: dict[str, Any] = {}
    for name, selected in (("before", s >= threshold), ("after", fitted.select(s, g[attribute]))):
        report = FairnessReport.compute(y_pred=selected, y_true=y, groups=g, options=options)
        frame = report[attribute]
        out[name] = {
            "accuracy": float(np.mean(selected == y)),
            "selection_rate": float(np.mean(selected)),
            **frame.fairness(),
            "intervals": {m: [i.lower, i.upper] for m, i in frame.fairness_intervals().items()},
            "by_group": {"|".join(c): v for c, v in frame.by_group["selection_rate"].items()},
            "true_positive_rate": {"|".join(c): v for c, v
                                   in frame.by_group["true_positive_rate"].items()},
        }
    return out
