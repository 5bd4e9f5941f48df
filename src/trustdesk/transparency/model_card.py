"""A model card for one intent model version, built from what the registry stored with it.

Every figure comes from the version's own files: `model.json` (metadata written at training:
provenance, validation and held-out test figures), `manifest.json` (digests, format) and, when
`trustdesk model activate` ran the fairness gate (issue 13), `fairness_gate.json`. Intervals are
95 % Wilson intervals over the stated number of rows; nothing is measured again here.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from trustdesk.ai.intent import artefact
from trustdesk.ai.intent.loader import load_model
from trustdesk.ai.intent.registry import VERSIONS_DIR, ModelRegistry, RegistryError

GATE_FILE = "fairness_gate.json"
NO_GATE = "no fairness gate recorded"

INTENDED_USE = (
    "Reads a customer's message (after personal data was replaced by placeholders) and says "
    "which support topic it is about and how sure it is. The policy uses that to answer from "
    "the help centre automatically, hold the answer for a person, or hand the conversation "
    "to a person."
)
OUT_OF_SCOPE_USES = (
    "Deciding anything about a customer (credit, refunds, account closure) without a person: "
    "the policy sends such topics to review.",
    "Messages in languages it was not trained on: they go to a person.",
    "Inferring a customer's identity, protected attributes or sentiment about people.",
)
LIMITATIONS = (
    "It knows only the topics it was trained on; anything else should fall below its "
    "threshold and be treated as out of scope, but a confident wrong topic is possible.",
    "Figures are from held-out rows of the same labelled data; real traffic differs "
    "(spelling, slang, several questions in one message) and is usually harder.",
    "The confidence is calibrated on the validation split; calibration drifts when the "
    "traffic drifts. The reviewer monitor shows the AI's track record per confidence band.",
    "Words that drove a decision are exact for this linear model, but a word's weight is "
    "learnt from the training data and can carry its biases; see the fairness audit.",
)

Z95 = 1.959963984540054


class ModelCardError(Exception):
    """The card cannot be built; the message says which version and what to do."""


class UnknownVersion(ModelCardError):
    """No registered version has this hash or prefix (or none is active)."""


def wilson(successes: float, trials: int) -> tuple[float, float] | None:
    """95 % Wilson interval of a proportion, None without trials."""
    if trials <= 0:
        return None
    p, z2 = successes / trials, Z95 * Z95
    denom = 1 + z2 / trials
    centre = (p + z2 / (2 * trials)) / denom
    half = Z95 / denom * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    return max(0.0, centre - half), min(1.0, centre + half)


def _rate(value: Any, trials: int) -> dict[str, Any] | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    interval = wilson(float(value) * trials, trials)
    return {"value": float(value), "rows": trials,
            "interval_95": list(interval) if interval else None}


def _evaluation(metrics: dict[str, Any], provenance: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    test = metrics.get("test")
    if isinstance(test, dict):
        rows = int(test.get("rows", 0))
        labels = provenance.get("label_counts") or {}
        out["test"] = {
            "rows": rows,
            "accuracy": _rate(test.get("accuracy"), rows),
            # the test split's in-scope rows are not counted apart: no interval without its n
            "in_scope_accuracy": test.get("in_scope_accuracy"),
            "out_of_scope_recall": test.get("oos_recall"),
            "macro_f1": test.get("macro_f1"),
            "expected_calibration_error": test.get("expected_calibration_error"),
            "latency_p50_ms": test.get("latency_p50_ms"),
            "latency_p95_ms": test.get("latency_p95_ms"),
            "overlap_with_training": test.get("overlap_with_training"),
            "labels": len(labels),
        }
    validation = metrics.get("validation")
    if isinstance(validation, dict):
        out["validation"] = dict(validation)
    return out


def read_gate(directory: Path) -> dict[str, Any] | None:
    """The fairness gate's result stored beside a version, or None when there is none."""
    path = directory / GATE_FILE
    if not path.is_file():
        return None
    try:
        gate = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelCardError(f"{path} is unreadable ({exc}); run the gate again") from None
    if not isinstance(gate, dict) or not isinstance(gate.get("passed"), bool):
        raise ModelCardError(f"{path}: expected an object with a boolean 'passed'")
    return gate


def model_card(registry: ModelRegistry, version: str | None = None, *,
               languages: list[str] | tuple[str, ...] = ("en",)) -> dict[str, Any]:
    """The card of `version` (a hash or a unique prefix; default: the active version)."""
    try:
        full = registry.resolve(version) if version else registry.active_version()
    except RegistryError as exc:
        raise UnknownVersion(str(exc)) from None
    if full is None:
        raise UnknownVersion(
            f"{registry.root}: no active model; name a VERSION or run `trustdesk model activate`"
        )
    directory = registry.root / VERSIONS_DIR / full
    try:
        model = load_model(directory)  # verified against its digests and content hash
    except artefact.ModelArtefactError as exc:
        raise ModelCardError(str(exc)) from None
    manifest = json.loads((directory / artefact.MANIFEST_FILE).read_text(encoding="utf-8"))
    meta = dict(model.metadata)
    provenance = dict(meta.get("provenance", {}))
    gate = read_gate(directory)
    owner = meta.get("owner") or (gate or {}).get("owner")
    approval = meta.get("approval") or (gate or {}).get("approval")
    return {
        "card": "model",
        "model": {
            "name": "intent classifier",
            "version": full,
            "format": manifest.get("format"),
            "backend": meta.get("backend"),
            "created_at": meta.get("created_at"),
            "active": registry.active_version() == full,
            "integrity": "verified: file digests and content hash match the manifest",
            "parameters": meta.get("params", {}),
            "refit": meta.get("refit"),
        },
        "intended_use": INTENDED_USE,
        "out_of_scope_uses": list(OUT_OF_SCOPE_USES),
        "languages": list(languages),
        "labels": list(model.labels),
        "out_of_scope_label": model.oos_label,
        "abstention_threshold": model.threshold,
        "training_data": {
            "source": provenance.get("source"),
            "rows": provenance.get("rows"),
            "train_rows": provenance.get("train_rows"),
            "validation_rows": provenance.get("validation_rows"),
            "test_rows": provenance.get("test_rows"),
            "duplicate_rows": provenance.get("duplicate_rows"),
            "conflicting_texts": provenance.get("conflicting_texts"),
            "excluded": provenance.get("excluded", {}),
            "data_hash": provenance.get("data_hash"),
            "label_counts": provenance.get("label_counts", {}),
            "personal_data": "at run time the model sees only redacted text (placeholders); "
            "the training rows are the labelled file named in `source`",
        },
        "evaluation": _evaluation(dict(meta.get("metrics", {})), provenance),
        "evaluation_note": (
            "Test figures are from a held-out split scored once at training; when the "
            "shipped model was refit on every row they are the evaluation fit's."
        ),
        "limitations": list(LIMITATIONS),
        "fairness_gate": gate,
        "fairness_gate_summary": NO_GATE if gate is None else (
            f"{'passed' if gate['passed'] else 'FAILED'} at {gate.get('checked_at', '?')}"
        ),
        "owner": owner or "no accountable owner recorded",
        "approval": approval or "no approval recorded",
    }


def _fmt(value: Any, digits: int = 3) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return "—" if value is None else str(value)


def _rate_md(rate: dict[str, Any] | None) -> str:
    if not rate:
        return "—"
    lo_hi = rate.get("interval_95")
    return _fmt(rate["value"]) + (f" (95 % CI {lo_hi[0]:.3f}–{lo_hi[1]:.3f}, "
                                  f"n={rate['rows']})" if lo_hi else "")


def model_card_markdown(card: dict[str, Any]) -> str:
    """The card as Markdown a person reads; the JSON has every field."""
    m, data = card["model"], card["training_data"]
    lines = [
        f"# Model card: intent classifier `{m['version'][:12]}`",
        "",
        f"- Version: `{m['version']}` ({'active' if m['active'] else 'not active'})",
        f"- Backend: {m['backend']}; format {m['format']}; trained {m['created_at']}",
        f"- Integrity: {m['integrity']}",
        f"- Accountable owner: {card['owner']}",
        f"- Approval: {card['approval']}",
        "",
        "## Intended use", "", card["intended_use"], "",
        "## Not intended for", "", *[f"- {u}" for u in card["out_of_scope_uses"]], "",
        "## Languages", "", ", ".join(card["languages"]), "",
        "## Training data", "",
        f"- Source: {_fmt(data['source'])}; {_fmt(data['rows'])} rows "
        f"(train {_fmt(data['train_rows'])}, validation {_fmt(data['validation_rows'])}, "
        f"test {_fmt(data['test_rows'])})",
        f"- Data hash: `{_fmt(data['data_hash'])}`; duplicates {_fmt(data['duplicate_rows'])}, "
        f"conflicting labels {_fmt(data['conflicting_texts'])}",
        f"- {len(card['labels'])} labels: " + ", ".join(
            f"{k} ({v})" for k, v in sorted(data["label_counts"].items())),
        f"- Personal data: {data['personal_data']}",
        "",
        "## Evaluation", "",
    ]
    test = card["evaluation"].get("test")
    if test:
        lines += [
            "| metric | value |", "|---|---|",
            f"| accuracy | {_rate_md(test['accuracy'])} |",
            f"| in-scope accuracy | {_fmt(test['in_scope_accuracy'])} |",
            f"| out-of-scope recall | {_fmt(test['out_of_scope_recall'])} |",
            f"| macro F1 | {_fmt(test['macro_f1'])} |",
            f"| expected calibration error | {_fmt(test['expected_calibration_error'])} |",
            f"| latency p50 / p95 (ms) | {_fmt(test['latency_p50_ms'], 2)} / "
            f"{_fmt(test['latency_p95_ms'], 2)} |",
            "",
        ]
    else:
        lines += ["No held-out test figures were stored with this version.", ""]
    lines += [card["evaluation_note"], "", "## Limitations", "",
              *[f"- {u}" for u in card["limitations"]], "", "## Fairness gate", ""]
    gate = card["fairness_gate"]
    if gate is None:
        lines.append(f"{NO_GATE.capitalize()} for this version.")
    else:
        lines += [card["fairness_gate_summary"], "",
                  "| attribute | metric | difference | threshold | passed |",
                  "|---|---|---|---|---|"]
        lines += [f"| {r.get('attribute')} | {r.get('metric')} | {_fmt(r.get('difference'))} | "
                  f"{_fmt(r.get('threshold'))} | {'yes' if r.get('passed') else 'no'} |"
                  for r in gate.get("results", []) if isinstance(r, dict)]
    return "\n".join(lines) + "\n"
