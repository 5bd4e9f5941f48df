"""Positive and negative cases, with exact spans, for every built-in recogniser."""

from __future__ import annotations

import pytest
from pii_support import spans

from trustdesk.privacy.pii import PiiDetector

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # EMAIL
    ("write to jo.smith+rugs@example.co.uk today", [("jo.smith+rugs@example.co.uk", "EMAIL")]),
    ("email: ANA@Example.ES.", [("ANA@Example.ES", "EMAIL")]),
    ("the @ sign and a@b are not addresses", []),
    # URL
    ("photos at https://photos.example.com/u/ana/IMG_1.jpg.", [
        ("https://photos.example.com/u/ana/IMG_1.jpg", "URL")]),
    ("see www.example.org/ana, thanks", [("www.example.org/ana", "URL")]),
    ("http://localhost is not a public link", []),
    # IP_ADDRESS
    ("login from 203.0.113.42 failed", [("203.0.113.42", "IP_ADDRESS")]),
    ("ip 2001:db8:85a3::8a2e:370:7334 blocked", [("2001:db8:85a3::8a2e:370:7334", "IP_ADDRESS")]),
    ("version 999.1.2.3 and time 10:30:00", []),
    # PHONE
    ("call me on +44 20 7946 0958 please", [("+44 20 7946 0958", "PHONE")]),
    ("my cell is (212) 555-0199", [("(212) 555-0199", "PHONE")]),
    ("Handy 030 12345678 bitte", [("030 12345678", "PHONE")]),
    ("appelez le 01 42 68 53 00", [("01 42 68 53 00", "PHONE")]),
    ("mi móvil 612 345 678", [("612 345 678", "PHONE")]),
    ("call 07700 900123", [("07700 900123", "PHONE")]),
    ("order LL-123456 shipped on 04/07/2024", []),
    ("1 1 1 1 1 1 1 1 1 1 1 1", []),
    # CARD
    ("card 4111 1111 1111 1111 exp 12/26", [
        ("4111 1111 1111 1111", "CARD"), ("12/26", "CARD_SECURITY")]),
    ("amex 378282246310005", [("378282246310005", "CARD")]),
    ("card 5500-0000-0000-0004", [("5500-0000-0000-0004", "CARD")]),
    ("reference 4111 1111 1111 1112 fails Luhn", []),
    ("zeros 0000 0000 0000 0000", []),
    # IBAN
    ("IBAN GB82 WEST 1234 5698 7654 32 thanks", [("GB82 WEST 1234 5698 7654 32", "IBAN")]),
    ("DE89370400440532013000", [("DE89370400440532013000", "IBAN")]),
    # Its country's IBAN length but a bad checksum: a mistyped IBAN, redacted at a lower score.
    ("GB82 WEST 1234 5698 7654 33 has a bad checksum", [("GB82 WEST 1234 5698 7654 33", "IBAN")]),
    ("GB82 WEST 1234 5698 7654 has the wrong length", []),
    # BANK_ACCOUNT
    ("sort code 20-00-00, account number 55779911", [
        ("20-00-00", "BANK_ACCOUNT"), ("55779911", "BANK_ACCOUNT")]),
    ("routing number 021000021 please", [("021000021", "BANK_ACCOUNT")]),
    ("ticket 55779911 is open", []),
    # NATIONAL_ID
    ("my SSN is 536-90-4399", [("536-90-4399", "NATIONAL_ID")]),
    ("ssn 536904399", [("536904399", "NATIONAL_ID")]),
    ("fake 000-12-3456 and 666-12-3456", []),
    # Context first: a bad prefix or check letter next to its context word is still redacted.
    ("NI number QQ 12 34 56 C", [("QQ 12 34 56 C", "NATIONAL_ID")]),
    ("the code QQ 12 34 56 C", []),
    ("national insurance AB 12 34 56 C", [("AB 12 34 56 C", "NATIONAL_ID")]),
    ("mi DNI es 12345678Z", [("12345678Z", "NATIONAL_ID")]),
    ("DNI 12345678A con letra mala", [("12345678A", "NATIONAL_ID")]),
    ("ref 12345678A con letra mala", []),
    ("NIE X1234567L para la factura", [("X1234567L", "NATIONAL_ID")]),
    ("sécurité sociale 2 95 10 99 126 111 93", [("2 95 10 99 126 111 93", "NATIONAL_ID")]),
    ("Steuer-ID: 86095742719", [("86095742719", "NATIONAL_ID")]),
    ("Rechnung 86095742718", []),
    # DATE_OF_BIRTH
    ("date of birth: 29/02/1988.", [("29/02/1988", "DATE_OF_BIRTH")]),
    ("I was born on March 3, 1979", [("March 3, 1979", "DATE_OF_BIRTH")]),
    ("fecha de nacimiento 15 de marzo de 1985", [("15 de marzo de 1985", "DATE_OF_BIRTH")]),
    ("né le 1er janvier 1990", [("1er janvier 1990", "DATE_OF_BIRTH")]),
    ("geboren am 12. März 1985", [("12. März 1985", "DATE_OF_BIRTH")]),
    ("ordered on 12/03/2024", []),
    ("born 31/02/1990", []),
    # ADDRESS
    ("ship to 42 Elm Street, Apt 4B\nSpringfield, IL 62704 asap", [
        ("42 Elm Street, Apt 4B\nSpringfield, IL 62704", "ADDRESS")]),
    ("Flat 3\n14 Prince Albert Road\nLondon\nNW1 7SR", [
        ("Flat 3\n14 Prince Albert Road\nLondon\nNW1 7SR", "ADDRESS")]),
    ("Lieferung an Karl-Marx-Allee 90, 10243 Berlin.", [
        ("Karl-Marx-Allee 90, 10243 Berlin", "ADDRESS")]),
    ("adresse : 8 bis rue de la Roquette, 75011 Paris", [
        ("8 bis rue de la Roquette, 75011 Paris", "ADDRESS")]),
    ("Calle de Alcalá 42, 3º B\n28014 Madrid", [
        ("Calle de Alcalá 42, 3º B\n28014 Madrid", "ADDRESS")]),
    ("I bought 2 Garden Chairs and 3 Lamps", []),
    # POSTCODE
    ("my postcode is SW1A 1AA", [("SW1A 1AA", "POSTCODE")]),
    ("zip code 94043?", [("94043", "POSTCODE")]),
    ("I have 12000 Loom Rewards points", []),
    # PERSON
    ("Hi, my name is Chinedu Okafor.", [("Chinedu Okafor", "PERSON")]),
    ("my name is priya raghunathan and i cant log in", [("priya raghunathan", "PERSON")]),
    ("Regards,\nNguyen Thi Mai", [("Nguyen Thi Mai", "PERSON")]),
    ("Ms Xochitl Huanca called", [("Xochitl Huanca", "PERSON")]),
    ("Hi team, Zorbek Quillan here. Help!", [("Zorbek Quillan", "PERSON")]),
    ("me llamo Ximena Quispe Mamani", [("Ximena Quispe Mamani", "PERSON")]),
    ("je m'appelle Amélie Poulain", [("Amélie Poulain", "PERSON")]),
    ("ich heiße Björn Öztürk", [("Björn Öztürk", "PERSON")]),
    ("Yesterday Mehmet Yılmaz and Fatima Al-Zahra called", [
        ("Mehmet Yılmaz", "PERSON"), ("Fatima Al-Zahra", "PERSON")]),
    ("Will you deliver on May 3? Mark the box fragile.", []),
    ("The Grace Ceramic Vase arrived chipped", []),
    ("I'm sorry, I'm waiting for my order", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_detects_exact_spans(
    detector: PiiDetector, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text)]
    assert found == spans(text, *expected)


def test_each_finding_explains_itself(detector: PiiDetector) -> None:
    text = "card 4111 1111 1111 1111"
    (finding,) = detector.detect(text)
    assert finding.recognizer == "PaymentCardRecognizer"
    assert finding.validator == "luhn"
    assert finding.context_word == "card"
    assert finding.explain() == (
        "CARD at 5-24 found by PaymentCardRecognizer, pattern 'card-number', validated by luhn, "
        "context word 'card' raised the score (score 1.00)."
    )


def test_context_word_is_what_lifts_a_weak_pattern(detector: PiiDetector) -> None:
    assert detector.detect("ref 94043") == []
    (finding,) = detector.detect("ZIP 94043")
    assert (finding.entity, finding.context_word) == ("POSTCODE", "zip")
