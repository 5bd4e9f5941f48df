"""Retention purge: only expired data, receipts, idempotent, resumable, single-flight."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from trustdesk.cli.governance import app as governance_app
from trustdesk.privacy.retention import RetentionError, load_rules, parse_rules
from trustdesk.service.context import Services
from trustdesk.service.privacy.retention import (
    RetentionPurge,
    purge,
    start_retention_scheduler,
)
from trustdesk.service.privacy.tombstones import RETENTION_TOMBSTONE
from trustdesk.service.schedule import acquire_lease
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow, MessageRow
from trustdesk.store.tables.privacy import AccessLogRow
from trustdesk.store.uow import UnitOfWork

from gov_support import WITH_EMAIL, Keys, backdate, say, start, verify_ok

NOW = datetime.now(UTC)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([1, 2], "expected a mapping"),
        ({"originals": 30}, "unknown category"),
        ({"transcripts": 0}, "whole number of days"),
        ({"transcripts": "a year"}, "whole number of days"),
        ({"transcripts": True}, "whole number of days"),
        ({"access_log": 10**6}, "whole number of days"),
    ],
)
def test_bad_rules(data: object, fragment: str) -> None:
    with pytest.raises(RetentionError, match=fragment):
        parse_rules(data)


def test_bundled_rules_and_overrides(tmp_path: Path) -> None:
    rules = load_rules()
    assert rules.days["original_messages"] == 30  # type: ignore[index]
    custom = tmp_path / "r.yaml"
    custom.write_text("transcripts: null\n", encoding="utf-8")
    assert load_rules(custom).cutoff("transcripts", NOW) is None  # type: ignore[arg-type]
    with pytest.raises(RetentionError, match="cannot read"):
        load_rules(tmp_path / "missing.yaml")


def _conversation(client: TestClient, keys: Keys, services: Services, age_days: int) -> str:
    cid, _ = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    say(client, keys.widget, cid, "How long do refunds take to reach my card?")
    backdate(services, cid, NOW - timedelta(days=age_days))
    return cid


def _state(services: Services) -> dict[str, object]:
    with UnitOfWork(services.db) as uow:
        s = uow.session
        return {
            "originals": s.scalar(select(func.count()).where(MessageRow.original.is_not(None))),
            "tombstoned": s.scalar(select(func.count()).where(
                MessageRow.redacted_text == RETENTION_TOMBSTONE)),
            "access_log": s.scalar(select(func.count()).select_from(AccessLogRow)),
            "receipts": s.scalar(select(func.count()).where(
                AuditEntryRow.action == "retention.purged")),
        }


def test_purge_removes_only_expired_data_and_writes_receipts(
    client: TestClient, keys: Keys, services: Services
) -> None:
    fresh = _conversation(client, keys, services, age_days=1)
    month_old = _conversation(client, keys, services, age_days=45)
    year_old = _conversation(client, keys, services, age_days=400)
    report = purge(services, now=NOW)
    assert report.counts["original_messages"] == 4  # 2 originals each, in the two old ones
    assert report.counts["pseudonym_tables"] == 2
    assert report.counts["transcript_messages"] >= 2  # the year-old one, replies included
    assert report.counts["decision_inputs"] >= 1
    assert report.counts["access_log"] == 0
    with UnitOfWork(services.db) as uow:
        by_conv = {cid: uow.messages.in_conversation(cid) for cid in (fresh, month_old,
                                                                      year_old)}
        assert all(m.original is not None for m in by_conv[fresh] if m.sender == "customer")
        assert all(m.original is None for m in by_conv[month_old])
        assert all(m.redacted_text != RETENTION_TOMBSTONE for m in by_conv[month_old])
        assert all(m.redacted_text == RETENTION_TOMBSTONE for m in by_conv[year_old])
        assert all(d.redacted_input == RETENTION_TOMBSTONE
                   for d in uow.decisions.in_conversation(year_old))
        assert all(d.redacted_input != RETENTION_TOMBSTONE
                   for d in uow.decisions.in_conversation(month_old))
        receipts = [e for e in uow.audit.iter_entries() if e.action == "retention.purged"]
    assert receipts and all(set(e.payload) == {"category", "step", "count", "cutoff", "days"}
                            for e in receipts)
    assert "dana" not in str([e.payload for e in receipts])
    verify_ok(services)  # erased decision inputs were re-sealed

    before = _state(services)
    again = purge(services, now=NOW)
    assert again.total == 0 and _state(services) == before  # idempotent, no new receipts

    # two years later the access log expires as well
    assert purge(services, now=NOW + timedelta(days=731)).counts["access_log"] >= 6
    verify_ok(services)


class Interrupted(Exception):
    pass


class CrashAfterFirstBatch(RetentionPurge):
    """A purge that dies between two batches, as a killed process would."""

    def after_batch(self, step: str, count: int) -> None:
        raise Interrupted(step)


def test_interrupted_purge_resumes_cleanly(
    client: TestClient, keys: Keys, services: Services
) -> None:
    for _ in range(3):
        _conversation(client, keys, services, age_days=400)
    rules = load_rules()
    with pytest.raises(Interrupted):
        CrashAfterFirstBatch(services, rules, batch=2).run(NOW)
    partial = _state(services)
    assert partial["originals"] == 4 and partial["receipts"] == 1  # one batch of 2 committed
    verify_ok(services)
    report = RetentionPurge(services, rules, batch=2).run(NOW)
    assert report.counts["original_messages"] == 4
    final = _state(services)
    # 3 conversations x 5 messages: 2 customer messages, 2 replies, the AI disclosure
    assert final["originals"] == 0 and final["tombstoned"] == 15
    verify_ok(services)


def test_lease_is_single_flight(services: Services) -> None:
    ttl = timedelta(minutes=5)
    assert acquire_lease(services, "retention", "worker-a", ttl)
    assert not acquire_lease(services, "retention", "worker-b", ttl)
    assert acquire_lease(services, "retention", "worker-a", ttl)  # renewal
    assert acquire_lease(services, "retention", "worker-b", timedelta(seconds=-1)) is False
    assert acquire_lease(services, "retention", "worker-a", timedelta(seconds=-1))  # expire
    assert acquire_lease(services, "retention", "worker-b", ttl)  # taken over after expiry


def test_scheduler_purges_in_the_background(
    client: TestClient, keys: Keys, services: Services
) -> None:
    _conversation(client, keys, services, age_days=45)
    stop = start_retention_scheduler(services, interval_s=0.05)
    try:
        deadline = time.monotonic() + 10
        while _state(services)["originals"] and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop()
    assert _state(services)["originals"] == 0
    with pytest.raises(ValueError, match="positive"):
        start_retention_scheduler(services, interval_s=0)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_purge_command(client: TestClient, keys: Keys, services: Services,
                       settings: Settings) -> None:
    _conversation(client, keys, services, age_days=45)
    env = {
        "TRUSTDESK_DATA_DIR": str(settings.data_dir),
        "TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
        "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
        "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir),
    }
    runner = CliRunner()
    before = _state(services)
    for _ in range(2):  # a dry run counts what a real run would do, and changes nothing
        result = runner.invoke(governance_app, ["purge", "--dry-run", "--batch", "1"], env=env)
        assert result.exit_code == 0, result.output
        assert '"original_messages": 2' in result.stdout and '"dry_run": true' in result.stdout
        assert _state(services) == before
    result = runner.invoke(governance_app, ["purge"], env=env)
    assert result.exit_code == 0, result.output
    assert '"original_messages": 2' in result.stdout and '"dry_run": false' in result.stdout
    assert _state(services) != before
    result = runner.invoke(governance_app, ["purge", "--now", "yesterday"], env=env)
    assert result.exit_code == 2 and "--now must be an ISO date" in result.stderr
    result = runner.invoke(governance_app, ["purge", "--batch", "0"], env=env)
    assert result.exit_code == 2
    result = runner.invoke(governance_app, ["purge", "--help"], env=env)
    assert "retention" in result.stdout and "--dry-run" in result.stdout
