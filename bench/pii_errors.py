"""Print the detector's character-level errors on a tuning set, grouped by kind.

    .venv/bin/python bench/pii_errors.py bench/data/pii/independent3_dev.jsonl
    .venv/bin/python bench/pii_errors.py bench/data/pii/independent_dev.jsonl --type PERSON

For each gold span that is not fully masked: "miss" (nothing masked) or "short" (part masked),
with the masked part in [brackets]. For each predicted span with characters outside any gold
span: "fp" (no gold overlap) or "long" (runs past the gold span). Only for tuning sets: never
point it at a test set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from pii import INDEPENDENT_TYPES, load

FORBIDDEN = ("test", "heldout")


def context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return (left + "«" + text[start:end] + "»" + right).replace("\n", "⏎")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--type", default=None, help="only this gold/predicted type")
    parser.add_argument("--kind", default=None, help="only miss, short, fp or long")
    parser.add_argument("--no-tagger", action="store_true")
    args = parser.parse_args()
    if any(word in args.file.name for word in FORBIDDEN):
        print("refusing: this script is for tuning sets only")
        return 2
    from trustdesk.privacy.pii import PiiDetector

    rows = load(args.file, INDEPENDENT_TYPES if "independent" in args.file.name else None)
    detector = PiiDetector(tagger=not args.no_tagger)
    lost: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for row in rows:
        text = row["text"]
        pred = [(f.start, f.end, f.entity) for f in detector.detect(text)]
        gold = [(s["start"], s["end"], s["type"]) for s in row["spans"]]
        pred_chars = {c for s, e, _ in pred for c in range(s, e) if not text[c].isspace()}
        gold_chars = {c for s, e, _ in gold for c in range(s, e) if not text[c].isspace()}
        for s, e, t in gold:
            chars = [c for c in range(s, e) if not text[c].isspace()]
            missing = [c for c in chars if c not in pred_chars]
            if not missing:
                continue
            lost[t] += len(missing)
            kind = "miss" if len(missing) == len(chars) else "short"
            if (args.type and t != args.type) or (args.kind and kind != args.kind):
                continue
            got = [p for p in pred if p[0] < e and s < p[1]]
            print(json.dumps([row["id"], kind, t, len(missing), context(text, s, e),
                              [(text[a:b], pt) for a, b, pt in got]], ensure_ascii=False))
        for s, e, t in pred:
            chars = [c for c in range(s, e) if not text[c].isspace()]
            over = [c for c in chars if c not in gold_chars]
            if not over:
                continue
            extra[t] += len(over)
            kind = "fp" if len(over) == len(chars) else "long"
            if (args.type and t != args.type) or (args.kind and kind != args.kind):
                continue
            got = [g for g in gold if g[0] < e and s < g[1]]
            print(json.dumps([row["id"], kind, t, len(over), context(text, s, e),
                              [(text[a:b], gt) for a, b, gt in got]], ensure_ascii=False))
    print("characters lost per gold type:", dict(lost.most_common()))
    print("characters over per predicted type:", dict(extra.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
