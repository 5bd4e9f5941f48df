"""Help-centre JSON exports: Zendesk Guide and Intercom articles, as their APIs list them.

Zendesk Guide: the body of `GET /api/v2/help_center/{locale}/articles.json`, optionally with
sideloaded `sections` and `categories` (`?include=sections,categories`), or one article as
`{"article": {...}}`. Each article needs `id`, `title` and `body` (HTML); `html_url`,
`locale`, `section_id`, `draft` and `user_segment_id` are read when present. Pages of a
paginated export can be concatenated into one `articles` list.

Intercom: the body of `GET /articles` (`{"type": "list", "data": [...]}`). Each article needs
`id`, `title` and `body` (HTML, may be null for an empty draft); `url`, `state`,
`default_locale`, `parent_id` / `parent_type` and `translated_content` (one article per
extra locale) are read when present. Collection names, which Intercom lists separately
(`GET /help_center/collections`), are used when that list's `data` is put in the file under
`collections`.

Drafts (Zendesk `draft: true`, Intercom `state: "draft"`) are skipped and counted in a
warning. A Zendesk article restricted to a user segment (`user_segment_id` set) becomes an
`internal` article: agents see it, customers do not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from trustdesk.ai.kb.documents import Document, Visibility
from trustdesk.ai.kb.errors import UnreadableDocumentError
from trustdesk.ai.kb.html_reader import parse_html

JSON_SUFFIXES = frozenset({".json"})


@dataclass(frozen=True)
class HelpCentreArticle:
    """One published or draft article of an export, as the export states it."""

    platform: str  # zendesk or intercom
    article_id: str
    title: str
    body_html: str
    url: str | None
    locale: str | None
    section: str | None  # Zendesk section name; Intercom collection or section name
    category: str | None  # Zendesk category name (Intercom: None)
    draft: bool
    restricted: bool  # visible to a user segment only (Zendesk)

    @property
    def document_id(self) -> str:
        base = f"{self.platform}-{self.article_id}"
        return f"{base}-{self.locale.lower()}" if self.locale else base

    @property
    def visibility(self) -> Visibility:
        return "internal" if self.restricted else "public"


@dataclass(frozen=True)
class HelpCentreExport:
    articles: tuple[HelpCentreArticle, ...]

    def documents(self, path: Path) -> list[Document]:
        """The published articles as Documents (HTML turned into `#`-headed text)."""
        return [
            Document(
                id=a.document_id,
                title=a.title,
                body=parse_html(a.body_html).body,
                url=a.url,
                visibility=a.visibility,
                source=str(path),
            )
            for a in self.articles
            if not a.draft
        ]

    @property
    def drafts(self) -> int:
        return sum(a.draft for a in self.articles)


def parse_export(path: Path, raw: str) -> HelpCentreExport:
    """Parse a Zendesk or Intercom export; errors name the file and the field."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise UnreadableDocumentError(f"{path} is not valid JSON ({exc}); fix the file.") from exc
    if isinstance(data, dict) and ("articles" in data or "article" in data):
        return HelpCentreExport(tuple(_zendesk(path, data)))
    if isinstance(data, dict) and "data" in data:
        return HelpCentreExport(tuple(_intercom(path, data)))
    raise UnreadableDocumentError(
        f"{path} is not a help-centre export: expected a Zendesk object with 'articles' (or "
        "'article') or an Intercom list with 'data'."
    )


def read_help_centre_json(path: Path, raw: str) -> tuple[list[Document], tuple[str, ...]]:
    """Documents of an export and the reader's warnings (drafts skipped)."""
    export = parse_export(path, raw)
    warnings = (f"{path}: {export.drafts} draft articles skipped",) if export.drafts else ()
    return export.documents(path), warnings


# ---------------------------------------------------------------------------- Zendesk


def _zendesk(path: Path, data: Mapping[str, Any]) -> list[HelpCentreArticle]:
    if "articles" in data:
        items = _list(path, data, "articles")
        where = "articles"
    else:
        items = [_object(path, data["article"], "article")]
        where = "article"
    categories = {
        str(c["id"]): _text(path, c, "name", f"categories[{i}]")
        for i, c in enumerate(_objects(path, data, "categories"))
        if "id" in c
    }
    sections: dict[str, tuple[str, str | None]] = {}
    for i, s in enumerate(_objects(path, data, "sections")):
        if "id" in s:
            category = s.get("category_id")
            sections[str(s["id"])] = (
                _text(path, s, "name", f"sections[{i}]"),
                categories.get(str(category)) if category is not None else None,
            )
    out = []
    for i, item in enumerate(items):
        field = f"{where}[{i}]" if where == "articles" else where
        article = _object(path, item, field)
        section_id = article.get("section_id")
        section, category = sections.get(str(section_id), (None, None))
        draft = article.get("draft", False)
        if not isinstance(draft, bool):
            raise UnreadableDocumentError(f"{path}: {field}.draft must be true or false.")
        out.append(
            HelpCentreArticle(
                platform="zendesk",
                article_id=_identifier(path, article, field),
                title=_text(path, article, "title", field),
                body_html=_html(path, article, field),
                url=_optional_text(path, article, "html_url", field),
                locale=_optional_text(path, article, "locale", field),
                section=section,
                category=category,
                draft=draft,
                restricted=article.get("user_segment_id") is not None,
            )
        )
    return out


# ---------------------------------------------------------------------------- Intercom


def _intercom(path: Path, data: Mapping[str, Any]) -> list[HelpCentreArticle]:
    items = _list(path, data, "data")
    parents = {
        str(c["id"]): _text(path, c, "name", f"collections[{i}]")
        for i, c in enumerate(_objects(path, data, "collections"))
        if "id" in c
    }
    out = []
    for i, item in enumerate(items):
        field = f"data[{i}]"
        article = _object(path, item, field)
        if article.get("type", "article") != "article":
            continue  # a list may hold other objects; only articles are read
        article_id = _identifier(path, article, field)
        parent = article.get("parent_id")
        section = parents.get(str(parent)) if parent is not None else None
        locale = _optional_text(path, article, "default_locale", field)
        out.append(_intercom_article(path, article, field, article_id, locale, section))
        translated = article.get("translated_content")
        if translated is None:
            continue
        contents = _object(path, translated, f"{field}.translated_content")
        for language in sorted(contents):
            content = contents[language]
            if language == "type" or content is None or language == locale:
                continue
            where = f"{field}.translated_content.{language}"
            out.append(_intercom_article(
                path, _object(path, content, where), where, article_id, language, section
            ))
    return out


def _intercom_article(
    path: Path,
    article: Mapping[str, Any],
    field: str,
    article_id: str,
    locale: str | None,
    section: str | None,
) -> HelpCentreArticle:
    state = article.get("state", "published")
    if state not in ("published", "draft"):
        raise UnreadableDocumentError(f"{path}: {field}.state must be 'published' or 'draft'.")
    return HelpCentreArticle(
        platform="intercom",
        article_id=article_id,
        title=_text(path, article, "title", field),
        body_html=_html(path, article, field),
        url=_optional_text(path, article, "url", field),
        locale=locale,
        section=section,
        category=None,
        draft=state == "draft",
        restricted=False,
    )


# ---------------------------------------------------------------------------- fields


def _object(path: Path, value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise UnreadableDocumentError(f"{path}: {field} must be a JSON object.")
    return value


def _list(path: Path, data: Mapping[str, Any], field: str) -> Sequence[object]:
    value = data.get(field)
    if not isinstance(value, list):
        raise UnreadableDocumentError(f"{path}: {field} must be a JSON list of articles.")
    return value


def _objects(path: Path, data: Mapping[str, Any], field: str) -> list[Mapping[str, Any]]:
    if data.get(field) is None:
        return []
    value = data[field]
    if not isinstance(value, list):
        raise UnreadableDocumentError(f"{path}: {field} must be a JSON list.")
    return [_object(path, v, f"{field}[{i}]") for i, v in enumerate(value)]


def _identifier(path: Path, article: Mapping[str, Any], field: str) -> str:
    value = article.get("id")
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip():
        raise UnreadableDocumentError(
            f"{path}: {field}.id is missing; each article needs its platform id (a number)."
        )
    return str(value).strip()


def _text(path: Path, item: Mapping[str, Any], name: str, field: str) -> str:
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise UnreadableDocumentError(
            f"{path}: {field}.{name} is missing or empty; it must be a non-empty string."
        )
    return value.strip()


def _optional_text(path: Path, item: Mapping[str, Any], name: str, field: str) -> str | None:
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UnreadableDocumentError(f"{path}: {field}.{name} must be a string.")
    return value.strip() or None


def _html(path: Path, article: Mapping[str, Any], field: str) -> str:
    value = article.get("body")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise UnreadableDocumentError(f"{path}: {field}.body must be an HTML string.")
    return value
