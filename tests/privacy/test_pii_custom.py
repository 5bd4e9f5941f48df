"""Deployer-defined patterns from YAML."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from trustdesk.privacy.pii import CustomPatternError, PiiDetector, load_custom_patterns

EXAMPLE = Path(str(resources.files("trustdesk.privacy.pii.data") / "custom_patterns.example.yaml"))


def test_example_file_flags_lumen_order_numbers() -> None:
    detector = PiiDetector(custom_patterns=EXAMPLE)
    text = "Order LL-123456 and ref XLL-1234567 and LL-12345"
    found = detector.detect(text)
    assert [(text[x.start : x.end], x.entity) for x in found] == [("LL-123456", "ORDER_NUMBER")]
    assert found[0].recognizer == "CustomPatternRecognizer[lumen-loom-order]"
    assert found[0].context_word == "order"


def test_context_words_lift_a_low_score_custom_pattern() -> None:
    detector = PiiDetector(custom_patterns=EXAMPLE)
    assert detector.detect("code LR12345678") == []
    (found,) = detector.detect("my Loom Rewards member id LR12345678")
    assert (found.entity, found.context_word) == ("LOYALTY_ACCOUNT", "member")


def test_order_numbers_are_not_phones_by_default(detector: PiiDetector) -> None:
    assert detector.detect("orders LL-123456, LL-654321 and LL-100200") == []


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "patterns.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("patterns: nope", "top-level 'patterns:' list"),
        ("[unclosed", "not valid YAML"),
        ("patterns:\n  - entity: order\n    regex: 'x'", "upper-case name"),
        ("patterns:\n  - entity: ORDER\n    regex: '('", "does not compile"),
        ("patterns:\n  - entity: ORDER\n    regex: 'a*'", "matches the empty string"),
        ("patterns:\n  - entity: ORDER\n    regex: 'a'\n    score: 3", "between 0 and 1"),
        ("patterns:\n  - entity: ORDER\n    regex: 'a'\n    context: word", "list of words"),
        ("patterns:\n  - just a string", "must be a mapping"),
    ],
)
def test_bad_files_say_what_to_fix(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(CustomPatternError, match=message):
        load_custom_patterns(_write(tmp_path, body))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CustomPatternError, match="cannot read"):
        PiiDetector(custom_patterns=tmp_path / "absent.yaml")
