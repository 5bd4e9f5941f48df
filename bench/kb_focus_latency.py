"""Answer latency with and without the request focus, in one process, rounds alternating.

Run: .venv/bin/python bench/kb_focus_latency.py [--rounds 10]

"without" reads the whole message (as before `trustdesk.ai.focus`); "with" is as shipped,
with focus's cache cleared before every message so its regular expressions are timed too.
Question sets: the demo questions written outside, the transit questions, and the fairness
probe's age variants (every message has an added sentence). No intent model.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import trustdesk.ai.kb.knowledge_base as knowledge_base
from trustdesk.ai.focus import Focus, focus
from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, read_paths
from trustdesk.fairness.probes import AGE_PREFIXES, BASE_MESSAGES

DATA = Path(__file__).parent / "data" / "kb"


def _questions(path: Path) -> list[str]:
    return [str(json.loads(line)["question"])
            for line in path.read_text(encoding="utf-8").splitlines() if line]


def _whole(message: str) -> Focus:
    return Focus(message, (), False)


def _fresh(message: str) -> Focus:
    focus.cache_clear()
    return focus(message)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    demo = read_paths([demo_kb_path()])
    sets = {
        "demo-independent": (demo, _questions(DATA / "demo_questions.jsonl")),
        "transit": (read_paths([DATA / "transit" / "faq.csv"]),
                    _questions(DATA / "transit" / "questions.jsonl")),
        "probe age variants": (demo, [p + m for m in BASE_MESSAGES for p in AGE_PREFIXES]),
    }
    readers: dict[str, Callable[[str], Focus]] = {"without": _whole, "with": _fresh}
    for name, (documents, questions) in sets.items():
        kb = KnowledgeBase.from_documents(documents)
        timings: dict[str, list[float]] = {label: [] for label in readers}
        for r in range(args.rounds):
            order = list(readers) if r % 2 == 0 else list(reversed(readers))
            for label in order:
                knowledge_base.focus = readers[label]  # type: ignore[assignment]
                for question in questions:
                    start = time.perf_counter()
                    kb.answer(question)
                    timings[label].append((time.perf_counter() - start) * 1000)
        knowledge_base.focus = focus
        for label, values in timings.items():
            values.sort()
            p95 = values[int(0.95 * (len(values) - 1))]
            print(f"{name:20} {label:8} focus: p50 {statistics.median(values):.3f} ms, "
                  f"p95 {p95:.3f} ms ({len(values)} answers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
