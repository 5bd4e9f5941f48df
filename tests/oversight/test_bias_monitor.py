"""The automation-bias monitor and the AI's track record shown on each review."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from trustdesk.oversight.bias import Verdict, band_label, band_of, reviewer_stats

from app_support import Keys

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)


def _verdicts(reviewer: str, n: int, *, approved: int, seconds: float) -> list[Verdict]:
    return [Verdict(reviewer, "approved" if i < approved else "edited", T0 + timedelta(minutes=i),
                    T0 + timedelta(minutes=i, seconds=seconds)) for i in range(n)]


def test_rubber_stamping_needs_many_fast_approvals() -> None:
    stats = {s.reviewer: s for s in reviewer_stats(
        _verdicts("fast", 50, approved=50, seconds=1.5)
        + _verdicts("few", 49, approved=49, seconds=1.0)
        + _verdicts("slow", 60, approved=60, seconds=30)
        + _verdicts("edits", 60, approved=55, seconds=1.0)
    )}
    assert stats["fast"].flags == ("rubber_stamping",)
    assert stats["fast"].approval_rate == 1.0 and stats["fast"].median_seconds_to_decide == 1.5
    assert stats["few"].flags == ("too_few_reviews",)
    assert stats["slow"].flags == ()
    assert stats["edits"].flags == () and stats["edits"].edit_rate == round(5 / 60, 4)


def test_a_reviewer_who_rejects_everything_is_flagged_too() -> None:
    vs = [Verdict("no", "rejected", T0, T0 + timedelta(seconds=20)) for _ in range(50)]
    assert reviewer_stats(vs)[0].flags == ("rejects_almost_all",)


@pytest.mark.parametrize(("confidence", "band"), [(0.0, 0), (0.099, 0), (0.1, 1), (0.55, 5),
                                                  (0.999, 9), (1.0, 9)])
def test_confidence_bands(confidence: float, band: int) -> None:
    assert band_of(confidence) == band
    assert band_label(5) == "0.5-0.6"


REFUND = "I want my money back, refund me"


def _held(client: TestClient, keys: Keys) -> dict[str, Any]:
    cid = client.post("/v1/conversations", json={}, headers=keys.widget).json()["id"]
    out = client.post(f"/v1/conversations/{cid}/messages", json={"text": REFUND},
                      headers=keys.widget).json()
    queue = client.get("/v1/reviews", headers=keys.agent).json()
    task: dict[str, Any] = next(t for t in queue if t["decision_id"] == out["decision"]["id"])
    return task


def test_the_monitor_and_the_track_record_over_http(client: TestClient, keys: Keys) -> None:
    first = _held(client, keys)
    assert first["ai_track_record"]["verdicts"] == 0
    assert first["ai_track_record"]["approved_rate"] is None
    client.post(f"/v1/reviews/{first['id']}/claim", headers=keys.agent)
    client.post(f"/v1/reviews/{first['id']}", json={"verdict": "approve"}, headers=keys.agent)
    second = _held(client, keys)
    client.post(f"/v1/reviews/{second['id']}", json={"verdict": "edit", "text": "Refunded."},
                headers=keys.agent)
    third = _held(client, keys)
    record = third["ai_track_record"]
    assert record["band"] == band_label(band_of(record["confidence"]))
    assert record["verdicts"] == 2 and record["approved_rate"] == 0.5

    r = client.get("/v1/oversight/reviewers", headers=keys.admin)
    assert r.status_code == 200, r.text
    [me] = r.json()
    assert (me["reviews"], me["approved"], me["edited"]) == (2, 1, 1)
    assert me["approval_rate"] == 0.5 and me["median_seconds_to_decide"] >= 0
    assert me["flags"] == ["too_few_reviews"]
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    assert client.get("/v1/oversight/reviewers", params={"since": future},
                      headers=keys.admin).json() == []
    bad = client.get("/v1/oversight/reviewers",
                     params={"since": future, "until": "2020-01-01T00:00:00+00:00"},
                     headers=keys.admin)
    # an empty window (until before since) has no verdicts; the schema cannot say "after"
    assert bad.status_code == 200 and bad.json() == []
    assert client.get("/v1/oversight/reviewers?since=soon",
                      headers=keys.admin).status_code == 422
    assert client.get("/v1/oversight/reviewers", headers=keys.agent).status_code == 403


def test_the_cli_prints_the_monitor(settings: Any, client: TestClient, keys: Keys) -> None:
    import json

    from typer.testing import CliRunner

    from trustdesk.cli.main import app

    task = _held(client, keys)
    client.post(f"/v1/reviews/{task['id']}", json={"verdict": "reject"}, headers=keys.agent)
    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir)}
    r = CliRunner().invoke(app, ["reviews", "monitor", "--since", "2020-01-01"], env=env)
    assert r.exit_code == 0, r.output
    [me] = json.loads(r.stdout)
    assert me["rejected"] == 1 and me["flags"] == ["too_few_reviews"]
    bad = CliRunner().invoke(app, ["reviews", "monitor", "--since", "soon"], env=env)
    assert bad.exit_code == 2 and "--since" in bad.output
