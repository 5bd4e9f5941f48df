"""`trustdesk kb ...` and `trustdesk ask`: build, inspect and query the knowledge base."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from trustdesk.ai.kb import AUDIENCES, KnowledgeBase, ingest
from trustdesk.ai.kb.chunking import DEFAULT_MAX_CHARS
from trustdesk.ai.kb.errors import (
    DuplicateDocumentError,
    EmptyKnowledgeBaseError,
    KnowledgeBaseError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from trustdesk.ai.kb.storage import read_current
from trustdesk.cli.common import emit_json, fail

DEFAULT_KB_DIR = Path(".trustdesk/kb")
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
    Path,
    typer.Option(
        "--kb-dir",
        help="Directory holding the knowledge-base versions and the CURRENT pointer.",
        envvar="TRUSTDESK_KB_DIR",
        file_okay=False,
    ),
]


def _fail_on(exc: KnowledgeBaseError) -> None:
    fail(str(exc), 2 if isinstance(exc, _INPUT_ERRORS) else 1)


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files (.md, .html, FAQ .csv) or directories of them."),
    ],
    kb_dir: KbDir = DEFAULT_KB_DIR,
    max_chars: Annotated[
        int, typer.Option(help="Upper bound on passage length in characters.", min=200)
    ] = DEFAULT_MAX_CHARS,
) -> None:
    """Ingest articles as a new KB version (unchanged articles are reused); print the report."""
    try:
        report = ingest(paths, kb_dir, max_chars=max_chars)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
    else:
        emit_json(report.to_dict())


@app.command("show")
def show(
    kb_dir: KbDir = DEFAULT_KB_DIR,
    articles: Annotated[
        bool, typer.Option(help="List every article with its visibility and passage count.")
    ] = True,
) -> None:
    """Print the CURRENT version: articles, passages, public and internal counts."""
    try:
        stored = read_current(kb_dir)
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
    kb_dir: KbDir = DEFAULT_KB_DIR,
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
        passages = KnowledgeBase.load(kb_dir).search(query, k, audience=audience)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    emit_json([asdict(passage) for passage in passages])


def ask(
    question: Annotated[str, typer.Argument(help="A customer question (already redacted).")],
    kb_dir: KbDir = DEFAULT_KB_DIR,
) -> None:
    """Answer a question from the public knowledge base with a cited quote, or abstain."""
    try:
        answer = KnowledgeBase.load(kb_dir).answer(question)
    except KnowledgeBaseError as exc:
        _fail_on(exc)
        return
    emit_json(asdict(answer))
