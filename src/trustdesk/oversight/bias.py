"""The automation-bias monitor: does a reviewer still check, or only approve what the AI says?

Per reviewer and window: approval rate, edit rate, median seconds from taking a task (its claim,
else its creation) to the verdict, and flags. `rubber_stamping`: at least `min_reviews`
reviews, at least 98 % approved, and a median under 3 seconds, too fast to have read a draft.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.domain.views import described

BANDS = 10  # confidence bands of width 0.1 for the AI's track record


@dataclass(frozen=True)
class Verdict:
    reviewer: str
    status: str  # approved, edited, rejected
    started_at: datetime
    resolved_at: datetime


@dataclass(frozen=True)
class BiasRules:
    min_reviews: int = 50
    rubber_stamp_approval: float = 0.98
    rubber_stamp_seconds: float = 3.0
    # a reviewer who rejects almost everything may distrust the AI blindly: worth a look too
    min_approval: float = 0.05


@dataclass(frozen=True)
class ReviewerStats:
    reviewer: str = field(metadata=described("the reviewer's key id"))
    reviews: int
    approved: int
    edited: int
    rejected: int
    approval_rate: float
    edit_rate: float
    median_seconds_to_decide: float = field(metadata=described("from the claim (else creation)"))
    flags: tuple[str, ...] = field(metadata=described(
        "rubber_stamping (>= 98% approved, median < 3 s, >= 50 reviews), "
        "rejects_almost_all, too_few_reviews"))


def reviewer_stats(verdicts: Iterable[Verdict], rules: BiasRules = BiasRules()
                   ) -> list[ReviewerStats]:
    by: dict[str, list[Verdict]] = {}
    for v in verdicts:
        by.setdefault(v.reviewer, []).append(v)
    out = []
    for reviewer, vs in sorted(by.items()):
        n = len(vs)
        approved = sum(v.status == "approved" for v in vs)
        edited = sum(v.status == "edited" for v in vs)
        rejected = sum(v.status == "rejected" for v in vs)
        median = statistics.median(
            max(0.0, (v.resolved_at - v.started_at).total_seconds()) for v in vs)
        flags = []
        if n >= rules.min_reviews:
            if approved / n >= rules.rubber_stamp_approval and median < rules.rubber_stamp_seconds:
                flags.append("rubber_stamping")
            if approved / n <= rules.min_approval:
                flags.append("rejects_almost_all")
        else:
            flags.append("too_few_reviews")
        out.append(ReviewerStats(reviewer, n, approved, edited, rejected, round(approved / n, 4),
                                 round(edited / n, 4), round(median, 3), tuple(flags)))
    return out


def band_of(confidence: float) -> int:
    return min(BANDS - 1, max(0, int(confidence * BANDS)))


def band_label(band: int) -> str:
    return f"{band / BANDS:.1f}-{(band + 1) / BANDS:.1f}"
