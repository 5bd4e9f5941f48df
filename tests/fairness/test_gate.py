"""The release gate: values checked against fairlearn, thresholds, the stored shape, errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equalized_odds_difference,
)
from sklearn.metrics import accuracy_score

from trustdesk.fairness.gate import (
    GATE_FILE,
    GateError,
    GatePolicy,
    GateResult,
    evaluate_gate,
    load_policy,
    read_evaluation,
    read_result,
    write_result,
)

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _decisions(n: int = 4000, gap: float = 0.0, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    channel = rng.choice(np.array(["chat", "email", "phone"], dtype=object), n)
    language = rng.choice(np.array(["en", "de"], dtype=object), n, p=[0.7, 0.3])
    qualified = rng.random(n) < 0.8
    p = np.where(qualified, 0.85, 0.2) - np.where(language == "de", gap, 0.0)
    selected = rng.random(n) < p
    return {"channel": channel, "language": language, "qualified": qualified,
            "selected": selected}


def _gate(d: dict[str, np.ndarray], policy: GatePolicy) -> GateResult:
    return evaluate_gate(selected=list(d["selected"]), qualified=list(d["qualified"]),
                         correct=list(d["selected"] == d["qualified"]),
                         groups={"channel": list(d["channel"]), "language": list(d["language"])},
                         policy=policy, checked_at=NOW, n_bootstrap=50)


def test_values_are_fairlearns() -> None:
    d = _decisions(gap=0.05)
    result = _gate(d, GatePolicy(min_cell_size=1))
    got = {(c.attribute, c.metric): c.difference for c in result.checks}
    for attr in ("channel", "language"):
        kw = {"y_true": d["qualified"], "y_pred": d["selected"], "sensitive_features": d[attr]}
        assert got[(attr, "demographic_parity_difference")] == pytest.approx(
            demographic_parity_difference(**kw), abs=1e-12)
        assert got[(attr, "demographic_parity_ratio")] == pytest.approx(
            demographic_parity_ratio(**kw), abs=1e-12)
        assert got[(attr, "equalized_odds_difference")] == pytest.approx(
            equalized_odds_difference(**kw), abs=1e-12)
        accuracy = MetricFrame(metrics=accuracy_score, y_true=d["qualified"],
                               y_pred=d["selected"], sensitive_features=d[attr])
        assert got[(attr, "accuracy_difference")] == pytest.approx(
            accuracy.difference(), abs=1e-12)


def test_a_fair_model_passes_and_an_unfair_one_fails_on_the_attribute_that_differs() -> None:
    fair = _gate(_decisions(gap=0.0), GatePolicy())
    assert fair.passed
    unfair = _gate(_decisions(gap=0.2), GatePolicy())
    failed = {(c.attribute, c.metric) for c in unfair.checks if not c.passed}
    assert not unfair.passed
    assert ("language", "demographic_parity_difference") in failed
    assert ("language", "equalized_odds_difference") in failed
    assert not any(attr == "channel" for attr, _ in failed)
    # a ratio is a floor: it passes at or above its threshold
    ratio = next(c for c in unfair.checks
                 if c.attribute == "language" and c.metric == "demographic_parity_ratio")
    assert ratio.passed is (ratio.difference >= 0.8)


def test_a_null_threshold_switches_the_check_off_and_intersections_are_optional() -> None:
    policy = GatePolicy(demographic_parity_difference=None, equalized_odds_difference=None,
                        accuracy_difference=None, demographic_parity_ratio=0.5,
                        intersections=True)
    result = _gate(_decisions(gap=0.2), policy)
    assert {c.metric for c in result.checks} == {"demographic_parity_ratio"}
    assert {c.attribute for c in result.checks} == {
        "channel", "language", "channel x language"}
    assert result.passed


def test_a_check_that_cannot_be_made_is_an_error_not_a_pass() -> None:
    d = _decisions(n=100)
    with pytest.raises(GateError, match="demographic_parity_difference on 'channel'"):
        _gate(d, GatePolicy(min_cell_size=60))
    d["qualified"][:] = True  # no out-of-scope rows: no false positive rate
    with pytest.raises(GateError, match=r"equalized_odds_difference.*out-of-scope"):
        _gate(d, GatePolicy(min_cell_size=1))


def test_the_stored_file_has_exactly_the_agreed_shape(tmp_path: Path) -> None:
    result = _gate(_decisions(gap=0.2), GatePolicy())
    path = write_result(result, tmp_path)
    assert path.name == GATE_FILE
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert set(doc) == {"passed", "checked_at", "policy", "results"}
    assert doc["passed"] is False
    assert datetime.fromisoformat(doc["checked_at"]) == NOW
    assert doc["policy"] == GatePolicy().model_dump(mode="json")
    for row in doc["results"]:
        assert set(row) == {"attribute", "metric", "difference", "threshold", "passed"}
        assert isinstance(row["difference"], float) and isinstance(row["threshold"], float)
        assert isinstance(row["passed"], bool) and isinstance(row["attribute"], str)
    assert read_result(tmp_path) == doc
    (tmp_path / GATE_FILE).write_text("{not json", encoding="utf-8")
    assert read_result(tmp_path) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [("demographic_parity_ratio: 2\n", "demographic_parity_ratio"),
     ("min_cell_size: 0\n", "min_cell_size"),
     ("equalised_odds: 0.1\n", "equalised_odds"),
     ("[1, 2\n", "not valid YAML")],
)
def test_a_bad_policy_names_the_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "gate.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GateError, match=message):
        load_policy(path)


def test_a_policy_file_sets_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "gate.yaml"
    path.write_text("demographic_parity_difference: 0.05\naccuracy_difference: null\n",
                    encoding="utf-8")
    policy = load_policy(path)
    assert policy.demographic_parity_difference == 0.05
    assert "accuracy_difference" not in policy.thresholds()
    assert load_policy(None) == GatePolicy(probe_families=("name", "gender", "age"))


def test_evaluation_sets_are_read_with_their_groups_and_errors_name_the_column(
        tmp_path: Path) -> None:
    csv_path = tmp_path / "eval.csv"
    csv_path.write_text("text,label,channel\nhello,greeting,chat\n,refund,email\n"
                        "where is it,order_status,email\n", encoding="utf-8")
    got = read_evaluation(csv_path, text_column="text", label_column="label",
                          groups=["channel"])
    assert got.texts == ("hello", "where is it")
    assert got.groups == {"channel": ("chat", "email")}
    lines = tmp_path / "eval.jsonl"
    lines.write_text(json.dumps({"q": "hi", "y": "greeting", "lang": "en"}) + "\n",
                     encoding="utf-8")
    assert read_evaluation(lines, text_column="q", label_column="y",
                           groups=["lang"]).groups == {"lang": ("en",)}
    with pytest.raises(GateError, match="column 'region' not found"):
        read_evaluation(csv_path, text_column="text", label_column="label", groups=["region"])
    with pytest.raises(GateError, match="at least one group"):
        read_evaluation(csv_path, text_column="text", label_column="label", groups=[])
    with pytest.raises(GateError, match="not found"):
        read_evaluation(tmp_path / "nope.csv", text_column="text", label_column="label",
                        groups=["channel"])


def test_probe_flip_rates_are_checks_of_their_own() -> None:
    d = _decisions()
    policy = GatePolicy(probe_families=("name", "age"), probe_flip_rate=0.05)
    kwargs = {"selected": list(d["selected"]), "qualified": list(d["qualified"]),
              "correct": list(d["selected"] == d["qualified"]),
              "groups": {"channel": list(d["channel"])}, "policy": policy, "checked_at": NOW,
              "n_bootstrap": 0}
    result = evaluate_gate(**kwargs, probe_rates={"name": 0.05, "age": 0.26})  # type: ignore[arg-type]
    probes = [c for c in result.checks if c.metric == "flip_rate"]
    assert [(c.attribute, c.passed) for c in probes] == [("probe:name", True),
                                                         ("probe:age", False)]
    assert not result.passed
    with pytest.raises(GateError, match="no flip rate for 'age'"):
        evaluate_gate(**kwargs, probe_rates={"name": 0.0})  # type: ignore[arg-type]
