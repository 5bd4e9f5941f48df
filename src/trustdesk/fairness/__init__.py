"""Fairness of the support AI's own decisions: a decision frame with intervals and tests.

The names below load on first use, so the message path (which only needs
`trustdesk.fairness.attributes`) does not import numpy, scipy and pyarrow through here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trustdesk.fairness.counts import MISSING, CellCounts, FairnessDataError, factorize
    from trustdesk.fairness.frame import (
        FOUR_FIFTHS,
        AuditOptions,
        Comparison,
        DecisionFrame,
        FairnessReport,
        Interval,
    )

_WHERE = {
    "MISSING": "counts", "CellCounts": "counts", "FairnessDataError": "counts",
    "factorize": "counts", "FOUR_FIFTHS": "frame", "AuditOptions": "frame",
    "Comparison": "frame", "DecisionFrame": "frame", "FairnessReport": "frame",
    "Interval": "frame",
}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'trustdesk.fairness' has no attribute {name!r}")
    return getattr(importlib.import_module(f"trustdesk.fairness.{_WHERE[name]}"), name)
