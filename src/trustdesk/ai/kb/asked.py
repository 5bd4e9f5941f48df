"""What labelled customer questions say a new question asks: a question -> article model.

The verifier (`ai.kb.verifier`) learns from the help centre alone, so it cannot know that
"Can I pay with PayPal?" is asked of the payment-methods article unless the article says
PayPal. A help centre's own labelled questions (those `trustdesk kb calibrate` fits the
threshold on, and the demo's, `data/demo/asked_questions.jsonl`) do know: this model is a
multinomial logistic regression over the questions' analysed terms and their pairs (TF-IDF,
the terms the retriever reads, so typos mended and stop words gone alike), with one class
per article and one, NONE, for questions the help centre does not answer. Its reading of a
question goes to the calibration beside the verifier's (`calibration.INPUTS`: the
probability of the candidate's article, of NONE, and whether the candidate's article is its
first choice), so the answer's confidence rises where customers' questions agree with the
passage, and an article customers ask about in those words can win over a passage that
merely shares them (`knowledge_base.most_trusted_first`).

Fitting uses scikit-learn (`fit`, at calibrate time only); reading is a dictionary lookup and
one small matrix product here, compared with scikit-learn's own `predict_proba` in
tests/kb/test_kb_asked.py. The fitted model is stored as `asked.npz` beside the calibration
(`save`/`load`: plain arrays, no pickle).
"""

from __future__ import annotations

import hashlib
import math
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt
import orjson

from trustdesk.ai.kb.analysis import analyse
from trustdesk.ai.kb.errors import CorruptKnowledgeBaseError

ASKED_FILE = "asked.npz"
NONE = ""  # the class of questions the help centre does not answer
C = 30.0  # inverse L2 strength, chosen on the demo writers' dev splits (leave one writer out)
MIN_QUESTIONS = 20  # fewer labelled questions than this teach nothing worth the risk
FOLDS = 5


@dataclass(frozen=True)
class AskedReading:
    """One question read: the probability of each article, of NONE, and the first choice."""

    probabilities: dict[str, float]
    none: float
    first: str | None

    def of(self, article_id: str) -> float:
        return self.probabilities.get(article_id, 0.0)


@dataclass(frozen=True)
class AskedModel:
    """Term weights per class; `classes[i]` is an article id or NONE."""

    terms: dict[str, int]
    idf: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]  # classes x terms
    intercept: npt.NDArray[np.float64]
    classes: tuple[str, ...]
    fitted_on: str = ""

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str | None], *,
            fitted_on: str = "") -> AskedModel:
        """Fit on questions and their article ids (None or "" when nothing answers them)."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        if len(texts) != len(labels):
            raise ValueError("one label per question")
        targets = [label or NONE for label in labels]
        if len(set(targets)) < 2:
            raise ValueError("labelled questions of at least two classes are needed")
        vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True)
        matrix = vectorizer.fit_transform(texts)
        model = LogisticRegression(C=C, max_iter=5000).fit(matrix, targets)
        coef, intercept = model.coef_, model.intercept_
        if coef.shape[0] == 1:  # two classes: scikit-learn keeps one row, for classes_[1]
            coef, intercept = np.vstack([-coef, coef]) / 2, np.hstack([-intercept, intercept]) / 2
        return cls(
            terms={term: int(i) for term, i in vectorizer.vocabulary_.items()},
            idf=np.asarray(vectorizer.idf_, dtype=np.float64),
            coef=np.asarray(coef, dtype=np.float64),
            intercept=np.asarray(intercept, dtype=np.float64),
            classes=tuple(str(c) for c in model.classes_),
            fitted_on=fitted_on,
        )

    def read(self, text: str) -> AskedReading:
        """The probabilities of `text` (as scikit-learn's pipeline would give them)."""
        counts = Counter(t for t in features(text) if t in self.terms)
        if counts:
            index = np.fromiter((self.terms[t] for t in counts), dtype=np.int64)
            values = np.fromiter(
                ((1.0 + math.log(n)) * self.idf[self.terms[t]] for t, n in counts.items()),
                dtype=np.float64,
            )
            values /= float(np.linalg.norm(values)) or 1.0
            z = self.coef[:, index] @ values + self.intercept
        else:
            z = self.intercept.copy()
        z = np.exp(z - z.max())
        p = z / z.sum()
        probabilities = {c: float(v) for c, v in zip(self.classes, p, strict=True) if c}
        none = float(p[self.classes.index(NONE)]) if NONE in self.classes else 0.0
        first = self.classes[int(p.argmax())]
        return AskedReading(probabilities, none, first or None)

    @property
    def digest(self) -> str:
        h = hashlib.sha256(self.coef.tobytes())
        h.update("\x00".join(self.classes).encode())
        return h.hexdigest()[:16]

    def save(self, kb_dir: Path) -> Path:
        """Write the model atomically beside the calibration; returns its path."""
        kb_dir.mkdir(parents=True, exist_ok=True)
        path = kb_dir / ASKED_FILE
        staging = kb_dir / f".{ASKED_FILE}.tmp"
        order = sorted(self.terms, key=self.terms.__getitem__)
        meta = {"terms": order, "classes": list(self.classes), "fitted_on": self.fitted_on}
        with staging.open("wb") as fh:
            np.savez(fh, idf=self.idf, coef=self.coef, intercept=self.intercept,
                     meta=np.frombuffer(orjson.dumps(meta), dtype=np.uint8))
        os.replace(staging, path)
        return path


def load_asked(kb_dir: Path) -> AskedModel | None:
    """The model `save` wrote under `kb_dir`, or None when there is none."""
    path = kb_dir / ASKED_FILE
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = orjson.loads(data["meta"].tobytes())
            idf, coef, intercept = data["idf"], data["coef"], data["intercept"]
        terms = {str(t): i for i, t in enumerate(meta["terms"])}
        classes = tuple(str(c) for c in meta["classes"])
    except (OSError, ValueError, KeyError, TypeError, orjson.JSONDecodeError) as exc:
        raise CorruptKnowledgeBaseError(
            f"{path} is not a valid question model ({exc}); run `trustdesk kb calibrate` again."
        ) from exc
    if coef.shape != (len(classes), len(terms)) or idf.shape != (len(terms),) \
            or intercept.shape != (len(classes),):
        raise CorruptKnowledgeBaseError(
            f"{path} has arrays of the wrong shape; run `trustdesk kb calibrate` again."
        )
    return AskedModel(terms, idf, coef, intercept, classes, str(meta.get("fitted_on", "")))


def features(text: str) -> list[str]:
    """The analysed terms of `text` and each pair of neighbours ("gift_card")."""
    terms = analyse(text)
    return terms + [f"{a}_{b}" for a, b in pairwise(terms)]


def cross_fitted(texts: Sequence[str], labels: Sequence[str | None], *,
                 folds: int = FOLDS, seed: int = 0) -> list[AskedModel | None]:
    """For each question, a model fitted without it (`folds`-fold): what the calibration is
    fitted on must read each question as a new one would be read, not as a remembered one.

    None where the other folds hold a single class (nothing to fit): those questions are read
    by the model of all of them, as the caller's own model reads them."""
    order = np.random.default_rng(seed).permutation(len(texts))
    models: list[AskedModel | None] = [None] * len(texts)
    for part in (order[i::folds] for i in range(folds)):
        held = set(part.tolist())
        keep = [i for i in range(len(texts)) if i not in held]
        kept = [labels[i] or NONE for i in keep]
        if not held or len(set(kept)) < 2:
            continue
        model = AskedModel.fit([texts[i] for i in keep], kept)
        for i in held:
            models[i] = model
    return models


_FITTED: dict[str, AskedModel] = {}


def read_labelled(raw: bytes) -> tuple[list[str], list[str | None]]:
    """The questions and article ids of a labelled questions file's bytes (JSON lines
    {"question", "article_id"}; article_id null when nothing answers it)."""
    rows = [orjson.loads(line) for line in raw.splitlines() if line.strip()]
    return [str(r["question"]) for r in rows], [r.get("article_id") for r in rows]


def fit_file(path: Path) -> AskedModel:
    """The model of a labelled questions file, fitted once per content in a process (the
    demo's is fitted on every first start)."""
    raw = path.read_bytes()
    key = hashlib.sha256(raw).hexdigest()
    model = _FITTED.get(key)
    if model is None:
        model = _FITTED[key] = AskedModel.fit(*read_labelled(raw), fitted_on=path.name)
    return model
