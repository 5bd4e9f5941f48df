"""Types shared by the end-to-end tests."""

from __future__ import annotations

from app_support import Keys as Keys  # re-exported for the tests


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sqlite_settings(root: object, demo_assets: tuple[object, object]) -> object:
    """Settings of a server of its own: a SQLite file under `root`, the shared demo assets."""
    from pathlib import Path

    from trustdesk.settings import Settings

    assert isinstance(root, Path)
    model_dir, kb_dir = demo_assets
    settings = Settings(data_dir=root / "data", model_dir=model_dir, kb_dir=kb_dir,
                        database_url=f"sqlite:///{root / 'data' / 'trustdesk.db'}")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings


def server_env(settings: object) -> dict[str, str]:
    """Environment for a `trustdesk serve` subprocess on the test's database and assets."""
    import os

    from trustdesk.settings import Settings

    assert isinstance(settings, Settings)
    return {
        **os.environ,
        "TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
        "TRUSTDESK_DATA_DIR": str(settings.data_dir),
        "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
        "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir),
        "TRUSTDESK_LOG_LEVEL": "warning",
    }


def start_server(settings: object, port: int, log: object,
                 env: dict[str, str] | None = None) -> object:
    """Start `python -m trustdesk serve` (with `env` added) and wait until /healthz answers."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx
    import pytest

    assert isinstance(log, Path)
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [sys.executable, "-m", "trustdesk", "serve", "--port", str(port)],
            env={**server_env(settings), **(env or {})}, stdout=out, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited early: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("server did not become healthy in 60 s")
