"""The privacy notice: markdown with an optional front-matter `version`, else a content hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

BUNDLED_NOTICE = Path(__file__).resolve().parent.parent / "data" / "demo" / "notice.md"
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$")


class NoticeError(ValueError):
    """The notice file is missing or malformed; the message names the file and the fix."""


@dataclass(frozen=True)
class Notice:
    """One version of the notice shown to customers before their data is processed."""

    version: str
    title: str
    text: str  # markdown, without the front matter
    digest: str  # SHA-256 of the whole file, so a silent edit is visible


def parse_notice(raw: str, *, source: str = "notice") -> Notice:
    """Read front matter (`version:`, `title:`) and body; no version -> hash of the content."""
    digest = hashlib.sha256(raw.encode()).hexdigest()
    meta: dict[str, str] = {}
    body = raw
    match = _FRONT.match(raw)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip().strip("'\"")
        body = raw[match.end():]
    if not body.strip():
        raise NoticeError(f"{source}: the privacy notice has no text")
    version = meta.get("version") or f"sha256:{digest[:16]}"
    if not _VERSION.match(version):
        raise NoticeError(
            f"{source}: notice version {version!r} must be 1-32 letters, digits or . _ : -"
        )
    return Notice(version=version, title=meta.get("title", "Privacy notice"),
                  text=body.strip() + "\n", digest=digest)


def load_notice(path: Path | None = None) -> Notice:
    """Load the notice at `path` (default: the bundled Lumen & Loom notice)."""
    target = path or BUNDLED_NOTICE
    try:
        raw = target.read_text(encoding="utf-8")
    except OSError as exc:
        raise NoticeError(
            f"cannot read the privacy notice {target}: {exc.strerror}; "
            "set TRUSTDESK_NOTICE_FILE to a markdown file"
        ) from None
    return parse_notice(raw, source=str(target))
