"""Sufficient statistics per cell: the only thing the decision frame needs from the data.

A cell is one combination of group values over every attribute audited (the finest
intersection). Per cell we keep n (decisions), selected (y_pred = 1) and, when ground truth
exists, positives (y_true = 1) and true_positives (both 1). Every rate the frame reports, for
each attribute alone or any intersection, is a sum of these over cells, so the same counts can
come from arrays (one np.bincount pass each) or from a SQL `GROUP BY`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

IntArray = NDArray[np.int64]
MISSING = "(not recorded)"
_DENSE_LIMIT = 1 << 24  # combined codes above this many possible cells are sorted, not counted


class FairnessDataError(ValueError):
    """The data given to an audit cannot be used as it is; the message names the column."""


@dataclass(frozen=True)
class Factor:
    """A column as integer codes into its sorted distinct values."""

    codes: IntArray
    levels: tuple[str, ...]


def _label(value: Any) -> str:
    if value is None:
        return MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def factorize(values: Any, name: str = "group") -> Factor:
    """Hash-encode a column (numpy, list or Arrow) and order its levels by their label."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        arr = np.asarray(values)
        if arr.ndim != 1:
            raise FairnessDataError(f"{name}: expected one value per decision")
        values = pa.array(arr.tolist() if arr.dtype == object else arr)
    if values.null_count == len(values) and len(values) > 0:
        values = pa.nulls(len(values), pa.string())
    if pa.types.is_dictionary(values.type):  # already encoded (e.g. by the CSV reader)
        encoded = values
        if values.null_count:
            encoded = pc.dictionary_encode(
                values.dictionary_decode(), null_encoding="encode")
    else:
        encoded = pc.dictionary_encode(values, null_encoding="encode")
    raw_codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    labels = [_label(v) for v in encoded.dictionary.to_pylist()]
    distinct = sorted(set(labels))
    position = {label: i for i, label in enumerate(distinct)}
    remap = np.array([position[label] for label in labels], dtype=np.int64)
    codes = remap[raw_codes] if raw_codes.size else raw_codes
    return Factor(codes=codes, levels=tuple(distinct))


def binary(values: Any, name: str) -> NDArray[np.bool_]:
    """A 0/1 or boolean column as booleans; anything else is refused by name."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        if values.null_count:
            raise FairnessDataError(f"{name}: has missing values; a 0/1 outcome is needed")
        values = values.to_numpy(zero_copy_only=False)
    arr = np.asarray(values)
    if arr.dtype == np.bool_:
        return arr
    if arr.dtype.kind not in "iuf":
        raise FairnessDataError(f"{name}: expected 0/1 or true/false values")
    if arr.size and not np.all((arr == 0) | (arr == 1)):
        raise FairnessDataError(f"{name}: expected 0/1 or true/false values")
    return arr.astype(np.bool_)


@dataclass(frozen=True)
class CellCounts:
    """Counts per observed cell of the finest intersection of `attributes`."""

    attributes: tuple[str, ...]
    levels: tuple[tuple[str, ...], ...]  # per attribute, its labels
    codes: IntArray  # (cells, attributes): the level index of each cell on each attribute
    n: IntArray
    selected: IntArray
    positives: IntArray | None = None
    true_positives: IntArray | None = None

    @property
    def labelled(self) -> bool:
        return self.positives is not None

    @property
    def rows(self) -> int:
        return int(self.n.sum())

    @classmethod
    def from_arrays(
        cls,
        *,
        y_pred: Any,
        groups: Mapping[str, Any],
        y_true: Any | None = None,
    ) -> CellCounts:
        if not groups:
            raise FairnessDataError("group: at least one group attribute is needed")
        pred = binary(y_pred, "outcome")
        truth = None if y_true is None else binary(y_true, "label")
        factors = [factorize(col, name) for name, col in groups.items()]
        for (name, _), factor in zip(groups.items(), factors, strict=True):
            if factor.codes.shape != pred.shape:
                raise FairnessDataError(f"{name}: has a different length from the outcome")
        if truth is not None and truth.shape != pred.shape:
            raise FairnessDataError("label: has a different length from the outcome")
        sizes = tuple(max(len(f.levels), 1) for f in factors)
        combined = np.ravel_multi_index(tuple(f.codes for f in factors), sizes)
        total = int(np.prod(sizes, dtype=np.int64))
        # one integer bincount gives every count: each decision falls in one of 2 (or 4)
        # outcome slots of its cell: slot = 2 * y_pred + y_true
        slots = 2 if truth is None else 4
        slot = pred.view(np.uint8).astype(np.int64) * (slots // 2)
        if truth is not None:
            slot += truth.view(np.uint8)
        if total * slots <= _DENSE_LIMIT:
            table = np.bincount(combined * slots + slot, minlength=total * slots)
            table = table.reshape(total, slots)
            observed = np.flatnonzero(table.sum(axis=1))
            table = table[observed]
        else:
            observed, index = np.unique(combined, return_inverse=True)
            table = np.bincount(index.reshape(-1) * slots + slot,
                                minlength=observed.size * slots).reshape(observed.size, slots)
        table = table.astype(np.int64)
        codes = np.stack(np.unravel_index(observed, sizes), axis=1).astype(np.int64)
        # slots: 0 = (pred 0, true 0), 1 = (0, 1), 2 = (1, 0), 3 = (1, 1); without truth 0, 1
        if truth is None:
            n, selected = table.sum(axis=1), table[:, 1]
            positives = true_positives = None
        else:
            n, selected = table.sum(axis=1), table[:, 2] + table[:, 3]
            positives, true_positives = table[:, 1] + table[:, 3], table[:, 3]
        return cls(
            attributes=tuple(groups),
            levels=tuple(f.levels for f in factors),
            codes=codes.reshape(observed.size, len(factors)),
            n=n,
            selected=selected,
            positives=positives,
            true_positives=true_positives,
        )

    @classmethod
    def from_cells(
        cls,
        attributes: Sequence[str],
        cells: Iterable[Sequence[Any]],
        *,
        labelled: bool,
    ) -> CellCounts:
        """From aggregated rows: group values..., n, selected[, positives, true_positives]."""
        attributes = tuple(attributes)
        k = len(attributes)
        rows = [tuple(r) for r in cells]
        width = k + (4 if labelled else 2)
        if any(len(r) != width for r in rows):
            raise FairnessDataError("cells: each row needs the group values and its counts")
        labels = [[_label(r[i]) for r in rows] for i in range(k)]
        merged: dict[tuple[str, ...], list[int]] = {}
        for i, r in enumerate(rows):
            key = tuple(labels[a][i] for a in range(k))
            acc = merged.setdefault(key, [0] * (width - k))
            for j, v in enumerate(r[k:]):
                acc[j] += int(v or 0)
        keys = sorted(k_ for k_, v in merged.items() if v[0] > 0)
        levels = tuple(tuple(sorted({key[a] for key in keys})) for a in range(k))
        pos = [{label: i for i, label in enumerate(lv)} for lv in levels]
        codes = np.array([[pos[a][key[a]] for a in range(k)] for key in keys], dtype=np.int64)
        stats = np.array([merged[key] for key in keys], dtype=np.int64)
        stats = stats.reshape(len(keys), width - k)
        return cls(
            attributes=attributes,
            levels=levels,
            codes=codes.reshape(len(keys), k),
            n=stats[:, 0],
            selected=stats[:, 1],
            positives=stats[:, 2] if labelled else None,
            true_positives=stats[:, 3] if labelled else None,
        )

    def grouping(self, attributes: Sequence[str]) -> tuple[tuple[tuple[str, ...], ...], IntArray]:
        """The cells of a coarser grouping and, per fine cell, the index of its coarse cell."""
        axes = [self.attributes.index(a) for a in attributes]
        sub = self.codes[:, axes]
        if sub.shape[0] == 0:
            return (), np.zeros(0, dtype=np.int64)
        unique, inverse = np.unique(sub, axis=0, return_inverse=True)
        labels = tuple(
            tuple(self.levels[ax][code] for ax, code in zip(axes, row, strict=True))
            for row in unique.tolist()
        )
        return labels, inverse.reshape(-1).astype(np.int64)
