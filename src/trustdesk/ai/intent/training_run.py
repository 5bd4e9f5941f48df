"""Train an intent model from a labelled file, test it on a held-out split, save or register it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from trustdesk.ai.intent.evaluation import Evaluation, evaluate
from trustdesk.ai.intent.model import IntentModel, LinearBackend
from trustdesk.ai.intent.registry import ModelRegistry
from trustdesk.ai.intent.training import (
    TrainingDataError,
    describe,
    find_overlap,
    load_column,
    load_labelled,
    stratified_split,
)

Backend = Literal["tfidf", "embeddings"]
BACKENDS: tuple[Backend, ...] = ("tfidf", "embeddings")


@dataclass(frozen=True)
class TrainingRun:
    """A trained model, its held-out test figures and anything the operator should know."""

    model: IntentModel  # the shipped model: refit on every row unless refit=False
    test: Evaluation  # held-out figures of the evaluation fit
    warnings: list[str] = field(default_factory=list)
    saved_to: Path | None = None
    refit: bool = False
    reweighting: dict[str, Any] | None = None  # per-group test accuracy without / with weights

    def summary(self) -> dict[str, Any]:
        """JSON-ready figures: version, validation metrics, test metrics, provenance."""
        return {
            "version": self.model.version,
            "labels": len(self.model.labels),
            "threshold": self.model.threshold,
            "validation": self.model.metadata["metrics"]["validation"],
            "test": self.test.as_dict(),
            "refit": self.model.metadata.get("refit"),
            "figures_from": (
                "the evaluation fit (train split), before the shipped model was refit on "
                "every labelled row" if self.refit else "the shipped model"
            ),
            "provenance": self.model.metadata["provenance"],
            "training_seconds": self.model.metadata["training_seconds"],
            "saved_to": str(self.saved_to) if self.saved_to else None,
            "warnings": self.warnings,
            **({"reweighting": self.reweighting} if self.reweighting else {}),
        }


def train_from_file(
    path: Path,
    *,
    text_column: str = "text",
    label_column: str = "label",
    oos_label: str | None = "out_of_scope",
    test_fraction: float = 0.15,
    val_fraction: float = 0.15,
    seed: int = 0,
    classifier: LinearBackend = "svm",
    out: Path | None = None,
    registry: ModelRegistry | None = None,
    backend: Backend = "tfidf",
    refit: bool = True,
    reweight: str | None = None,
    counterfactual: bool = True,
) -> TrainingRun:
    """Load, split (train/validation/test, disjoint after normalisation), train, test, save.

    The test split is scored once and its figures stored in the model's metadata. Then, with
    refit=True (the default), the shipped model is fitted again on every labelled row,
    keeping the temperature and threshold chosen on validation, so no labelled row is left
    out of what customers get; its figures are those of the evaluation fit. With `out` the
    model is saved there; with `registry` it is added as a new (inactive) version.
    backend="embeddings" adds sentence embeddings (needs the optional `embeddings` extra);
    it is not refit. reweight names a group column: the fit weighs rows by group x label
    (trustdesk.fairness.reweighing) and the run reports per-group test accuracy of the same
    fit without weights beside it (TrainingRun.reweighting). counterfactual=True (the default,
    tfidf only) adds copies of training rows in which only who is named changes
    (trustdesk.ai.intent.augment), so that no intent learns a family member, a gender or an
    age as its sign; the held-out splits are never copied.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; use one of: {', '.join(BACKENDS)}")
    trainer = IntentModel
    if backend == "embeddings":
        from trustdesk.ai.intent.embed import EmbeddingIntentModel

        trainer = EmbeddingIntentModel
    texts, labels = load_labelled(path, text_column, label_column)
    warnings: list[str] = []
    if counterfactual and backend != "tfidf":
        counterfactual = False
        warnings.append("counterfactual copies are made for the tfidf backend only; "
                        "this model was trained without them")
    weights: list[float] | None = None
    groups: list[str] = []
    if reweight is not None:
        from trustdesk.fairness.reweighing import reweighing_weights

        if backend != "tfidf":
            raise TrainingDataError("--reweight needs the tfidf backend")
        groups = load_column(path, reweight, text_column)
        weights = reweighing_weights(groups, labels).tolist()
    report = describe(texts, labels)
    if report.duplicate_rows:
        warnings.append(
            f"{report.duplicate_rows} rows duplicate another row after normalisation; they are "
            "kept on the same side of every split"
        )
    if report.conflicting_texts:
        warnings.append(
            f"{report.conflicting_texts} texts carry more than one label; check the labelling"
        )
    rest, test_idx = stratified_split(labels, [test_fraction], texts=texts, seed=seed)
    train_texts = [texts[i] for i in rest]
    test_texts = [texts[i] for i in test_idx]
    test_labels = [labels[i] for i in test_idx]
    leaked = find_overlap(train_texts, test_texts)
    if leaked:  # cannot happen with stratified_split; kept as a guard for future splitters
        warnings.append(f"{len(leaked)} test rows duplicate training rows; test figures inflated")
    model = trainer.train(
        train_texts,
        [labels[i] for i in rest],
        oos_label=oos_label,
        val_fraction=val_fraction / (1 - test_fraction),
        seed=seed,
        classifier=classifier,
        sample_weight=None if weights is None else [weights[i] for i in rest],
        counterfactual=counterfactual,
    )
    test = evaluate(model, test_texts, test_labels)
    reweighting = None
    if weights is not None:
        from trustdesk.fairness.reweighing import accuracy_by_group

        unweighted = trainer.train(
            train_texts, [labels[i] for i in rest], oos_label=oos_label,
            val_fraction=val_fraction / (1 - test_fraction), seed=seed, classifier=classifier,
            counterfactual=counterfactual)
        test_groups = [groups[i] for i in test_idx]
        reweighting = {
            "group_column": reweight,
            "measured_on": f"the held-out test split ({len(test_idx)} rows)",
            "before": accuracy_by_group(unweighted, test_texts, test_labels, test_groups),
            "after": accuracy_by_group(model, test_texts, test_labels, test_groups),
        }
    model.metadata["metrics"]["test"] = test.as_dict()
    refitted = False
    if refit and backend == "tfidf" and set(labels) == set(model.labels):
        model = model.refit(texts, labels, sample_weight=weights)
        refitted = True
    elif refit:
        warnings.append(
            "the shipped model was not refit on every row (embedding backend, or a label "
            "missing from the training split); it is the evaluation fit"
        )
    model.metadata["provenance"].update(
        source=Path(path).name, rows=report.rows, test_rows=len(test_idx),
        label_counts=report.label_counts,
    )
    model.refresh_version()
    saved_to = None
    if registry is not None:
        saved_to = registry.add(model)
    if out is not None:
        model.save(out)
        saved_to = out
    return TrainingRun(
        model=model, test=test, warnings=warnings, saved_to=saved_to, refit=refitted,
        reweighting=reweighting,
    )
