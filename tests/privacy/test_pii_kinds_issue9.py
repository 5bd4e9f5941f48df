"""Every kind of miss listed in issue 9, with exact spans, on the real detector (tagger included).

The examples are invented, of the same shape as the issue's; each line is one kind.
"""

from __future__ import annotations

import pytest
from pii_support import spans

from trustdesk.privacy.pii import PiiDetector

NBSP, ZWSP = "\u00a0", "\u200b"
FULL_WIDTH = "４１１１ １１１１ １１１１ １１１１"

KINDS: list[tuple[str, str, list[tuple[str, str]]]] = [
    # names from many cultures
    ("name with an initial", "Hello, this is Tuuli K. Rantanen from Espoo.",
     [("Tuuli K. Rantanen", "PERSON")]),
    ("name with diacritics", "My name is Réka Szőllősi and I ordered twice.",
     [("Réka Szőllősi", "PERSON")]),
    ("Icelandic name", "Regards,\nÞórhildur Sigurðardóttir",
     [("Þórhildur Sigurðardóttir", "PERSON")]),
    ("lower-case name", "my name is siobhan mcgrath and i need help",
     [("siobhan mcgrath", "PERSON")]),
    # after an introduction even two common words are a name; alone they are not (NEGATIVES)
    ("lower-case common words introduced", "my name is will sue and my order is late",
     [("will sue", "PERSON")]),
    ("name after says", "My neighbour Aino Virtanen says the parcel never came.",
     [("Aino Virtanen", "PERSON")]),
    ("e-mail signature", "Thanks for the help.\n\nBest regards,\nMarek Nowakowski\nBuyer",
     [("Marek Nowakowski", "PERSON")]),
    ("credits line", "Directed by: Ingrid Solbakken", [("Ingrid Solbakken", "PERSON")]),
    # addresses outside the US/UK templates
    ("Estonian street", "Please ship it to Tamme tn 7-12, 60221 Kaarepere, Estonia.",
     [("Tamme tn 7-12, 60221 Kaarepere, Estonia", "ADDRESS")]),
    ("Dutch street and postcode", "Mijn adres: Kerkstraat 12, 1012 AB Amsterdam",
     [("Kerkstraat 12, 1012 AB Amsterdam", "ADDRESS")]),
    ("Portuguese street", "morada: Rua Augusta 112, 1100-053 Lisboa",
     [("Rua Augusta 112, 1100-053 Lisboa", "ADDRESS")]),
    ("military address", "Send it to USS Example\nFPO AE 09012 please",
     [("USS Example\nFPO AE 09012", "ADDRESS")]),
    # one finding a quoted line: the "> " markers are not the address (as outside sets mark it)
    ("quoted address lines", "> 14 Prince Albert Road\n> London NW1 7SR",
     [("14 Prince Albert Road", "ADDRESS"), ("London NW1 7SR", "ADDRESS")]),
    # phone numbers in local formats next to a context word
    ("context: picks up", "nobody picks up at 612 384 905", [("612 384 905", "PHONE")]),
    ("context: Mobile:", "Mobile: 455 21 907", [("455 21 907", "PHONE")]),
    ("odd space", "ring me on +447700 931 442", [("+447700 931 442", "PHONE")]),
    ("extension x", "call 212-555-0187x231 today", [("212-555-0187x231", "PHONE")]),
    ("extension ext.", "office 020 7946 0958 ext. 12", [("020 7946 0958 ext. 12", "PHONE")]),
    ("trailing context", "or 772 4411 office hours", [("772 4411", "PHONE")]),
    ("spelled phone", "call me on five five five two one three four four one one",
     [("five five five two one three four four one one", "PHONE")]),
    # cards, CVV, expiry, IBAN
    ("short card after card", "card 506117384920 was declined", [("506117384920", "CARD")]),
    ("Luhn fails after card", "my card is 4111 1111 1111 1112", [("4111 1111 1111 1112", "CARD")]),
    ("no-break spaces", f"card 4111{NBSP}1111{NBSP}1111{NBSP}1111",
     [(f"4111{NBSP}1111{NBSP}1111{NBSP}1111", "CARD")]),
    ("dots", "visa 4111.1111.1111.1111", [("4111.1111.1111.1111", "CARD")]),
    ("zero-width", f"4111{ZWSP}1111{ZWSP}1111{ZWSP}1111",
     [(f"4111{ZWSP}1111{ZWSP}1111{ZWSP}1111", "CARD")]),
    ("full-width digits", f"card {FULL_WIDTH}", [(FULL_WIDTH, "CARD")]),
    ("cvv", "the CVV is 123", [("123", "CARD_SECURITY")]),
    ("expiry", "expiry 09/27", [("09/27", "CARD_SECURITY")]),
    ("IBAN with bad check digits", "IBAN GB82 WEST 1234 5698 7654 33",
     [("GB82 WEST 1234 5698 7654 33", "IBAN")]),
    # identifiers without a recogniser before
    ("passport", "passport number: X1234567", [("X1234567", "PASSPORT")]),
    ("password", "my password is Hunter2 now", [("Hunter2", "CREDENTIAL")]),
    ("PIN", "the PIN is 4471.", [("4471", "CREDENTIAL")]),
    ("security answer", "mother's maiden name: Okonkwo", [("Okonkwo", "CREDENTIAL")]),
    ("obfuscated e-mail", "write to maria dot lopez at gmail dot com",
     [("maria dot lopez at gmail dot com", "EMAIL")]),
    ("bracketed e-mail", "jo [at] example [dot] org", [("jo [at] example [dot] org", "EMAIL")]),
    ("driving licence", "driving licence no. is MORGA753116SM9IJ",
     [("MORGA753116SM9IJ", "DRIVER_LICENSE")]),
    ("username", "my username is tiikma.", [("tiikma", "USERNAME")]),
]


@pytest.mark.parametrize(("kind", "text", "expected"), KINDS, ids=[k[0] for k in KINDS])
def test_issue9_kind(detector: PiiDetector, kind: str, text: str,
                     expected: list[tuple[str, str]]) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text)]
    assert found == spans(text, *expected), kind


NEGATIVES = [
    "password reset link does not work",
    "my card was declined twice",
    "what is the PIN policy?",
    "order LL-123456 shipped on 04/07/2024",
    "email support@example.com for help",
    "The Grace Ceramic Vase arrived chipped",
    # lower-case words that are names too ("Will", "Sue"): a verb, or the legal-threat rule
    # never sees the word
    "I will sue you if this is not fixed",
    "i will sue you",
    "we may sue if nothing changes",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_context_words_alone_are_not_values(detector: PiiDetector, text: str) -> None:
    assert detector.detect(text) == []


def test_context_first_finding_says_why_in_explain(detector: PiiDetector) -> None:
    (finding,) = detector.detect("card 4111 1111 1111 1112")
    assert finding.score < 0.9
    assert "redacted on context 'card' although the luhn check fails" in finding.explain()
