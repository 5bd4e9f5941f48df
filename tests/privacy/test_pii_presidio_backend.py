"""The optional Presidio adapter, exercised with a stand-in engine (Presidio is not installed)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import pytest

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.presidio_backend import PresidioNotInstalledError, PresidioRecognizer


@dataclass
class _Result:
    entity_type: str
    start: int
    end: int
    score: float


class _Engine:
    """Answers like presidio_analyzer.AnalyzerEngine.analyze for one fixed text."""

    def analyze(self, text: str, language: str) -> list[_Result]:
        assert language == "en"
        return [_Result("PERSON", 0, 4, 0.85), _Result("NRP", 5, 8, 0.9),
                _Result("EMAIL_ADDRESS", 9, 22, 1.0)]


def test_maps_presidio_results_to_findings() -> None:
    detector = PiiDetector([PresidioRecognizer(engine=_Engine())])
    found = detector.detect("Anna foo anna@mail.de")
    assert [(f.start, f.end, f.entity, f.recognizer) for f in found] == [
        (0, 4, "PERSON", "Presidio:PERSON"),
        (9, 22, "EMAIL", "Presidio:EMAIL_ADDRESS"),
    ]


@pytest.mark.skipif(importlib.util.find_spec("presidio_analyzer") is not None,
                    reason="presidio is installed here")
def test_clear_error_when_presidio_is_missing() -> None:
    with pytest.raises(PresidioNotInstalledError, match="pip install presidio-analyzer"):
        PresidioRecognizer()
