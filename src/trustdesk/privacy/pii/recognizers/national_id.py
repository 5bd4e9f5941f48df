"""National identifiers that python-stdnum can validate (or, for the UK, format-check)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.de import idnr
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.us import ssn

from trustdesk.privacy.pii.recognizer import REJECT, Pattern, PatternRecognizer, Verdict


class UsSsnRecognizer(PatternRecognizer):
    """US Social Security numbers; an undelimited 9-digit run needs context."""

    ENTITY = "NATIONAL_ID"
    PATTERNS = (
        Pattern("ssn-delimited", r"\d(?<![\d\-]\d)\d{2}([\- ])\d{2}\1\d{4}(?![\d\-])", 0.75),
        Pattern("ssn-plain", r"\d(?<![\d\-]\d)\d{8}(?![\d\-])", 0.3),
    )
    CONTEXT = ("ssn", "social security", "social security number", "ss#", "ss no")
    CONTEXT_BOOST = 0.4

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        return Verdict(True, "stdnum.us.ssn") if ssn.is_valid(value) else REJECT


class UkNinoRecognizer(PatternRecognizer):
    """UK National Insurance numbers (AB 12 34 56 C); stdnum has no NINO, so check format."""

    ENTITY = "NATIONAL_ID"
    PATTERNS = (
        Pattern(
            "uk-nino",
            r"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
            r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])",
            0.8,
        ),
    )
    CONTEXT = ("national insurance", "ni number", "nino", "ni no")
    CONTEXT_BOOST = 0.15

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        return Verdict(True, "uk-nino-format")


class EsDniRecognizer(PatternRecognizer):
    """Spanish DNI and NIE, whose final letter is a checksum."""

    ENTITY = "NATIONAL_ID"
    LANGUAGES = frozenset({"es"})
    PATTERNS = (
        Pattern("es-dni", r"\d(?<![A-Za-z0-9]\d)\d{7}[ \-]?[A-Za-z](?![A-Za-z0-9])", 0.85),
        Pattern(
            "es-nie", r"(?<![A-Za-z0-9])[XYZxyz][ \-]?\d{7}[ \-]?[A-Za-z](?![A-Za-z0-9])", 0.85
        ),
    )
    CONTEXT = ("dni", "nie", "documento", "identidad", "nif")
    CONTEXT_BOOST = 0.1

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        module = dni if pattern.name == "es-dni" else nie
        return Verdict(True, f"stdnum.es.{pattern.name[3:]}") if module.is_valid(value) else REJECT


class FrNirRecognizer(PatternRecognizer):
    """French social security number (NIR) with its two control digits."""

    ENTITY = "NATIONAL_ID"
    LANGUAGES = frozenset({"fr"})
    PATTERNS = (
        Pattern(
            "fr-nir",
            r"[12](?<!\w[12]) ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?!\w)",
            0.85,
        ),
    )
    CONTEXT = ("sécurité sociale", "securite sociale", "nir", "numéro de sécu", "insee")
    CONTEXT_BOOST = 0.1

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        return Verdict(True, "stdnum.fr.nir") if nir.is_valid(value) else REJECT


class DeTaxIdRecognizer(PatternRecognizer):
    """German tax identification number (Steuer-ID); 11 digits, so it leans on context."""

    ENTITY = "NATIONAL_ID"
    LANGUAGES = frozenset({"de"})
    PATTERNS = (Pattern("de-idnr", r"[1-9](?<![\d\-][1-9])\d(?: ?\d{3}){3}(?![\d\-])", 0.45),)
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "steuer-id", "steuerid", "steuer id", "steueridentifikationsnummer",
        "identifikationsnummer", "idnr", "tax id", "tax identification", "steuernummer",
    )
    CONTEXT_BOOST = 0.4

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        compact = re.sub(r"\s", "", value)
        return Verdict(True, "stdnum.de.idnr") if idnr.is_valid(compact) else REJECT


class UkDrivingLicenceRecognizer(PatternRecognizer):
    """UK (DVLA) driving licence numbers: five surname letters padded with 9s, six digits,
    two initials, a digit and two check letters ("MORGA753116SM9IJ"). The shape alone is
    evidence: no word, order or tracking number has it."""

    ENTITY = "DRIVER_LICENSE"
    PATTERNS = (
        Pattern(
            "uk-dvla",
            r"(?<![A-Za-z0-9])(?=[A-Z9]{0,4}[A-Z])[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}"
            r"(?:[ ]?\d{2})?(?![A-Za-z0-9])",
            0.8,
        ),
    )
