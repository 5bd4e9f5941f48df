"""The decision frame: fairness metrics computed once from cell counts, queried by group.

Modelled on fairlearn's MetricFrame and named as fairlearn names things. For a grouping G
(one attribute, or an intersection) and a rate r with per-group values r_g:
    difference(between_groups) = max_g r_g - min_g r_g
    ratio(between_groups)      = min_g r_g / max_g r_g
    difference(to_overall)     = max_g |r_g - r|
    ratio(to_overall)          = min_g min(r_g / r, r / r_g)
demographic parity uses r = selection rate P(ŷ=1 | g); equal opportunity the true positive
rate P(ŷ=1 | y=1, g); equalized odds the worse of the true and false positive rate gaps
(differences: the larger, ratios: the smaller). Groups whose denominator is below
`min_cell_size` are suppressed: no value is shown and they take no part in a difference.

Intervals: Wilson per group and rate; for the between-groups differences and ratios a
stratified percentile bootstrap. Resampling decisions with replacement inside each finest
cell makes that cell's (TP, FN, FP, TN) counts multinomial with the observed shares, so a
replicate is drawn as a few binomials per cell rather than by touching rows: the cost does
not grow with the number of decisions. Coarser groupings sum the same replicate cells, so
every grouping sees one consistent resample.

Tests: per grouping and rate, Pearson's χ² of homogeneity over the unsuppressed groups; the
p-values of all comparisons in a report are adjusted together (Holm by default).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from trustdesk.fairness.counts import CellCounts
from trustdesk.fairness.stats import (
    Correction,
    FloatArray,
    IntArray,
    adjust,
    homogeneity_p_value,
    wilson_interval,
)

Method = Literal["between_groups", "to_overall"]
Cell = tuple[str, ...]
RATES = ("selection_rate", "true_positive_rate", "false_positive_rate")
FOUR_FIFTHS = 0.8


@dataclass(frozen=True)
class AuditOptions:
    """How a report is computed; every field has a safe default."""

    min_cell_size: int = 10
    confidence: float = 0.95
    n_bootstrap: int = 1000
    seed: int = 0
    correction: Correction = "holm"
    alpha: float = 0.05

    def __post_init__(self) -> None:
        if self.min_cell_size < 1:
            raise ValueError("min_cell_size must be at least 1")
        if not 0.0 < self.confidence < 1.0:
            raise ValueError("confidence must be between 0 and 1 (exclusive)")
        if not 0 <= self.n_bootstrap <= 100_000:
            raise ValueError("n_bootstrap must be between 0 and 100000")
        if not 0.0 < self.alpha < 1.0:
            raise ValueError("alpha must be between 0 and 1 (exclusive)")
        if self.correction not in ("holm", "bh"):
            raise ValueError("correction must be 'holm' or 'bh'")


@dataclass(frozen=True)
class Interval:
    lower: float | None
    upper: float | None


@dataclass(frozen=True)
class Comparison:
    """One test of 'this rate differs between the groups of this grouping'."""

    attributes: tuple[str, ...]
    metric: str
    p_value: float
    p_adjusted: float
    significant: bool


def _value(x: Any) -> float | None:
    return float(x) if np.isfinite(x) else None


def _rates(numerator: IntArray, denominator: IntArray) -> FloatArray:
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def _spread(values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Row-wise (max, min) ignoring NaN; NaN for rows with no finite value."""
    finite = np.isfinite(values)
    hi = np.where(finite, values, -np.inf).max(axis=-1, initial=-np.inf)
    lo = np.where(finite, values, np.inf).min(axis=-1, initial=np.inf)
    none = ~finite.any(axis=-1)
    return np.where(none, np.nan, hi), np.where(none, np.nan, lo)


def _gap(values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Row-wise between-groups difference and ratio."""
    hi, lo = _spread(values)
    diff = hi - lo
    ratio = np.full(hi.shape, np.nan)
    np.divide(lo, hi, out=ratio, where=np.isfinite(hi) & (hi > 0))
    return diff, ratio


def _percentile(replicates: FloatArray, confidence: float) -> Interval:
    finite = replicates[np.isfinite(replicates)]
    if finite.size == 0:
        return Interval(None, None)
    tail = (1.0 - confidence) / 2.0
    lo, hi = np.quantile(finite, [tail, 1.0 - tail])
    return Interval(float(lo), float(hi))


class DecisionFrame:
    """Rates of one grouping, computed once; query with overall, by_group, difference, ratio."""

    def __init__(
        self,
        attributes: tuple[str, ...],
        cells: tuple[Cell, ...],
        n: IntArray,
        selected: IntArray,
        positives: IntArray | None,
        true_positives: IntArray | None,
        options: AuditOptions,
    ) -> None:
        self.attributes = attributes
        self.cells = cells
        self.options = options
        self.counts = n
        self.labelled = positives is not None
        nums: dict[str, IntArray] = {"selection_rate": selected}
        dens: dict[str, IntArray] = {"selection_rate": n}
        if positives is not None and true_positives is not None:
            nums["true_positive_rate"] = true_positives
            dens["true_positive_rate"] = positives
            nums["false_positive_rate"] = selected - true_positives
            dens["false_positive_rate"] = n - positives
        self.metrics = tuple(nums)
        self._num = nums
        self._den = dens
        cell_ok = n >= options.min_cell_size
        self.suppressed = ~cell_ok
        self._rate: dict[str, FloatArray] = {}
        self._valid: dict[str, NDArray[np.bool_]] = {}
        self._wilson: dict[str, tuple[FloatArray, FloatArray]] = {}
        for m in self.metrics:
            valid = cell_ok & (dens[m] >= options.min_cell_size) & (dens[m] > 0)
            rate = _rates(nums[m], dens[m])
            self._valid[m] = valid
            self._rate[m] = np.where(valid, rate, np.nan)
            self._wilson[m] = wilson_interval(nums[m], dens[m], options.confidence)
        self._overall = {
            m: _value(nums[m].sum() / dens[m].sum()) if dens[m].sum() > 0 else None
            for m in self.metrics
        }
        self._gap_intervals: dict[str, tuple[Interval, Interval]] = {}
        self.p_values = {m: homogeneity_p_value(nums[m][self._valid[m]],
                                                 dens[m][self._valid[m]])
                         for m in self.metrics}
        self.comparisons: dict[str, Comparison] = {}

    # -- the MetricFrame-style queries -------------------------------------------------------

    @property
    def overall(self) -> dict[str, float | None]:
        return dict(self._overall)

    @property
    def by_group(self) -> dict[str, dict[Cell, float | None]]:
        return {
            m: {cell: _value(v) for cell, v in zip(self.cells, self._rate[m], strict=True)}
            for m in self.metrics
        }

    @property
    def count(self) -> dict[Cell, int | None]:
        return {
            cell: None if sup else int(c)
            for cell, c, sup in zip(self.cells, self.counts, self.suppressed, strict=True)
        }

    def intervals(self) -> dict[str, dict[Cell, Interval]]:
        """Wilson intervals per group (none for suppressed groups)."""
        out: dict[str, dict[Cell, Interval]] = {}
        for m in self.metrics:
            lo, hi = self._wilson[m]
            out[m] = {
                cell: Interval(_value(a), _value(b)) if ok else Interval(None, None)
                for cell, a, b, ok in zip(self.cells, lo, hi, self._valid[m], strict=True)
            }
        return out

    def group_min(self) -> dict[str, float | None]:
        return {m: _value(_spread(self._rate[m])[1]) for m in self.metrics}

    def group_max(self) -> dict[str, float | None]:
        return {m: _value(_spread(self._rate[m])[0]) for m in self.metrics}

    def difference(self, method: Method = "between_groups") -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for m in self.metrics:
            r = self._rate[m]
            if method == "between_groups":
                out[m] = _value(_gap(r)[0])
            elif method == "to_overall":
                base = self._overall[m]
                out[m] = None if base is None else _value(_spread(np.abs(r - base))[0])
            else:
                raise ValueError("method must be 'between_groups' or 'to_overall'")
        return out

    def ratio(self, method: Method = "between_groups") -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for m in self.metrics:
            r = self._rate[m]
            if method == "between_groups":
                out[m] = _value(_gap(r)[1])
            elif method == "to_overall":
                base = self._overall[m]
                if base is None or base == 0:
                    out[m] = None
                    continue
                x = r / base
                with np.errstate(divide="ignore"):
                    x = np.where(x > 1.0, 1.0 / x, x)
                out[m] = _value(_spread(x)[1])
            else:
                raise ValueError("method must be 'between_groups' or 'to_overall'")
        return out

    def difference_interval(self) -> dict[str, Interval]:
        return {m: self._gap_intervals[m][0] for m in self._gap_intervals}

    def ratio_interval(self) -> dict[str, Interval]:
        return {m: self._gap_intervals[m][1] for m in self._gap_intervals}

    # -- fairlearn's named fairness metrics ------------------------------------------------

    def fairness(self) -> dict[str, float | bool | None]:
        """demographic parity, equal opportunity and equalized odds, as fairlearn names them."""
        diff, ratio = self.difference(), self.ratio()
        out: dict[str, float | bool | None] = {
            "demographic_parity_difference": diff["selection_rate"],
            "demographic_parity_ratio": ratio["selection_rate"],
            "four_fifths_rule": None if ratio["selection_rate"] is None
            else ratio["selection_rate"] >= FOUR_FIFTHS,
        }
        if self.labelled:
            tpr_d, fpr_d = diff["true_positive_rate"], diff["false_positive_rate"]
            tpr_r, fpr_r = ratio["true_positive_rate"], ratio["false_positive_rate"]
            out["equal_opportunity_difference"] = tpr_d
            out["equal_opportunity_ratio"] = tpr_r
            out["equalized_odds_difference"] = (
                None if tpr_d is None or fpr_d is None else max(tpr_d, fpr_d)
            )
            out["equalized_odds_ratio"] = (
                None if tpr_r is None or fpr_r is None else min(tpr_r, fpr_r)
            )
        return out

    def fairness_intervals(self) -> dict[str, Interval]:
        d, r = self.difference_interval(), self.ratio_interval()
        if not d:
            return {}
        out = {
            "demographic_parity_difference": d["selection_rate"],
            "demographic_parity_ratio": r["selection_rate"],
        }
        if self.labelled:
            out["equal_opportunity_difference"] = d["true_positive_rate"]
            out["equal_opportunity_ratio"] = r["true_positive_rate"]
            out["equalized_odds_difference"] = d["equalized_odds"]
            out["equalized_odds_ratio"] = r["equalized_odds"]
        return out

    # -- filled in by the report ------------------------------------------------------------

    def _set_bootstrap(self, replicate_counts: Mapping[str, FloatArray]) -> None:
        """Per metric, percentile intervals of the gaps over the replicate counts."""
        diffs: dict[str, FloatArray] = {}
        ratios: dict[str, FloatArray] = {}
        for m in self.metrics:
            num, den = replicate_counts[m + ":num"], replicate_counts[m + ":den"]
            rate = np.full(num.shape, np.nan)
            np.divide(num, den, out=rate, where=(den > 0) & self._valid[m])
            diffs[m], ratios[m] = _gap(rate)
            self._gap_intervals[m] = (
                _percentile(diffs[m], self.options.confidence),
                _percentile(ratios[m], self.options.confidence),
            )
        if self.labelled:
            eo_d = np.maximum(diffs["true_positive_rate"], diffs["false_positive_rate"])
            eo_r = np.minimum(ratios["true_positive_rate"], ratios["false_positive_rate"])
            self._gap_intervals["equalized_odds"] = (
                _percentile(eo_d, self.options.confidence),
                _percentile(eo_r, self.options.confidence),
            )

    # -- output -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        intervals = self.intervals()
        by_group = self.by_group
        cells = []
        for i, cell in enumerate(self.cells):
            entry: dict[str, Any] = {
                "group": dict(zip(self.attributes, cell, strict=True)),
                "n": None if self.suppressed[i] else int(self.counts[i]),
                "suppressed": bool(self.suppressed[i]),
            }
            for m in self.metrics:
                iv = intervals[m][cell]
                entry[m] = {"value": by_group[m][cell], "lower": iv.lower, "upper": iv.upper}
            cells.append(entry)
        fi = self.fairness_intervals()
        fairness: dict[str, Any] = {}
        for name, value in self.fairness().items():
            if name == "four_fifths_rule":
                fairness[name] = value
            else:
                iv = fi.get(name, Interval(None, None))
                fairness[name] = {"value": value, "lower": iv.lower, "upper": iv.upper}
        return {
            "attributes": list(self.attributes),
            "cells": cells,
            "overall": self.overall,
            "difference": self.difference(),
            "ratio": self.ratio(),
            "difference_to_overall": self.difference("to_overall"),
            "ratio_to_overall": self.ratio("to_overall"),
            "fairness": fairness,
            "tests": {
                m: {"p_value": c.p_value, "p_adjusted": c.p_adjusted, "significant": c.significant}
                for m, c in self.comparisons.items()
            },
        }


def _groupings(attributes: tuple[str, ...], intersections: bool) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [(a,) for a in attributes]
    if intersections and len(attributes) > 1:
        out.append(attributes)
    return out


class FairnessReport:
    """Every grouping of one audit: each attribute alone and their intersection."""

    def __init__(
        self, counts: CellCounts, options: AuditOptions, frames: dict[tuple[str, ...],
                                                                      DecisionFrame]
    ) -> None:
        self.counts = counts
        self.options = options
        self.frames = frames
        self.comparisons = [c for f in frames.values() for c in f.comparisons.values()]

    @classmethod
    def compute(
        cls,
        *,
        y_pred: Any,
        groups: Mapping[str, Any],
        y_true: Any | None = None,
        intersections: bool = True,
        options: AuditOptions | None = None,
    ) -> FairnessReport:
        counts = CellCounts.from_arrays(y_pred=y_pred, groups=groups, y_true=y_true)
        return cls.from_counts(counts, intersections=intersections, options=options)

    @classmethod
    def from_counts(
        cls,
        counts: CellCounts,
        *,
        intersections: bool = True,
        options: AuditOptions | None = None,
        groupings: Sequence[tuple[str, ...]] | None = None,
    ) -> FairnessReport:
        options = options or AuditOptions()
        wanted = list(groupings) if groupings else _groupings(counts.attributes, intersections)
        replicates = _bootstrap(counts, options)
        frames: dict[tuple[str, ...], DecisionFrame] = {}
        for attrs in wanted:
            labels, inverse = counts.grouping(attrs)
            k = len(labels)

            def pool(x: IntArray, inverse: IntArray = inverse, k: int = k) -> IntArray:
                return np.bincount(inverse, weights=x, minlength=k).astype(np.int64)

            pos = None if counts.positives is None else pool(counts.positives)
            tp = None if counts.true_positives is None else pool(counts.true_positives)
            frame = DecisionFrame(
                attrs, labels, pool(counts.n), pool(counts.selected), pos, tp, options
            )
            if replicates is not None:
                frame._set_bootstrap(_pool_replicates(replicates, inverse, k))
            frames[attrs] = frame
        cls._adjust(frames, options)
        return cls(counts, options, frames)

    @staticmethod
    def _adjust(frames: Mapping[tuple[str, ...], DecisionFrame], options: AuditOptions) -> None:
        keys = [(attrs, m) for attrs, f in frames.items() for m in f.metrics]
        raw = np.array([frames[a].p_values[m] for a, m in keys], dtype=np.float64)
        adjusted = adjust(raw, options.correction)
        for (attrs, m), p, q in zip(keys, raw, adjusted, strict=True):
            frames[attrs].comparisons[m] = Comparison(
                attrs, m, float(p), float(q), bool(q < options.alpha)
            )

    def __getitem__(self, attributes: str | tuple[str, ...]) -> DecisionFrame:
        key = (attributes,) if isinstance(attributes, str) else tuple(attributes)
        if key not in self.frames:
            raise KeyError(f"no grouping {key!r} in this report")
        return self.frames[key]

    def to_dict(self) -> dict[str, Any]:
        o = self.options
        return {
            "decisions": self.counts.rows,
            "labelled": self.counts.labelled,
            "options": {
                "min_cell_size": o.min_cell_size,
                "confidence": o.confidence,
                "n_bootstrap": o.n_bootstrap,
                "seed": o.seed,
                "correction": o.correction,
                "alpha": o.alpha,
            },
            "groupings": [f.to_dict() for f in self.frames.values()],
        }


def _bootstrap(counts: CellCounts, options: AuditOptions) -> dict[str, FloatArray] | None:
    """Replicate (B, cells) counts per finest cell: TP, FN, FP, TN multinomial with its shares."""
    b = options.n_bootstrap
    if b == 0 or counts.n.size == 0:
        return None
    rng = np.random.default_rng(options.seed)
    n = counts.n.astype(np.int64)
    shape = (b, n.size)
    if counts.positives is None or counts.true_positives is None:
        p = counts.selected / n
        sel = rng.binomial(np.broadcast_to(n, shape), np.broadcast_to(p, shape))
        return {"n": np.broadcast_to(n, shape).astype(np.float64), "selected": sel.astype(float)}
    tp, pos, sel = counts.true_positives, counts.positives, counts.selected
    shares = [tp, pos - tp, sel - tp]  # TP, FN, FP; TN is what is left
    left = np.broadcast_to(n, shape).astype(np.int64)
    remaining_share = np.ones(n.size)
    draws = []
    for count in shares:
        share = count / n
        p = np.divide(share, remaining_share, out=np.zeros(n.size), where=remaining_share > 0)
        draw = rng.binomial(left, np.clip(np.broadcast_to(p, shape), 0.0, 1.0))
        draws.append(draw)
        left = left - draw
        remaining_share = remaining_share - share
    r_tp, r_fn, r_fp = (d.astype(np.float64) for d in draws)
    return {
        "n": np.broadcast_to(n, shape).astype(np.float64),
        "selected": r_tp + r_fp,
        "positives": r_tp + r_fn,
        "true_positives": r_tp,
    }


def _pool_replicates(
    replicates: Mapping[str, FloatArray], inverse: IntArray, k: int
) -> dict[str, FloatArray]:
    """Sum replicate fine cells into the grouping's cells (a segmented sum, no BLAS)."""
    order = np.argsort(inverse, kind="stable")
    starts = np.searchsorted(inverse[order], np.arange(k))
    pooled = {name: np.add.reduceat(arr[:, order], starts, axis=1)
              for name, arr in replicates.items()}
    out = {
        "selection_rate:num": pooled["selected"],
        "selection_rate:den": pooled["n"],
    }
    if "positives" in pooled:
        out["true_positive_rate:num"] = pooled["true_positives"]
        out["true_positive_rate:den"] = pooled["positives"]
        out["false_positive_rate:num"] = pooled["selected"] - pooled["true_positives"]
        out["false_positive_rate:den"] = pooled["n"] - pooled["positives"]
    return out
