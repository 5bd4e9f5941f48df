"""The AI disclosure as a line of the transcript, so what a customer was told is on record."""

from __future__ import annotations

from datetime import datetime

from trustdesk.domain import Sender, new_id
from trustdesk.settings import Settings
from trustdesk.store.tables import MessageRow


def disclosure_message(settings: Settings, conversation_id: str, language: str | None,
                       at: datetime) -> tuple[str, MessageRow]:
    """The disclosure text in the customer's language and the system message that records it.

    It is not AI output (fixed wording of the deployer), so it is not labelled ai_generated.
    """
    text = settings.disclosure.text(language)
    return text, MessageRow(
        id=new_id(),
        conversation_id=conversation_id,
        sender=Sender.SYSTEM.value,
        redacted_text=text,
        original=None,
        pii_types=[],
        ai_generated=False,
        decision_id=None,
        created_at=at,
    )
