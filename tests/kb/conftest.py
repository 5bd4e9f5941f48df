"""Fixtures for knowledge-base tests: article files written on the fly, and the demo KB."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, read_paths

from kb_samples import PLAYBOOK_MD, RETURNS_MD, write


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A directory with one public and one internal markdown article."""
    root = tmp_path / "articles"
    write(root, "returns.md", RETURNS_MD)
    write(root, "playbook.md", PLAYBOOK_MD)
    return root


@pytest.fixture(scope="session")
def demo_kb() -> KnowledgeBase:
    """The bundled Lumen & Loom knowledge base, in memory."""
    return KnowledgeBase.from_documents(read_paths([demo_kb_path()]))
