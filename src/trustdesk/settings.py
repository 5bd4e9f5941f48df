"""Settings from the environment (prefix TRUSTDESK_), read once by bootstrap()."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from trustdesk.transparency.disclosure import (
    DEFAULT_BRAND,
    Disclosure,
    check_brand,
    check_templates,
)

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
    header_timeout_s: float = Field(
        default=10.0, gt=0, le=300,
        description="time a client has to send a request's headers (408 and close after it)",
    )
    body_timeout_s: float = Field(
        default=15.0, gt=0, le=300,
        description="time a client has to send a request's body, from its headers (408 after)",
    )
    max_connections: int = Field(
        default=500, ge=1, le=100_000,
        description="open connections one worker holds; past it new requests get 503",
    )
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
    fairness_monitor_interval_s: float = Field(
        default=900.0, gt=0, description="how often `serve` recomputes the fairness monitor"
    )
    fairness_window_days: float = Field(
        default=7.0, gt=0, le=365, description="the fairness monitor's sliding window"
    )
    fairness_alert_threshold: float = Field(
        default=0.1, gt=0, le=1,
        description="demographic-parity difference at which a significant gap raises an alert",
    )
    fairness_min_cell_size: int = Field(
        default=30, ge=1, description="groups smaller than this are left out of the monitor"
    )
    fairness_gate_policy_file: Path | None = Field(
        default=None, description="release-gate thresholds (YAML); default: the built-in ones"
    )
    dsr_due_days: int = Field(default=30, ge=1, le=90)
    ai_pause_cache_ttl_s: float = Field(
        default=0.25, ge=0, le=5,
        description="how long a worker trusts its copy of the kill switch's pauses",
    )
    support_hours: str = Field(
        default="mon-fri 09:00-18:00",
        description="when people answer, e.g. 'mon-fri 09:00-18:00; sat 10:00-14:00'",
    )
    support_timezone: str = Field(default="Europe/London", description="IANA zone of the hours")
    support_typical_wait_minutes: int = Field(
        default=15, ge=1, le=10080, description="what a customer is told to expect when open"
    )
    handoff_notices_file: Path | None = Field(
        default=None, description="YAML wording of handoff notices per language; default: demo"
    )
    review_sla_minutes: dict[str, int] = Field(
        default={"urgent": 15, "high": 60, "normal": 240, "low": 1440},
        description="how soon a review task of each priority is due",
    )
    review_escalation_interval_s: float = Field(
        default=60.0, gt=0, description="how often `serve` escalates overdue review tasks"
    )
    review_vulnerable_intents: list[str] = Field(
        default=["bereavement_vulnerable"],
        description="intents whose review tasks are always urgent",
    )
    model_languages: list[str] = Field(
        default=["en"], description="languages the intent model and knowledge base cover"
    )
    agent_languages: list[str] = Field(
        default=["en", "es", "fr", "de"],
        description="languages the human team speaks; others still go to a human, flagged",
    )

    require_identity_verification: bool = Field(
        default=False,
        description="refuse (403) a widget's customer_ref that comes without a valid signature "
        "instead of giving it an anonymous customer of its own",
    )
    identity_token_max_lifetime_s: int = Field(
        default=3600, ge=60, le=86_400,
        description="longest exp - iat accepted in a signed customer reference (JWT)",
    )
    identity_secret_grace_s: int = Field(
        default=86_400, ge=0, le=30 * 86_400,
        description="how long a rotated-out identity secret stays valid (default one day)",
    )
    # Transparency (README "Transparency: disclosure, cards and report")
    brand_name: str = Field(
        default=DEFAULT_BRAND,
        description="the deployment's name, in the AI disclosure, the cards and the LLM prompt",
    )
    ai_disclosure: dict[str, str] = Field(
        default={},
        description="AI disclosure wording per language, e.g. {\"en\": \"You are chatting with "
        "{brand}'s AI assistant ...\"}; built-in en/es/fr/de wording for the others",
    )
    disclosure_default_language: str = Field(
        default="en", description="the disclosure's language for customers of other languages"
    )
    system_card_url: str = Field(
        default="/v1/transparency/system-card",
        description="where an explanation sends a reader who wants the whole system described",
    )
    worker_healthcheck_timeout_s: int = Field(
        default=60, ge=1, le=3600,
        description="`serve` with several workers restarts one that does not answer its "
        "supervisor's ping for this long (uvicorn's default of 5 s killed workers loading "
        "models on a busy machine)",
    )

    @field_validator("brand_name")
    @classmethod
    def _valid_brand(cls, value: str) -> str:
        return check_brand(value)

    @field_validator("ai_disclosure")
    @classmethod
    def _valid_disclosure(cls, value: dict[str, str]) -> dict[str, str]:
        return check_templates(value)

    @field_validator("disclosure_default_language")
    @classmethod
    def _valid_default_language(cls, value: str, info: ValidationInfo) -> str:
        Disclosure.configured(DEFAULT_BRAND, info.data.get("ai_disclosure") or {}, value)
        return value

    @field_validator("system_card_url")
    @classmethod
    def _valid_card_url(cls, value: str) -> str:
        if not value.startswith(("/", "https://", "http://")) or any(c.isspace() for c in value):
            raise ValueError("must be a path starting with / or an http(s) URL, without spaces")
        return value

    @property
    def disclosure(self) -> Disclosure:
        """The AI disclosure this deployment shows (validated when the settings were read)."""
        return Disclosure.configured(self.brand_name, self.ai_disclosure,
                                     self.disclosure_default_language)

    @field_validator("review_sla_minutes")
    @classmethod
    def _valid_slas(cls, value: dict[str, int]) -> dict[str, int]:
        from trustdesk.oversight.queue import parse_slas

        parse_slas(value)
        return value

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
    def resolved_handoff_notices_file(self) -> Path:
        if self.handoff_notices_file is not None:
            return self.handoff_notices_file
        return Path(__file__).parent / "data" / "demo" / "handoff_notices.yaml"

    @property
    def resolved_policy_file(self) -> Path:
        if self.policy_file is not None:
            return self.policy_file
        return Path(__file__).parent / "data" / "demo" / "policy.yaml"
