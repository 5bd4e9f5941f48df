"""One command's work: generate the corpus, train the tagger, score it on held-out locales."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from trustdesk.privacy.pii.learned.corpus import HELD_OUT_LOCALES, CorpusGenerator
from trustdesk.privacy.pii.learned.model import LearnedRecognizer, TrainReport, train

# 2: the artefact is reproducible: no wall-clock field in meta.json, and meta records what
# `trustdesk privacy train` needs to make it again byte for byte (seed, sizes, parameters).
VERSION = "pii-tagger-2"


Example = tuple[str, list[tuple[int, int, str]]]


def char_scores(recognizer: LearnedRecognizer, examples: Sequence[Example]) -> dict[str, float]:
    """Type-blind character recall and precision of the tagger alone on labelled examples."""
    gold_n = pred_n = both = 0
    for text, spans in examples:
        gold = {c for s, e, _ in spans for c in range(s, e) if not text[c].isspace()}
        pred = {c for f in recognizer.analyze(text) for c in range(f.start, f.end)
                if not text[c].isspace()}
        gold_n += len(gold)
        pred_n += len(pred)
        both += len(gold & pred)
    return {"char_recall": round(both / gold_n, 4) if gold_n else 0.0,
            "char_precision": round(both / pred_n, 4) if pred_n else 0.0}


def train_tagger(out: Path, *, seed: int = 20261201, messages: int = 14_000,
                 held_out: Sequence[str] = HELD_OUT_LOCALES, evaluate: int = 1_000,
                 params: dict[str, Any] | None = None) -> TrainReport:
    """Train on every locale but `held_out`, then score on `evaluate` messages of those only."""
    corpus = CorpusGenerator(seed, locales_out=held_out)
    report = train(out, corpus.messages(messages), version=VERSION, params=params,
                   meta={"seed": seed, "held_out_locales": list(held_out),
                         "generated": messages, "evaluated": evaluate})
    if evaluate:
        recognizer = LearnedRecognizer.load(out)
        unseen = list(CorpusGenerator(seed + 1, only=held_out).messages(evaluate))
        seen = list(CorpusGenerator(seed + 2, locales_out=held_out).messages(evaluate))
        report.meta["held_out_locales_scores"] = char_scores(recognizer, unseen)
        report.meta["training_locales_fresh_seed_scores"] = char_scores(recognizer, seen)
        import json

        from trustdesk.privacy.pii.learned.model import META_FILE

        (out / META_FILE).write_text(json.dumps(report.meta, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return report
