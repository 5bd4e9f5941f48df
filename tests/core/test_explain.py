"""Explanations: the structured fields and the plain-language summary say the same thing."""

from __future__ import annotations

from trustdesk.domain import RuleHit, Source
from trustdesk.transparency.explain import explain, explanation_payload


def test_summary_names_intent_words_sources_rules_and_data() -> None:
    e = explain(
        intent="order_status",
        confidence=0.873,
        contributions=[("order", 2.5), ("where", 1.1), ("please", -0.2)],
        sources=[Source("tracking", "Tracking your order", "Tracking > Where", None, "q")],
        rules=[RuleHit("low-confidence", "review", "A person will check the answer first.")],
        data_categories=["email", "person"],
        outcome="review",
    )
    assert e.summary.startswith("We read your message as a question about order status (87% sure)")
    assert "'order', 'where'" in e.summary and "please" not in e.summary  # only what drove it
    assert "Tracking your order (Tracking > Where)" in e.summary
    assert "A person will check the answer first." in e.summary
    assert "A person checks the answer before it is sent." in e.summary
    assert "(e-mail address, name)" in e.summary
    payload = explanation_payload(e)
    assert payload["top_terms"][0] == {"term": "order", "weight": 2.5}
    assert payload["rules"][0]["rule_id"] == "low-confidence"
    assert payload["summary"] == e.summary and payload["how_to_appeal"]


def test_no_personal_data_is_said_plainly() -> None:
    e = explain(intent="greeting", confidence=1.0, contributions=[], sources=[], rules=[],
                data_categories=[], outcome="reply")
    assert "we found no personal details" in e.summary
    assert "The assistant answered automatically." in e.summary
