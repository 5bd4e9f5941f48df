"""Plain domain records shared by every area."""

from trustdesk.domain.handoff import HandoffReason
from trustdesk.domain.model import (
    ConsentRecord,
    Contribution,
    Conversation,
    ConversationState,
    DecisionKind,
    Explanation,
    Oversight,
    ReviewStatus,
    ReviewVerdict,
    Role,
    RuleHit,
    Sender,
    Source,
    new_id,
    utcnow,
)

__all__ = [
    "ConsentRecord",
    "Contribution",
    "Conversation",
    "ConversationState",
    "DecisionKind",
    "Explanation",
    "HandoffReason",
    "Oversight",
    "ReviewStatus",
    "ReviewVerdict",
    "Role",
    "RuleHit",
    "Sender",
    "Source",
    "new_id",
    "utcnow",
]
