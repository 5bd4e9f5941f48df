"""Types shared by the tests that drive the real application (a module beside conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Keys:
    """Authorization headers for one key of each role (and a second widget)."""

    widget: dict[str, str]
    other_widget: dict[str, str]
    agent: dict[str, str]
    admin: dict[str, str]
