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
    code, out, _ = run("ask", "When will I get my refund?", "--kb-dir", kb_dir)
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


def test_kb_commands_and_ask_follow_the_data_dir(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRUSTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRUSTDESK_KB_DIR", raising=False)
    code, _, err = run("kb", "ingest", str(articles))
    assert code == 0 and "ingested 2 articles" in err
    assert (tmp_path / "data" / "kb" / "CURRENT").is_file()
    code, out, _ = run("ask", "When will my refund arrive?")
    assert code == 0 and json.loads(out)["kb_version"]


def test_calibrate_fits_on_dev_questions_and_ask_uses_it(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    run("kb", "ingest", str(articles), "--kb-dir", str(kb_dir))
    questions = tmp_path / "dev.jsonl"
    rows = [
        {"question": "When will my refund arrive?", "article_id": "returns", "split": "dev"},
        {"question": "how do I print a return label", "article_id": "returns"},
        {"question": "What is the capital of Peru?", "article_id": None, "split": "dev"},
        {"question": "ignored: a test row", "article_id": None, "split": "test"},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    code, out, err = run("kb", "calibrate", "--questions", str(questions),
                         "--kb-dir", str(kb_dir), "--target-precision", "0.9")
    assert code == 0, err
    fitted = json.loads(out)
    assert fitted["questions"] == 3 and (kb_dir / "calibration.json").is_file()
    code, out, _ = run("ask", "What is the capital of Peru?", "--kb-dir", str(kb_dir))
    answer = json.loads(out)
    assert answer["abstained"] is True
    assert answer["verification"] is None or (
        answer["verification"]["threshold"] == pytest.approx(fitted["threshold"])
    )


def test_calibrate_refuses_labels_the_kb_does_not_have(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    run("kb", "ingest", str(articles), "--kb-dir", str(kb_dir))
    questions = tmp_path / "dev.jsonl"
    questions.write_text(json.dumps({"question": "limits?", "article_id": "playbook"}) + "\n")
    code, _, err = run("kb", "calibrate", "--questions", str(questions), "--kb-dir", str(kb_dir))
    assert code == 2 and "not a public article" in err


def test_calibrate_with_folds_cross_fits(articles: Path, tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    run("kb", "ingest", str(articles), "--kb-dir", str(kb_dir))
    questions = tmp_path / "dev.jsonl"
    rows = [{"question": q, "article_id": "returns"} for q in (
        "When will my refund arrive?", "how do I print a return label", "return window days",
        "refund timing", "where do I drop the parcel", "can I return after 30 days")]
    rows += [{"question": q, "article_id": None} for q in (
        "What is the capital of Peru?", "who won the match", "weather tomorrow", "a poem")]
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    code, out, err = run("kb", "calibrate", "--questions", str(questions),
                         "--kb-dir", str(kb_dir), "--folds", "2")
    assert code == 0, err
    assert json.loads(out)["fitted_on"].endswith(", 2-fold")
    code, _, err = run("kb", "calibrate", "--questions", str(questions),
                       "--kb-dir", str(kb_dir), "--folds", "1")
    assert code == 2 and "--folds" in err


def test_calibrate_learns_a_question_model_and_can_leave_it_out(
    articles: Path, tmp_path: Path
) -> None:
    kb_dir = tmp_path / "kb"
    run("kb", "ingest", str(articles), "--kb-dir", str(kb_dir))
    questions = tmp_path / "dev.jsonl"
    asked = ["When will my refund arrive?", "how do I print a return label", "return window",
             "refund timing please", "where do I drop the parcel", "can I return after 30 days",
             "send it back how", "refund to my card?", "return a gift", "returns address",
             "I want my money back", "how long do refunds take"]
    other = ["What is the capital of Peru?", "who won the match", "weather tomorrow", "a poem",
             "best pizza near me", "how tall is everest", "translate hello", "stock prices",
             "football scores", "recipe for soup", "tell me a joke", "train times to Leeds"]
    rows = [{"question": q, "article_id": "returns"} for q in asked]
    rows += [{"question": q, "article_id": None} for q in other]
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    code, out, err = run("kb", "calibrate", "--questions", str(questions), "--kb-dir", str(kb_dir))
    assert code == 0, err
    model = json.loads(out)["question_model"]
    assert model["questions"] == 24 and model["articles"] == 1
    assert (kb_dir / "asked.npz").is_file()
    code, out, _ = run("ask", "how do I print a return label", "--kb-dir", str(kb_dir))
    assert code == 0 and json.loads(out)["kb_version"]
    code, out, err = run("kb", "calibrate", "--questions", str(questions), "--kb-dir", str(kb_dir),
                         "--no-question-model")
    assert code == 0, err
    assert json.loads(out)["question_model"] is None and not (kb_dir / "asked.npz").exists()


def test_calibrate_with_a_single_unanswerable_question_still_fits(
    articles: Path, tmp_path: Path
) -> None:
    """A fold whose other questions hold one class cannot be fitted; the command goes on."""
    kb_dir = tmp_path / "kb"
    run("kb", "ingest", str(articles), "--kb-dir", str(kb_dir))
    questions = tmp_path / "dev.jsonl"
    rows = [{"question": f"how do I return item {i}", "article_id": "returns"} for i in range(24)]
    rows.append({"question": "What is the capital of Peru?", "article_id": None})
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    code, out, err = run("kb", "calibrate", "--questions", str(questions), "--kb-dir", str(kb_dir))
    assert code == 0, err
    assert json.loads(out)["question_model"]["questions"] == 25


def test_ingest_reads_a_help_centre_export_and_reports_the_drafts(tmp_path: Path) -> None:
    export = Path(__file__).parent / "exports" / "zendesk_articles.json"
    code, out, err = run("kb", "ingest", str(export), "--kb-dir", str(tmp_path / "kb"))
    assert code == 0, err
    assert sorted(json.loads(out)["added"]) == ["zendesk-360001-en-us", "zendesk-360002-en-us"]
    assert "1 draft articles skipped" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"articles": [{"id": 1, "body": "<p>x</p>"}]}', encoding="utf-8")
    code, _, err = run("kb", "ingest", str(broken), "--kb-dir", str(tmp_path / "kb"))
    assert code != 0 and "articles[0].title is missing or empty" in err
