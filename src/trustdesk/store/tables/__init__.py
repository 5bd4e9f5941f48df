"""The schema: every table module, so `Base.metadata` holds every table (Alembic, tests)."""

from trustdesk.store.tables.base import (
    Base,
    column_values,
    table,
    timestamp,
)
from trustdesk.store.tables.core import (
    ApiKeyRow,
    AuditEntryRow,
    AuditHeadRow,
    ConsentRow,
    ConversationRow,
    CustomerRow,
    DataKeyRow,
    DecisionRow,
    ExplanationRow,
    IdentitySecretRow,
    MessageRow,
    ReviewTaskRow,
)
from trustdesk.store.tables.fairness import (
    DecisionAttributesRow,
    FairnessAlertRow,
    ProtectedAttributesRow,
)
from trustdesk.store.tables.oversight import (
    AiPauseRow,
    AppealRow,
    FeedbackRow,
)
from trustdesk.store.tables.privacy import (
    AccessLogRow,
    DataSubjectRequestRow,
    LeaseRow,
)

__all__ = [
    "AccessLogRow",
    "AiPauseRow",
    "ApiKeyRow",
    "AppealRow",
    "AuditEntryRow",
    "AuditHeadRow",
    "Base",
    "ConsentRow",
    "ConversationRow",
    "CustomerRow",
    "DataKeyRow",
    "DataSubjectRequestRow",
    "DecisionAttributesRow",
    "DecisionRow",
    "ExplanationRow",
    "FairnessAlertRow",
    "FeedbackRow",
    "IdentitySecretRow",
    "LeaseRow",
    "MessageRow",
    "ProtectedAttributesRow",
    "ReviewTaskRow",
    "column_values",
    "table",
    "timestamp",
]
