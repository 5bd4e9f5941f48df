"""A conversation's pseudonym table: read for a purpose (logged), grown, stored encrypted.

Every text stored in a conversation, whoever wrote it, is redacted with the same table, so
<EMAIL_1> means the same address from the customer, the AI and the agent alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from trustdesk.privacy.access import DataCategory, Reader
from trustdesk.privacy.consent import ConsentRecordLike, Purpose
from trustdesk.privacy.governance import Governance
from trustdesk.privacy.guard import table_aad
from trustdesk.privacy.pii import PseudonymTable, Redaction
from trustdesk.service.context import Services
from trustdesk.store.tables import ConversationRow
from trustdesk.store.uow import UnitOfWork


class ConversationLike(Protocol):
    """What the table needs of a conversation: a tracked row or a Core snapshot."""

    @property
    def id(self) -> str: ...
    @property
    def customer_id(self) -> str: ...
    @property
    def pseudonyms(self) -> bytes | None: ...
    @property
    def pseudonym_rev(self) -> int: ...


def load_table(gov: Governance, uow: UnitOfWork, conv: ConversationLike, *, actor: str,
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


def sealed_table(svc: Services, uow: UnitOfWork, conv: ConversationLike,
                 table: PseudonymTable) -> dict[str, object]:
    """The conversation's new column values for a grown table: encrypted under the
    customer's key, with the revision bumped."""
    return {
        "pseudonyms": svc.vault.encrypt(
            uow, conv.customer_id, table.to_json(), table_aad(conv.id)
        ),
        "pseudonym_rev": conv.pseudonym_rev + 1,
    }


def save_table(svc: Services, uow: UnitOfWork, conv: ConversationRow,
               table: PseudonymTable) -> None:
    """Store the grown table in a tracked conversation row."""
    for column, value in sealed_table(svc, uow, conv, table).items():
        setattr(conv, column, value)


def redact_in_conversation(
    svc: Services, uow: UnitOfWork, conv: ConversationRow, text: str, *, actor: str
) -> Redaction:
    """Redact text written into a conversation (an agent's reply, a handoff reason)."""
    findings = svc.guard.detect(text)
    table = load_table(svc.governance, uow, conv, actor=actor)
    before = len(table)  # redaction only ever adds placeholders
    redaction = svc.guard.redact(text, findings, table)
    if len(table) != before:
        save_table(svc, uow, conv, table)
    return redaction
