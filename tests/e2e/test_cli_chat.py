"""`trustdesk chat` against a live server: disclosure, a cited answer, "why?", handoff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trustdesk.bootstrap import open_database
from trustdesk.domain import Role
from trustdesk.service.keys import create_key
from trustdesk.settings import Settings

from e2e_support import free_port, server_env, start_server

pytestmark = pytest.mark.slow


def test_chat_session(settings: Settings, tmp_path: Path) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(settings)
    key = create_key(db, Role.WIDGET, "terminal").secret
    db.dispose()
    port = free_port()
    proc = start_server(settings, port, tmp_path / "server.log")
    assert isinstance(proc, subprocess.Popen)
    try:
        typed = "How long does delivery to the UK take?\nwhy?\n/human\nhello?\n/quit\n"
        chat = subprocess.run(
            [sys.executable, "-m", "trustdesk", "chat", "--url", f"http://127.0.0.1:{port}",
             "--key", key],
            input=typed, capture_output=True, text=True, timeout=60,
            env={**server_env(settings), "COLUMNS": "200"},
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    out = chat.stdout
    assert chat.returncode == 0, chat.stderr
    assert "AI assistant" in out  # the disclosure
    assert "2 to 4 business days" in out and "source:" in out
    assert "why:" in out and "words that drove it" in out
    assert "No person reviewed this answer: it was sent automatically." in out
    assert "A member of our team will take over" in out
    assert "A person will reply here" in out  # after handoff the AI stays silent


def test_chat_without_a_server_says_so(tmp_path: Path) -> None:
    chat = subprocess.run(
        [sys.executable, "-m", "trustdesk", "chat", "--url", "http://127.0.0.1:9",
         "--key", "td_widget_x"],
        input="", capture_output=True, text=True, timeout=30,
    )
    assert chat.returncode == 1 and "cannot start a conversation" in chat.stdout
