"""The release gate: a model version's fairness on a labelled evaluation set, against a policy.

For every evaluation row the model's decision is `selected` = it would act on the message
automatically (in scope, above its threshold) and the ground truth is `qualified` = the
message's true intent is one the AI handles (not the out-of-scope label); `correct` = the
intent it acts on (or its abstention) is the labelled one. Per group attribute (each alone;
their intersection when the policy asks) the decision frame gives:
    demographic_parity_difference = max_g P(selected | g) - min_g P(selected | g)
    demographic_parity_ratio      = min_g P(selected | g) / max_g P(selected | g)
    equalized_odds_difference     = max(TPR gap, FPR gap), TPR/FPR of selected vs qualified
    accuracy_difference           = max_g P(correct | g) - min_g P(correct | g)
over the groups with at least `min_cell_size` rows. A ratio passes at or above its threshold,
a difference at or below it; a threshold of null switches that check off. The point values
are compared (their Wilson and bootstrap intervals are reported beside them, not gated on).
A check that cannot be computed (fewer than two groups large enough, no out-of-scope rows for
the false positive rate) is an error, not a pass. With `probe_families`, each family's decision
flip rate (the share of rewritten messages whose kind, intent or cited article changes) is a
check too: attribute "probe:<family>", metric "flip_rate", passing at or below
`probe_flip_rate`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

GATE_FILE = "fairness_gate.json"
FLOORS = frozenset({"demographic_parity_ratio"})  # passes at or above; the rest at or below


class GateError(ValueError):
    """The gate cannot be computed as asked; the message names the field or column."""


class GatePolicy(BaseModel):
    """Thresholds the owner sets (YAML, TRUSTDESK_FAIRNESS_GATE_POLICY_FILE); null = off."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    demographic_parity_difference: float | None = Field(default=0.10, ge=0.0, le=1.0)
    demographic_parity_ratio: float | None = Field(default=0.80, ge=0.0, le=1.0)
    equalized_odds_difference: float | None = Field(default=0.10, ge=0.0, le=1.0)
    accuracy_difference: float | None = Field(default=0.10, ge=0.0, le=1.0)
    min_cell_size: int = Field(default=30, ge=1)
    intersections: bool = False
    # counterfactual probes (trustdesk.fairness.probes) of the candidate through the whole
    # path: off by default (no families), see the README for why
    probe_families: tuple[str, ...] = ()
    probe_flip_rate: float = Field(default=0.01, ge=0.0, le=1.0)

    def thresholds(self) -> dict[str, float]:
        values = {"demographic_parity_difference": self.demographic_parity_difference,
                  "demographic_parity_ratio": self.demographic_parity_ratio,
                  "equalized_odds_difference": self.equalized_odds_difference,
                  "accuracy_difference": self.accuracy_difference}
        return {k: v for k, v in values.items() if v is not None}


def probes_only(policy: GatePolicy) -> GatePolicy:
    """`policy` with its group checks off, for a model without an evaluation set that carries
    group columns (the bundled demo): only its probe families are checked."""
    return policy.model_copy(update={"demographic_parity_difference": None,
                                     "demographic_parity_ratio": None,
                                     "equalized_odds_difference": None,
                                     "accuracy_difference": None})


# The families the 1 % target names: on by default in the owner's policy.
DEFAULT_PROBE_FAMILIES = ("name", "gender", "age")


def load_policy(path: Path | None) -> GatePolicy:
    """The policy in a YAML file, or the defaults without one (with the name, gender and age
    probes: each candidate model is run through the whole path)."""
    if path is None:
        return GatePolicy(probe_families=DEFAULT_PROBE_FAMILIES)
    import yaml

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GateError(f"{path}: gate policy file not found") from exc
    except yaml.YAMLError as exc:
        raise GateError(f"{path}: not valid YAML ({type(exc).__name__})") from exc
    try:
        return GatePolicy.model_validate(raw or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "policy"
        raise GateError(f"{path}: {field}: {first['msg']}") from exc


@dataclass(frozen=True)
class GateCheck:
    attribute: str
    metric: str
    difference: float  # for a ratio metric (FLOORS): the ratio
    threshold: float
    passed: bool


@dataclass(frozen=True)
class GateResult:
    passed: bool
    checked_at: datetime
    policy: GatePolicy
    checks: tuple[GateCheck, ...]
    details: dict[str, Any]  # per attribute: groups, rates, intervals (the CLI prints them)

    def to_json(self) -> dict[str, Any]:
        """The shape of fairness_gate.json (model cards read it)."""
        return {
            "passed": self.passed,
            "checked_at": self.checked_at.isoformat(),
            "policy": self.policy.model_dump(mode="json"),
            "results": [{"attribute": c.attribute, "metric": c.metric,
                         "difference": c.difference, "threshold": c.threshold,
                         "passed": c.passed} for c in self.checks],
        }

    def failures(self) -> list[str]:
        return [f"{c.metric} on {c.attribute}: {c.difference:.4f} "
                f"({'minimum' if c.metric in FLOORS else 'maximum'} {c.threshold})"
                for c in self.checks if not c.passed]


@dataclass(frozen=True)
class EvaluationSet:
    """Labelled messages with their group columns (the groups never reach the model)."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    groups: dict[str, tuple[str, ...]]


def read_evaluation(path: Path, *, text_column: str, label_column: str,
                    groups: Sequence[str]) -> EvaluationSet:
    """CSV/TSV or JSON lines (as `model train` reads them); rows with an empty text are
    skipped."""
    if not groups:
        raise GateError("--group: name at least one group column of the evaluation set")
    from trustdesk.ai.intent.training import TrainingDataError, read_records

    try:
        rows = list(read_records(path))
    except TrainingDataError as exc:
        raise GateError(f"evaluation set: {exc}") from None
    wanted = (text_column, label_column, *groups)
    texts: list[str] = []
    labels: list[str] = []
    columns: dict[str, list[str]] = {g: [] for g in groups}
    for n, record in rows:
        for column in wanted:
            if column not in record:
                raise GateError(f"{path}:{n}: column {column!r} not found")
        text = str(record[text_column] or "")
        if not text.strip():
            continue
        label = str(record[label_column] or "").strip()
        if not label:
            raise GateError(f"{path}:{n}: column {label_column!r} is empty")
        texts.append(text)
        labels.append(label)
        for g in groups:
            value = record[g]
            columns[g].append("" if value is None else str(value))
    if not texts:
        raise GateError(f"{path}: no labelled rows")
    return EvaluationSet(tuple(texts), tuple(labels), {g: tuple(v) for g, v in columns.items()})


def evaluate_gate(
    *,
    selected: Sequence[bool],
    qualified: Sequence[bool],
    correct: Sequence[bool],
    groups: Mapping[str, Sequence[str]],
    policy: GatePolicy,
    checked_at: datetime,
    n_bootstrap: int = 1000,
    probe_rates: Mapping[str, float] | None = None,
) -> GateResult:
    """Every check of the policy on every grouping; raises GateError for one it cannot make."""
    checks: list[GateCheck] = []
    details: dict[str, Any] = {}
    if not groups:  # a probes-only gate (the demo: no evaluation set with group columns)
        if policy.thresholds():
            raise GateError("the group checks need an evaluation set with group columns; set "
                            "their thresholds to null in the gate policy for probes only")
    else:
        checks, details = _group_checks(selected, qualified, correct, groups, policy,
                                        n_bootstrap)
    missing = [f for f in policy.probe_families if f not in (probe_rates or {})]
    if missing:
        raise GateError(f"probe_families: no flip rate for {missing[0]!r}")
    for family in policy.probe_families:
        rate = float((probe_rates or {})[family])
        checks.append(GateCheck(f"probe:{family}", "flip_rate", rate, policy.probe_flip_rate,
                                rate <= policy.probe_flip_rate))
    return GateResult(passed=all(c.passed for c in checks), checked_at=checked_at,
                      policy=policy, checks=tuple(checks), details=details)


def _group_checks(selected: Sequence[bool], qualified: Sequence[bool], correct: Sequence[bool],
                  groups: Mapping[str, Sequence[str]], policy: GatePolicy,
                  n_bootstrap: int) -> tuple[list[GateCheck], dict[str, Any]]:
    """The policy's thresholds on every grouping of the evaluation set."""
    import numpy as np

    from trustdesk.fairness.frame import AuditOptions, FairnessReport

    options = AuditOptions(min_cell_size=policy.min_cell_size, n_bootstrap=n_bootstrap)
    columns = {name: np.asarray(values, dtype=object) for name, values in groups.items()}
    decisions = FairnessReport.compute(
        y_pred=np.asarray(selected, dtype=bool), y_true=np.asarray(qualified, dtype=bool),
        groups=columns, intersections=policy.intersections, options=options)
    accuracy = FairnessReport.compute(
        y_pred=np.asarray(correct, dtype=bool), groups=columns,
        intersections=policy.intersections, options=options)
    checks: list[GateCheck] = []
    details: dict[str, Any] = {}
    for attrs, frame in decisions.frames.items():
        name = " x ".join(attrs)
        acc = accuracy[attrs]
        named = frame.fairness()
        values: dict[str, Any] = {
            "demographic_parity_difference": named["demographic_parity_difference"],
            "demographic_parity_ratio": named["demographic_parity_ratio"],
            "equalized_odds_difference": named.get("equalized_odds_difference"),
            "accuracy_difference": acc.difference()["selection_rate"],
        }
        for metric, threshold in policy.thresholds().items():
            value = values[metric]
            if value is None:
                raise GateError(
                    f"{metric} on {name!r} cannot be computed: it needs at least two groups of "
                    f"{policy.min_cell_size}+ rows" + (" with in-scope and out-of-scope rows"
                                                       if metric.startswith("equalized") else "")
                    + "; add evaluation rows, or set the threshold to null in the gate policy")
            ok = value >= threshold if metric in FLOORS else value <= threshold
            checks.append(GateCheck(name, metric, float(value), threshold, bool(ok)))
        details[name] = _details(frame, acc)
    return checks, details


def _details(frame: Any, accuracy: Any) -> dict[str, Any]:
    rates = {**frame.by_group, "accuracy": accuracy.by_group["selection_rate"]}
    bounds = {**frame.intervals(), "accuracy": accuracy.intervals()["selection_rate"]}
    groups = []
    for cell, n in frame.count.items():
        groups.append({
            "group": list(cell), "n": n,
            **{m: {"value": rates[m][cell], "lower": bounds[m][cell].lower,
                   "upper": bounds[m][cell].upper} for m in rates},
        })
    gaps = frame.fairness_intervals()
    return {"groups": groups, "intervals": {m: [i.lower, i.upper] for m, i in gaps.items()}}


def write_result(result: GateResult, version_dir: Path) -> Path:
    """fairness_gate.json in the model version's directory (replaced atomically)."""
    import os

    target = version_dir / GATE_FILE
    tmp = version_dir / f".{GATE_FILE}.tmp"
    tmp.write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


def read_result(version_dir: Path) -> dict[str, Any] | None:
    """The stored gate result of a version, or None when it has none (or an unreadable one)."""
    path = version_dir / GATE_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) and isinstance(doc.get("passed"), bool) else None
