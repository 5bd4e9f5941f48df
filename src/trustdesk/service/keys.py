"""API keys: random secrets shown once, stored as SHA-256 digests, each with one role."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from trustdesk.accountability import audit
from trustdesk.domain import Role, new_id, utcnow
from trustdesk.privacy.vault import KeyEncryptionKey, Vault
from trustdesk.service.identity import rewrap_identity_secrets
from trustdesk.store.db import Database
from trustdesk.store.tables import ApiKeyRow
from trustdesk.store.uow import UnitOfWork

KEY_PREFIX = "td_"


@dataclass(frozen=True)
class Caller:
    """Who is calling: the key's id and role, and the conversation token a widget presented
    with this request (X-Conversation-Token; per request, never cached with the key)."""

    key_id: str
    role: Role
    name: str
    conversation_token: str | None = None

    def is_staff(self) -> bool:
        return self.role in (Role.AGENT, Role.ADMIN)

    def presenting(self, conversation_token: str | None) -> Caller:
        """This caller with the conversation token of one request."""
        return replace(self, conversation_token=conversation_token)


@dataclass(frozen=True)
class IssuedKey:
    caller: Caller
    secret: str  # shown once; only its digest is stored


def digest(secret: str) -> str:
    # Keys are 256-bit random, so a fast hash is enough (no password stretching needed).
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(db: Database, role: Role, name: str, *, actor: str = "system") -> IssuedKey:
    """Create a key (audited, with its id, role and prefix: never the secret)."""
    from trustdesk.accountability import audit

    secret = f"{KEY_PREFIX}{role.value}_{secrets.token_urlsafe(32)}"
    row = ApiKeyRow(
        id=new_id(),
        name=name,
        role=role.value,
        prefix=secret[: len(KEY_PREFIX) + len(role.value) + 5],
        key_hash=digest(secret),
        created_at=utcnow(),
    )
    with UnitOfWork(db, write=True) as uow:
        uow.api_keys.add(row)
        audit.append(uow, actor=actor, action="api_key.created", subject_type="api_key",
                     subject_id=row.id, payload={"role": role.value, "prefix": row.prefix})
        uow.commit()
    return IssuedKey(Caller(row.id, role, name), secret)


@dataclass(frozen=True)
class KeyInfo:
    """What may be shown about a key: never the secret, only its prefix."""

    id: str
    name: str
    role: Role
    prefix: str
    created_at: str
    revoked_at: str | None


def list_keys(db: Database) -> list[KeyInfo]:
    with UnitOfWork(db) as uow:
        return [
            KeyInfo(
                id=r.id,
                name=r.name,
                role=Role(r.role),
                prefix=r.prefix,
                created_at=r.created_at.isoformat(),
                revoked_at=r.revoked_at.isoformat() if r.revoked_at else None,
            )
            for r in uow.api_keys.list()
        ]


class UnknownKey(LookupError):
    """No API key has this id."""


def revoke_key(db: Database, key_id: str, *, actor: str) -> bool:
    """Revoke a key (audited); returns False if it was already revoked.

    Running workers honour it within KeyCache's TTL (30 s by default).
    """
    from trustdesk.accountability import audit

    with UnitOfWork(db, write=True) as uow:
        row = uow.api_keys.get(key_id)
        if row is None:
            raise UnknownKey(f"no API key with id {key_id}; see `trustdesk keys list`")
        if row.revoked_at is not None:
            return False
        row.revoked_at = utcnow()
        audit.append(uow, actor=actor, action="api_key.revoked", subject_type="api_key",
                     subject_id=row.id, payload={"role": row.role})
        uow.commit()
    return True


class KeyCache:
    """Resolves secrets to callers; caches hits briefly so a request costs no key query."""

    def __init__(self, db: Database, ttl_seconds: float = 30.0) -> None:
        self._db = db
        self._ttl = ttl_seconds
        self._hits: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def cached(self, secret: str) -> Caller | None:
        """The caller if resolved recently; never touches the database."""
        hit = self._hits.get(digest(secret))  # a dict read is atomic: no lock needed
        if hit is not None and time.monotonic() - hit[0] < self._ttl:
            return hit[1]
        return None

    def resolve(self, secret: str) -> Caller | None:
        caller = self.cached(secret)
        if caller is not None:
            return caller
        key_hash = digest(secret)
        now = time.monotonic()
        with UnitOfWork(self._db) as uow:
            row = uow.api_keys.by_hash(key_hash)
            caller = (
                None
                if row is None or row.revoked_at is not None
                else Caller(row.id, Role(row.role), row.name)
            )
        with self._lock:
            if caller is None:
                self._hits.pop(key_hash, None)
            else:
                self._hits[key_hash] = (now, caller)
        return caller

    def forget_all(self) -> None:
        with self._lock:
            self._hits.clear()


def rotate_master_key(db: Database, vault: Vault, old: KeyEncryptionKey, *, batch: int,
                      progress: Callable[[int], None] = lambda total: None) -> int:
    """Re-wrap every data key (and identity secret) under `vault`'s KEK, `batch` keys per
    transaction so it is safe to interrupt and re-run; audited once done. Returns how many."""
    with UnitOfWork(db, write=True) as uow:
        rewrap_identity_secrets(uow, vault, old)  # a handful of rows: one transaction
        uow.commit()
    total = 0
    while True:
        with UnitOfWork(db, write=True) as uow:
            done = vault.rewrap(uow, old, batch=batch)
            if done == 0:
                audit.append(uow, actor="cli:keys-rotate", action="keys.rotated",
                             subject_type="kek", subject_id=vault.kek.kek_id,
                             payload={"from": old.kek_id, "rewrapped": total})
            uow.commit()
        if done == 0:
            return total
        total += done
        progress(total)
