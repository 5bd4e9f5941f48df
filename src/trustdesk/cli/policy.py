"""`trustdesk policy test|simulate|activate`: try a policy, then put it live behind its checks."""

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
    from trustdesk.pipeline.decide import signals_of
    from trustdesk.pipeline.understand import Understand

    read = Understand(model, LexiconTone())

    def understand(text: str) -> Signals:  # as the message path reads it
        return signals_of(read(text))

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


@app.command("activate")
def activate(
    candidate: Annotated[Path, typer.Argument(help="The candidate policy YAML.")],
    override_reason: Annotated[str | None, typer.Option(
        help="Go live although a check failed; the reason is kept in the audit log.")] = None,
) -> None:
    """Put a candidate policy live (into TRUSTDESK_POLICY_FILE) if its examples and the fairness
    gate's probe families pass through the whole path; audited; restart serve to use it."""
    import getpass

    from trustdesk.bootstrap import NotReady, bootstrap, load_detector, open_database
    from trustdesk.domain.errors import ServiceError
    from trustdesk.fairness.gate import GateError
    from trustdesk.fairness.gate import load_policy as load_gate_policy
    from trustdesk.fairness.probes import path_analyser, run_probes
    from trustdesk.oversight.policy_testing import run_examples
    from trustdesk.service.policies import activate_policy

    settings = load_settings()
    if settings.policy_file is None:
        fail("set TRUSTDESK_POLICY_FILE to the policy file serve reads; the bundled demo policy "
             "is never changed", 2)
    try:
        text = candidate.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        fail(f"cannot read the candidate policy {candidate}", 2)
    policy = _policy(candidate)
    results = run_examples(policy, _understand())
    failed = [{"rule_id": r.rule_id, "text": r.text,
               "expected": "fires" if r.should_fire else "passes"} for r in results if not r.ok]
    try:
        gate = load_gate_policy(settings.fairness_gate_policy_file)
    except GateError as exc:
        fail(str(exc), 2)
    with clean_errors(NotReady):
        svc = bootstrap(settings, policy=policy)
    try:
        probed = run_probes(path_analyser(svc), families=gate.probe_families, worst=3) \
            if gate.probe_families else []
    except ValueError as exc:
        fail(f"probe_families: {exc}", 2)
    finally:
        svc.db.dispose()
    probes = {r.family: {"flip_rate": r.rate, "threshold": gate.probe_flip_rate,
                         "passed": r.rate <= gate.probe_flip_rate} for r in probed}
    passed = not failed and all(p["passed"] for p in probes.values())
    checks = {"examples": len(results), "failed_examples": failed, "probes": probes}
    db = open_database(settings)
    try:
        done = activate_policy(db, settings.policy_file, text, actor=f"cli:{getpass.getuser()}",
                               checks=checks, passed=passed, detector=load_detector(settings),
                               override_reason=override_reason)
    except ServiceError as exc:
        emit_json({"policy_version": policy.version, "passed": passed, "activated": False,
                   **checks})
        fail(str(exc), 1 if passed is False and override_reason is None else 2)
    finally:
        db.dispose()
    emit_json({"policy_version": done.version, "previous_version": done.previous_version,
               "passed": passed, "activated": True, "override_reason": done.override_reason,
               **checks})
