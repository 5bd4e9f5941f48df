"""Regex screening for personal data at the model boundary: exact spans, both ways."""

from __future__ import annotations

import pytest

from trustdesk.ai.llm.screening import find_personal_data, find_placeholders, leaked_items, mask


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail jane.doe+x@example.co.uk now", [("email", "jane.doe+x@example.co.uk")]),
        ("J.SMITH@Shop.EXAMPLE", [("email", "J.SMITH@Shop.EXAMPLE")]),
        ("call +44 20 7946 0958", [("phone", "+44 20 7946 0958")]),
        ("call (555) 123-4567 today", [("phone", "(555) 123-4567")]),
        ("mobile 07700 900123.", [("phone", "07700 900123")]),
        ("+1.555.123.4567", [("phone", "+1.555.123.4567")]),
        ("card 4111 1111 1111 1111 ok", [("card", "4111 1111 1111 1111")]),
        ("card 4111-1111-1111-1111", [("card", "4111-1111-1111-1111")]),
        ("amex 378282246310005", [("card", "378282246310005")]),
        ("a@b.io and 555-123-4567", [("email", "a@b.io"), ("phone", "555-123-4567")]),
    ],
)
def test_finds_personal_data(text: str, expected: list[tuple[str, str]]) -> None:
    hits = find_personal_data(text)
    assert [(h.kind, h.text) for h in hits] == expected
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "text",
    [
        "order LL-123456 arrived",
        "delivered on 2024-05-01 10:30",
        "it costs 1,299.00 or £12.50",
        "3 lamps and 2 rugs in 30 days",
        "postcode SW1A 1AA",
        "call <PHONE_1> or mail <EMAIL_1>",
        "version 2.14.4",
        "@handle and user@ without domain",
    ],
)
def test_ignores_ordinary_shop_text(text: str) -> None:
    assert find_personal_data(text) == ()


def test_placeholders_are_found() -> None:
    hits = find_placeholders("Hi <PERSON_1>, your <CARD_NUMBER_2> and <b>")
    assert [h.text for h in hits] == ["<PERSON_1>", "<CARD_NUMBER_2>"]


def test_leaks_exclude_what_the_sources_contain() -> None:
    output = "Mail help@shop.example or +44 20 7946 0958; hi <PERSON_1> and <PERSON_2>"
    sources = ["Contact help@shop.example or +44 (0)20 7946 0958.", "Hi <PERSON_1>"]
    assert [h.describe() for h in leaked_items(output, allowed_sources=sources)] == [
        "placeholder <PERSON_2>"
    ]


def test_mask_replaces_spans_and_keeps_the_rest() -> None:
    text = "write to a@b.io or call 555-123-4567."
    assert mask(text, find_personal_data(text)) == (
        "write to [REMOVED EMAIL] or call [REMOVED PHONE]."
    )
