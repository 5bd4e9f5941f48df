"""Read help-centre files (markdown, HTML, FAQ CSV, Zendesk/Intercom JSON) into Documents."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trustdesk.ai.kb.documents import VISIBILITIES, Document, Kind, Visibility
from trustdesk.ai.kb.errors import UnreadableDocumentError, UnsupportedFormatError
from trustdesk.ai.kb.help_centre_json import JSON_SUFFIXES, read_help_centre_json
from trustdesk.ai.kb.html_reader import parse_html

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CSV_SUFFIXES = frozenset({".csv"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES | JSON_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_FAQ_COLUMNS = ("question", "answer")
_MAX_SLUG = 60


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case, hyphen-separated id fragment."""
    slug = _SLUG_DROP.sub("-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "article"


def read_documents(path: Path) -> list[Document]:
    """Read one file; a FAQ CSV yields one Document per row."""
    reader = _reader_for(path)
    return reader(path, _read_raw(path))


def _read_raw(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocumentError(
            f"{path} is not valid UTF-8 text ({exc.reason}); save it as UTF-8 and ingest again."
        ) from exc
    except OSError as exc:
        raise UnreadableDocumentError(
            f"Cannot read {path}: {exc.strerror or exc}. Check the path and its permissions."
        ) from exc


def iter_article_files(root: Path) -> Iterator[Path]:
    """Supported files under a directory, in a stable order, skipping hidden ones."""
    for path in sorted(root.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        if not hidden and path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def _reader_for(path: Path) -> Callable[[Path, str], list[Document]]:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return _read_markdown
    if suffix in HTML_SUFFIXES:
        return _read_html
    if suffix in CSV_SUFFIXES:
        return _read_faq_csv
    if suffix in JSON_SUFFIXES:
        return lambda path, raw: read_help_centre_json(path, raw)[0]
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    raise UnsupportedFormatError(
        f"Cannot ingest {path}: '{suffix or 'no extension'}' files are not supported. "
        f"Convert it to one of {supported}."
    )


def _read_markdown(path: Path, raw: str) -> list[Document]:
    meta: dict[str, Any] = {}
    body = raw
    match = _FRONT_MATTER.match(raw)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise UnreadableDocumentError(
                f"The front matter of {path} is not valid YAML ({exc}). Fix it or remove it."
            ) from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise UnreadableDocumentError(
                f"The front matter of {path} must be key: value pairs (id, title, url, visibility)."
            )
        meta = loaded or {}
        body = raw[match.end() :]
    heading = _H1.search(body)
    default_title = heading.group(1).strip() if heading else None
    return [_document(path, meta, body.strip(), default_title)]


def _read_html(path: Path, raw: str) -> list[Document]:
    article = parse_html(raw)
    meta: dict[str, Any] = {
        key.removeprefix("trustdesk:"): value
        for key, value in article.meta.items()
        if key.startswith("trustdesk:")
    }
    if "url" not in meta and article.meta.get("canonical"):
        meta["url"] = article.meta["canonical"]
    heading = _H1.search(article.body)
    default_title = article.title or (heading.group(1).strip() if heading else None)
    return [_document(path, meta, article.body, default_title)]


def _read_faq_csv(path: Path, raw: str) -> list[Document]:
    return _read_faq_rows(path, raw).documents


@dataclass(frozen=True)
class Reading:
    """Documents read from some files, and what the reader had to decide on the way."""

    documents: list[Document]
    warnings: tuple[str, ...] = ()
    merged: int = 0  # identical rows (same question, answer and link) kept once


def _read_faq_rows(path: Path, raw: str) -> Reading:
    """One Document per FAQ row; identical rows merge, repeated questions get distinct ids."""
    rows = csv.DictReader(io.StringIO(raw, newline=""))
    columns = [name.strip().lower() for name in rows.fieldnames or ()]
    missing = [name for name in _FAQ_COLUMNS if name not in columns]
    if missing:
        raise UnreadableDocumentError(
            f"{path} is not a FAQ CSV: the header needs the columns question, answer "
            f"(and optionally link, id, visibility); missing {', '.join(missing)}."
        )
    documents: list[Document] = []
    warnings: list[str] = []
    seen_rows: set[tuple[str, str, str]] = set()
    first_line: dict[str, int] = {}
    taken: set[str] = set()
    merged = 0
    try:
        for line, row in enumerate(rows, start=2):
            cells = {
                (key or "").strip().lower(): value.strip()
                for key, value in row.items()
                if isinstance(value, str)
            }
            question, answer = cells.get("question", ""), cells.get("answer", "")
            if not question and not answer:
                continue
            if not question or not answer:
                raise UnreadableDocumentError(
                    f"{path}, line {line}: each FAQ row needs both a question and an answer."
                )
            url = cells.get("link") or cells.get("url") or ""
            key = (" ".join(question.split()).lower(), " ".join(answer.split()), url)
            if key in seen_rows and not cells.get("id"):
                merged += 1
                continue
            seen_rows.add(key)
            doc_id = cells.get("id") or _faq_id(path, question)
            if not cells.get("id") and doc_id in taken:
                base, n = doc_id, 2
                while f"{base}-{n}" in taken:
                    n += 1
                doc_id = f"{base}-{n}"
                warnings.append(
                    f"{path}, line {line}: the question of line {first_line[base]} again with "
                    f"another answer; kept both, this one as '{doc_id}'"
                )
            first_line.setdefault(doc_id, line)
            taken.add(doc_id)
            meta: dict[str, Any] = {
                "id": doc_id,
                "title": question,
                "url": url or None,
                "visibility": cells.get("visibility") or "public",
            }
            documents.append(_document(path, meta, answer, question, kind="faq"))
    except csv.Error as exc:
        raise UnreadableDocumentError(f"{path} is not valid CSV ({exc}); fix the file.") from exc
    if merged:
        warnings.append(f"{path}: {merged} rows repeated an earlier row exactly; kept once")
    return Reading(documents, tuple(warnings), merged)


def _faq_id(path: Path, question: str) -> str:
    """File stem plus the question's slug; a slug cut short gets a digest of the whole
    question, so long questions that start alike keep distinct ids."""
    slug = slugify(question, 10_000)
    if len(slug) > _MAX_SLUG:
        digest = hashlib.sha256(" ".join(question.split()).lower().encode()).hexdigest()[:8]
        slug = f"{slug[:_MAX_SLUG - 9].rstrip('-')}-{digest}"
    return f"{slugify(path.stem, 20)}-{slug}"


def _document(
    path: Path,
    meta: dict[str, Any],
    body: str,
    default_title: str | None,
    *,
    kind: Kind = "article",
) -> Document:
    doc_id = str(meta.get("id") or slugify(path.stem))
    visibility = _visibility(path, meta.get("visibility", "public"))
    title = str(meta.get("title") or default_title or doc_id.replace("-", " ").capitalize())
    url = meta.get("url")
    return Document(
        id=doc_id,
        title=title,
        body=body,
        url=str(url) if url else None,
        visibility=visibility,
        source=str(path),
        kind=kind,
    )


def _visibility(path: Path, value: object) -> Visibility:
    text = str(value).strip().lower()
    for visibility in VISIBILITIES:
        if text == visibility:
            return visibility
    raise UnreadableDocumentError(
        f"{path} declares visibility '{value}'; use 'public' or 'internal'."
    )


def read_paths(paths: Sequence[Path]) -> list[Document]:
    """Read files and directories (recursively) into Documents, in a stable order."""
    return read_sources(paths).documents


def read_sources(paths: Sequence[Path]) -> Reading:
    """Like read_paths, with the warnings and merges of the FAQ readers."""
    documents: list[Document] = []
    warnings: list[str] = []
    merged = 0
    for path in paths:
        if path.is_dir():
            files = list(iter_article_files(path))
        elif path.exists():
            files = [path]
        else:
            raise UnreadableDocumentError(f"{path} does not exist; check the path and try again.")
        for file in files:
            if file.suffix.lower() in CSV_SUFFIXES:
                reading = _read_faq_rows(file, _read_raw(file))
                documents.extend(reading.documents)
                warnings.extend(reading.warnings)
                merged += reading.merged
            elif file.suffix.lower() in JSON_SUFFIXES:
                found, notes = read_help_centre_json(file, _read_raw(file))
                documents.extend(found)
                warnings.extend(notes)
            else:
                documents.extend(read_documents(file))
    return Reading(documents, tuple(warnings), merged)
