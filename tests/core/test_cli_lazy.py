"""The `trustdesk` tools are imported on use: same names, help and behaviour, less start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from trustdesk.cli.lazy import LazyToolsGroup, load_tool
from trustdesk.cli.main import app

HEAVY = ("sklearn", "bm25s", "httpx", "sqlalchemy", "trustdesk.ai.kb", "trustdesk.cli.model",
         "trustdesk.cli.kb", "trustdesk.bootstrap")


def _imported_after(argv: list[str]) -> set[str]:
    """The modules a fresh interpreter holds after running `trustdesk ARGV`."""
    code = (
        "import json, sys\n"
        "from trustdesk.cli.main import app\n"
        f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(h for h in HEAVY if h in modules)


def test_help_and_a_fairness_audit_import_no_tool_they_do_not_use(tmp_path: Any) -> None:
    data = tmp_path / "d.csv"
    data.write_text("g,y\na,1\na,0\nb,1\nb,1\n", encoding="utf-8")
    assert _heavy(_imported_after(["--help"])) == []
    audited = _imported_after(["fairness", "audit", "--data", str(data), "--outcome", "y",
                               "--group", "g", "--min-cell-size", "1", "--bootstrap", "0",
                               "--out", str(tmp_path / "r.json")])
    assert "trustdesk.fairness.audit" in audited  # it did run the audit
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["kind"] == "rate"
    assert _heavy(audited) == []
    assert "scipy.stats" not in audited


def test_a_tool_is_imported_when_it_runs() -> None:
    assert "trustdesk.cli.model" in _imported_after(["model", "--help"])


@pytest.mark.parametrize("tool", LazyToolsGroup.tools, ids=lambda t: t.name)
def test_the_listed_help_is_the_tools_own(tool: Any) -> None:
    loaded = load_tool(tool, rich_markup_mode="rich")
    assert tool.help == loaded.help
    assert loaded.name == tool.name


def test_listing_order_and_names_are_those_of_eager_mounting() -> None:
    group = typer.main.get_command(app)
    names = group.list_commands(group.context_class(group))  # type: ignore[attr-defined]
    assert names == ["serve", "chat", "ask", "keys", "audit", "db", "model", "llm", "kb",
                     "privacy", "dsr", "fairness", "ai", "reviews", "policy", "transparency"]


def test_a_typo_is_still_told_the_near_names_and_privacy_keeps_purge() -> None:
    runner = CliRunner()
    typo = runner.invoke(app, ["fairnes"])
    assert typo.exit_code == 2
    assert "'fairness'" in typo.output
    purge = runner.invoke(app, ["privacy", "purge", "--help"])
    assert purge.exit_code == 0, purge.output
    assert "purge" in purge.output
