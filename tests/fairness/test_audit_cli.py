"""`trustdesk fairness audit` on CSV and Parquet exports and over stored decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from sqlalchemy import insert
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.fairness import AuditOptions, CellCounts, FairnessReport
from trustdesk.store.db import Database
from trustdesk.store.repositories.fairness import decision_cells
from trustdesk.store.tables import (
    ApiKeyRow,
    ConversationRow,
    CustomerRow,
    DecisionRow,
    MessageRow,
    table,
)

START = date(2026, 10, 1)  # a Thursday


def _table(n: int = 3000, seed: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    lang = rng.choice(["en", "de", "fr"], n)
    channel = rng.choice(["chat", "email"], n)
    approved = rng.integers(0, 2, n)
    auto = (rng.random(n) < np.where(lang == "de", 0.4, 0.6)).astype(np.int64)
    days = rng.integers(0, 28, n)
    return pa.table({
        "language": lang, "channel": channel, "auto": auto, "approved": approved,
        "minutes": rng.gamma(2.0, 15.0, n),
        "created": pa.array([START + timedelta(days=int(d)) for d in days]),
        "state": np.where(auto == 1, "automatic", "held"),
    })


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["fairness", "audit", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    t = _table()
    pacsv.write_csv(t, tmp_path / "d.csv")
    pq.write_table(t, tmp_path / "d.parquet")
    return {"csv": tmp_path / "d.csv", "parquet": tmp_path / "d.parquet"}


def test_csv_and_parquet_give_the_report_of_the_arrays(exports: dict[str, Path]) -> None:
    args = ["--outcome", "auto", "--label", "approved", "--group", "language",
            "--group", "channel", "--bootstrap", "200"]
    docs = []
    for path in exports.values():
        code, out, err = _run("--data", str(path), *args)
        assert code == 0, err
        docs.append(orjson.loads(out))
    t = _table()
    expected = FairnessReport.compute(
        y_pred=t["auto"], y_true=t["approved"],
        groups={"language": t["language"].to_numpy(), "channel": t["channel"].to_numpy()},
        options=AuditOptions(n_bootstrap=200),
    ).to_dict()
    for doc in docs:
        assert doc["source"]["rows"] == 3000
        assert doc["groupings"] == expected["groupings"]  # full precision, nothing rounded
    assert [g["attributes"] for g in docs[0]["groupings"]] == [
        ["language"], ["channel"], ["language", "channel"]]


def test_text_outcome_with_positive_value(exports: dict[str, Path]) -> None:
    code, out, _ = _run("--data", str(exports["csv"]), "--outcome", "state", "--positive",
                        "automatic", "--group", "language", "--bootstrap", "0")
    assert code == 0
    by_value = _run("--data", str(exports["csv"]), "--outcome", "auto", "--group",
                    "language", "--bootstrap", "0")[1]
    assert orjson.loads(out)["groupings"] == orjson.loads(by_value)["groupings"]


def test_a_time_outcome_gives_mean_and_quantile_gaps(exports: dict[str, Path]) -> None:
    code, out, _ = _run("--data", str(exports["parquet"]), "--outcome", "minutes",
                        "--group", "language")
    doc = orjson.loads(out)
    assert code == 0 and doc["kind"] == "gap"
    t = _table()
    lang, minutes = t["language"].to_numpy(), t["minutes"].to_numpy()
    cells = {c["group"]["language"]: c for c in doc["groupings"][0]["cells"]}
    assert cells["de"]["mean"] == pytest.approx(minutes[lang == "de"].mean(), rel=1e-12)
    assert cells["fr"]["p90"] == pytest.approx(np.quantile(minutes[lang == "fr"], 0.9))


def test_trend_by_week_starts_on_monday(exports: dict[str, Path]) -> None:
    code, out, _ = _run("--data", str(exports["csv"]), "--outcome", "auto", "--group",
                        "language", "--time", "created", "--bootstrap", "0")
    assert code == 0
    points = orjson.loads(out)["trend"]["points"]
    t = _table()
    created = t["created"].to_pylist()
    mondays = sorted({(d - timedelta(days=d.weekday())).isoformat() for d in created})
    assert sorted({p["period"] for p in points}) == mondays
    week = mondays[1]
    lang, auto = t["language"].to_numpy(), t["auto"].to_numpy()
    in_week = np.array([(d - timedelta(days=d.weekday())).isoformat() == week for d in created])
    point = next(p for p in points if p["period"] == week)
    expected = auto[in_week & (lang == "en")].mean()
    assert point["selection_rate"]["en"] == pytest.approx(expected, abs=1e-12)


def test_html_report_is_offline_with_bars_and_trend(exports: dict[str, Path],
                                                    tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    code, _, err = _run("--data", str(exports["csv"]), "--outcome", "auto", "--label",
                        "approved", "--group", "language", "--group", "channel", "--time",
                        "created", "--format", "html", "--out", str(out_file),
                        "--bootstrap", "100")
    assert code == 0, err
    html = out_file.read_text(encoding="utf-8")
    assert html.count("<svg") == 4  # three groupings and the trend
    assert "demographic parity ratio" in html and "four-fifths rule" in html
    assert "<script" not in html and 'src="http' not in html and "<link" not in html
    assert out_file.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--outcome", "nope", "--group", "language"], "nope: no such column"),
        (["--outcome", "auto", "--group", "nope"], "nope: no such column"),
        (["--outcome", "state", "--group", "language"], "state: is text; give --positive"),
        (["--outcome", "auto", "--group", "language", "--label", "minutes"],
         "minutes: expected 0/1"),
        (["--outcome", "auto", "--group", "language", "--time", "channel"],
         "channel: expected ISO dates"),
        (["--outcome", "minutes", "--group", "language", "--format", "html"],
         "--format html needs a 0/1 outcome"),
    ],
)
def test_bad_input_names_the_column(exports: dict[str, Path], args: list[str],
                                    message: str) -> None:
    code, _, err = _run("--data", str(exports["csv"]), *args)
    assert code == 2
    assert message in err


def test_missing_file_and_missing_source() -> None:
    code, _, err = _run("--data", "/nonexistent/d.csv", "--outcome", "a", "--group", "b")
    assert code == 2 and "data: no such file" in err
    code, _, err = _run("--outcome", "automatic", "--group", "channel")
    assert code == 2 and "--since" in err


# -- stored decisions ---------------------------------------------------------------------

def _seed(db: Database, n: int = 400, seed: int = 1) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    now = datetime(2026, 10, 1, 12, tzinfo=UTC)
    channels = rng.choice(["chat", "email", "api"], n)
    intents = rng.choice(["order_status", "refund", "shipping"], n)
    kinds = rng.choice(["reply", "review", "handoff"], n, p=[0.6, 0.25, 0.15])
    days = rng.integers(0, 21, n)
    with db.engine.begin() as conn:
        conn.execute(insert(table(ApiKeyRow)).values(
            id="k1", name="k", role="widget", prefix="p", key_hash="h", created_at=now))
        conn.execute(insert(table(CustomerRow)).values(id="c1", ai_opt_out=False,
                                                        created_at=now))
        convs, msgs, decs = [], [], []
        for i in range(n):
            at = now + timedelta(days=int(days[i]), hours=int(i % 9))
            convs.append({"id": f"v{i}", "customer_id": "c1", "api_key_id": "k1",
                          "channel": str(channels[i]), "state": "ai", "disclosed": True,
                          "pseudonym_rev": 0, "created_at": at, "updated_at": at})
            msgs.append({"id": f"m{i}", "conversation_id": f"v{i}", "sender": "customer",
                         "redacted_text": "x", "pii_types": [], "ai_generated": False,
                         "created_at": at})
            decs.append({"id": f"d{i}", "conversation_id": f"v{i}", "customer_id": "c1",
                         "message_id": f"m{i}", "kind": str(kinds[i]), "redacted_input": "x",
                         "output": "y", "intent": str(intents[i]), "confidence": 0.9,
                         "model_version": "m", "policy_version": "p", "kb_version": "k",
                         "oversight": "automatic", "created_at": at})
        conn.execute(insert(table(ConversationRow)), convs)
        conn.execute(insert(table(MessageRow)), msgs)
        conn.execute(insert(table(DecisionRow)), decs)
    times = [now + timedelta(days=int(days[i]), hours=int(i % 9)) for i in range(n)]
    return {"channel": channels, "intent": intents, "kind": kinds, "at": times}


@pytest.mark.postgres
def test_stored_counts_are_aggregated_in_sql(migrated_db: Database) -> None:
    seeded = _seed(migrated_db)
    since = datetime(2026, 10, 5, tzinfo=UTC)
    names, rows = decision_cells(migrated_db.engine, groups=["channel", "intent"],
                                 outcome="automatic", since=since, period="week")
    assert names == ["channel", "intent", "period"]
    keep = np.array([t >= since for t in seeded["at"]])
    mondays = np.array([(t.date() - timedelta(days=t.weekday())).isoformat()
                        for t in seeded["at"]])
    from_sql = FairnessReport.from_counts(
        CellCounts.from_cells(names, rows, labelled=False),
        groupings=[("channel",), ("intent",), ("channel", "intent"), ("period", "channel")],
        options=AuditOptions(n_bootstrap=50, min_cell_size=1),
    ).to_dict()
    from_arrays = FairnessReport.compute(
        y_pred=(seeded["kind"] == "reply")[keep],
        groups={"channel": seeded["channel"][keep], "intent": seeded["intent"][keep],
                "period": mondays[keep]},
        intersections=False, options=AuditOptions(n_bootstrap=50, min_cell_size=1),
    )
    expected = FairnessReport.from_counts(
        from_arrays.counts,
        groupings=[("channel",), ("intent",), ("channel", "intent"), ("period", "channel")],
        options=AuditOptions(n_bootstrap=50, min_cell_size=1),
    ).to_dict()
    assert from_sql == expected


@pytest.mark.postgres
@pytest.mark.parametrize("period", ["day", "month"])
def test_stored_period_buckets(migrated_db: Database, period: str) -> None:
    seeded = _seed(migrated_db, n=60)
    _, rows = decision_cells(migrated_db.engine, groups=["channel"], outcome="handoff",
                             period=period)  # type: ignore[arg-type]
    got = sorted({r[1] for r in rows})
    if period == "day":
        want = sorted({t.date().isoformat() for t in seeded["at"]})
    else:
        want = sorted({t.date().replace(day=1).isoformat() for t in seeded["at"]})
    assert got == want
    assert sum(r[2] for r in rows) == 60
    assert sum(r[3] for r in rows) == int((seeded["kind"] == "handoff").sum())


@pytest.mark.postgres
def test_cli_over_stored_decisions(migrated_db: Database, database_url: str,
                                   tmp_path: Path) -> None:
    _seed(migrated_db, n=200)
    env = {"TRUSTDESK_DATABASE_URL": database_url, "TRUSTDESK_DATA_DIR": str(tmp_path)}
    code, out, err = _run("--since", "2026-10-01", "--outcome", "review", "--group",
                          "channel", "--group", "intent", "--bootstrap", "100", env=env)
    assert code == 0, err
    doc = orjson.loads(out)
    assert doc["decisions"] == 200 and doc["source"]["store"] is True
    assert [g["attributes"] for g in doc["groupings"]] == [
        ["channel"], ["intent"], ["channel", "intent"]]
    assert doc["trend"]["points"]
    code, _, err = _run("--since", "2026-10-01", "--outcome", "review", "--group", "tier",
                        env=env)
    assert code == 2 and "'tier' is not a stored attribute" in err
    code, _, err = _run("--since", "2030-01-01", "--outcome", "review", "--group", "channel",
                        env=env)
    assert code == 1 and "no stored decisions" in err
