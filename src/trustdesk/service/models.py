"""Model versions going live: the fairness gate first, then activation; both audited.

A version is activated only when its stored gate result (fairness_gate.json in its registry
directory) passed under the policy in force now. Otherwise the activation is refused and the
refusal audited, unless the caller overrides with a reason, which the audit entry keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from trustdesk.domain.errors import Conflict, InvalidInput
from trustdesk.fairness.gate import (
    EvaluationSet,
    GateError,
    GatePolicy,
    GateResult,
    evaluate_gate,
    read_result,
    write_result,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from trustdesk.ai.intent.model import IntentModel
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.fairness.probes import Analyser
    from trustdesk.store.db import Database

MAX_REASON = 500


class GateRefused(Conflict):
    """The version has no passing gate result under the current policy, and no override."""


@dataclass(frozen=True)
class Activation:
    version: str
    previous: str | None
    gate_passed: bool | None  # None: the version had no current gate result
    override_reason: str | None


def version_dir(registry: ModelRegistry, version: str) -> Path:
    from trustdesk.ai.intent.registry import VERSIONS_DIR

    return registry.root / VERSIONS_DIR / version


def check_gate(db: Database, registry: ModelRegistry, version: str,
               evaluation: EvaluationSet | None,
               policy: GatePolicy, *, actor: str, now: datetime | None = None,
               path_for: Callable[[IntentModel], Analyser] | None = None) -> GateResult:
    """Run a registered version on the evaluation set, gate it, store and audit the result.

    `path_for` builds the whole message path around the candidate, for the policy's probe
    families (the composition root's job: the caller passes it). Without an evaluation set
    only the probes are checked (the policy's group thresholds must be off: `probes_only`)."""
    from trustdesk.accountability import audit
    from trustdesk.ai.intent.evaluation import ABSTAIN
    from trustdesk.store.uow import UnitOfWork

    full = registry.resolve(version)
    model = registry.load(full)
    oos = model.oos_label or ABSTAIN
    texts, labels = (evaluation.texts, evaluation.labels) if evaluation else ((), ())
    predictions = model.predict_many(list(texts))  # text only: never the groups
    rates: dict[str, float] = {}
    if policy.probe_families:
        if path_for is None:
            raise GateError("probe_families: this caller cannot run the message path")
        from trustdesk.fairness.probes import run_probes

        try:
            probed = run_probes(path_for(model), families=policy.probe_families)
        except ValueError as exc:
            raise GateError(f"probe_families: {exc}") from None
        rates = {r.family: r.rate for r in probed}
    result = evaluate_gate(
        selected=[p.in_scope for p in predictions],
        qualified=[label != oos for label in labels],
        correct=[(p.label if p.in_scope else oos) == label
                 for p, label in zip(predictions, labels, strict=True)],
        groups=evaluation.groups if evaluation else {}, policy=policy,
        checked_at=now or datetime.now(UTC), probe_rates=rates)
    write_result(result, version_dir(registry, full))
    with UnitOfWork(db, write=True) as uow:
        audit.append(uow, actor=actor, action="fairness.gate_checked", subject_type="model",
                     subject_id=full, payload={**result.to_json(),
                                               "rows": len(texts)})
        uow.commit()
    return result


class Detector(Protocol):
    def detect(self, text: str) -> Sequence[object]: ...


def check_override_reason(reason: str | None, detector: Detector) -> str | None:
    """An owner's reason to go live despite a failed gate: short, and naming nobody."""
    if reason is None:
        return None
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise InvalidInput(f"override reason: must be 1-{MAX_REASON} characters")
    if detector.detect(reason):
        raise InvalidInput("override reason: looks like personal data; say why it may go live "
                           "without naming anyone (the audit log keeps it for ever)")
    return reason


def activate_model(db: Database, registry: ModelRegistry, version: str, *, actor: str,
                   policy: GatePolicy, detector: Detector,
                   override_reason: str | None = None) -> Activation:
    """Make a version the active one if its gate passed, or with an override reason."""
    from trustdesk.accountability import audit
    from trustdesk.store.uow import UnitOfWork

    reason = check_override_reason(override_reason, detector)
    full = registry.resolve(version)
    stored = read_result(version_dir(registry, full))
    current = stored is not None and stored.get("policy") == policy.model_dump(mode="json")
    passed: bool | None = bool(stored["passed"]) if stored is not None and current else None
    gate: dict[str, Any] = {"passed": passed,
                            "checked_at": stored.get("checked_at") if current and stored else None}
    if not passed and reason is None:
        why = ("its fairness gate failed" if passed is False else
               "it has no fairness gate result under the current policy")
        with UnitOfWork(db, write=True) as uow:
            audit.append(uow, actor=actor, action="model.activation_refused",
                         subject_type="model", subject_id=full, payload={"gate": gate})
            uow.commit()
        raise GateRefused(
            f"{full[:12]} was not activated: {why}. Run `trustdesk fairness gate --model "
            f"{full[:12]} --data EVAL --group COL` (or `model activate --eval-data ...`), "
            "or give --override-reason")
    previous = registry.active_version()
    with UnitOfWork(db, write=True) as uow:
        audit.append(uow, actor=actor, action="model.activated", subject_type="model",
                     subject_id=full,
                     payload={"previous": previous, "registry": str(registry.root.resolve()),
                              "gate": gate, "override_reason": reason if not passed else None})
        registry.activate(full)  # verifies the artefact; a failure rolls the entry back
        uow.commit()
    return Activation(full, previous, passed, reason if not passed else None)
