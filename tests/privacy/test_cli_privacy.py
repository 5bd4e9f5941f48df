"""`trustdesk privacy detect`: streaming JSON lines, error lines, exit codes."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

from typer.testing import CliRunner

from trustdesk.cli.privacy import app, stream
from trustdesk.privacy.pii import PiiDetector

runner = CliRunner()
EXAMPLE = str(resources.files("trustdesk.privacy.pii.data") / "custom_patterns.example.yaml")


def lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_detect_writes_one_line_per_input_line() -> None:
    stdin = (
        '{"id": 1, "text": "my name is Maria Garcia, maria@example.com"}\n'
        '{"id": "b", "text": "nothing here"}\n'
    )
    result = runner.invoke(app, ["detect"], input=stdin)
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    # The name's score comes from whichever of the rules and the learned tagger is surer.
    assert 0.85 <= out[0]["spans"][0].pop("score") <= 1.0
    assert out == [
        {
            "id": 1,
            "spans": [
                {"start": 11, "end": 23, "type": "PERSON"},
                {"start": 25, "end": 42, "type": "EMAIL", "score": 0.95},
            ],
            "redacted": "my name is <PERSON_1>, <EMAIL_1>",
        },
        {"id": "b", "spans": [], "redacted": "nothing here"},
    ]


def test_bad_lines_get_error_lines_and_exit_1() -> None:
    stdin = (
        b'not json\n{"id": 7}\n\xff\xfe invalid utf-8\n[1, 2]\n'
        b'{"id": 8, "text": "call +44 20 7946 0958"}\n'
    )
    result = runner.invoke(app, ["detect"], input=stdin)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert [o["id"] for o in out] == [None, 7, None, None, 8]
    assert "invalid JSON" in str(out[0]["error"])
    assert "text" in str(out[1]["error"])
    assert "UTF-8" in str(out[2]["error"])
    assert out[4]["redacted"] == "call <PHONE_1>"
    assert "4 line(s) failed" in result.stderr


def test_custom_patterns_option() -> None:
    stdin = '{"id": 1, "text": "order LL-123456"}\n'
    result = runner.invoke(app, ["detect", "--custom-patterns", EXAMPLE], input=stdin)
    assert result.exit_code == 0
    assert lines(result.stdout)[0]["redacted"] == "order <ORDER_NUMBER_1>"


def test_bad_custom_patterns_file_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("patterns: 3", encoding="utf-8")
    result = runner.invoke(app, ["detect", "--custom-patterns", str(bad)], input="")
    assert result.exit_code == 2
    assert "patterns:" in result.stderr
    assert "Traceback" not in result.output


def test_min_score_out_of_range_is_a_usage_error() -> None:
    result = runner.invoke(app, ["detect", "--min-score", "7"], input="")
    assert result.exit_code == 2


class _Sink(io.BytesIO):
    """Records what had been written at each flush, to prove output streams line by line."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[bytes] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())


def test_stream_flushes_after_every_line() -> None:
    source = io.BytesIO(b'{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n')
    sink = _Sink()
    failures = stream(PiiDetector(), source, sink)
    assert failures == 0
    assert [len(chunk.splitlines()) for chunk in sink.flushed] == [1, 2]


def test_explain_prints_reasons() -> None:
    result = runner.invoke(app, ["explain", "card 4111 1111 1111 1111"])
    assert result.exit_code == 0
    assert "validated by luhn" in result.stdout


def test_every_command_and_option_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    assert group.help
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"{name} --{param.name}"
