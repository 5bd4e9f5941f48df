"""`trustdesk policy test|simulate`: try a policy before it goes live."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from trustdesk.cli.common import clean_errors, emit_json, fail, load_settings
from trustdesk.oversight.policy import Policy, PolicyError, Signals, load_policy

app = typer.Typer(help="Test a policy before it goes live.", no_args_is_help=True)


def _understand() -> Any:
    from trustdesk.ai.signals import LexiconTone
    from trustdesk.bootstrap import NotReady, load_intent_model

    try:
        model = load_intent_model(load_settings())
    except NotReady as exc:
        fail(str(exc), 2)
    signals = LexiconTone()

    def understand(text: str) -> Signals:
        p = model.predict(text)
        urgency, sentiment = signals.score(text)
        return Signals(intent=p.label, confidence=p.confidence, in_scope=p.in_scope, text=text,
                       urgency=urgency, sentiment=sentiment)

    return understand


def _policy(path: Path | None) -> Policy:
    with clean_errors(PolicyError):
        return load_policy(path or load_settings().resolved_policy_file)


@app.command("test")
def test(
    policy: Annotated[
        Path | None, typer.Option(help="Policy YAML (default: TRUSTDESK_POLICY_FILE).")
    ] = None,
) -> None:
    """Run the examples written beside each rule (examples: fires/passes) through the models;
    exit 1 if a rule does not fire on one of its `fires` or fires on one of its `passes`."""
    from trustdesk.oversight.policy_testing import run_examples

    candidate = _policy(policy)
    results = run_examples(candidate, _understand())
    failed = [r for r in results if not r.ok]
    emit_json({
        "policy_version": candidate.version,
        "examples": len(results),
        "failed": [{"rule_id": r.rule_id, "text": r.text,
                    "expected": "fires" if r.should_fire else "passes",
                    "policy_action": r.action} for r in failed],
    })
    if not results:
        fail("the policy has no examples: add `examples: {fires: [...], passes: [...]}` "
             "to its rules", 1)
    if failed:
        raise typer.Exit(1)


@app.command("simulate")
def simulate(
    policy: Annotated[Path, typer.Option(help="The candidate policy YAML.")],
    since: Annotated[str, typer.Option(help="Replay decisions from this ISO date or time.")],
) -> None:
    """Replay stored decisions under a candidate policy: how many would change, and how."""
    from trustdesk.ai.signals import LexiconTone
    from trustdesk.bootstrap import open_database
    from trustdesk.oversight.policy_testing import simulate as run
    from trustdesk.oversight.policy_testing import stored
    from trustdesk.service.decisions import replayable_since

    try:
        at = datetime.fromisoformat(since)
    except ValueError:
        fail("--since must be an ISO date or date-time, e.g. 2026-06-01", 2)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    candidate = _policy(policy)
    db = open_database(load_settings())
    try:
        rows = replayable_since(db, at)
    finally:
        db.dispose()
    report = run(candidate, stored(rows), LexiconTone().score)
    emit_json({"policy_version": candidate.version, "since": at.isoformat(),
               **report.as_json()})
