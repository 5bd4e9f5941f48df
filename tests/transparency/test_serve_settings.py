"""`trustdesk serve` hands the worker health-check timeout from settings to uvicorn."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.settings import Settings


@pytest.mark.parametrize("timeout", [None, "120"])
def test_serve_passes_the_healthcheck_timeout(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                              timeout: str | None) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: seen.update(kwargs))
    env = {"TRUSTDESK_DATA_DIR": str(settings.data_dir),
           "TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_MODEL_DIR": str(settings.resolved_model_dir),
           "TRUSTDESK_KB_DIR": str(settings.resolved_kb_dir)}
    if timeout is not None:
        env["TRUSTDESK_WORKER_HEALTHCHECK_TIMEOUT_S"] = timeout
    result = CliRunner().invoke(app, ["serve"], env=env)
    assert result.exit_code == 0, result.output
    assert seen["timeout_worker_healthcheck"] == (60 if timeout is None else 120)
