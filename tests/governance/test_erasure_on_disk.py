"""After an erasure commits, the erased customer's wrapped data key and ciphertexts are not
left readable in the database files.

SQLite: the raw bytes of `trustdesk.db` and its `-wal` are scanned for them (they are found
there before the erasure, so the scan can fail). PostgreSQL: its files are the server's, not
ours to read, so the test checks what the erasure can make PostgreSQL do: VACUUM every
touched table, leaving no dead row versions. What that leaves (WAL segments, backups, bytes
in free space of pages until reused) is stated in the README.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select, text

from trustdesk.service.context import Services
from trustdesk.service.privacy.dsr import ERASED_TABLES
from trustdesk.settings import Settings
from trustdesk.store.db import connect
from trustdesk.store.tables import ConversationRow, DataKeyRow, MessageRow

from gov_support import ANSWERABLE, WITH_EMAIL, Keys, say, start


def _secrets(services: Services, cid: str, customer: str) -> list[bytes]:
    with services.db.engine.connect() as conn:
        key = conn.execute(select(DataKeyRow.wrapped_key)
                           .where(DataKeyRow.customer_id == customer)).scalar_one()
        blobs = conn.execute(select(MessageRow.original)
                             .where(MessageRow.conversation_id == cid)).scalars().all()
        table = conn.execute(select(ConversationRow.pseudonyms)
                             .where(ConversationRow.id == cid)).scalar_one()
    return [bytes(b) for b in (key, *blobs, table) if b]


def _windows(secret: bytes) -> list[bytes]:
    """16-byte slices from the start, middle and end: random bytes, found only as residue."""
    mid = len(secret) // 2
    return [secret[:16], secret[mid - 8:mid + 8], secret[-16:]]


def _files(settings: Settings) -> list[Path]:
    assert settings.database_url is not None
    db = Path(settings.database_url.removeprefix("sqlite:///"))
    return [p for p in (db, Path(f"{db}-wal")) if p.exists()]


def _found(settings: Settings, secrets: list[bytes]) -> list[str]:
    raw = {p.name: p.read_bytes() for p in _files(settings)}
    return [f"{name}: {w.hex()}" for s in secrets for w in _windows(s)
            for name, data in raw.items() if w in data]


def _erase(client: TestClient, keys: Keys, customer: str) -> None:
    r = client.post("/v1/privacy/requests", json={"customer_id": customer, "kind": "erasure"},
                    headers=keys.admin)
    assert r.status_code == 201, r.text
    r = client.post(f"/v1/privacy/requests/{r.json()['id']}/complete", headers=keys.admin)
    assert r.status_code == 200 and r.json()["request"]["outcome"]["data_key_shredded"] == 1


def test_erasure_leaves_no_key_or_ciphertext_on_disk(
    client: TestClient, keys: Keys, services: Services, settings: Settings
) -> None:
    cid, customer = start(client, keys.widget, ref="cust-disk")
    say(client, keys.widget, cid, WITH_EMAIL)
    say(client, keys.widget, cid, ANSWERABLE)
    secrets = _secrets(services, cid, customer)
    assert len(secrets) >= 3  # the wrapped key, an encrypted original, the pseudonym table
    if services.db.is_sqlite:
        assert _found(settings, secrets), "before the erasure the bytes are in the files"
    _erase(client, keys, customer)
    if services.db.is_sqlite:
        assert _found(settings, secrets) == []
        wal = _files(settings)[1:]
        assert all(p.stat().st_size == 0 for p in wal), "the WAL was truncated"
        return
    # VACUUM cannot remove a row version that another client's open snapshot may still see
    # (a parallel test run on the same server, say); such a one is removed by a later scrub.
    for _ in range(10):
        with services.db.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT relname, last_vacuum, n_dead_tup FROM pg_stat_user_tables "
                     "WHERE relname = ANY(:names)"), {"names": list(ERASED_TABLES)}
            ).all()
        if all(r.n_dead_tup == 0 for r in rows):
            break
        time.sleep(0.5)
        services.db.scrub(ERASED_TABLES)
    assert {r.relname for r in rows} == set(ERASED_TABLES)
    assert all(r.last_vacuum is not None for r in rows), rows
    assert all(r.n_dead_tup == 0 for r in rows), rows


def test_sqlite_files_are_created_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "trustdesk.db"
    old_umask = os.umask(0o022)  # the usual umask, which would make them 0644
    try:
        db = connect(f"sqlite:///{path}")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
        try:
            for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        finally:
            db.dispose()
    finally:
        os.umask(old_umask)


def test_an_older_wider_sqlite_file_is_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "trustdesk.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    connect(f"sqlite:///{path}").dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
