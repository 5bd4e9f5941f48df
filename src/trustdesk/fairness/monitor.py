"""The live monitor's rule: which gaps of a window's report deserve an alert.

A grouping raises an alert for an outcome when both hold: its selection rates differ
significantly after the report's correction across all comparisons (p_adjusted < alpha), and
the demographic-parity difference is at least `threshold`. Significance alone flags tiny
gaps in big windows; size alone flags noise in small ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustdesk.fairness.frame import FairnessReport

METRIC = "demographic_parity_difference"


@dataclass(frozen=True)
class MonitorConfig:
    groups: tuple[str, ...] = ("language", "channel", "urgency", "sentiment")
    outcomes: tuple[str, ...] = ("automatic", "handoff")
    window: timedelta = timedelta(days=7)
    threshold: float = 0.1
    min_cell_size: int = 30
    alpha: float = 0.05


@dataclass(frozen=True)
class Gap:
    attributes: tuple[str, ...]
    metric: str
    value: float
    ratio: float | None
    p_adjusted: float
    lowest_group: str
    highest_group: str
    decisions: int


def gaps(report: FairnessReport, threshold: float) -> list[Gap]:
    found = []
    for attrs, frame in report.frames.items():
        test = frame.comparisons.get("selection_rate")
        value = frame.difference()["selection_rate"]
        if test is None or value is None or not test.significant or value < threshold:
            continue
        rates = {c: v for c, v in frame.by_group["selection_rate"].items() if v is not None}
        low, high = min(rates, key=lambda c: rates[c]), max(rates, key=lambda c: rates[c])
        found.append(Gap(attrs, METRIC, value, frame.ratio()["selection_rate"],
                         test.p_adjusted, " × ".join(low), " × ".join(high),
                         int(frame.counts.sum())))
    return found
