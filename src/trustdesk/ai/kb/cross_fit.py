"""Cross-fitted calibration: the answer threshold chosen on out-of-fold probabilities.

`Calibration.fit` chooses the threshold on the same questions its Platt scaling was fitted
on, so the threshold sees its own fit's optimism. Here the validation questions are cut into
k folds; each fold's probabilities come from a fit on the other folds, the threshold is the
lowest that keeps the target precision on those out-of-fold probabilities, and the
coefficients are fitted once more on every question.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from trustdesk.ai.kb.calibration import (
    DEFAULT_TARGET_PRECISION,
    Calibration,
    choose_threshold,
)


def cross_fit(
    inputs: Sequence[Sequence[float]],
    correct: Sequence[bool],
    *,
    folds: int = 5,
    target_precision: float = DEFAULT_TARGET_PRECISION,
    fitted_on: str | None = None,
    seed: int = 0,
) -> Calibration:
    """A calibration whose threshold is set on k-fold out-of-fold probabilities.

    Folds are stratified by `correct`, so each holds right and wrong answers alike; with
    fewer questions than 2 * folds it is the plain fit.
    """
    if folds < 2:
        raise ValueError("folds must be at least 2")
    if len(inputs) != len(correct) or not inputs:
        raise ValueError("calibration needs one label per question and at least one")
    whole = Calibration.fit(
        inputs, correct, target_precision=target_precision, fitted_on=fitted_on
    )
    if len(inputs) < 2 * folds:
        return whole
    rng = random.Random(seed)
    assignment = [0] * len(inputs)
    for outcome in (True, False):
        members = [i for i, ok in enumerate(correct) if bool(ok) is outcome]
        rng.shuffle(members)
        for rank, i in enumerate(members):
            assignment[i] = rank % folds
    out_of_fold = [0.0] * len(inputs)
    for fold in range(folds):
        train = [i for i in range(len(inputs)) if assignment[i] != fold]
        model = Calibration.fit(
            [inputs[i] for i in train],
            [correct[i] for i in train],
            target_precision=target_precision,
        )
        for i in range(len(inputs)):
            if assignment[i] == fold:
                out_of_fold[i] = model.probability(inputs[i])
    threshold = choose_threshold(out_of_fold, correct, target_precision)
    label = f"{fitted_on}, {folds}-fold" if fitted_on else f"{folds}-fold"
    return Calibration(
        whole.coefficients, whole.intercept, threshold, target_precision, label
    )
