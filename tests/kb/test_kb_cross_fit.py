"""Cross-fitted calibration: a threshold chosen on out-of-fold probabilities."""

from __future__ import annotations

import math
import random

import pytest

from trustdesk.ai.kb.calibration import Calibration
from trustdesk.ai.kb.cross_fit import cross_fit

Rows = tuple[list[tuple[float, ...]], list[bool]]


def _draw(rng: random.Random, n: int) -> Rows:
    """One informative input (the verifier's logit), four of pure noise and one constant."""
    inputs: list[tuple[float, ...]] = []
    correct: list[bool] = []
    for _ in range(n):
        x = rng.gauss(1.0, 2.0)
        inputs.append((x, *(rng.gauss(0.0, 1.0) for _ in range(4)), 0.0, 0.0, 0.0, 0.0))
        correct.append(rng.random() < 1 / (1 + math.exp(-x)))
    return inputs, correct


def _precision(calibration: Calibration, rows: Rows) -> float:
    sent = [ok for x, ok in zip(*rows, strict=True)
            if calibration.probability(x) >= calibration.threshold]
    return sum(sent) / len(sent) if sent else 1.0


def test_the_cross_fitted_threshold_keeps_the_target_on_new_questions_more_often() -> None:
    # 60 validation questions with four noise inputs: the plain fit's threshold sees its own
    # optimism; out-of-fold probabilities do not. Read on 5,000 fresh questions.
    fresh = _draw(random.Random(99), 5000)
    plain, folded = [], []
    for seed in range(40):
        rows = _draw(random.Random(seed), 60)
        plain.append(_precision(Calibration.fit(*rows, target_precision=0.95), fresh))
        folded.append(_precision(cross_fit(*rows, target_precision=0.95), fresh))
    assert sum(p >= 0.95 for p in folded) > sum(p >= 0.95 for p in plain)
    assert sum(folded) / len(folded) >= 0.95 > sum(plain) / len(plain)


def test_coefficients_come_from_every_question() -> None:
    rows = _draw(random.Random(3), 80)
    whole = Calibration.fit(*rows, target_precision=0.9)
    folded = cross_fit(*rows, folds=4, target_precision=0.9, fitted_on="dev")
    assert folded.coefficients == whole.coefficients
    assert folded.intercept == whole.intercept
    assert folded.fitted_on == "dev, 4-fold"
    assert folded.target_precision == 0.9


def test_too_few_questions_for_the_folds_is_the_plain_fit() -> None:
    rows = _draw(random.Random(4), 9)
    assert cross_fit(*rows, folds=5) == Calibration.fit(*rows)


def test_fewer_than_two_folds_is_refused() -> None:
    with pytest.raises(ValueError, match="folds"):
        cross_fit([(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)] * 4, [True] * 4, folds=1)
