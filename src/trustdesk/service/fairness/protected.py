"""Declaring, withdrawing and (for the audit only) reading self-declared protected attributes.

A declaration records an explicit consent grant for `fairness_audit` and stores the
attributes encrypted under the customer's data key, in one transaction, audited (the audit
entry names the attributes declared, never their values). A withdrawal deletes the row and
records the withdrawal. The audit opens them through the purpose-checked access path: each
customer's read is decided and logged, and it is refused unless the customer's latest
`fairness_audit` record is an explicit consent grant (special-category data are never read
on a legitimate-interest basis).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select

from trustdesk.accountability import audit
from trustdesk.domain import utcnow
from trustdesk.domain.errors import InvalidInput
from trustdesk.domain.views import described
from trustdesk.fairness import protected
from trustdesk.privacy.access import AccessEntry, AccessRefused, DataCategory, Reader, record
from trustdesk.privacy.consent import LawfulBasis, Purpose, latest_by_purpose
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller
from trustdesk.service.privacy.consent import append_consent, customer_for
from trustdesk.store.repositories.fairness import Period, decision_cells
from trustdesk.store.tables import table
from trustdesk.store.tables.fairness import ProtectedAttributesRow
from trustdesk.store.uow import UnitOfWork

_ROWS = table(ProtectedAttributesRow)


@dataclass(frozen=True)
class Declaration:
    customer_id: str
    attributes: tuple[str, ...] = field(
        metadata=described("The attributes declared (values not echoed)."))
    consent_id: str = field(metadata=described("The fairness_audit consent recorded with them."))
    declared_at: datetime


def declare(svc: Services, caller: Caller, customer_id: str,
            attributes: Mapping[str, str]) -> Declaration:
    """Store the customer's declaration (replacing an earlier one) with their consent."""
    try:
        values = protected.validate(attributes)
    except protected.ProtectedAttributeError as exc:
        raise InvalidInput(str(exc)) from None
    gov = svc.governance
    actor = f"key:{caller.key_id}"
    with UnitOfWork(svc.db, write=True) as uow:
        customer = customer_for(uow, caller, customer_id)
        consent = append_consent(
            uow, svc, customer=customer, purpose=Purpose.FAIRNESS_AUDIT, granted=True,
            lawful_basis=LawfulBasis.CONSENT, channel="api",
            notice_version=gov.notice().version, reason=None, actor=actor,
        )
        now = utcnow()
        blob = svc.vault.encrypt(uow, customer_id, protected.encode(values),
                                 protected.aad(customer_id))
        uow.connection.execute(delete(_ROWS).where(_ROWS.c.customer_id == customer_id))
        uow.connection.execute(insert(_ROWS).values(
            customer_id=customer_id, ciphertext=blob, consent_id=consent.id, declared_at=now))
        audit.append(uow, actor=actor, action="fairness.protected_declared",
                     subject_type="customer", subject_id=customer_id,
                     payload={"attributes": sorted(values), "consent_id": consent.id})
        uow.commit()
    return Declaration(customer_id, tuple(sorted(values)), consent.id, now)


def withdraw(svc: Services, caller: Caller, customer_id: str) -> bool:
    """Delete the declaration and withdraw the consent; False if there was none."""
    gov = svc.governance
    actor = f"key:{caller.key_id}"
    with UnitOfWork(svc.db, write=True) as uow:
        customer = customer_for(uow, caller, customer_id)
        gone = uow.connection.execute(
            delete(_ROWS).where(_ROWS.c.customer_id == customer_id)).rowcount
        append_consent(
            uow, svc, customer=customer, purpose=Purpose.FAIRNESS_AUDIT, granted=False,
            lawful_basis=LawfulBasis.CONSENT, channel="api",
            notice_version=gov.notice().version, reason="withdrawn", actor=actor,
        )
        audit.append(uow, actor=actor, action="fairness.protected_withdrawn",
                     subject_type="customer", subject_id=customer_id,
                     payload={"deleted": bool(gone)})
        uow.commit()
    return bool(gone)


def erase_declaration(uow: UnitOfWork, customer_id: str) -> int:
    """Delete a customer's declaration in the caller's transaction (erasure); rows deleted.

    Shredding the data key already makes the ciphertext unreadable; the row goes too, so that
    nothing (not even which consent it was given under) outlives the customer."""
    return int(uow.connection.execute(
        delete(_ROWS).where(_ROWS.c.customer_id == customer_id)).rowcount)


def read_for_audit(svc: Services, customer_ids: Iterable[str], *,
                   actor: str = "fairness-audit") -> dict[str, dict[str, str]]:
    """The declarations the audit may read, by customer; every read decided and logged."""
    gov = svc.governance
    wanted = sorted(set(customer_ids))
    out: dict[str, dict[str, str]] = {}
    entries: list[AccessEntry] = []
    with UnitOfWork(svc.db, write=True) as uow:
        rows = uow.connection.execute(
            select(_ROWS.c.customer_id, _ROWS.c.ciphertext)
            .where(_ROWS.c.customer_id.in_(wanted))
        ).all() if wanted else []
        for customer_id, blob in rows:
            consents = latest_by_purpose(uow.consents.history(customer_id))
            latest = consents.get(Purpose.FAIRNESS_AUDIT.value)
            if latest is None or not latest.granted or \
                    latest.lawful_basis != LawfulBasis.CONSENT.value:
                entries.append(AccessEntry(
                    actor, customer_id, Purpose.FAIRNESS_AUDIT.value,
                    DataCategory.PROTECTED_ATTRIBUTES, False,
                    "special-category data need explicit consent under fairness_audit"))
                continue
            try:
                plain = gov.access.open(
                    uow, Reader(actor, customer_id, Purpose.FAIRNESS_AUDIT.value,
                                consents=consents),
                    DataCategory.PROTECTED_ATTRIBUTES, blob=blob, aad=protected.aad(customer_id))
            except AccessRefused as exc:  # e.g. erased meanwhile: logged, not read
                entries.append(exc.entry)
                continue
            out[customer_id] = protected.decode(plain)
        record(uow, entries)
        uow.commit()
    return out


def stored_cells(
    svc: Services,
    *,
    groups: list[str],
    outcome: str,
    since: datetime | None,
    period: Period | None,
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Cell rows of stored decisions; protected groups come from the customers' declarations
    (read through the access path), everyone else counts as '(not declared)'."""
    wanted = [g for g in groups if g in protected.VOCABULARY]
    stored = [g for g in groups if g not in protected.VOCABULARY]
    names, rows = decision_cells(svc.db.engine, groups=stored, outcome=outcome, since=since,
                                 period=period, by_customer=bool(wanted))
    if not wanted:
        return names, rows
    k = len(names) - 1  # the customer id is the last key
    declared = read_for_audit(svc, (str(r[k]) for r in rows))
    out: list[tuple[object, ...]] = []
    for r in rows:
        attrs = declared.get(str(r[k]), {})
        keys = dict(zip(names[:k], r[:k], strict=True))
        keys.update({g: attrs.get(g, protected.NOT_DECLARED) for g in wanted})
        out.append((*(keys[g] for g in groups), *(keys[n] for n in names[len(stored):k]),
                    *r[k + 1:]))
    return [*groups, *names[len(stored):k]], out
