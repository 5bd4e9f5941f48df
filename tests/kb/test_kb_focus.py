"""The request of a message: courtesy and self-descriptions set apart, answers unmoved by them."""

from __future__ import annotations

import pytest

from trustdesk.ai.focus import focus, is_courtesy, is_self_description
from trustdesk.ai.kb import KnowledgeBase
from trustdesk.ai.kb.analysis import analyse


@pytest.mark.parametrize(
    ("message", "asked", "context", "inline"),
    [
        ("How long does standard shipping take?", "How long does standard shipping take?", (),
         False),
        ("I'm a woman and i need to cancel my order before it ships.",
         "i need to cancel my order before it ships.", ("I'm a woman",), True),
        ("I need to cancel my order. I'm asking for my wife.", "I need to cancel my order.",
         ("I'm asking for my wife",), False),
        ("I am 78 years old and not very good with computers. How do loyalty points work?",
         "How do loyalty points work?",
         ("I am 78 years old and not very good with computers",), False),
        ("I'm 19 and this is my first online order. Do you ship to Canada?",
         "Do you ship to Canada?", ("I'm 19", "this is my first online order"), False),
        # a part that gives only an age is set apart before the sentence is read: nothing of
        # it is tied to the question, so the help centre does not read the whole too
        ("As a pensioner, i can't log in to my account.", "i can't log in to my account.",
         ("As a pensioner",), False),
        ("Dear <PERSON_1> or Madam, I was charged twice, please fix this. Yours faithfully.",
         "I was charged twice, please fix this.", (), False),
        ("hey, i need to cancel my order before it ships. thx",
         "i need to cancel my order before it ships.", (), False),
        ("Hi, this is <PERSON_1>. Where is my order? Thanks, <PERSON_1>", "Where is my order?",
         (), False),
        ("Kindly note, Can I buy a gift card, please revert back?", "Can I buy a gift card,",
         (), False),
        # nothing but courtesy and descriptions: the whole message is read
        ("I'm a student. Thanks!", "I'm a student. Thanks!", (), False),
    ],
)
def test_focus_sets_apart_courtesy_and_self_descriptions(
    message: str, asked: str, context: tuple[str, ...], inline: bool
) -> None:
    read = focus(message)
    assert (read.request, read.context, read.inline) == (asked, context, inline)


@pytest.mark.parametrize(
    "clause",
    [
        "I am charged twice for my order",  # a report of the problem, not of the writer
        "I'm unable to log in",
        "I'm still waiting for my refund",
        "I'm trying to change my address",
        "I'm a student, can I get a discount?",  # it asks
        "I am wanting a refund",
        "its registered",  # found on the transit questions: the fact that decides the answer
        "this is ridiculous",
        "dear god my order is late",
    ],
)
def test_reports_and_requests_are_not_self_descriptions(clause: str) -> None:
    assert not is_self_description(clause)
    assert not is_courtesy(clause)


@pytest.mark.parametrize(
    "clause", ["I'm a retired nurse", "im in texas", "I'm asking for my husband", "As a carer"]
)
def test_self_descriptions(clause: str) -> None:
    assert is_self_description(clause)


@pytest.mark.parametrize(
    "clause", ["Hello there", "Kind regards, <PERSON_1>", "Many thanks in advance", "cheers",
               "Good morning", "Kindly do the needful."],
)
def test_courtesy(clause: str) -> None:
    assert is_courtesy(clause)


# Sentences written for this test only (the patterns were written looking at the fairness
# probe's own phrasings): an answer must not change when one of them is added.
BENIGN_PREFIXES = ("I'm a retired nurse. ", "I'm 45 and a mum of two. ",
                   "My name is <PERSON_1>. ", "I'm writing on behalf of my elderly father. ",
                   "I'm 82. ", "Good morning, ")
BENIGN_SUFFIXES = (" Many thanks in advance.", " I'm a grandmother.", " Best wishes, <PERSON_1>")
QUESTIONS = ("How long does standard shipping take?", "Can I pay with PayPal or only by card?",
             "How do loyalty points work?", "I need to cancel my order before it ships.",
             "Do you have a discount code for first orders?")


@pytest.mark.parametrize("question", QUESTIONS)
def test_benign_sentences_do_not_move_the_answer(demo_kb: KnowledgeBase, question: str) -> None:
    def verdict(text: str) -> tuple[bool, str | None, float]:
        a = demo_kb.answer(text)
        return (a.abstained, a.citations[0].article_id if a.citations else None,
                round(a.confidence, 9))

    base = verdict(question)
    lowered = question[0].lower() + question[1:]
    for prefix in BENIGN_PREFIXES:
        assert verdict(prefix + (lowered if prefix.endswith(", ") else question)) == base
    for suffix in BENIGN_SUFFIXES:
        assert verdict(question + suffix) == base


def test_a_self_description_tied_to_the_question_is_read_with_it(
    demo_kb: KnowledgeBase,
) -> None:
    # The description's own word ("student") is what the answering passage matches.
    alone = demo_kb.answer("is there a discount?")
    tied = demo_kb.answer("I'm a student, is there a discount?")
    assert alone.abstained
    assert not tied.abstained
    assert tied.citations[0].article_id == "faq-do-you-offer-a-student-discount"
    # Said in a sentence of its own, it does not redirect the question.
    assert demo_kb.answer("I'm a student. Is there a discount?").abstained
    # the deaf customer's question is answered from the accessibility article, as without
    answer = demo_kb.answer("I am deaf, can I contact you with a text relay service")
    assert answer.citations and answer.citations[0].article_id == "accessibility"


def test_a_separate_self_description_does_not_redirect_the_answer(
    demo_kb: KnowledgeBase,
) -> None:
    alone = demo_kb.answer("How do returns work?")
    described = demo_kb.answer("I'm a student. How do returns work?")
    assert described.citations == alone.citations
    assert described.abstained == alone.abstained


# Forms of English that frame or aside, written for this test (kinds from issue 13: an aside
# about the writer after or before the question, a status, an occupation, whom it is for).
@pytest.mark.parametrize(
    ("message", "asked", "context"),
    [
        ("I'm retired now, so I was wondering: do you ship to Canada?",
         "do you ship to Canada?", ("I'm retired now",)),
        ("Speaking as a 52-year-old, how do loyalty points work?",
         "how do loyalty points work?", ("Speaking as a 52-year-old",)),
        ("Where is my order (I'm 71)?", "Where is my order?", ("I'm 71",)),
        ("Just so you know, I'm a teacher. Can I get an invoice?", "Can I get an invoice?",
         ("I'm a teacher",)),
        ("Can I pay by card? Not that it matters, but I'm a firefighter.", "Can I pay by card?",
         ("but I'm a firefighter",)),
        ("I work as a paralegal. How do returns work?", "How do returns work?",
         ("I work as a paralegal",)),
        ("Long-time customer here. Do you ship to Canada?", "Do you ship to Canada?",
         ("Long-time customer here",)),
        ("Can I buy a gift card? It's for my niece.", "Can I buy a gift card?",
         ("It's for my niece",)),
        ("Quick question: do you ship to Canada?", "do you ship to Canada?", ()),
        ("I've been a nurse for ten years. Can I pay by card?", "Can I pay by card?",
         ("I've been a nurse for ten years",)),
    ],
)
def test_asides_statuses_and_occupations_are_set_apart(
    message: str, asked: str, context: tuple[str, ...]
) -> None:
    read = focus(message)
    assert (read.request, read.context) == (asked, context)


@pytest.mark.parametrize(
    "clause",
    [
        "is it here",  # a question about the parcel
        "my order is here but broken",
        "the box arrived here damaged",
        "I worked for hours trying to log in",
        "I'm bereaved",  # a state that may need care is never set apart as a status
        "I'm disabled and need help",
        "As the parcel never came",  # a reason, not who the writer is
        "as an order was lost in the post",
        "As a result of your error I was charged",
        "I'm stuck here",
    ],
)
def test_reports_and_states_of_care_are_not_set_apart(clause: str) -> None:
    assert not is_self_description(clause)


def test_words_for_family_members_do_not_move_the_answer(demo_kb: KnowledgeBase) -> None:
    def verdict(text: str) -> tuple[bool, str | None]:
        a = demo_kb.answer(text)
        return a.abstained, a.citations[0].article_id if a.citations else None

    for question, about in [("Can I pay with PayPal or only by card?",
                             "Can my husband pay with PayPal or only by card?"),
                            ("How do loyalty points work?",
                             "How do loyalty points work for my daughter?"),
                            ("Where is my order?", "Where is my mum's order?")]:
        assert verdict(about) == verdict(question)


# Issue 13, round 2: a companion in the subject, a clause about the writer inside a sentence,
# a name addressed or signed; written for this test, not taken from any probe set.
@pytest.mark.parametrize(
    ("message", "asked", "context"),
    [
        ("My sister and I want to know how loyalty points work.",
         "how loyalty points work.", ("My sister and I",)),
        ("My son and I are moving house, can I change my address?",
         "We are moving house, can I change my address?", ("My son and I",)),
        ("My fiance and I were wondering: can I pay by card?", "can I pay by card?",
         ("My fiance and I",)),
        ("How do returns work? Asking for myself and my dad.", "How do returns work?",
         ("myself and my dad", "Asking for us")),
        ("We're a family of five. Do you ship to Canada?",
         "Do you ship to Canada?", ("We're a family of five",)),
        ("We are students. Can I get an invoice?", "Can I get an invoice?", ("We are students",)),
        ("I have coeliac disease. Can I get an invoice?", "Can I get an invoice?",
         ("I have coeliac disease",)),
        ("I'm 70, and my parcel has not come.", "my parcel has not come.", ("I'm 70",)),
        ("Can I pay by card, which is why I'm writing instead of ringing.",
         "Can I pay by card,", ("which is why I'm writing instead of ringing",)),
        ("I'm a carer, working nights. How do returns work?", "How do returns work?",
         ("I'm a carer", "working nights")),
        ("I would like to know if you ship to Canada.", "you ship to Canada.", ()),
        ("Could you tell me, Oluwaseun, whether you ship to Canada?",
         "whether you ship to Canada?", ()),
        ("Can someone let me know if you ship to Canada?", "you ship to Canada?", ()),
        ("Do you ship to Canada?\n\u2014 <PERSON_1>", "Do you ship to Canada?", ()),
        ("Do you ship to Canada?\nMere", "Do you ship to Canada?", ()),
        ("Do you ship to Canada? - Ines Duarte", "Do you ship to Canada?", ()),
    ],
)
def test_companions_inner_clauses_and_names_are_set_apart(
    message: str, asked: str, context: tuple[str, ...]
) -> None:
    read = focus(message)
    assert (read.request, read.context) == (asked, context)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("Do you ship to Canada?", "Canada"),  # the last word of a sentence is no signature
        ("I have a problem with my order.", "a problem"),  # what the writer has is the request
        ("I have received the wrong item.", "received"),
        ("I have two charges on my card.", "two charges"),
        ("I have trouble logging in.", "trouble"),
        ("I'm asking for my money back.", "money back"),
        ("I'm disabled and need help", "disabled"),  # reaches a person (tests/core)
        ("Why is my order late, which is why I'm angry", "angry"),
        ("I'm a student, waiting for my refund. Where is it?", "waiting for my refund"),
    ],
)
def test_problems_and_requests_stay_in_the_request(message: str, kept: str) -> None:
    assert kept in focus(message).request


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        # issue 13, round 3 (written for this test): a frame after a description, a companion
        # who asks through the writer, an aside in brackets after "I", more remarks about the
        # writer
        ("I'm 61 and I'd like to know how to clean a linen throw.",
         "how to clean a linen throw."),
        ("I'm 45, and I'm wondering: do you ship to Canada?", "do you ship to Canada?"),
        ("My partner wants to know: can I pay with PayPal?", "can I pay with PayPal?"),
        ("My son asked me how loyalty points work.", "how loyalty points work."),
        ("My brother's asking whether you ship to Canada.", "you ship to Canada."),
        ("I (a retired teacher) want to know if you ship to Canada.", "you ship to Canada."),
        ("Do you ship to Canada? They're for my grandson.", "Do you ship to Canada?"),
        ("I repair boilers for a living. Do you ship to Canada?", "Do you ship to Canada?"),
        ("My uncle told me about your shop \u2014 do you ship to Canada?",
         "do you ship to Canada?"),
        ("Quick question from a new dad: do you ship to Canada?", "do you ship to Canada?"),
        ("me and my sister want to know, can I pay with PayPal?", "can I pay with PayPal?"),
        ("Hi, my name's <PERSON_1>. Where is my order?", "Where is my order?"),
        ("Where is my order? I'm a man, for your records.", "Where is my order?"),
        ("My mum and I shop with you a lot. Where is my order?", "Where is my order?"),
        ("We've ordered from you for years. Do you ship to Canada?", "Do you ship to Canada?"),
        ("I'm 72 and would like to know if you ship to Canada.", "you ship to Canada."),
        ("My dad asked me to find out how loyalty points work.", "how loyalty points work."),
        ("I have Crohn's. Where is my order?", "Where is my order?"),
        ("I use a walking frame. Do you ship to Canada?", "Do you ship to Canada?"),
        ("Do you ship to Canada? Thanks \u2014 a long-time customer", "Do you ship to Canada?"),
        ("Where is my order? \u2014 sent by a teacher on her lunch break", "Where is my order?"),
        # what the customer or a companion asks for is the request, not a frame
        ("My wife asked for a refund.", "My wife asked for a refund."),
        ("My husband wants to return his jacket.", "My husband wants to return his jacket."),
    ],
)
def test_focus_round_3_forms(message: str, asked: str) -> None:
    assert focus(message).request == asked


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("I'm 29, so sorry for my spelling: do you ship to Canada?", "do you ship to Canada?"),
        ("Apologies for the long message. Where is my order?", "Where is my order?"),
        # an apology that reports the problem stays
        ("Sorry if my parcel is late, I mean, where is it?",
         "Sorry if my parcel is late, I mean, where is it?"),
    ],
)
def test_an_apology_for_the_writing_is_courtesy(message: str, asked: str) -> None:
    assert focus(message).request == asked


@pytest.mark.parametrize(
    ("message", "asked", "context"),
    [
        # pronouns a writer goes by, in brackets or as a line
        ("Can I change the delivery day? (she/her)", "Can I change the delivery day?",
         ("she/her",)),
        ("Is the oak shelf solid wood? (they/them)", "Is the oak shelf solid wood?",
         ("they/them",)),
        ("Do you sell lampshades on their own?\npronouns: he/him",
         "Do you sell lampshades on their own?", ("pronouns", "he/him")),
        # a sign-off that says who writes, with a relative clause about them
        ("How do I clean a wool throw? - sent from a tired grandma's tablet",
         "How do I clean a wool throw?", ("- sent from a tired grandma's tablet",)),
        ("Is the blue sofa back in stock? — a dad who does all the shopping",
         "Is the blue sofa back in stock?", ("— a dad who does all the shopping",)),
        ("Where is my parcel? Writing as a woman who's been waiting all week, is it close?",
         "Where is my parcel? is it close?", ("Writing as a woman who's been waiting all week",)),
        # an age in brackets, alone or with a remark
        ("Do you deliver on Saturdays? (81 and still going strong)",
         "Do you deliver on Saturdays?", ("81 and still going strong",)),
        ("Can I pay by bank transfer? (67 years young!)", "Can I pay by bank transfer?",
         ("67 years young",)),
        # a description and a courtesy in one aside: the courtesy goes, the description stays
        ("Can I return a lamp (I'm a Sikh, by the way) after 20 days?",
         "Can I return a lamp after 20 days?", ("I'm a Sikh",)),
        ("Does the rug fade in sun? I'm a vegan, if that makes any difference.",
         "Does the rug fade in sun?", ("I'm a vegan",)),
        ("Is gift wrap free? (I'm <PERSON_1>, if that's useful to know)", "Is gift wrap free?", ()),
    ],
)
def test_pronouns_signatures_and_ages_in_asides_are_set_apart(
    message: str, asked: str, context: tuple[str, ...]
) -> None:
    read = focus(message)
    assert (read.request, read.context) == (asked, context)


@pytest.mark.parametrize(
    "message",
    [
        # a number in brackets that is part of the question, people the question is about
        "How much is delivery for 2 items? (30 days please)",
        "Where is my order (2 of them)?",
        "Is it in stock? A man in the shop said no.",
        "a lady from your team called me, is my refund done?",
        "Can I order (40) napkins?",
        # a relative clause that asks is not a description
        "I'm a dad who needs a refund for this cot.",
    ],
)
def test_numbers_and_people_the_question_is_about_stay(message: str) -> None:
    read = focus(message)
    assert read.context == ()
    assert "2 items" not in message or read.request == message


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Please I want to ask that do you accept PayPal?", "do you accept PayPal?"),
        ("Kindly, I want to enquire about gift card validity.", "gift card validity."),
        ("I want to know from you if I can pay on delivery.", "I can pay on delivery."),
    ],
)
def test_frames_of_other_varieties_of_english_go(message: str, asked: str) -> None:
    assert focus(message).request == asked


# Issue 13, round 5 (released probes v5): a status without "I'm" before a smiley, a greeting
# from someone, a frame after a bare "hi", a sign-off from a parent, "Ta".
@pytest.mark.parametrize(
    ("message", "asked", "context"),
    [
        ("Hi! Retired and redecorating :) What's the difference between a king and a super king?",
         "What's the difference between a king and a super king?", ("Retired and redecorating",)),
        ("Hello from a 74-year-old home cook! Is the frying pan okay on a high heat?",
         "Is the frying pan okay on a high heat?", ()),
        ("hi my wife wants to know if the cast iron pot can go in the oven",
         "the cast iron pot can go in the oven", ()),
        ("Can I pay by bank transfer for a large order? Thanks - from a dad of two.",
         "Can I pay by bank transfer for a large order?", ("from a dad of two",)),
        ("Do the bamboo sheets need a special detergent? Ta, <PERSON_1>",
         "Do the bamboo sheets need a special detergent?", ()),
    ],
)
def test_focus_round_5_forms(message: str, asked: str, context: tuple[str, ...]) -> None:
    read = focus(message)
    assert (read.request, read.context) == (asked, context)


def test_a_greeting_from_a_place_and_a_smiley_in_a_question_stay() -> None:
    for message in ("Hello from Oslo! Do you ship here?", "Can I return it :) or not?"):
        assert focus(message).request == message


def test_an_age_given_with_the_question_does_not_pick_a_passage_by_its_number(
    demo_kb: KnowledgeBase,
) -> None:
    # "75" is the writer's age, not the free-delivery threshold of the shipping article
    asked, aged = demo_kb.answer("Hi, do you ship to Norway?"), demo_kb.answer(
        "Hi, I'm 75, do you ship to Norway?")
    assert (aged.abstained, [c.article_id for c in aged.citations]) == \
        (asked.abstained, [c.article_id for c in asked.citations])


# Issue 13, round 6 (released probes v6): a generation "here" with a laugh, a name "here" before
# a dash, "it's <name> again" before an emoji, a life event, "bear with me", a sign-off that
# says where the writer lives.
@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("gen z here lol. how do i rotate a rug properly?", "how do i rotate a rug properly?"),
        ("<PERSON_1> here — how much does it cost to ship a single lamp?",
         "how much does it cost to ship a single lamp?"),
        ("hey its <PERSON_1> again 🙂 the parcel is 4 days late now. what happens next",
         "the parcel is 4 days late now. what happens next"),
        ("Hello there. Got my first flat at 23 🎉 do you price match other shops\n\nThanks",
         "do you price match other shops"),
        ("<PERSON_1> here, bear with me. how do i stop my cast iron pan from rusting",
         "how do i stop my cast iron pan from rusting"),
        ("Can I pay with Apple Pay? Ta, the lass at no. 14", "Can I pay with Apple Pay?"),
    ],
)
def test_focus_round_6_forms(message: str, asked: str) -> None:
    assert focus(message).request == asked


@pytest.mark.parametrize("message", [
    "The man at the door took my parcel, where is it now?",  # a person the question is about
    "I said no. Then the sofa arrived broken, what now?",
    "I ❤️ the rug but it sheds, is that normal?",
])
def test_round_6_forms_leave_the_question_whole(message: str) -> None:
    assert focus(message).request == message


def test_an_age_in_a_self_description_does_not_pull_in_a_number_of_the_help_centre(
    demo_kb: KnowledgeBase,
) -> None:
    # "60" is the writer's age, not the "wash at 60" of the bedding care article
    answer = demo_kb.answer(
        "Hi, I'm 60 and I'd like to know if the pillows can be returned once opened.")
    assert answer.verification is not None
    assert answer.verification.article_id == "returns-policy"


@pytest.mark.parametrize(("text", "request_", "aside"), [
    ("Hi, as a mum of a newborn I keep missing the freight calls. Can they email instead?",
     "I keep missing the freight calls. Can they email instead?", "as a mum of a newborn"),
    ("Hello, as an older customer I find the text very small. Can it be bigger?",
     "I find the text very small. Can it be bigger?", "as an older customer"),
    ("Dear team, at 91 I am not very good with computers, so please could you tell me how to "
     "turn off the marketing emails?", "how to turn off the marketing emails?",
     "at 91 I am not very good with computers"),
])
def test_a_description_without_its_comma_is_set_apart(text: str, request_: str,
                                                      aside: str) -> None:
    read = focus(text)
    assert read.request == request_ and read.context == (aside,)


def test_as_a_rule_says_how_not_who() -> None:
    assert focus("as a rule I keep receipts").request == "as a rule I keep receipts"


@pytest.mark.parametrize(("text", "request_", "aside"), [
    ("Hello, I'm 91 and wondering whether I can still return a rug.",
     "I can still return a rug.", "I'm 91"),
    ("Hi, I'm 79 and not sure if my order went through. Did you get it?",
     "I'm not sure if my order went through. Did you get it?", "I'm 79"),
    ("Hi, Age 81. Need to change the delivery address.",
     "Need to change the delivery address.", "Age 81"),
    ("hey (21, first flat lol) does the wardrobe come with tools",
     "hey does the wardrobe come with tools", "21, first flat lol"),
])
def test_an_age_beside_the_question_is_set_apart(text: str, request_: str, aside: str) -> None:
    read = focus(text)
    assert read.request == request_ and read.context == (aside,)


def test_a_time_of_life_is_read_like_kin() -> None:
    assert analyse("I'm retired so I can be in") == analyse("I'm so I can be in")
