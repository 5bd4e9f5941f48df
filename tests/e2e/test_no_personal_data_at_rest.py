"""After a conversation full of personal data, none of it is in clear in the store or logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from trustdesk.service.context import Services
from trustdesk.store.tables import Base

from e2e_support import Keys

SECRETS = {
    "EMAIL": "priya.raman@example.com",
    "PHONE": "+44 20 7946 0958",
    "CARD": "4111 1111 1111 1111",
    "IBAN": "DE89 3704 0044 0532 0130 00",
}
MESSAGES = [
    f"Hi, my email is {SECRETS['EMAIL']} and my order hasn't arrived.",
    f"You can call me on {SECRETS['PHONE']} if that helps.",
    f"I paid with my card {SECRETS['CARD']} and was charged twice!",
    f"Please refund to my bank account {SECRETS['IBAN']} instead.",
    "I'd like to talk to a human now.",
]


def _needles() -> list[bytes]:
    out = []
    for value in SECRETS.values():
        out.append(value.encode())
        out.append(value.replace(" ", "").encode())
    return out


def test_no_personal_data_in_clear(
    client: TestClient, keys: Keys, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    for message in MESSAGES:
        r = client.post(f"/v1/conversations/{cid}/messages", json={"text": message},
                        headers=keys.widget)
        assert r.status_code == 200, r.text
        body = r.text.encode()
        for needle in _needles():
            assert needle not in body, f"{needle!r} echoed back in the API response"

    dumped = bytearray()
    with services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(table.select()):
                dumped += repr(tuple(row)).encode()
    assert dumped, "the tables hold the conversation"
    if services.db.is_sqlite:
        # also the raw file and its write-ahead log, byte for byte
        db_path = Path(services.db.engine.url.database or "")
        with services.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        for suffix in ("", "-wal"):
            f = db_path.with_name(db_path.name + suffix)
            if f.exists():
                dumped += f.read_bytes()
    else:
        with services.db.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                rows = conn.execute(text(f"SELECT row_to_json(t)::text FROM {table.name} t"))
                dumped += "".join(r[0] for r in rows).encode()
    for needle in _needles():
        assert needle not in dumped, f"{needle!r} found in clear in the database"

    logged = "\n".join(r.getMessage() for r in caplog.records).encode()
    for needle in _needles():
        assert needle not in logged, f"{needle!r} found in the logs"
