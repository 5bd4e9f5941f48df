"""A conversation's pseudonym table: read for a purpose (logged), grown, stored encrypted.

Every text stored in a conversation, whoever wrote it, is redacted with the same table, so
<EMAIL_1> means the same address from the customer, the AI and the agent alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from trustdesk.domain import Conversation
from trustdesk.privacy.access import DataCategory, Reader
from trustdesk.privacy.consent import ConsentRecordLike, Purpose
from trustdesk.privacy.governance import Governance
from trustdesk.privacy.guard import table_aad
from trustdesk.privacy.pii import PseudonymTable, Redaction
from trustdesk.service.context import Services
from trustdesk.store.uow import UnitOfWork


def load_table(gov: Governance, uow: UnitOfWork, conv: Conversation, *, actor: str,
               consents: Mapping[str, ConsentRecordLike] | None = None,
               erased: bool | None = None) -> PseudonymTable:
    """Reading the table is a read of personal data for purpose "support": checked, logged
    in the unit's access ledger."""
    reader = Reader(actor, conv.customer_id, Purpose.SUPPORT.value, consents=consents,
                    erased=erased)
    if conv.pseudonyms is None:
        gov.access.check(uow, reader, DataCategory.PSEUDONYM_TABLE)
        return PseudonymTable()
    plain = gov.access.open(uow, reader, DataCategory.PSEUDONYM_TABLE, blob=conv.pseudonyms,
                            aad=table_aad(conv.id))
    return PseudonymTable.from_json(plain)


def sealed_table(svc: Services, uow: UnitOfWork, conv: Conversation,
                 table: PseudonymTable) -> dict[str, object]:
    """The conversation's new column values for a grown table: encrypted under the
    customer's key, with the revision bumped."""
    return {
        "pseudonyms": svc.vault.encrypt(
            uow, conv.customer_id, table.to_json(), table_aad(conv.id)
        ),
        "pseudonym_rev": conv.pseudonym_rev + 1,
    }


def save_table(svc: Services, uow: UnitOfWork, conv: Conversation,
               table: PseudonymTable) -> Conversation:
    """Store the grown table; the conversation as it then is."""
    return uow.conversations.change(conv, **sealed_table(svc, uow, conv, table))


def redact_in_conversation(
    svc: Services, uow: UnitOfWork, conv: Conversation, text: str, *, actor: str
) -> tuple[Redaction, Conversation]:
    """Redact text written into a conversation (an agent's reply, a handoff reason): the
    redaction, and the conversation as it then is (its table may have grown)."""
    findings = svc.guard.detect(text)
    table = load_table(svc.governance, uow, conv, actor=actor)
    before = len(table)  # redaction only ever adds placeholders
    redaction = svc.guard.redact(text, findings, table)
    if len(table) != before:
        conv = save_table(svc, uow, conv, table)
    return redaction, conv
