"""What would have changed a policy outcome: "this would have been answered automatically if …".

For every rule that held or handed off the message, one condition of it that, had it been
different, stops the rule firing (a rule fires when all its conditions hold, so breaking one
is enough). The changes are chosen from the rule's own definition in the policy that decided,
and each one is a change of a Signal the policy reads, so `apply()` can replay it through the
real policy: the tests check that the replay decides `auto` (faithfulness).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from trustdesk.oversight.guardrails import (
    ABSTAINED_RULE_ID,
    LANGUAGE_RULE_ID,
    OUTPUT_GUARD_RULE_ID,
    UNCALIBRATED_RULE_ID,
)
from trustdesk.oversight.killswitch import PAUSE_RULE_ID
from trustdesk.oversight.policy import Action, Policy, Rule, Signals
from trustdesk.transparency.explain import percent, readable_intent

# Rules the message path adds beside the policy's (trustdesk.path): what each one needed.
# the guardrails of the decide stage (trustdesk.oversight.guardrails), beside the policy file
PATH_RULES = {
    LANGUAGE_RULE_ID: (
        "language", "your message had been in a language the assistant understands"),
    ABSTAINED_RULE_ID: (
        "answer", "our help centre had held a passage the assistant was sure answers it"),
    OUTPUT_GUARD_RULE_ID: ("output", "the drafted answer had contained no personal data"),
    UNCALIBRATED_RULE_ID: (
        "answer", "our help centre's answers had already been tested on real questions"),
}


@dataclass(frozen=True)
class Change:
    """One condition of one rule, and the value of the signal that would not meet it."""

    rule_id: str
    # intent, text, confidence, urgency, sentiment, in_scope (policy signals), paused (kill
    # switch), language, answer, output (the path's own checks), rule (a rule no longer known)
    signal: str
    needed: Any  # the value (threshold, True) or the words to leave out
    sentence: str


def _change(rule: Rule, s: Signals | None, text: str) -> Change:
    """The most actionable condition of `rule` to break, in a fixed order of preference."""
    if rule.keywords is not None:
        words = sorted({m.group(0).lower() for m in rule.keywords.finditer(text)})
        if words:
            return Change(rule.id, "text", words, "your message had not used the words "
                          + ", ".join(repr(w) for w in words))
    if rule.confidence_below is not None:
        return Change(rule.id, "confidence", rule.confidence_below,
                      f"the assistant had been at least {percent(rule.confidence_below)} sure "
                      "what you meant")
    if rule.sentiment_below is not None:
        return Change(rule.id, "sentiment", rule.sentiment_below,
                      "your message had sounded less upset")
    if rule.urgency_above is not None:
        return Change(rule.id, "urgency", rule.urgency_above,
                      "your message had sounded less urgent")
    if rule.out_of_scope:
        return Change(rule.id, "in_scope", True,
                      "your question had been one the assistant and our help centre cover")
    if rule.intents:
        about = s.intent if s is not None else ""
        return Change(rule.id, "intent", sorted(rule.intents),
                      f"your message had not been about {readable_intent(about or 'this topic')}")
    return Change(rule.id, "rule", None, f"the rule {rule.id!r} had not applied")


def counterfactual(policy: Policy, fired: Sequence[Mapping[str, Any]], *, text: str,
                   intent: str, policy_version: str) -> dict[str, Any] | None:
    """The changes that would have let the AI answer on its own; None for an automatic answer.

    `fired` are the explanation's stored rules (rule_id, action); `text` the redacted input.
    """
    holding = [r for r in fired if str(r.get("action")) != Action.AUTO.label]
    if not holding:
        return None
    by_id = {r.id: r for r in policy.rules}
    same = policy.version == policy_version
    changes: list[Change] = []
    signals = Signals(intent=intent, confidence=0.0, in_scope=True, text=text)
    for hit in holding:
        rule_id = str(hit.get("rule_id"))
        rule = by_id.get(rule_id) if same else None
        if rule_id == PAUSE_RULE_ID:
            changes.append(Change(rule_id, "paused", False, "the AI had not been paused"))
        elif rule_id in PATH_RULES:
            signal, sentence = PATH_RULES[rule_id]
            changes.append(Change(rule_id, signal, None, sentence))
        elif rule is None:
            changes.append(Change(rule_id, "rule", None, f"the rule {rule_id!r} had not applied"))
        else:
            changes.append(_change(rule, signals, text))
    unique = list({c.sentence: c for c in changes}.values())
    return {
        "outcome_if_changed": "reply",
        "changes": [{"rule_id": c.rule_id, "signal": c.signal, "needed": c.needed,
                     "sentence": c.sentence} for c in changes],
        "summary": "This would have been answered automatically if "
                   + _join([c.sentence for c in unique]) + ".",
        "policy_version": policy_version,
        "exact": same,  # False: the policy changed since; rules are named, not re-read
    }


def _join(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def apply(signals: Signals, changes: Sequence[Mapping[str, Any]],
          *, other_intent: str) -> Signals:
    """`signals` with each change made (for replaying a counterfactual through the policy)."""
    s = signals
    for c in changes:
        signal, needed = c["signal"], c["needed"]
        if signal == "text":
            text = s.text
            for word in needed:
                text = _drop(text, word)
            s = replace(s, text=text)
        elif signal == "confidence":
            s = replace(s, confidence=float(needed))
        elif signal == "sentiment":
            s = replace(s, sentiment=float(needed))
        elif signal == "urgency":
            s = replace(s, urgency=float(needed))
        elif signal == "in_scope":
            s = replace(s, in_scope=True)
        elif signal == "intent":
            s = replace(s, intent=other_intent)
    return s


def _drop(text: str, word: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, flags=re.IGNORECASE)
