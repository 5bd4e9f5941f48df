"""The guard stage: find personal data and replace it with per-conversation placeholders."""

from __future__ import annotations

from trustdesk.privacy.pii import Finding, PiiDetector, PseudonymTable, Redaction, redact


def table_aad(conversation_id: str) -> bytes:
    """Binds an encrypted pseudonym table to its conversation (AES-GCM associated data)."""
    return b"pseudonyms:" + conversation_id.encode()


class PrivacyGuard:
    """Detects and pseudonymises; originals go only to the vault, never further."""

    def __init__(self, detector: PiiDetector) -> None:
        self.detector = detector

    def detect(self, text: str) -> list[Finding]:
        return self.detector.detect(text)

    def redact(self, text: str, findings: list[Finding], table: PseudonymTable) -> Redaction:
        return redact(text, findings, table)

    @staticmethod
    def categories(findings: list[Finding]) -> list[str]:
        """Data categories found, for the explanation (types only, never values)."""
        return sorted({f.entity.lower() for f in findings})
