"""Inputs built to trigger regex backtracking or crashes must stay fast and harmless."""

from __future__ import annotations

import time

import pytest

from trustdesk.privacy.pii import PiiDetector

N = 10_000
ADVERSARIAL = {
    "digits": "1" * N,
    "spaced digits": "1 " * (N // 2),
    "zero groups": "0 0 0 0 0 0 " * (N // 12),
    "at signs": "a@" * (N // 2),
    "dotted email": "a." * (N // 2) + "@",
    "huge word": "A" + "a" * N,
    "capital words": "Ab " * (N // 3),
    "name soup": "Maria Garcia de la " * (N // 19),
    "street soup": "12 Elm Street, " * (N // 15),
    "dashes": "12-" * (N // 3),
    "dots": "1." * (N // 2),
    "colons": "a:" * (N // 2),
    "slashes": "http://" + "a/" * (N // 2),
    "www": "www." * (N // 4),
    "ibans": "GB82 " * (N // 5),
    "control characters": "".join(chr(i % 32) for i in range(N)),
    "lone surrogates": "\ud800 a \udfff " * (N // 8),
    "mixed unicode": "Ünïcödé 名字 " * (N // 11),
    "newlines": "\n" * N,
    "dates": "12/12/1212 " * (N // 11),
    "phones": "+44 20 7946 0958 " * (N // 17),
    "emails": "a@b.co " * (N // 7),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_bounded_time_on_adversarial_input(detector: PiiDetector, text: str) -> None:
    start = time.perf_counter()
    findings = detector.detect(text)
    elapsed = time.perf_counter() - start
    # Generous bound to avoid flaky CI; bench/pii.py reports the real figures.
    assert elapsed < 0.5, f"{elapsed:.3f}s"
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


def test_one_megabyte_finishes(detector: PiiDetector) -> None:
    text = ("Hi, my name is Maria Garcia, call +44 20 7946 0958, order LL-123456. " * 15_000)[
        : 1_000_000
    ]
    start = time.perf_counter()
    findings = detector.detect(text)
    assert time.perf_counter() - start < 10
    assert len(findings) > 20_000
