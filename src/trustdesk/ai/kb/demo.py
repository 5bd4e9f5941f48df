"""Where the bundled Lumen & Loom demo articles live."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def demo_kb_path() -> Path:
    """Directory of the demo knowledge-base articles shipped with the package."""
    return Path(str(files("trustdesk").joinpath("data", "demo", "kb")))
