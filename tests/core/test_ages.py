"""Age cues inside the clause that asks are taken out before the readers read it."""

from __future__ import annotations

import pytest

from trustdesk.ai.ages import without_age_cues
from trustdesk.ai.focus import focus


@pytest.mark.parametrize(("text", "neutral", "cues"), [
    ("at my age (84) I don't like typing", "I don't like typing", ("at my age (84)",)),
    ("I'm retired so I can be in any day", "I'm so I can be in any day", ("retired",)),
    ("aged 67, I need help", "I need help", ("aged 67",)),
    ("im 21 do you charge fees", "im do you charge fees", ("21",)),
    ("my mum (aged 80) lives alone", "my mum lives alone", ("(aged 80)",)),
    ("a 79-year-old customer here", "customer here", ("a 79-year-old",)),
])
def test_age_cues_are_taken_out(text: str, neutral: str, cues: tuple[str, ...]) -> None:
    assert without_age_cues(text) == (neutral, cues)


@pytest.mark.parametrize("text", [
    "Can you deliver at 9 am?", "I'm 20 minutes away", "at 50% off", "order 84 is late",
    "Can I order (40) napkins?", "Can you deliver at 10:30?", "at 20 pounds each",
    "my grandkids bought me this lamp",
])
def test_numbers_that_are_no_ages_stay(text: str) -> None:
    assert without_age_cues(text) == (text, ())


def test_focus_keeps_the_cue_as_context_and_reads_the_rest() -> None:
    read = focus("Hello, at my age (84) I don't really like typing. Is there a phone number?")
    assert "84" not in read.request and "at my age (84)" in read.context
