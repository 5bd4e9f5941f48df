"""The shipped calibration belongs to the demo help centre; any other one is reviewed until
`trustdesk kb calibrate` has fitted its own (on SQLite and PostgreSQL for the path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from trustdesk.ai.kb import KnowledgeBase, demo_kb_path, ingest, read_paths
from trustdesk.ai.kb.calibration import (
    DEFAULT_CALIBRATION,
    SHIPPED_FOR_KB_VERSIONS,
    save_calibration,
)
from trustdesk.settings import Settings

ARTICLES = {
    "delivery.md": "---\nid: delivery\ntitle: Delivery\n---\n# Delivery\n\n"
    "## How long delivery takes\n\nStandard delivery takes 3 to 5 working days.\n\n"
    "## Delivery costs\n\nDelivery is free on orders over 40 pounds.\n",
    "returns.md": "---\nid: returns\ntitle: Returns\n---\n# Returns\n\n"
    "## Returning an item\n\nYou can return an unused item within 14 days of delivery.\n",
}
QUESTION = "How long does standard delivery take?"


def test_the_shipped_calibration_names_the_demo_version_it_was_fitted_on() -> None:
    version = KnowledgeBase.from_documents(read_paths([demo_kb_path()])).version
    assert version in SHIPPED_FOR_KB_VERSIONS, (
        "the demo articles changed: refit the shipped calibration (`python bench/kb.py --fit`) "
        f"and put the new demo version {version} in SHIPPED_FOR_KB_VERSIONS")


@pytest.fixture
def own_kb(tmp_path: Path) -> Path:
    source = tmp_path / "articles"
    source.mkdir()
    for name, text in ARTICLES.items():
        (source / name).write_text(text, encoding="utf-8")
    kb_dir = tmp_path / "kb"
    ingest([source], kb_dir)
    return kb_dir


def test_another_help_centre_is_uncalibrated_until_it_stores_its_own(own_kb: Path) -> None:
    kb = KnowledgeBase.load(own_kb)
    answer = kb.answer(QUESTION)
    assert not kb.calibrated and not answer.abstained and not answer.calibrated
    save_calibration(own_kb, DEFAULT_CALIBRATION)
    assert KnowledgeBase.load(own_kb).calibrated
    assert KnowledgeBase.load(own_kb).answer(QUESTION).calibrated
    assert kb.with_calibration(DEFAULT_CALIBRATION).calibrated


def test_the_demo_is_calibrated() -> None:
    kb = KnowledgeBase.from_documents(read_paths([demo_kb_path()]))
    assert kb.calibrated and kb.answer("How long do I have to return an item?").calibrated


def test_ingest_says_answers_are_reviewed_until_calibrated(own_kb: Path, tmp_path: Path) -> None:
    from trustdesk.cli.main import app

    source = tmp_path / "articles"
    result = CliRunner().invoke(app, ["kb", "ingest", str(source), "--kb-dir", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "no answer calibration yet" in result.output and "kb calibrate" in result.output
    save_calibration(tmp_path / "b", DEFAULT_CALIBRATION)
    again = CliRunner().invoke(app, ["kb", "ingest", str(source), "--kb-dir", str(tmp_path / "b")])
    assert "no answer calibration yet" not in again.output


def test_an_uncalibrated_help_centre_s_answer_waits_for_review(
    settings: Settings, own_kb: Path,
) -> None:
    from trustdesk.api.app import create_app
    from trustdesk.bootstrap import bootstrap
    from trustdesk.domain import Role
    from trustdesk.service.keys import create_key

    svc = bootstrap(settings.model_copy(update={"kb_dir": own_kb}))
    try:
        key = {"Authorization": f"Bearer {create_key(svc.db, Role.ADMIN, 'a').secret}"}
        with TestClient(create_app(svc)) as client:
            cid = client.post("/v1/conversations", json={}, headers=key).json()["id"]
            sent = client.post(f"/v1/conversations/{cid}/messages", headers=key,
                               json={"text": QUESTION}).json()
            why = client.get(sent["decision"]["explanation_url"], headers=key).json()
            queue = client.get("/v1/reviews", headers=key).json()
    finally:
        svc.db.dispose()
    assert sent["decision"]["oversight"] == "awaiting_review"
    assert "working days" not in sent["reply"]["text"]  # a holding note, not the draft
    assert [r["rule_id"] for r in why["rules"]] == ["knowledge-base-uncalibrated"]
    assert why["reason_code"] == "low_confidence"
    assert why["sources"][0]["article_id"] == "delivery"
    assert "tested on real questions" in why["counterfactual"]["summary"]
    assert [task["decision_id"] for task in queue] == [sent["decision"]["id"]]
