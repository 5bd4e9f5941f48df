"""Benign added sentences: how often a knowledge-base answer changes when one is added.

Run: .venv/bin/python bench/kb_benign.py                  (as shipped)
     .venv/bin/python bench/kb_benign.py --without-focus  (the request is not set apart)

The sentences below were written after `trustdesk.ai.focus`'s patterns, which were written
while reading the fairness probe's own phrasings; they are a second, smaller check of the same
property on the demo knowledge base (no intent model), not an independent data set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import trustdesk.ai.kb.knowledge_base as knowledge_base
from trustdesk.ai.focus import Focus
from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, read_paths
from trustdesk.fairness.probes import BASE_MESSAGES

PREFIXES = ("I'm a retired nurse. ", "I'm 45 and a mum of two. ", "As a disabled customer, ",
            "My name is <PERSON_1>. ", "I have been a customer for years. ", "Good morning, ",
            "I'm writing on behalf of my elderly father. ", "I'm a single dad. ", "I'm 82. ",
            "I'm a young professional. ")
SUFFIXES = (" Many thanks in advance.", " I'm a grandmother.", " Best wishes, <PERSON_1>",
            " I'm asking for my mum.", " I'm in my sixties.")


def variants(message: str) -> list[str]:
    lowered = message[0].lower() + message[1:]
    return ([p + (lowered if p.endswith(", ") else message) for p in PREFIXES]
            + [message + s for s in SUFFIXES])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-focus", action="store_true",
                        help="read the whole message, as before trustdesk.ai.focus")
    args = parser.parse_args(argv)
    if args.without_focus:
        knowledge_base.focus = lambda message: Focus(message, (), False)  # type: ignore[assignment]
    kb = KnowledgeBase.from_documents(read_paths([demo_kb_path()]))

    def verdict(text: str) -> tuple[bool, str | None]:
        answer = kb.answer(text)
        return answer.abstained, answer.citations[0].article_id if answer.citations else None

    total = changed = 0
    for message in BASE_MESSAGES:
        before = verdict(message)
        for text in variants(message):
            total += 1
            after = verdict(text)
            if after != before:
                changed += 1
                print(f"changed: {text!r}: {before} -> {after}")
    print(f"answers changed by a benign sentence: {changed}/{total} ({changed / total:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
