"""Cut articles into passages by heading, keeping the heading path with each passage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from trustdesk.ai.kb.documents import Chunk, Document
from trustdesk.ai.kb.sentences import Span, sentence_spans

DEFAULT_MAX_CHARS = 900
HEADING_SEPARATOR = " > "
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Section:
    """Text under one heading path, as a span of the article body."""

    path: tuple[str, ...]
    start: int
    end: int


def sections(document: Document) -> list[Section]:
    """Sections of the body in order; text before the first heading sits under the title."""
    body = document.body
    found: list[Section] = []
    stack: list[tuple[int, str]] = []
    cursor = 0
    for match in _HEADING.finditer(body):
        found.append(Section(_path(document.title, stack), cursor, match.start()))
        level = len(match.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, match.group(2).strip()))
        cursor = match.end()
    found.append(Section(_path(document.title, stack), cursor, len(body)))
    return [section for section in found if body[section.start : section.end].strip()]


def chunk_document(document: Document, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """Passages of at most about `max_chars`, each a verbatim slice of the body."""
    chunks: list[Chunk] = []
    for section in sections(document):
        for start, end in _bounded_spans(document.body, section.start, section.end, max_chars):
            chunks.append(
                Chunk(
                    chunk_id=f"{document.id}#{len(chunks)}",
                    article_id=document.id,
                    title=document.title,
                    heading=HEADING_SEPARATOR.join(section.path),
                    text=document.body[start:end],
                    url=document.url,
                    visibility=document.visibility,
                    kind=document.kind,
                )
            )
    return chunks


def _path(title: str, stack: list[tuple[int, str]]) -> tuple[str, ...]:
    headings = tuple(text for _, text in stack)
    return headings if headings and headings[0] == title else (title, *headings)


def _bounded_spans(body: str, start: int, end: int, max_chars: int) -> Iterator[Span]:
    """Group paragraphs (or, for one long paragraph, sentences) into spans under the bound."""
    pieces: list[Span] = []
    for paragraph in _paragraph_spans(body, start, end):
        if paragraph[1] - paragraph[0] <= max_chars:
            pieces.append(paragraph)
        else:
            text = body[paragraph[0] : paragraph[1]]
            pieces.extend((paragraph[0] + s, paragraph[0] + e) for s, e in sentence_spans(text))
    group: Span | None = None
    for piece in pieces:
        if group is None:
            group = piece
        elif piece[1] - group[0] <= max_chars:
            group = (group[0], piece[1])
        else:
            yield group
            group = piece
    if group is not None:
        yield group


def _paragraph_spans(body: str, start: int, end: int) -> Iterator[Span]:
    cursor = start
    for match in _PARAGRAPH_BREAK.finditer(body, start, end):
        span = _strip(body, cursor, match.start())
        if span:
            yield span
        cursor = match.end()
    span = _strip(body, cursor, end)
    if span:
        yield span


def _strip(body: str, start: int, end: int) -> Span | None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
