"""`trustdesk kb ...` and `trustdesk ask`: build, inspect and query the knowledge base."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from trustdesk.ai.kb import AUDIENCES, KnowledgeBase, ingest
from trustdesk.ai.kb.asked import ASKED_FILE, MIN_QUESTIONS, AskedModel, cross_fitted
from trustdesk.ai.kb.calibration import (
    DEFAULT_TARGET_PRECISION,
    NO_PASSAGE_INPUTS,
    SHIPPED_FOR_KB_VERSIONS,
    Calibration,
    load_calibration,
    save_calibration,
)
from trustdesk.ai.kb.chunking import DEFAULT_MAX_CHARS
from trustdesk.ai.kb.errors import (
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    KnowledgeBaseError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from trustdesk.ai.kb.intents import IntentReader
from trustdesk.ai.kb.storage import read_current
from trustdesk.cli.common import emit_json, fail

# Errors in what the user passed (exit 2) rather than in the stored state (exit 1).
_INPUT_ERRORS = (
    UnsupportedFormatError,
    UnreadableDocumentError,
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
)

app = typer.Typer(
    help="Build and inspect the knowledge base the assistant answers from.",
    no_args_is_help=True,
)

KbDir = Annotated[
    Path | None,
    typer.Option(
        "--kb-dir",
        help="Directory holding the knowledge-base versions and the CURRENT pointer "
        "(default: TRUSTDESK_KB_DIR, else TRUSTDESK_DATA_DIR/kb).",
        file_okay=False,
    ),
]


def _kb_dir(kb_dir: Path | None) -> Path:
    """The given directory, else the service's (TRUSTDESK_KB_DIR or TRUSTDESK_DATA_DIR/kb)."""
    if kb_dir is not None:
        return kb_dir
    from trustdesk.cli.common import load_settings

    return load_settings().resolved_kb_dir


def _intent_model() -> IntentReader | None:
    """The service's active intent model, if there is one: the verifier reads its view."""
    from trustdesk.bootstrap import NotReady, load_intent_model
    from trustdesk.cli.common import load_settings

    try:
        return load_intent_model(load_settings())
    except (NotReady, OSError, ValueError):
        return None


def _load(kb_dir: Path | None) -> KnowledgeBase:
    return KnowledgeBase.load(_kb_dir(kb_dir), intents=_intent_model())


def _fail_on(exc: KnowledgeBaseError) -> None:
    fail(str(exc), 2 if isinstance(exc, _INPUT_ERRORS) else 1)


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files (.md, .html, FAQ .csv) or directories of them."),
    ],
    kb_dir: KbDir = None,
    max_chars: Annotated[
        int, typer.Option(help="Upper bound on passage length in characters.", min=200)
    ] = DEFAULT_MAX_CHARS,
) -> None:
    """Ingest articles as a new KB version (unchanged articles are reused); print the report:
    what was added, updated, removed, merged, and every warning (also on stderr)."""
    try:
        report = ingest(paths, _kb_dir(kb_dir), max_chars=max_chars)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
    else:
        for warning in report.warnings:
            typer.echo(f"warning: {warning}", err=True)
        typer.echo(
            f"ingested {report.articles} articles ({report.faq_entries} FAQ entries), "
            f"{report.chunks} passages: {len(report.added)} added, {len(report.updated)} "
            f"updated, {len(report.removed)} removed, {len(report.unchanged)} unchanged, "
            f"{report.merged} merged duplicates, {len(report.warnings)} warnings; version "
            f"{report.version}{'' if report.changed else ' (unchanged)'}",
            err=True,
        )
        calibrated = load_calibration(_kb_dir(kb_dir)) is not None
        if not calibrated and report.version not in SHIPPED_FOR_KB_VERSIONS:
            typer.echo(
                "note: this help centre has no answer calibration yet, so every AI answer from "
                "it goes to the review queue; run `trustdesk kb calibrate --questions FILE` "
                "with labelled questions to let answers above the fitted threshold be sent",
                err=True,
            )
        elif report.changed and calibrated:
            typer.echo(
                "note: the stored calibration was fitted on an earlier version; run "
                "`trustdesk kb calibrate` again if the articles changed much",
                err=True,
            )
        emit_json(report.to_dict())


@app.command("show")
def show(
    kb_dir: KbDir = None,
    articles: Annotated[
        bool, typer.Option(help="List every article with its visibility and passage count.")
    ] = True,
) -> None:
    """Print the CURRENT version: articles, passages, public and internal counts."""
    try:
        stored = read_current(_kb_dir(kb_dir))
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    visibility = Counter(article.visibility for article in stored.articles)
    summary: dict[str, Any] = {
        "version": stored.version,
        "created_at": stored.created_at,
        "chunking": stored.chunking,
        "articles": len(stored.articles),
        "public": visibility["public"],
        "internal": visibility["internal"],
        "chunks": len(stored.chunks()),
    }
    if articles:
        summary["items"] = [
            {
                "id": article.id,
                "title": article.title,
                "visibility": article.visibility,
                "url": article.url,
                "chunks": len(article.chunks),
            }
            for article in stored.articles
        ]
    emit_json(summary)


@app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="What to look for (already redacted).")],
    kb_dir: KbDir = None,
    k: Annotated[int, typer.Option("-k", help="How many passages to return.", min=1, max=50)] = 3,
    audience: Annotated[
        str,
        typer.Option(help="customer sees public articles only; agent also sees internal ones."),
    ] = "customer",
) -> None:
    """Print the best passages for a query, with their BM25 scores."""
    if audience not in AUDIENCES:
        fail(f"--audience must be one of: {', '.join(AUDIENCES)}", 2)
    try:
        passages = KnowledgeBase.load(_kb_dir(kb_dir)).search(query, k, audience=audience)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    emit_json([asdict(passage) for passage in passages])


def ask(
    question: Annotated[str, typer.Argument(help="A customer question (already redacted).")],
    kb_dir: KbDir = None,
) -> None:
    """Answer a question from the public knowledge base with a cited quote, or abstain; the
    JSON says why (the verifier's probability, the passage, the words it shares)."""
    try:
        answer = _load(kb_dir).answer(question)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    emit_json(asdict(answer))


@app.command("calibrate")
def calibrate(
    questions: Annotated[
        Path,
        typer.Option(
            "--questions",
            help='Labelled validation questions, JSON lines {"question", "article_id"} '
            "(article_id null when the help centre cannot answer); rows with a \"split\" "
            "other than dev are skipped.",
            exists=True,
            dir_okay=False,
        ),
    ],
    kb_dir: KbDir = None,
    target_precision: Annotated[
        float,
        typer.Option(
            "--target-precision", min=0.5, max=0.999, help="Precision the answers sent must keep."
        ),
    ] = DEFAULT_TARGET_PRECISION,
    folds: Annotated[
        int | None,
        typer.Option(
            "--folds", min=2, max=20,
            help="Choose the threshold on K-fold out-of-fold probabilities (cross-fitting) "
            "instead of on the fit's own questions.",
        ),
    ] = None,
    question_model: Annotated[
        bool,
        typer.Option(
            "--question-model/--no-question-model",
            help="Also learn from the questions which article customers ask about in which "
            f"words (needs {MIN_QUESTIONS} or more; read out of fold for the fit).",
        ),
    ] = True,
) -> None:
    """Fit the answer calibration and threshold on validation questions; store it with the KB,
    with a model of which article the questions ask about (`ai.kb.asked`)."""
    import json

    directory = _kb_dir(kb_dir)
    try:
        kb = _load(directory)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    known = {c.article_id for c in kb.chunks if c.visibility == "public"}
    rows: list[tuple[str, str | None]] = []
    for lineno, line in enumerate(questions.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            fail(f"{questions}:{lineno}: not valid JSON ({exc.msg})", 2)
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            fail(f'{questions}:{lineno}: expected {{"question": "...", "article_id": ...}}', 2)
        if row.get("split", "dev") != "dev":
            continue
        article = row.get("article_id")
        if article is not None and article not in known:
            fail(f"{questions}:{lineno}: article_id is not a public article of this KB", 2)
        rows.append((row["question"], article))
    if not rows:
        fail(f"{questions}: no validation questions found", 2)
    texts, labels = [q for q, _ in rows], [a for _, a in rows]
    asked = None
    readers: list[AskedModel | None] = [None] * len(rows)
    if question_model and len(rows) >= MIN_QUESTIONS and len(set(labels)) >= 2:
        asked = AskedModel.fit(texts, labels, fitted_on=questions.name)
        readers = list(cross_fitted(texts, labels))
    kb = kb.with_asked(asked)
    inputs: list[tuple[float, ...]] = []
    correct: list[bool] = []
    for (text, article), reader in zip(rows, readers, strict=True):
        passages, best = kb.verify(text, asked=reader)
        inputs.append(best or NO_PASSAGE_INPUTS)
        correct.append(bool(passages) and article is not None and passages[0].article_id == article)
    fitted_on = f"{questions.name} ({kb.version})"
    if folds is None:
        fitted = Calibration.fit(
            inputs, correct, target_precision=target_precision, fitted_on=fitted_on
        )
    else:
        from trustdesk.ai.kb.cross_fit import cross_fit

        fitted = cross_fit(
            inputs, correct, folds=folds, target_precision=target_precision,
            fitted_on=fitted_on,
        )
    path = save_calibration(directory, fitted)
    if asked is not None:
        asked.save(directory)
    else:  # a stored model would be read beside a calibration fitted without it
        (directory / ASKED_FILE).unlink(missing_ok=True)
    answered = sum(fitted.probability(x) >= fitted.threshold for x in inputs)
    emit_json(
        {
            **fitted.to_dict(),
            "questions": len(inputs),
            "answered": answered,
            "right_when_answered": sum(
                ok for ok, x in zip(correct, inputs, strict=True)
                if fitted.probability(x) >= fitted.threshold
            ),
            "saved_to": str(path),
            "question_model": None if asked is None else {
                "questions": len(rows), "articles": len([c for c in asked.classes if c]),
                "saved_to": str(directory / ASKED_FILE),
            },
        }
    )
