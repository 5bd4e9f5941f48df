"""Testing a policy before it goes live: its own examples, and a replay of stored decisions.

`run_examples` reads each example message with the real models and checks that its rule fires
(or does not). `simulate` replays stored decisions under a candidate policy: the intent and
confidence the decision recorded, urgency and sentiment recomputed from its redacted input
(the signals are a deterministic function of it), in scope unless the intent was
`out_of_scope`; the holds that are not the policy's (language, help centre abstained, output
guard, kill switch) are kept as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from trustdesk.ai.care import needs_of_care
from trustdesk.oversight.policy import Action, Policy, Signals

Understand = Callable[[str], Signals]
# rules the path adds after the policy decided; a replay keeps them as they were
PATH_RULES = frozenset({"language-not-supported", "knowledge-base-abstained", "output-guard"})
_KIND_ACTION = {"reply": Action.AUTO, "review": Action.REVIEW, "handoff": Action.HANDOFF}


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    text: str
    should_fire: bool
    fired: bool
    action: str  # what the whole policy decided for the example

    @property
    def ok(self) -> bool:
        return self.should_fire == self.fired


def run_examples(policy: Policy, understand: Understand) -> list[ExampleResult]:
    results = []
    for rule in policy.rules:
        for should, texts in ((True, rule.examples_fire), (False, rule.examples_pass)):
            for text in texts:
                outcome = policy.decide(understand(text))
                fired = any(h.rule_id == rule.id for h in outcome.hits)
                results.append(ExampleResult(rule.id, text, should, fired, outcome.action.label))
    return results


@dataclass(frozen=True)
class StoredDecision:
    id: str
    kind: str
    intent: str
    confidence: float
    redacted_input: str
    rules: tuple[tuple[str, str], ...]  # (rule_id, action) as recorded in its explanation
    answer_confidence: float | None = None  # a verified answer's, as recorded there too


@dataclass
class RuleChange:
    fired_before: int = 0
    fires_now: int = 0
    newly_fires: int = 0
    stops_firing: int = 0


@dataclass
class SimulationReport:
    decisions: int = 0
    changed: int = 0
    transitions: Counter[str] = field(default_factory=Counter)
    rules: dict[str, RuleChange] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)  # ids of a few changed decisions

    def as_json(self) -> dict[str, Any]:
        return {
            "decisions": self.decisions,
            "changed": self.changed,
            "transitions": dict(sorted(self.transitions.items())),
            "rules": {k: vars(v) for k, v in sorted(self.rules.items())},
            "changed_decision_ids": self.examples,
        }


def simulate(candidate: Policy, decisions: Iterable[StoredDecision],
             signals: Callable[[str], tuple[float, float]], *,
             keep_examples: int = 20) -> SimulationReport:
    report = SimulationReport()
    for d in decisions:
        report.decisions += 1
        urgency, sentiment = signals(d.redacted_input)
        # a verified help-centre answer counted as the path counted it (`pipeline.decide`)
        answered = d.answer_confidence is not None
        outcome = candidate.decide(Signals(
            intent=d.intent, confidence=max(d.confidence, d.answer_confidence or 0.0),
            in_scope=answered or d.intent != "out_of_scope",
            text=d.redacted_input, urgency=urgency, sentiment=sentiment,
            care=tuple(need.kind for need in needs_of_care(d.redacted_input)),
        ))
        kept = [Action[a.upper()] for r, a in d.rules if r in PATH_RULES]
        new_action = max([outcome.action, *kept])
        old_action = _KIND_ACTION.get(d.kind, Action.AUTO)
        if new_action is not old_action:
            report.changed += 1
            report.transitions[f"{old_action.label} -> {new_action.label}"] += 1
            if len(report.examples) < keep_examples:
                report.examples.append(d.id)
        before = {r for r, _ in d.rules if r not in PATH_RULES}
        now = {h.rule_id for h in outcome.hits}
        for rule_id in before | now:
            change = report.rules.setdefault(rule_id, RuleChange())
            change.fired_before += rule_id in before
            change.fires_now += rule_id in now
            change.newly_fires += rule_id in now and rule_id not in before
            change.stops_firing += rule_id in before and rule_id not in now
    return report


def stored(rows: Sequence[tuple[Any, ...]]) -> Iterable[StoredDecision]:
    """From (id, kind, intent, confidence, redacted_input, explanation payload) rows."""
    for did, kind, intent, confidence, text, payload in rows:
        rules = tuple((str(r["rule_id"]), str(r["action"]))
                      for r in (payload or {}).get("rules", []))
        answered = (payload or {}).get("answer_confidence")
        yield StoredDecision(str(did), str(kind), str(intent), float(confidence), str(text),
                             rules, float(answered) if answered is not None else None)
