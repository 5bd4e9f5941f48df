"""What the PII tables share: exact expected spans from the values they name."""

from __future__ import annotations


def spans(text: str, *values: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Exact expected spans: each value is located in the text (first occurrence)."""
    out = []
    for value, entity in values:
        start = text.index(value)
        out.append((start, start + len(value), entity))
    return sorted(out)
