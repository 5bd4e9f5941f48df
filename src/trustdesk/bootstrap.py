"""The composition root: builds the object graph from settings. Nothing happens at import."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustdesk.ai.language import DETECTED_LANGUAGES, LinguaLanguages
from trustdesk.ai.signals import LexiconTone
from trustdesk.oversight.availability import HandoffNotices, load_notices
from trustdesk.oversight.policy import Policy, load_policy
from trustdesk.pipeline import MessagePath
from trustdesk.privacy.access import DataAccess
from trustdesk.privacy.consent import ConsentPolicy
from trustdesk.privacy.governance import Governance
from trustdesk.privacy.guard import PrivacyGuard
from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.vault import LocalKek, MasterKeyError, Vault, load_master_key
from trustdesk.service.context import Services
from trustdesk.service.keys import KeyCache
from trustdesk.settings import Environment, Settings
from trustdesk.store import migrate
from trustdesk.store.db import Database, connect

if TYPE_CHECKING:
    from trustdesk.ai.intent.model import IntentModel
    from trustdesk.ai.intent.registry import ModelRegistry
    from trustdesk.ai.llm import GenerativeResponder
    from trustdesk.fairness.gate import GateResult
    from trustdesk.fairness.probes import Analyser

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


def load_intent_model(settings: Settings) -> IntentModel:
    """The registry's active intent model; NotReady says how to make one."""
    from trustdesk.ai.intent.registry import ModelRegistry, RegistryError

    try:
        return ModelRegistry(settings.resolved_model_dir).active()
    except RegistryError as exc:
        raise NotReady(
            f"{exc}. Train one with `trustdesk model train` or start with `trustdesk serve --demo`"
        ) from None


def rotation_vault(new: LocalKek) -> Vault:
    """A vault under the new master key only, for `keys rotate` to re-wrap into."""
    return Vault(new)


def load_path(settings: Settings, detector: PiiDetector, *,
              classifier: IntentModel | None = None, policy: Policy | None = None
              ) -> MessagePath:
    """The message path; `classifier` and `policy` replace the active intent model and the
    policy file (the release gate's probes run a candidate through the whole path)."""
    from trustdesk.ai.grounded import GroundedResponder
    from trustdesk.ai.kb import KnowledgeBase, KnowledgeBaseError

    if classifier is None:
        classifier = load_intent_model(settings)
    try:
        # The intent model's view of a question feeds the answer verifier's calibration.
        kb = KnowledgeBase.load(settings.resolved_kb_dir, intents=classifier)
    except KnowledgeBaseError as exc:
        raise NotReady(
            f"{exc}. Ingest articles with `trustdesk kb ingest PATH` or use `serve --demo`"
        ) from None
    return MessagePath(
        classifier=classifier,
        policy=policy or load_policy(settings.resolved_policy_file),
        responder=GroundedResponder(kb, generator=_generator(settings)),
        detector=detector,
        signals=LexiconTone(),
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


def consent_policy(settings: Settings) -> ConsentPolicy:
    return ConsentPolicy.default(ai_assistance=settings.ai_assistance_basis,
                                 fairness_audit=settings.fairness_audit_basis)


def build_governance(settings: Settings, vault: Vault) -> Governance:
    policy = consent_policy(settings)
    return Governance(policy=policy, access=DataAccess(vault, policy),
                      notice_file=settings.notice_file, retention_file=settings.retention_file,
                      dsr_due_days=settings.dsr_due_days)


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


@dataclass(frozen=True)
class DemoReport:
    trained_model: str | None
    ingested_kb: str | None
    # the fairness gate run on the demo model this start (None: not asked, or already run)
    gate: GateResult | None = None


DEMO_GATE_ACTOR = "demo"
DEMO_OVERRIDE = ("the bundled demo model, for local trials: it goes live although its fairness "
                 "gate failed, and fairness_gate.json says why")


def prepare_demo(settings: Settings, *, gate: bool = False) -> DemoReport:
    """Build the demo model and knowledge base on first start; later starts reuse them.

    With `gate` (`serve --demo`), the demo model goes live through the fairness gate like any
    other version (`trustdesk.service.models`): its probe families through the whole path,
    stored and audited, when it has no result under the current policy yet. The demo has no
    evaluation set with group columns, so only the probes are checked (`probes_only`); a
    failed gate still activates it, with an audited override that says so."""
    from trustdesk.ai.intent.registry import ModelRegistry, RegistryError
    from trustdesk.ai.intent.training_run import train_from_file
    from trustdesk.ai.kb import KnowledgeBase, KnowledgeBaseError, ingest

    trained = ingested = candidate = None
    try:
        KnowledgeBase.load(settings.resolved_kb_dir)
    except KnowledgeBaseError:
        log.info("ingesting the demo knowledge base (first start only)")
        ingested = ingest([DEMO_DIR / "kb"], settings.resolved_kb_dir).version
    _demo_questions(settings.resolved_kb_dir)
    registry = ModelRegistry(settings.resolved_model_dir)
    try:
        registry.active()
    except RegistryError:
        log.info("training the demo intent model (first start only)")
        run = train_from_file(
            DEMO_DIR / "intents.csv", text_column="text", label_column="label", registry=registry
        )
        candidate = run.model.version
    if not gate:
        if candidate is not None:
            trained = registry.activate(candidate)
        return DemoReport(trained_model=trained, ingested_kb=ingested)
    version = candidate or registry.active_version()
    assert version is not None  # trained above when nothing was active
    checked = _gate_demo(settings, registry, version, activate=candidate is not None)
    trained = registry.resolve(candidate) if candidate is not None else None
    return DemoReport(trained_model=trained, ingested_kb=ingested, gate=checked)


def _demo_questions(kb_dir: Path) -> None:
    """The demo's labelled questions' model (`ai.kb.asked`) beside the demo help centre, the
    one the shipped calibration was fitted with; a help centre of one's own gets its own from
    `trustdesk kb calibrate`."""
    from trustdesk.ai.kb.asked import ASKED_FILE, fit_file
    from trustdesk.ai.kb.calibration import SHIPPED_FOR_KB_VERSIONS
    from trustdesk.ai.kb.storage import read_current

    if (kb_dir / ASKED_FILE).exists() or read_current(kb_dir).version \
            not in SHIPPED_FOR_KB_VERSIONS:
        return
    log.info("fitting the demo question model (first start only)")
    fit_file(DEMO_DIR / "asked_questions.jsonl").save(kb_dir)


def _gate_demo(settings: Settings, registry: ModelRegistry, version: str, *,
               activate: bool) -> GateResult | None:
    """The demo version's probe gate (unless it has a result under this policy), then its
    activation when it is new."""
    from trustdesk.fairness.gate import load_policy as load_gate_policy
    from trustdesk.fairness.gate import probes_only, read_result
    from trustdesk.fairness.probes import path_analyser
    from trustdesk.service.models import activate_model, check_gate, version_dir

    policy = probes_only(load_gate_policy(settings.fairness_gate_policy_file))
    full = registry.resolve(version)
    stored = read_result(version_dir(registry, full))
    db = open_database(settings)
    opened: list[Services] = []

    def path_for(model: IntentModel) -> Analyser:
        opened.append(bootstrap(settings, classifier=model))
        return path_analyser(opened[-1])

    try:
        result = None
        if stored is None or stored.get("policy") != policy.model_dump(mode="json"):
            log.info("running the fairness gate on the demo model")
            result = check_gate(db, registry, full, None, policy, actor=DEMO_GATE_ACTOR,
                                path_for=path_for)
        if activate:
            passed = result.passed if result is not None else bool(stored and stored["passed"])
            activate_model(db, registry, full, actor=DEMO_GATE_ACTOR, policy=policy,
                           detector=load_detector(settings),
                           override_reason=None if passed else DEMO_OVERRIDE)
        return result
    finally:
        for svc in opened:
            svc.db.dispose()
        db.dispose()


def load_detector(settings: Settings) -> PiiDetector:
    """The PII detector with the deployment's custom patterns and the learned tagger."""
    return PiiDetector(
        custom_patterns=settings.resolved_pii_patterns_file, tagger=settings.pii_tagger_dir or True
    )


def bootstrap(settings: Settings | None = None, *, upgrade: bool = True,
              classifier: IntentModel | None = None, policy: Policy | None = None) -> Services:
    """Everything the API and CLI need, built from settings (`classifier`: see load_path)."""
    settings = settings or Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    vault = load_vault(settings)
    db = open_database(settings, upgrade=upgrade)
    from trustdesk.service.oversight.killswitch import pause_cache

    detector = load_detector(settings)
    governance = build_governance(settings, vault)
    governance.notice()  # a malformed notice or retention file stops the start, with its reason
    governance.retention_rules()
    return Services(
        settings=settings,
        db=db,
        vault=vault,
        guard=PrivacyGuard(detector),
        path=load_path(settings, detector, classifier=classifier, policy=policy),
        keys=KeyCache(db),
        governance=governance,
        pauses=pause_cache(db, settings.ai_pause_cache_ttl_s),
        path_waits_on_network=settings.llm_base_url is not None,
    )
