"""The intent model: TF-IDF features, a linear classifier, temperature-scaled confidence.

Explanations are exact. For a text x and label k the calibrated logit is
    z_k = (sum_f coef[k, f] * x[f] + intercept[k]) / T
and each feature's contribution is coef[k, f] * x[f] / T. Word n-gram features are reported as
the n-gram itself; character n-gram features are credited to the whitespace token they came
from (without edge punctuation), shared evenly between occurrences, and merged with the word
unigram of the same spelling. So the contributions of all terms plus intercept[k] / T add up to
z_k, which is what the softmax behind `confidence` sees (`IntentModel.contributions`).

What a prediction shows (`IntentPrediction.contributions`) is stricter: the words with the
largest shares, each weighted by what deleting it takes away from z_k, deleted one after the
other (`IntentModel._deletion_path`), so deleting the first j shown words lowers z_k by exactly
the sum of their weights.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np

from trustdesk.ai.intent import artefact
from trustdesk.ai.intent.calibration import (
    FloatArray,
    choose_threshold,
    expected_calibration_error,
    fit_temperature,
    softmax,
)
from trustdesk.ai.intent.features import Credit, Features, FeatureSpace, readable
from trustdesk.ai.intent.training import (
    TrainingDataError,
    describe,
    normalise,
    stratified_split,
    text_digest,
)

LinearBackend = Literal["svm", "logreg"]  # the linear model under the calibration
TOP_TERMS = 5  # the words an explanation shows (transparency.explain max_terms)
ALTERNATIVES = 3


Terms = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class IntentPrediction:
    """What the model thinks a (redacted) message is about, and why."""

    label: str
    confidence: float
    in_scope: bool  # False below the threshold, for the out-of-scope label, or with no known word
    # computes `contributions` when first asked: most predictions (the knowledge base's
    # intent agreement, a second reading of the message) are never explained
    explain: Callable[[], Terms] = field(repr=False, compare=False)
    alternatives: tuple[tuple[str, float], ...]  # next best labels with probabilities
    # Optional embedding backend only: the share of the calibrated logit that came from the
    # sentence embedding (not attributable to words); None for the TF-IDF model.
    embedding_contribution: float | None = None

    @cached_property
    def contributions(self) -> Terms:
        """Top words -> what deleting each (after the ones before it) takes from the
        calibrated logit (the TF-IDF model; see the module docstring)."""
        return self.explain()


@dataclass
class IntentModel:
    """A trained intent classifier; build with train() or load(), then predict()."""

    labels: tuple[str, ...]
    threshold: float
    temperature: float
    oos_label: str | None
    space: FeatureSpace
    coef_t: FloatArray  # (n_features, n_labels): rows gathered per message
    intercept: FloatArray
    metadata: dict[str, Any] = field(default_factory=dict)
    train_digests: tuple[str, ...] = ()
    version: str = ""

    def __post_init__(self) -> None:
        if not self.version:
            self.refresh_version()

    # ------------------------------------------------------------------ training
    @classmethod
    def train(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        *,
        oos_label: str | None = "out_of_scope",
        val_fraction: float = 0.15,
        seed: int = 0,
        classifier: LinearBackend = "svm",
        c: float = 1.0,
        min_df: int = 1,
        min_oos_recall: float = 0.5,
        oos_weight: float = 1.0,
        validation: tuple[Sequence[str], Sequence[str]] | None = None,
        sample_weight: Sequence[float] | None = None,
        counterfactual: bool = False,
    ) -> IntentModel:
        """Fit on a stratified training split; calibrate and tune abstention on the rest.

        The linear classifier is a one-vs-rest linear SVM (default, fast and accurate on short
        texts) or multinomial logistic regression; either way its scores become probabilities
        through a softmax with a temperature fitted on the validation split. Pass `validation`
        to use a given validation set instead of holding out val_fraction of the data.
        oos_weight up-weights the out-of-scope class, which usually has few, varied examples.
        sample_weight (one per text) weighs the fit, e.g. trustdesk.fairness.reweighing.
        counterfactual=True adds copies of training rows in which only who is named changes
        (trustdesk.ai.intent.augment); validation rows are never copied.
        """
        if len(texts) != len(labels):
            raise TrainingDataError(f"{len(texts)} texts but {len(labels)} labels")
        if len(set(labels)) < 2:
            raise TrainingDataError("training needs at least two distinct labels")
        started = time.perf_counter()
        if validation is None:
            train_idx, val_idx = stratified_split(labels, [val_fraction], texts=texts, seed=seed)
            val_texts = [texts[i] for i in val_idx]
            val_gold = [labels[i] for i in val_idx]
        else:
            train_idx = list(range(len(texts)))
            val_texts, val_gold = list(validation[0]), list(validation[1])
        if sample_weight is not None and len(sample_weight) != len(texts):
            raise TrainingDataError(f"{len(texts)} texts but {len(sample_weight)} weights")
        rows = _with_copies([texts[i] for i in train_idx], [labels[i] for i in train_idx],
                            None if sample_weight is None else
                            [sample_weight[i] for i in train_idx], counterfactual)
        fit_texts, fit_labels, fit_weight = rows
        space, matrix = FeatureSpace.fit(fit_texts, min_df=min_df)
        weights = {oos_label: oos_weight} if oos_label and oos_label in fit_labels else None
        coef, intercept, classes = _fit_linear(matrix, fit_labels, classifier, c, seed, weights,
                                               fit_weight)
        model = cls(
            labels=classes,
            threshold=0.0,
            temperature=1.0,
            oos_label=oos_label if oos_label in classes else None,
            space=space,
            coef_t=np.ascontiguousarray(coef.T),
            intercept=intercept,
            train_digests=tuple(sorted({text_digest(texts[i]) for i in train_idx})),
            version="-",
        )
        known = [i for i, g in enumerate(val_gold) if g in classes]
        if not known:
            raise TrainingDataError(
                "the validation split is empty; raise val_fraction or add rows per label"
            )
        raw = np.vstack([model.logits(val_texts[i]) for i in known])
        targets = np.asarray([classes.index(val_gold[i]) for i in known], dtype=np.int64)
        ece_raw = _ece(softmax(raw), targets)
        model.temperature = fit_temperature(raw, targets)
        probs = softmax(raw / model.temperature)
        choice = choose_threshold(
            [classes[int(j)] for j in probs.argmax(axis=1)],
            probs.max(axis=1).tolist(),
            [val_gold[i] for i in known],
            oos_label=model.oos_label,
            min_oos_recall=min_oos_recall,
        )
        model.threshold = choice.threshold
        report = describe(texts, labels)
        model.metadata = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "backend": f"tfidf-word1-3+char2-5/{classifier}",
            "params": {"classifier": classifier, "c": c, "min_df": min_df, "seed": seed,
                       "val_fraction": val_fraction, "min_oos_recall": min_oos_recall,
                       "oos_weight": oos_weight, "sample_weighted": sample_weight is not None,
                       "counterfactual": counterfactual},
            "provenance": {
                "rows": report.rows,
                "train_rows": len(train_idx),
                "validation_rows": len(val_texts),
                "label_counts": report.label_counts,
                "duplicate_rows": report.duplicate_rows,
                "conflicting_texts": report.conflicting_texts,
                "excluded": dict(report.excluded),
                "data_hash": report.data_hash,
            },
            "metrics": {
                "validation": {
                    "ece_before_temperature": ece_raw,
                    "ece": _ece(probs, targets),
                    "temperature": model.temperature,
                    "threshold": choice.threshold,
                    "threshold_objective": choice.objective,
                    "in_scope_accuracy": choice.in_scope_accuracy,
                    "oos_recall": choice.oos_recall,
                },
            },
            "training_seconds": round(time.perf_counter() - started, 3),
        }
        model.refresh_version()
        return model

    def refit(self, texts: Sequence[str], labels: Sequence[str],
              sample_weight: Sequence[float] | None = None) -> IntentModel:
        """The same model fitted on every given row (typically all labelled data, after its
        held-out figures were measured), keeping this model's temperature and abstention
        threshold, which were chosen on validation rows this fit never saw."""
        if set(labels) != set(self.labels):
            raise TrainingDataError(
                "refit needs the same labels as the evaluated model; "
                f"{len(set(labels) ^ set(self.labels))} labels differ"
            )
        params = self.metadata.get("params", {})
        classifier: LinearBackend = params.get("classifier", "svm")
        fit_texts, fit_labels, fit_weight = _with_copies(
            texts, labels, sample_weight, bool(params.get("counterfactual", False)))
        space, matrix = FeatureSpace.fit(fit_texts, min_df=int(params.get("min_df", 1)))
        oos_weight = float(params.get("oos_weight", 1.0))
        weights = {self.oos_label: oos_weight} if self.oos_label else None
        coef, intercept, classes = _fit_linear(
            matrix, fit_labels, classifier, float(params.get("c", 1.0)),
            int(params.get("seed", 0)), weights, fit_weight,
        )
        model = type(self)(
            labels=classes,
            threshold=self.threshold,
            temperature=self.temperature,
            oos_label=self.oos_label,
            space=space,
            coef_t=np.ascontiguousarray(coef.T),
            intercept=intercept,
            metadata=copy.deepcopy(self.metadata),
            train_digests=tuple(sorted({text_digest(t) for t in texts})),
            version="-",
        )
        model.metadata["refit"] = {
            "rows": len(texts),
            "temperature_and_threshold_from": "the evaluation fit's validation split",
            "note": "provenance train/validation/test rows describe the evaluation fit",
        }
        model.refresh_version()
        return model

    def refresh_version(self) -> None:
        """Recompute the content hash; call after changing metadata."""
        self.version = artefact.content_hash(*artefact.to_documents(self))

    # ------------------------------------------------------------------ inference
    def logits(self, text: str) -> FloatArray:
        """Uncalibrated scores (coef @ x + intercept) for every label."""
        f = self.space.transform(normalise(text))
        out: FloatArray = f.values @ self.coef_t[f.indices] + self.intercept
        return out

    def predict(self, text: str) -> IntentPrediction:
        """Label, calibrated confidence, abstention and explanation for one redacted text."""
        norm = normalise(text)
        f = self.space.transform(norm)
        weights = self.coef_t[f.indices]
        scaled = (f.values @ weights + self.intercept) / self.temperature
        probs = softmax(scaled)
        order = np.argsort(-probs)
        best = int(order[0])
        label = self.labels[best]
        confidence = float(probs[best])
        in_scope = (
            f.known_words > 0 and confidence >= self.threshold and label != self.oos_label
        )
        alternatives = tuple(
            (self.labels[int(j)], float(probs[j])) for j in order[1 : 1 + ALTERNATIVES]
        )

        def explain() -> Terms:
            shares = f.values * weights[:, best] / self.temperature
            return self._deletion_path(norm, f, _group_terms(f.terms, shares), best,
                                       float(scaled[best]))

        return IntentPrediction(label, confidence, in_scope, explain, alternatives)

    def _deletion_path(
        self, norm: str, f: Features, terms: dict[str, float], k: int, logit: float
    ) -> Terms:
        """The words that raise label k's calibrated logit most, each with what removing it
        takes away.

        The words are the TOP_TERMS whitespace words (their readable form) with the largest
        positive share of the logit. They are removed in that order, cumulatively, and word j's
        weight is the fall of the logit when it goes after words 0..j-1. So taking out the first
        j words of the list lowers the logit by exactly the sum of their weights: removing the
        top-attributed words lowers the score by their attributed contribution (issue 12's
        deletion test). The linear shares alone do not: TF-IDF rows are L2-normed, so the words
        that stay weigh more once others are gone.
        """
        present = {readable(t) for t in norm.split()}
        ranked = sorted(((s, t) for t, s in terms.items() if s > 0 and t in present),
                        reverse=True)
        names = [t for _, t in ranked[:TOP_TERMS]]
        left = self.space.deletion_scores(norm, f, names, self.coef_t[:, k])
        after = (left + self.intercept[k]) / self.temperature
        falls = -np.diff(np.concatenate([[logit], after]))
        path = [(name, float(fall)) for name, fall in zip(names, falls, strict=True)]
        return tuple(path)

    def predict_many(self, texts: Sequence[str]) -> list[IntentPrediction]:
        """predict() for each text, in order."""
        return [self.predict(t) for t in texts]

    def contributions(self, text: str, label: str) -> tuple[dict[str, float], float]:
        """All term contributions to `label`'s calibrated logit, and its intercept share."""
        k = self.labels.index(label)
        f = self.space.transform(normalise(text))
        shares = f.values * self.coef_t[f.indices, k] / self.temperature
        return _group_terms(f.terms, shares), float(self.intercept[k] / self.temperature)

    # ------------------------------------------------------------------ persistence
    def artefact_extras(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Extra JSON fields and arrays a subclass stores in the artefact (none here)."""
        return {}, {}

    def save(self, directory: Path) -> None:
        """Write the artefact (JSON + npz + manifest with content hash) into directory."""
        artefact.save(self, Path(directory))


def _group_terms(terms: Credit, shares: FloatArray) -> dict[str, float]:
    """Per-feature contributions summed per readable term."""
    return terms.group(shares)


def _ece(probs: FloatArray, targets: np.ndarray[Any, Any]) -> float:
    if len(targets) == 0:
        return 0.0
    pred = probs.argmax(axis=1)
    return expected_calibration_error(probs.max(axis=1).tolist(), (pred == targets).tolist())


def _fit_linear(
    matrix: Any,
    labels: Sequence[str],
    classifier: LinearBackend,
    c: float,
    seed: int,
    class_weight: dict[str, float] | None,
    sample_weight: Sequence[float] | None = None,
) -> tuple[FloatArray, FloatArray, tuple[str, ...]]:
    """Fit the linear model; return coef (n_labels, n_features), intercept and class order."""
    if classifier == "svm":
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=c, random_state=seed, class_weight=class_weight)
        svm.fit(matrix, list(labels), sample_weight=sample_weight)
        classes = tuple(str(x) for x in svm.classes_)
        coef, intercept = np.asarray(svm.coef_), np.asarray(svm.intercept_)
    elif classifier == "logreg":
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(
            C=c, max_iter=1000, random_state=seed, class_weight=class_weight
        )
        lr.fit(matrix, list(labels), sample_weight=sample_weight)
        classes = tuple(str(x) for x in lr.classes_)
        coef, intercept = np.asarray(lr.coef_), np.asarray(lr.intercept_)
    else:
        raise ValueError(f"unknown classifier {classifier!r}; use 'svm' or 'logreg'")
    if len(classes) == 2:  # sklearn keeps one row for binary problems: score(k1) = -score(k0)
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return coef.astype(np.float64), intercept.astype(np.float64), classes


def _with_copies(texts: Sequence[str], labels: Sequence[str],
                 weights: Sequence[float] | None, counterfactual: bool
                 ) -> tuple[list[str], list[str], list[float] | None]:
    """The normalised rows to fit, with their counterfactual copies when asked for."""
    texts, labels = list(texts), list(labels)
    out_weights = None if weights is None else list(weights)
    if counterfactual:
        from trustdesk.ai.intent.augment import counterfactual_copies

        source, copies = counterfactual_copies(texts, labels)
        texts += copies
        labels += [labels[i] for i in source]
        if out_weights is not None:
            out_weights += [out_weights[i] for i in source]
    return [normalise(t) for t in texts], labels, out_weights
