"""The knowledge-base passages a generated reply may draw on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourcePassage:
    """A retrieved knowledge-base passage, numbered [1], [2], ... in the prompt."""

    article_id: str
    title: str
    heading: str
    text: str
    url: str | None = None
