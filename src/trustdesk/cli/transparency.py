"""`trustdesk transparency model-card|system-card|report`: what the AI is and what it did."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from trustdesk.cli.common import clean_errors, emit_json, fail, load_settings

app = typer.Typer(help="Model and system cards, and the transparency report.",
                  no_args_is_help=True)


class CardFormat(StrEnum):
    MD = "md"
    JSON = "json"


class ReportFormat(StrEnum):
    JSON = "json"
    HTML = "html"


class PeriodOption(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"{option} must be an ISO date or date-time, e.g. 2027-01-31", 2)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"--out: cannot write {out}: {exc.strerror}", 2)
    typer.echo(f"wrote {out}")


@app.command("model-card")
def model_card(
    version: Annotated[str | None, typer.Argument(
        help="Model version (hash or unique prefix of 6+); default: the active one.")] = None,
    fmt: Annotated[CardFormat, typer.Option("--format", help="md or json.")] = CardFormat.MD,
    registry: Annotated[Path | None, typer.Option(
        help="Model registry directory (default: TRUSTDESK_MODEL_DIR).")] = None,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")]
    = None,
) -> None:
    """The intent model's card: intended use, training data, figures with intervals, limits,
    languages, fairness gate, owner and approval."""
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.transparency.model_card import ModelCardError, model_card_markdown
    from trustdesk.transparency.model_card import model_card as build

    settings = load_settings()
    with clean_errors(ModelCardError):
        card = build(ModelRegistry(registry or settings.resolved_model_dir), version,
                     languages=settings.model_languages)
    _emit_card(card, fmt, out, model_card_markdown)


def _emit_card(card: dict[str, Any], fmt: CardFormat, out: Path | None,
               markdown: Callable[[dict[str, Any]], str]) -> None:
    """A card as JSON on stdout, or as Markdown or indented JSON to stdout or `out`."""
    if fmt is CardFormat.JSON and out is None:
        emit_json(card)
        return
    import orjson

    text = (markdown(card) if fmt is CardFormat.MD
            else orjson.dumps(card, option=orjson.OPT_INDENT_2).decode() + "\n")
    _write(text, out)


@app.command("system-card")
def system_card(
    fmt: Annotated[CardFormat, typer.Option("--format", help="md or json.")] = CardFormat.MD,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")]
    = None,
) -> None:
    """The deployment's card: what the AI does and does not do, its models, knowledge base,
    policy and LLM backend, oversight measures, data flows and retention, how to read the logs."""
    from trustdesk.oversight.policy import PolicyError
    from trustdesk.privacy.retention import RetentionError
    from trustdesk.service.transparency import configured_deployment
    from trustdesk.transparency.system_card import system_card as build
    from trustdesk.transparency.system_card import system_card_markdown

    with clean_errors(PolicyError, RetentionError):
        card = build(configured_deployment(load_settings()))
    _emit_card(card, fmt, out, system_card_markdown)


@app.command("report")
def report(
    since: Annotated[str, typer.Option(help="From this ISO date or time (UTC if no zone).")],
    until: Annotated[str | None, typer.Option(help="Up to (not including) this date or time.")]
    = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="json or html.")]
    = ReportFormat.JSON,
    period: Annotated[PeriodOption, typer.Option(help="Buckets of the time series.")]
    = PeriodOption.DAY,
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")]
    = None,
) -> None:
    """Automation rate, review outcomes and override rate, SLA compliance, handoffs by reason
    code, CSAT of AI and human answers, opt-outs, appeals and data-subject requests over a
    period (counted by the database; no network)."""
    from trustdesk.bootstrap import open_database
    from trustdesk.domain.errors import InvalidInput
    from trustdesk.service.transparency import transparency_report
    from trustdesk.transparency.report_html import render_html

    start, end = _when(since, "--since"), _when(until, "--until")
    settings = load_settings()
    db = open_database(settings)
    try:
        with clean_errors(InvalidInput):
            doc = transparency_report(db, settings, since=start, until=end,
                                      period=period.value)
    finally:
        db.dispose()
    if fmt is ReportFormat.JSON and out is None:
        emit_json(doc)
        return
    import orjson

    text = (render_html(doc) if fmt is ReportFormat.HTML
            else orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
    _write(text, out)
