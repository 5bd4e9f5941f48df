"""Time the PII detector on hostile inputs: the worst case per input, and the work it counted.

    .venv/bin/python bench/pii_hostile.py                  # 1 MB of each hostile input
    .venv/bin/python bench/pii_hostile.py --size 100000    # smaller, quicker

Tests bound the work (tests/privacy/test_pii_hostile_work.py); this script says what it costs
on this machine: wall time of one detect() per input (the best of --repeat runs), the time per
10,000 characters, and the detector's own counts (windows, characters read, candidates).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.detector import DetectionWork

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "privacy"))
from pii_support import HOSTILE as WORK_COUNTED  # the tests' own inputs

HOSTILE: dict[str, Callable[[int], str]] = {
    **WORK_COUNTED,
    "realistic": lambda n: ("Hi, my name is Maria Garcia, call +44 20 7946 0958, order "
                            "LL-123456. " * (n // 70 + 1))[:n],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; the best counts")
    args = parser.parse_args()
    detector = PiiDetector()
    detector.detect("warm up: call +44 20 7946 0958, my name is Ana, 10 Downing Street")
    print(f"{'input':<20}{'chars':>10}{'ms':>10}{'ms/10k':>9}{'windows':>9}{'read':>10}"
          f"{'cands':>9}{'found':>8}")
    worst = (0.0, "")
    for name, make in HOSTILE.items():
        text = make(args.size)
        best = float("inf")
        found = 0
        for _ in range(args.repeat):
            detector.work = DetectionWork()
            t0 = time.perf_counter()
            found = len(detector.detect(text))
            best = min(best, (time.perf_counter() - t0) * 1000)
        w = detector.work
        per_10k = best * 10_000 / max(len(text), 1)
        print(f"{name:<20}{len(text):>10}{best:>10.0f}{per_10k:>9.2f}{w.windows:>9}{w.chars:>10}"
              f"{w.candidates:>9}{found:>8}")
        worst = max(worst, (best, name))
    print(f"\nworst: {worst[1]}, {worst[0]:.0f} ms for {args.size:,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
