"""Every CLI command has help text and a README entry (a command nobody can find is a bug)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main

from trustdesk.cli.main import app

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "trustdesk") -> list[tuple[str, Any]]:
    """Every command and sub-command (Typer ships its own click, so duck-type groups); asked
    for by name, as click does, so that the lazily imported tools are loaded."""
    found = []
    ctx = group.context_class(group)
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        path = f"{prefix} {name}"
        found.append((path, command))
        if hasattr(command, "list_commands"):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(typer.main.get_command(app))


def test_there_are_commands() -> None:
    names = {path for path, _ in COMMANDS}
    assert {"trustdesk serve", "trustdesk chat", "trustdesk audit verify",
            "trustdesk model train", "trustdesk kb ingest", "trustdesk privacy detect"} <= names


def test_every_command_has_help_and_a_readme_entry() -> None:
    missing_help = [p for p, c in COMMANDS if not (c.help or c.short_help)]
    missing_docs = [p for p, _ in COMMANDS if f"`{p}" not in README]
    assert not missing_help, f"commands without help text: {missing_help}"
    assert not missing_docs, f"commands not in the README: {missing_docs}"


def test_every_option_has_help() -> None:
    bare = [
        f"{p} {param.name}"
        for p, c in COMMANDS
        for param in c.params
        if getattr(param, "param_type_name", "") == "option"
        and not getattr(param, "help", None)
        and param.name != "help"
    ]
    assert not bare, f"options without help text: {bare}"
