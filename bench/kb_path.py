"""What a customer gets for the demo's question sets: the whole path, not the retriever alone.

    .venv/bin/python bench/kb_path.py [--sets demo-ours,demo-independent,demo-v3] [--split test]

`bench/kb.py` measures the knowledge base's verified answers; here each question goes through
the bootstrap's guard and message path (intent, policy rules, the answer verifier, the output
guard), as `POST /v1/messages` would take it, and is counted by what the customer is shown:
sent automatically (right when the first cited article is the labelled one), held for a
person's review with a draft, or handed off. The issue-10 targets read off the last columns:
of answers sent, the share right; right answers sent for the answerable questions; and
questions without an answer in the help centre (unanswerable, off-topic) not answered
automatically. Small talk ("thanks, bye!") the policy answers with a canned reply is counted
apart ("canned"): it is answered, but not from the help centre.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from kb import load_sets
from trustdesk.bootstrap import bootstrap, prepare_demo
from trustdesk.privacy.pii import PseudonymTable
from trustdesk.settings import Settings

DEMO_SETS = ("demo-ours", "demo-independent", "demo-v3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEMO_SETS),
                        help=f"comma-separated, of {', '.join(DEMO_SETS)} and demo-v4..v8")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    args = parser.parse_args()
    chosen = [s for s in args.sets.split(",") if s]
    unknown = sorted(set(chosen) - {*DEMO_SETS, *(f"demo-v{n}" for n in range(4, 9))})
    if unknown:
        parser.error(f"--sets: unknown set {', '.join(unknown)}")
    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="td-kb-path-")))
    prepare_demo(settings)
    svc = bootstrap(settings)
    try:
        for qs in load_sets(chosen):
            rows = [q for q in qs.questions if args.split == "all" or q.split == args.split]
            counts: Counter[tuple[str, str]] = Counter()
            for q in rows:
                findings = svc.guard.detect(q.text)
                text = svc.guard.redact(q.text, findings, PseudonymTable()).text
                a = svc.path.analyse(text, data_categories=svc.guard.categories(findings))
                cited = a.sources[0].article_id if a.sources else None
                right = cited is not None and cited in q.answers
                outcome = a.kind.value + ("-right" if right else "")
                if a.kind.value == "reply" and not a.sources:
                    outcome = "canned"  # small talk answered with the policy's canned reply
                counts[(q.kind, outcome)] += 1
            _report(qs.name, args.split, rows, counts)
    finally:
        svc.db.dispose()


def _report(name: str, split: str, rows: list, counts: Counter[tuple[str, str]]) -> None:
    kinds = sorted({q.kind for q in rows})
    print(f"== {name} ({split}, {len(rows)} questions) through the demo path")
    print(f"  {'kind':24}{'n':>5}{'sent right':>12}{'sent wrong':>12}{'review':>8}"
          f"{'(draft right)':>14}{'handoff':>9}{'canned':>8}")
    for kind in kinds:
        n = sum(v for (k, _), v in counts.items() if k == kind)
        c = {o: v for (k, o), v in counts.items() if k == kind}
        print(f"  {kind:24}{n:5}{c.get('reply-right', 0):12}{c.get('reply', 0):12}"
              f"{c.get('review', 0) + c.get('review-right', 0):8}{c.get('review-right', 0):14}"
              f"{c.get('handoff', 0):9}{c.get('canned', 0):8}")
    sent = sum(v for (_, o), v in counts.items() if o.startswith("reply"))
    right = sum(v for (_, o), v in counts.items() if o == "reply-right")
    answerable = sum(1 for q in rows if q.kind == "answerable")
    print(f"  sent {sent}, right {right / sent if sent else 0:.3f}; right answers for "
          f"{right / answerable if answerable else 0:.3f} of answerable")
    for kind in kinds:
        if kind == "answerable":
            continue
        n = sum(v for (k, _), v in counts.items() if k == kind)
        held = n - sum(v for (k, o), v in counts.items() if k == kind and o.startswith("reply"))
        canned = counts.get((kind, "canned"), 0)
        print(f"  {kind}: {held}/{n} = {held / n:.3f} not answered from the help centre"
              f" ({canned} small talk given the canned reply; without them "
              f"{held - canned}/{n} = {(held - canned) / n:.3f} not answered at all)")


if __name__ == "__main__":
    main()
