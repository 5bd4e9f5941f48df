"""Inputs built to trigger regex backtracking or crashes must stay fast and harmless."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from trustdesk.privacy.pii import PiiDetector

N = 10_000
# Each input as a function of its length n, so that work can be compared across sizes.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "spaced digits": lambda n: "1 " * (n // 2),
    "zero groups": lambda n: "0 0 0 0 0 0 " * (n // 12),
    "at signs": lambda n: "a@" * (n // 2),
    "dotted email": lambda n: "a." * (n // 2) + "@",
    "huge word": lambda n: "A" + "a" * n,
    "capital words": lambda n: "Ab " * (n // 3),
    "name soup": lambda n: "Maria Garcia de la " * (n // 19),
    "street soup": lambda n: "12 Elm Street, " * (n // 15),
    "dashes": lambda n: "12-" * (n // 3),
    "dots": lambda n: "1." * (n // 2),
    "colons": lambda n: "a:" * (n // 2),
    "slashes": lambda n: "http://" + "a/" * (n // 2),
    "www": lambda n: "www." * (n // 4),
    "ibans": lambda n: "GB82 " * (n // 5),
    "control characters": lambda n: "".join(chr(i % 32) for i in range(n)),
    "lone surrogates": lambda n: "\ud800 a \udfff " * (n // 8),
    "mixed unicode": lambda n: "Ünïcödé 名字 " * (n // 11),
    "newlines": lambda n: "\n" * n,
    "dates": lambda n: "12/12/1212 " * (n // 11),
    "phones": lambda n: "+44 20 7946 0958 " * (n // 17),
    "emails": lambda n: "a@b.co " * (n // 7),
}
# Work grows linearly with the input: 4x the input may cost 4x the CPU time, give or take
# caches; a regex that backtracks (quadratic or worse) costs 16x or more. The bound sits in
# between, and compares CPU time (not wall time) of the same process, measured back to back,
# so a busy machine slows both sides alike. The detector exposes no step counter to count.
GROWTH = 4
MAX_RATIO = 10.0
FLOOR_S = 0.002  # below this, timer resolution and call overhead dominate


def _cpu_seconds(detector: PiiDetector, text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the least of three runs: the work, without interruptions
        start = time.process_time()
        detector.detect(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("make", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_bounded_time_on_adversarial_input(detector: PiiDetector,
                                           make: Callable[[int], str]) -> None:
    small, large = make(N // GROWTH), make(N)
    assert len(large) >= (GROWTH - 0.5) * len(small)
    ratio = _cpu_seconds(detector, large) / max(_cpu_seconds(detector, small), FLOOR_S)
    assert ratio < MAX_RATIO, f"{GROWTH}x the input cost {ratio:.1f}x the work"
    findings = detector.detect(large)
    assert all(0 <= f.start < f.end <= len(large) for f in findings)


def test_one_megabyte_is_read_in_bounded_windows(detector: PiiDetector) -> None:
    """A 1 MB message is read window by window: work counted, not timed (the time is in
    bench/pii.py, which reports it beside its baseline)."""
    from trustdesk.privacy.pii.detector import WINDOW_CHARS, DetectionWork, windows

    text = ("Hi, my name is Maria Garcia, call +44 20 7946 0958, order LL-123456. " * 15_000)[
        : 1_000_000
    ]
    detector.work = DetectionWork()
    findings = detector.detect(text)
    work = detector.work
    expected = list(windows(len(text)))
    assert work.windows == len(expected)
    assert work.longest_window <= WINDOW_CHARS
    assert work.chars == sum(hi - lo for lo, hi, _, _ in expected)
    assert len(findings) > 20_000
