"""The optional embedding intent backend: the TF-IDF linear model plus sentence embeddings.

For a text x with sentence embedding e and a label k the calibrated logit is
    z_k = (tfidf_k(x) + intercept[k] + w * (e . emb_coef[:, k] + emb_intercept[k])) / T
where tfidf_k(x) is the TF-IDF model's score (its per-term contributions stay exact, see
trustdesk.ai.intent.model) and the bracket after w is a logistic regression on the embedding. The
embedding part cannot be credited to words, so the explanation reports it as one figure,
`IntentPrediction.embedding_contribution`: terms + intercept share + that figure = z_k.
The weight w and the temperature T are chosen on the validation split, never on test.

Abstention (format /2): besides the label out_of_scope, the model abstains when a small logistic
"in-scope score" over three signals falls below a threshold: log max probability, log
probability of out_of_scope, and the cosine between the text's embedding and the nearest
in-scope class centroid. The combiner is fitted on the validation split and its threshold chosen
on out-of-fold scores of that split (k-fold), so the threshold is not set on the scores the
combiner was fitted to. Predictions report the score and the centroid similarity.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from trustdesk.ai.embeddings import (
    DIMENSION,
    INSTALL_HINT,
    MODEL_NAME,
    WEIGHT_HASH,
    Embedder,
    default_embedder,
)
from trustdesk.ai.intent.abstention import (
    ABSTENTION_SIGNALS,
    abstention_signals,
    class_centroids,
    threshold_for_accuracy,
)
from trustdesk.ai.intent.artefact import EMBED_FORMAT, EMBED_FORMAT_2, ModelArtefactError
from trustdesk.ai.intent.calibration import (
    FloatArray,
    choose_threshold,
    fit_temperature,
    softmax,
)
from trustdesk.ai.intent.model import (
    ALTERNATIVES,
    TOP_TERMS,
    IntentModel,
    IntentPrediction,
    LinearBackend,
    _ece,
    _group_terms,
)
from trustdesk.ai.intent.training import TrainingDataError, normalise, stratified_split

# Weights w of the embedding part tried on the validation split at every training. The grid and
# C were set on CLINC150 val (C 4 vs 16, w 0.1-2.0: best w 0.5-1.0 there; see bench/intent.py).
EMBEDDING_WEIGHTS = (0.25, 0.5, 0.75, 1.0, 1.5)
DEFAULT_EMBEDDING_C = 16.0
# The abstention combiner needs out-of-scope validation texts; below this it is not fitted and
# the model abstains on calibrated confidence alone (as format /1 models do).
MIN_OOS_FOR_ABSTENTION = 10
ABSTENTION_FOLDS = 5


@dataclass(frozen=True)
class EmbeddingIntentPrediction(IntentPrediction):
    """IntentPrediction plus the out-of-scope signals behind the abstention (None if unused)."""

    in_scope_score: float | None = None  # the combiner's probability that the text is in scope
    centroid_similarity: float | None = None  # cosine to the nearest in-scope class centroid


class EmbedderMismatchError(ModelArtefactError):
    """A saved model was trained with other embedding weights than the installed ones."""


@dataclass
class EmbeddingIntentModel(IntentModel):
    """IntentModel whose scores add a logistic regression on sentence embeddings."""

    emb_coef_t: FloatArray = field(default_factory=lambda: np.zeros((DIMENSION, 0)))
    emb_intercept: FloatArray = field(default_factory=lambda: np.zeros(0))
    emb_weight: float = 1.0
    embedder_info: dict[str, Any] = field(default_factory=dict)
    # (n_labels, DIMENSION) unit class means, zero row for out_of_scope; empty: no abstention model
    centroids: FloatArray = field(default_factory=lambda: np.zeros((0, DIMENSION)))
    abstention_coef: FloatArray = field(default_factory=lambda: np.zeros(0))  # signals + bias
    abstention_threshold: float = 0.0
    embedder: Embedder | None = field(default=None, repr=False, compare=False)

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
        embedding_c: float = DEFAULT_EMBEDDING_C,
        embedding_weights: Sequence[float] = EMBEDDING_WEIGHTS,
        embedder: Embedder | None = None,
        min_in_scope_accuracy: float | None = None,
        sample_weight: Sequence[float] | None = None,
        counterfactual: bool = False,
    ) -> EmbeddingIntentModel:
        """Train the TF-IDF model, then the embedding part; tune w, T and abstention on val.

        The abstention threshold maximises val in-scope accuracy subject to the 95% lower bound
        of val oos recall >= min_oos_recall; with min_in_scope_accuracy it instead maximises
        oos recall subject to the lower bound of in-scope accuracy >= min_in_scope_accuracy
        (in-scope texts are many, so that bound is tight; oos texts are few).
        """
        if sample_weight is not None:
            raise TrainingDataError("sample weights (--reweight) need the tfidf backend")
        if counterfactual:
            raise TrainingDataError("counterfactual copies need the tfidf backend")
        started = time.perf_counter()
        embedder = embedder or default_embedder()
        embedder.load()  # fail before the TF-IDF part trains if the extra is missing or altered
        if len(texts) != len(labels):
            raise TrainingDataError(f"{len(texts)} texts but {len(labels)} labels")
        if validation is None:
            train_idx, val_idx = stratified_split(labels, [val_fraction], texts=texts, seed=seed)
            fit_texts, fit_labels = [texts[i] for i in train_idx], [labels[i] for i in train_idx]
            validation = ([texts[i] for i in val_idx], [labels[i] for i in val_idx])
        else:
            fit_texts, fit_labels = list(texts), list(labels)
        base = IntentModel.train(
            fit_texts, fit_labels, oos_label=oos_label, seed=seed, classifier=classifier, c=c,
            min_df=min_df, min_oos_recall=min_oos_recall, oos_weight=oos_weight,
            validation=validation,
        )
        vectors = embedder.encode([normalise(t) for t in fit_texts]).astype(np.float64)
        weights = {oos_label: oos_weight} if oos_label and oos_label in fit_labels else None
        emb_coef, emb_intercept = _fit_embedding_part(
            vectors, fit_labels, base.labels, embedding_c, seed, weights
        )
        model = cls(
            labels=base.labels, threshold=0.0, temperature=1.0, oos_label=base.oos_label,
            space=base.space, coef_t=base.coef_t, intercept=base.intercept,
            metadata=base.metadata, train_digests=base.train_digests, version="-",
            emb_coef_t=np.ascontiguousarray(emb_coef.T), emb_intercept=emb_intercept,
            embedder_info=_embedder_info(embedder), embedder=embedder,
        )
        gold, probs, val_vectors = model._calibrate(validation, min_oos_recall, embedding_weights)
        if model.oos_label is not None:
            model.centroids = class_centroids(vectors, fit_labels, model.labels, model.oos_label)
        model._fit_abstention(gold, probs, val_vectors, min_oos_recall, min_in_scope_accuracy,
                              seed)
        params = model.metadata["params"]
        params.update(embedding_c=embedding_c, embedding_weights=list(embedding_weights),
                      min_in_scope_accuracy=min_in_scope_accuracy)
        model.metadata["backend"] += f"+embeddings:{MODEL_NAME}/logreg"
        model.metadata["embedding"] = dict(model.embedder_info, weight=model.emb_weight)
        model.metadata["training_seconds"] = round(time.perf_counter() - started, 3)
        model.refresh_version()
        return model

    def _calibrate(
        self,
        validation: tuple[Sequence[str], Sequence[str]],
        min_oos_recall: float,
        candidates: Sequence[float],
    ) -> tuple[list[str], FloatArray, FloatArray]:
        """Choose w (best val objective), then T and the threshold for it; record figures.

        Returns the val gold labels, calibrated probabilities and embeddings it scored.
        """
        val_texts, val_gold = validation
        known = [i for i, g in enumerate(val_gold) if g in self.labels]
        if not known:
            raise TrainingDataError(
                "the validation split is empty; raise val_fraction or add rows per label"
            )
        texts = [val_texts[i] for i in known]
        gold = [val_gold[i] for i in known]
        targets = np.asarray([self.labels.index(g) for g in gold], dtype=np.int64)
        tfidf = np.vstack([IntentModel.logits(self, t) for t in texts])
        val_vectors = self._vectors(texts)
        emb = self._scores_of(val_vectors)
        tried: list[dict[str, Any]] = []
        best: tuple[tuple[float, float], float, float, Any] | None = None
        for w in candidates:
            raw = tfidf + w * emb
            temperature = fit_temperature(raw, targets)
            probs = softmax(raw / temperature)
            choice = choose_threshold(
                [self.labels[int(j)] for j in probs.argmax(axis=1)],
                probs.max(axis=1).tolist(),
                gold,
                oos_label=self.oos_label,
                min_oos_recall=min_oos_recall,
            )
            tried.append({"weight": w, "in_scope_accuracy": choice.in_scope_accuracy,
                          "oos_recall": choice.oos_recall})
            key = (choice.in_scope_accuracy, choice.oos_recall or 0.0)
            if best is None or key > best[0]:
                best = (key, w, temperature, choice)
        assert best is not None
        _, self.emb_weight, self.temperature, choice = best
        raw = tfidf + self.emb_weight * emb
        probs = softmax(raw / self.temperature)
        validation_tfidf_only = self.metadata["metrics"]["validation"]
        self.threshold = choice.threshold
        self.metadata["metrics"] = {
            "validation": {
                "ece_before_temperature": _ece(softmax(raw), targets),
                "ece": _ece(probs, targets),
                "temperature": self.temperature,
                "threshold": choice.threshold,
                "threshold_objective": choice.objective,
                "in_scope_accuracy": choice.in_scope_accuracy,
                "oos_recall": choice.oos_recall,
                "embedding_weight": self.emb_weight,
                "embedding_weights_tried": tried,
            },
            "validation_tfidf_only": validation_tfidf_only,
        }
        return gold, probs, val_vectors

    def _fit_abstention(
        self,
        gold: list[str],
        probs: FloatArray,
        vectors: FloatArray,
        min_oos_recall: float,
        min_in_scope_accuracy: float | None,
        seed: int,
    ) -> None:
        """Fit the in-scope score on val; choose its threshold on out-of-fold val scores."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        gold_arr = np.asarray(gold, dtype=object)
        is_oos = gold_arr == self.oos_label
        validation = self.metadata["metrics"]["validation"]
        if self.oos_label is None or int(is_oos.sum()) < MIN_OOS_FOR_ABSTENTION:
            validation["abstention"] = None
            return
        signals = self._abstention_signals(probs, vectors)
        in_scope = ~is_oos
        out_of_fold = np.zeros(len(gold))
        folds = StratifiedKFold(ABSTENTION_FOLDS, shuffle=True, random_state=seed)
        for fit_idx, score_idx in folds.split(signals, in_scope):
            lr = LogisticRegression(max_iter=1000).fit(signals[fit_idx], in_scope[fit_idx])
            out_of_fold[score_idx] = lr.predict_proba(signals[score_idx])[:, 1]
        predicted = [self.labels[int(j)] for j in probs.argmax(axis=1)]
        if min_in_scope_accuracy is None:
            choice = choose_threshold(predicted, out_of_fold.tolist(), gold,
                                      oos_label=self.oos_label, min_oos_recall=min_oos_recall)
        else:
            choice = threshold_for_accuracy(predicted, out_of_fold, gold_arr, self.oos_label,
                                             min_in_scope_accuracy)
        lr = LogisticRegression(max_iter=1000).fit(signals, in_scope)
        self.abstention_coef = np.append(lr.coef_[0], lr.intercept_[0]).astype(np.float64)
        self.abstention_threshold = choice.threshold
        self.threshold = 0.0  # the in-scope score already weighs the confidence
        validation["abstention"] = {
            "signals": list(ABSTENTION_SIGNALS),
            "coef": self.abstention_coef.tolist(),
            "threshold": choice.threshold,
            "threshold_objective": choice.objective,
            "chosen_on": f"{ABSTENTION_FOLDS}-fold out-of-fold scores of the validation split",
            "out_of_scope_examples": int(is_oos.sum()),
            "in_scope_accuracy": choice.in_scope_accuracy,
            "oos_recall": choice.oos_recall,
        }
        validation.update(in_scope_accuracy=choice.in_scope_accuracy,
                          oos_recall=choice.oos_recall, threshold=0.0,
                          threshold_objective="in-scope score, see abstention")

    def _abstention_signals(self, probs: FloatArray, vectors: FloatArray) -> FloatArray:
        """One row of ABSTENTION_SIGNALS per text."""
        assert self.oos_label is not None
        return abstention_signals(probs, vectors, self.centroids,
                                  self.labels.index(self.oos_label))

    @property
    def abstains_on_score(self) -> bool:
        """True when the model has an abstention combiner (format /2)."""
        return self.abstention_coef.size > 0 and self.oos_label is not None

    # ------------------------------------------------------------------ inference
    def _embedder(self) -> Embedder:
        if self.embedder is None:
            self.embedder = default_embedder()
        return self.embedder

    def _vectors(self, texts: Sequence[str]) -> FloatArray:
        vectors: FloatArray = self._embedder().encode([normalise(t) for t in texts]).astype(
            np.float64
        )
        return vectors

    def _scores_of(self, vectors: FloatArray) -> FloatArray:
        out: FloatArray = vectors @ self.emb_coef_t + self.emb_intercept
        return out

    def _embedding_scores(self, texts: Sequence[str]) -> FloatArray:
        """Unweighted embedding-part scores, one row per text."""
        return self._scores_of(self._vectors(texts))

    def logits(self, text: str) -> FloatArray:
        """Uncalibrated scores: TF-IDF part plus the weighted embedding part."""
        out: FloatArray = super().logits(text) + self.emb_weight * self._embedding_scores([text])[0]
        return out

    def predict(self, text: str) -> IntentPrediction:
        """Label, calibrated confidence, abstention and explanation for one redacted text."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[IntentPrediction]:
        """predict() for each text, embedding them in one batch."""
        if not texts:
            return []
        vectors = self._vectors(texts)
        emb = self.emb_weight * self._scores_of(vectors)
        return [self._predict(t, e, v) for t, e, v in zip(texts, emb, vectors, strict=True)]

    def _predict(self, text: str, emb_scores: FloatArray, vector: FloatArray) -> IntentPrediction:
        f = self.space.transform(normalise(text))
        weights = self.coef_t[f.indices]
        scaled = (f.values @ weights + self.intercept + emb_scores) / self.temperature
        probs = softmax(scaled)
        order = np.argsort(-probs)
        best = int(order[0])
        label = self.labels[best]
        confidence = float(probs[best])
        # Unlike the TF-IDF model, a text with no known word can still be understood through
        # its embedding; only the threshold and the out-of-scope label make it abstain.
        in_scope = confidence >= self.threshold and label != self.oos_label
        score = similarity = None
        if self.abstains_on_score:
            signals = self._abstention_signals(probs[None, :], vector[None, :])[0]
            z = float(signals @ self.abstention_coef[:-1] + self.abstention_coef[-1])
            score, similarity = float(1.0 / (1.0 + np.exp(-z))), float(signals[2])
            in_scope = in_scope and score >= self.abstention_threshold
        alternatives = tuple(
            (self.labels[int(j)], float(probs[j])) for j in order[1 : 1 + ALTERNATIVES]
        )

        def explain() -> tuple[tuple[str, float], ...]:
            # linear shares: the embedding's part of the logit has no per-word deletion
            terms = _group_terms(f.terms, f.values * weights[:, best] / self.temperature)
            return tuple(sorted(terms.items(), key=lambda kv: kv[1], reverse=True)[:TOP_TERMS])

        return EmbeddingIntentPrediction(
            label, confidence, in_scope, explain, alternatives,
            embedding_contribution=float(emb_scores[best] / self.temperature),
            in_scope_score=score, centroid_similarity=similarity,
        )

    def embedding_contribution(self, text: str, label: str) -> float:
        """The embedding part's share of `label`'s calibrated logit for text."""
        k = self.labels.index(label)
        return float(self.emb_weight * self._embedding_scores([text])[0, k] / self.temperature)

    # ------------------------------------------------------------------ persistence
    def artefact_extras(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The format tag, embedder identity and embedding weights for the artefact."""
        doc: dict[str, Any] = {"format": EMBED_FORMAT, "embedder": self.embedder_info,
                               "embedding_weight": self.emb_weight}
        arrays = {"emb_coef_t": self.emb_coef_t, "emb_intercept": self.emb_intercept}
        if self.abstains_on_score:
            doc.update(format=EMBED_FORMAT_2, abstention_threshold=self.abstention_threshold)
            arrays.update(centroids=self.centroids, abstention_coef=self.abstention_coef)
        return doc, arrays

    @classmethod
    def from_artefact(
        cls, fields: dict[str, Any], doc: dict[str, Any], arrays: dict[str, Any]
    ) -> EmbeddingIntentModel:
        """Rebuild from a loaded artefact; refuse it if the embedder differs from ours."""
        info = dict(doc["embedder"])
        expected = {"model": MODEL_NAME, "weight_hash": WEIGHT_HASH, "dimension": DIMENSION}
        if info != expected:
            raise EmbedderMismatchError(
                f"this model was trained with embedder {info.get('model')} (weights "
                f"{str(info.get('weight_hash'))[:16]}...), but this install has {MODEL_NAME} "
                f"(weights {WEIGHT_HASH[:16]}...); retrain it here, or install the matching "
                f"embedding package ({INSTALL_HINT})"
            )
        return cls(
            **fields,
            emb_coef_t=arrays["emb_coef_t"],
            emb_intercept=arrays["emb_intercept"],
            emb_weight=float(doc["embedding_weight"]),
            embedder_info=info,
            **_abstention_fields(doc, arrays),
        )


def _abstention_fields(doc: dict[str, Any], arrays: dict[str, Any]) -> dict[str, Any]:
    if doc["format"] != EMBED_FORMAT_2:
        return {}
    return {"centroids": arrays["centroids"], "abstention_coef": arrays["abstention_coef"],
            "abstention_threshold": float(doc["abstention_threshold"])}


def _embedder_info(embedder: Embedder) -> dict[str, Any]:
    return {"model": embedder.name, "weight_hash": embedder.weight_hash,
            "dimension": embedder.dimension}


def _fit_embedding_part(
    vectors: FloatArray,
    labels: Sequence[str],
    classes: tuple[str, ...],
    c: float,
    seed: int,
    class_weight: dict[str, float] | None,
) -> tuple[FloatArray, FloatArray]:
    """Multinomial logistic regression on embeddings, rows in the TF-IDF model's label order."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=c, max_iter=1000, random_state=seed, class_weight=class_weight)
    lr.fit(vectors, list(labels))
    order = [list(lr.classes_).index(label) for label in classes]
    coef, intercept = np.asarray(lr.coef_), np.asarray(lr.intercept_)
    if len(classes) == 2:  # one row for binary problems, as in intent._fit_linear
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return coef[order].astype(np.float64), intercept[order].astype(np.float64)
