"""The fairness monitor: a significant, large gap in the window raises one audited alert."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from trustdesk.api.app import create_app
from trustdesk.fairness.monitor import MonitorConfig
from trustdesk.service.fairness.monitor import list_alerts, run_monitor
from trustdesk.store.db import Database
from trustdesk.store.tables import (
    ApiKeyRow,
    AuditEntryRow,
    ConversationRow,
    CustomerRow,
    DecisionRow,
    MessageRow,
    table,
)
from trustdesk.store.tables.fairness import DecisionAttributesRow

from app_support import Keys

NOW = datetime(2026, 11, 2, 12, tzinfo=UTC)
CONFIG = MonitorConfig(groups=("language", "channel"), outcomes=("automatic",),
                       window=timedelta(days=7), threshold=0.1, min_cell_size=30)


def _seed(db: Database, rates: dict[str, float], *, n: int = 600, days_ago: float = 1.0,
          seed: int = 0, prefix: str = "a") -> None:
    """n decisions per language, automatic with the given rate, `days_ago` before NOW."""
    rng = np.random.default_rng(seed)
    at = NOW - timedelta(days=days_ago)
    with db.engine.begin() as conn:
        if conn.execute(select(table(CustomerRow)).limit(1)).first() is None:
            conn.execute(insert(table(ApiKeyRow)).values(
                id="k1", name="k", role="widget", prefix="p", key_hash="h", created_at=at))
            conn.execute(insert(table(CustomerRow)).values(id="c1", ai_opt_out=False,
                                                            created_at=at))
        convs, msgs, decs, attrs = [], [], [], []
        for lang, rate in rates.items():
            auto = rng.random(n) < rate
            for i in range(n):
                key = f"{prefix}{lang}{i}"
                channel = ("chat", "email")[i % 2]
                convs.append({"id": key, "customer_id": "c1", "api_key_id": "k1",
                              "channel": channel, "state": "ai", "disclosed": True,
                              "pseudonym_rev": 0, "created_at": at, "updated_at": at})
                msgs.append({"id": key, "conversation_id": key, "sender": "customer",
                             "redacted_text": "x", "pii_types": [], "ai_generated": False,
                             "created_at": at})
                decs.append({"id": key, "conversation_id": key, "customer_id": "c1",
                             "message_id": key, "kind": "reply" if auto[i] else "review",
                             "redacted_input": "x", "output": "y", "intent": "i",
                             "confidence": 0.9, "model_version": "m", "policy_version": "p",
                             "kb_version": "k", "oversight": "automatic", "created_at": at})
                attrs.append({"decision_id": key, "language": lang, "channel": channel,
                              "urgency": 0.1, "urgency_band": "low", "sentiment": 0.0,
                              "sentiment_band": "neutral"})
        conn.execute(insert(table(ConversationRow)), convs)
        conn.execute(insert(table(MessageRow)), msgs)
        conn.execute(insert(table(DecisionRow)), decs)
        conn.execute(insert(table(DecisionAttributesRow)), attrs)


@pytest.mark.postgres
def test_a_large_significant_gap_raises_one_audited_alert(services: Any) -> None:
    _seed(services.db, {"en": 0.8, "de": 0.5, "fr": 0.78})
    raised = run_monitor(services, now=NOW, config=CONFIG)
    assert [(a.attributes, a.outcome, a.metric) for a in raised] == [
        (("language",), "automatic", "demographic_parity_difference")]
    alert = raised[0]
    assert alert.lowest_group == "de" and alert.highest_group in ("en", "fr")
    assert alert.value >= 0.2 and alert.p_adjusted < 0.05 and alert.decisions == 1800
    with services.db.engine.connect() as conn:
        entries = conn.execute(select(AuditEntryRow.action, AuditEntryRow.subject_id)
                               .where(AuditEntryRow.action == "fairness.alert_raised")).all()
    assert entries == [("fairness.alert_raised", alert.id)]
    # the same open gap is not raised again
    assert run_monitor(services, now=NOW + timedelta(hours=1), config=CONFIG) == []
    assert [a.id for a in list_alerts(services)] == [alert.id]


@pytest.mark.postgres
def test_no_alert_for_small_or_old_gaps(services: Any) -> None:
    # a real but small gap (0.04 < threshold), significant with these counts
    _seed(services.db, {"en": 0.80, "de": 0.76}, n=4000, seed=1)
    # a big gap, but outside the window
    _seed(services.db, {"es": 0.9, "it": 0.2}, days_ago=10, prefix="old")
    assert run_monitor(services, now=NOW, config=CONFIG) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_alerts_route_is_admin_only(services: Any, keys: Keys) -> None:
    _seed(services.db, {"en": 0.8, "de": 0.4})
    run_monitor(services, now=NOW, config=CONFIG)
    with TestClient(create_app(services)) as client:
        r = client.get("/v1/fairness/alerts", headers=keys.admin)
        assert r.status_code == 200
        body = r.json()["alerts"]
        assert len(body) == 1 and body[0]["attributes"] == ["language"]
        assert body[0]["status"] == "open"
        assert client.get("/v1/fairness/alerts", headers=keys.agent).status_code == 403
        assert client.get("/v1/fairness/alerts", headers=keys.widget).status_code == 403
