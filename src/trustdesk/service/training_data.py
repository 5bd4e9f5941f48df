"""Labelled examples from reviewed conversations, only for customers who consented to training."""

from __future__ import annotations

from dataclasses import dataclass

from trustdesk.accountability import audit
from trustdesk.domain import Oversight
from trustdesk.privacy.consent import ConsentPolicy, Purpose
from trustdesk.store.db import Database
from trustdesk.store.uow import UnitOfWork

# A person approved or edited these answers, so the intent the model saw was confirmed.
CONFIRMED = (Oversight.APPROVED.value, Oversight.EDITED.value)


@dataclass(frozen=True)
class TrainingExport:
    """Redacted texts with confirmed intents, and what was left out and why."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    excluded_without_consent: int
    excluded_erased: int
    customers: int

    def summary(self) -> dict[str, int]:
        return {
            "included": len(self.texts),
            "excluded_without_model_training_consent": self.excluded_without_consent,
            "excluded_erased": self.excluded_erased,
            "customers": self.customers,
        }


def reviewed_examples(db: Database, policy: ConsentPolicy, *, actor: str) -> TrainingExport:
    """Collect confirmed examples set-based, apply model_training consent, audit the export."""
    with UnitOfWork(db, write=True) as uow:
        latest = uow.consents.latest_for(Purpose.MODEL_TRAINING.value)
        rows = uow.decisions.confirmed_examples(CONFIRMED)
        texts: list[str] = []
        labels: list[str] = []
        no_consent = erased = 0
        customers: set[str] = set()
        for customer_id, text, intent, erased_at in rows:
            if erased_at is not None:
                erased += 1
            elif not policy.permission(Purpose.MODEL_TRAINING, latest.get(customer_id)).allowed:
                no_consent += 1
            else:
                texts.append(text)
                labels.append(intent)
                customers.add(customer_id)
        export = TrainingExport(tuple(texts), tuple(labels), no_consent, erased, len(customers))
        audit.append(
            uow,
            actor=actor,
            action="model.training_data_exported",
            subject_type="training_data",
            subject_id="reviewed-conversations",
            payload=export.summary(),
        )
        uow.commit()
    return export
