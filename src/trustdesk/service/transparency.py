"""Cards and the transparency report, from the running configuration and the stored records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from trustdesk.domain import utcnow
from trustdesk.domain.errors import InvalidInput
from trustdesk.oversight.policy import load_policy
from trustdesk.privacy.retention import load_rules
from trustdesk.service.context import Services
from trustdesk.settings import Settings
from trustdesk.store.db import Database
from trustdesk.store.repositories.fairness import Period
from trustdesk.transparency.report import build_report
from trustdesk.transparency.system_card import Deployment


def running_deployment(svc: Services) -> Deployment:
    """What this process runs: the versions bootstrap loaded."""
    rules = svc.governance.retention_rules() if svc.governance else load_rules(
        svc.settings.retention_file)
    return Deployment(settings=svc.settings, policy=svc.path.policy,
                      model_version=svc.path.classifier.version,
                      kb_version=svc.path.responder.version, retention=rules)


def configured_deployment(settings: Settings) -> Deployment:
    """What a server started with these settings would run, read without loading models."""
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.ai.kb.errors import KnowledgeBaseError
    from trustdesk.ai.kb.storage import read_current

    try:
        kb_version: str | None = read_current(settings.resolved_kb_dir).version
    except KnowledgeBaseError:
        kb_version = None
    return Deployment(
        settings=settings,
        policy=load_policy(settings.resolved_policy_file),
        model_version=ModelRegistry(settings.resolved_model_dir).active_version(),
        kb_version=kb_version,
        retention=load_rules(settings.retention_file),
    )


def transparency_report(db: Database, settings: Settings, *, since: datetime | None,
                        until: datetime | None = None, period: Period = "day",
                        now: datetime | None = None) -> dict[str, Any]:
    if since is not None and until is not None and until <= since:
        raise InvalidInput("until: must be later than since")
    return build_report(db.engine, since=since, until=until, now=now or utcnow(),
                        period=period, deployment=settings.brand_name)
