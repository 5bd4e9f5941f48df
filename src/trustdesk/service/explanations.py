"""An explanation as served: the sealed record plus what was decided about it since.

The stored explanation (sealed with its decision) says what the AI understood and why; here it
gains who reviewed it (their role, never their name or key), what would have changed a policy
outcome, whether the customer contested it and with what outcome, and where the system card is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from trustdesk.domain import DecisionKind, Oversight, ReviewStatus, Role
from trustdesk.domain.views import described
from trustdesk.service.context import Services
from trustdesk.service.decisions import DecisionView, visible_decision
from trustdesk.service.keys import Caller
from trustdesk.service.oversight.appeals import AppealView, appeal_of
from trustdesk.store.uow import UnitOfWork
from trustdesk.transparency.counterfactual import counterfactual

_VERDICTS = {"approved": "approved it as drafted", "edited": "edited it before it was sent",
             "rejected": "rejected it and answered personally"}


@dataclass(frozen=True)
class HumanReview:
    reviewed: bool = field(metadata=described("whether a person reviewed the AI's decision"))
    status: str = field(metadata=described(
        "automatic, handed off, or the review's state",
        enum=["automatic", "handoff", *(s.value for s in ReviewStatus)]))
    by_role: str | None = field(metadata=described(
        "the reviewer's role (never their name or key)",
        enum=[Role.AGENT.value, Role.ADMIN.value, None]))
    decided_at: datetime | None
    summary: str


@dataclass(frozen=True)
class ExplanationDetail:
    decision: DecisionView
    explanation: dict[str, Any]  # the sealed record, as this caller may see it
    review: HumanReview
    counterfactual: dict[str, Any] | None
    system_card_url: str
    appeal: AppealView | None  # the customer's contest of this decision, if any


def _review(uow: UnitOfWork, d: DecisionView) -> HumanReview:
    task = uow.reviews.for_decision(d.id)
    if task is None:
        if d.kind is DecisionKind.HANDOFF:
            return HumanReview(False, "handoff", None, None,
                               "No person reviewed the assistant's decision: it handed the "
                               "conversation to a person, who answers from here.")
        return HumanReview(False, "automatic", None, None,
                           "No person reviewed this answer: it was sent automatically.")
    if task.status == "open":
        return HumanReview(False, "open", None, None,
                           "A person has not reviewed this yet; nothing is sent before they do.")
    key = uow.api_keys.get(task.reviewer_key_id) if task.reviewer_key_id else None
    role = key.role if key is not None else None
    who = f"A person ({role})" if role else "A person"
    return HumanReview(True, task.status, role, task.resolved_at,
                       f"{who} reviewed this answer and {_VERDICTS.get(task.status, task.status)}.")


def get_explanation(svc: Services, caller: Caller, decision_id: str) -> ExplanationDetail:
    d, explanation = visible_decision(svc, caller, decision_id)  # the customer's view
    with UnitOfWork(svc.db) as uow:
        review = _review(uow, d)
        row = uow.decisions.get(decision_id)
        text = row.redacted_input if row is not None else ""
        appeal = appeal_of(uow, decision_id)
    if appeal is not None and not caller.is_staff():
        appeal = replace(appeal, outcome_note=None)  # the team's note is for the record
    what_if = None
    if d.oversight is not Oversight.AUTOMATIC or d.kind is not DecisionKind.REPLY:
        what_if = counterfactual(svc.path.policy, explanation.get("rules", []), text=text,
                                 intent=d.intent, policy_version=d.policy_version)
    return ExplanationDetail(decision=d, explanation=explanation, review=review,
                             counterfactual=what_if, system_card_url=svc.settings.system_card_url,
                             appeal=appeal)
