"""Consistent placeholders per conversation, and redaction that uses them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import orjson

from trustdesk.domain.placeholder import PLACEHOLDER
from trustdesk.privacy.pii.finding import Finding

_FORMAT_VERSION = 1


class PseudonymTableError(ValueError):
    """Serialized pseudonym table bytes are corrupt or from an unknown version."""


class RedactionError(ValueError):
    """Findings cannot be applied to the text (out of range or overlapping)."""


def _normalise(entity: str, value: str) -> str:
    # "J.Smith@Example.com" and "j.smith@example.com" are one person's one address.
    folded = " ".join(value.split())
    return folded.lower() if entity in ("EMAIL", "URL", "PERSON") else folded


class PseudonymTable:
    """Maps each (entity, value) to a stable placeholder such as <EMAIL_1>."""

    def __init__(self) -> None:
        self._by_value: dict[tuple[str, str], str] = {}
        self._originals: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def placeholder_for(self, entity: str, value: str) -> str:
        """Return the placeholder for this value, minting the next number on first sight."""
        key = (entity, _normalise(entity, value))
        placeholder = self._by_value.get(key)
        if placeholder is None:
            number = self._counts.get(entity, 0) + 1
            self._counts[entity] = number
            placeholder = f"<{entity}_{number}>"
            self._by_value[key] = placeholder
            self._originals[placeholder] = value
        return placeholder

    def restore(self, redacted_text: str) -> str:
        """Put the original values back; placeholders this table did not mint stay as they are."""
        originals = self._originals
        return PLACEHOLDER.sub(lambda m: originals.get(m.group(0), m.group(0)), redacted_text)

    def __len__(self) -> int:
        return len(self._originals)

    def to_json(self) -> bytes:
        """Serialise for storage; the caller must encrypt these bytes, they hold raw PII."""
        entries = [
            {"entity": entity, "value": self._originals[placeholder], "placeholder": placeholder}
            for (entity, _), placeholder in self._by_value.items()
        ]
        return orjson.dumps({"version": _FORMAT_VERSION, "entries": entries})

    @classmethod
    def from_json(cls, data: bytes) -> PseudonymTable:
        """Rebuild a table written by to_json()."""
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise PseudonymTableError(f"pseudonym table is not valid JSON: {exc}") from exc
        if not isinstance(document, dict) or document.get("version") != _FORMAT_VERSION:
            raise PseudonymTableError(
                f"pseudonym table must be a version {_FORMAT_VERSION} object written by to_json()"
            )
        table = cls()
        for entry in document.get("entries", []):
            try:
                entity, value, placeholder = entry["entity"], entry["value"], entry["placeholder"]
                match = PLACEHOLDER.fullmatch(placeholder)
            except (KeyError, TypeError) as exc:
                raise PseudonymTableError(f"malformed pseudonym table entry {entry!r}") from exc
            if match is None or match.group(1) != entity or not isinstance(value, str):
                raise PseudonymTableError(f"malformed pseudonym table entry {entry!r}")
            table._by_value[(entity, _normalise(entity, value))] = placeholder
            table._originals[placeholder] = value
            table._counts[entity] = max(table._counts.get(entity, 0), int(match.group(2)))
        return table


@dataclass(frozen=True)
class Redaction:
    """Redacted text and the findings that were replaced in it."""

    text: str
    findings: tuple[Finding, ...]


def redact(text: str, findings: Sequence[Finding], table: PseudonymTable) -> Redaction:
    """Replace each finding with its placeholder from `table`."""
    ordered = sorted(findings, key=lambda f: f.start)
    pieces: list[str] = []
    cursor = 0
    for finding in ordered:
        if finding.start < cursor or finding.end > len(text) or finding.start >= finding.end:
            raise RedactionError(
                f"finding {finding.start}-{finding.end} overlaps another or lies outside the "
                f"{len(text)}-character text; pass the output of PiiDetector.detect()"
            )
        pieces.append(text[cursor : finding.start])
        pieces.append(table.placeholder_for(finding.entity, text[finding.start : finding.end]))
        cursor = finding.end
    pieces.append(text[cursor:])
    return Redaction("".join(pieces), tuple(ordered))
