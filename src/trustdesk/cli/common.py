"""Helpers shared by CLI commands: settings, clean errors, JSON output."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import orjson
import typer
from pydantic import ValidationError

from trustdesk.settings import Settings


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        fail(f"invalid setting TRUSTDESK_{field.upper()}: {first['msg']}", 2)


def emit_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


@contextmanager
def clean_errors(*kinds: type[Exception]) -> Iterator[None]:
    """Turn the expected errors into one line on stderr instead of a traceback."""
    try:
        yield
    except kinds as exc:
        fail(str(exc))
