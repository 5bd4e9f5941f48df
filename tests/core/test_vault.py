"""Envelope encryption on a real database: per-customer keys, shredding, re-wrapping."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from trustdesk.domain import utcnow
from trustdesk.privacy.vault import (
    DEV_KEY_MARKER,
    KeyShredded,
    LocalKek,
    MasterKeyError,
    Vault,
    load_master_key,
    parse_master_key,
)
from trustdesk.store.db import Database
from trustdesk.store.tables import CustomerRow
from trustdesk.store.uow import UnitOfWork


def _customer(uow: UnitOfWork, cid: str) -> None:
    uow.customers.add(CustomerRow(id=cid, external_ref=None, ai_opt_out=False, created_at=utcnow()))
    uow.flush()


def test_encrypt_decrypt_shred_and_rewrap(migrated_db: Database) -> None:
    db = migrated_db
    old = LocalKek(os.urandom(32))
    vault = Vault(old)
    with UnitOfWork(db, write=True) as uow:
        for cid in ("alice", "bob"):
            _customer(uow, cid)
            vault.create_key(uow, cid)
        blob = vault.encrypt(uow, "alice", b"my card is 4111 1111 1111 1111", b"m1")
        bob_blob = vault.encrypt(uow, "bob", b"hello", b"m2")
        uow.commit()
    assert b"4111" not in blob
    cold = Vault(old)  # a fresh process: nothing cached, keys unwrapped from the table
    with UnitOfWork(db) as uow:
        assert cold.decrypt(uow, "alice", blob, b"m1").startswith(b"my card")
        with pytest.raises(KeyShredded):
            cold.decrypt(uow, "alice", blob, b"other-message")  # bound to its message
        with pytest.raises(KeyShredded):
            cold.decrypt(uow, "bob", blob, b"m1")  # bound to its customer

    new = LocalKek(os.urandom(32))
    rotated = Vault(new)
    with UnitOfWork(db, write=True) as uow:
        assert rotated.rewrap(uow, old, batch=1) == 1  # resumable: one batch at a time
        uow.commit()
    with UnitOfWork(db, write=True) as uow:
        assert rotated.rewrap(uow, old, batch=10) == 1
        assert rotated.rewrap(uow, old, batch=10) == 0
        uow.commit()
    with UnitOfWork(db) as uow:
        assert Vault(new).decrypt(uow, "bob", bob_blob, b"m2") == b"hello"
        with pytest.raises(MasterKeyError):
            Vault(old).decrypt(uow, "bob", bob_blob, b"m2")

    with UnitOfWork(db, write=True) as uow:
        assert rotated.shred(uow, "alice")
        uow.commit()
    with UnitOfWork(db) as uow:
        with pytest.raises(KeyShredded):
            Vault(new).decrypt(uow, "alice", blob, b"m1")
        assert Vault(new).decrypt(uow, "bob", bob_blob, b"m2") == b"hello"


def test_master_key_loading(tmp_path: Path) -> None:
    key_file = tmp_path / "master.key"
    with pytest.raises(MasterKeyError, match="no master key"):
        load_master_key(env_value=None, key_file=key_file, allow_generate=False)
    generated = load_master_key(env_value=None, key_file=key_file, allow_generate=True)
    assert generated.generated and DEV_KEY_MARKER in key_file.read_text()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    again = load_master_key(env_value=None, key_file=key_file, allow_generate=False)
    assert again.kek_id == generated.kek_id and again.generated
    env_key = base64.b64encode(os.urandom(32)).decode()
    from_env = load_master_key(env_value=env_key, key_file=key_file, allow_generate=False)
    assert not from_env.generated and from_env.kek_id != generated.kek_id


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "one base64 line"),
        ("not base64!!\n", "not valid base64"),
        (base64.b64encode(b"short").decode(), "32 bytes"),
        ("a\nb\n", "one base64 line"),
    ],
)
def test_bad_master_keys(text: str, message: str) -> None:
    with pytest.raises(MasterKeyError, match=message):
        parse_master_key(text)
