"""Envelope encryption: a data key per customer, wrapped by a key-encryption key (KEK)."""

from __future__ import annotations

import base64
import hashlib
import os
import threading
import time
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from trustdesk.domain import utcnow
from trustdesk.store.tables import DataKeyRow
from trustdesk.store.uow import UnitOfWork

NONCE_BYTES = 12
DEV_KEY_MARKER = "# generated for development by trustdesk; never use in production"


class KeyShredded(Exception):
    """The customer's data key was destroyed: their ciphertexts can no longer be read."""


class MasterKeyError(Exception):
    """The key-encryption key is missing, malformed or not allowed here."""


class KeyEncryptionKey(Protocol):
    """What a KMS must offer: wrap and unwrap data keys; its id is stored with each wrap."""

    @property
    def kek_id(self) -> str: ...

    def wrap(self, data_key: bytes, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes: ...


class LocalKek:
    """A 256-bit KEK held in memory (from a key file or the environment)."""

    def __init__(self, key: bytes, *, generated: bool = False) -> None:
        if len(key) != 32:
            raise MasterKeyError("the master key must be 32 bytes (base64 of 32 random bytes)")
        self._aead = AESGCM(key)
        self.generated = generated
        self._id = "local:" + hashlib.sha256(b"trustdesk-kek-id" + key).hexdigest()[:16]

    @property
    def kek_id(self) -> str:
        return self._id

    def wrap(self, data_key: bytes, context: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data_key, context)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        try:
            return self._aead.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], context)
        except InvalidTag as exc:
            raise MasterKeyError(
                "a data key could not be unwrapped: wrong master key for this database"
            ) from exc


def new_master_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def parse_master_key(text: str) -> bytes:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if len(lines) != 1:
        raise MasterKeyError("the master key file must hold one base64 line")
    try:
        key = base64.b64decode(lines[0], validate=True)
    except ValueError as exc:
        raise MasterKeyError("the master key is not valid base64") from exc
    if len(key) != 32:
        raise MasterKeyError("the master key must decode to 32 bytes")
    return key


def load_master_key(
    *, env_value: str | None, key_file: Path, allow_generate: bool
) -> LocalKek:
    """Load the KEK from the environment or file; generate a development key if allowed."""
    if env_value:
        return LocalKek(parse_master_key(env_value))
    if key_file.exists():
        text = key_file.read_text(encoding="utf-8")
        return LocalKek(parse_master_key(text), generated=DEV_KEY_MARKER in text)
    if not allow_generate:
        raise MasterKeyError(
            f"no master key: set TRUSTDESK_MASTER_KEY or create {key_file} "
            "(`trustdesk keys master --out FILE`)"
        )
    key_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"{DEV_KEY_MARKER}\n{new_master_key()}\n")
    return LocalKek(parse_master_key(key_file.read_text(encoding="utf-8")), generated=True)


class Vault:
    """Encrypts and decrypts a customer's data under their own data key (AES-256-GCM)."""

    def __init__(
        self,
        kek: KeyEncryptionKey,
        *,
        previous: tuple[KeyEncryptionKey, ...] = (),
        cache_seconds: float = 300.0,
    ) -> None:
        self.kek = kek
        # During a rotation some data keys are still wrapped by an older KEK.
        self._keks = {k.kek_id: k for k in (*previous, kek)}
        self._cache: dict[str, tuple[float, AESGCM]] = {}
        self._cache_seconds = cache_seconds
        self._lock = threading.Lock()

    def create_key(self, uow: UnitOfWork, customer_id: str) -> None:
        key = AESGCM.generate_key(bit_length=256)
        wrapped = self.kek.wrap(key, customer_id.encode())
        uow.data_keys.add(
            DataKeyRow(
                customer_id=customer_id,
                wrapped_key=wrapped,
                kek_id=self.kek.kek_id,
                created_at=utcnow(),
            )
        )
        with self._lock:
            self._cache[customer_id] = (time.monotonic(), AESGCM(key))

    def _aead(self, uow: UnitOfWork, customer_id: str) -> AESGCM:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(customer_id)
        if hit is not None and now - hit[0] < self._cache_seconds:
            return hit[1]
        row = uow.data_keys.get(customer_id)
        if row is None:
            self.forget(customer_id)
            raise KeyShredded(f"customer {customer_id} has no data key (erased)")
        kek = self._keks.get(row.kek_id)
        if kek is None:
            raise MasterKeyError(
                f"the data key of customer {customer_id} is wrapped by {row.kek_id}, which is "
                "not configured: finish `trustdesk keys rotate` or set "
                "TRUSTDESK_PREVIOUS_MASTER_KEY_FILE"
            )
        aead = AESGCM(kek.unwrap(row.wrapped_key, customer_id.encode()))
        with self._lock:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[customer_id] = (now, aead)
        return aead

    def encrypt(self, uow: UnitOfWork, customer_id: str, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead(uow, customer_id).encrypt(nonce, plaintext, aad)

    def decrypt(self, uow: UnitOfWork, customer_id: str, blob: bytes, aad: bytes) -> bytes:
        try:
            return self._aead(uow, customer_id).decrypt(
                blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad
            )
        except InvalidTag as exc:
            raise KeyShredded("the ciphertext does not open under this customer's key") from exc

    def shred(self, uow: UnitOfWork, customer_id: str) -> bool:
        """Destroy the data key; every ciphertext under it becomes unreadable."""
        self.forget(customer_id)
        return uow.data_keys.delete(customer_id)

    def forget(self, customer_id: str) -> None:
        with self._lock:
            self._cache.pop(customer_id, None)

    def unwrap(self, kek_id: str, wrapped: bytes, context: bytes) -> bytes:
        """Unwrap other key material (an identity secret) wrapped by a configured KEK."""
        kek = self._keks.get(kek_id)
        if kek is None:
            raise MasterKeyError(
                f"key material is wrapped by {kek_id}, which is not configured: finish "
                "`trustdesk keys rotate` or set TRUSTDESK_PREVIOUS_MASTER_KEY_FILE"
            )
        return kek.unwrap(wrapped, context)

    def rewrap(self, uow: UnitOfWork, old: KeyEncryptionKey, batch: int = 500) -> int:
        """Re-wrap up to `batch` data keys not yet under this vault's KEK; returns how many."""
        rows = uow.data_keys.not_wrapped_by(self.kek.kek_id, batch)
        for row in rows:
            if row.kek_id != old.kek_id:
                raise MasterKeyError(
                    f"data key of {row.customer_id} is wrapped by {row.kek_id}, "
                    f"neither the old ({old.kek_id}) nor the new key"
                )
            key = old.unwrap(row.wrapped_key, row.customer_id.encode())
            row.wrapped_key = self.kek.wrap(key, row.customer_id.encode())
            row.kek_id = self.kek.kek_id
        return len(rows)
