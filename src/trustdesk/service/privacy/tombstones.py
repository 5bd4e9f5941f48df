"""Erasing fields of sealed Decisions without breaking the audit chain.

A decision's seal is a digest of its fields. When retention or an erasure replaces a field
with a tombstone, the decision is re-sealed with a new audit entry (action names why), so
`audit.verify()` checks it against its latest seal; the earlier entries stay in the chain.
"""

from __future__ import annotations

from trustdesk.accountability import audit
from trustdesk.store.tables import DecisionRow, ExplanationRow, ReviewTaskRow
from trustdesk.store.uow import UnitOfWork

RETENTION_TOMBSTONE = "[removed under the retention policy]"
ERASURE_TOMBSTONE = "[erased at the customer's request]"


def erase_decision(
    uow: UnitOfWork,
    decision: DecisionRow,
    explanation: ExplanationRow | None,
    *,
    tombstone: str,
    erase_input: bool,
    erase_output: bool,
    actor: str,
    action: str,
) -> None:
    """Tombstone the chosen fields (the output with its explanation's words) and re-seal."""
    if erase_input:
        decision.redacted_input = tombstone
    if erase_output:
        decision.output = tombstone
        if explanation is not None:
            # The top terms and the summary quote words of the customer's message.
            payload = dict(explanation.payload)
            payload["top_terms"] = []
            payload["summary"] = tombstone
            explanation.payload = payload
    if explanation is None:
        # seal_decision needs a row; an unexplained decision cannot be customer-visible.
        raise RuntimeError(f"decision {decision.id} has no explanation to seal")
    uow.flush()
    audit.seal_decision(uow, decision, explanation, actor=actor, action=action)


def erase_review(task: ReviewTaskRow, tombstone: str) -> None:
    """Drafts and agent edits can quote the customer: tombstone them."""
    task.draft = tombstone
    if task.final_text is not None:
        task.final_text = tombstone
