"""Reason codes, the policy's codes per rule, and the opening hours behind a handoff notice."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from trustdesk.domain import HandoffReason, RuleHit
from trustdesk.oversight.availability import AvailabilityError, load_notices, parse_hours
from trustdesk.oversight.policy import Action, PolicyError, Signals, deciding_code, parse_policy

DEMO = Path(__file__).parents[2] / "src/trustdesk/data/demo"
ISSUE_CODES = {
    "customer_request", "low_confidence", "sensitive_topic", "policy", "language",
    "ai_opt_out", "out_of_scope", "negative_sentiment", "repeat_contact", "ai_paused",
    "output_guard", "error",
}


def test_the_twelve_codes_and_an_error_that_lists_them() -> None:
    assert {c.value for c in HandoffReason} == ISSUE_CODES
    with pytest.raises(ValueError) as info:
        HandoffReason.parse("because")
    assert all(code in str(info.value) for code in ISSUE_CODES)
    assert "because" not in str(info.value)


RULE = """
version: t
rules:
  - id: money
    when: {intents: [refund]}
    action: review
    reason: "checked"
"""


def test_a_rule_names_its_code_or_means_policy() -> None:
    policy = parse_policy(RULE.replace('reason: "checked"',
                                       'reason: "checked"\n    reason_code: sensitive_topic'))
    out = policy.decide(Signals(intent="refund", confidence=0.9, in_scope=True, text="refund"))
    assert out.hits[0].reason_code == "sensitive_topic"
    assert deciding_code(out.hits, out.action) is HandoffReason.SENSITIVE_TOPIC
    plain = parse_policy(RULE).decide(
        Signals(intent="refund", confidence=0.9, in_scope=True, text="refund"))
    assert deciding_code(plain.hits, plain.action) is HandoffReason.POLICY
    human = plain_policy_human()
    assert deciding_code(human.hits, human.action) is HandoffReason.CUSTOMER_REQUEST


def plain_policy_human() -> object:
    out = parse_policy(RULE).decide(
        Signals(intent="human_agent", confidence=0.9, in_scope=True, text="a real person"))
    assert out.action is Action.HANDOFF
    return out


def test_the_deciding_code_is_the_strictest_rules() -> None:
    hits = (RuleHit("a", "review", "r", "low_confidence"), RuleHit("b", "handoff", "h", "language"))
    assert deciding_code(hits, Action.HANDOFF) is HandoffReason.LANGUAGE
    assert deciding_code(hits, Action.AUTO) is None


@pytest.mark.parametrize(
    ("yaml_tail", "message"),
    [
        ('    reason_code: because\n', "rule 'money': reason_code: unknown reason code; allowed"),
        ('    colour: red\n', "rule 'money': unknown field(s) ['colour']"),
    ],
)
def test_a_bad_code_or_field_stops_the_policy_naming_the_rule(
    yaml_tail: str, message: str
) -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy(RULE + yaml_tail)
    assert message in str(info.value)


def test_every_demo_rule_has_a_code() -> None:
    policy = parse_policy((DEMO / "policy.yaml").read_text(encoding="utf-8"))
    codes = {r.id: r.reason_code.value for r in policy.rules}
    assert codes["low-confidence"] == "low_confidence"
    assert codes["very-unhappy"] == "negative_sentiment"
    assert codes["out-of-scope"] == "out_of_scope"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    # 2026-06-01 is a Monday; London is UTC+1 in June
    return datetime(2026, 6, day, hour - 1, minute, tzinfo=UTC)


def test_opening_hours_and_the_next_opening() -> None:
    hours = parse_hours("mon-fri 09:00-18:00; sat 10:00-14:00", "Europe/London")
    assert hours.is_open(_at(1, 9)) and hours.is_open(_at(1, 17, 59))
    assert not hours.is_open(_at(1, 18)) and not hours.is_open(_at(1, 8, 59))
    assert hours.is_open(_at(6, 11)) and not hours.is_open(_at(7, 11))  # Sat open, Sun closed
    nxt = hours.next_opening(_at(6, 15))  # Saturday afternoon -> Monday 09:00
    assert (nxt.weekday(), nxt.hour, nxt.minute) == (0, 9, 0)
    nxt = hours.next_opening(_at(1, 7))
    assert (nxt.day, nxt.hour) == (1, 9)


@pytest.mark.parametrize(
    ("spec", "zone", "field"),
    [
        ("mon-fri 9-18", "Europe/London", "support_hours"),
        ("fri-mon 09:00-18:00", "Europe/London", "support_hours"),
        ("mon 18:00-09:00", "Europe/London", "support_hours"),
        ("mon 09:00-25:00", "Europe/London", "support_hours"),
        ("", "Europe/London", "support_hours"),
        ("mon 09:00-18:00", "Mars/Olympus", "support_timezone"),
    ],
)
def test_bad_hours_name_the_setting(spec: str, zone: str, field: str) -> None:
    with pytest.raises(AvailabilityError, match=field):
        parse_hours(spec, zone)


def test_the_demo_notices_say_what_happens_and_when_in_four_languages() -> None:
    notices = load_notices(DEMO / "handoff_notices.yaml", hours="mon-fri 09:00-18:00",
                           timezone="Europe/London", typical_wait_minutes=15)
    assert notices.languages == ("de", "en", "es", "fr")
    open_en = notices.handoff("en", _at(1, 10))
    assert "within 15 minutes" in open_en and "will not answer" in open_en
    closed_en = notices.handoff("en", _at(6, 10))  # Saturday
    assert "Monday 09:00" in closed_en and "Monday–Friday 09:00–18:00 (Europe/London)" in closed_en
    assert "lunes 09:00" in notices.handoff("es", _at(6, 10))
    assert "15 minutes" in notices.handoff("fr", _at(1, 10))
    assert "Montag 09:00" in notices.handoff("de", _at(6, 10))
    assert notices.handoff("it", _at(1, 10)) == open_en, "other languages get the default"
    assert "{" not in notices.render("review_rejected", "de", _at(1, 10))


def test_a_notices_file_with_a_missing_text_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "n.yaml"
    bad.write_text("languages:\n  en:\n    handoff_open: 'x {nope}'\n", encoding="utf-8")
    with pytest.raises(AvailabilityError, match="language 'en': handoff_open may only use"):
        load_notices(bad, hours="mon 09:00-10:00", timezone="UTC", typical_wait_minutes=1)
