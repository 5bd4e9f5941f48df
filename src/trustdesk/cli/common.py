"""Helpers shared by CLI commands: settings, clean errors, JSON output."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import orjson
import typer
from pydantic import ValidationError

from trustdesk.settings import Settings

if TYPE_CHECKING:
    from trustdesk.service.context import Services


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


def boot_errors() -> tuple[type[Exception], ...]:
    """What starting the services can fail with that the operator must fix (no model, no
    master key, a bad policy or availability file)."""
    from trustdesk.bootstrap import NotReady
    from trustdesk.oversight.availability import AvailabilityError
    from trustdesk.oversight.policy import PolicyError
    from trustdesk.privacy.vault import MasterKeyError

    return (MasterKeyError, PolicyError, AvailabilityError, NotReady)


def booted(settings: Settings | None = None) -> Services:
    """The services, or one line on stderr saying what to fix (never a traceback)."""
    from trustdesk.bootstrap import bootstrap

    try:
        return bootstrap(settings or load_settings())
    except boot_errors() as exc:
        fail(str(exc))
