"""Benchmark answering: verified answers and abstention, beside plain bm25s and TF-IDF cosine.

Run: .venv/bin/python bench/kb.py                 (every question set, test splits)
     .venv/bin/python bench/kb.py --sets transit  (one set)
     .venv/bin/python bench/kb.py --fit           (also print the demo calibration fitted on
                                                   the demo dev splits, for calibration.py)

Question sets (see bench/data/kb/README.md and INDEPENDENT.md):
- demo-ours: 219 questions we wrote for the demo KB together with the retriever;
- demo-independent: 220 questions written by someone who read only the published articles;
- demo-v3: 300 more, by a second writer who read only the published articles (sealed until
  this session's merges, then read once);
- demo-v4: 260 more, by a third writer who read only the published articles (written
  2026-12-03, INDEPENDENT_v4.md; not in the default sets, so `--fit` never sees it);
- demo-v5: 260 more, by a fifth writer who read only the published articles (written
  2026-12-04, INDEPENDENT_v5.md; FAQ rows are labelled "faq" + the FAQ question; not in the
  default sets);
- demo-v6: 260 more, by a sixth writer who read only the published articles (written
  2026-12-07, INDEPENDENT_v6.md; labelled like demo-v5; not in the default sets);
- demo-v7: 260 more, by a seventh writer who read only the published articles (written
  2026-12-08, INDEPENDENT_v7.md; labelled like demo-v5; not in the default sets);
- demo-v8: 260 more, by an eighth writer who read only the published articles (written
  2026-12-08 after the question model was built, INDEPENDENT_v8.md; its dev split is not in
  the demo's labelled questions, so it measures the shipped model on a writer it never read);
- transit: a 150-entry FAQ of another domain (a transit operator) and 420 questions, by the
  same outside writer; its off-topic questions are about banking;
- energy: a third domain, a 120-entry FAQ of an energy supplier and 320 questions, by a third
  outside writer (written after this session's changes to the answers, read once).

The row "trustdesk, shipped calibration" scores the same answers with the calibration the KB
ships with (calibration.py, fitted on the demo sets' dev splits; for transit the one without
an intent model), which is what a deployment of the demo gets. On any other help centre that
row is labelled "served: all reviewed": without `trustdesk kb calibrate` its answers go to
review, not out.

For every system the same recipe: a score per question (trustdesk: the verifier's calibrated
probability; baselines: their top score), a calibration and threshold fitted on the set's dev
split for the target precision (default 0.95), figures read on the test split once. The
trustdesk verifier itself is trained from the KB alone (its headings, FAQ questions and
sentences) and, on the demo, the demo intent model; no evaluation question trains it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np
from pii_sentences import PII_SENTENCES  # bench/ is on the path when run as a script
from sklearn.feature_extraction.text import TfidfVectorizer

from trustdesk.ai.embeddings import embeddings_available
from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, read_paths
from trustdesk.ai.kb.asked import MIN_QUESTIONS, AskedModel, cross_fitted, read_labelled
from trustdesk.ai.kb.calibration import INPUTS, NO_PASSAGE_INPUTS, Calibration
from trustdesk.ai.kb.cross_fit import cross_fit
from trustdesk.ai.kb.documents import Document

DATA = Path(__file__).parent / "data" / "kb"
DEMO_INTENTS = Path(__file__).resolve().parents[1] / "src/trustdesk/data/demo/intents.csv"
DEMO_ASKED = DEMO_INTENTS.with_name("asked_questions.jsonl")
LATENCY_ROUNDS = 10
CURVE_POINTS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)


@dataclass(frozen=True)
class Question:
    text: str
    answers: frozenset[str]  # article ids that answer it; empty when nothing does
    split: str
    kind: str  # answerable, unanswerable_on_topic, off_topic (or unanswerable)


@dataclass(frozen=True)
class Outcome:
    """What one system did with one question: ranked articles and an answer score."""

    question: Question
    ranked: tuple[str, ...]
    inputs: tuple[float, ...]  # what its calibration reads; inputs[0] is the score

    @property
    def right(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.question.answers


@dataclass(frozen=True)
class QuestionSet:
    name: str
    documents: list[Document]
    questions: list[Question]
    intents: bool  # the deployment has an intent model trained on its own messages


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _label_ids(documents: Sequence[Document]) -> dict[str, str]:
    """Article ids by every name a label may use: the id, the link, 'faq-<link slug>'."""
    names: dict[str, str] = {}
    for doc in documents:
        names[doc.id] = doc.id
        if doc.id.startswith("faq-"):
            names[f"faq:{doc.title}"] = doc.id
        if doc.url:
            names[doc.url] = doc.id
            names[f"faq-{doc.url.rstrip('/').rsplit('/', 1)[-1]}"] = doc.id
    return names


def _label(names: dict[str, str], row: dict[str, object]) -> str:
    """The article a labelled row names; "faq" rows name their FAQ entry by its question."""
    if row["article_id"] == "faq":
        return names[f"faq:{row['section']}"]
    return names[str(row["article_id"])]


def load_sets(chosen: Sequence[str]) -> list[QuestionSet]:
    out = []
    demo_docs = read_paths([demo_kb_path()])
    names = _label_ids(demo_docs)
    if "demo-ours" in chosen:
        rows = _jsonl(DATA / "questions.jsonl")
        questions = [
            Question(
                str(r["question"]),
                frozenset([names[str(r["article_id"])]]) if r["article_id"] else frozenset(),
                str(r["split"]),
                "answerable" if r["article_id"] else "unanswerable",
            )
            for r in rows
        ]
        out.append(QuestionSet("demo-ours", demo_docs, questions, intents=True))
    for name, file in (("demo-independent", "demo_questions.jsonl"),
                       ("demo-v3", "demo_questions_v3.jsonl"),
                       ("demo-v4", "demo_questions_v4.jsonl"),
                       ("demo-v5", "demo_questions_v5.jsonl"),
                       ("demo-v6", "demo_questions_v6.jsonl"),
                       ("demo-v7", "demo_questions_v7.jsonl"),
                       ("demo-v8", "demo_questions_v8.jsonl")):
        if name in chosen:
            rows = _jsonl(DATA / file)
            questions = [
                Question(
                    str(r["question"]),
                    frozenset([_label(names, r)]) if r["article_id"] else frozenset(),
                    str(r["split"]),
                    str(r["kind"]),
                )
                for r in rows
            ]
            out.append(QuestionSet(name, demo_docs, questions, intents=True))
    for name in ("transit", "energy"):
        if name not in chosen:
            continue
        docs = read_paths([DATA / name / "faq.csv"])
        by_link = _label_ids(docs)
        rows = _jsonl(DATA / name / "questions.jsonl")
        questions = [
            Question(
                str(r["question"]),
                frozenset([by_link[str(r["link"])]]) if r.get("link") else frozenset(),
                str(r["split"]),
                str(r["kind"]),
            )
            for r in rows
        ]
        out.append(QuestionSet(name, docs, questions, intents=False))
    return out


# ---------------------------------------------------------------------------- systems


# The question model each labelled question is read with when its KB's model learnt from it:
# one fitted without it (`asked.cross_fitted`), keyed by (id of the KB's model, question).
_OUT_OF_FOLD: dict[tuple[int, str], AskedModel] = {}


def asked_model(qs: QuestionSet) -> AskedModel | None:
    """The labelled questions' model a deployment of this set's help centre has: the demo's
    shipped one (all demo sets' dev splits) for the demo, else one `trustdesk kb calibrate`
    would fit on the set's own dev split; dev questions are read out of fold."""
    if qs.intents:
        texts, labels = read_labelled(DEMO_ASKED.read_bytes())
    else:
        dev = [q for q in qs.questions if q.split == "dev"]
        texts, labels = [q.text for q in dev], [min(q.answers, default=None) for q in dev]
    if len(texts) < MIN_QUESTIONS or len(set(labels)) < 2:
        return None
    model = AskedModel.fit(texts, labels)
    for text, fold in zip(texts, cross_fitted(texts, labels), strict=True):
        if fold is not None:
            _OUT_OF_FOLD[(id(model), text)] = fold
    return model


def trustdesk(kb: KnowledgeBase, questions: Sequence[Question]) -> list[Outcome]:
    outcomes = []
    for q in questions:
        passages, inputs = kb.verify(q.text, asked=_OUT_OF_FOLD.get((id(kb.asked), q.text)))
        ranked = tuple(dict.fromkeys(p.article_id for p in passages))
        outcomes.append(Outcome(q, ranked, inputs or NO_PASSAGE_INPUTS))
    return outcomes


def plain_bm25(kb: KnowledgeBase, questions: Sequence[Question]) -> list[Outcome]:
    """bm25s with its default tokenizer: no stemming, no synonyms, no placeholder handling."""
    chunks = [c for c in kb.chunks if c.visibility == "public"]
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize([f"{c.heading}\n{c.text}" for c in chunks], show_progress=False),
        show_progress=False,
    )
    outcomes = []
    for q in questions:
        tokens = bm25s.tokenize([q.text], show_progress=False, return_ids=False)[0]
        known = [t for t in tokens if t in retriever.vocab_dict]
        scores = retriever.get_scores(known) if known else np.zeros(len(chunks))
        order = np.argsort(-scores)[:10]
        ranked = tuple(dict.fromkeys(chunks[i].article_id for i in order if scores[i] > 0))
        top = float(scores[order[0]]) if len(order) else 0.0
        outcomes.append(Outcome(q, ranked, score_only(top)))
    return outcomes


def tfidf_cosine(kb: KnowledgeBase, questions: Sequence[Question]) -> list[Outcome]:
    chunks = [c for c in kb.chunks if c.visibility == "public"]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform([f"{c.heading}\n{c.text}" for c in chunks])
    outcomes = []
    for q in questions:
        scores = (matrix @ vectorizer.transform([q.text]).T).toarray().ravel()
        order = np.argsort(-scores)[:10]
        ranked = tuple(dict.fromkeys(chunks[i].article_id for i in order if scores[i] > 0))
        outcomes.append(Outcome(q, ranked, score_only(float(scores[order[0]]))))
    return outcomes


SYSTEMS: tuple[tuple[str, Callable[[KnowledgeBase, Sequence[Question]], list[Outcome]]], ...] = (
    ("trustdesk verified", trustdesk),
    ("plain bm25s", plain_bm25),
    ("tf-idf cosine", tfidf_cosine),
)


# ---------------------------------------------------------------------------- figures


def score_only(score: float) -> tuple[float, ...]:
    """A baseline's calibration inputs: its one score, the rest 0."""
    return (score, *(0.0,) * (len(INPUTS) - 1))


def fit(outcomes: Sequence[Outcome], target: float, name: str, folds: int = 0) -> Calibration:
    """The system's calibration on dev; baselines get the same Platt + threshold recipe
    over their single score. folds >= 2: the threshold is cross-fitted (k-fold)."""
    dev = [o for o in outcomes if o.question.split == "dev"]
    inputs = [o.inputs for o in dev]
    if not name.startswith("trustdesk verified"):
        inputs = [score_only(o.inputs[0]) for o in dev]
    if folds >= 2:
        return cross_fit(inputs, [o.right for o in dev], folds=folds, target_precision=target,
                         fitted_on=name)
    return Calibration.fit(inputs, [o.right for o in dev], target_precision=target,
                           fitted_on=name)


def figures(outcomes: Sequence[Outcome], calibration: Calibration) -> dict[str, float]:
    answerable = [o for o in outcomes if o.question.answers]
    sent = [o for o in outcomes if calibration.probability(o.inputs) >= calibration.threshold]
    right = [o for o in sent if o.right]
    out = {
        "top1": sum(o.right for o in answerable) / max(len(answerable), 1),
        "top3": sum(bool(o.question.answers & set(o.ranked[:3])) for o in answerable)
        / max(len(answerable), 1),
        "sent": len(sent),
        "precision": len(right) / len(sent) if sent else 1.0,
        "answered_right": len(right) / max(len(answerable), 1),
    }
    for kind in ("unanswerable_on_topic", "off_topic", "unanswerable"):
        group = [o for o in outcomes if o.question.kind == kind]
        if group:
            held = sum(calibration.probability(o.inputs) < calibration.threshold for o in group)
            out[f"held:{kind}"] = held / len(group)
    return out


def curve(outcomes: Sequence[Outcome], calibration: Calibration) -> list[tuple[float, ...]]:
    """Risk-coverage: for each threshold, (threshold, coverage of all questions, precision,
    right answers over answerable questions). Thresholds: every distinct score."""
    scores = [calibration.probability(o.inputs) for o in outcomes]
    answerable = max(sum(bool(o.question.answers) for o in outcomes), 1)
    order = sorted(range(len(outcomes)), key=lambda i: -scores[i])
    points, hits = [], 0
    for rank, i in enumerate(order):
        hits += outcomes[i].right
        if rank + 1 < len(order) and scores[order[rank + 1]] == scores[i]:
            continue
        points.append((scores[i], (rank + 1) / len(outcomes), hits / (rank + 1),
                       hits / answerable))
    return points


def print_curve(name: str, points: Sequence[tuple[float, ...]]) -> None:
    """The curve at a few precisions: the most coverage reached at precision >= p."""
    cells = []
    for wanted in CURVE_POINTS:
        best = max((p for p in points if p[2] >= wanted), key=lambda p: p[1], default=None)
        cells.append(f"{best[1]:.2f}/{best[3]:.2f}" if best else "  -  ")
    print(f"  {name:22}" + "".join(f"{c:>12}" for c in cells))


def latency_ms(
    function: Callable[[str], object], texts: Sequence[str], rounds: int = LATENCY_ROUNDS
) -> tuple[float, float]:
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            function(text)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def demo_intent_model() -> object:
    from trustdesk.ai.intent.training_run import train_from_file

    return train_from_file(DEMO_INTENTS, text_column="text", label_column="label").model


def run_set(
    qs: QuestionSet, target: float, intents: object | None, split: str, embeddings: bool,
    folds: int = 0,
) -> None:
    started = time.perf_counter()
    asked = asked_model(qs)
    kb = KnowledgeBase.from_documents(qs.documents, intents=intents if qs.intents else None,  # type: ignore[arg-type]
                                      asked=asked)
    build = (time.perf_counter() - started) * 1000
    dev = sum(q.split == "dev" for q in qs.questions)
    kinds: dict[str, int] = {}
    for q in qs.questions:
        if q.split == split:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
    with_intents = ", with the intent model" if qs.intents and intents else ""
    if asked is not None:
        with_intents += (", the demo's question model" if qs.intents
                         else ", a question model of the dev split")
    print(f"== {qs.name}: {len(qs.documents)} articles, {len(kb.chunks)} passages "
          f"(KB + verifier built in {build:.0f} ms{with_intents}); "
          f"{len(qs.questions)} questions, {dev} dev; {split}: "
          + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    rows, curves = [], []
    systems = list(SYSTEMS)
    hybrid_kb = None
    if embeddings and embeddings_available():
        started = time.perf_counter()
        hybrid_kb = KnowledgeBase.from_documents(
            qs.documents, intents=intents if qs.intents else None, hybrid=True, asked=asked)  # type: ignore[arg-type]
        print(f"  (+ MiniLM KB and verifier built in {time.perf_counter() - started:.0f} s)")
        systems.insert(1, ("trustdesk verified+MiniLM", lambda _, q: trustdesk(hybrid_kb, q)))
    for name, system in systems:
        outcomes = system(kb, qs.questions)
        calibration = fit(outcomes, target, name, folds)
        if not name.startswith("trustdesk verified"):
            outcomes = [Outcome(o.question, o.ranked, score_only(o.inputs[0]))
                        for o in outcomes]
        test = [o for o in outcomes if o.question.split == split]
        rows.append((name, calibration.threshold, figures(test, calibration)))
        curves.append((name, curve(test, calibration)))
        if name == "trustdesk verified":  # what a deployment of this KB does out of the box
            label = ("trustdesk, shipped calibration" if kb.calibrated
                     else "shipped calib. (served: all reviewed)")
            rows.append((label, kb.calibration.threshold, figures(test, kb.calibration)))
    columns = list(rows[0][2])
    print(f"  {split + ', threshold for dev precision ' + format(target, '.2f'):40}"
          f"{'thresh':>8}" + "".join(f"{c.replace('held:', 'held ')[:18]:>20}" for c in columns))
    for name, threshold, row in rows:
        print(f"  {name:40}{threshold:>8.3f}" + "".join(
            f"{row[c]:>20.3f}" if c != "sent" else f"{int(row[c]):>20d}" for c in columns))
    print(f"  risk-coverage on {split} (coverage of all questions / right answers over "
          "answerable, at the lowest threshold keeping precision >= p):")
    print(f"  {'precision >=':22}" + "".join(f"{p:>12.2f}" for p in CURVE_POINTS))
    for name, points in curves:
        print_curve(name, points)
    p50, p95 = latency_ms(kb.answer, [q.text for q in qs.questions])
    print(f"  answer latency over {LATENCY_ROUNDS} x {len(qs.questions)} questions: "
          f"p50 {p50:.3f} ms, p95 {p95:.3f} ms (target p95 < 2 ms)")
    if hybrid_kb is not None:
        from trustdesk.ai.embeddings import Embedder

        # Every question is in the shared embedder's cache by now: time them without one.
        uncached = hybrid_kb.verifier.embedder
        hybrid_kb.verifier.embedder = Embedder(cache_size=0)
        h50, h95 = latency_ms(hybrid_kb.answer, [q.text for q in qs.questions][:100], rounds=1)
        hybrid_kb.verifier.embedder = uncached
        print(f"  answer latency with MiniLM (no embedding cache, 100 questions): "
              f"p50 {h50:.3f} ms, p95 {h95:.3f} ms (target p95 < 20 ms)")
    if qs.name == "demo-ours":
        mentions = [Question(q.text + s, q.answers, q.split, q.kind) for q in qs.questions
                    if q.split == split and q.answers for s in PII_SENTENCES]
        plain = [q for q in qs.questions if q.split == split and q.answers]
        print(f"  {split} questions + a sentence naming redacted data, top-1:")
        for name, system in SYSTEMS:
            with_pii = figures(system(kb, mentions), Calibration())["top1"]
            without = figures(system(kb, plain), Calibration())["top1"]
            print(f"    {name:28} {with_pii:.3f}  (same questions without it: {without:.3f})")
    print()


def fit_default(sets: Sequence[QuestionSet], intents: object, target: float) -> None:
    """The calibrations shipped in calibration.py: fitted on the demo sets' dev splits, with
    and without the demo intent model."""
    demo = [qs for qs in sets if qs.name.startswith("demo")]
    asked = asked_model(demo[0]) if demo else None
    for reader, model in ((intents, asked), (intents, None), (None, None)):
        outcomes: list[Outcome] = []
        for qs in demo:
            kb = KnowledgeBase.from_documents(qs.documents, intents=reader, asked=model)  # type: ignore[arg-type]
            outcomes += [o for o in trustdesk(kb, qs.questions) if o.question.split == "dev"]
        calibration = Calibration.fit([o.inputs for o in outcomes], [o.right for o in outcomes],
                                      target_precision=target, fitted_on="demo dev splits")
        label = ("with" if reader is not None else "without") + " the intent model, " + (
            "with" if model is not None else "without") + " the question model"
        print(f"fitted on the demo dev splits, {label}: {calibration}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="demo-ours,demo-independent,demo-v3,transit,energy",
                        help="comma-separated question sets")
    parser.add_argument("--target-precision", type=float, default=0.95)
    parser.add_argument("--split", default="test", choices=("test", "dev"),
                        help="split to report (tuning: dev)")
    parser.add_argument("--embeddings", action=argparse.BooleanOptionalAction, default=True,
                        help="add the verifier with MiniLM (when the extra is installed)")
    parser.add_argument("--folds", type=int, default=0,
                        help="cross-fit every system's threshold with K folds of dev (K >= 2)")
    parser.add_argument("--fit", action="store_true",
                        help="print the demo calibration fitted on the demo dev splits")
    args = parser.parse_args(argv)
    sets = load_sets(args.sets.split(","))
    started = time.perf_counter()
    intents = demo_intent_model() if any(s.intents for s in sets) else None
    if intents is not None:
        print(f"demo intent model trained in {time.perf_counter() - started:.1f} s\n")
    if args.fit and intents is not None:
        fit_default(sets, intents, args.target_precision)
    for qs in sets:
        run_set(qs, args.target_precision, intents, args.split, args.embeddings, args.folds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
