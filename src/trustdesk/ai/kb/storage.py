"""Versioned on-disk knowledge base: <kb_dir>/<version>/kb.json plus a CURRENT pointer."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from trustdesk.ai.kb.chunking import DEFAULT_MAX_CHARS, chunk_document
from trustdesk.ai.kb.documents import VISIBILITIES, Chunk, Document, knowledge_base_version
from trustdesk.ai.kb.errors import (
    CorruptKnowledgeBaseError,
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    KnowledgeBaseNotFoundError,
)
from trustdesk.ai.kb.readers import read_sources

FORMAT = 1
CURRENT = "CURRENT"
KB_FILE = "kb.json"


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored in one version, with its chunks."""

    id: str
    title: str
    url: str | None
    visibility: str
    source: str | None
    content_hash: str
    body: str
    chunks: tuple[Chunk, ...]


@dataclass(frozen=True)
class StoredKnowledgeBase:
    """One stored version of the knowledge base."""

    version: str
    created_at: str
    chunking: str
    articles: tuple[StoredArticle, ...]

    def chunks(self) -> list[Chunk]:
        """All chunks of all articles, in article order."""
        return [chunk for article in self.articles for chunk in article.chunks]


@dataclass(frozen=True)
class IngestReport:
    """What an ingest changed; `version` is the CURRENT version afterwards."""

    version: str
    previous_version: str | None
    changed: bool
    added: tuple[str, ...] = field(default_factory=tuple)
    updated: tuple[str, ...] = field(default_factory=tuple)
    removed: tuple[str, ...] = field(default_factory=tuple)
    unchanged: tuple[str, ...] = field(default_factory=tuple)
    articles: int = 0
    chunks: int = 0
    faq_entries: int = 0
    merged: int = 0  # identical rows or files kept once
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def ingest(
    paths: Sequence[Path], kb_dir: Path, *, max_chars: int = DEFAULT_MAX_CHARS
) -> IngestReport:
    """Read articles from files and directories and store them as the CURRENT KB version.

    Unchanged articles (same content hash) keep their stored chunks, changed ones are
    re-chunked, and articles no longer found are dropped. If nothing changed, the
    version stays the same and nothing is written.
    """
    reading = read_sources(paths)
    warnings = list(reading.warnings)
    merged = reading.merged
    by_id: dict[str, Document] = {}
    for doc in reading.documents:
        if doc.id in by_id and by_id[doc.id].content_hash == doc.content_hash:
            merged += 1
            warnings.append(f"'{doc.source}' repeats '{by_id[doc.id].source}' exactly; kept once")
            continue
        if doc.id in by_id:
            raise DuplicateDocumentError(
                f"'{doc.source}' and '{by_id[doc.id].source}' both have the article id "
                f"'{doc.id}'; give one of them another id (front matter `id:` or file name)."
            )
        by_id[doc.id] = doc
    if not by_id:
        shown = ", ".join(str(path) for path in paths)
        raise EmptyKnowledgeBaseError(
            f"No articles found in {shown}; add .md, .html or .csv (FAQ) files and ingest again."
        )
    previous = _read_optional(kb_dir)
    chunking = f"max_chars={max_chars}"
    old = {a.id: a for a in previous.articles} if previous and previous.chunking == chunking else {}
    articles = []
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for doc in by_id.values():
        kept = old.get(doc.id)
        if kept is not None and kept.content_hash == doc.content_hash:
            unchanged.append(doc.id)
            articles.append(kept)
            continue
        (updated if doc.id in old or _in(previous, doc.id) else added).append(doc.id)
        articles.append(_article(doc, chunk_document(doc, max_chars)))
    removed = sorted({a.id for a in previous.articles} - by_id.keys()) if previous else []
    chunk_count = sum(len(article.chunks) for article in articles)
    if chunk_count == 0:
        raise EmptyKnowledgeBaseError(
            "The articles found contain no text to answer from; add content and ingest again."
        )
    version = knowledge_base_version({a.id: a.content_hash for a in articles}, chunking)
    previous_version = previous.version if previous else None
    if version != previous_version:
        _write(kb_dir, StoredKnowledgeBase(version, _now(), chunking, tuple(articles)))
    return IngestReport(
        version=version,
        previous_version=previous_version,
        changed=version != previous_version,
        added=tuple(added),
        updated=tuple(updated),
        removed=tuple(removed),
        unchanged=tuple(unchanged),
        articles=len(articles),
        chunks=chunk_count,
        faq_entries=sum(doc.kind == "faq" for doc in by_id.values()),
        merged=merged,
        warnings=tuple(warnings),
    )


def read_current(kb_dir: Path) -> StoredKnowledgeBase:
    """The CURRENT version under `kb_dir`."""
    stored = _read_optional(kb_dir)
    if stored is None:
        raise KnowledgeBaseNotFoundError(
            f"No knowledge base in {kb_dir}. "
            f"Run `trustdesk kb ingest PATH --kb-dir {kb_dir}` first."
        )
    return stored


def _in(previous: StoredKnowledgeBase | None, article_id: str) -> bool:
    return previous is not None and any(a.id == article_id for a in previous.articles)


def _article(doc: Document, chunks: list[Chunk]) -> StoredArticle:
    return StoredArticle(
        id=doc.id,
        title=doc.title,
        url=doc.url,
        visibility=doc.visibility,
        source=doc.source,
        content_hash=doc.content_hash,
        body=doc.body,
        chunks=tuple(chunks),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _read_optional(kb_dir: Path) -> StoredKnowledgeBase | None:
    pointer = kb_dir / CURRENT
    try:
        version = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptKnowledgeBaseError(f"Cannot read {pointer}: {exc}.") from exc
    path = kb_dir / version / KB_FILE
    try:
        data = orjson.loads(path.read_bytes())
        return _decode(data)
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise CorruptKnowledgeBaseError(
            f"The knowledge base version '{version}' in {kb_dir} cannot be loaded ({exc}). "
            "Ingest the articles again to rebuild it."
        ) from exc


def _decode(data: dict[str, Any]) -> StoredKnowledgeBase:
    if data.get("format") != FORMAT:
        raise ValueError(f"unsupported format {data.get('format')!r}, expected {FORMAT}")
    articles = []
    for raw in data["articles"]:
        if raw["visibility"] not in VISIBILITIES:
            raise ValueError(f"article {raw['id']!r} has visibility {raw['visibility']!r}")
        chunks = tuple(Chunk(**chunk) for chunk in raw["chunks"])
        articles.append(StoredArticle(**{**raw, "chunks": chunks}))
    return StoredKnowledgeBase(
        version=data["version"],
        created_at=data["created_at"],
        chunking=data["chunking"],
        articles=tuple(articles),
    )


def _write(kb_dir: Path, stored: StoredKnowledgeBase) -> None:
    """Write the version directory first, then swap CURRENT, so readers never see half a KB."""
    kb_dir.mkdir(parents=True, exist_ok=True)
    target = kb_dir / stored.version
    if not (target / KB_FILE).exists():
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=kb_dir))
        try:
            payload = {"format": FORMAT, **asdict(stored)}
            (staging / KB_FILE).write_bytes(orjson.dumps(payload, option=orjson.OPT_INDENT_2))
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    pointer = kb_dir / f".{CURRENT}.tmp"
    pointer.write_text(stored.version + "\n", encoding="utf-8")
    os.replace(pointer, kb_dir / CURRENT)
