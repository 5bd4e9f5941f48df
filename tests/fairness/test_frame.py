"""The decision frame against fairlearn's MetricFrame and fairness metrics, value by value."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equal_opportunity_ratio,
    equalized_odds_difference,
    equalized_odds_ratio,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)

from trustdesk.fairness import AuditOptions, CellCounts, FairnessDataError, FairnessReport

FL_METRICS = {
    "selection_rate": selection_rate,
    "true_positive_rate": true_positive_rate,
    "false_positive_rate": false_positive_rate,
}
ONE = AuditOptions(min_cell_size=1, n_bootstrap=200)


def _data(seed: int, n: int = 600) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    lang = rng.choice(["en", "de", "fr", "es"], n, p=[0.4, 0.3, 0.2, 0.1])
    channel = rng.choice(["chat", "email", "phone"], n)
    y_true = rng.integers(0, 2, n)
    base = np.where(lang == "de", 0.35, 0.55) + np.where(channel == "email", 0.1, 0.0)
    y_pred = (rng.random(n) < np.where(y_true == 1, base + 0.2, base - 0.2)).astype(int)
    return {"lang": lang, "channel": channel, "y_true": y_true, "y_pred": y_pred}


def _fl_frame(d: dict[str, Any], attrs: tuple[str, ...]) -> MetricFrame:
    return MetricFrame(
        metrics=FL_METRICS,
        y_true=d["y_true"],
        y_pred=d["y_pred"],
        sensitive_features=pd.DataFrame({a: d[a] for a in attrs}),
    )


def _key(index_value: Any) -> tuple[str, ...]:
    return index_value if isinstance(index_value, tuple) else (index_value,)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("attrs", [("lang",), ("channel",), ("lang", "channel")])
def test_by_group_overall_difference_and_ratio_equal_fairlearn(
    seed: int, attrs: tuple[str, ...]
) -> None:
    d = _data(seed)
    report = FairnessReport.compute(
        y_pred=d["y_pred"], y_true=d["y_true"],
        groups={"lang": d["lang"], "channel": d["channel"]}, options=ONE,
    )
    ours = report[attrs]
    fl = _fl_frame(d, attrs)
    for metric in FL_METRICS:
        fl_by_group = {_key(k): v for k, v in fl.by_group[metric].items()}
        assert ours.by_group[metric].keys() == fl_by_group.keys()
        for cell, value in ours.by_group[metric].items():
            assert value == pytest.approx(fl_by_group[cell], abs=1e-12)
        assert ours.overall[metric] == pytest.approx(fl.overall[metric], abs=1e-12)
        for method in ("between_groups", "to_overall"):
            assert ours.difference(method)[metric] == pytest.approx(
                fl.difference(method=method)[metric], abs=1e-12)
            assert ours.ratio(method)[metric] == pytest.approx(
                fl.ratio(method=method)[metric], abs=1e-12)
        assert ours.group_min()[metric] == pytest.approx(fl.group_min()[metric], abs=1e-12)
        assert ours.group_max()[metric] == pytest.approx(fl.group_max()[metric], abs=1e-12)


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("method", ["between_groups", "to_overall"])
def test_named_fairness_metrics_equal_fairlearn(seed: int, method: str) -> None:
    d = _data(seed)
    sf = pd.DataFrame({"lang": d["lang"], "channel": d["channel"]})
    report = FairnessReport.compute(
        y_pred=d["y_pred"], y_true=d["y_true"],
        groups={"lang": d["lang"], "channel": d["channel"]}, options=ONE,
    )
    frame = report["lang", "channel"]
    kw: dict[str, Any] = {"sensitive_features": sf, "method": method}
    yt, yp = d["y_true"], d["y_pred"]
    expected = {
        "demographic_parity_difference": demographic_parity_difference(yt, yp, **kw),
        "demographic_parity_ratio": demographic_parity_ratio(yt, yp, **kw),
        "equal_opportunity_difference": equal_opportunity_difference(yt, yp, **kw),
        "equal_opportunity_ratio": equal_opportunity_ratio(yt, yp, **kw),
        "equalized_odds_difference": equalized_odds_difference(yt, yp, **kw),
        "equalized_odds_ratio": equalized_odds_ratio(yt, yp, **kw),
    }
    if method == "between_groups":
        got = frame.fairness()
    else:
        diff, ratio = frame.difference(method), frame.ratio(method)
        got = {
            "demographic_parity_difference": diff["selection_rate"],
            "demographic_parity_ratio": ratio["selection_rate"],
            "equal_opportunity_difference": diff["true_positive_rate"],
            "equal_opportunity_ratio": ratio["true_positive_rate"],
            "equalized_odds_difference": max(diff["true_positive_rate"],
                                             diff["false_positive_rate"]),
            "equalized_odds_ratio": min(ratio["true_positive_rate"],
                                        ratio["false_positive_rate"]),
        }
    for name, value in expected.items():
        assert got[name] == pytest.approx(value, abs=1e-12), name


def test_without_labels_only_selection_rate() -> None:
    d = _data(7)
    report = FairnessReport.compute(y_pred=d["y_pred"], groups={"lang": d["lang"]}, options=ONE)
    frame = report["lang"]
    assert frame.metrics == ("selection_rate",)
    assert set(frame.fairness()) == {
        "demographic_parity_difference", "demographic_parity_ratio", "four_fifths_rule"}
    expected = demographic_parity_ratio(d["y_true"], d["y_pred"], sensitive_features=d["lang"])
    assert frame.fairness()["demographic_parity_ratio"] == pytest.approx(expected, abs=1e-12)
    assert frame.fairness()["four_fifths_rule"] is bool(expected >= 0.8)


def test_small_cells_are_suppressed_and_left_out_of_gaps() -> None:
    groups = np.array(["a"] * 50 + ["b"] * 50 + ["c"] * 4)
    y_pred = np.array([1] * 40 + [0] * 10 + [1] * 20 + [0] * 30 + [0] * 4)
    report = FairnessReport.compute(
        y_pred=y_pred, groups={"g": groups}, options=AuditOptions(min_cell_size=5)
    )
    frame = report["g"]
    assert frame.by_group["selection_rate"][("c",)] is None
    assert frame.count == {("a",): 50, ("b",): 50, ("c",): None}
    assert frame.difference()["selection_rate"] == pytest.approx(0.8 - 0.4)
    assert frame.ratio()["selection_rate"] == pytest.approx(0.5)
    assert frame.overall["selection_rate"] == pytest.approx(60 / 104)  # overall keeps every row
    cell = next(c for c in frame.to_dict()["cells"] if c["group"] == {"g": "c"})
    assert cell["n"] is None and cell["suppressed"] is True
    assert cell["selection_rate"] == {"value": None, "lower": None, "upper": None}


def test_cell_counts_from_sql_rows_equal_counts_from_arrays() -> None:
    d = _data(3)
    from_arrays = CellCounts.from_arrays(
        y_pred=d["y_pred"], y_true=d["y_true"],
        groups={"lang": d["lang"], "channel": d["channel"]},
    )
    df = pd.DataFrame(d).assign(tp=lambda x: x.y_true * x.y_pred)
    rows = df.groupby(["lang", "channel"]).agg(
        n=("y_pred", "size"), sel=("y_pred", "sum"), pos=("y_true", "sum"), tp=("tp", "sum")
    ).reset_index().itertuples(index=False)
    from_rows = CellCounts.from_cells(["lang", "channel"], rows, labelled=True)
    a = FairnessReport.from_counts(from_arrays, options=ONE).to_dict()
    b = FairnessReport.from_counts(from_rows, options=ONE).to_dict()
    assert a == b


def test_missing_group_values_are_their_own_group() -> None:
    report = FairnessReport.compute(
        y_pred=[1, 0, 1, 1], groups={"tier": ["gold", None, "gold", None]}, options=ONE
    )
    assert report["tier"].by_group["selection_rate"] == {
        ("(not recorded)",): 0.5, ("gold",): 1.0}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"y_pred": [0, 2, 1], "groups": {"g": ["a", "b", "c"]}}, "outcome"),
        ({"y_pred": ["yes", "no"], "groups": {"g": ["a", "b"]}}, "outcome"),
        ({"y_pred": [0, 1, 1], "groups": {"g": ["a", "b"]}}, "g"),
        ({"y_pred": [0, 1], "groups": {"g": ["a", "b"]}, "y_true": [1]}, "label"),
        ({"y_pred": [0, 1], "groups": {}}, "group"),
    ],
)
def test_bad_input_names_the_column(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(FairnessDataError, match=f"^{field}:"):
        FairnessReport.compute(**kwargs)


def test_four_fifths_rule_and_significance_flags() -> None:
    n = 2000
    groups = np.array(["a"] * n + ["b"] * n)
    y_pred = np.concatenate([np.ones(n // 2), np.zeros(n // 2), np.ones(n // 4),
                             np.zeros(3 * n // 4)]).astype(int)
    frame = FairnessReport.compute(y_pred=y_pred, groups={"g": groups})["g"]
    assert frame.fairness()["four_fifths_rule"] is False
    assert frame.comparisons["selection_rate"].significant
    even = FairnessReport.compute(y_pred=np.tile([0, 1], n), groups={"g": groups})["g"]
    assert even.fairness()["four_fifths_rule"] is True
    assert not even.comparisons["selection_rate"].significant


def test_the_report_is_the_same_for_the_same_seed_and_json_ready() -> None:
    import orjson

    d = _data(11)
    args = {"y_pred": d["y_pred"], "y_true": d["y_true"], "groups": {"lang": d["lang"]}}
    one = FairnessReport.compute(**args, options=AuditOptions(seed=4)).to_dict()
    two = FairnessReport.compute(**args, options=AuditOptions(seed=4)).to_dict()
    other = FairnessReport.compute(**args, options=AuditOptions(seed=5)).to_dict()
    assert one == two
    assert one != other
    assert orjson.loads(orjson.dumps(one)) == one
