"""Turn an HTML article into a markdown-style body with the standard-library parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "noscript", "template", "svg"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "br", "tr", "table", "ul", "ol", "dl", "dt",
     "dd", "blockquote", "pre", "figure", "figcaption", "aside", "hr"}
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_SPACES = re.compile(r"[ \t\r\f\v\n]+")


@dataclass
class HtmlArticle:
    """What the parser found: body text plus the metadata the page declares."""

    body: str
    title: str | None
    meta: dict[str, str] = field(default_factory=dict)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self._current: list[str] = []
        self._prefix = ""
        self._skip_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and "name" in values:
            self.meta[values["name"].lower()] = values.get("content", "")
        elif tag == "link" and values.get("rel", "").lower() == "canonical":
            self.meta.setdefault("canonical", values.get("href", ""))
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _HEADINGS:
            self._flush()
            self._prefix = "#" * _HEADINGS[tag] + " "
        elif tag == "li":
            self._flush()
            self._prefix = "- "
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            self.title = _SPACES.sub(" ", "".join(self._title_parts)).strip() or None
        elif tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        elif self._skip_depth == 0:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.blocks.append(self._prefix + text)
        self._current = []
        self._prefix = ""


def parse_html(markup: str) -> HtmlArticle:
    """Strip tags, keep headings as `#` lines and paragraphs as blank-line separated blocks."""
    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    return HtmlArticle(body="\n\n".join(parser.blocks), title=parser.title, meta=parser.meta)
