"""Interval and test maths for the decision frame, vectorised over cells.

Wilson score interval for a proportion p̂ = x / n at level 1 - α, with z = Φ⁻¹(1 - α/2):
    centre = (p̂ + z²/2n) / (1 + z²/n)
    half   = z / (1 + z²/n) * sqrt(p̂(1 - p̂)/n + z²/4n²)
Homogeneity of k proportions: Pearson's χ² on the k×2 table (no continuity correction),
k - 1 degrees of freedom. Equal means of k groups: Welch's heteroscedastic one-way ANOVA
from the groups' counts, means and variances. Holm's step-down and Benjamini–Hochberg's
step-up adjustments return adjusted p-values in the input order.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import special  # scipy.stats calls the same functions, and costs ~1 s more import

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
Correction = Literal["holm", "bh"]


def z_value(confidence: float) -> float:
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be between 0 and 1 (exclusive)")
    return float(special.ndtri(0.5 + confidence / 2.0))


def wilson_interval(
    successes: NDArray[np.integer] | NDArray[np.floating],
    trials: NDArray[np.integer] | NDArray[np.floating],
    confidence: float = 0.95,
) -> tuple[FloatArray, FloatArray]:
    """Lower and upper Wilson bounds per cell; NaN where there are no trials."""
    x = np.asarray(successes, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    z = z_value(confidence)
    z2 = z * z
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denom = 1.0 + z2 / n
        centre = (p + z2 / (2.0 * n)) / denom
        half = (z / denom) * np.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n))
    # at x = 0 (x = n) the bound is exactly 0 (1); rounding would leave 1e-17 above it
    lower = np.where(n > 0, np.where(x <= 0, 0.0, np.clip(centre - half, 0.0, 1.0)), np.nan)
    upper = np.where(n > 0, np.where(x >= n, 1.0, np.clip(centre + half, 0.0, 1.0)), np.nan)
    return lower, upper


def homogeneity_p_value(successes: IntArray, trials: IntArray) -> float:
    """Pearson χ² p-value that k proportions are equal; 1.0 when nothing varies."""
    x = np.asarray(successes, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    keep = n > 0
    x, n = x[keep], n[keep]
    if x.size < 2:
        return 1.0
    total = n.sum()
    p = x.sum() / total
    if p <= 0.0 or p >= 1.0:
        return 1.0
    expected_yes = n * p
    expected_no = n * (1.0 - p)
    stat = float(np.sum((x - expected_yes) ** 2 / expected_yes + ((n - x) - expected_no) ** 2
                        / expected_no))
    return float(special.chdtrc(x.size - 1, stat))


def welch_anova_p_value(counts: FloatArray, means: FloatArray, variances: FloatArray) -> float:
    """Welch's one-way ANOVA p-value from group summaries (groups need n >= 2)."""
    n = np.asarray(counts, dtype=np.float64)
    m = np.asarray(means, dtype=np.float64)
    v = np.asarray(variances, dtype=np.float64)
    keep = (n >= 2) & np.isfinite(m) & np.isfinite(v)
    n, m, v = n[keep], m[keep], v[keep]
    k = n.size
    if k < 2:
        return 1.0
    if np.any(v <= 0.0):
        # a constant group: the test is undefined; equal constants mean no evidence of a gap
        return 1.0 if np.ptp(m) == 0.0 else 0.0
    w = n / v
    sw = w.sum()
    grand = float(np.sum(w * m) / sw)
    a = float(np.sum(w * (m - grand) ** 2) / (k - 1))
    lam = float(np.sum((1.0 - w / sw) ** 2 / (n - 1)))
    b = 1.0 + 2.0 * (k - 2) / (k * k - 1) * lam
    stat = a / b
    df2 = (k * k - 1) / (3.0 * lam) if lam > 0 else np.inf
    return float(special.fdtrc(k - 1, df2, stat))


def holm(p_values: FloatArray) -> FloatArray:
    """Holm–Bonferroni adjusted p-values, in the order given."""
    p = np.asarray(p_values, dtype=np.float64)
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")
    scaled = p[order] * (m - np.arange(m))
    adjusted = np.minimum(np.maximum.accumulate(scaled), 1.0)
    out = np.empty(m)
    out[order] = adjusted
    return out


def benjamini_hochberg(p_values: FloatArray) -> FloatArray:
    """Benjamini–Hochberg adjusted p-values (false discovery rate), in the order given."""
    p = np.asarray(p_values, dtype=np.float64)
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")[::-1]
    ranks = np.arange(m, 0, -1)
    scaled = p[order] * m / ranks
    adjusted = np.minimum(np.minimum.accumulate(scaled), 1.0)
    out = np.empty(m)
    out[order] = adjusted
    return out


def adjust(p_values: FloatArray, method: Correction) -> FloatArray:
    if method == "holm":
        return holm(p_values)
    if method == "bh":
        return benjamini_hochberg(p_values)
    raise ValueError("correction must be 'holm' or 'bh'")
