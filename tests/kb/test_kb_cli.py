"""The `kb` commands and `ask`, driven through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from trustdesk.cli.kb import app, ask

root = typer.Typer()
root.add_typer(app, name="kb")
root.command("ask")(ask)
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(root, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_ingest_prints_the_report_and_show_lists_articles(articles: Path, tmp_path: Path) -> None:
    kb_dir = str(tmp_path / "kb")
    code, out, _ = run("kb", "ingest", str(articles), "--kb-dir", kb_dir)
    assert code == 0
    report = json.loads(out)
    assert report["changed"] is True
    assert sorted(report["added"]) == ["playbook", "returns"]

    code, out, _ = run("kb", "show", "--kb-dir", kb_dir)
    assert code == 0
    shown = json.loads(out)
    assert shown["version"] == report["version"]
    assert (shown["articles"], shown["public"], shown["internal"]) == (2, 1, 1)
    assert {item["id"]: item["visibility"] for item in shown["items"]} == {
        "playbook": "internal",
        "returns": "public",
    }


def test_ask_prints_answer_with_citation(articles: Path, tmp_path: Path) -> None:
    kb_dir = str(tmp_path / "kb")
    run("kb", "ingest", str(articles), "--kb-dir", kb_dir)
    code, out, _ = run("ask", "When will my refund arrive?", "--kb-dir", kb_dir)
    assert code == 0
    answer = json.loads(out)
    assert answer["abstained"] is False
    assert answer["citations"][0]["article_id"] == "returns"
    assert answer["citations"][0]["quote"] in Path(articles / "returns.md").read_text()
    assert 0 <= answer["confidence"] <= 1


def test_ask_prints_the_abstention_and_its_reason(articles: Path, tmp_path: Path) -> None:
    kb_dir = str(tmp_path / "kb")
    run("kb", "ingest", str(articles), "--kb-dir", kb_dir)
    code, out, _ = run("ask", "Who won the football last night?", "--kb-dir", kb_dir)
    assert code == 0
    answer = json.loads(out)
    assert answer["abstained"] is True
    assert answer["citations"] == []
    assert answer["reason"].startswith("I could not find")


def test_search_respects_the_audience(articles: Path, tmp_path: Path) -> None:
    kb_dir = str(tmp_path / "kb")
    run("kb", "ingest", str(articles), "--kb-dir", kb_dir)
    _, out, _ = run("kb", "search", "refund limits manager", "--kb-dir", kb_dir)
    assert "playbook" not in {p["article_id"] for p in json.loads(out)}
    _, out, _ = run("kb", "search", "refund limits manager", "--audience", "agent", "-k", "1",
                    "--kb-dir", kb_dir)
    assert [p["article_id"] for p in json.loads(out)] == ["playbook"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("kb", "ingest", "{tmp}/notes.txt"), 2, "'.txt' files are not supported"),
        (("kb", "ingest", "{tmp}/missing.md"), 2, "does not exist"),
        (("kb", "ingest", "{tmp}/empty"), 2, "No articles found"),
        (("kb", "show", "--kb-dir", "{tmp}/nokb"), 1, "trustdesk kb ingest"),
        (("ask", "refund?", "--kb-dir", "{tmp}/nokb"), 1, "No knowledge base"),
        (("kb", "search", "refund", "--audience", "boss"), 2, "--audience must be one of"),
    ],
)
def test_bad_input_gives_a_message_and_exit_code_without_traceback(
    tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty").mkdir()
    result = runner.invoke(root, [arg.format(tmp=tmp_path) for arg in args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_every_command_argument_and_option_has_help() -> None:
    group: Any = typer.main.get_command(root)
    kb_group = group.commands["kb"]
    assert kb_group.help
    commands = [*kb_group.commands.values(), group.commands["ask"]]
    assert {c.name for c in commands} == {"ingest", "show", "search", "ask", "calibrate"}
    for command in commands:
        assert command.help, command.name
        for param in command.params:
            if param.name != "help":
                assert getattr(param, "help", None), f"{command.name} {param.name}"
