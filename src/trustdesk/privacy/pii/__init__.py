"""PII detection and pseudonymising redaction: the core of the privacy guard.

    detector = PiiDetector()
    table = PseudonymTable()
    redaction = redact(text, detector.detect(text), table)
"""

from __future__ import annotations

from trustdesk.domain.placeholder import PLACEHOLDER
from trustdesk.privacy.pii.custom import CustomPatternError, load_custom_patterns
from trustdesk.privacy.pii.detector import (
    SUPPORTED_LANGUAGES,
    PiiDetector,
    UnsupportedLanguageError,
    resolve_overlaps,
)
from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.pseudonym import (
    PseudonymTable,
    PseudonymTableError,
    Redaction,
    RedactionError,
    redact,
)
from trustdesk.privacy.pii.recognizer import Pattern, PatternRecognizer, Recognizer, Verdict
from trustdesk.privacy.pii.registry import RecognizerRegistry

ENTITIES = (
    "EMAIL", "PHONE", "CARD", "IBAN", "BANK_ACCOUNT", "NATIONAL_ID", "IP_ADDRESS", "URL",
    "DATE_OF_BIRTH", "ADDRESS", "POSTCODE", "PERSON", "CARD_SECURITY", "PASSPORT",
    "DRIVER_LICENSE", "CREDENTIAL", "USERNAME",
)

__all__ = [
    "ENTITIES",
    "PLACEHOLDER",
    "SUPPORTED_LANGUAGES",
    "CustomPatternError",
    "Finding",
    "Pattern",
    "PatternRecognizer",
    "PiiDetector",
    "PseudonymTable",
    "PseudonymTableError",
    "Recognizer",
    "RecognizerRegistry",
    "Redaction",
    "RedactionError",
    "UnsupportedLanguageError",
    "Verdict",
    "load_custom_patterns",
    "redact",
    "resolve_overlaps",
]
