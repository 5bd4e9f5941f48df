"""Normalisation before detection: the canonical text and the map back to the original."""

from __future__ import annotations

import pytest

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.normalise import normalise


def test_ascii_is_returned_as_is() -> None:
    norm = normalise("card 4111 1111 1111 1111")
    assert not norm.changed
    assert norm.span(5, 9) == (5, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("４１１１", "4111"),  # full-width digits
        ("41\u200b11", "4111"),  # zero-width space
        ("41\u00a011", "41 11"),  # no-break space
        ("41\u202f11", "41 11"),  # narrow no-break space
        ("a\u200eb", "ab"),  # left-to-right mark
        ("12\u201334", "12-34"),  # en dash
        ("e\u0301", "é"),  # combining accent composed
        ("\ufb01le", "file"),  # ligature split
        ("\ud800", "\ufffd"),  # lone surrogate
    ],
)
def test_canonical_form(text: str, expected: str) -> None:
    assert normalise(text).text == expected


def test_spans_map_back_to_the_original() -> None:
    text = "x ４\u200b１ y"
    norm = normalise(text)
    assert norm.text == "x 41 y"
    start, end = norm.span(2, 4)
    assert text[start:end] == "４\u200b１"


def test_one_to_many_maps_to_the_whole_source_character() -> None:
    text = "a\ufb01b"
    norm = normalise(text)
    assert norm.text == "afib"
    assert norm.span(1, 2) == (1, 2)
    assert norm.span(1, 3) == (1, 2)


def test_two_or_three_spaces_read_as_one_and_map_back() -> None:
    text = "Zoë lives at 12 Maple Ave Atlanta, GA  97222,   see    columns"
    norm = normalise(text)
    assert norm.text == "Zoë lives at 12 Maple Ave Atlanta, GA 97222, see    columns"
    start = norm.text.index("GA 97222")
    assert text[slice(*norm.span(start, start + len("GA 97222")))] == "GA  97222"


def test_a_double_spaced_address_is_found_whole(detector: PiiDetector) -> None:
    text = "We are moving to 4180 W 34th St, Austin, TX  78743 on 2026-04-21."
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("ADDRESS", "4180 W 34th St, Austin, TX  78743") in found
