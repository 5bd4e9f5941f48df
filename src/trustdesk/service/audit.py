"""Verifying the audit log, for compliance owners (API and CLI)."""

from __future__ import annotations

from trustdesk.accountability import audit
from trustdesk.store.db import Database
from trustdesk.store.uow import UnitOfWork


def verify_log(db: Database) -> audit.Verification:
    """Every link of the chain and every decision's seal, in one read transaction."""
    with UnitOfWork(db) as uow:
        return audit.verify(uow)
