"""Age cues inside the clause that asks are taken out before the readers read it."""

from __future__ import annotations

import pytest

from trustdesk.ai.ages import without_age_cues
from trustdesk.ai.focus import focus


@pytest.mark.parametrize(("text", "neutral", "cues"), [
    ("at my age (84) I don't like typing", "I don't like typing", ("at my age (84)",)),
    # the copula a cue leaves goes before a verb or "so", stays before a state
    ("I'm retired so I can be in any day", "so I can be in any day", ("retired",)),
    ("I'm retired and slow to get to the door", "I'm slow to get to the door", ("retired",)),
    ("My husband and I are both in our seventies and want to do it ourselves",
     "My husband and I want to do it ourselves", ("in our seventies",)),
    ("I'm 66 and worried I've done something wrong", "I'm worried I've done something wrong",
     ("66 and",)),
    ("I'm getting on a bit and won't be ordering again", "won't be ordering again",
     ("getting on a bit",)),
    ("the rug is too big for my retirement flat", "the rug is too big for my flat",
     ("retirement",)),
    # an age in words
    ("I'm seventy-two and my parcel never came", "my parcel never came", ("I'm seventy-two and",)),
    ("at eighty I don't like typing", "I don't like typing", ("at eighty",)),
    ("a seventy-five-year-old customer here", "customer here", ("a seventy-five-year-old",)),
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
    "my grandkids bought me this lamp", "Can I order twenty napkins?", "I'm twenty minutes away",
    "Could it come at twenty past nine?",
])
def test_numbers_that_are_no_ages_stay(text: str) -> None:
    assert without_age_cues(text) == (text, ())


@pytest.mark.parametrize(("text", "neutral", "cues"), [
    ("hello im 15 and my parcel was left outside", "hello my parcel was left outside",
     ("im 15 and",)),
    ("I'm 81 and can't carry boxes", "can't carry boxes", ("I'm 81 and",)),
    ("My husband (he's 80) wants to know", "My husband wants to know", ("(he's 80)",)),
    ("As a pensioner, I'd like to know", "I'd like to know", ("As a pensioner",)),
    ("Are you open? I'm in my 70s", "Are you open? I'm", ("in my 70s",)),
    ("I'm 68. Where is my order?", "Where is my order?", ("I'm 68.",)),
    ("My eyesight isn't what it was at 90.", "My eyesight isn't what it was.", ("at 90",)),
])
def test_more_age_frames(text: str, neutral: str, cues: tuple[str, ...]) -> None:
    assert without_age_cues(text) == (neutral, cues)


@pytest.mark.parametrize("text", [
    # a temperature where washing or heat is the subject; an hour below 25
    "Can I wash it at 60 degrees?", "Can I wash it at 40?", "Is it ok at 30 on a gentle cycle?",
    "Can the pan go in the oven at 90?", "Can you deliver at 10?", "it is at 50 off",
])
def test_temperatures_and_hours_are_no_ages(text: str) -> None:
    assert without_age_cues(text) == (text, ())


@pytest.mark.parametrize(("text", "asked"), [
    # an age said after the question, with its reason, is an afterthought about the writer
    ("Is the Wren duvet machine washable? I'm 68 and my hands aren't great for hand washing.",
     "Is the Wren duvet machine washable?"),
    ("Do you have a showroom? At my age I like to touch things before I buy.",
     "Do you have a showroom?"),
    ("Hello, retired engineer here, the lamp plug gets warm. Is that dangerous?",
     "the lamp plug gets warm. Is that dangerous?"),
    # the first part of a sentence set apart takes the break after it, not the sentence's end
    ("Is the duvet washable? I'm 68 and my hands are weak, what do I do with it",
     "Is the duvet washable? what do I do with it"),
    # before the question, or with nothing asked, it is what the message is about
    ("I'm 80 and my parcel never came. What now?", "my parcel never came. What now?"),
    ("Help! I'm 76 and I typed my address wrong, order 5, not shipped yet.",
     "Help! I typed my address wrong, order 5, not shipped yet."),
])
def test_an_age_after_the_question_is_an_afterthought(text: str, asked: str) -> None:
    assert focus(text).request == asked


def test_a_bracket_that_gives_an_age_goes_whole_before_its_commas_part_it() -> None:
    read = focus("Can I pay with two different cards? (I'm 70, bear with me.)")
    assert read.request == "Can I pay with two different cards?"
    assert read.context == ("I'm 70, bear with me",)


def test_focus_keeps_the_cue_as_context_and_reads_the_rest() -> None:
    read = focus("Hello, at my age (84) I don't really like typing. Is there a phone number?")
    assert "84" not in read.request and "at my age (84)" in read.context
