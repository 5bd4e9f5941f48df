"""False positives on text nobody here wrote, and the true values beside them. Exact spans on
the real detector (tagger included); every case is invented, of a shape seen in independent
sets: capitalised words that are no names, order numbers read as phones, a company's own
pages and mailboxes, version numbers, weak credential cues.

Each row: a text, the entity it is about, and every value of that entity the detector must
find there (an empty tuple: none at all).
"""

from __future__ import annotations

import pytest
from pii_support import spans

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.plausible import check_person, impersonal_url, implausible_person

CASES: list[tuple[str, str, str, tuple[str, ...]]] = [
    # PERSON: capitalised words that are no one, and the names beside them
    ("an addressee", "Dear Sir or Madam,\n\nmy parcel never came.", "PERSON", ()),
    ("a month in a date", "my licence is 812 441 907 (exp Aug 14 2027), thanks", "PERSON", ()),
    ("a month after a day", "We fly on 3rd Jun 2026 and booked two rooms.", "PERSON", ()),
    ("a carrier", "Your order was handed to DHL, tracking 00340434161094042557.", "PERSON", ()),
    ("an identifier's name", "they asked for my PIN on the phone", "PERSON", ()),
    ("an organisation after Dear", "Dear Banca Serena,\nplease close my account.", "PERSON", ()),
    ("a postscript", "Thanks!\n\nP.S. Wrong colour arrived too.", "PERSON", ()),
    ("a German phrase", "Ich bitte um Kündigung seines Vertrags zum Monatsende.", "PERSON", ()),
    ("a place after 'in'", "That login was not me, I'm in Tampere this week.", "PERSON", ()),
    ("a product after 'the'", "The Matilda lamp arrived broken.", "PERSON", ()),
    ("a subject line", "Subject: Booking QWZXRT\n\nHello, is it confirmed?", "PERSON", ()),
    ("a company's team", "Dear Quillora team,\nthe app will not open.", "PERSON", ()),
    ("a flight code", "Is flight KL 1402 to Oslo delayed?", "PERSON", ()),
    ("an acronym", "Also the PDF export drops the Notes column.", "PERSON", ()),
    ("a company that signs from its role mailbox",
     "From: Vantor Energi <kundeservice@vantorenergi.dk>\nDate: 2 May\n\nHej", "PERSON", ()),
    ("a phone footer", "Best,\nSent from my iPhone", "PERSON", ()),
    ("a relative's name past a lower-case word",
     "Mi abuela, Ragnhildur Einarsdóttir, falleció en marzo.", "PERSON",
     ("Ragnhildur Einarsdóttir",)),
    ("a name with a particle", "Account holder: Cristina dela Cruz", "PERSON",
     ("Cristina dela Cruz",)),
    ("a name, not the acronym after it", "Beneficiary: Luisa dela Cruz, IBAN below", "PERSON",
     ("Luisa dela Cruz",)),
    ("initials are no acronym", "Yours sincerely,\nJ.P. Okafor", "PERSON", ("J.P. Okafor",)),
    ("a name in capitals and a first name", "Passenger: OKONJO Adaeze, seat 14C", "PERSON",
     ("OKONJO Adaeze",)),
    # PHONE: identifiers after their word, a company's own numbers; the customer's kept
    ("an order number", "Order 6402917733 arrived damaged.", "PHONE", ()),
    ("an order number on a form", "Order number: 4417720936\nSubject: refund", "PHONE", ()),
    ("a German order", "Ich möchte Bestellung 7719204418 stornieren.", "PHONE", ()),
    ("an Estonian order after #", "Palun muutke tellimuse #0771234 aadressi.", "PHONE", ()),
    ("a meter number", "Zählernummer: Zähler 06114492 wurde getauscht.", "PHONE", ()),
    ("a build number", "The app crashes on build 10.0.22631.3155 every time.", "PHONE", ()),
    ("the company's line", "Please call us on 0345 602 1122 (Mon-Fri).", "PHONE", ()),
    ("under a team's sign-off", "We reply within 48 hours.\n> The Vantor Team\n> 0333 014 2277",
     "PHONE", ()),
    ("the customer's number beside an order",
     "Phone: +49 151 2288 4410\nOrder number: 7320148856\n", "PHONE", ("+49 151 2288 4410",)),
    ("a number after 'call me'", "call me on 0345 602 1122 after six", "PHONE",
     ("0345 602 1122",)),
    ("a mobile", "mobile 07700 900461", "PHONE", ("07700 900461",)),
    # URL: a company's own pages; the customer's profile and site kept
    ("a help page", "The checker on https://velora.it/help/delivery says no.", "URL", ()),
    ("a status page", "Error 502 from your status page quillora.io/account/orders.", "URL", ()),
    ("a bare host", "The calendar on www.kotipesa.fi is for last year.", "URL", ()),
    ("a tracking page", "according to https://www.nordva.se/track?id=77120934 it left", "URL",
     ()),
    ("a profile link", "My seller profile is linkedin.com/in/aino-koski-77a1", "URL",
     ("linkedin.com/in/aino-koski-77a1",)),
    ("a site on a signature line", "Thanks,\n-- \nRuth Abebe\nhttps://ruth-abebe.de\n", "URL",
     ("https://ruth-abebe.de",)),
    ("a site after 'my website'", "my website is https://www.kofiphotography.com", "URL",
     ("https://www.kofiphotography.com",)),
    ("a personal path", "photo of the lamp: www.hale-ortiz.com/dmarsh71", "URL",
     ("www.hale-ortiz.com/dmarsh71",)),
    # EMAIL, IP, CARD
    ("a role mailbox", "From: Quillora <servicio@quillora.io>\nDate: 3 May", "EMAIL", ()),
    ("a parcel at a site", "Track your parcel at nordva.se/account/orders.", "EMAIL", ()),
    ("an obfuscated address", "write to ada dot obi at gmail dot com", "EMAIL",
     ("ada dot obi at gmail dot com",)),
    ("a driver version", "since the update to driver 31.0.15.4601 it fails", "IP_ADDRESS", ()),
    ("an IP address", "someone logged in from 81.2.69.142 last night", "IP_ADDRESS",
     ("81.2.69.142",)),
    ("an order grouped 3-7-7", "Order number: 112-4482911-7730264\nThanks", "CARD", ()),
    ("digits glued to letters", "Tracking JJD014600006541781 with DPD", "CARD", ()),
    ("a card", "my card 4111 1111 1111 1111 was charged twice", "CARD",
     ("4111 1111 1111 1111",)),
    # CREDENTIAL and USERNAME: weak cues
    ("'answer' in a sentence", "the UK answer was right for NI too", "CREDENTIAL", ()),
    ("'answer' on a form line", "Security answer: Biscuit", "CREDENTIAL", ("Biscuit",)),
    ("a cue at the end of a sentence", "Please send the PAC code. Account PIN is 0093.",
     "CREDENTIAL", ("0093",)),
    ("a pronoun after the cue", "a text asked for my PIN, i replied 771204 at once",
     "CREDENTIAL", ("771204",)),
    ("a word the sentence goes on from", "i changed my password yesterday to Tulip!88.",
     "CREDENTIAL", ("Tulip!88",)),
    ("a typo'd noun before 'is'", "My PAC coed is 558120. Thanks", "CREDENTIAL", ("558120",)),
    ("a login alert", "New device login alert: was this you?", "USERNAME", ()),
    ("a broken login", "After the upgrade our SSO login broke.", "USERNAME", ()),
    ("the word 'username'", "My account username is tove_l82, and the code failed",
     "USERNAME", ("tove_l82",)),
    ("a plain handle", "My account xsaarax was locked after too many tries", "USERNAME",
     ("xsaarax",)),
]


@pytest.mark.parametrize(("kind", "text", "entity", "values"), CASES, ids=[c[0] for c in CASES])
def test_exact_spans_of_one_entity(detector: PiiDetector, kind: str, text: str, entity: str,
                                   values: tuple[str, ...]) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == entity]
    assert found == spans(text, *((v, entity) for v in values))


@pytest.mark.parametrize(("value", "reason"), [
    ("Sir", "addressee"), ("USPS", "acronym"), ("Banco Solano", "organisation"),
    ("P.S. Wrong", "postscript"),
])
def test_each_refusal_says_why(value: str, reason: str) -> None:
    text = f"hello {value} there"
    why = implausible_person(text, 6, 6 + len(value))
    assert why is not None and reason in why


def test_loose_edge_words_are_trimmed_not_the_name() -> None:
    text = "my son Chukwuemeka Obi"
    assert check_person(text, 3, len(text)) == (7, len(text))
    assert isinstance(check_person("Transfer failed", 0, 15), str)


def test_a_profile_host_is_personal_wherever_it_stands() -> None:
    text = "see github.com/ofolau"
    assert impersonal_url(text, 4, len(text)) is None
    text = "see status.example.com"
    assert impersonal_url(text, 4, len(text)) is not None
