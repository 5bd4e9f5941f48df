"""Production refuses what is only safe on a laptop: generated keys and the demo."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trustdesk.bootstrap import load_vault
from trustdesk.cli.main import app
from trustdesk.privacy.vault import MasterKeyError, load_master_key
from trustdesk.settings import Environment, Settings


def test_production_refuses_a_missing_or_generated_key(tmp_path: Path) -> None:
    prod = Settings(environment=Environment.PRODUCTION, data_dir=tmp_path)
    with pytest.raises(MasterKeyError, match="no master key"):
        load_vault(prod)
    load_master_key(env_value=None, key_file=tmp_path / "master.key", allow_generate=True)
    with pytest.raises(MasterKeyError, match="generated development key"):
        load_vault(prod)


def test_production_accepts_a_managed_key(tmp_path: Path) -> None:
    key = base64.b64encode(os.urandom(32)).decode()
    prod = Settings(environment=Environment.PRODUCTION, data_dir=tmp_path, master_key=key)
    assert load_vault(prod).kek.kek_id.startswith("local:")


def test_serve_demo_is_refused_in_production(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--demo"],
        env={"TRUSTDESK_ENVIRONMENT": "production", "TRUSTDESK_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == 2 and "refused" in result.output


def test_bad_settings_are_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["db", "upgrade"], env={"TRUSTDESK_DATABASE_URL": "mysql://x", "TRUSTDESK_DATA_DIR":
                                     str(tmp_path)},
    )
    assert result.exit_code == 2 and "TRUSTDESK_DATABASE_URL" in result.output
