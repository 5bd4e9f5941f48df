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


def test_words_shown_leave_out_placeholders_and_function_words_and_never_say_certain() -> None:
    e = explain(intent="change_address", confidence=0.9996,
                contributions=[("__address__", 3.0), ("to the", 2.0), ("change", 1.5),
                               ("where", 1.0)],
                sources=[], rules=[], data_categories=["address"], outcome="reply")
    assert "100%" not in e.summary and "(99% sure)" in e.summary
    assert "'change', 'where'" in e.summary
    assert "__address__" not in e.summary and "'to the'" not in e.summary
    assert e.top_terms[0].term == "__address__"  # the exact contributions stay in the fields


def test_the_answers_own_confidence_and_basis_are_shown_beside_the_intents() -> None:
    e = explain(intent="refund", confidence=0.8, contributions=[],
                sources=[Source("refunds", "Refunds", "Refunds > Timing", None, "q")],
                rules=[], data_categories=[], outcome="reply", answer_confidence=0.934,
                answer_basis="It was chosen because the passage under \"Refunds > Timing\" "
                             "has your words 'refund'.")
    assert "(80% sure)" in e.summary
    assert "It was chosen because the passage under" in e.summary
    assert "answers your question: 93%." in e.summary


def test_after_a_handoff_the_customer_is_not_told_to_ask_for_a_person() -> None:
    e = explain(intent="refund", confidence=0.4, contributions=[], sources=[],
                rules=[RuleHit("knowledge-base-abstained", "handoff", "No answer found.")],
                data_categories=[], outcome="handoff")
    assert "talk to a human" not in e.how_to_appeal and "ask for" not in e.summary
    assert "now has this conversation" in e.how_to_appeal
