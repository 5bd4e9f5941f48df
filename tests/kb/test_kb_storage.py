"""Ingest stores versions under a directory and re-ingests incrementally."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from trustdesk.ai.kb import (
    CorruptKnowledgeBaseError,
    DuplicateDocumentError,
    KnowledgeBase,
    KnowledgeBaseNotFoundError,
    ingest,
)
from trustdesk.ai.kb.storage import read_current

from kb_samples import RETURNS_MD, write


def test_first_ingest_adds_every_article_and_sets_current(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    report = ingest([articles], kb_dir)
    assert report.changed
    assert report.previous_version is None
    assert sorted(report.added) == ["playbook", "returns"]
    assert (report.updated, report.removed, report.unchanged) == ((), (), ())
    assert report.articles == 2
    assert report.chunks == 4
    assert (kb_dir / "CURRENT").read_text().strip() == report.version
    assert (kb_dir / report.version / "kb.json").is_file()
    assert KnowledgeBase.load(kb_dir).version == report.version


def test_unchanged_reingest_keeps_the_version_and_writes_nothing(
    articles: Path, tmp_path: Path
) -> None:
    kb_dir = tmp_path / "kb"
    first = ingest([articles], kb_dir)
    stored = kb_dir / first.version / "kb.json"
    written = stored.stat().st_mtime_ns
    again = ingest([articles], kb_dir)
    assert not again.changed
    assert again.version == first.version
    assert sorted(again.unchanged) == ["playbook", "returns"]
    assert again.added == again.updated == again.removed == ()
    assert stored.stat().st_mtime_ns == written
    assert sorted(p.name for p in kb_dir.iterdir()) == sorted(["CURRENT", first.version])


def test_changed_article_makes_a_new_version_and_reuses_the_rest(
    articles: Path, tmp_path: Path
) -> None:
    kb_dir = tmp_path / "kb"
    first = ingest([articles], kb_dir)
    write(articles, "returns.md", RETURNS_MD.replace("30 days", "60 days"))
    second = ingest([articles], kb_dir)
    assert second.changed
    assert second.version != first.version
    assert second.previous_version == first.version
    assert second.updated == ("returns",)
    assert second.unchanged == ("playbook",)
    kb = KnowledgeBase.load(kb_dir)
    assert kb.version == second.version
    assert any("60 days" in chunk.text for chunk in kb.chunks)
    assert not any("30 days" in chunk.text for chunk in kb.chunks)
    # The old version stays on disk, so decisions that cite it can still be checked.
    assert (kb_dir / first.version / "kb.json").is_file()


def test_removed_article_is_dropped(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    ingest([articles], kb_dir)
    (articles / "playbook.md").unlink()
    report = ingest([articles], kb_dir)
    assert report.changed
    assert report.removed == ("playbook",)
    assert report.unchanged == ("returns",)
    assert {c.article_id for c in KnowledgeBase.load(kb_dir).chunks} == {"returns"}


def test_reverting_content_returns_to_the_earlier_version(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    first = ingest([articles], kb_dir)
    (articles / "playbook.md").rename(tmp_path / "playbook.md")
    ingest([articles], kb_dir)
    (tmp_path / "playbook.md").rename(articles / "playbook.md")
    assert ingest([articles], kb_dir).version == first.version
    assert KnowledgeBase.load(kb_dir).version == first.version


def test_moving_a_file_does_not_change_the_version(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    first = ingest([articles], kb_dir)
    (articles / "archive").mkdir()
    (articles / "returns.md").rename(articles / "archive" / "returns.md")
    assert ingest([articles], kb_dir).version == first.version


def test_chunking_bound_is_part_of_the_version(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    first = ingest([articles], kb_dir)
    second = ingest([articles], kb_dir, max_chars=300)
    assert second.version != first.version
    assert sorted(second.updated) == ["playbook", "returns"]


def test_duplicate_ids_with_different_content_are_refused(articles: Path, tmp_path: Path) -> None:
    write(articles, "copy.md", RETURNS_MD.replace("30 days", "60 days"))
    with pytest.raises(DuplicateDocumentError, match="both have the article id 'returns'"):
        ingest([articles], tmp_path / "kb")


def test_an_identical_copy_is_merged_with_a_warning(articles: Path, tmp_path: Path) -> None:
    write(articles, "copy.md", RETURNS_MD)
    report = ingest([articles], tmp_path / "kb")
    assert report.articles == 2 and report.merged == 1
    (warning,) = report.warnings
    assert "copy.md" in warning and "kept once" in warning


def test_loading_before_any_ingest_says_how_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseNotFoundError, match="trustdesk kb ingest"):
        KnowledgeBase.load(tmp_path / "kb")


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_text("{not json"),
        lambda path: path.write_text(json.dumps({"format": 99})),
        lambda path: path.unlink(),
    ],
)
def test_damaged_store_is_reported_with_a_fix(
    articles: Path, tmp_path: Path, damage: Callable[[Path], object]
) -> None:
    kb_dir = tmp_path / "kb"
    report = ingest([articles], kb_dir)
    damage(kb_dir / report.version / "kb.json")
    with pytest.raises(CorruptKnowledgeBaseError, match="Ingest the articles again"):
        read_current(kb_dir)
