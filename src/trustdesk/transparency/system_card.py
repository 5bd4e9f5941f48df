"""The system card: the whole deployment as a customer, an auditor or a regulator reads it.

Built from the running configuration (settings, the loaded policy, the active model and
knowledge-base versions, the retention rules): nothing in it is written by hand per
deployment, so it cannot drift from what runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from trustdesk.oversight.policy import Action, Policy
from trustdesk.privacy.retention import RetentionRules
from trustdesk.settings import Settings
from trustdesk.transparency.explain import CATEGORY_NAMES

DOES = (
    "Reads each customer message after personal details were replaced by placeholders, "
    "and works out its topic, language, urgency and tone with local models.",
    "Answers questions from the deployer's help centre, quoting the passages it used; it "
    "abstains and hands over when it is not sure a passage answers the question.",
    "Explains every decision: what it understood and how sure it was, the words that "
    "mattered, the passage it quoted, the rules that fired and the personal data it used.",
)
DOES_NOT = (
    "Decide refunds, disputes, complaints, account closure or anything sensitive on its "
    "own: the policy holds those for a person or hands the conversation over.",
    "See or store personal data in clear: originals are encrypted under a per-customer key "
    "and only redacted text reaches the models (and the LLM backend, when there is one).",
    "Use protected attributes (such as gender or ethnicity): they are kept apart, encrypted, "
    "for fairness audits only, and never reach a model.",
    "Keep answering once a person has taken over, or for a customer who opted out of AI.",
)
HOW_TO_READ_THE_LOGS = (
    "Every AI output is a Decision with its Explanation: GET /v1/decisions/{id} and "
    "/v1/decisions/{id}/explanation.",
    "Every Decision and every change of state (review verdicts, pauses, handoffs, erasures) "
    "is an entry of a hash-chained audit log: GET /v1/audit (admin).",
    "`trustdesk audit verify` recomputes every link and every decision's seal and names the "
    "first entry that was altered.",
    "`trustdesk transparency report --since DATE` counts what the AI did and what people "
    "changed over a period.",
)


@dataclass(frozen=True)
class Deployment:
    """What runs: the versions and the files loaded, as bootstrap built them."""

    settings: Settings
    policy: Policy
    model_version: str | None
    kb_version: str | None
    retention: RetentionRules


def _condition(rule: Any) -> dict[str, Any]:
    when: dict[str, Any] = {}
    if rule.intents:
        when["intents"] = sorted(rule.intents)
    if rule.keywords is not None:
        when["keywords"] = True
    for name in ("confidence_below", "urgency_above", "sentiment_below"):
        if getattr(rule, name) is not None:
            when[name] = getattr(rule, name)
    if rule.out_of_scope:
        when["out_of_scope"] = True
    return when


def _llm(settings: Settings) -> dict[str, Any]:
    if not settings.llm_base_url:
        return {"backend": "none",
                "answers": "extractive: passages of the help centre, quoted, no generated text"}
    parts = urlsplit(settings.llm_base_url)
    return {
        "backend": "OpenAI-compatible chat completions",
        "host": parts.hostname,  # never the path's credentials or the API key
        "model": settings.llm_model,
        "receives": "redacted text and the retrieved passages only",
        "answers": "generated from the passages, checked for grounding and leaked data",
    }


def system_card(d: Deployment) -> dict[str, Any]:
    s = d.settings
    rules = [
        {"id": r.id, "action": r.action.label, "reason_code": r.reason_code.value,
         "when": _condition(r), "reason": r.reason}
        for r in d.policy.rules if r.action is not Action.AUTO
    ]
    return {
        "card": "system",
        "deployment": s.brand_name,
        "purpose": f"Customer support for {s.brand_name}: answers questions from the help "
                   "centre and hands everything else to the support team.",
        "does": list(DOES),
        "does_not": list(DOES_NOT),
        "disclosure": {
            "shown": "with the first AI reply of every conversation, in the customer's "
                     "language, and recorded in the transcript; every AI message is labelled",
            "languages": list(s.disclosure.languages),
            "text": {lang: s.disclosure.text(lang) for lang in s.disclosure.languages},
        },
        "components": {
            "intent_model": {"version": d.model_version,
                             "card": "trustdesk transparency model-card"},
            "knowledge_base": {"version": d.kb_version},
            "policy": {"version": d.policy.version},
            "llm": _llm(s),
            "languages_understood": list(s.model_languages),
            "languages_of_the_team": list(s.agent_languages),
        },
        "human_oversight": {
            "always": [
                "A customer can ask for a person at any time (words or intent); the "
                "conversation is handed over with reason code customer_request.",
                "A customer can opt out of AI entirely; a person answers from then on.",
                "A customer can contest any decision (POST /v1/decisions/{id}/appeal); the "
                "conversation goes to a person, who upholds or overturns it, and the customer "
                "is told which.",
                "Admins can pause the AI globally, per intent or per channel (kill switch), "
                "or switch it to draft-only: every reply then waits for a person.",
                "Review tasks carry a priority and a due time; overdue tasks are escalated.",
                "Reviewers' approval rates and speed are monitored for rubber-stamping.",
            ],
            "rules": rules,
            "review_sla_minutes": dict(s.review_sla_minutes),
            "support_hours": f"{s.support_hours} ({s.support_timezone})",
            "typical_wait_minutes": s.support_typical_wait_minutes,
        },
        "data": {
            "categories_detected_and_redacted": sorted(
                {*CATEGORY_NAMES.values()}
            ),
            "flows": [
                "message -> privacy guard: personal details found, replaced by "
                "placeholders; the original encrypted under the customer's own key",
                "redacted text -> local models (topic, language, urgency, tone)",
                "redacted text -> policy -> automatic reply, review by a person, or handoff",
                "redacted text + passages -> LLM backend (only when one is configured)",
                "decision, explanation -> database, sealed in the audit log",
            ],
            "retention_days": {c.value: days for c, days in d.retention.days.items()},
            "erasure": "erasing a customer destroys their key (crypto-shredding); the "
                       "audit log stays verifiable",
            "lawful_basis_ai_assistance": s.ai_assistance_basis,
        },
        "how_to_read_the_logs": list(HOW_TO_READ_THE_LOGS),
    }


def system_card_markdown(card: dict[str, Any]) -> str:
    c, o, data = card["components"], card["human_oversight"], card["data"]
    lines = [
        f"# System card: {card['deployment']}", "", card["purpose"], "",
        "## What the AI does", "", *[f"- {x}" for x in card["does"]], "",
        "## What it does not do", "", *[f"- {x}" for x in card["does_not"]], "",
        "## Components", "",
        f"- Intent model: `{c['intent_model']['version']}` (see `{c['intent_model']['card']}`)",
        f"- Knowledge base: `{c['knowledge_base']['version']}`",
        f"- Policy: `{c['policy']['version']}`",
        f"- LLM backend: {c['llm']['backend']}"
        + (f" at {c['llm']['host']}, model {c['llm']['model']}" if "host" in c["llm"] else "")
        + f" ({c['llm']['answers']})",
        f"- Languages understood: {', '.join(c['languages_understood'])}; "
        f"team: {', '.join(c['languages_of_the_team'])}",
        "", "## AI disclosure", "", card["disclosure"]["shown"], "",
        *[f"- {lang}: {text}" for lang, text in card["disclosure"]["text"].items()], "",
        "## Human oversight", "", *[f"- {x}" for x in o["always"]], "",
        "| rule | action | reason code | reason |", "|---|---|---|---|",
        *[f"| {r['id']} | {r['action']} | {r['reason_code']} | {r['reason']} |"
          for r in o["rules"]],
        "",
        f"Support hours {o['support_hours']}; typical wait {o['typical_wait_minutes']} minutes; "
        "review due within "
        + ", ".join(f"{k} {v} min" for k, v in o["review_sla_minutes"].items()),
        "", "## Personal data", "",
        "Detected and redacted: " + ", ".join(data["categories_detected_and_redacted"]), "",
        *[f"- {x}" for x in data["flows"]], "",
        "Retention (days; none = kept): " + ", ".join(
            f"{k} {v if v is not None else 'none'}" for k, v in data["retention_days"].items()),
        "", data["erasure"] + ".", "",
        "## How to read the logs", "", *[f"- {x}" for x in card["how_to_read_the_logs"]],
    ]
    return "\n".join(lines) + "\n"
