"""The rules every deployment has, beside its policy file: language, abstention, output guard.

Each returns the RuleHit the decide stage adds to the policy's own, so every reason a person
answers is one hit in the same outcome and the same explanation.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from trustdesk.domain import HandoffReason, RuleHit

LANGUAGE_RULE_ID = "language-not-supported"
ABSTAINED_RULE_ID = "knowledge-base-abstained"
OUTPUT_GUARD_RULE_ID = "output-guard"
UNCALIBRATED_RULE_ID = "knowledge-base-uncalibrated"


@dataclass(frozen=True)
class Draft:
    """What decide needs to know of the respond stage's draft."""

    abstained: bool = False
    reason: str | None = None  # why the knowledge base abstained, in customer words
    leaked: tuple[str, ...] = ()  # personal-data types found in the draft
    uncalibrated: bool = False  # the help centre's threshold was never fitted on its questions


def language_hit(language: str | None, model_languages: Set[str],
                 agent_languages: Set[str]) -> RuleHit | None:
    """No guessing in a language the models never learnt: a person answers."""
    if language is None or language in model_languages:
        return None
    if language in agent_languages:
        reason = (f"Our assistant only answers in {', '.join(sorted(model_languages))}, so a "
                  f"colleague who speaks your language ({language}) will reply.")
    else:
        reason = (f"Our assistant does not answer in your language ({language}); a colleague "
                  "will reply as soon as they can.")
    return RuleHit(LANGUAGE_RULE_ID, "handoff", reason, HandoffReason.LANGUAGE.value)


def draft_hits(draft: Draft) -> tuple[RuleHit, ...]:
    """An abstaining knowledge base, or a draft that carries personal data, hands off; an
    answer from a help centre nobody calibrated yet waits for a person's review."""
    if draft.abstained:
        return (RuleHit(ABSTAINED_RULE_ID, "handoff",
                        draft.reason or "Our help centre has no answer to this.",
                        HandoffReason.OUT_OF_SCOPE.value),)
    if draft.leaked:
        return (RuleHit(OUTPUT_GUARD_RULE_ID, "handoff",
                        "The drafted answer contained personal data, so it was not sent.",
                        HandoffReason.OUTPUT_GUARD.value),)
    if draft.uncalibrated:
        return (RuleHit(UNCALIBRATED_RULE_ID, "review",
                        "Answers from our help centre are checked by a person until it has been "
                        "tested on real questions, so a colleague reviews this one before it is "
                        "sent.", HandoffReason.LOW_CONFIDENCE.value),)
    return ()
