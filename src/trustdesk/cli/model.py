"""`trustdesk model`: train, evaluate, serve predictions from, and register intent models."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trustdesk.cli.common import fail

if TYPE_CHECKING:
    from trustdesk.ai.intent.registry import ModelRegistry

app = typer.Typer(help="Train, evaluate and manage intent models.", no_args_is_help=True)

DataOpt = Annotated[Path, typer.Option("--data", help="Labelled CSV/TSV or JSON lines file.")]
TextCol = Annotated[str, typer.Option("--text-column", help="Column holding the message text.")]
LabelCol = Annotated[str, typer.Option("--label-column", help="Column holding the intent label.")]
ModelOpt = Annotated[Path, typer.Option("--model", help="Directory of a saved model.")]
RegistryOpt = Annotated[
    Path | None,
    typer.Option("--registry", help="Model registry directory (default: the service's)."),
]


def _registry_dir(registry: Path | None) -> Path:
    if registry is not None:
        return registry
    from trustdesk.cli.common import load_settings

    return load_settings().resolved_model_dir


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn the errors a user can cause into a message on stderr and an exit code."""
    from trustdesk.ai.embeddings import EmbedderIntegrityError, EmbeddingsUnavailableError
    from trustdesk.ai.intent.artefact import ModelArtefactError
    from trustdesk.ai.intent.registry import RegistryError
    from trustdesk.ai.intent.training import TrainingDataError

    try:
        yield
    except (TrainingDataError, RegistryError) as exc:
        fail(str(exc), 2)
    except (ModelArtefactError, EmbeddingsUnavailableError, EmbedderIntegrityError) as exc:
        fail(str(exc), 1)


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command()
def train(
    data: DataOpt,
    out: Annotated[
        Path | None, typer.Option("--out", help="Directory to save the trained model in.")
    ] = None,
    text_column: TextCol = "text",
    label_column: LabelCol = "label",
    oos_label: Annotated[
        str, typer.Option("--oos-label", help="Label meaning out of scope; '' for none.")
    ] = "out_of_scope",
    registry: Annotated[
        Path | None, typer.Option("--registry", help="Also add the model to this registry.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the splits and the model.")] = 0,
    test_fraction: Annotated[
        float, typer.Option("--test-fraction", min=0.05, max=0.5, help="Share held out for test.")
    ] = 0.15,
    backend: Annotated[
        str,
        typer.Option(
            "--backend",
            help="tfidf (default) or embeddings (adds sentence embeddings; needs the "
            "optional extra: pip install 'trustdesk[embeddings]').",
        ),
    ] = "tfidf",
    refit: Annotated[
        bool,
        typer.Option(
            "--refit/--no-refit",
            help="After measuring on the held-out splits, fit the shipped model again on "
            "every labelled row (default); --no-refit ships the evaluation fit itself.",
        ),
    ] = True,
    with_conversations: Annotated[
        bool,
        typer.Option(
            "--with-conversations",
            help="Add reviewed conversations (intents a person approved or edited) of customers "
            "who consented to model_training; reports how many were excluded.",
        ),
    ] = False,
    reweight: Annotated[
        str | None,
        typer.Option(
            "--reweight",
            help="A group column (e.g. language, channel): weigh rows by group x label so that "
            "group and intent are independent in the fit (never a feature); the JSON adds "
            "per-group test accuracy without and with the weights.",
        ),
    ] = None,
    counterfactual: Annotated[
        bool,
        typer.Option(
            "--counterfactual/--no-counterfactual",
            help="Add copies of training rows in which only who is named changes (gendered "
            "words swapped, a family member named), so that no intent learns them as its sign "
            "(default; tfidf backend only).",
        ),
    ] = True,
) -> None:
    """Train an intent model; print validation and held-out test metrics as JSON."""
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.ai.intent.training_run import BACKENDS, train_from_file

    if out is None and registry is None:
        fail("say where the model goes: --out DIR and/or --registry DIR", 2)
    chosen = next((b for b in BACKENDS if b == backend), None)
    if chosen is None:
        fail(f"unknown --backend {backend!r}; use one of: {', '.join(BACKENDS)}", 2)
    conversations: dict[str, int] | None = None
    if reweight is not None and with_conversations:
        fail("--reweight and --with-conversations cannot be combined (reviewed conversations "
             "carry no group column)", 2)
    if with_conversations:
        with _user_errors():
            data, conversations = _with_conversations(data, text_column, label_column)
        text_column, label_column = "text", "label"
        typer.echo(
            f"conversations: {conversations['included']} reviewed messages added, "
            f"{conversations['excluded_without_model_training_consent']} excluded without "
            "model_training consent",
            err=True,
        )
    with _user_errors():
        run = train_from_file(
            data,
            text_column=text_column,
            label_column=label_column,
            oos_label=oos_label or None,
            test_fraction=test_fraction,
            seed=seed,
            out=out,
            registry=ModelRegistry(registry) if registry else None,
            backend=chosen,
            refit=refit,
            reweight=reweight,
            counterfactual=counterfactual,
        )
    for warning in run.warnings:
        typer.echo(f"warning: {warning}", err=True)
    summary = run.summary()
    if conversations is not None:
        summary["conversations"] = conversations
    _print_json(summary)


def _with_conversations(
    data: Path, text_column: str, label_column: str
) -> tuple[Path, dict[str, int]]:
    """The file's rows plus consented reviewed examples, written to a temporary CSV."""
    import csv
    import getpass
    import tempfile

    from trustdesk.ai.intent.training import load_labelled
    from trustdesk.bootstrap import consent_policy, open_database
    from trustdesk.cli.common import load_settings
    from trustdesk.service.training_data import reviewed_examples

    texts, labels = load_labelled(data, text_column, label_column)
    settings = load_settings()
    policy = consent_policy(settings)
    db = open_database(settings)
    try:
        export = reviewed_examples(db, policy, actor=f"cli:{getpass.getuser()}")
    finally:
        db.dispose()
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", prefix="trustdesk-train-", delete=False, encoding="utf-8", newline=""
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(zip(texts, labels, strict=True))
        writer.writerows(zip(export.texts, export.labels, strict=True))
    return Path(handle.name), export.summary()


@app.command()
def predict(model: ModelOpt) -> None:
    """Read JSON lines {"id","text"} on stdin; write {"id","label","confidence",...} per line."""
    from trustdesk.ai.intent.loader import load_model

    with _user_errors():
        loaded = load_model(model)
    stdin = typer.get_text_stream("stdin")
    for lineno, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _emit({"line": lineno, "error": f"not valid JSON: {exc.msg}"})
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            rid = record.get("id") if isinstance(record, dict) else None
            _emit({"id": rid, "line": lineno, "error": 'expected {"id": ..., "text": "..."}'})
            continue
        p = loaded.predict(record["text"])
        _emit({"id": record.get("id"), "label": p.label, "confidence": round(p.confidence, 6),
               "in_scope": p.in_scope})


def _emit(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False))
    sys.stdout.flush()


@app.command("eval")
def evaluate(
    model: ModelOpt, data: DataOpt, text_column: TextCol = "text", label_column: LabelCol = "label"
) -> None:
    """Score a saved model on a labelled file; print accuracy, F1, abstention, ECE, latency."""
    from trustdesk.ai.intent.evaluation import evaluate as run_evaluation
    from trustdesk.ai.intent.loader import load_model
    from trustdesk.ai.intent.training import load_labelled

    with _user_errors():
        loaded = load_model(model)
        texts, labels = load_labelled(data, text_column, label_column)
    result = run_evaluation(loaded, texts, labels)
    if result.overlap_with_training:
        typer.echo(
            f"warning: {result.overlap_with_training} of {result.rows} rows duplicate texts the "
            "model was trained on; these figures overstate its accuracy",
            err=True,
        )
    _print_json({"version": loaded.version, **result.as_dict()})


@app.command("list")
def list_versions(
    registry: RegistryOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List registered model versions with their figures; * marks the active one."""
    from trustdesk.ai.intent.registry import ModelRegistry

    registry = _registry_dir(registry)
    versions = ModelRegistry(registry).versions()
    if as_json:
        _print_json([v.__dict__ for v in versions])
        return
    if not versions:
        typer.echo(f"no models in {registry}; add one with `trustdesk model train --registry`")
        return
    for v in versions:
        test = v.metrics.get("test", {})
        acc = test.get("in_scope_accuracy")
        figure = f"test in-scope acc {acc:.3f}" if isinstance(acc, float) else "no test figures"
        typer.echo(f"{'*' if v.active else ' '} {v.version[:16]}  {v.created_at}  {figure}")


@app.command()
def activate(
    version: Annotated[str, typer.Argument(help="Version hash (or a unique prefix, 6+ chars).")],
    registry: RegistryOpt = None,
    eval_data: Annotated[Path | None, typer.Option(
        "--eval-data", help="Run the fairness gate first on this labelled evaluation set "
                            "(CSV or JSON lines, with the --group columns).")] = None,
    group: Annotated[list[str] | None, typer.Option(
        "--group", help="A group column of --eval-data; repeat for more.")] = None,
    text_column: TextCol = "text",
    label_column: LabelCol = "label",
    override_reason: Annotated[str | None, typer.Option(
        "--override-reason", help="Activate although the gate failed or was not run; the "
                                  "reason is kept in the audit log.")] = None,
) -> None:
    """Activate a version if its fairness gate passed (audited; restart serve to use it)."""
    import getpass

    from trustdesk.bootstrap import load_detector, open_database
    from trustdesk.cli.common import load_settings
    from trustdesk.cli.fairness import candidate_paths
    from trustdesk.domain.errors import InvalidInput
    from trustdesk.fairness.gate import GateError, load_policy, read_evaluation
    from trustdesk.service.models import GateRefused, activate_model, check_gate

    settings = load_settings()
    reg = _registry_dir_registry(registry, settings.resolved_model_dir)
    actor = f"cli:{getpass.getuser()}"
    if group and eval_data is None:
        fail("--group applies to --eval-data", 2)
    try:
        policy = load_policy(settings.fairness_gate_policy_file)
        evaluation = None if eval_data is None else read_evaluation(
            eval_data, text_column=text_column, label_column=label_column, groups=group or [])
    except GateError as exc:
        fail(str(exc), 2)
    db = open_database(settings)
    try:
        with _user_errors():
            if evaluation is not None:
                try:
                    with candidate_paths(settings) as path_for:
                        result = check_gate(db, reg, version, evaluation, policy, actor=actor,
                                            path_for=path_for)
                except GateError as exc:
                    fail(str(exc), 2)
                for failure in result.failures():
                    typer.echo(f"gate: {failure}", err=True)
            try:
                done = activate_model(db, reg, version, actor=actor, policy=policy,
                                      detector=load_detector(settings),
                                      override_reason=override_reason)
            except InvalidInput as exc:
                fail(str(exc), 2)
            except GateRefused as exc:
                fail(str(exc), 1)
    finally:
        db.dispose()
    how = ("fairness gate passed" if done.gate_passed else
           "fairness gate overridden, reason audited")
    typer.echo(f"active: {done.version} ({how}; audited; restart `trustdesk serve` to load it)")


def _registry_dir_registry(registry: Path | None, default: Path) -> ModelRegistry:
    from trustdesk.ai.intent.registry import ModelRegistry

    return ModelRegistry(registry if registry is not None else default)
