"""Optional: Microsoft Presidio as a recogniser, for deployers who already run it.

    detector = PiiDetector([PresidioRecognizer()])

Presidio is not a TrustDesk dependency; it is imported only when this class is built.
"""

from __future__ import annotations

from typing import Any

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer

# Presidio entity -> TrustDesk entity; entities not listed here are dropped.
ENTITY_MAP = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN",
    "US_BANK_NUMBER": "BANK_ACCOUNT",
    "US_SSN": "NATIONAL_ID",
    "US_ITIN": "NATIONAL_ID",
    "US_PASSPORT": "NATIONAL_ID",
    "US_DRIVER_LICENSE": "NATIONAL_ID",
    "UK_NHS": "NATIONAL_ID",
    "UK_NINO": "NATIONAL_ID",
    "ES_NIF": "NATIONAL_ID",
    "ES_NIE": "NATIONAL_ID",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "LOCATION": "ADDRESS",
    "PERSON": "PERSON",
}


class PresidioNotInstalledError(ImportError):
    """presidio-analyzer (and a spaCy model) must be installed to use this backend."""


class PresidioRecognizer(Recognizer):
    """Runs a Presidio AnalyzerEngine and reports its results as TrustDesk findings."""

    ENTITY = "PRESIDIO"

    def __init__(self, *, language: str = "en", model: str = "en_core_web_sm",
                 engine: Any | None = None) -> None:
        self._language = language
        if engine is None:
            try:
                from presidio_analyzer import AnalyzerEngine
                from presidio_analyzer.nlp_engine import NlpEngineProvider
            except ImportError as exc:
                raise PresidioNotInstalledError(
                    "the Presidio backend needs presidio-analyzer: pip install presidio-analyzer "
                    "and a spaCy model, or use the built-in PiiDetector recognisers"
                ) from exc
            config = {"nlp_engine_name": "spacy",
                      "models": [{"lang_code": language, "model_name": model}]}
            provider = NlpEngineProvider(nlp_configuration=config)
            engine = AnalyzerEngine(nlp_engine=provider.create_engine(),
                                    supported_languages=[language])
        self._engine = engine

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(sorted(set(ENTITY_MAP.values())))

    def analyze(self, text: str) -> list[Finding]:
        findings = []
        for result in self._engine.analyze(text=text, language=self._language):
            entity = ENTITY_MAP.get(result.entity_type)
            if entity is None:
                continue
            findings.append(
                Finding(int(result.start), int(result.end), entity, float(result.score),
                        f"Presidio:{result.entity_type}", None, None, None)
            )
        return findings
