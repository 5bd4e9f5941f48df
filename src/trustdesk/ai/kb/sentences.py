"""Sentence boundaries as character spans, so quotes stay verbatim slices of the source."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9£$€])")
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "approx", "no", "mr", "mrs", "ms", "dr", "st", "vs"}
)

Span = tuple[int, int]


def sentence_spans(text: str) -> list[Span]:
    """Spans of sentences; each line is split at sentence ends, list markers left out."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        marker = _LIST_MARKER.match(text, start, end)
        if marker:
            start = marker.end()
        spans.extend(_split_line(text, start, end))
    return spans


def _split_line(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        word = text[cursor : match.start()].rsplit(maxsplit=1)[-1:] or [""]
        if word[0].lower().rstrip(".") in _ABBREVIATIONS:
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span is not None]


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
