"""`trustdesk privacy purge` and `trustdesk dsr ...`: retention and data-subject requests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import orjson
import typer

from trustdesk.cli.common import booted, emit_json, fail
from trustdesk.domain import Role
from trustdesk.service.context import Services
from trustdesk.service.keys import Caller

app = typer.Typer(help="Privacy governance: retention purge and data-subject requests.",
                  no_args_is_help=True)
dsr_app = typer.Typer(help="Data-subject requests: export, erase, list.", no_args_is_help=True)
app.add_typer(dsr_app, name="dsr")

CLI_CALLER = Caller(key_id="cli", role=Role.ADMIN, name="command line")


@contextmanager
def _services() -> Iterator[Services]:
    """The services, with start-up and service errors turned into one line on stderr."""
    from trustdesk.domain.errors import ServiceError
    from trustdesk.privacy.notice import NoticeError
    from trustdesk.privacy.retention import RetentionError

    svc = booted()
    try:
        yield svc
    except (ServiceError, RetentionError, NoticeError) as exc:
        fail(str(exc))
    finally:
        svc.db.dispose()


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"--now must be an ISO date or time like 2027-01-31T00:00:00, not {value!r}", 2)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@app.command("purge")
def purge(
    now: Annotated[str | None, typer.Option(
        help="Apply the rules as if it were this ISO time (default: now). Later times purge "
        "more, for real unless --dry-run is given."
    )] = None,
    batch: Annotated[int, typer.Option(help="Rows per transaction.", min=1, max=100_000)] = 500,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Count what would be purged, change nothing (one transaction, "
        "rolled back; it holds the write lock while it counts)."
    )] = False,
) -> None:
    """Delete or shred every item whose retention period has expired; prints the counts."""
    from trustdesk.service.privacy.retention import purge as run_purge

    when = _parse_now(now)
    with _services() as svc:
        report = run_purge(svc, now=when, batch=batch, dry_run=dry_run)
    emit_json({"dry_run": dry_run, "counts": report.counts, "cutoffs": report.cutoffs,
               "batches": report.batches, "total": report.total})


@dsr_app.command("export")
def dsr_export(
    customer_id: Annotated[str, typer.Argument(help="The customer's TrustDesk id.")],
    out: Annotated[Path | None, typer.Option(
        help="Write the JSON document here (mode 0600) instead of standard output."
    )] = None,
) -> None:
    """Log and complete an access request: everything held about the customer, as JSON."""
    from trustdesk.service.privacy import dsr as privacy_dsr
    if out is not None and out.exists():
        fail(f"{out} exists; refusing to overwrite it", 2)
    with _services() as svc:
        request = privacy_dsr.create_request(svc, CLI_CALLER, customer_id=customer_id,
                                             kind="access")
        done = privacy_dsr.complete_request(svc, CLI_CALLER, request.id)
    if out is None:
        emit_json(done.export)
        return
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(orjson.dumps(done.export, option=orjson.OPT_INDENT_2))
    typer.echo(f"wrote {out} (request {request.id})")


@dsr_app.command("erase")
def dsr_erase(
    customer_id: Annotated[str, typer.Argument(help="The customer's TrustDesk id.")],
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: erasure cannot be undone.")]
    = False,
) -> None:
    """Log and complete an erasure: shred the customer's key and tombstone their data."""
    from trustdesk.service.privacy import dsr as privacy_dsr
    if not yes:
        fail("erasure cannot be undone; pass --yes to confirm", 2)
    with _services() as svc:
        request = privacy_dsr.create_request(svc, CLI_CALLER, customer_id=customer_id,
                                             kind="erasure")
        done = privacy_dsr.complete_request(svc, CLI_CALLER, request.id)
    emit_json({"request_id": done.request.id, "status": done.request.status.value,
               "outcome": done.request.outcome})


@dsr_app.command("list")
def dsr_list(
    status: Annotated[str | None, typer.Option(
        help="received, in_progress, completed, rejected, open or overdue."
    )] = None,
    limit: Annotated[int, typer.Option(help="At most this many.", min=1, max=1000)] = 100,
) -> None:
    """List data-subject requests by due date."""
    from trustdesk.service.privacy import dsr as privacy_dsr
    if status is not None and status not in privacy_dsr.LIST_FILTERS:
        fail(f"--status must be one of {', '.join(privacy_dsr.LIST_FILTERS)}", 2)
    with _services() as svc:
        rows = privacy_dsr.list_requests(svc, CLI_CALLER, status=status, limit=limit)
    emit_json([
        {"id": r.id, "customer_id": r.customer_id, "kind": r.kind.value,
         "status": r.status.value, "received_at": r.received_at.isoformat(),
         "due_at": r.due_at.isoformat(), "overdue": r.overdue}
        for r in rows
    ])
