"""Recall rules added after the first independent-dev reading, with exact spans on the real
detector (invented examples of the same shapes; none is a line of the evaluation sets)."""

from __future__ import annotations

import pytest

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.recognizers.context import ContextFirstRecognizer, _first_words


def spans(text: str, *values: tuple[str, str]) -> set[tuple[int, int, str]]:
    out = set()
    for value, entity in values:
        start = text.index(value)
        out.add((start, start + len(value), entity))
    return out


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a cue spelled with a character class is looked up by its real words
    ("licence alone", "Co-driver: Aino Lehto, licence W40218876.",
     [("W40218876", "DRIVER_LICENSE")]),
    # cue words with one letter wrong, for values that hold digits
    ("dropped letter", "pasport - hb4409127", [("hb4409127", "PASSPORT")]),
    ("doubled letter", "My passsport number is M7730214 thanks", [("M7730214", "PASSPORT")]),
    ("swapped letters", "my driver's lciense is 771 204 993 (exp soon)",
     [("771 204 993", "DRIVER_LICENSE")]),
    # several documents after one cue
    ("listed in brackets", "We will show passports (P3301874 and P7710265) at check-in.",
     [("P3301874", "PASSPORT"), ("P7710265", "PASSPORT")]),
    ("listed after names", "Guests' passports: Lena Ruud 55120983, Ola Nilsen 66410277.",
     [("55120983", "PASSPORT"), ("66410277", "PASSPORT")]),
    # postcodes
    ("postcode area", "how much is delivery to the 79312 area?", [("79312", "POSTCODE")]),
    ("postcode stated later", "the postcode on my account is out of date, it's 44190.",
     [("44190", "POSTCODE")]),
    ("postcode answered in a chat", "[9 AM] Agent: and your postcode?\n[9 AM] Customer: 6811 CD",
     [("6811 CD", "POSTCODE")]),
    ("lower-case Dutch postcode", "leveren jullie ook in 7511 kb? bedankt",
     [("7511 kb", "POSTCODE")]),
    # a name that goes on after an initial
    ("initial then family name", "Booking for Kaisa M. Lindqvist next week.",
     [("Kaisa M. Lindqvist", "PERSON")]),
    # addresses: a unit line before the street, an Italian province after the town
    ("unit lines before the street",
     "Livraison: Appartement 12, Bât. D, 8 rue des Tanneurs, 31000 Toulouse",
     [("Appartement 12, Bât. D, 8 rue des Tanneurs, 31000 Toulouse", "ADDRESS")]),
    ("province after the town", "spedite a Via Garibaldi 41, 10122 Torino (TO) grazie",
     [("Via Garibaldi 41, 10122 Torino (TO)", "ADDRESS")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES],
                         ids=[k for k, _, _ in CASES])
def test_recall_rule(detector: PiiDetector, text: str, expected: list[tuple[str, str]]) -> None:
    found = {(f.start, f.end, f.entity) for f in detector.detect(text)}
    assert spans(text, *expected) <= found


NOT_THESE: list[tuple[str, str, str]] = [
    # a number after another thing's word in a passport sentence is that thing's
    ("booking number", "I will bring my passport, booking 48213377 is under my name", "PASSPORT"),
    # a one-letter-off word for a free-text value is no cue ("handled" is not "handle")
    ("typo only for digit values", "this was handled the same day", "USERNAME"),
    # Dutch letters that spell a short word are not part of a postcode
    ("not a postcode word", "can you deliver to 1012 in the morning?", "POSTCODE"),
    # "area code" is a phone's
    ("area code", "the 0207 area code is London", "POSTCODE"),
]


@pytest.mark.parametrize(("text", "entity"), [(t, e) for _, t, e in NOT_THESE],
                         ids=[k for k, _, _ in NOT_THESE])
def test_not_redacted_as(detector: PiiDetector, text: str, entity: str) -> None:
    values = [text[f.start : f.end] for f in detector.detect(text) if f.entity == entity]
    if entity == "POSTCODE":
        assert all(v.isdigit() for v in values), values  # never "1012 in"
        assert "0207" not in values
    else:
        assert values == []


def test_first_words_spell_out_classes() -> None:
    assert {"licence", "license"} <= set(_first_words(r"licen[cs]e|driving licen[cs]e"))
    assert "licen" not in _first_words(r"licen[cs]e")


def test_typo_cues_are_one_edit_away() -> None:
    rec = ContextFirstRecognizer()
    assert rec._typo_cue("pasport") == "passport"
    assert rec._typo_cue("passsport") == "passport"
    assert rec._typo_cue("lciense") == "license"
    assert rec._typo_cue("pizzeria") is None
    assert rec._typo_cue("handled") is None  # usernames keep exact cues


def test_typo_reason_names_both_words(detector: PiiDetector) -> None:
    (finding,) = [f for f in detector.detect("pasport - hb4409127") if f.entity == "PASSPORT"]
    assert finding.reason == "redacted on context 'pasport' (read as 'passport')"
