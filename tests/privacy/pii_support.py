"""What the PII tables share: exact expected spans from the values they name, and the
hostile inputs the work-count tests and bench/pii_hostile.py both use."""

from __future__ import annotations

from collections.abc import Callable

# Each input built to be expensive, as a function of its length n.
HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "7" * n,
    "a@": lambda n: "a@" * (n // 2),
    "capitalised words": lambda n: "Ab Cd Ef Maria Garcia " * (n // 22),
    "separators": lambda n: "-./:,;|_ " * (n // 9),
    "nested quotes": lambda n: (">" * 200 + " Maria Garcia\n") * (n // 214),
    "quote runs": lambda n: ">" * n,
    "zero-width runs": lambda n: ("\u200b" * 500 + "4111 1111 1111 1111 ") * (n // 520),
    "digit groups": lambda n: "12 34 56 " * (n // 9),
    "street soup": lambda n: "12 Elm Street, " * (n // 15),
}


def spans(text: str, *values: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Exact expected spans: each value is located in the text (first occurrence)."""
    out = []
    for value, entity in values:
        start = text.index(value)
        out.append((start, start + len(value), entity))
    return sorted(out)
