"""Settings from the environment (prefix TRUSTDESK_), read once by bootstrap()."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LawfulBasis = Literal["consent", "contract", "legal_obligation", "legitimate_interest"]


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Every knob of a deployment; defaults give a zero-setup SQLite demo."""

    model_config = SettingsConfigDict(env_prefix="TRUSTDESK_", env_file=None, extra="ignore")

    environment: Environment = Environment.DEVELOPMENT
    data_dir: Path = Path(".trustdesk")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default sqlite under data_dir. "
        "PostgreSQL: postgresql+psycopg://user@host/db",
    )
    master_key_file: Path | None = Field(
        default=None, description="32-byte key-encryption key (base64); default data_dir/master.key"
    )
    master_key: SecretStr | None = Field(
        default=None, description="the key-encryption key itself, base64 (overrides the file)"
    )
    previous_master_key_file: Path | None = Field(
        default=None, description="the old key during `trustdesk keys rotate`"
    )
    sqlite_synchronous: Literal["NORMAL", "FULL"] = Field(
        default="NORMAL",
        description="NORMAL survives a crash of the process (WAL); FULL also a power cut",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    policy_file: Path | None = Field(default=None, description="default: bundled demo policy")
    model_dir: Path | None = Field(default=None, description="default: data_dir/models")
    kb_dir: Path | None = Field(default=None, description="default: data_dir/kb")
    max_message_chars: int = Field(default=4000, ge=1, le=1_000_000)
    path_concurrency: int = Field(
        default=1, ge=1, le=64,
        description="messages one worker runs through the path at once (CPU-bound: ~cores)",
    )
    log_level: str = "info"
    pii_patterns_file: Path | None = Field(
        default=None,
        description="YAML of deployer patterns (order/account numbers); default: the demo's",
    )
    pii_tagger_dir: Path | None = Field(
        default=None,
        description="Learned name/address tagger from `trustdesk privacy train`; default: bundled",
    )
    llm_base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible endpoint incl. /v1 (Ollama, vLLM, llama.cpp, hosted); "
        "unset = extractive answers only",
    )
    llm_model: str = "llama3.1"
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = Field(default=10.0, gt=0, le=120)
    notice_file: Path | None = Field(default=None, description="privacy notice (markdown)")
    retention_file: Path | None = Field(default=None, description="retention rules (YAML)")
    retention_interval_s: float = Field(
        default=3600.0, gt=0, description="how often `serve` runs the retention purge"
    )
    ai_assistance_basis: LawfulBasis = Field(
        default="legitimate_interest",
        description="lawful basis for AI assistance; 'consent' makes AI opt-in",
    )
    fairness_audit_basis: LawfulBasis = "legitimate_interest"
    dsr_due_days: int = Field(default=30, ge=1, le=90)
    model_languages: list[str] = Field(
        default=["en"], description="languages the intent model and knowledge base cover"
    )
    agent_languages: list[str] = Field(
        default=["en", "es", "fr", "de"],
        description="languages the human team speaks; others still go to a human, flagged",
    )

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        return value

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'trustdesk.db').resolve()}"

    @property
    def resolved_master_key_file(self) -> Path:
        return self.master_key_file or self.data_dir / "master.key"

    @property
    def resolved_model_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def resolved_kb_dir(self) -> Path:
        return self.kb_dir or self.data_dir / "kb"

    @property
    def resolved_pii_patterns_file(self) -> Path:
        if self.pii_patterns_file is not None:
            return self.pii_patterns_file
        return Path(__file__).parent / "data" / "demo" / "pii_patterns.yaml"

    @property
    def resolved_policy_file(self) -> Path:
        if self.policy_file is not None:
            return self.policy_file
        return Path(__file__).parent / "data" / "demo" / "policy.yaml"
