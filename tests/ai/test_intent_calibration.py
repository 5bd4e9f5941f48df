"""Temperature scaling, expected calibration error and the abstention threshold."""

from __future__ import annotations

import numpy as np
import pytest

from trustdesk.ai.intent.calibration import (
    choose_threshold,
    expected_calibration_error,
    fit_temperature,
    softmax,
)


def test_ece_known_values() -> None:
    assert expected_calibration_error([1.0, 1.0], [True, True]) == 0.0
    assert expected_calibration_error([0.9, 0.9], [False, False]) == pytest.approx(0.9)
    # two bins: (0.3 conf, 50% right) and (0.8 conf, 100% right), half the rows each
    ece = expected_calibration_error([0.3, 0.3, 0.8, 0.8], [True, False, True, True])
    assert ece == pytest.approx(0.5 * 0.2 + 0.5 * 0.2)
    assert expected_calibration_error([], []) == 0.0


def test_temperature_recovers_the_generating_temperature() -> None:
    rng = np.random.default_rng(0)
    true_logits = rng.normal(size=(4000, 5)) * 2
    probs = softmax(true_logits)
    targets = np.array([rng.choice(5, p=p) for p in probs], dtype=np.int64)
    t = fit_temperature(true_logits * 3.0, targets)  # an overconfident model, 3x too sharp
    assert t == pytest.approx(3.0, rel=0.1)


def test_temperature_stays_finite_when_validation_is_perfect() -> None:
    logits = np.array([[5.0, 0.0], [0.0, 5.0]] * 20)
    targets = np.array([0, 1] * 20, dtype=np.int64)
    t = fit_temperature(logits, targets)
    confidence = softmax(logits / t).max(axis=1)
    assert 0.9 < confidence.min() < 1.0


def test_threshold_meets_oos_recall_then_maximises_accuracy() -> None:
    predicted = ["a", "a", "b", "b", "a", "b"]
    confidences = [0.9, 0.8, 0.95, 0.7, 0.4, 0.6]
    gold = ["a", "a", "b", "b", "oos", "oos"]
    choice = choose_threshold(predicted, confidences, gold, oos_label="oos", min_oos_recall=0.5)
    assert choice.oos_recall == 1.0
    assert choice.in_scope_accuracy == 1.0
    assert 0.6 < choice.threshold < 0.7  # halfway between 0.6 and 0.7


def test_threshold_trades_accuracy_for_required_recall() -> None:
    predicted = ["a", "b", "a"]
    confidences = [0.5, 0.9, 0.6]
    gold = ["a", "b", "oos"]
    choice = choose_threshold(predicted, confidences, gold, oos_label="oos", min_oos_recall=1.0)
    assert choice.oos_recall == 1.0
    assert choice.in_scope_accuracy == 0.5  # "a" at 0.5 had to go
    lenient = choose_threshold(predicted, confidences, gold, oos_label="oos", min_oos_recall=0.0)
    assert lenient.in_scope_accuracy == 1.0


def test_threshold_without_oos_examples_rejects_few_in_scope() -> None:
    rng = np.random.default_rng(1)
    confidences = rng.uniform(0.5, 1.0, size=500).tolist()
    choice = choose_threshold(["a"] * 500, confidences, ["a"] * 500, oos_label=None)
    rejected = np.mean(np.asarray(confidences) < choice.threshold)
    assert choice.oos_recall is None
    assert 0.0 < rejected <= 0.03
