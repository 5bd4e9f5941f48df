"""Chunks keep their heading path, stay verbatim and respect the size bound."""

from __future__ import annotations

import pytest

from trustdesk.ai.kb import Document
from trustdesk.ai.kb.chunking import chunk_document
from trustdesk.ai.kb.sentences import sentence_spans

BODY = """# Returns

Intro before any sub-heading.

## Refunds

### Refund timing

Refunds take 5 days.

## Labels

Print the label.
"""


def test_chunks_keep_the_heading_path() -> None:
    chunks = chunk_document(Document(id="returns", title="Returns", body=BODY))
    assert [(c.chunk_id, c.heading, c.text) for c in chunks] == [
        ("returns#0", "Returns", "Intro before any sub-heading."),
        ("returns#1", "Returns > Refunds > Refund timing", "Refunds take 5 days."),
        ("returns#2", "Returns > Labels", "Print the label."),
    ]


def test_title_is_prefixed_when_the_body_has_no_top_heading() -> None:
    chunks = chunk_document(Document(id="x", title="Gift cards", body="## Expiry\n\nFive years."))
    assert [c.heading for c in chunks] == ["Gift cards > Expiry"]


def test_long_sections_are_split_by_paragraph_under_the_bound() -> None:
    paragraphs = [f"Paragraph {n} says something useful about parcels." * 3 for n in range(12)]
    body = "# Long\n\n" + "\n\n".join(paragraphs)
    chunks = chunk_document(Document(id="long", title="Long", body=body), max_chars=400)
    assert len(chunks) > 3
    assert all(len(c.text) <= 400 for c in chunks)
    assert all(c.heading == "Long" for c in chunks)
    assert all(c.text in body for c in chunks)
    assert "".join(c.text for c in chunks).replace("\n", "") == "".join(paragraphs)


def test_one_huge_paragraph_is_split_by_sentence() -> None:
    paragraph = " ".join(f"Sentence number {n} is here." for n in range(80))
    doc = Document(id="wall", title="Wall", body=paragraph)
    chunks = chunk_document(doc, max_chars=300)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 and c.text in paragraph for c in chunks)
    assert all(c.text.endswith("here.") for c in chunks)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Costs $6.95 in the US. Free over $75.", ["Costs $6.95 in the US.", "Free over $75."]),
        ("Use e.g. LED bulbs. They stay cool.", ["Use e.g. LED bulbs.", "They stay cool."]),
        ("- First item\n- Second item", ["First item", "Second item"]),
        ("1. Sign in\n2. Open Orders", ["Sign in", "Open Orders"]),
        ("Order LL-123456 shipped. it is late.", ["Order LL-123456 shipped. it is late."]),
        ("", []),
    ],
)
def test_sentence_spans(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in sentence_spans(text)] == sentences
