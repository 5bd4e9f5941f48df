"""Hostile inputs cost work linear in their length, by construction, counted (not timed).

The detector reads a long text in windows of at most WINDOW_CHARS characters, the tagger
decodes chunks of at most CHUNK_TOKENS tokens, and overlap resolution visits each candidate a
bounded number of times. These tests count what `detect` did (characters handed to the
recognisers, windows, candidates, resolution steps, tokens tagged) on inputs built to be
expensive, at two sizes, and require the count to grow no faster than the input.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from pii_support import HOSTILE

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.detector import WINDOW_CHARS, WINDOW_OVERLAP, DetectionWork, windows
from trustdesk.privacy.pii.learned.model import CHUNK_TOKENS, LearnedRecognizer

SMALL = 25_000
GROWTH = 4


def _tagger(detector: PiiDetector) -> LearnedRecognizer:
    return next(r for r in detector.registry if isinstance(r, LearnedRecognizer))


def _work(detector: PiiDetector, text: str) -> tuple[DetectionWork, int, int]:
    """What one detect() did: the detector's counts, the tagger's tokens, its longest chunk."""
    tagger = _tagger(detector)
    detector.work = DetectionWork()
    tagger.work = tagger.longest_chunk = 0
    findings = detector.detect(text)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    assert all(a.end <= b.start for a, b in pairwise(findings))
    return detector.work, tagger.work, tagger.longest_chunk


def test_windows_tile_the_text_and_stay_short() -> None:
    for n in (0, 1, WINDOW_CHARS, WINDOW_CHARS + 1, 100_003):
        spans = list(windows(n))
        cores = [(c0, c1) for _, _, c0, c1 in spans]
        assert [c0 for c0, _ in cores[1:]] == [c1 for _, c1 in cores[:-1]]
        if n:
            assert cores[0][0] == 0 and cores[-1][1] == n
        assert all(hi - lo <= WINDOW_CHARS for lo, hi, _, _ in spans)
        assert all(c0 - lo <= WINDOW_OVERLAP and hi - c1 <= WINDOW_OVERLAP
                   for lo, hi, c0, c1 in spans)


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_work_grows_linearly_on_hostile_input(detector: PiiDetector,
                                              make: Callable[[int], str]) -> None:
    small, large = make(SMALL), make(GROWTH * SMALL)
    w_small, t_small, _ = _work(detector, small)
    w_large, t_large, chunk = _work(detector, large)
    core = WINDOW_CHARS - 2 * WINDOW_OVERLAP
    # Characters read: the text once plus two overlaps per window, never more.
    assert w_large.chars <= len(large) * WINDOW_CHARS / core + WINDOW_CHARS
    assert w_large.longest_window <= WINDOW_CHARS
    assert w_large.windows <= len(large) // core + 1
    assert chunk <= CHUNK_TOKENS
    # Everything downstream of the recognisers grows at most as fast as the input (plus one
    # window's worth of slack for how the last window falls).
    ratio = len(large) / len(small)
    for name, a, b in (("candidates", w_small.candidates, w_large.candidates),
                       ("steps", w_small.steps, w_large.steps),
                       ("tagger tokens", t_small, t_large)):
        assert b <= ratio * a * 1.1 + 2 * CHUNK_TOKENS, f"{name}: {a} -> {b}"


def test_resolution_steps_are_bounded_per_candidate(detector: PiiDetector) -> None:
    """Overlap resolution, growing and stitching visit each candidate a bounded number of times."""
    for make in HOSTILE.values():
        work, _, _ = _work(detector, make(SMALL))
        assert work.steps <= 4 * work.candidates + work.windows + 16


def test_a_finding_on_a_window_edge_is_found_once_and_whole(detector: PiiDetector) -> None:
    filler = "nothing to see here " * (WINDOW_CHARS // 20)
    core_end = WINDOW_CHARS - 2 * WINDOW_OVERLAP  # the first window's core ends here ...
    window_end = core_end + WINDOW_OVERLAP  # ... and the window itself here
    for at in (core_end - 10, core_end, window_end - 10, window_end - 1, window_end + 5):
        text = filler[:at] + " maria.lopez@example.com " + filler + filler
        found = [text[f.start:f.end] for f in detector.detect(text) if f.entity == "EMAIL"]
        assert found == ["maria.lopez@example.com"], at


def test_a_name_in_the_middle_of_a_long_text_is_redacted(detector: PiiDetector) -> None:
    """Every window is read: nothing in the middle of a long message goes untagged."""
    filler = "the parcel was late again and nobody wrote back to me about it. " * 400
    text = filler + "Please call Siobhan McGrath on +44 20 7946 0958. " + filler
    assert len(text) > 3 * WINDOW_CHARS
    found = {text[f.start:f.end] for f in detector.detect(text)}
    assert {"Siobhan McGrath", "+44 20 7946 0958"} <= found
