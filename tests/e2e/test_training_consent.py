"""`trustdesk model train --with-conversations` uses only customers who consented to training."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.uow import UnitOfWork

from e2e_support import Keys

DEMO_CSV = Path(__file__).parents[2] / "src" / "trustdesk" / "data" / "demo" / "intents.csv"


def _reviewed_conversation(client: TestClient, keys: Keys, ref: str, consent: bool) -> str:
    conv = client.post("/v1/conversations", json={"customer_ref": ref,
                                                  "customer_token": keys.sign(ref)},
                       headers=keys.widget).json()
    out = client.post(f"/v1/conversations/{conv['id']}/messages",
                      json={"text": "I was charged twice, I dispute this payment"},
                      headers=keys.widget).json()
    task = next(t for t in client.get("/v1/reviews", headers=keys.agent).json()
                if t["decision_id"] == out["decision"]["id"])
    r = client.post(f"/v1/reviews/{task['id']}", json={"verdict": "approve"}, headers=keys.agent)
    assert r.status_code == 200
    if consent:
        r = client.post(f"/v1/customers/{conv['customer_id']}/consents",
                        json={"purpose": "model_training", "granted": True,
                              "lawful_basis": "consent"}, headers=keys.widget)
        assert r.status_code == 201, r.text
    return str(conv["customer_id"])


def test_training_excludes_customers_without_consent(
    client: TestClient, keys: Keys, settings: Settings, services: Services, tmp_path: Path
) -> None:
    _reviewed_conversation(client, keys, "consenting-1", consent=True)
    _reviewed_conversation(client, keys, "silent-2", consent=False)
    result = CliRunner().invoke(
        app,
        ["model", "train", "--data", str(DEMO_CSV), "--with-conversations",
         "--out", str(tmp_path / "model")],
        env={"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
             "TRUSTDESK_DATA_DIR": str(settings.data_dir)},
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["conversations"] == {
        "included": 1,
        "excluded_without_model_training_consent": 1,
        "excluded_erased": 0,
        "customers": 1,
    }
    assert "1 excluded without model_training consent" in result.stderr
    with UnitOfWork(services.db) as uow:
        entries = uow.audit.about("reviewed-conversations")
        assert [e.action for e in entries] == ["model.training_data_exported"]
