"""Shared fixtures for the PII tests: one detector per session (construction reads files)."""

from __future__ import annotations

import pytest

from trustdesk.privacy.pii import PiiDetector


@pytest.fixture(scope="session")
def detector() -> PiiDetector:
    return PiiDetector()
