"""The `trustdesk` command: serve, chat, keys, audit and the model/kb/privacy tools."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from trustdesk.cli.common import boot_errors, clean_errors, emit_json, fail, load_settings
from trustdesk.cli.lazy import LazyTool, LazyToolsGroup
from trustdesk.domain import Role

app = typer.Typer(
    help="TrustDesk: governed AI customer support.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=LazyToolsGroup,
)
keys_app = typer.Typer(
    help="Create API keys, the identity secret and manage the master key.", no_args_is_help=True
)
audit_app = typer.Typer(help="Check the audit log.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")
app.add_typer(db_app, name="db")

def _demo_keys(data_dir: Path) -> dict[str, str] | None:
    """Keys for the local demo, made once and kept (0600) in the data directory; returns
    them when they were made now, None when they already existed."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.keys import create_key

    path = data_dir / "demo-keys.json"
    if path.exists():
        return None
    db = open_database(load_settings())
    try:
        keys = {
            role.value: create_key(db, role, f"demo {role.value}").secret
            for role in (Role.WIDGET, Role.AGENT, Role.ADMIN)
        }
    finally:
        db.dispose()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(keys, fh, indent=2)
    return keys


@app.command()
def serve(
    demo: Annotated[
        bool, typer.Option(help="Build the bundled demo model, knowledge base and keys first.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="Interface to bind (TRUSTDESK_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (TRUSTDESK_PORT).", min=1, max=65535)]
    = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (TRUSTDESK_WORKERS).", min=1, max=64)
    ] = None,
) -> None:
    """Run the HTTP API (OpenAPI docs at /docs)."""
    from functools import partial

    import uvicorn

    from trustdesk.api.connection import DeadlineHttpToolsProtocol, log_config
    from trustdesk.bootstrap import bootstrap, open_database, prepare_demo
    from trustdesk.settings import Environment

    settings = load_settings()
    if demo and settings.environment is Environment.PRODUCTION:
        fail("--demo is for local trials; it is refused when TRUSTDESK_ENVIRONMENT=production", 2)
    with clean_errors(*boot_errors()):
        if demo:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            report = prepare_demo(settings, gate=True)
            if report.trained_model:
                typer.echo(f"trained demo intent model {report.trained_model}")
            if report.gate is not None:
                how = "passed" if report.gate.passed else "FAILED (activated for local trials, " \
                    "override audited)"
                rates = ", ".join(f"{c.attribute.removeprefix('probe:')} {c.difference:.1%}"
                                  for c in report.gate.checks)
                typer.echo(f"fairness gate on the demo model: {how}; flip rates {rates}")
            if report.ingested_kb:
                typer.echo(f"ingested demo knowledge base {report.ingested_kb}")
        open_database(settings).dispose()  # migrate once, before any worker starts
        bootstrap(settings).db.dispose()  # fail here, with a clear message, if not ready
        if demo:
            keys_file = settings.data_dir / "demo-keys.json"
            keys = _demo_keys(settings.data_dir)
            if keys is not None:  # shown once, here, and never again in a log
                typer.echo(f"demo API keys, shown once (kept in {keys_file}, mode 0600):")
                for role, secret in keys.items():
                    typer.echo(f"  {role:<7} {secret}")
            else:
                typer.echo(f"demo API keys: in {keys_file} (mode 0600)")
    bind_host = host or settings.host
    bind_port = port or settings.port
    typer.echo(f"TrustDesk on http://{bind_host}:{bind_port}  (API docs: /docs)")
    typer.echo("talk to it:  .venv/bin/trustdesk chat")
    uvicorn.run(
        "trustdesk.api.asgi:create",
        factory=True,
        host=bind_host,
        port=bind_port,
        workers=workers or settings.workers,
        log_level=settings.log_level,
        # read deadlines for headers and body (slow clients), and a bound on connections
        # uvicorn calls `http` with its own arguments; a partial picks the timeouts and
        # pickles for the worker processes
        http=partial(  # type: ignore[arg-type]
            DeadlineHttpToolsProtocol, header_timeout=settings.header_timeout_s,
            body_timeout=settings.body_timeout_s,
        ),
        limit_concurrency=settings.max_connections,
        access_log=False,  # trustdesk.access logs route templates, never raw paths
        log_config=log_config(settings.log_level),
        # uvicorn kills a worker that does not answer its supervisor's ping in time (default
        # 5 s): a worker loading its models on a busy machine took longer, and was restarted
        # for ever
        timeout_worker_healthcheck=settings.worker_healthcheck_timeout_s,
    )


@app.command()
def chat(
    url: Annotated[str, typer.Option(help="Base URL of a running TrustDesk.")] = (
        "http://127.0.0.1:8000"
    ),
    key: Annotated[
        str | None,
        typer.Option(help="API key (default: TRUSTDESK_API_KEY, or the demo widget key)."),
    ] = None,
    customer_ref: Annotated[
        str | None, typer.Option(help="Your opaque customer id, to link conversations.")
    ] = None,
    customer_token: Annotated[
        str | None,
        typer.Option(help="The reference signed as a JWT by your back end; without it a widget "
                          "key gets an anonymous customer."),
    ] = None,
    ai_opt_out: Annotated[
        bool, typer.Option(help="Ask for human-only service from the start.")
    ] = False,
) -> None:
    """Talk to the service in a terminal: 'why?' explains, '/contest', '/human' hands off."""
    from trustdesk.cli.chat import run_chat

    settings = load_settings()
    secret = key or os.environ.get("TRUSTDESK_API_KEY")
    if secret is None:
        demo = settings.data_dir / "demo-keys.json"
        if not demo.exists():
            fail("no API key: pass --key, set TRUSTDESK_API_KEY, or run `make run` first", 2)
        secret = json.loads(demo.read_text(encoding="utf-8"))["widget"]
    run_chat(url, secret, customer_ref=customer_ref, customer_token=customer_token,
             ai_opt_out=ai_opt_out)


@keys_app.command("create")
def keys_create(
    role: Annotated[Role, typer.Option(help="widget (customer-facing), agent or admin.")],
    name: Annotated[str, typer.Option(help="What the key is for.")] = "unnamed",
) -> None:
    """Create an API key and print it once (only its hash is stored; audited)."""
    import getpass

    from trustdesk.bootstrap import open_database
    from trustdesk.service.keys import create_key

    if not name.strip() or len(name) > 200:
        fail("--name must be 1-200 characters", 2)
    from trustdesk.bootstrap import load_detector

    settings = load_settings()
    if load_detector(settings).detect(name):
        fail("--name looks like personal data; name the key by what it is for "
             "(e.g. 'shop widget', 'support desk')", 2)
    db = open_database(settings)
    try:
        issued = create_key(db, role, name, actor=f"cli:{getpass.getuser()}")
    finally:
        db.dispose()
    emit_json({"id": issued.caller.key_id, "role": role.value, "name": name, "key": issued.secret})


@keys_app.command("list")
def keys_list() -> None:
    """List API keys (id, role, name, prefix, created, revoked); secrets are never shown."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.keys import list_keys

    db = open_database(load_settings())
    try:
        emit_json([k.__dict__ for k in list_keys(db)])
    finally:
        db.dispose()


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (from `trustdesk keys list`).")],
) -> None:
    """Revoke an API key (audited); running workers refuse it within 30 seconds."""
    import getpass

    from trustdesk.bootstrap import open_database
    from trustdesk.service.keys import UnknownKey, revoke_key

    db = open_database(load_settings())
    try:
        with clean_errors(UnknownKey):
            changed = revoke_key(db, key_id, actor=f"cli:{getpass.getuser()}")
    finally:
        db.dispose()
    typer.echo(f"revoked {key_id}" if changed else f"{key_id} was already revoked")


@keys_app.command("identity-secret")
def keys_identity_secret(
    grace_seconds: Annotated[
        int | None,
        typer.Option(help="How long the secret it replaces stays valid "
                          "(default TRUSTDESK_IDENTITY_SECRET_GRACE_S, one day); 0 ends it now.",
                     min=0, max=30 * 86_400),
    ] = None,
) -> None:
    """Create or rotate the secret your back end signs customer references with (printed once).

    The previous secret keeps verifying for the grace period, so back ends can switch over.
    Stored wrapped by the master key; audited without the secret.
    """
    import getpass

    from trustdesk.bootstrap import load_vault, open_database
    from trustdesk.privacy.vault import MasterKeyError
    from trustdesk.service.identity import rotate_identity_secret

    settings = load_settings()
    with clean_errors(MasterKeyError):
        vault = load_vault(settings)
    db = open_database(settings)
    try:
        issued = rotate_identity_secret(
            db, vault, actor=f"cli:{getpass.getuser()}",
            grace_s=settings.identity_secret_grace_s if grace_seconds is None else grace_seconds,
        )
    finally:
        db.dispose()
    emit_json({
        "id": issued.id, "secret": issued.secret, "replaces": list(issued.rotated),
        "previous_valid_until": (issued.previous_valid_until.isoformat()
                                 if issued.previous_valid_until else None),
    })


@keys_app.command("master")
def keys_master(
    out: Annotated[Path, typer.Option(help="Where to write a new master key (mode 0600).")],
) -> None:
    """Generate a new 256-bit master (key-encryption) key file."""
    from trustdesk.privacy.vault import new_master_key

    if out.exists():
        fail(f"{out} exists; refusing to overwrite a key", 2)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new_master_key() + "\n")
    typer.echo(f"wrote {out}")


@keys_app.command("rotate")
def keys_rotate(
    new_key_file: Annotated[
        Path, typer.Option(help="The new master key (make one with `trustdesk keys master`).")
    ],
    batch: Annotated[int, typer.Option(help="Data keys re-wrapped per transaction.", min=1)] = 500,
) -> None:
    """Re-wrap every customer data key under a new master key; safe to interrupt and re-run.

    Data is not re-encrypted: only the data keys are. While it runs, and until the new key is
    configured everywhere, point TRUSTDESK_PREVIOUS_MASTER_KEY_FILE at the old key.
    """
    from trustdesk.bootstrap import open_database, rotation_vault
    from trustdesk.privacy.vault import MasterKeyError, load_master_key
    from trustdesk.service.keys import rotate_master_key

    settings = load_settings()
    with clean_errors(MasterKeyError):
        old = load_master_key(
            env_value=settings.master_key.get_secret_value() if settings.master_key else None,
            key_file=settings.resolved_master_key_file,
            allow_generate=False,
        )
        new = load_master_key(env_value=None, key_file=new_key_file, allow_generate=False)
    if new.kek_id == old.kek_id:
        fail("the new key is the key in use; make a new one with `trustdesk keys master`", 2)
    db = open_database(settings)
    try:
        with clean_errors(MasterKeyError):
            total = rotate_master_key(
                db, rotation_vault(new), old, batch=batch,
                progress=lambda n: typer.echo(f"re-wrapped {n} data keys so far"))
    finally:
        db.dispose()
    typer.echo(f"done: {total} data keys now under {new.kek_id}. Point TRUSTDESK_MASTER_KEY_FILE "
               f"at {new_key_file} and keep the old key until every worker has restarted.")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check every link of the audit chain and every decision's seal; exit 1 on the first fault."""
    from trustdesk.bootstrap import open_database
    from trustdesk.service.audit import verify_log

    db = open_database(load_settings(), upgrade=False)
    try:
        result = verify_log(db)
    finally:
        db.dispose()
    if not result.ok:
        typer.echo(f"FAILED: {result.problems[0]}", err=True)
        for extra in result.problems[1:10]:
            typer.echo(f"  also: {extra}", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {result.entries} entries, {result.decisions} decisions sealed")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the schema migrations (serve does this on start)."""
    from trustdesk.bootstrap import open_database

    open_database(load_settings()).dispose()
    typer.echo("schema is up to date")


def _privacy_tools() -> typer.Typer:
    from trustdesk.cli import governance, privacy

    privacy.app.command("purge")(governance.purge)
    return privacy.app


# The tools are imported when one of them runs (or asks for its own help), so that
# `trustdesk fairness audit` does not import the knowledge base, the models and the HTTP
# client; the help shown in `trustdesk --help` is the tool's own (tests/core/test_cli_lazy.py).
LazyToolsGroup.tools = (
    LazyTool("ask", "Answer a question from the public knowledge base with a cited quote, or "
             "abstain; the\nJSON says why (the verifier's probability, the passage, the words it "
             "shares).", "trustdesk.cli.kb:ask", group=False),
    LazyTool("model", "Train, evaluate and manage intent models.", "trustdesk.cli.model:app"),
    LazyTool("llm", "Generative (LLM) backend: connectivity check and grounding check.",
             "trustdesk.ai.llm.cli:app"),
    LazyTool("kb", "Build and inspect the knowledge base the assistant answers from.",
             "trustdesk.cli.kb:app"),
    LazyTool("privacy", "Detect and redact personal data (PII).", _privacy_tools),
    LazyTool("dsr", "Data-subject requests: export, erase, list.",
             "trustdesk.cli.governance:dsr_app"),
    LazyTool("fairness", "Fairness of the AI's decisions: audits by group.",
             "trustdesk.cli.fairness:app"),
    LazyTool("ai", "Pause and resume the AI (the kill switch).", "trustdesk.cli.ai:app"),
    LazyTool("reviews", "The review queue.", "trustdesk.cli.reviews:app"),
    LazyTool("policy", "Test a policy before it goes live.", "trustdesk.cli.policy:app"),
    LazyTool("transparency", "Model and system cards, and the transparency report.",
             "trustdesk.cli.transparency:app"),
)
