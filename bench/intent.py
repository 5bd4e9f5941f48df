"""Intent model benchmark on CLINC150 (Larson et al., 2019) and on the bundled demo intents.

Run: .venv/bin/python bench/intent.py [--data /work/shared/data/clinc150/data_full.json]

CLINC150: train on train + oos_train (label out_of_scope), calibrate and choose the abstention
threshold on val + oos_val, report once on test + oos_test. Hyperparameters (linear SVM, C=1,
min_df=2, word 1-3 grams) were chosen on val only; the threshold keeps the 95% lower bound
of val out-of-scope recall >= 50%. The data is read where it lies, never copied into the repo.

--backend embeddings|both (default both when the `embeddings` extra is installed) also trains
the embedding backend (trustdesk.ai.intent.embed: TF-IDF SVM scores + w * a logistic
regression on all-MiniLM-L6-v2 vectors). What was tried, all on val: the logistic regression
on embeddings alone (C 1: 94.3% in-scope acc at 71% oos recall; C 4: 95.6% / 73%), an SVM on
embeddings alone (95.5% / 70%), stacking TF-IDF SVM + w * logreg (C 4 and 16, w 0.1-2.0:
best 96.4-96.7% / 70-77%), and one SVM over TF-IDF and scaled embedding columns (scale 0.5-2:
94.9-96.4%). Stacking was kept (as good, simpler to explain, faster to train), with C 16, and w
picked from a small grid on val at every training. The threshold keeps the 95% lower bound of
val oos recall >= 0.65 (observed ~75%) so that the 70% recall target has some margin.
That gave 95.9% / 59.7% on test: val's 100 oos texts overstate recall on test's 1000.

Abstention (issue 4), all chosen on val, none on test. CLINC150 has only 100 oos_train and 100
oos_val texts (not thousands), and oos_train is a training class, so the abstention rule is
fitted on val with 5-fold out-of-fold scores. Out-of-scope AUROC of single signals on val
(model trained on train + oos_train): max probability 0.938, margin 0.930, P(out_of_scope)
0.988, max cosine to a training text 0.966 (mean of top 5: 0.975), to the nearest class
centroid 0.982, to an oos_train text 0.49 (useless). Logistic combiners (5-fold on val, 3 seeds),
val in-scope accuracy at oos recall 80 / 85 / 90%: max prob alone 96.2 / 95.7 / 94.2;
+ P(oos) 96.4 / 95.9 / 95.5; + P(oos) + centroid cosine 96.4 / 96.0 / 95.4; five signals
96.4 / 96.1 / 95.5. The three-signal combiner was kept (as good as five, simpler to explain).
Its threshold now maximises val oos recall subject to the Wilson 95% lower bound of val
in-scope accuracy >= 0.95 (the target): in-scope texts are 3,000, so that bound is tight,
while oos recall on 100 texts is not; val (out-of-fold): 95.8% / 88.0%.
Test evaluations for issue 4: (1) this rule: 95.3% in-scope accuracy / 77.3% oos recall,
training 57 s, p95 13.2 ms per message. No second test evaluation was made.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pii_sentences import PII_SENTENCES  # bench/ is on the path when run as a script

from trustdesk.ai.embeddings import embeddings_available
from trustdesk.ai.intent.evaluation import Evaluation, evaluate
from trustdesk.ai.intent.model import IntentModel
from trustdesk.ai.intent.training import find_overlap, load_labelled, stratified_split

CLINC = Path("/work/shared/data/clinc150/data_full.json")
DEMO = Path(__file__).resolve().parents[1] / "src" / "trustdesk" / "data" / "demo" / "intents.csv"
# --counterfactual: train the tfidf models with counterfactual copies (ai/intent/augment.py)
COUNTERFACTUAL = {"on": False}
# A family member named beside the message, in forms the copies never use (they only make
# "my X" a family member's and swap gendered words): does the label stay?
FAMILY_SENTENCES = (" It's for my husband.", " My wife and I shop here a lot.",
                    " I'm sorting this out for my son.", " My mum says hi.")
OOS = "out_of_scope"
TARGETS = {"in_scope_accuracy": 0.92, "oos_recall": 0.50, "training_s": 60.0, "p95_ms": 5.0}
# The optional embedding backend (issue 4); training includes embedding the 15,100 texts.
EMBED_TARGETS = {"in_scope_accuracy": 0.95, "oos_recall": 0.70, "training_s": 600.0,
                 "p95_ms": 15.0}
# The 70% recall target needs a stricter threshold than the default's 0.50; 0.65 on the 95%
# lower bound of val recall (100 val oos texts) was chosen on val, see the module docstring.
EMBED_MIN_OOS_RECALL = 0.65
# Abstention of the embedding backend (format /2): the most oos recall whose val in-scope
# accuracy 95% lower bound stays >= the 95% target (see the module docstring, issue 4).
EMBED_MIN_IN_SCOPE_ACCURACY = 0.95
PAPER = {  # Larson et al. 2019, "full" data set, test split: in-scope accuracy / oos recall
    "BERT fine-tuned + threshold": (96.2, 52.3),
    "linear SVM": (91.0, 14.5),
}


def _split(data: dict[str, list[list[str]]], *keys: str) -> tuple[list[str], list[str]]:
    rows = [row for key in keys for row in data[key]]
    return [t for t, _ in rows], [OOS if label == "oos" else label for _, label in rows]


def _fmt(value: float | None, pct: bool = True) -> str:
    if value is None:
        return "n/a"
    return f"{value * 100:.1f}%" if pct else f"{value:.2f}"


def _train(backend: str, train: tuple[list[str], list[str]], val: tuple[list[str], list[str]],
           min_oos_recall: float) -> IntentModel:
    if backend == "embeddings":
        from trustdesk.ai.intent.embed import EmbeddingIntentModel

        return EmbeddingIntentModel.train(*train, oos_label=OOS, validation=val, c=1.0,
                                          min_df=2, min_oos_recall=min_oos_recall,
                                          min_in_scope_accuracy=EMBED_MIN_IN_SCOPE_ACCURACY)
    return IntentModel.train(*train, oos_label=OOS, validation=val, c=1.0, min_df=2,
                             min_oos_recall=min_oos_recall,
                             counterfactual=COUNTERFACTUAL["on"])


def clinc(path: Path, runs: list[tuple[str, float]]) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    train = _split(data, "train", "oos_train")
    val = _split(data, "val", "oos_val")
    test = _split(data, "test", "oos_test")
    print(f"CLINC150 full ({path})")
    print(f"  rows: train {len(train[0])}, val {len(val[0])}, test {len(test[0])}; "
          f"test rows duplicating train: {len(find_overlap(train[0], test[0]))}")
    figures: dict[str, object] = {}
    rows: list[tuple[str, Evaluation, float]] = []
    for backend, min_oos_recall in runs:
        name = f"{backend} (val oos recall LB >= {min_oos_recall:.2f})"
        if backend == "embeddings":
            name = f"{backend} (val in-scope acc LB >= {EMBED_MIN_IN_SCOPE_ACCURACY:.2f})"
        started = time.perf_counter()
        model = _train(backend, train, val, min_oos_recall)
        training_s = time.perf_counter() - started
        result = evaluate(model, *test)
        rows.append((name, result, training_s))
        checks = _clinc_checks(backend, result, training_s)
        figures[f"clinc150:{backend}:{min_oos_recall}"] = {
            **result.as_dict(), "training_s": training_s, "targets_met": checks,
            "validation": model.metadata["metrics"]["validation"],
        }
        _print_clinc(name, model, result, training_s, checks, _targets(backend))
        if backend == "tfidf":
            # What `trustdesk model train` ships by default (issue 10): the same model fitted
            # again on train + val, keeping the temperature and threshold chosen on val.
            started = time.perf_counter()
            refit = model.refit([*train[0], *val[0]], [*train[1], *val[1]])
            refit_s = training_s + time.perf_counter() - started
            refit_result = evaluate(refit, *test)
            rows.append((f"{name}, refit on train+val", refit_result, refit_s))
            figures[f"clinc150:{backend}:{min_oos_recall}:refit"] = {
                **refit_result.as_dict(), "training_s": refit_s,
            }
    print("  side by side (TEST): in-scope acc / oos recall / training s / p50 / p95 ms")
    for name, result, training_s in rows:
        print(f"    {name:44} {_fmt(result.in_scope_accuracy):>6} / "
              f"{_fmt(result.oos_recall):>6} / {training_s:6.1f} / "
              f"{result.latency_p50_ms:6.2f} / {result.latency_p95_ms:6.2f}")
    print("  baselines from the data set paper (test, in-scope acc / oos recall):")
    for paper_name, (acc, rec) in PAPER.items():
        print(f"    {paper_name:28} {acc:.1f}% / {rec:.1f}%")
    return figures


def _targets(backend: str) -> dict[str, float]:
    return EMBED_TARGETS if backend == "embeddings" else TARGETS


def _clinc_checks(backend: str, result: Evaluation, training_s: float) -> dict[str, bool]:
    targets = _targets(backend)
    return {
        "in_scope_accuracy": result.in_scope_accuracy >= targets["in_scope_accuracy"],
        "oos_recall": (result.oos_recall or 0) >= targets["oos_recall"],
        "training_s": training_s <= targets["training_s"],
        "p95_ms": result.latency_p95_ms <= targets["p95_ms"],
    }


def _print_clinc(name: str, model: IntentModel, result: Evaluation, training_s: float,
                 checks: dict[str, bool], targets: dict[str, float]) -> None:
    print(f"  [{name}]")
    val_m = model.metadata["metrics"]["validation"]
    print(f"  threshold {model.threshold:.3f} chosen on val ({val_m['threshold_objective']}): "
          f"val in-scope acc {_fmt(val_m['in_scope_accuracy'])}, "
          f"val oos recall {_fmt(val_m['oos_recall'])}")
    if "embedding_weight" in val_m:
        tried = ", ".join(f"w={t['weight']}: {_fmt(t['in_scope_accuracy'])}/"
                          f"{_fmt(t['oos_recall'])}" for t in val_m["embedding_weights_tried"])
        print(f"  embedding weight {val_m['embedding_weight']} chosen on val ({tried})")
    abstention = val_m.get("abstention")
    if abstention:
        coef = ", ".join(f"{n} {c:+.2f}" for n, c in
                         zip([*abstention["signals"], "bias"], abstention["coef"], strict=True))
        print(f"  abstention: in-scope score = sigmoid({coef}) >= {abstention['threshold']:.3f}, "
              f"chosen on {abstention['chosen_on']} ({abstention['threshold_objective']}): "
              f"val in-scope acc {_fmt(abstention['in_scope_accuracy'])}, "
              f"val oos recall {_fmt(abstention['oos_recall'])}")
    print(f"  temperature {model.temperature:.4f}; val ECE {val_m['ece_before_temperature']:.3f}"
          f" before -> {val_m['ece']:.3f} after")
    print("  TEST (reported once):")
    ok = {name: "ok" if passed else "MISS" for name, passed in checks.items()}
    print(f"    in-scope accuracy  {_fmt(result.in_scope_accuracy):>7}  target >= "
          f"{_fmt(targets['in_scope_accuracy'])}  {ok['in_scope_accuracy']}")
    print(f"    out-of-scope recall{_fmt(result.oos_recall):>7}  target >= "
          f"{_fmt(targets['oos_recall'])}  {ok['oos_recall']}")
    print(f"    accuracy (151-way) {_fmt(result.accuracy):>7}   macro-F1 {result.macro_f1:.3f}   "
          f"ECE {result.expected_calibration_error:.3f}")
    print(f"    training time      {training_s:6.1f} s  target <= {targets['training_s']:.0f} s  "
          f"{ok['training_s']}")
    print(f"    latency p50 / p95  {result.latency_p50_ms:.3f} / {result.latency_p95_ms:.3f} ms "
          f"per message  target p95 <= {targets['p95_ms']:.0f} ms  {ok['p95_ms']}")




def demo(path: Path) -> dict[str, object]:
    texts, labels = load_labelled(path)
    rest, test_idx = stratified_split(labels, [0.15], texts=texts, seed=0)
    started = time.perf_counter()
    model = IntentModel.train([texts[i] for i in rest], [labels[i] for i in rest], seed=0,
                              counterfactual=COUNTERFACTUAL["on"])
    training_s = time.perf_counter() - started
    result = evaluate(model, [texts[i] for i in test_idx], [labels[i] for i in test_idx])
    print(f"\nDemo intents ({path.name}: {len(texts)} rows, {len(set(labels))} labels, "
          f"held-out test {len(test_idx)} rows)")
    print(f"  in-scope accuracy {_fmt(result.in_scope_accuracy)}, oos recall "
          f"{_fmt(result.oos_recall)}, accuracy {_fmt(result.accuracy)}, macro-F1 "
          f"{result.macro_f1:.3f}, ECE {result.expected_calibration_error:.3f}")
    print(f"  training {training_s:.2f} s; latency p50 / p95 {result.latency_p50_ms:.3f} / "
          f"{result.latency_p95_ms:.3f} ms")
    print("  note: the demo texts come from templates, so held-out figures overstate real use")
    held_out = [texts[i] for i in test_idx]
    plain = [p.label for p in model.predict_many(held_out)]
    def kept_with(sentences: Sequence[str]) -> dict[str, float]:
        """Per added sentence, the share of held-out messages whose label it leaves alone."""
        kept = {}
        for sentence in sentences:
            mentioned = model.predict_many([t + sentence for t in held_out])
            kept[sentence.strip()] = sum(
                p.label == label for p, label in zip(mentioned, plain, strict=True)
            ) / len(plain)
        return kept

    kept = kept_with(PII_SENTENCES)
    print("  label kept when a sentence naming redacted data is added (held-out test): "
          + ", ".join(f"{s!r} {v:.1%}" for s, v in kept.items()))
    family = kept_with(FAMILY_SENTENCES)
    print(f"  label kept when a family member is named (held-out test, counterfactual "
          f"{'on' if COUNTERFACTUAL['on'] else 'off'}): "
          + ", ".join(f"{s!r} {v:.1%}" for s, v in family.items()))
    return {"demo": result.as_dict(), "training_s": training_s, "pii_sentence_kept": kept,
            "family_sentence_kept": family}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=CLINC, help="CLINC150 data_full.json")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--backend", choices=("tfidf", "embeddings", "both"), default=None,
        help="which intent backend(s) to measure on CLINC150 (default: both when the "
        "embeddings extra is installed, else tfidf)",
    )
    parser.add_argument("--counterfactual", action="store_true",
                        help="train the tfidf models with counterfactual copies (what "
                        "`model train` does by default)")
    args = parser.parse_args()
    COUNTERFACTUAL["on"] = args.counterfactual
    backend = args.backend or ("both" if embeddings_available() else "tfidf")
    if backend != "tfidf" and not embeddings_available():
        print("the embeddings backend is not installed: pip install 'trustdesk[embeddings]'",
              file=sys.stderr)
        return 2
    runs = {"tfidf": [("tfidf", 0.5)], "embeddings": [("embeddings", EMBED_MIN_OOS_RECALL)],
            "both": [("tfidf", 0.5), ("tfidf", EMBED_MIN_OOS_RECALL),
                     ("embeddings", EMBED_MIN_OOS_RECALL)]}[backend]
    figures: dict[str, object] = {}
    if args.data.is_file():
        figures.update(clinc(args.data, runs))
    else:
        print(f"CLINC150 not found at {args.data}; skipping it", file=sys.stderr)
    figures.update(demo(DEMO))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
