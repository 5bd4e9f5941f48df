"""Generate src/trustdesk/data/demo/asked_questions.jsonl: the demo's labelled questions.

The dev splits of the demo question sets in bench/data/kb (ours and six outside writers',
see bench/data/kb/README.md), one row per question {"question", "article_id"} (article_id
null when the help centre does not answer it). Their test splits stay out: they measure.
    .venv/bin/python scripts/make_demo_asked.py
`prepare_demo` fits the question model (`trustdesk.ai.kb.asked`) on this file, as
`trustdesk kb calibrate --questions FILE` does on a deployment's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from kb import load_sets  # noqa: E402  (bench/kb.py reads the labelled sets)

SETS = ("demo-ours", "demo-independent", "demo-v3", "demo-v4", "demo-v5", "demo-v6", "demo-v7")
OUT = ROOT / "src" / "trustdesk" / "data" / "demo" / "asked_questions.jsonl"


def main() -> None:
    rows = []
    for qs in load_sets(SETS):
        for q in qs.questions:
            if q.split == "dev":
                article = sorted(q.answers)[0] if q.answers else None
                rows.append({"question": q.text, "article_id": article, "set": qs.name})
    OUT.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    print(f"wrote {len(rows)} questions ({sum(r['article_id'] is None for r in rows)} "
          f"unanswered) -> {OUT}")


if __name__ == "__main__":
    main()
