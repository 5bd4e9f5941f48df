"""`trustdesk reviews escalate`: raise overdue review tasks now (serve does it on a schedule)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from trustdesk.cli.common import emit_json, fail, load_settings

app = typer.Typer(help="The review queue.", no_args_is_help=True)


@app.command("escalate")
def escalate(
    now: Annotated[
        str | None, typer.Option(help="Treat this ISO time as now (default: the clock).")
    ] = None,
) -> None:
    """Escalate every open review task past its SLA (audited); serve runs this every minute."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.oversight.queue import escalate_overdue

    at = None
    if now is not None:
        try:
            at = datetime.fromisoformat(now)
        except ValueError:
            fail("--now must be an ISO date-time such as 2026-06-01T09:00:00+00:00", 2)
        if at.tzinfo is None:
            fail("--now needs a time zone, e.g. +00:00", 2)
    db = open_database(load_settings())
    try:
        count = escalate_overdue(db, now=at)
    finally:
        db.dispose()
    emit_json({"escalated": count})


@app.command("monitor")
def monitor(
    since: Annotated[str | None, typer.Option(help="ISO time, inclusive.")] = None,
) -> None:
    """The automation-bias monitor: per reviewer approval/edit rates, speed and flags."""
    from dataclasses import asdict

    from trustdesk.bootstrap import open_database
    from trustdesk.service.oversight.monitor import reviewers

    at = None
    if since is not None:
        try:
            at = datetime.fromisoformat(since)
        except ValueError:
            fail("--since must be an ISO date or date-time", 2)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
    db = open_database(load_settings())
    try:
        emit_json([asdict(s) for s in reviewers(db, since=at)])
    finally:
        db.dispose()
