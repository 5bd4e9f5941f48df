"""Fairness of the support AI's own decisions: a decision frame with intervals and tests."""

from trustdesk.fairness.counts import MISSING, CellCounts, FairnessDataError, factorize
from trustdesk.fairness.frame import (
    FOUR_FIFTHS,
    AuditOptions,
    Comparison,
    DecisionFrame,
    FairnessReport,
    Interval,
)

__all__ = [
    "FOUR_FIFTHS",
    "MISSING",
    "AuditOptions",
    "CellCounts",
    "Comparison",
    "DecisionFrame",
    "FairnessDataError",
    "FairnessReport",
    "Interval",
    "factorize",
]
