"""The engine: thresholds, overlap resolution, placeholders, languages, registry."""

from __future__ import annotations

import itertools

import pytest

from trustdesk.privacy.pii import (
    Finding,
    Pattern,
    PatternRecognizer,
    PiiDetector,
    PseudonymTable,
    UnsupportedLanguageError,
    redact,
    resolve_overlaps,
)
from trustdesk.privacy.pii.registry import UnknownRecognizerError


def f(start: int, end: int, score: float, entity: str = "X") -> Finding:
    return Finding(start, end, entity, score, "Test")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ([f(0, 5, 0.9), f(3, 8, 0.8)], [(0, 5)]),
        ([f(0, 5, 0.7), f(3, 8, 0.8)], [(3, 8)]),
        ([f(0, 5, 0.8), f(0, 9, 0.8)], [(0, 9)]),  # same score: the longer span wins
        ([f(0, 3, 0.6), f(4, 6, 0.6), f(2, 5, 0.9)], [(2, 5)]),
        ([f(6, 8, 0.5), f(0, 2, 0.5), f(3, 5, 0.5)], [(0, 2), (3, 5), (6, 8)]),
        ([f(0, 3, 0.5), f(3, 6, 0.5)], [(0, 3), (3, 6)]),  # touching is not overlapping
    ],
)
def test_resolve_overlaps(given: list[Finding], kept: list[tuple[int, int]]) -> None:
    assert [(x.start, x.end) for x in resolve_overlaps(given)] == kept


class _Weak(PatternRecognizer):
    ENTITY = "WEAK"
    PATTERNS = (Pattern("weak", r"\bweak\b", 0.3),)
    CONTEXT = ("boost",)


def test_min_score_filters_and_context_lifts() -> None:
    detector = PiiDetector([_Weak()])
    assert detector.detect("weak") == []
    assert [x.context_word for x in detector.detect("boost weak")] == ["boost"]
    assert len(PiiDetector([_Weak()], min_score=0.2).detect("weak")) == 1


def test_redacted_text_is_not_detected_again(detector: PiiDetector) -> None:
    text = "Hi, my name is Maria Garcia, email maria@example.com, call +44 20 7946 0958."
    once = redact(text, detector.detect(text), PseudonymTable()).text
    assert once == "Hi, my name is <PERSON_1>, email <EMAIL_1>, call <PHONE_1>."
    assert detector.detect(once) == []
    assert detector.detect("<EMAIL_1> and <NATIONAL_ID_12> and <ORDER_NUMBER_3>") == []


def test_languages_select_recognisers() -> None:
    english = PiiDetector(languages=("en",))
    assert "EsDniRecognizer" not in english.registry.names()
    # Without a context word only the Spanish recogniser knows the DNI's shape.
    assert english.detect("ref 12345678Z") == []
    assert [x.entity for x in PiiDetector(languages=("es",)).detect("ref 12345678Z")] == [
        "NATIONAL_ID"
    ]


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"choose from \['en', 'es', 'fr', 'de'\]"):
        PiiDetector(languages=("xx",))


def test_min_score_out_of_range() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        PiiDetector(min_score=2)


def test_registry_remove(detector: PiiDetector) -> None:
    local = PiiDetector(tagger=False)  # rules only: the learned tagger also finds names
    local.registry.remove("PersonRecognizer")
    assert local.detect("Regards,\nChinedu Okafor") == []
    with pytest.raises(UnknownRecognizerError):
        local.registry.remove("PersonRecognizer")
    assert "PERSON" in detector.registry.entities()


def test_findings_are_sorted_and_disjoint(detector: PiiDetector) -> None:
    text = (
        "Mr Tunde Bakare, tunde@example.com, +1 212 555 0199, 4111111111111111, "
        "SSN 536-90-4399, 42 Elm Street, Springfield, IL 62704, born 01/02/1980"
    )
    found = detector.detect(text)
    assert [x.entity for x in found] == [
        "PERSON", "EMAIL", "PHONE", "CARD", "NATIONAL_ID", "ADDRESS", "DATE_OF_BIRTH",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_empty_and_whitespace(detector: PiiDetector) -> None:
    assert detector.detect("") == []
    assert detector.detect(" \n\t ") == []
