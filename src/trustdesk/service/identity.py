"""Who the customer is, as far as a public widget key can tell: signed references and tokens.

A widget key lives in a web page, so it proves nothing about the customer. The deployer's
back end, which knows who is logged in, signs the customer reference with a per-deployment
secret; only a valid signature links a conversation to an existing customer's data. Two
forms are accepted:

- `customer_token`: a JWT, HS256 only, whose `sub` is the reference, with `iat` and `exp`
  (at most `identity_token_max_lifetime_s` apart), as Intercom's identity verification.
- `identifier_hash`: hex HMAC-SHA256 of the reference under the secret, Chatwoot's older
  form. It never expires, so prefer the JWT.

A conversation a widget starts gets its own random secret, `conversation_token`, shown once;
only its SHA-256 is stored, and every later widget call on the conversation presents it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

from trustdesk.accountability import audit
from trustdesk.domain import new_id, utcnow
from trustdesk.privacy.vault import KeyEncryptionKey, Vault
from trustdesk.store.db import Database
from trustdesk.store.tables import IdentitySecretRow
from trustdesk.store.uow import UnitOfWork

log = logging.getLogger(__name__)

SECRET_PREFIX = "tdid_"
TOKEN_PREFIX = "tdc_"
ALGORITHM = "HS256"
# Clock skew tolerated between the deployer's back end and this server.
LEEWAY_S = 30
# Problems a secret rotated a moment ago on another machine would explain.
NO_SECRET = "no identity secret is configured on this server"
BAD_SIGNATURE = "customer_token's signature does not match"
BAD_HASH = "identifier_hash does not match"


def _context(secret_id: str) -> bytes:
    return b"identity-secret:" + secret_id.encode()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_conversation_token() -> tuple[str, str]:
    """(the token, shown once; its SHA-256, which is all that is stored)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, _digest(token)


def token_hash(token: str) -> str:
    return _digest(token)


def token_matches(stored_hash: str | None, presented: str | None) -> bool:
    """Constant-time check of a presented conversation token against the stored digest."""
    if stored_hash is None or presented is None:
        return False
    return hmac.compare_digest(_digest(presented), stored_hash)


@dataclass(frozen=True)
class Claim:
    """The customer reference a caller claimed, and whether its signature holds."""

    ref: str | None
    verified: bool
    problem: str | None = None  # why it is not verified; never a value from the claim


def identifier_hash(secret: str | bytes, ref: str) -> str:
    """What the deployer's back end computes: hex HMAC-SHA256 of the reference."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, ref.encode(), hashlib.sha256).hexdigest()


def check_claim(
    keys: Sequence[bytes],
    *,
    customer_ref: str | None,
    customer_token: str | None,
    identifier_hash_hex: str | None,
    max_lifetime_s: int,
) -> Claim:
    """Verify a claimed reference against the live secrets (current first)."""
    if customer_token is None and identifier_hash_hex is None:
        return Claim(customer_ref, False, None if customer_ref is None else "it is not signed")
    if not keys:
        return Claim(customer_ref, False, NO_SECRET)
    if identifier_hash_hex is not None:
        assert customer_ref is not None  # the schema requires it with identifier_hash
        given = identifier_hash_hex.lower()
        ok = False
        for key in keys:  # every key is tried: the time does not tell which one matched
            ok |= hmac.compare_digest(identifier_hash(key, customer_ref), given)
        return Claim(customer_ref, ok, None if ok else BAD_HASH)
    assert customer_token is not None
    for key in keys:
        try:
            claims = jwt.decode(
                customer_token, key, algorithms=[ALGORITHM], leeway=LEEWAY_S,
                options={"require": ["exp", "iat", "sub"]},
            )
        except jwt.InvalidSignatureError:
            continue  # maybe signed with the previous secret
        except jwt.ExpiredSignatureError:
            return Claim(customer_ref, False, "customer_token has expired")
        except jwt.MissingRequiredClaimError as exc:
            return Claim(customer_ref, False, f"customer_token lacks the {exc.claim!r} claim")
        except jwt.ImmatureSignatureError:
            return Claim(customer_ref, False, "customer_token is issued in the future")
        except jwt.InvalidAlgorithmError:
            return Claim(customer_ref, False, f"customer_token must be signed with {ALGORITHM}")
        except jwt.PyJWTError:
            return Claim(customer_ref, False, "customer_token is not a valid JWT")
        lifetime = claims["exp"] - claims["iat"]
        if lifetime > max_lifetime_s:
            return Claim(customer_ref, False,
                         f"customer_token lives longer than {max_lifetime_s} s (exp - iat)")
        sub = claims["sub"]
        if customer_ref is not None and not hmac.compare_digest(
            sub.encode(), customer_ref.encode()
        ):
            return Claim(customer_ref, False, "customer_ref is not the token's subject")
        return Claim(sub, True)
    return Claim(customer_ref, False, BAD_SIGNATURE)


class IdentityVerifier:
    """The live identity secrets, cached briefly so a start costs no secret query."""

    def __init__(self, db: Database, vault: Vault, *, ttl_seconds: float = 30.0,
                 max_lifetime_s: int = 3600, min_refresh_s: float = 1.0) -> None:
        self._db = db
        self._vault = vault
        self._ttl = ttl_seconds
        self._min_refresh = min_refresh_s
        self.max_lifetime_s = max_lifetime_s
        self._loaded: tuple[float, tuple[bytes, ...]] | None = None
        self._lock = threading.Lock()

    def keys(self, *, refresh: bool = False) -> tuple[bytes, ...]:
        now = time.monotonic()
        loaded = self._loaded
        if loaded is not None and not refresh and now - loaded[0] < self._ttl:
            return loaded[1]
        with UnitOfWork(self._db) as uow:
            rows = uow.identity_secrets.live(utcnow())
            keys = tuple(
                self._vault.unwrap(r.kek_id, r.wrapped_secret, _context(r.id)) for r in rows
            )
        with self._lock:
            self._loaded = (now, keys)
        return keys

    def check(self, *, customer_ref: str | None, customer_token: str | None,
              identifier_hash_hex: str | None) -> Claim:
        claim = check_claim(
            self.keys(), customer_ref=customer_ref, customer_token=customer_token,
            identifier_hash_hex=identifier_hash_hex, max_lifetime_s=self.max_lifetime_s,
        )
        loaded = self._loaded
        if (not claim.verified and claim.problem is not None and loaded is not None
                and time.monotonic() - loaded[0] >= self._min_refresh
                and claim.problem in (NO_SECRET, BAD_SIGNATURE, BAD_HASH)):
            # A secret rotated a moment ago on another machine: look once more (at most
            # once per min_refresh_s), rather than refuse the new secret for the cache's TTL.
            claim = check_claim(
                self.keys(refresh=True), customer_ref=customer_ref,
                customer_token=customer_token, identifier_hash_hex=identifier_hash_hex,
                max_lifetime_s=self.max_lifetime_s,
            )
        if not claim.verified and claim.problem is not None and claim.ref is not None:
            log.info("unverified customer reference: %s", claim.problem)  # never the value
        return claim

    def forget(self) -> None:
        with self._lock:
            self._loaded = None


@dataclass(frozen=True)
class IssuedSecret:
    id: str
    secret: str  # shown once; stored only wrapped by the master key
    rotated: tuple[str, ...]  # ids of the secrets it replaces
    previous_valid_until: datetime | None


def rotate_identity_secret(db: Database, vault: Vault, *, grace_s: int,
                           actor: str) -> IssuedSecret:
    """Create the deployment's identity secret, or replace it; the old one stays valid for
    `grace_s` so back ends can switch over (audited, without the secret)."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    row_id = new_id()
    until = now + timedelta(seconds=grace_s)
    with UnitOfWork(db, write=True) as uow:
        repo = uow.identity_secrets
        live = repo.live(now)
        replaced = [r for r in live if r.retires_at is None]
        for old in live:  # no secret outlives the grace given now (0: a leaked secret)
            if old.retires_at is None or old.retires_at > until:
                old.retires_at = until
        uow.flush()
        repo.delete_retired(now)  # past their grace: nothing may verify with them any more
        repo.add(IdentitySecretRow(
            id=row_id, wrapped_secret=vault.kek.wrap(secret.encode(), _context(row_id)),
            kek_id=vault.kek.kek_id, created_at=now, retires_at=None,
        ))
        rotated = tuple(r.id for r in replaced)
        audit.append(
            uow, actor=actor,
            action="identity_secret.rotated" if rotated else "identity_secret.created",
            subject_type="identity_secret", subject_id=row_id,
            payload={"replaces": list(rotated),
                     "previous_valid_until": until.isoformat() if rotated else None},
        )
        uow.commit()
    return IssuedSecret(row_id, secret, rotated, until if rotated else None)


def rewrap_identity_secrets(uow: UnitOfWork, vault: Vault, old: KeyEncryptionKey) -> int:
    """Re-wrap the identity secrets under the vault's (new) KEK, as `keys rotate` does for
    customer data keys; returns how many."""
    rows = uow.identity_secrets.not_wrapped_by(vault.kek.kek_id)
    for row in rows:
        plain = (old.unwrap(row.wrapped_secret, _context(row.id)) if row.kek_id == old.kek_id
                 else vault.unwrap(row.kek_id, row.wrapped_secret, _context(row.id)))
        row.wrapped_secret = vault.kek.wrap(plain, _context(row.id))
        row.kek_id = vault.kek.kek_id
    return len(rows)
