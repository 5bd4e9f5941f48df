"""The policy engine: YAML rules choose between an automatic reply, review and handoff."""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trustdesk.ai.asks import Ask, read_ask
from trustdesk.ai.focus import focus
from trustdesk.domain import HandoffReason, RuleHit
from trustdesk.oversight.killswitch import (
    NO_PAUSES,
    PAUSE_RULE_ID,
    PauseMode,
    Pauses,
    pause_reason,
)


class Action(enum.IntEnum):
    """Ordered by how much human control they impose; the strictest hit wins."""

    AUTO = 0
    REVIEW = 1
    HANDOFF = 2

    @property
    def label(self) -> str:
        return self.name.lower()


class PolicyError(Exception):
    """The policy file is missing or malformed; the message names the rule and field."""


HUMAN_RULE_ID = "customer-asked-for-human"
DEFAULT_HUMAN_WORDS = (
    "human",
    "real person",
    "a person",
    "agent",
    "representative",
    "operator",
    "someone real",
    "talk to someone",
    "speak to someone",
)


class Reads(enum.Enum):
    """What part of a message a rule reads: all of it, or only what it asks.

    `message` (the default) reads every word, self-descriptions too, and an intent rule fires
    when the request or the whole message is read as one of its intents: the right reading for
    rules that protect a customer ("I'm disabled and need help"). `request` reads the message
    without greetings, sign-offs and clauses that only say who the writer is
    (`trustdesk.ai.focus`): the right reading for a rule about what the customer does or
    asks, which a word in "I'm a lawyer." must not trip while "my lawyer will contact you"
    still does.
    """

    MESSAGE = "message"
    REQUEST = "request"


@dataclass(frozen=True)
class Signals:
    """What the understand stage tells the policy about one message."""

    intent: str  # read in the request (`request`), the intent the decision records
    confidence: float
    in_scope: bool
    text: str  # the whole redacted message
    urgency: float = 0.0
    sentiment: float = 0.0
    channel: str | None = None
    # the message without courtesy and self-descriptions; None: not computed yet (read lazily)
    request: str | None = None
    # the intent read in the whole message, when it differs from the request's reading
    message_intent: str | None = None
    # the kinds of need of care the wording shows (`trustdesk.ai.care`: bereavement, ...)
    care: tuple[str, ...] = ()

    def request_text(self) -> str:
        if self.request is not None:
            return self.request
        return focus(self.text).request


@dataclass(frozen=True)
class Rule:
    id: str
    action: Action
    reason: str
    intents: frozenset[str] = frozenset()
    keywords: re.Pattern[str] | None = None
    confidence_below: float | None = None
    urgency_above: float | None = None
    sentiment_below: float | None = None
    out_of_scope: bool = False
    needs_care: bool = False
    # fire only when the request asks for this (`trustdesk.ai.asks`): "action" keeps a person
    # for "refund me" and lets "how long does a refund take?" be answered from the help centre
    asks: Ask | None = None
    reads: Reads = Reads.MESSAGE
    # why a person is involved when this rule fires; `policy` unless the file says otherwise
    reason_code: HandoffReason = HandoffReason.POLICY
    # example messages written beside the rule: it must fire on `fires`, not on `passes`
    examples_fire: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()

    def matches(self, s: Signals) -> bool:
        """All conditions given must hold (AND); a rule with none never fires."""
        checks: list[bool] = []
        whole = self.reads is Reads.MESSAGE
        if self.intents:
            checks.append(s.intent in self.intents
                          or (whole and s.message_intent in self.intents))
        if self.keywords is not None:
            text = s.text if whole else s.request_text()
            checks.append(self.keywords.search(text) is not None)
        if self.confidence_below is not None:
            checks.append(s.confidence < self.confidence_below)
        if self.urgency_above is not None:
            checks.append(s.urgency > self.urgency_above)
        if self.sentiment_below is not None:
            checks.append(s.sentiment < self.sentiment_below)
        if self.out_of_scope:
            checks.append(not s.in_scope)
        if self.needs_care:
            checks.append(bool(s.care))
        if self.asks is not None and checks and all(checks):
            checks.append(_asks(s) is self.asks)
        return bool(checks) and all(checks)


@dataclass(frozen=True)
class PolicyOutcome:
    action: Action
    hits: tuple[RuleHit, ...]
    version: str


@dataclass(frozen=True)
class Policy:
    version: str
    rules: tuple[Rule, ...]
    human_intent: str
    # fixed answers for small talk (greetings, thanks) that needs no knowledge base
    canned: dict[str, str] = field(default_factory=dict)

    def decide(self, signals: Signals, pauses: Pauses = NO_PAUSES) -> PolicyOutcome:
        hits = [
            RuleHit(rule_id=r.id, action=r.action.label, reason=r.reason,
                    reason_code=r.reason_code.value if r.action is not Action.AUTO else None)
            for r in self.rules
            if r.matches(signals)
        ]
        paused = pause_hit(pauses, signals)
        if paused is not None:
            hits.append(paused)
        action = max((Action[h.action.upper()] for h in hits), default=Action.AUTO)
        return PolicyOutcome(action=action, hits=tuple(hits), version=self.version)


def _asks(s: Signals) -> Ask:
    """What the request asks for. Focus cuts "I'd like to know if" off as courtesy; the
    whole message is read too, so that the frame still says the writer asks to be told."""
    ask = read_ask(s.request_text())
    return ask if ask is Ask.INFORMATION else read_ask(s.text)


def pause_hit(pauses: Pauses, signals: Signals) -> RuleHit | None:
    """The kill switch as a rule: the strictest active pause covering this message."""
    covering = pauses.covering(intent=signals.intent, channel=signals.channel)
    if not covering:
        return None
    strictest = max(covering, key=lambda p: list(PauseMode).index(p.mode))
    action = Action.HANDOFF if strictest.mode is PauseMode.HANDOFF else Action.REVIEW
    return RuleHit(rule_id=PAUSE_RULE_ID, action=action.label, reason=pause_reason(strictest),
                   reason_code=HandoffReason.AI_PAUSED.value)


def deciding_code(hits: Sequence[RuleHit], action: Action) -> HandoffReason | None:
    """The reason code of the first hit with the deciding (strictest) action; None for auto."""
    if action is Action.AUTO:
        return None
    for hit in hits:
        if hit.action == action.label and hit.reason_code is not None:
            return HandoffReason(hit.reason_code)
    return HandoffReason.POLICY


def _keywords(words: Sequence[str], where: str) -> re.Pattern[str]:
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise PolicyError(f"{where}: keywords must be a non-empty list of words")
    alternatives = "|".join(re.escape(w.strip().lower()) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _number(raw: dict[str, Any], key: str, where: str) -> float | None:
    if key not in raw:
        return None
    value = raw[key]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise PolicyError(f"{where}: {key} must be a number")
    return float(value)


def _flag(raw: dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise PolicyError(f"{where}: {key} must be true or false")
    return value


_WHEN_KEYS = {
    "intents",
    "keywords",
    "confidence_below",
    "urgency_above",
    "sentiment_below",
    "out_of_scope",
    "needs_care",
    "asks",
}
_RULE_KEYS = {"id", "when", "action", "reason", "reason_code", "examples", "reads"}


def _examples(raw: Any, where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if raw is None:
        return (), ()
    if not isinstance(raw, dict) or not set(raw) <= {"fires", "passes"}:
        raise PolicyError(f"{where}: examples must be a mapping with 'fires' and/or 'passes'")
    out = []
    for key in ("fires", "passes"):
        texts = raw.get(key, [])
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip()
                                                  for t in texts):
            raise PolicyError(f"{where}: examples.{key} must be a list of example messages")
        out.append(tuple(texts))
    return out[0], out[1]


def _rule(raw: Any, index: int) -> Rule:
    where = f"rule #{index + 1}"
    if not isinstance(raw, dict):
        raise PolicyError(f"{where}: must be a mapping with id, when, action, reason")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise PolicyError(f"{where}: missing id")
    where = f"rule {rule_id!r}"
    try:
        action = Action[str(raw.get("action", "")).upper()]
    except KeyError:
        raise PolicyError(f"{where}: action must be one of auto, review, handoff") from None
    reason = raw.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise PolicyError(f"{where}: needs a reason a customer can read")
    unknown_keys = set(raw) - _RULE_KEYS
    if unknown_keys:
        raise PolicyError(f"{where}: unknown field(s) {sorted(unknown_keys)}")
    try:
        code = HandoffReason.parse(str(raw.get("reason_code", HandoffReason.POLICY.value)))
    except ValueError as exc:
        raise PolicyError(f"{where}: reason_code: {exc}") from None
    fires, passes = _examples(raw.get("examples"), where)
    try:
        reads = Reads(str(raw.get("reads", Reads.MESSAGE.value)))
    except ValueError:
        raise PolicyError(f"{where}: reads must be one of message, request") from None
    when = raw.get("when")
    if not isinstance(when, dict) or not when:
        raise PolicyError(f"{where}: needs a non-empty 'when' mapping")
    unknown = set(when) - _WHEN_KEYS
    if unknown:
        raise PolicyError(f"{where}: unknown condition(s) {sorted(unknown)}")
    asks = when.get("asks")
    if asks is not None and asks not in {a.value for a in Ask}:
        raise PolicyError(f"{where}: asks must be one of information, action")
    if asks is not None and len(when) == 1:
        raise PolicyError(f"{where}: asks narrows another condition; it cannot stand alone")
    intents = when.get("intents", [])
    if not isinstance(intents, list) or not all(isinstance(i, str) for i in intents):
        raise PolicyError(f"{where}: intents must be a list of intent names")
    return Rule(
        id=rule_id,
        action=action,
        reason=reason.strip(),
        intents=frozenset(intents),
        keywords=_keywords(when["keywords"], where) if "keywords" in when else None,
        confidence_below=_number(when, "confidence_below", where),
        urgency_above=_number(when, "urgency_above", where),
        sentiment_below=_number(when, "sentiment_below", where),
        out_of_scope=bool(when.get("out_of_scope", False)),
        needs_care=_flag(when, "needs_care", where),
        asks=Ask(asks) if asks is not None else None,
        reads=reads,
        reason_code=code,
        examples_fire=fires,
        examples_pass=passes,
    )


def parse_policy(text: str) -> Policy:
    """Parse policy YAML; the human-request rule is always present and always hands off."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"policy is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise PolicyError("policy must be a mapping with 'version' and 'rules'")
    rules_raw = raw.get("rules")
    if not isinstance(rules_raw, list):
        raise PolicyError("policy needs a 'rules' list")
    human_intent = str(raw.get("human_intent", "human_agent"))
    words = raw.get("human_request_keywords", list(DEFAULT_HUMAN_WORDS))
    human_reason = "You asked to talk to a person, so a member of our team will take over."
    builtin = (
        Rule(HUMAN_RULE_ID, Action.HANDOFF, human_reason, intents=frozenset({human_intent}),
             reason_code=HandoffReason.CUSTOMER_REQUEST),
        Rule(
            HUMAN_RULE_ID + "-words",
            Action.HANDOFF,
            human_reason,
            keywords=_keywords(words, "human_request_keywords"),
            reason_code=HandoffReason.CUSTOMER_REQUEST,
        ),
    )
    rules = tuple(_rule(r, i) for i, r in enumerate(rules_raw))
    ids = [r.id for r in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise PolicyError(f"duplicate rule id(s): {sorted(duplicates)}")
    canned = raw.get("canned_replies", {})
    if not isinstance(canned, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in canned.items()
    ):
        raise PolicyError("canned_replies must map intent names to non-empty reply texts")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    version = f"{raw.get('version', 'unversioned')}+{digest}"
    return Policy(
        version=version, rules=builtin + rules, human_intent=human_intent, canned=dict(canned)
    )


def load_policy(path: Path) -> Policy:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"cannot read policy file {path}: {exc.strerror}") from None
    return parse_policy(text)
