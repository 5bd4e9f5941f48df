"""Purpose-checked access: the one door through which personal data is read.

Every read names a purpose; the purpose is checked against the consent ledger (or the
lawful basis the deployer configured) and the outcome, granted or refused, is written to
the access log. A read without a purpose is refused and logged like any other refusal.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from trustdesk.domain import new_id, utcnow
from trustdesk.domain.errors import Forbidden
from trustdesk.privacy.consent import (
    ConsentPolicy,
    ConsentRecordLike,
    LawfulBasis,
    Purpose,
    latest_by_purpose,
)
from trustdesk.privacy.vault import Vault
from trustdesk.store.db import Database
from trustdesk.store.tables.privacy import AccessLogRow
from trustdesk.store.uow import UnitOfWork

DATA_SUBJECT_REQUEST = "data_subject_request"
# Purposes a read may name: the consent purposes plus answering the subject themselves.
ACCESS_PURPOSES = (*(p.value for p in Purpose), DATA_SUBJECT_REQUEST)


class DataCategory(enum.StrEnum):
    """Which kind of personal data a read opens."""

    ORIGINAL_MESSAGE = "original_message"
    PSEUDONYM_TABLE = "pseudonym_table"
    EXPORT = "export"
    PROTECTED_ATTRIBUTES = "protected_attributes"  # self-declared, for fairness audits only


@dataclass(frozen=True)
class AccessEntry:
    """One line of the access log, before it is stored."""

    actor: str
    customer_id: str
    purpose: str | None
    category: DataCategory
    granted: bool
    reason: str
    at: datetime = field(default_factory=utcnow)

    def values(self) -> dict[str, object]:
        return {
            "id": new_id(), "created_at": self.at, "actor": self.actor,
            "customer_id": self.customer_id, "purpose": self.purpose,
            "category": self.category.value, "granted": self.granted, "reason": self.reason,
        }

    def row(self) -> AccessLogRow:
        return AccessLogRow(**self.values())


@dataclass(frozen=True)
class Reader:
    """Who reads whose personal data and for what; and what this transaction already knows
    of that customer (their latest consents, whether they are erased), so it is not read
    twice. None means: look it up."""

    actor: str
    customer_id: str
    purpose: str | None
    consents: Mapping[str, ConsentRecordLike] | None = None
    erased: bool | None = None


class AccessRefused(Forbidden):
    """A read of personal data was refused; `entry` is the access-log line that says why."""

    def __init__(self, entry: AccessEntry) -> None:
        super().__init__(
            f"reading {entry.category.value} of customer {entry.customer_id} "
            f"for purpose {entry.purpose or '(none)'} was refused: {entry.reason}"
        )
        self.entry = entry


class DataAccess:
    """Decides, logs and performs reads of a customer's encrypted data."""

    def __init__(self, vault: Vault, policy: ConsentPolicy) -> None:
        self.vault = vault
        self.policy = policy

    def decide(
        self,
        *,
        actor: str,
        customer_id: str,
        purpose: str | None,
        category: DataCategory,
        consents: Mapping[str, ConsentRecordLike],
        erased: bool = False,
    ) -> AccessEntry:
        """The access-log entry for this read: granted or refused, with the reason."""

        def entry(granted: bool, reason: str) -> AccessEntry:
            return AccessEntry(actor, customer_id, purpose, category, granted, reason)

        if not purpose:
            return entry(False, "no purpose named; every read of personal data needs one")
        if erased:
            return entry(False, "the customer was erased")
        if purpose == DATA_SUBJECT_REQUEST:
            return entry(True, f"{LawfulBasis.LEGAL_OBLIGATION.value}: data-subject request")
        if purpose not in Purpose.__members__.values():
            return entry(False, f"unknown purpose {purpose!r}")
        permission = self.policy.permission(Purpose(purpose), consents.get(purpose))
        return entry(permission.allowed, permission.reason)

    def open(self, uow: UnitOfWork, reader: Reader, category: DataCategory, *, blob: bytes,
             aad: bytes) -> bytes:
        """Decrypt `blob` if the purpose allows; the read goes to the unit's access ledger.

        A refusal raises AccessRefused and is not added to this (soon rolled back)
        transaction: wrap the caller in `refusals_logged(db)` so it is stored on its own.
        """
        self.check(uow, reader, category)
        return self.vault.decrypt(uow, reader.customer_id, blob, aad)

    def open_all(self, uow: UnitOfWork, reader: Reader, category: DataCategory, *,
                 items: Sequence[tuple[bytes | None, bytes]]) -> list[bytes | None]:
        """Decrypt several (blob, aad) pairs of one customer under one logged decision."""
        self.check(uow, reader, category)
        return [
            None if blob is None else self.vault.decrypt(uow, reader.customer_id, blob, aad)
            for blob, aad in items
        ]

    def check(self, uow: UnitOfWork, reader: Reader, category: DataCategory) -> AccessEntry:
        """Decide and log a read without performing it (e.g. before building an export)."""
        consents = reader.consents
        if consents is None:
            consents = latest_by_purpose(uow.consents.history(reader.customer_id))
        erased = reader.erased
        if erased is None:
            customer = uow.customers.get(reader.customer_id)
            erased = customer is None or customer.erased_at is not None
        entry = self.decide(
            actor=reader.actor, customer_id=reader.customer_id, purpose=reader.purpose,
            category=category, consents=consents, erased=erased,
        )
        if not entry.granted:
            raise AccessRefused(entry)
        uow.access_ledger.append(entry.values())
        return entry


def record(uow: UnitOfWork, entries: Sequence[AccessEntry]) -> None:
    """Add access-log lines decided elsewhere (a refusal, a read made in an earlier read-only
    unit) to this unit's ledger."""
    uow.access_ledger.extend(e.values() for e in entries)


@contextmanager
def refusals_logged(db: Database) -> Iterator[None]:
    """Store the access-log line of a refused read in its own transaction, then re-raise."""
    try:
        yield
    except AccessRefused as exc:
        with UnitOfWork(db, write=True) as uow:
            uow.session.add(exc.entry.row())
            uow.commit()
        raise
