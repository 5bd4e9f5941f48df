"""Background jobs of `serve`: each runs on an interval, on one worker at a time (a lease).

Retention purges, review escalation and the fairness monitor all use `start_leased_job`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from trustdesk.domain import new_id, utcnow
from trustdesk.service.context import Services
from trustdesk.store.tables import LeaseRow
from trustdesk.store.uow import UnitOfWork

log = logging.getLogger("trustdesk.schedule")


def holder_id() -> str:
    """This process, unique across hosts and restarts."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{new_id()[:8]}"


def acquire_lease(svc: Services, name: str, holder: str, ttl: timedelta) -> bool:
    """Take or renew the named lease unless another live holder has it (single-flight)."""
    now = utcnow()
    try:
        with UnitOfWork(svc.db, write=True) as uow:
            leases = uow.leases
            row = leases.get(name)
            if row is None:
                leases.add(LeaseRow(name=name, holder=holder, expires_at=now + ttl))
            elif row.holder == holder or row.expires_at <= now:
                row.holder, row.expires_at = holder, now + ttl
            else:
                return False
            uow.commit()
    except IntegrityError:
        return False  # another worker inserted the lease first
    return True


def release_lease(svc: Services, name: str, holder: str) -> None:
    with UnitOfWork(svc.db, write=True) as uow:
        uow.leases.release(name, holder)
        uow.commit()


def run_leased(svc: Services, name: str, holder: str, ttl: timedelta,
               job: Callable[[], str | None]) -> tuple[bool, str | None]:
    """Run `job` once if this worker gets the lease: (ran, what it reports)."""
    if not acquire_lease(svc, name, holder, ttl):
        return False, None
    try:
        return True, job()
    finally:
        release_lease(svc, name, holder)


def start_leased_job(svc: Services, name: str, interval_s: float,
                     job: Callable[[], str | None]) -> Callable[[], None]:
    """Run `job` every `interval_s` seconds in a daemon thread, under the lease `name`;
    returns a stop function. The job returns a line worth logging, or None."""
    if interval_s <= 0:
        raise ValueError(f"the {name} interval must be positive")
    stop = threading.Event()
    holder = holder_id()
    # A crashed holder's lease expires so that another worker can take over.
    ttl = timedelta(seconds=max(300.0, interval_s))

    def loop() -> None:
        while not stop.wait(interval_s):
            try:
                _, report = run_leased(svc, name, holder, ttl, job)
                if report:
                    log.info("%s: %s", name, report)
            except Exception:  # keep the scheduler alive; the next run retries
                log.exception("%s failed; it will be retried", name)

    thread = threading.Thread(target=loop, name=f"trustdesk-{name}", daemon=True)
    thread.start()

    def stopper() -> None:
        stop.set()
        thread.join(timeout=30)

    return stopper
