"""Gaps in a time or score between groups: means and quantiles per group, one sort.

Per grouping: n, mean, variance and the requested quantiles (linear interpolation, numpy's
default) per group; `difference()` is max - min over the unsuppressed groups, `ratio()` is
min / max. The mean difference has a parametric bootstrap interval (each group mean drawn
from N(mean_g, var_g / n_g), the large-sample distribution of a mean) and a Welch ANOVA
p-value; the p-values of all groupings are adjusted together like the rate report's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

from trustdesk.fairness.counts import FairnessDataError, factorize
from trustdesk.fairness.frame import AuditOptions, Comparison, Interval, _gap, _percentile
from trustdesk.fairness.stats import FloatArray, IntArray, adjust, welch_anova_p_value

Cell = tuple[str, ...]


def _numeric(values: Any, name: str) -> FloatArray:
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        values = values.to_numpy(zero_copy_only=False)
    arr = np.asarray(values)
    if arr.dtype.kind not in "iufb":
        raise FairnessDataError(f"{name}: expected numbers (a time or a score)")
    return arr.astype(np.float64)


class GapFrame:
    """Means and quantiles of one value per group of one grouping."""

    def __init__(
        self,
        attributes: tuple[str, ...],
        cells: tuple[Cell, ...],
        codes: IntArray,
        values: FloatArray,
        quantiles: Sequence[float],
        options: AuditOptions,
        rng: np.random.Generator,
    ) -> None:
        self.attributes = attributes
        self.cells = cells
        self.options = options
        k = len(cells)
        n = np.bincount(codes, minlength=k)
        total = np.bincount(codes, weights=values, minlength=k)
        mean = np.divide(total, n, out=np.full(k, np.nan), where=n > 0)
        dev = values - mean[codes]
        ss = np.bincount(codes, weights=dev * dev, minlength=k)
        var = np.divide(ss, n - 1, out=np.full(k, np.nan), where=n > 1)
        self.counts = n.astype(np.int64)
        self.suppressed = n < options.min_cell_size
        valid = ~self.suppressed & (n > 0)
        self.metrics = ("mean", *(f"p{round(q * 100):g}" for q in quantiles))
        order = np.lexsort((values, codes))
        starts = np.concatenate(([0], np.cumsum(n)[:-1]))
        table: dict[str, FloatArray] = {"mean": mean}
        overall_sorted = np.sort(values)
        self._overall = {"mean": float(values.mean()) if values.size else None}
        ordered = values[order]
        for q, name in zip(quantiles, self.metrics[1:], strict=True):
            pos = starts + q * np.maximum(n - 1, 0)
            lo = np.floor(pos).astype(np.int64)
            hi = np.minimum(lo + 1, starts + np.maximum(n - 1, 0))
            frac = pos - lo
            with np.errstate(invalid="ignore"):
                qv = np.where(
                    n > 0,
                    ordered[np.clip(lo, 0, max(values.size - 1, 0))] * (1 - frac)
                    + ordered[np.clip(hi, 0, max(values.size - 1, 0))] * frac,
                    np.nan,
                ) if values.size else np.full(k, np.nan)
            table[name] = qv
            self._overall[name] = float(np.quantile(overall_sorted, q)) if values.size else None
        self._values = {m: np.where(valid, v, np.nan) for m, v in table.items()}
        self.p_value = welch_anova_p_value(n[valid].astype(np.float64), mean[valid], var[valid])
        self.comparison: Comparison | None = None
        self.mean_difference_interval = Interval(None, None)
        if options.n_bootstrap and valid.sum() >= 2:
            b = options.n_bootstrap
            se = np.sqrt(np.where(valid & (n > 1), var / np.maximum(n, 1), 0.0))
            draws = rng.normal(np.where(valid, mean, 0.0), se, size=(b, k))
            draws[:, ~valid] = np.nan
            self.mean_difference_interval = _percentile(_gap(draws)[0], options.confidence)

    @property
    def overall(self) -> dict[str, float | None]:
        return dict(self._overall)

    @property
    def by_group(self) -> dict[str, dict[Cell, float | None]]:
        return {
            m: {c: float(x) if np.isfinite(x) else None for c, x in zip(self.cells, v,
                                                                         strict=True)}
            for m, v in self._values.items()
        }

    def difference(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for m, v in self._values.items():
            d = _gap(v)[0]
            out[m] = float(d) if np.isfinite(d) else None
        return out

    def ratio(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for m, v in self._values.items():
            r = _gap(v)[1]
            out[m] = float(r) if np.isfinite(r) else None
        return out

    def to_dict(self) -> dict[str, Any]:
        by_group = self.by_group
        cells = [
            {
                "group": dict(zip(self.attributes, cell, strict=True)),
                "n": None if self.suppressed[i] else int(self.counts[i]),
                "suppressed": bool(self.suppressed[i]),
                **{m: by_group[m][cell] for m in self.metrics},
            }
            for i, cell in enumerate(self.cells)
        ]
        iv = self.mean_difference_interval
        c = self.comparison
        return {
            "attributes": list(self.attributes),
            "cells": cells,
            "overall": self.overall,
            "difference": self.difference(),
            "ratio": self.ratio(),
            "mean_difference_interval": {"lower": iv.lower, "upper": iv.upper},
            "tests": {} if c is None else {
                "mean": {"p_value": c.p_value, "p_adjusted": c.p_adjusted,
                         "significant": c.significant}
            },
        }


class GapReport:
    """Every grouping (each attribute alone and their intersection) of one value."""

    def __init__(self, rows: int, options: AuditOptions, frames: dict[tuple[str, ...],
                                                                      GapFrame]) -> None:
        self.rows = rows
        self.options = options
        self.frames = frames

    @classmethod
    def compute(
        cls,
        *,
        values: Any,
        groups: Mapping[str, Any],
        quantiles: Sequence[float] = (0.5, 0.9),
        intersections: bool = True,
        options: AuditOptions | None = None,
    ) -> GapReport:
        options = options or AuditOptions()
        if not groups:
            raise FairnessDataError("group: at least one group attribute is needed")
        if any(not 0.0 <= q <= 1.0 for q in quantiles):
            raise ValueError("quantiles must be between 0 and 1")
        vals = _numeric(values, "outcome")
        if np.isnan(vals).any():
            raise FairnessDataError("outcome: has missing values")
        factors = {name: factorize(col, name) for name, col in groups.items()}
        for name, factor in factors.items():
            if factor.codes.shape != vals.shape:
                raise FairnessDataError(f"{name}: has a different length from the outcome")
        names = tuple(groups)
        wanted: list[tuple[str, ...]] = [(a,) for a in names]
        if intersections and len(names) > 1:
            wanted.append(names)
        rng = np.random.default_rng(options.seed)
        frames: dict[tuple[str, ...], GapFrame] = {}
        for attrs in wanted:
            fs = [factors[a] for a in attrs]
            sizes = tuple(max(len(f.levels), 1) for f in fs)
            combined = np.ravel_multi_index(tuple(f.codes for f in fs), sizes)
            observed, codes = np.unique(combined, return_inverse=True)
            idx = np.unravel_index(observed, sizes)
            cells = tuple(
                tuple(fs[j].levels[int(idx[j][i])] for j in range(len(fs)))
                for i in range(observed.size)
            )
            frames[attrs] = GapFrame(attrs, cells, codes.reshape(-1), vals, quantiles, options,
                                     rng)
        keys = list(frames)
        adjusted = adjust(np.array([frames[k].p_value for k in keys]), options.correction)
        for k, q in zip(keys, adjusted, strict=True):
            f = frames[k]
            f.comparison = Comparison(k, "mean", f.p_value, float(q), bool(q < options.alpha))
        return cls(int(vals.size), options, frames)

    def __getitem__(self, attributes: str | tuple[str, ...]) -> GapFrame:
        key = (attributes,) if isinstance(attributes, str) else tuple(attributes)
        if key not in self.frames:
            raise KeyError(f"no grouping {key!r} in this report")
        return self.frames[key]

    def to_dict(self) -> dict[str, Any]:
        return {
            "decisions": self.rows,
            "groupings": [f.to_dict() for f in self.frames.values()],
        }
