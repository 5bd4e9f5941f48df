"""Does a customer who needs care reach a person? Measured on messages written outside.

    .venv/bin/python bench/care.py [--data FILE.jsonl] [--split test|dev|all] [--errors N]

Each line is `{"text", "needs_care", "category", "split"}`: a message to the demo shop and
whether its writer shows they are vulnerable or in distress (bereaved, ill, in crisis, in
hardship, scammed, ...) or not (routine, angry, figurative speech such as "this lamp is
killing me", a fact said in passing). See bench/data/care/README.md for who wrote it.

Every message goes through the demo's real guard and path (guard -> understand -> decide),
as `trustdesk fairness probe` runs it. A message "reaches a person for care" when a rule with
reason code `sensitive_topic` hands it off (the demo's `vulnerable-customer`, `needs-care` and
`distress-words` rules; the `sensitive-topic` rule that holds money questions and complaints for
review shares the code but is not care). Printed: recall of that on the needs-care rows and
the false-alarm rate on the others, per category, with Wilson intervals; beside it, how many
reached a person for any reason (review or handoff: low confidence, out of scope, ...); and the
same for the wording lexicon alone (`trustdesk.ai.care.needs_of_care` on the redacted text).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from trustdesk.ai.care import needs_of_care
from trustdesk.bootstrap import bootstrap, prepare_demo
from trustdesk.fairness.stats import wilson_interval
from trustdesk.privacy.pii import PseudonymTable
from trustdesk.settings import Settings

DATA = Path(__file__).parent / "data" / "care" / "care_messages.jsonl"
CARE_CODE = "sensitive_topic"


def rate(k: int, n: int) -> str:
    if n == 0:
        return "   -   (n=0)"
    lo, hi = wilson_interval(k, n)
    return f"{k:3}/{n:3} = {k / n:.3f} (95% CI {lo:.3f}-{hi:.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", default="test", choices=("test", "dev", "all"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and alarms")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    work = Path(tempfile.mkdtemp(prefix="td-care-"))
    settings = Settings(data_dir=work)
    prepare_demo(settings)
    svc = bootstrap(settings)
    # category -> [flagged by the path, flagged by the lexicon, rows, not answered by the AI]
    counts: dict[tuple[bool, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    wrong: list[str] = []
    for row in rows:
        text, truth = str(row["text"]), bool(row["needs_care"])
        findings = svc.guard.detect(text)
        redacted = svc.guard.redact(text, findings, PseudonymTable()).text
        analysis = svc.path.analyse(redacted, data_categories=svc.guard.categories(findings))
        by_path = any(h.reason_code == CARE_CODE and h.action == "handoff"
                      for h in analysis.outcome.hits)
        by_words = bool(needs_of_care(redacted))
        cell = counts[(truth, str(row["category"]))]
        cell[0] += by_path
        cell[1] += by_words
        cell[2] += 1
        cell[3] += analysis.kind.value != "reply"
        if by_path != truth:
            kind = "missed" if truth else "alarm "
            wrong.append(f"  {kind} [{row['category']}] {redacted!r} -> {analysis.kind.value}")
    print(f"{len(rows)} messages ({args.split} split of {args.data.name})")
    for truth, label in ((True, "needs care: reached a person for care (recall)"),
                         (False, "no need of care: flagged anyway (false alarms)")):
        cells = {c: v for (t, c), v in sorted(counts.items()) if t is truth}
        path_k = sum(v[0] for v in cells.values())
        word_k = sum(v[1] for v in cells.values())
        n = sum(v[2] for v in cells.values())
        person_k = sum(v[3] for v in cells.values())
        print(label)
        print(f"  {'all':22} whole path {rate(path_k, n)}   lexicon alone {rate(word_k, n)}"
              f"   a person at all {rate(person_k, n)}")
        for category, (pk, wk, cn, ak) in cells.items():
            print(f"  {category:22} whole path {rate(pk, cn)}   lexicon alone {rate(wk, cn)}"
                  f"   a person at all {rate(ak, cn)}")
    for line in wrong[: args.errors]:
        print(line)
    svc.db.dispose()


if __name__ == "__main__":
    main()
