"""The consent ledger's rules: purposes, lawful bases, and what the latest record permits.

The ledger is append-only (table `consents`); the current state of a purpose is its latest
record. A purpose with no record falls back to the deployer's configured basis:

* ``support`` runs on ``contract`` (answering the customer is what they asked for);
* ``ai_assistance`` runs on ``legitimate_interest`` by default, with the right to object
  at any time (the AI opt-out); a deployer who wants opt-in sets the basis to ``consent``;
* ``fairness_audit`` runs on ``legitimate_interest`` (checking the AI for bias);
* ``quality_improvement``, ``model_training`` and ``analytics`` need explicit consent.

A record with ``granted=False`` (a withdrawal, objection, restriction or AI opt-out)
always stops the purpose, whatever its basis, until a later record grants it again.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class Purpose(enum.StrEnum):
    """What personal data is processed for; consent is recorded per purpose."""

    SUPPORT = "support"
    AI_ASSISTANCE = "ai_assistance"
    QUALITY_IMPROVEMENT = "quality_improvement"
    MODEL_TRAINING = "model_training"
    ANALYTICS = "analytics"
    FAIRNESS_AUDIT = "fairness_audit"


class LawfulBasis(enum.StrEnum):
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    LEGITIMATE_INTEREST = "legitimate_interest"


class WithdrawalReason(enum.StrEnum):
    WITHDRAWN = "withdrawn"
    OBJECTION = "objection"
    RESTRICTION = "restriction"
    AI_OPT_OUT = "ai_opt_out"


DEFAULT_BASES: Mapping[Purpose, LawfulBasis] = {
    Purpose.SUPPORT: LawfulBasis.CONTRACT,
    Purpose.AI_ASSISTANCE: LawfulBasis.LEGITIMATE_INTEREST,
    Purpose.QUALITY_IMPROVEMENT: LawfulBasis.CONSENT,
    Purpose.MODEL_TRAINING: LawfulBasis.CONSENT,
    Purpose.ANALYTICS: LawfulBasis.CONSENT,
    Purpose.FAIRNESS_AUDIT: LawfulBasis.LEGITIMATE_INTEREST,
}
# Purposes whose basis a deployer may change; the others are fixed by law or by design.
CONFIGURABLE = frozenset({Purpose.AI_ASSISTANCE, Purpose.FAIRNESS_AUDIT})
ALWAYS_CONSENT = frozenset(
    {Purpose.QUALITY_IMPROVEMENT, Purpose.MODEL_TRAINING, Purpose.ANALYTICS}
)


class ConsentError(ValueError):
    """A consent policy or record that cannot be right; the message says what to change."""


class ConsentRecordLike(Protocol):
    @property
    def purpose(self) -> str: ...
    @property
    def granted(self) -> bool: ...
    @property
    def lawful_basis(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def reason(self) -> str | None: ...


@dataclass(frozen=True)
class Permission:
    """Whether a purpose may process this customer's data now, and why."""

    purpose: Purpose
    allowed: bool
    basis: LawfulBasis | None
    reason: str


@dataclass(frozen=True)
class ConsentPolicy:
    """The deployer's default lawful basis per purpose."""

    bases: Mapping[Purpose, LawfulBasis]

    @classmethod
    def default(cls, *, ai_assistance: str | LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST,
                fairness_audit: str | LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST
                ) -> ConsentPolicy:
        bases = dict(DEFAULT_BASES)
        for purpose, value in ((Purpose.AI_ASSISTANCE, ai_assistance),
                               (Purpose.FAIRNESS_AUDIT, fairness_audit)):
            try:
                bases[purpose] = LawfulBasis(value)
            except ValueError:
                raise ConsentError(
                    f"lawful basis for {purpose.value} must be one of "
                    f"{', '.join(b.value for b in LawfulBasis)}, not {value!r}"
                ) from None
        return cls(bases)

    def basis(self, purpose: Purpose) -> LawfulBasis:
        return self.bases[purpose]

    def check_grant(self, purpose: Purpose, basis: LawfulBasis) -> None:
        """A grant for a consent-only purpose must be recorded as consent."""
        if purpose in ALWAYS_CONSENT and basis is not LawfulBasis.CONSENT:
            raise ConsentError(
                f"{purpose.value} needs the customer's explicit consent; "
                f"record it with lawful_basis 'consent', not {basis.value!r}"
            )

    def permission(self, purpose: Purpose, latest: ConsentRecordLike | None) -> Permission:
        """What the latest ledger record (or, without one, the default basis) allows."""
        if latest is not None:
            if latest.granted:
                return Permission(purpose, True, LawfulBasis(latest.lawful_basis),
                                  f"{latest.lawful_basis} recorded {latest.created_at:%Y-%m-%d}")
            why = latest.reason or WithdrawalReason.WITHDRAWN.value
            return Permission(purpose, False, None,
                              f"{purpose.value} stopped by the customer ({why}) "
                              f"on {latest.created_at:%Y-%m-%d}")
        basis = self.basis(purpose)
        if basis is LawfulBasis.CONSENT:
            return Permission(purpose, False, None,
                              f"{purpose.value} needs consent and none is recorded")
        return Permission(purpose, True, basis, f"default basis {basis.value}")


def latest_by_purpose(records: Iterable[ConsentRecordLike]) -> dict[str, ConsentRecordLike]:
    """The current state: the latest record per purpose (records come oldest first)."""
    latest: dict[str, ConsentRecordLike] = {}
    for record in records:
        latest[record.purpose] = record
    return latest


def parse_purpose(value: str) -> Purpose:
    try:
        return Purpose(value)
    except ValueError:
        raise ConsentError(
            f"unknown purpose {value!r}; use one of {', '.join(p.value for p in Purpose)}"
        ) from None


def parse_basis(value: str) -> LawfulBasis:
    try:
        return LawfulBasis(value)
    except ValueError:
        raise ConsentError(
            f"unknown lawful basis {value!r}; use one of "
            f"{', '.join(b.value for b in LawfulBasis)}"
        ) from None
