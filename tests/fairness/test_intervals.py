"""Intervals, tests and corrections against independent reference maths (scipy, by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from trustdesk.fairness import AuditOptions, FairnessReport
from trustdesk.fairness.gaps import GapReport
from trustdesk.fairness.stats import (
    benjamini_hochberg,
    holm,
    homogeneity_p_value,
    welch_anova_p_value,
    wilson_interval,
)


@pytest.mark.parametrize("confidence", [0.9, 0.95, 0.99])
def test_wilson_equals_scipy(confidence: float) -> None:
    x = np.array([0, 1, 7, 50, 99, 100])
    n = np.array([10, 10, 30, 100, 100, 100])
    lo, hi = wilson_interval(x, n, confidence)
    for i in range(x.size):
        ref = sps.binomtest(int(x[i]), int(n[i])).proportion_ci(confidence, method="wilson")
        assert lo[i] == pytest.approx(ref.low, abs=1e-12)
        assert hi[i] == pytest.approx(ref.high, abs=1e-12)


def test_homogeneity_equals_scipy_chi2_contingency() -> None:
    x = np.array([30, 45, 12])
    n = np.array([100, 110, 60])
    table = np.stack([x, n - x], axis=1)
    ref = sps.chi2_contingency(table, correction=False)
    assert homogeneity_p_value(x, n) == pytest.approx(ref.pvalue, rel=1e-12)
    assert homogeneity_p_value(np.array([0, 0]), np.array([5, 5])) == 1.0


def test_welch_anova_with_two_groups_is_welch_t() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.normal(0, 1, 40), rng.normal(0.6, 2, 25)
    p = welch_anova_p_value(
        np.array([a.size, b.size], float), np.array([a.mean(), b.mean()]),
        np.array([a.var(ddof=1), b.var(ddof=1)]),
    )
    assert p == pytest.approx(sps.ttest_ind(a, b, equal_var=False).pvalue, rel=1e-9)


def test_holm_by_hand() -> None:
    p = np.array([0.01, 0.04, 0.03, 0.005])
    # sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 -> 0.02, 0.03, 0.06, 0.04 -> monotone
    assert holm(p) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm(np.array([0.5, 0.9])) == pytest.approx([1.0, 1.0])


def test_bh_equals_scipy() -> None:
    p = np.array([0.01, 0.04, 0.03, 0.005, 0.2, 0.5])
    assert benjamini_hochberg(p) == pytest.approx(sps.false_discovery_control(p, method="bh"))


def test_report_adjusts_every_comparison_together() -> None:
    rng = np.random.default_rng(2)
    n = 3000
    a, b = rng.choice(["x", "y"], n), rng.choice(["p", "q", "r"], n)
    yp, yt = rng.integers(0, 2, n), rng.integers(0, 2, n)
    report = FairnessReport.compute(y_pred=yp, y_true=yt, groups={"a": a, "b": b})
    raw = np.array([c.p_value for c in report.comparisons])
    assert len(report.comparisons) == 3 * 3  # a, b, a x b; three rates each
    assert [c.p_adjusted for c in report.comparisons] == pytest.approx(holm(raw))
    bh = FairnessReport.compute(y_pred=yp, y_true=yt, groups={"a": a, "b": b},
                                options=AuditOptions(correction="bh"))
    assert [c.p_adjusted for c in bh.comparisons] == pytest.approx(benjamini_hochberg(raw))


def _row_bootstrap(groups: np.ndarray, yp: np.ndarray, yt: np.ndarray, b: int,
                   seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Reference: resample the rows of each group with replacement, recompute the gaps."""
    rng = np.random.default_rng(seed)
    members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
    dp, eo = np.empty(b), np.empty(b)
    for i in range(b):
        sr, tpr, fpr = [], [], []
        for idx in members:
            pick = rng.choice(idx, idx.size, replace=True)
            p, t = yp[pick], yt[pick]
            sr.append(p.mean())
            tpr.append(p[t == 1].mean())
            fpr.append(p[t == 0].mean())
        dp[i] = max(sr) - min(sr)
        eo[i] = max(max(tpr) - min(tpr), max(fpr) - min(fpr))
    return dp, eo


def test_bootstrap_interval_matches_row_resampling() -> None:
    rng = np.random.default_rng(9)
    n = 1500
    g = rng.choice(["a", "b", "c"], n)
    yt = rng.integers(0, 2, n)
    yp = (rng.random(n) < np.where(g == "a", 0.6, 0.45)).astype(int)
    frame = FairnessReport.compute(
        y_pred=yp, y_true=yt, groups={"g": g},
        options=AuditOptions(n_bootstrap=4000, seed=1),
    )["g"]
    dp_ref, eo_ref = _row_bootstrap(g, yp, yt, 1500, seed=2)
    fi = frame.fairness_intervals()
    for name, ref in (("demographic_parity_difference", dp_ref),
                      ("equalized_odds_difference", eo_ref)):
        lo, hi = np.quantile(ref, [0.025, 0.975])
        width = hi - lo
        assert fi[name].lower == pytest.approx(lo, abs=0.12 * width), name
        assert fi[name].upper == pytest.approx(hi, abs=0.12 * width), name
        value = frame.fairness()[name]
        assert isinstance(value, float) and fi[name].lower < value < fi[name].upper


def test_wilson_intervals_in_the_frame() -> None:
    g = np.array(["a"] * 40 + ["b"] * 60)
    yp = np.array([1] * 10 + [0] * 30 + [1] * 45 + [0] * 15)
    iv = FairnessReport.compute(y_pred=yp, groups={"g": g})["g"].intervals()["selection_rate"]
    ref = sps.binomtest(10, 40).proportion_ci(0.95, method="wilson")
    assert (iv[("a",)].lower, iv[("a",)].upper) == pytest.approx((ref.low, ref.high))


def test_gap_report_means_and_quantiles_equal_pandas() -> None:
    rng = np.random.default_rng(4)
    n = 900
    a, b = rng.choice(["x", "y", "z"], n), rng.choice(["p", "q"], n)
    minutes = rng.gamma(2.0, np.where(a == "x", 30.0, 20.0))
    report = GapReport.compute(values=minutes, groups={"a": a, "b": b},
                               quantiles=(0.5, 0.9), options=AuditOptions(min_cell_size=1))
    df = pd.DataFrame({"a": a, "b": b, "v": minutes})
    for attrs in (("a",), ("a", "b")):
        grouped = df.groupby(list(attrs))["v"]
        ref = {"mean": grouped.mean(), "p50": grouped.quantile(0.5), "p90": grouped.quantile(0.9)}
        frame = report[attrs]
        for metric, series in ref.items():
            expected = {k if isinstance(k, tuple) else (k,): v for k, v in series.items()}
            got = frame.by_group[metric]
            assert got.keys() == expected.keys()
            for cell in got:
                assert got[cell] == pytest.approx(expected[cell], rel=1e-12)
            assert frame.difference()[metric] == pytest.approx(series.max() - series.min())
    single = report["a"]
    assert single.overall["p90"] == pytest.approx(np.quantile(minutes, 0.9))
    assert single.comparison is not None and single.comparison.significant
    iv = single.mean_difference_interval
    assert iv.lower is not None and iv.upper is not None
    assert iv.lower < single.difference()["mean"] < iv.upper
