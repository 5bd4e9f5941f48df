"""The composition root: builds the object graph from settings. Nothing happens at import."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk.oversight.availability import HandoffNotices, load_notices
from trustdesk.oversight.policy import load_policy
from trustdesk.path import MessagePath
from trustdesk.privacy.guard import PrivacyGuard
from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.vault import LocalKek, MasterKeyError, Vault, load_master_key
from trustdesk.service.context import Services
from trustdesk.service.keys import KeyCache
from trustdesk.settings import Environment, Settings
from trustdesk.store import migrate
from trustdesk.store.db import Database, connect

if TYPE_CHECKING:
    from trustdesk.ai.llm import GenerativeResponder

log = logging.getLogger("trustdesk")

DEMO_DIR = Path(__file__).parent / "data" / "demo"


class NotReady(Exception):
    """A model or knowledge base the service needs has not been built yet."""


def open_database(settings: Settings, *, upgrade: bool = True) -> Database:
    db = connect(settings.resolved_database_url, sqlite_synchronous=settings.sqlite_synchronous)
    if upgrade:
        migrate.upgrade(db)
    return db


def load_vault(settings: Settings) -> Vault:
    production = settings.environment is Environment.PRODUCTION
    kek = load_master_key(
        env_value=settings.master_key.get_secret_value() if settings.master_key else None,
        key_file=settings.resolved_master_key_file,
        allow_generate=not production,
    )
    if production and kek.generated:
        raise MasterKeyError(
            "refusing to start in production with a generated development key: "
            "set TRUSTDESK_MASTER_KEY or TRUSTDESK_MASTER_KEY_FILE to a key you manage"
        )
    previous: tuple[LocalKek, ...] = ()
    if settings.previous_master_key_file is not None:
        previous = (
            load_master_key(
                env_value=None, key_file=settings.previous_master_key_file, allow_generate=False
            ),
        )
    return Vault(kek, previous=previous)


def load_path(settings: Settings, detector: PiiDetector) -> MessagePath:
    from trustdesk.ai.grounded import GroundedResponder
    from trustdesk.ai.kb import KnowledgeBase, KnowledgeBaseError
    from trustdesk.ai.registry import ModelRegistry, RegistryError

    try:
        classifier = ModelRegistry(settings.resolved_model_dir).active()
    except RegistryError as exc:
        raise NotReady(
            f"{exc}. Train one with `trustdesk model train` or start with `trustdesk serve --demo`"
        ) from None
    try:
        # The intent model's view of a question feeds the answer verifier's calibration.
        kb = KnowledgeBase.load(settings.resolved_kb_dir, intents=classifier)
    except KnowledgeBaseError as exc:
        raise NotReady(
            f"{exc}. Ingest articles with `trustdesk kb ingest PATH` or use `serve --demo`"
        ) from None
    return MessagePath(
        classifier=classifier,
        policy=load_policy(settings.resolved_policy_file),
        responder=GroundedResponder(kb, generator=_generator(settings)),
        detector=detector,
        signals=LexiconSignals(),
        languages=LinguaLanguages(tuple({*settings.model_languages, *settings.agent_languages,
                                         *DETECTED_LANGUAGES})),
        model_languages=settings.model_languages,
        agent_languages=settings.agent_languages,
        notices=load_handoff_notices(settings),
    )


def load_handoff_notices(settings: Settings) -> HandoffNotices:
    return load_notices(
        settings.resolved_handoff_notices_file, hours=settings.support_hours,
        timezone=settings.support_timezone,
        typical_wait_minutes=settings.support_typical_wait_minutes,
    )


# Languages we tell apart even when nobody speaks them, so they are never mistaken for English.
DETECTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")


class LinguaLanguages:
    """Adapts trustdesk.ai.language to the path; routes only on confident, long-enough text.

    lingua's high-accuracy mode: its low-accuracy mode read "how do I reset my password" as
    Italian at 0.996. High accuracy costs ~200 MB and ~1 s to load, ~0.1 ms per message.
    """

    def __init__(self, languages: tuple[str, ...], *, min_letters: int = 12,
                 min_confidence: float = 0.5) -> None:
        self.languages = tuple(sorted(set(languages)))
        self.min_letters = min_letters
        self.min_confidence = min_confidence
        self.detect("warm the language models up before the first customer")

    def detect(self, text: str) -> tuple[str | None, float]:
        from trustdesk.ai.language import detect_language

        if sum(c.isalpha() for c in text) < self.min_letters:
            return None, 0.0
        return detect_language(text, languages=self.languages,
                               min_confidence=self.min_confidence, high_accuracy=True)


def _generator(settings: Settings) -> GenerativeResponder | None:
    """The optional LLM backend; it only ever receives redacted text and passages."""
    if not settings.llm_base_url:
        return None
    from trustdesk.ai.llm import ChatCompletionsClient, GenerativeResponder, LlmConfig

    config = LlmConfig(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout_s=settings.llm_timeout_s,
    )
    return GenerativeResponder(ChatCompletionsClient(config), shop_name=settings.brand_name)


class LexiconSignals:
    """Adapts the lexicon scorer in trustdesk.ai.signals to the path's SignalScorer."""

    def score(self, text: str) -> tuple[float, float]:
        from trustdesk.ai import signals

        s = signals.score(text)
        return s.urgency, s.sentiment


@dataclass(frozen=True)
class DemoReport:
    trained_model: str | None
    ingested_kb: str | None


def prepare_demo(settings: Settings) -> DemoReport:
    """Build the demo model and knowledge base on first start; later starts reuse them."""
    from trustdesk.ai.kb import KnowledgeBase, KnowledgeBaseError, ingest
    from trustdesk.ai.registry import ModelRegistry, RegistryError
    from trustdesk.ai.training_run import train_from_file

    trained = ingested = None
    registry = ModelRegistry(settings.resolved_model_dir)
    try:
        registry.active()
    except RegistryError:
        log.info("training the demo intent model (first start only)")
        run = train_from_file(
            DEMO_DIR / "intents.csv", text_column="text", label_column="label", registry=registry
        )
        trained = registry.activate(run.model.version)
    try:
        KnowledgeBase.load(settings.resolved_kb_dir)
    except KnowledgeBaseError:
        log.info("ingesting the demo knowledge base (first start only)")
        ingested = ingest([DEMO_DIR / "kb"], settings.resolved_kb_dir).version
    return DemoReport(trained_model=trained, ingested_kb=ingested)


def bootstrap(settings: Settings | None = None, *, upgrade: bool = True) -> Services:
    """Everything the API and CLI need, built from settings."""
    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    vault = load_vault(settings)
    db = open_database(settings, upgrade=upgrade)
    from trustdesk.service.ai_controls import pause_cache
    from trustdesk.service.privacy_context import build_governance

    detector = PiiDetector(
        custom_patterns=settings.resolved_pii_patterns_file, tagger=settings.pii_tagger_dir or True
    )
    governance = build_governance(settings, vault)
    governance.notice()  # a malformed notice or retention file stops the start, with its reason
    governance.retention_rules()
    return Services(
        settings=settings,
        db=db,
        vault=vault,
        guard=PrivacyGuard(detector),
        path=load_path(settings, detector),
        keys=KeyCache(db),
        governance=governance,
        pauses=pause_cache(db, settings.ai_pause_cache_ttl_s),
        path_waits_on_network=settings.llm_base_url is not None,
    )
