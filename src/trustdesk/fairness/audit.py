"""An audit of an exported table (CSV or Parquet): read it columnar, report every grouping.

The outcome column decides the report: 0/1 or true/false (or any column with `positive=`
naming the value that counts as selected) gives the rate report (FairnessReport); other
numbers (a time, a score) give the gap report (GapReport). With a time column, the rate report
also carries a trend: per period, the selection rate of each group and the demographic-parity
difference, computed from the same cell counts with the period as one more attribute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from trustdesk.fairness.counts import CellCounts, FairnessDataError
from trustdesk.fairness.frame import AuditOptions, FairnessReport
from trustdesk.fairness.gaps import GapReport

Period = Literal["day", "week", "month"]
PERIOD_ATTRIBUTE = "period"


def read_table(path: Path, columns: Sequence[str]) -> pa.Table:
    """The named columns of a CSV or Parquet file (by suffix), group columns dictionary-encoded."""
    if not path.is_file():
        raise FairnessDataError(f"data: no such file {path.name!r}")
    wanted = list(dict.fromkeys(columns))
    suffix = path.suffix.lower()
    try:
        if suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            schema = pq.read_schema(path)
            _check_columns(wanted, schema.names)
            return pq.read_table(path, columns=wanted)
        import pyarrow.csv as pacsv

        header = pacsv.open_csv(path).schema.names
        _check_columns(wanted, header)
        return pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(include_columns=wanted, auto_dict_encode=True,
                                                 auto_dict_max_cardinality=1 << 20),
        )
    except pa.ArrowInvalid as exc:
        raise FairnessDataError(f"data: cannot be read as {suffix.lstrip('.') or 'CSV'} "
                                f"({str(exc).splitlines()[0][:200]})") from None


def _check_columns(wanted: Sequence[str], present: Sequence[str]) -> None:
    missing = [c for c in wanted if c not in present]
    if missing:
        raise FairnessDataError(f"{missing[0]}: no such column in the data")


@dataclass(frozen=True)
class AuditRequest:
    outcome: str
    groups: tuple[str, ...]
    label: str | None = None
    positive: str | None = None
    time: str | None = None
    period: Period = "week"


def _outcome(column: pa.ChunkedArray, name: str, positive: str | None) -> tuple[str, Any]:
    """('rate', 0/1 values) or ('gap', numbers)."""
    col = column.combine_chunks()
    if pa.types.is_dictionary(col.type):
        col = col.dictionary_decode()
    if positive is not None:
        if col.null_count:
            raise FairnessDataError(f"{name}: has missing values")
        as_text = pc.cast(col, pa.string())
        return "rate", pc.equal(as_text, positive).to_numpy(zero_copy_only=False)
    if pa.types.is_boolean(col.type):
        if col.null_count:
            raise FairnessDataError(f"{name}: has missing values")
        return "rate", col.to_numpy(zero_copy_only=False)
    if pa.types.is_integer(col.type) or pa.types.is_floating(col.type):
        if col.null_count:
            raise FairnessDataError(f"{name}: has missing values")
        values = col.to_numpy(zero_copy_only=False)
        if values.size and bool(np.all((values == 0) | (values == 1))):
            return "rate", values
        return "gap", values
    raise FairnessDataError(
        f"{name}: is text; give --positive with the value that counts as the outcome")


def period_labels(column: pa.ChunkedArray, name: str, period: Period) -> pa.Array:
    """Each time as the start date of its day, ISO week (Monday) or month."""
    col = column.combine_chunks()
    if pa.types.is_dictionary(col.type):
        col = col.dictionary_decode()
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        try:
            col = pc.cast(pc.utf8_slice_codeunits(col, 0, 10), pa.date32())
        except pa.ArrowInvalid:
            raise FairnessDataError(f"{name}: expected ISO dates or times") from None
    if not (pa.types.is_timestamp(col.type) or pa.types.is_date(col.type)):
        raise FairnessDataError(f"{name}: expected ISO dates or times")
    unit = {"day": "day", "week": "week", "month": "month"}[period]
    floored = pc.floor_temporal(col, unit=unit, week_starts_monday=True)
    return pc.cast(pc.cast(floored, pa.date32()), pa.string())


def trend(counts: CellCounts, options: AuditOptions) -> list[dict[str, Any]]:
    """Per attribute and period: each group's selection rate and the gap between them."""
    out: list[dict[str, Any]] = []
    attrs = [a for a in counts.attributes if a != PERIOD_ATTRIBUTE]
    plain = AuditOptions(min_cell_size=options.min_cell_size, confidence=options.confidence,
                         n_bootstrap=0, correction=options.correction, alpha=options.alpha)
    report = FairnessReport.from_counts(
        counts, options=plain, groupings=[(PERIOD_ATTRIBUTE, a) for a in attrs])
    for a in attrs:
        frame = report[PERIOD_ATTRIBUTE, a]
        rates = frame.by_group["selection_rate"]
        periods = sorted({cell[0] for cell in frame.cells})
        for p in periods:
            values = {cell[1]: v for cell, v in rates.items() if cell[0] == p}
            shown = [v for v in values.values() if v is not None]
            out.append({
                "attribute": a,
                "period": p,
                "selection_rate": values,
                "demographic_parity_difference": max(shown) - min(shown) if shown else None,
            })
    return out


def audit_table(table: pa.Table, request: AuditRequest,
                options: AuditOptions) -> dict[str, Any]:
    """The JSON document of an audit of one table (full precision)."""
    kind, y = _outcome(table[request.outcome], request.outcome, request.positive)
    groups = {g: table[g] for g in request.groups}
    if kind == "gap":
        if request.label is not None:
            raise FairnessDataError("label: only applies to a 0/1 outcome")
        gap = GapReport.compute(values=y, groups=groups, options=options)
        return {"kind": "gap", "outcome": request.outcome, **gap.to_dict()}
    y_true = None
    if request.label is not None:
        _, y_true = _outcome(table[request.label], request.label, None)
        if _ == "gap":
            raise FairnessDataError(f"{request.label}: expected 0/1 or true/false values")
    if request.time is None:
        counts = CellCounts.from_arrays(y_pred=y, groups=groups, y_true=y_true)
        report = FairnessReport.from_counts(counts, options=options)
        return {"kind": "rate", "outcome": request.outcome, "label": request.label,
                **report.to_dict()}
    if PERIOD_ATTRIBUTE in groups:
        raise FairnessDataError(f"group: {PERIOD_ATTRIBUTE!r} is reserved for the time column")
    with_period = {**groups, PERIOD_ATTRIBUTE: period_labels(table[request.time], request.time,
                                                             request.period)}
    counts = CellCounts.from_arrays(y_pred=y, groups=with_period, y_true=y_true)
    names = tuple(request.groups)
    groupings: list[tuple[str, ...]] = [(g,) for g in names]
    if len(names) > 1:
        groupings.append(names)
    report = FairnessReport.from_counts(counts, options=options, groupings=groupings)
    return {"kind": "rate", "outcome": request.outcome, "label": request.label,
            **report.to_dict(), "trend": {"time": request.time, "period": request.period,
                                          "points": trend(counts, options)}}


def audit_file(path: Path, request: AuditRequest, options: AuditOptions) -> dict[str, Any]:
    columns = [request.outcome, *request.groups]
    columns += [c for c in (request.label, request.time) if c is not None]
    table = read_table(path, columns)
    document = audit_table(table, request, options)
    return {"source": {"file": path.name, "rows": table.num_rows}, **document}
