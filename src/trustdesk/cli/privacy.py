"""`trustdesk privacy ...`: run the PII detector from the command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import orjson
import typer

from trustdesk.privacy.pii import CustomPatternError, PiiDetector, PseudonymTable, redact

app = typer.Typer(help="Detect and redact personal data (PII).", no_args_is_help=True)


def _error_line(line_id: Any, message: str) -> bytes:
    return orjson.dumps({"id": line_id, "error": message}) + b"\n"


def _process(detector: PiiDetector, raw: bytes) -> tuple[bytes, bool]:
    """Turn one input line into one output line; the flag says whether it succeeded."""
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        reason = "invalid UTF-8" if "utf-8" in str(exc).lower() else "invalid JSON"
        return _error_line(None, f"{reason}: {exc}"), False
    line_id = record.get("id") if isinstance(record, dict) else None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return _error_line(line_id, 'expected an object like {"id": ..., "text": "..."}'), False
    text: str = record["text"]
    findings = detector.detect(text)
    redaction = redact(text, findings, PseudonymTable())
    out = {
        "id": line_id,
        "spans": [
            {"start": f.start, "end": f.end, "type": f.entity, "score": f.score} for f in findings
        ],
        "redacted": redaction.text,
    }
    try:
        return orjson.dumps(out) + b"\n", True
    except TypeError as exc:  # lone surrogates in the text cannot be written as JSON
        return _error_line(line_id, f"text cannot be encoded as UTF-8: {exc}"), False


def stream(detector: PiiDetector, source: BinaryIO, sink: BinaryIO) -> int:
    """Process JSON lines from source to sink, flushing each; return the number of failures."""
    failures = 0
    for raw in source:
        if not raw.strip():
            continue
        line, ok = _process(detector, raw)
        failures += not ok
        sink.write(line)
        sink.flush()
    return failures


@app.command()
def detect(
    custom_patterns: Annotated[
        Path | None,
        typer.Option(
            "--custom-patterns",
            help="YAML file of extra patterns (entity, regex, score, context), e.g. order numbers.",
            dir_okay=False,
        ),
    ] = None,
    min_score: Annotated[
        float, typer.Option(help="Drop findings scored below this (0-1).", min=0.0, max=1.0)
    ] = 0.5,
) -> None:
    """Read JSON lines {"id", "text"} on stdin; write {"id", "spans", "redacted"} per line.

    A line that cannot be read gets {"id", "error"} and processing goes on; the exit code
    is 1 if any line failed.
    """
    try:
        detector = PiiDetector(custom_patterns=custom_patterns, min_score=min_score)
    except CustomPatternError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    failures = stream(detector, sys.stdin.buffer, sys.stdout.buffer)
    if failures:
        typer.echo(f"{failures} line(s) failed; see the error lines in the output.", err=True)
        raise typer.Exit(1)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="The text to analyse.")],
    custom_patterns: Annotated[
        Path | None,
        typer.Option("--custom-patterns", help="YAML file of extra patterns.", dir_okay=False),
    ] = None,
) -> None:
    """Print each finding in TEXT with the reason it was reported."""
    try:
        detector = PiiDetector(custom_patterns=custom_patterns)
    except CustomPatternError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for finding in detector.detect(text):
        typer.echo(f"{text[finding.start : finding.end]!r}: {finding.explain()}")


@app.command()
def train(
    out: Annotated[
        Path,
        typer.Option("--out", help="Directory to write the tagger artefact to (weights + meta).",
                     file_okay=False),
    ],
    seed: Annotated[int, typer.Option(help="Corpus seed: the same seed gives the same corpus.")]
    = 20261201,
    messages: Annotated[
        int, typer.Option(help="Training messages to generate.", min=100, max=200_000)
    ] = 14_000,
    evaluate: Annotated[
        int, typer.Option(help="Messages of held-out locales to score the tagger on.", min=0,
                          max=50_000)
    ] = 800,
) -> None:
    """Train the learned name/address tagger on a generated corpus and write it to OUT.

    Needs the `train` extra (Faker, python-crfsuite). Point TRUSTDESK_PII_TAGGER_DIR at OUT,
    or copy it over trustdesk/privacy/pii/data/tagger to ship it.
    """
    try:
        from trustdesk.privacy.pii.learned.training import train_tagger
    except ImportError as exc:
        typer.echo("Error: training needs the train extra: pip install 'trustdesk[train]'",
                   err=True)
        raise typer.Exit(2) from exc
    try:
        report = train_tagger(out, seed=seed, messages=messages, evaluate=evaluate)
    except (RuntimeError, ImportError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"trained {report.version} on {report.messages} messages in "
               f"{report.seconds:.0f} s -> {out}")
    for key in ("held_out_locales_scores", "training_locales_fresh_seed_scores"):
        if key in report.meta:
            typer.echo(f"{key}: {report.meta[key]}")
