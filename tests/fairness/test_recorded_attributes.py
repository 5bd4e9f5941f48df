"""Every decision of the message path records its operational groups; the audit reads them."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.fairness.attributes import sentiment_band, urgency_band
from trustdesk.settings import Settings
from trustdesk.store.tables import DecisionRow
from trustdesk.store.tables.fairness import DecisionAttributesRow

from app_support import Keys

MESSAGES = (
    "where is my order",
    "this is the third time I ask, I am furious, my parcel never arrived!!",
    "how do returns work",
    "wo ist meine Bestellung, ich warte seit zwei Wochen",
)


@pytest.mark.parametrize(("urgency", "band"), [(0.0, "low"), (0.33, "low"), (0.34, "medium"),
                                                (0.66, "medium"), (0.67, "high"), (1.0, "high")])
def test_urgency_bands(urgency: float, band: str) -> None:
    assert urgency_band(urgency) == band


@pytest.mark.parametrize(("sentiment", "band"), [(-1.0, "negative"), (-0.2, "neutral"),
                                                  (0.2, "neutral"), (0.21, "positive")])
def test_sentiment_bands(sentiment: float, band: str) -> None:
    assert sentiment_band(sentiment) == band


@pytest.mark.postgres
def test_each_decision_records_its_groups(client: Any, keys: Keys, services: Any,
                                          settings: Settings) -> None:
    decision_ids = []
    for i, text in enumerate(MESSAGES):
        body = {"channel": "email"} if i % 2 else {}
        cid = client.post("/v1/conversations", json=body, headers=keys.widget).json()["id"]
        r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                        headers=keys.widget)
        assert r.status_code in (200, 201), r.text
        decision_ids.append(r.json()["decision"]["id"])
    with services.db.engine.connect() as conn:
        rows = {r.decision_id: r for r in conn.execute(select(DecisionAttributesRow.__table__))}
        channels = dict(conn.execute(
            select(DecisionRow.id, DecisionRow.conversation_id)).all())
    assert set(rows) == set(decision_ids)
    for r in rows.values():
        assert r.urgency_band == urgency_band(r.urgency)
        assert r.sentiment_band == sentiment_band(r.sentiment)
    assert rows[decision_ids[0]].language == "en"
    assert rows[decision_ids[3]].language == "de"
    assert rows[decision_ids[1]].urgency > rows[decision_ids[0]].urgency
    assert len(channels) == len(MESSAGES)

    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir)}
    result = CliRunner().invoke(app, [
        "fairness", "audit", "--since", "2000-01-01", "--outcome", "automatic",
        "--group", "language", "--group", "channel", "--min-cell-size", "1",
        "--bootstrap", "50"], env=env)
    assert result.exit_code == 0, result.stderr
    doc = orjson.loads(result.stdout)
    language = doc["groupings"][0]
    assert language["attributes"] == ["language"]
    counts = {c["group"]["language"]: c["n"] for c in language["cells"]}
    assert counts == {"de": 1, "en": 3}
    by_channel = {c["group"]["channel"]: c["n"] for c in doc["groupings"][1]["cells"]}
    assert sum(by_channel.values()) == len(MESSAGES)
