"""Why a conversation went to a person: the reason codes every handoff and hold carries."""

from __future__ import annotations

import enum


class HandoffReason(enum.StrEnum):
    """Stored on the Decision and the conversation; the policy's rules name one each."""

    CUSTOMER_REQUEST = "customer_request"  # the customer asked for a person
    LOW_CONFIDENCE = "low_confidence"  # the AI was not sure what was meant
    SENSITIVE_TOPIC = "sensitive_topic"  # money, complaints, personal data, distress
    POLICY = "policy"  # another rule of the deployer's policy
    LANGUAGE = "language"  # a language the models do not cover
    AI_OPT_OUT = "ai_opt_out"  # the customer opted out of AI (or objected to it)
    OUT_OF_SCOPE = "out_of_scope"  # nothing the assistant or the help centre can answer
    NEGATIVE_SENTIMENT = "negative_sentiment"  # the customer sounds very upset
    REPEAT_CONTACT = "repeat_contact"  # the customer came back about the same thing
    AI_PAUSED = "ai_paused"  # the kill switch
    OUTPUT_GUARD = "output_guard"  # the drafted answer was blocked (e.g. it leaked data)
    ERROR = "error"  # something failed; a person takes over rather than guessing

    @classmethod
    def parse(cls, value: str) -> HandoffReason:
        """The code, or a ValueError that lists the allowed ones."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(c.value for c in cls)
            raise ValueError(f"unknown reason code; allowed: {allowed}") from None
