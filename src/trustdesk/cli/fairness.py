"""`trustdesk fairness ...`: audit decisions by group, from an export or from the store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import orjson
import typer

from trustdesk.cli.common import boot_errors, booted, clean_errors, emit_json, fail, load_settings

if TYPE_CHECKING:
    from trustdesk.ai.intent.model import IntentModel
    from trustdesk.fairness.probes import Analyser
    from trustdesk.service.context import Services
    from trustdesk.settings import Settings
    from trustdesk.store.repositories.fairness import Period

app = typer.Typer(help="Fairness of the AI's decisions: audits by group.", no_args_is_help=True)


class Format(StrEnum):
    JSON = "json"
    HTML = "html"


class PeriodOption(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


_PERIODS: dict[PeriodOption, Period] = {
    PeriodOption.DAY: "day", PeriodOption.WEEK: "week", PeriodOption.MONTH: "month"}


class CorrectionOption(StrEnum):
    HOLM = "holm"
    BH = "bh"


def _parse_since(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail("expected an ISO date or time like 2027-01-31", 2)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _stored(groups: list[str], outcome: str, since: datetime,
            period: PeriodOption | None) -> dict[str, Any]:
    from trustdesk.fairness.protected import VOCABULARY
    from trustdesk.store.repositories.fairness import decision_cells

    when: Period | None = None if period is None else _PERIODS[period]
    if any(g in VOCABULARY for g in groups):
        # protected groups are encrypted: the services open them through the access path
        from trustdesk.service.fairness.protected import stored_cells

        svc = booted()
        try:
            names, rows = stored_cells(svc, groups=groups, outcome=outcome, since=since,
                                       period=when)
        finally:
            svc.db.dispose()
        return {"names": names, "rows": rows}
    from trustdesk.bootstrap import open_database

    db = open_database(load_settings())
    try:
        names, rows = decision_cells(db.engine, groups=groups, outcome=outcome, since=since,
                                     period=when)
    finally:
        db.dispose()
    return {"names": names, "rows": rows}


def _write(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text)
        return
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)


@app.command("audit")
def audit(
    outcome: Annotated[str, typer.Option(
        help="The outcome column (0/1, true/false, a time or a score); over stored decisions: "
             "automatic, review or handoff.")],
    group: Annotated[list[str], typer.Option(
        help="A group column; repeat for more (each alone and their intersection).")],
    data: Annotated[Path | None, typer.Option(
        help="A CSV or Parquet export (by suffix); without it, the stored decisions.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Stored decisions made on or after this ISO date (needed without --data).")] = None,
    label: Annotated[str | None, typer.Option(
        help="The ground-truth column (0/1): adds equal opportunity and equalized odds.")] = None,
    positive: Annotated[str | None, typer.Option(
        help="For a text outcome column: the value that counts as selected.")] = None,
    time: Annotated[str | None, typer.Option(
        help="A date/time column: adds trends per period (stored decisions: always).")] = None,
    period: Annotated[PeriodOption, typer.Option(help="Trend period.")] = PeriodOption.WEEK,
    min_cell_size: Annotated[int, typer.Option(
        help="Groups with fewer decisions are suppressed.", min=1)] = 10,
    bootstrap: Annotated[int, typer.Option(
        help="Bootstrap replicates for the intervals of differences and ratios.",
        min=0, max=100_000)] = 1000,
    seed: Annotated[int, typer.Option(help="Seed of the bootstrap.")] = 0,
    confidence: Annotated[float, typer.Option(
        help="Confidence level of the intervals.", min=0.5, max=0.999)] = 0.95,
    correction: Annotated[CorrectionOption, typer.Option(
        help="Multiple-comparison correction: holm or bh.")] = CorrectionOption.HOLM,
    fmt: Annotated[Format, typer.Option("--format", help="json or html.")] = Format.JSON,
    out: Annotated[Path | None, typer.Option(
        help="Write the report here (mode 0600) instead of standard output.")] = None,
) -> None:
    """Selection rates, parity gaps, intervals and corrected tests per group, as JSON or HTML."""
    from trustdesk.fairness import AuditOptions, CellCounts, FairnessDataError, FairnessReport
    from trustdesk.fairness.audit import PERIOD_ATTRIBUTE, AuditRequest, audit_file, trend

    options = AuditOptions(min_cell_size=min_cell_size, confidence=confidence,
                           n_bootstrap=bootstrap, seed=seed, correction=correction.value)
    try:
        if data is not None:
            if since is not None:
                fail("--since applies to stored decisions; leave it out with --data", 2)
            request = AuditRequest(outcome=outcome, groups=tuple(group), label=label,
                                   positive=positive, time=time, period=period.value)
            document = audit_file(data, request, options)
        else:
            if since is None:
                fail("give --data FILE, or --since DATE to audit the stored decisions", 2)
            for name, value in (("--label", label), ("--positive", positive), ("--time", time)):
                if value is not None:
                    fail(f"{name} applies to --data files only", 2)
            if PERIOD_ATTRIBUTE in group:
                fail(f"--group: {PERIOD_ATTRIBUTE!r} is reserved for the trend", 2)
            when = _parse_since(since)
            stored = _stored(list(group), outcome, when, period)
            if not stored["rows"]:
                fail("no stored decisions since that date", 1)
            counts = CellCounts.from_cells(stored["names"], stored["rows"], labelled=False)
            names = tuple(group)
            groupings: list[tuple[str, ...]] = [(g,) for g in names]
            if len(names) > 1:
                groupings.append(names)
            report = FairnessReport.from_counts(counts, options=options, groupings=groupings)
            document = {"kind": "rate", "outcome": outcome, "label": None,
                        "source": {"store": True, "since": when.isoformat()},
                        **report.to_dict(),
                        "trend": {"time": "created_at", "period": period.value,
                                  "points": trend(counts, options)}}
    except (FairnessDataError, ValueError) as exc:
        fail(str(exc), 2)
    if fmt is Format.HTML:
        from trustdesk.fairness.html import render_html

        if document["kind"] != "rate":
            fail("--format html needs a 0/1 outcome; use json for times and scores", 2)
        _write(render_html(document), out)
    elif out is None:
        emit_json(document)
    else:
        _write(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n", out)


@app.command("monitor")
def monitor(
    now: Annotated[str | None, typer.Option(
        help="End of the window as an ISO time (default: now).")] = None,
) -> None:
    """Run the fairness monitor once over its window (serve runs it on a timer); prints alerts."""
    from trustdesk.service.fairness.monitor import run_monitor

    when = None if now is None else _parse_since(now)
    svc = booted()
    try:
        raised = run_monitor(svc, now=when)
    finally:
        svc.db.dispose()
    emit_json({"raised": [{**vars(a), "attributes": list(a.attributes)} for a in raised]})


@app.command("probe")
def probe(
    families: Annotated[list[str] | None, typer.Option(
        "--families", help="A probe family; repeat for more (default: all).")] = None,
    limit: Annotated[int | None, typer.Option(
        help="Use only the first N base messages.", min=1)] = None,
    seed: Annotated[int, typer.Option(help="Seed of the rewrites (names, typos).")] = 0,
    worst: Annotated[int, typer.Option(help="Examples of flips per family.", min=0)] = 5,
    fmt: Annotated[Format, typer.Option("--format", help="json or html (json only).")]
    = Format.JSON,
) -> None:
    """Rewrite realistic messages by family, run each through the whole path, report flips."""
    from trustdesk.fairness.probes import BASE_MESSAGES, path_analyser, run_probes

    if fmt is not Format.JSON:
        fail("--format: the probe report is JSON only", 2)
    svc = booted()
    try:
        messages = BASE_MESSAGES[:limit] if limit else BASE_MESSAGES
        try:
            results = run_probes(path_analyser(svc), families=families, messages=messages,
                                 seed=seed, worst=worst)
        except ValueError as exc:
            fail(str(exc), 2)
    finally:
        svc.db.dispose()
    emit_json({
        "messages": len(messages),
        "fields": ["kind", "intent", "article"],
        "families": [
            {"family": r.family, "variants": r.variants, "flips": r.flips,
             "flip_rate": r.rate, "lower": r.lower, "upper": r.upper, "by_field": r.fields,
             "worst": [{"variant": f.variant, "original": f.original,
                        "rewritten": f.rewritten, "before": list(f.before),
                        "after": list(f.after)} for f in r.worst]}
            for r in results
        ],
    })


@contextmanager
def candidate_paths(settings: Settings) -> Iterator[Callable[[IntentModel], Analyser]]:
    """Builds the whole message path around a candidate model, for the gate's probes."""
    from trustdesk.bootstrap import bootstrap
    from trustdesk.fairness.probes import path_analyser

    opened: list[Services] = []

    def build(model: IntentModel) -> Analyser:
        with clean_errors(*boot_errors()):
            svc = bootstrap(settings, classifier=model)
        opened.append(svc)
        return path_analyser(svc)

    try:
        yield build
    finally:
        for svc in opened:
            svc.db.dispose()


@app.command("gate")
def gate(
    model: Annotated[str, typer.Option(
        "--model", help="The registered version to check (hash or a unique 6+ prefix).")],
    data: Annotated[Path, typer.Option(
        help="Labelled evaluation set (CSV or JSON lines) with the group columns.")],
    group: Annotated[list[str], typer.Option(
        help="A group column of the evaluation set; repeat for more.")],
    text_column: Annotated[str, typer.Option(help="Column holding the message text.")] = "text",
    label_column: Annotated[str, typer.Option(help="Column holding the true intent.")]
    = "label",
    registry: Annotated[Path | None, typer.Option(
        help="Model registry directory (default: the service's).")] = None,
    policy: Annotated[Path | None, typer.Option(
        help="Gate thresholds (YAML; default TRUSTDESK_FAIRNESS_GATE_POLICY_FILE, or the "
             "built-in ones).")] = None,
) -> None:
    """Check a model version's fairness against the gate policy; exit 1 when it fails.

    Writes fairness_gate.json in the version's registry directory (what `model activate`
    requires) and audits the result.
    """
    import getpass

    from trustdesk.ai.intent.artefact import ModelArtefactError
    from trustdesk.ai.intent.registry import ModelRegistry, RegistryError
    from trustdesk.bootstrap import open_database
    from trustdesk.fairness.gate import GateError, load_policy, read_evaluation
    from trustdesk.service.models import check_gate

    settings = load_settings()
    try:
        chosen = load_policy(policy or settings.fairness_gate_policy_file)
        evaluation = read_evaluation(data, text_column=text_column, label_column=label_column,
                                     groups=group)
    except GateError as exc:
        fail(str(exc), 2)
    db = open_database(settings)
    try:
        with candidate_paths(settings) as path_for:
            result = check_gate(db, ModelRegistry(registry or settings.resolved_model_dir),
                                model, evaluation, chosen, actor=f"cli:{getpass.getuser()}",
                                path_for=path_for)
    except (GateError, RegistryError) as exc:
        fail(str(exc), 2)
    except ModelArtefactError as exc:
        fail(str(exc), 1)
    finally:
        db.dispose()
    emit_json({**result.to_json(), "rows": len(evaluation.texts), "groups": result.details})
    if not result.passed:
        for failure in result.failures():
            typer.echo(f"gate failed: {failure}", err=True)
        raise typer.Exit(1)


class ConstraintOption(StrEnum):
    DEMOGRAPHIC_PARITY = "demographic_parity"
    EQUAL_OPPORTUNITY = "equal_opportunity"


def _score_columns(path: Path, score: str, label: str, group: str) -> tuple[Any, Any, Any]:
    import numpy as np

    from trustdesk.fairness.audit import read_table
    from trustdesk.fairness.counts import binary

    table = read_table(path, [score, label, group])
    column = table[score]
    if not _is_number(column.type) or column.null_count:
        fail(f"{score}: expected a number in every row", 2)
    groups = table[group].cast("string").to_numpy(zero_copy_only=False)
    if any(v is None for v in groups):
        fail(f"{group}: has missing values", 2)
    return (np.asarray(column.to_numpy(), dtype=np.float64), binary(table[label], label),
            groups)


def _is_number(kind: Any) -> bool:
    import pyarrow.types as pat

    return bool(pat.is_integer(kind) or pat.is_floating(kind))


@app.command("thresholds")
def thresholds(
    data: Annotated[Path, typer.Option(
        help="CSV or Parquet to fit on: a score, a 0/1 label and a group column.")],
    score: Annotated[str, typer.Option(help="The score column (higher = act automatically).")],
    label: Annotated[str, typer.Option(
        help="The 0/1 column: 1 where acting automatically was right.")],
    group: Annotated[str, typer.Option(help="The group column that gets its own threshold.")],
    constraint: Annotated[ConstraintOption, typer.Option(
        help="demographic_parity (equal selection rates) or equal_opportunity (equal true "
             "positive rates).")] = ConstraintOption.DEMOGRAPHIC_PARITY,
    threshold: Annotated[float, typer.Option(
        help="The single threshold in use now: the 'before', and the default for groups the "
             "fit never saw.")] = 0.5,
    evaluate: Annotated[Path | None, typer.Option(
        "--eval", help="Measure before/after on this file (same columns) instead of the fit "
                       "data.")] = None,
    min_cell_size: Annotated[int, typer.Option(
        help="Groups with fewer rows are suppressed in the report.", min=1)] = 10,
    out: Annotated[Path | None, typer.Option(
        help="Also write the thresholds here as JSON (mode 0600).")] = None,
) -> None:
    """Fit one decision threshold per group (post-processing, ThresholdOptimizer-style) and
    report the gaps and accuracy before and after."""
    from trustdesk.fairness import FairnessDataError
    from trustdesk.fairness.thresholds import before_after, fit_group_thresholds

    try:
        s, y, g = _score_columns(data, score, label, group)
        fitted = fit_group_thresholds(s, y, g, constraint=constraint.value, default=threshold)
        measured_on = data if evaluate is None else evaluate
        if evaluate is not None:
            s, y, g = _score_columns(evaluate, score, label, group)
        report = before_after(s, y, {group: g}, fitted, attribute=group, threshold=threshold,
                              min_cell_size=min_cell_size)
    except (FairnessDataError, ValueError) as exc:
        fail(str(exc), 2)
    document = {"fitted_on": data.name, "measured_on": measured_on.name,
                "measured_on_fit_data": evaluate is None, **fitted.to_json(), **report}
    if out is not None:
        _write(orjson.dumps(fitted.to_json(), option=orjson.OPT_INDENT_2).decode() + "\n", out)
    emit_json(document)
