"""A Typer root group whose tools are imported on use, not when the `trustdesk` command starts.

Each tool (`trustdesk model ...`, `trustdesk fairness ...`) brings its own heavy imports
(scikit-learn, the knowledge base, the HTTP client, pyarrow). Mounting them all with
`add_typer` made every command, even `--help`, import all of them. Here a tool is a name, the
one-line help `trustdesk --help` lists, and where its Typer app (or command function) lives;
the module is imported the first time click asks for the command, except while the root group
prints its own help, where the listed line is enough.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo

if TYPE_CHECKING:
    from typer import _click


@dataclass(frozen=True)
class LazyTool:
    """`target` is "module:attribute" (a `typer.Typer`, or with `group=False` a command
    function), or a function returning the tool's `typer.Typer`."""

    name: str
    help: str
    target: str | Callable[[], typer.Typer]
    group: bool = True


@functools.cache
def _resolve(target: str | Callable[[], typer.Typer]) -> Any:
    if not isinstance(target, str):
        return target()
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


def load_tool(tool: LazyTool, *, rich_markup_mode: Any) -> _click.Command:
    """The tool's click command, built the way `add_typer` / `app.command()` would."""
    found = _resolve(tool.target)
    command: _click.Command
    if tool.group:
        command = typer.main.get_group(found)
    else:
        command = typer.main.get_command_from_info(
            CommandInfo(name=tool.name, callback=found), pretty_exceptions_short=True,
            rich_markup_mode=rich_markup_mode)
    command.name = tool.name
    return command


class LazyToolsGroup(TyperGroup):
    """The root group: its own commands as usual, then the lazy tools, in `tools` order."""

    tools: ClassVar[tuple[LazyTool, ...]] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._listing = False
        self._pending = {t.name: t for t in self.tools}
        # Typer lists plain commands before groups; keep that order with the tools mixed in
        eager = dict(self.commands)
        placeholders = {t.name: TyperCommand(name=t.name, help=t.help) for t in self.tools}
        ordered: dict[str, _click.Command] = {}
        for want_group in (False, True):
            ordered |= {n: c for n, c in eager.items()
                        if isinstance(c, TyperGroup) is want_group}
            ordered |= {t.name: placeholders[t.name] for t in self.tools
                        if t.group is want_group}
        self.commands = ordered

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        tool = self._pending.get(cmd_name)
        if tool is not None and not self._listing:
            self.commands[cmd_name] = load_tool(tool, rich_markup_mode=self.rich_markup_mode)
            del self._pending[cmd_name]
        return self.commands.get(cmd_name)

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
