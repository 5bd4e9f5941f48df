"""The transparency report counts what the test did, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.domain.errors import InvalidInput
from trustdesk.service.context import Services
from trustdesk.service.transparency import transparency_report
from trustdesk.settings import Settings
from trustdesk.transparency.report_html import render_html

from app_support import Keys

ROUTINE = "How long does delivery to the UK take?"
REFUND = "I want my money back, refund me"
HUMAN = "I want to talk to a human"


def _say(client: TestClient, keys: Keys, cid: str, text: str) -> dict[str, Any]:
    r = client.post(f"/v1/conversations/{cid}/messages", json={"text": text},
                    headers=keys.widget)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _start(client: TestClient, keys: Keys, **body: Any) -> str:
    return str(client.post("/v1/conversations", json=body, headers=keys.widget).json()["id"])


@pytest.fixture
def history(client: TestClient, keys: Keys) -> dict[str, Any]:
    """A support day; what it did is counted here, from the API's answers, not the database."""
    seen: dict[str, int] = {}
    handoffs: dict[str, int] = {}
    ai_answers: list[tuple[str, str]] = []
    held: list[str] = []
    for _ in range(3):
        cid = _start(client, keys)
        for text in (ROUTINE, REFUND):
            d = _say(client, keys, cid, text)["decision"]
            seen[d["kind"]] = seen.get(d["kind"], 0) + 1
            if d["kind"] == "reply":
                ai_answers.append((cid, d["id"]))
            if d["kind"] == "review":
                held.append(d["id"])
    cid = _start(client, keys)
    d = _say(client, keys, cid, HUMAN)["decision"]
    assert d["kind"] == "handoff"
    seen["handoff"] = seen.get("handoff", 0) + 1
    handoffs["customer_request"] = 1
    staff = _start(client, keys)
    _say(client, keys, staff, ROUTINE)
    seen["reply"] += 1
    r = client.post(f"/v1/conversations/{staff}/handoff", json={"reason_code": "repeat_contact"},
                    headers=keys.agent)
    assert r.status_code == 200
    handoffs["repeat_contact"] = 1
    # contests: a person asked for after an AI answer, in words and by the widget's call
    for by_call in (False, True):
        cid = _start(client, keys)
        _say(client, keys, cid, ROUTINE)
        seen["reply"] += 1
        if by_call:
            assert client.post(f"/v1/conversations/{cid}/handoff",
                               headers=keys.widget).status_code == 200
        else:
            _say(client, keys, cid, HUMAN)
            seen["handoff"] += 1
        handoffs["customer_request"] += 1
    tasks = {t["decision_id"]: t for t in client.get("/v1/reviews", headers=keys.agent).json()}
    verdicts = [{"verdict": "approve"}, {"verdict": "edit", "text": "We will refund you."},
                {"verdict": "reject"}]
    for decision_id, verdict in zip(held, verdicts, strict=True):
        r = client.post(f"/v1/reviews/{tasks[decision_id]['id']}", json=verdict,
                        headers=keys.agent)
        assert r.status_code == 200, r.text
    for (cid, decision_id), rating in zip(ai_answers[:2], (5, 3), strict=True):
        client.post(f"/v1/conversations/{cid}/feedback",
                    json={"rating": rating, "decision_id": decision_id}, headers=keys.widget)
    client.post(f"/v1/conversations/{staff}/feedback", json={"rating": 4}, headers=keys.widget)
    _start(client, keys, ai_opt_out=True)
    return {"kinds": seen, "handoffs": handoffs, "reviews": len(held), "contested": 2}


def test_report_counts_what_happened(services: Services, history: dict[str, Any]) -> None:
    since = datetime.now(UTC) - timedelta(hours=1)
    r = transparency_report(services.db, services.settings, since=since)
    kinds = history["kinds"]
    total = sum(kinds.values())
    assert r["decisions"] == {"total": total, "by_kind": kinds}
    assert r["automation_rate"]["value"] == pytest.approx(kinds["reply"] / total)
    lo, hi = r["automation_rate"]["interval_95"]
    assert lo < r["automation_rate"]["value"] < hi
    assert r["held_for_review"] == history["reviews"] == 3
    assert r["review_outcomes"] | {"override_rate": None, "by_priority": None} == {
        "approved": 1, "edited": 1, "rejected": 1, "open": 0, "override_rate": None,
        "by_priority": None}
    assert r["review_outcomes"]["override_rate"]["value"] == pytest.approx(2 / 3)
    assert r["ai_answers_sent"] == kinds["reply"] + 1
    assert r["handoffs"]["by_reason_code"] == history["handoffs"]
    assert r["handoffs"]["total"] == sum(history["handoffs"].values()) == 4
    assert r["contested_after_ai_answer"] == history["contested"]
    assert r["sla"]["on_time"] == 3 and r["sla"]["compliance"]["value"] == 1.0
    assert r["csat"]["ai_answer"] == {"n": 2, "mean": 4.0}
    assert r["csat"]["conversation_with_person"] == {"n": 1, "mean": 4.0}
    assert r["opt_outs"] == 1
    assert r["appeals"]["total"] == 0 and r["appeals"]["overturn_rate"]["value"] is None
    assert "appeal" in r["appeals_note"] and "asking for a person" in r["appeals_note"]
    (day,) = r["by_period"]["rows"]
    assert {k: v for k, v in day.items() if k != "start"} == kinds


def test_an_empty_window_counts_nothing(services: Services, history: dict[str, Any]) -> None:
    future = datetime.now(UTC) + timedelta(days=1)
    r = transparency_report(services.db, services.settings, since=future)
    assert r["decisions"]["total"] == 0 and r["automation_rate"]["value"] is None
    assert r["handoffs"]["total"] == 0 and r["csat"] == {} and r["opt_outs"] == 0
    assert "<svg" not in render_html(r).split("<h2>People")[0]


def test_until_before_since_is_refused(services: Services) -> None:
    now = datetime.now(UTC)
    with pytest.raises(InvalidInput, match="until"):
        transparency_report(services.db, services.settings, since=now, until=now)


def test_html_is_offline_and_readable_on_a_phone(services: Services,
                                                 history: dict[str, Any]) -> None:
    r = transparency_report(services.db, services.settings,
                            since=datetime.now(UTC) - timedelta(hours=1))
    page = render_html(r)
    assert page.count("<svg") == 2 and 'name="viewport"' in page
    assert not re.search(r"<script|<link|<img|src=|url\(", page)
    # the only URL is the SVG namespace, which is never fetched
    assert set(re.findall(r"https?://[^\"' ]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "customer_request" in page and "repeat_contact" in page


def _env(settings: Settings) -> dict[str, str]:
    return {"TRUSTDESK_DATA_DIR": str(settings.data_dir),
            "TRUSTDESK_DATABASE_URL": settings.resolved_database_url}


def test_cli_report(settings: Settings, history: dict[str, Any], tmp_path: Path) -> None:
    runner = CliRunner()
    today = datetime.now(UTC).date().isoformat()
    js = runner.invoke(app, ["transparency", "report", "--since", today], env=_env(settings))
    assert js.exit_code == 0, js.output
    assert json.loads(js.output)["decisions"]["total"] == sum(history["kinds"].values())
    out = tmp_path / "report.html"
    html = runner.invoke(app, ["transparency", "report", "--since", today, "--format", "html",
                               "--period", "week", "--out", str(out)], env=_env(settings))
    assert html.exit_code == 0 and out.read_text().startswith("<!doctype html>")
    bad = runner.invoke(app, ["transparency", "report", "--since", "yesterday"],
                        env=_env(settings))
    assert bad.exit_code == 2 and "--since must be an ISO date" in bad.output
    backwards = runner.invoke(app, ["transparency", "report", "--since", today,
                                    "--until", "2000-01-01"], env=_env(settings))
    assert backwards.exit_code == 1 and "until" in backwards.output
