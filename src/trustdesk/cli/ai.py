"""`trustdesk ai pause|resume|status`: the kill switch from the command line (audited)."""

from __future__ import annotations

import getpass
from dataclasses import asdict
from typing import Annotated, Any

import typer

from trustdesk.cli.common import clean_errors, emit_json, load_settings
from trustdesk.domain.errors import ServiceError
from trustdesk.oversight.killswitch import PauseMode, PauseScope

app = typer.Typer(help="Pause and resume the AI (the kill switch).", no_args_is_help=True)

ScopeOpt = Annotated[PauseScope, typer.Option(help="global, intent or channel.")]
ValueOpt = Annotated[
    str | None, typer.Option(help="The intent or channel (not with --scope global).")
]
ReasonOpt = Annotated[str, typer.Option(help="Why; audited (personal data is redacted).")]


def _jsonable(value: Any) -> Any:
    return asdict(value)


def _operator() -> Any:
    from trustdesk.service.oversight.killswitch import Operator

    return Operator(actor=f"cli:{getpass.getuser()}"[:80], role="admin")


def _redactor() -> Any:
    from trustdesk.bootstrap import load_detector
    from trustdesk.service.oversight.killswitch import redactor_for

    return redactor_for(load_detector(load_settings()).detect)


def _known_intents() -> tuple[str, ...] | None:
    from trustdesk.bootstrap import NotReady, load_intent_model

    try:
        return tuple(load_intent_model(load_settings()).labels)
    except NotReady:
        return None  # no model yet: the name's shape is still checked


@app.command("pause")
def pause(
    scope: ScopeOpt,
    reason: ReasonOpt,
    value: ValueOpt = None,
    mode: Annotated[
        PauseMode,
        typer.Option(help="handoff (a person takes over) or draft_only (every reply reviewed)."),
    ] = PauseMode.HANDOFF,
) -> None:
    """Pause the AI for everything, one intent or one channel; workers obey within a second."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.oversight import killswitch as ai_controls
    db = open_database(load_settings())
    try:
        with clean_errors(ServiceError):
            change = ai_controls.pause(
                db, _redactor(), _operator(), scope=scope, value=value, reason=reason,
                mode=mode, known_intents=_known_intents(),
            )
    finally:
        db.dispose()
    emit_json(_jsonable(change))


@app.command("resume")
def resume(scope: ScopeOpt, reason: ReasonOpt, value: ValueOpt = None) -> None:
    """End the pause of a scope (exit 1 if it was not paused)."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.oversight import killswitch as ai_controls
    db = open_database(load_settings())
    try:
        with clean_errors(ServiceError):
            change = ai_controls.resume(
                db, _redactor(), _operator(), scope=scope, value=value, reason=reason
            )
    finally:
        db.dispose()
    emit_json(_jsonable(change))


@app.command("status")
def status() -> None:
    """The active pauses of the AI and the last ones resumed, as JSON."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.oversight import killswitch as ai_controls
    db = open_database(load_settings())
    try:
        result = ai_controls.status(db)
    finally:
        db.dispose()
    emit_json(_jsonable(result))
