"""Benchmark the transparency report over a large stored history.

Run: .venv/bin/python bench/transparency.py [--decisions 200000] [--postgres URL]

Fills a fresh, migrated database (SQLite in a temporary directory; PostgreSQL when --postgres
names an empty database) with synthetic conversations, decisions, review tasks and feedback
(bulk Core inserts), then times build_report over the whole window, 5 runs, median. The
same-run baseline is one `SELECT kind, count(*) FROM decisions GROUP BY kind`, the least any
report has to read. Figures go in the README, not here.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import func, insert, select

from trustdesk.store.db import Database, connect
from trustdesk.store.migrate import upgrade
from trustdesk.store.tables import (
    ApiKeyRow,
    ConversationRow,
    CustomerRow,
    DecisionRow,
    MessageRow,
    ReviewTaskRow,
)
from trustdesk.store.tables.oversight import FeedbackRow
from trustdesk.transparency.report import build_report

START = datetime(2027, 1, 1, tzinfo=UTC)
CODES = ["customer_request", "low_confidence", "sensitive_topic", "out_of_scope", "policy"]


def fill(db: Database, n: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    per_conv = 4
    convs = n // per_conv
    kinds = rng.choice(["reply", "review", "handoff"], n, p=[0.7, 0.2, 0.1])
    minutes = np.sort(rng.integers(0, 90 * 24 * 60, n))
    with db.engine.begin() as conn:
        conn.execute(insert(ApiKeyRow), [{"id": "k", "name": "bench", "role": "widget",
                                          "prefix": "td_", "key_hash": "0" * 64,
                                          "created_at": START}])
        for lo in range(0, convs, 20_000):
            ids = range(lo, min(lo + 20_000, convs))
            conn.execute(insert(CustomerRow), [{"id": f"c{i}", "ai_opt_out": False,
                                                "created_at": START} for i in ids])
            conn.execute(insert(ConversationRow), [
                {"id": f"v{i}", "customer_id": f"c{i}", "api_key_id": "k", "channel": "chat",
                 "state": "ai", "disclosed": True, "pseudonym_rev": 0, "created_at": START,
                 "updated_at": START, "identity_verified": False,
                 "handoff_code": CODES[i % 5] if i % 7 == 0 else None} for i in ids])
        for lo in range(0, n, 20_000):
            rows = range(lo, min(lo + 20_000, n))
            at = [START + timedelta(minutes=int(minutes[i])) for i in rows]
            conn.execute(insert(MessageRow), [
                {"id": f"m{i}", "conversation_id": f"v{i // per_conv}", "sender": "customer",
                 "redacted_text": "where is my order", "pii_types": [], "ai_generated": False,
                 "created_at": t} for i, t in zip(rows, at, strict=True)])
            conn.execute(insert(DecisionRow), [
                {"id": f"d{i}", "conversation_id": f"v{i // per_conv}",
                 "customer_id": f"c{i // per_conv}", "message_id": f"m{i}",
                 "kind": str(kinds[i]), "redacted_input": "where is my order",
                 "output": "It ships in 2 days.", "intent": "order_status", "confidence": 0.9,
                 "model_version": "m", "policy_version": "p", "kb_version": "k",
                 "oversight": "automatic" if kinds[i] == "reply" else "awaiting_review",
                 "created_at": t, "reason_code": None if kinds[i] == "reply" else CODES[i % 5]}
                for i, t in zip(rows, at, strict=True)])
            held = [i for i in rows if kinds[i] == "review"]
            conn.execute(insert(ReviewTaskRow), [
                {"id": f"r{i}", "decision_id": f"d{i}", "conversation_id": f"v{i // per_conv}",
                 "status": ("approved", "edited", "rejected", "open")[i % 4], "reason": "x",
                 "draft": "x", "created_at": at[i - lo], "priority": "normal",
                 "due_at": at[i - lo] + timedelta(hours=4),
                 "resolved_at": None if i % 4 == 3 else at[i - lo] + timedelta(hours=i % 6)}
                for i in held])
            conn.execute(insert(FeedbackRow), [
                {"id": f"f{i}", "conversation_id": f"v{i // per_conv}",
                 "customer_id": f"c{i // per_conv}", "decision_id": f"d{i}" if i % 2 else None,
                 "rating": 1 + i % 5, "given_by": "widget", "created_at": at[i - lo]}
                for i in rows if i % 10 == 0])


def median_s(fn: object, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--decisions", type=int, default=200_000)
    ap.add_argument("--postgres", help="URL of an EMPTY PostgreSQL database to fill")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.postgres or f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = connect(url)
        upgrade(db)
        t = time.perf_counter()
        fill(db, args.decisions)
        print(f"filled {args.decisions} decisions in {time.perf_counter() - t:.1f} s")
        now = START + timedelta(days=91)

        def report() -> None:
            r = build_report(db.engine, since=START, until=None, now=now, period="week")
            assert r["decisions"]["total"] == args.decisions

        def baseline() -> None:
            with db.engine.connect() as conn:
                conn.execute(select(DecisionRow.kind, func.count())
                             .group_by(DecisionRow.kind)).all()

        print(f"{db.engine.dialect.name}: report median {median_s(report):.3f} s; "
              f"baseline GROUP BY kind median {median_s(baseline):.3f} s")
        db.dispose()


if __name__ == "__main__":
    main()
