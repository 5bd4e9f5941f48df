"""Guard: find personal data and pseudonymise it before any model reads the message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Finding(Protocol):
    """A span of personal data the detector found."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def entity(self) -> str: ...


class Detector(Protocol):
    """Finds personal data in a text (trustdesk.privacy.pii.PiiDetector)."""

    def detect(self, text: str) -> Sequence[Finding]: ...
