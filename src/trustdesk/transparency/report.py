"""The transparency report: what the AI did over a period and what people changed.

Every figure is a count the database made (trustdesk.store.repositories.transparency); the rates
are ratios of those counts, with 95 % Wilson intervals where a rate is read as a proportion.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from trustdesk.store.repositories import transparency as q
from trustdesk.store.repositories.fairness import Period
from trustdesk.transparency.model_card import wilson

APPEALS_NOTE = ("appeals: decisions customers contested (POST /v1/decisions/{id}/appeal) in the "
                "window, by outcome; overturn_rate is overturned / decided. A customer can also "
                "contest by asking for a person: contested_after_ai_answer counts the "
                "conversations where they did so after an automatic AI answer")


def _rate(part: int, whole: int) -> dict[str, Any]:
    interval = wilson(part, whole)
    return {"value": part / whole if whole else None, "part": part, "of": whole,
            "interval_95": list(interval) if interval else None}


def _appeals(by_status: dict[str, int]) -> dict[str, Any]:
    upheld, overturned = by_status.get("upheld", 0), by_status.get("overturned", 0)
    return {"total": sum(by_status.values()), "open": by_status.get("open", 0),
            "upheld": upheld, "overturned": overturned,
            "overturn_rate": _rate(overturned, upheld + overturned)}


def build_report(engine: Engine, *, since: datetime | None, until: datetime | None,
                 now: datetime, period: Period = "day", deployment: str = "") -> dict[str, Any]:
    w = q.Window(since, until)
    kinds = q.decisions_by_kind(engine, w)
    total = sum(kinds.values())
    automatic = kinds.get("reply", 0)
    reviews = q.review_outcomes(engine, w, now)
    status = reviews["by_status"]
    approved, edited, rejected = (status.get(s, 0) for s in ("approved", "edited", "rejected"))
    decided = approved + edited + rejected
    policy_handoffs = q.handoff_decisions_by_reason(engine, w)
    requested = q.audited_by_payload(engine, w, "conversation.handoff", "reason_code")
    by_reason: dict[str, int] = {}
    for counts in (policy_handoffs, requested):
        for code, n in counts.items():
            by_reason[code] = by_reason.get(code, 0) + n
    audited = q.audited_counts(engine, w, ("customer.ai_opt_out", "conversation.handed_back",
                                           "conversation.resolved", "conversation.reopened"))
    timed = reviews["on_time"] + reviews["late"]
    series: dict[str, dict[str, int]] = {}
    for start, kind, n in q.decisions_by_period(engine, w, period):
        series.setdefault(start, {})[kind] = n
    return {
        "report": "transparency",
        "deployment": deployment,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "generated_at": now.isoformat(),
        "decisions": {"total": total, "by_kind": kinds},
        "automation_rate": _rate(automatic, total),
        "ai_answers_sent": automatic + approved,
        "held_for_review": kinds.get("review", 0),
        "review_outcomes": {
            "approved": approved, "edited": edited, "rejected": rejected,
            "open": status.get("open", 0),
            "override_rate": _rate(edited + rejected, decided),
            "by_priority": reviews["by_priority"],
        },
        "sla": {
            "on_time": reviews["on_time"], "late": reviews["late"],
            "escalated": reviews["escalated"],
            "compliance": _rate(reviews["on_time"], timed),
        },
        "handoffs": {
            "total": sum(by_reason.values()),
            "by_reason_code": dict(sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))),
            "decided_by_policy": policy_handoffs,
            "requested_by_staff": requested,
            "handed_back_to_ai": audited["conversation.handed_back"],
        },
        "csat": q.ratings(engine, w),
        "opt_outs": audited["customer.ai_opt_out"],
        "appeals": _appeals(q.appeals(engine, w)),
        "contested_after_ai_answer": q.asked_for_person_after_an_ai_answer(engine, w),
        "appeals_note": APPEALS_NOTE,
        "conversations": {"resolved": audited["conversation.resolved"],
                          "reopened": audited["conversation.reopened"]},
        "data_subject_requests": q.dsrs(engine, w, now),
        "ai_pauses": q.pauses(engine, w),
        "by_period": {"period": period,
                      "rows": [{"start": s, **series[s]} for s in sorted(series)]},
    }
