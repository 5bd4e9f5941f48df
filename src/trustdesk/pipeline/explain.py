"""Explain: the Explanation a customer reads, from what each stage did."""

from __future__ import annotations

from collections.abc import Sequence

from trustdesk.domain import DecisionKind, Explanation, Source
from trustdesk.oversight.policy import PolicyOutcome
from trustdesk.pipeline.respond import Drafted
from trustdesk.pipeline.understand import Reading
from trustdesk.transparency.explain import explain


def explain_analysis(reading: Reading, outcome: PolicyOutcome, kind: DecisionKind,
                     drafted: Drafted | None, sources: Sequence[Source],
                     data_categories: Sequence[str]) -> Explanation:
    # The answer's own confidence (that the passage answers the question) is shown beside
    # the intent's; a canned small-talk reply has none.
    p = reading.prediction
    return explain(
        intent=p.label,
        confidence=p.confidence,
        contributions=p.contributions,
        sources=sources,
        rules=outcome.hits,
        data_categories=data_categories,
        outcome=kind.value,
        answer_confidence=drafted.confidence if drafted is not None else None,
        answer_basis=drafted.basis if drafted is not None and sources else None,
    )
