"""Needs of care read from the wording (`ai.care`): a table of cases on the real lexicon."""

from __future__ import annotations

import pytest

from trustdesk.ai.care import NEEDS, needs_of_care

FOUND = [
    ("My wife and I are bereaved.", "bereavement", "bereaved"),
    ("my father passed away last week and I need to close his account", "bereavement",
     "passed away"),
    ("I'm widowed. Where is my order?", "bereavement", "widowed"),
    ("I\u2019m grieving. How do returns work?", "bereavement", "grieving"),
    ("The order was for my late husband.", "bereavement", "my late husband"),
    ("My mum died in May, can I cancel her subscription?", "bereavement", "My mum died"),
    ("Mi madre falleci\u00f3, necesito cerrar su cuenta.", "bereavement",
     "falleci\u00f3"),
    ("Mon p\u00e8re est d\u00e9c\u00e9d\u00e9 le mois dernier.", "bereavement",
     "d\u00e9c\u00e9d\u00e9"),
    ("Mein Mann ist verstorben.", "bereavement", "verstorben"),
    ("I want to kill myself.", "crisis", "kill myself"),
    ("I can't cope any more with this order.", "crisis", "can't cope"),
    ("I lost my job and can't pay for the sofa.", "hardship", "lost my job"),
    ("Estoy en paro, \u00bfpuedo pagar a plazos?", "hardship", "en paro"),
    ("Ich bin arbeitslos und brauche Hilfe.", "hardship", "arbeitslos"),
    ("I'm in hospital and can't be home for the delivery.", "illness", "I'm in hospital"),
    ("I'm blind and need help placing an order.", "disability", "I'm blind"),
    ("My son uses a wheelchair, can someone help carry the sofa in?", "disability",
     "wheelchair"),
    ("I'm disabled and need help with my order.", "disability", "I'm disabled"),
]


@pytest.mark.parametrize(("text", "kind", "words"), FOUND)
def test_a_need_of_care_is_found_with_its_words(text: str, kind: str, words: str) -> None:
    found = needs_of_care(text)
    assert (kind, words) in [(n.kind, n.words) for n in found]


@pytest.mark.parametrize(
    "text",
    [
        "I'm a nurse. How long does shipping take?",
        "As a mum of two, do you ship to Canada?",
        "I'm a carer, how do returns work?",
        "I'm 78 years old and not very good with computers.",
        "I'm a nurse in the hospital, can I get a discount?",
        "Do you sell roller blinds in grey?",
        "My account was disabled, can you help?",
        "The kettle died after a week, can I return it?",
        "Can I get a breakdown of my invoice?",
        "My son passed his exams, can I buy him a gift card?",
        # a disability stated with no need of help is a self-description like any other
        "I'm dyslexic, so sorry if this is worded oddly: is there a discount code?",
        "I'm a social worker. Where is my order?",
        "Soy enfermera, \u00bfhacen env\u00edos a Canad\u00e1?",
    ],
)
def test_a_benign_self_description_is_no_need_of_care(text: str) -> None:
    assert needs_of_care(text) == ()


def test_every_need_has_a_case_above() -> None:
    assert {kind for _, kind, _ in FOUND} == set(NEEDS)
