"""`trustdesk llm check` and `trustdesk llm ground` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from trustdesk.ai.llm import SourcePassage
from trustdesk.ai.llm.cli import app

from fake_openai import FakeOpenAI

runner = CliRunner()


def test_every_command_and_option_has_help() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) == {"check", "ground"}
    for name, command in commands.items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            assert param.help, f"{name} --{param.name} has no help"
        assert runner.invoke(app, [name, "--help"]).exit_code == 0


def test_check_reports_latency(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(reply="OK", required_key="sk-cli-secret")
    result = runner.invoke(
        app,
        ["check", "--base-url", fake_openai.base_url, "--model", "m"],
        env={"TRUSTDESK_LLM_API_KEY": "sk-cli-secret"},
    )
    assert result.exit_code == 0, result.output
    assert "ok: m at http://127.0.0.1" in result.output and "reply: OK" in result.output
    assert "sk-cli-secret" not in result.output


def test_check_fails_cleanly_when_backend_is_down(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(failures=10, failure_status=503)
    result = runner.invoke(
        app, ["check", "--base-url", fake_openai.base_url, "--model", "m", "--retries", "0"]
    )
    assert result.exit_code == 1
    assert "unavailable" in result.stderr and "Traceback" not in result.output


def test_check_bad_url_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check", "--base-url", "localhost:1234", "--model", "m"])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.stderr


@pytest.fixture
def passages_file(tmp_path: Path, passages: list[SourcePassage]) -> Path:
    path = tmp_path / "passages.json"
    path.write_text(json.dumps([p.__dict__ for p in passages]), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("reply", "action"),
    [
        ("Orders ship within 2 business days [3].", "send"),
        ("Orders ship within 9 business days [3].", "fallback_extractive"),
    ],
)
def test_ground_prints_the_verdict(passages_file: Path, reply: str, action: str) -> None:
    result = runner.invoke(app, ["ground", "--reply", reply, "--passages", str(passages_file)])
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.stdout)
    assert verdict["action"] == action
    assert verdict["supported"][0]["article_id"] == "kb-shipping"


@pytest.mark.parametrize("content", ["not json", '{"a": 1}', '[{"title": "no id"}]', "[3]"])
def test_ground_rejects_bad_passages_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["ground", "--reply", "x", "--passages", str(path)])
    assert result.exit_code == 2
    assert "not a JSON list of passages" in result.stderr
