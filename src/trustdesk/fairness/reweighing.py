"""Reweighing (Kamiran & Calders, 2012): training weights that make group and label independent.

For a row of group g and label y, with n rows, n_g in group g, n_y with label y and n_gy with
both:
    w(g, y) = P(g) P(y) / P(g, y) = (n_g n_y) / (n n_gy)
so that in the weighted data P_w(y | g) = P(y) for every group, and each group keeps its total
weight n_g. A pre-processing mitigation: the model is trained on the weighted rows; the group
column itself is never a feature.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray


def reweighing_weights(groups: Sequence[str] | NDArray[Any],
                       labels: Sequence[str] | NDArray[Any]) -> NDArray[np.float64]:
    """One weight per row, w(g, y) as above (mean 1 over the rows)."""
    g = np.asarray([str(v) for v in groups], dtype=object)
    y = np.asarray([str(v) for v in labels], dtype=object)
    if g.shape != y.shape or not g.size:
        raise ValueError("groups and labels need one value per row, and at least one row")
    _, gi, n_g = np.unique(g, return_inverse=True, return_counts=True)
    _, yi, n_y = np.unique(y, return_inverse=True, return_counts=True)
    cell = gi * len(n_y) + yi
    n_gy = np.bincount(cell, minlength=len(n_g) * len(n_y))
    n = float(g.size)
    return np.asarray(n_g[gi] * n_y[yi] / (n * n_gy[cell]), dtype=np.float64)


def accuracy_by_group(model: Any, texts: Sequence[str], labels: Sequence[str],
                      groups: Sequence[str], *, min_cell_size: int = 10) -> dict[str, Any]:
    """Per-group accuracy of an intent model (abstaining counts as predicting out of scope,
    as `model eval` scores it), with Wilson intervals, and the gap between groups."""
    from trustdesk.ai.intent.evaluation import ABSTAIN
    from trustdesk.fairness.frame import AuditOptions, FairnessReport

    oos = model.oos_label or ABSTAIN
    predictions = model.predict_many(list(texts))
    correct = np.array([(p.label if p.in_scope else oos) == gold
                        for p, gold in zip(predictions, labels, strict=True)])
    frame = FairnessReport.compute(
        y_pred=correct, groups={"group": np.asarray(list(groups), dtype=object)},
        options=AuditOptions(min_cell_size=min_cell_size, n_bootstrap=1000))["group"]
    bounds = frame.intervals()["selection_rate"]
    return {
        "accuracy": float(correct.mean()),
        "accuracy_difference": frame.difference()["selection_rate"],
        "accuracy_difference_interval": [frame.difference_interval()["selection_rate"].lower,
                                         frame.difference_interval()["selection_rate"].upper],
        "by_group": {cell[0]: {"n": frame.count[cell], "accuracy": value,
                               "lower": bounds[cell].lower, "upper": bounds[cell].upper}
                     for cell, value in frame.by_group["selection_rate"].items()},
    }
