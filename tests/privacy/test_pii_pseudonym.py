"""Pseudonym consistency, redaction and the restore round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.privacy.pii import (
    Finding,
    PiiDetector,
    PseudonymTable,
    PseudonymTableError,
    RedactionError,
    redact,
)


def test_same_value_same_placeholder_counting_per_entity() -> None:
    table = PseudonymTable()
    assert table.placeholder_for("EMAIL", "a@example.com") == "<EMAIL_1>"
    assert table.placeholder_for("PERSON", "Ana Diaz") == "<PERSON_1>"
    assert table.placeholder_for("EMAIL", "b@example.com") == "<EMAIL_2>"
    assert table.placeholder_for("EMAIL", "A@Example.com") == "<EMAIL_1>"
    assert table.placeholder_for("PERSON", "ana  diaz") == "<PERSON_1>"
    assert table.placeholder_for("PHONE", "a@example.com") == "<PHONE_1>"


def test_consistent_across_messages_of_a_conversation(detector: PiiDetector) -> None:
    table = PseudonymTable()
    first = "my name is Tunde Bakare, email tunde@example.com"
    second = "Tunde Bakare again: did you get my mail at tunde@example.com? Or try jo@example.org"
    one = redact(first, detector.detect(first), table).text
    two = redact(second, detector.detect(second), table).text
    assert one == "my name is <PERSON_1>, email <EMAIL_1>"
    assert two == "<PERSON_1> again: did you get my mail at <EMAIL_1>? Or try <EMAIL_2>"


def test_round_trip_through_json(detector: PiiDetector) -> None:
    text = "Regards,\nAdaeze Nwosu\n+44 20 7946 0958\nadaeze@example.com"
    table = PseudonymTable()
    redaction = redact(text, detector.detect(text), table)
    assert "Adaeze" not in redaction.text
    restored = PseudonymTable.from_json(table.to_json())
    assert restored.restore(redaction.text) == text
    assert restored.placeholder_for("EMAIL", "new@example.com") == "<EMAIL_2>"
    assert len(restored) == len(table) + 1


def test_restore_leaves_unknown_placeholders() -> None:
    table = PseudonymTable()
    table.placeholder_for("EMAIL", "a@example.com")
    assert table.restore("<EMAIL_1> <EMAIL_2> <b>") == "a@example.com <EMAIL_2> <b>"


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[]", b'{"version": 99, "entries": []}',
     b'{"version": 1, "entries": [{"entity": "EMAIL"}]}',
     b'{"version": 1, "entries": [{"entity": "EMAIL", "value": "x", "placeholder": "<PHONE_1>"}]}'],
)
def test_from_json_rejects_corrupt_tables(data: bytes) -> None:
    with pytest.raises(PseudonymTableError):
        PseudonymTable.from_json(data)


def test_redact_rejects_overlapping_or_out_of_range_findings() -> None:
    table = PseudonymTable()
    with pytest.raises(RedactionError, match="overlaps"):
        redact("abcdef", [Finding(0, 3, "X", 1, "T"), Finding(2, 4, "X", 1, "T")], table)
    with pytest.raises(RedactionError):
        redact("abc", [Finding(1, 9, "X", 1, "T")], table)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_redact_restore_round_trip_on_any_text(text: str) -> None:
    detector = PiiDetector()
    table = PseudonymTable()
    redaction = redact(text, detector.detect(text), table)
    # Text that already holds placeholder-looking tokens is outside this property.
    if "<" not in text:
        assert table.restore(redaction.text) == text
