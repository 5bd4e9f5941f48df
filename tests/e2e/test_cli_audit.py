"""`trustdesk audit verify` passes on a clean log and names the first bad entry otherwise."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, update
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow, DecisionRow

from e2e_support import Keys


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
            "TRUSTDESK_DATA_DIR": str(settings.data_dir)}


@pytest.fixture
def history(client: TestClient, keys: Keys) -> list[str]:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    ids = []
    for text in ("where is my order", "How long does delivery to the UK take?",
                 "Do you offer gift wrapping?"):
        r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                        headers=keys.widget)
        ids.append(r.json()["decision"]["id"])
    return ids


def run_verify(settings: Settings) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["audit", "verify"], env=_env(settings))
    return result.exit_code, result.output


def test_clean_log_verifies(settings: Settings, history: list[str]) -> None:
    code, out = run_verify(settings)
    assert code == 0 and "ok: " in out and "3 decisions" in out


def test_edited_decision_is_caught(settings: Settings, services: Services,
                                   history: list[str]) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(update(DecisionRow).where(DecisionRow.id == history[1])
                     .values(output="We never refund anything."))
    code, out = run_verify(settings)
    assert code == 1 and "FAILED" in out and history[1] in out


def test_deleted_entry_is_caught(settings: Settings, services: Services,
                                 history: list[str]) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(delete(AuditEntryRow).where(AuditEntryRow.seq == 2))
    code, out = run_verify(settings)
    assert code == 1 and "entry 2" in out


def test_reordered_entries_are_caught(settings: Settings, services: Services,
                                      history: list[str]) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 1).values(seq=-1))
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(seq=1))
        conn.execute(update(AuditEntryRow).where(AuditEntryRow.seq == -1).values(seq=2))
    code, out = run_verify(settings)
    assert code == 1 and "entry 1" in out
