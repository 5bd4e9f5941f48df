"""Articles as ingested, and the chunks retrieval works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

Visibility = Literal["public", "internal"]
VISIBILITIES: tuple[Visibility, ...] = ("public", "internal")
# A FAQ entry's title is its question and its body the answer; an article has headings.
Kind = Literal["article", "faq"]
KINDS: tuple[Kind, ...] = ("article", "faq")


@dataclass(frozen=True)
class Document:
    """One help-centre article: markdown-style body with `#` headings."""

    id: str
    title: str
    body: str
    url: str | None = None
    visibility: Visibility = "public"
    source: str | None = None
    kind: Kind = "article"

    @property
    def content_hash(self) -> str:
        """Hash of everything that reaches customers; the source path is not part of it."""
        digest = hashlib.sha256()
        for part in (self.id, self.title, self.url or "", self.visibility, self.body):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        if self.kind != "article":  # articles keep the hashes they had before kinds existed
            digest.update(self.kind.encode("utf-8"))
        return digest.hexdigest()


@dataclass(frozen=True)
class Chunk:
    """A passage of one article under one heading path; `text` is verbatim from the body."""

    chunk_id: str
    article_id: str
    title: str
    heading: str
    text: str
    url: str | None
    visibility: Visibility
    kind: Kind = "article"


def knowledge_base_version(content_hashes: dict[str, str], chunking: str) -> str:
    """Version of a set of articles: changes whenever any article or the chunking changes."""
    digest = hashlib.sha256(f"trustdesk-kb/1\x00{chunking}\n".encode())
    for article_id in sorted(content_hashes):
        digest.update(f"{article_id}\x00{content_hashes[article_id]}\n".encode())
    return digest.hexdigest()[:16]
