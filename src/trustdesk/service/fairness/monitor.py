"""The fairness monitor: recompute gaps over a sliding window of stored decisions, raise alerts.

Runs in `serve`'s background thread (one worker at a time, under a lease) or from
`trustdesk fairness monitor`. An alert is stored once per grouping, outcome and metric while
an open one exists, and each new alert is an audit entry (ready to open an incident).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from trustdesk.accountability import audit
from trustdesk.domain import new_id, utcnow
from trustdesk.domain.views import described
from trustdesk.fairness.monitor import MonitorConfig
from trustdesk.service.context import Services
from trustdesk.service.schedule import start_leased_job
from trustdesk.store.repositories.fairness import decision_cells
from trustdesk.store.tables import table
from trustdesk.store.tables.fairness import FairnessAlertRow
from trustdesk.store.uow import UnitOfWork

log = logging.getLogger(__name__)
LEASE = "fairness-monitor"
_ALERTS = table(FairnessAlertRow)


@dataclass(frozen=True)
class AlertView:
    id: str
    created_at: datetime
    window_start: datetime
    window_end: datetime
    attributes: tuple[str, ...] = field(metadata=described("The grouping whose groups differ."))
    outcome: str = field(metadata=described("automatic or handoff."))
    metric: str
    value: float = field(metadata=described("The demographic-parity difference in the window."))
    ratio: float | None = field(metadata=described("The demographic-parity ratio."))
    p_adjusted: float = field(metadata=described("χ² p-value after the correction (Holm)."))
    threshold: float
    decisions: int
    lowest_group: str
    highest_group: str
    status: str


def _view(r: Mapping[str, Any]) -> AlertView:
    fields = {k: r[k] for k in AlertView.__dataclass_fields__ if k != "attributes"}
    return AlertView(attributes=tuple(str(r["attributes"]).split(",")), **fields)


def config_from(settings: object) -> MonitorConfig:
    from datetime import timedelta

    default = MonitorConfig()
    return MonitorConfig(
        window=timedelta(days=float(getattr(settings, "fairness_window_days", 7.0))),
        threshold=float(getattr(settings, "fairness_alert_threshold", default.threshold)),
        min_cell_size=int(getattr(settings, "fairness_min_cell_size", default.min_cell_size)),
    )


def run_monitor(svc: Services, *, now: datetime | None = None,
                config: MonitorConfig | None = None) -> list[AlertView]:
    """One pass over the window ending now; returns the alerts it raised."""
    # numpy, scipy and pyarrow load on the first pass, not when `serve` starts the thread
    from trustdesk.fairness.counts import CellCounts
    from trustdesk.fairness.frame import AuditOptions, FairnessReport
    from trustdesk.fairness.monitor import gaps

    config = config or config_from(svc.settings)
    end = now or utcnow()
    start = end - config.window
    options = AuditOptions(min_cell_size=config.min_cell_size, n_bootstrap=0,
                           alpha=config.alpha)
    raised: list[AlertView] = []
    for outcome in config.outcomes:
        names, rows = decision_cells(svc.db.engine, groups=list(config.groups), outcome=outcome,
                                     since=start, until=end)
        if not rows:
            continue
        counts = CellCounts.from_cells(names, rows, labelled=False)
        report = FairnessReport.from_counts(counts, options=options,
                                            groupings=[(g,) for g in config.groups])
        found = gaps(report, config.threshold)
        if not found:
            continue
        with UnitOfWork(svc.db, write=True) as uow:
            open_keys = {
                (r.attributes, r.metric) for r in uow.connection.execute(
                    select(_ALERTS.c.attributes, _ALERTS.c.metric)
                    .where(_ALERTS.c.status == "open", _ALERTS.c.outcome == outcome))
            }
            for gap in found:
                key = (",".join(gap.attributes), gap.metric)
                if key in open_keys:
                    continue
                alert_id = new_id()
                values: dict[str, Any] = {
                    "id": alert_id, "created_at": utcnow(), "window_start": start,
                    "window_end": end, "attributes": key[0], "outcome": outcome,
                    "metric": gap.metric, "value": gap.value, "ratio": gap.ratio,
                    "p_adjusted": gap.p_adjusted, "threshold": config.threshold,
                    "decisions": gap.decisions, "lowest_group": gap.lowest_group,
                    "highest_group": gap.highest_group, "status": "open",
                }
                uow.connection.execute(insert(_ALERTS).values(values))
                audit.append(uow, actor="fairness-monitor", action="fairness.alert_raised",
                             subject_type="fairness_alert", subject_id=alert_id,
                             payload={"attributes": key[0], "outcome": outcome,
                                      "metric": gap.metric, "value": gap.value,
                                      "p_adjusted": gap.p_adjusted,
                                      "threshold": config.threshold})
                raised.append(_view(values))
            uow.commit()
    return raised


def list_alerts(svc: Services, *, status: str | None = None,
                limit: int = 100) -> list[AlertView]:
    stmt = select(_ALERTS).order_by(_ALERTS.c.created_at.desc()).limit(limit)
    if status is not None:
        stmt = stmt.where(_ALERTS.c.status == status)
    with svc.db.engine.connect() as conn:
        return [_view(dict(r._mapping)) for r in conn.execute(stmt)]


def start_fairness_monitor(svc: Services, interval_s: float) -> Callable[[], None]:
    """Run the monitor every `interval_s` seconds in a daemon thread; returns a stop function."""
    def job() -> str | None:
        raised = run_monitor(svc)
        return f"raised {len(raised)} alert(s)" if raised else None

    return start_leased_job(svc, LEASE, interval_s, job)
