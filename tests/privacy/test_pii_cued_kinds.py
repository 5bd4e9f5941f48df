"""Kinds found by their cue rather than their shape: addresses after an address word, names
after a role or a sign-off. Exact spans on the real detector (tagger included)."""

from __future__ import annotations

import pytest
from pii_support import spans

from trustdesk.privacy.pii import PiiDetector
from trustdesk.privacy.pii.recognizers import CuedAddressRecognizer, PersonRecognizer

# (kind, text, the span the cue announces) -- invented, of the shapes seen in independent text.
CUED_ADDRESSES: list[tuple[str, str, str]] = [
    ("Turkish street after 'Adresim:'",
     "Sipariş gelmedi. Adresim: Moda Cad. No: 27 D: 9, 34710 Kadıköy/İstanbul. Teşekkürler",
     "Moda Cad. No: 27 D: 9, 34710 Kadıköy/İstanbul"),
    ("Danish floor after 'adresse er'",
     "Min adresse er Nørrebrogade 41, 2. th, 2200 København N.\nHilsen",
     "Nørrebrogade 41, 2. th, 2200 København N"),
    ("lower-case Norwegian after 'address is'",
     "ok the address is storgata 12b, 0184 oslo\n\nthanks",
     "storgata 12b, 0184 oslo"),
    ("Icelandic field line", "Phone: +354 555 0101\nAddress: Skólavörðustígur 8, 101 Reykjavík\n"
     "Request: close the account", "Skólavörðustígur 8, 101 Reykjavík"),
    ("block under 'adres:'", "adres:\nul. długa 15/3\n80-827 gdańsk\n\nopis: brak internetu",
     "ul. długa 15/3\n80-827 gdańsk"),
    ("one line then its postcode line", "sede: via roma 4\n00184 roma rm",
     "via roma 4\n00184 roma rm"),
    ("German 'ist', not 'is'", "Meine neue Lieferadresse ist Lindenring 4, 50968 Köln.",
     "Lindenring 4, 50968 Köln"),
    ("a house name after 'Old address:'",
     "Old address: The Mill House, Mill Lane, Ashby, LE65 1AA. New one soon.",
     "The Mill House, Mill Lane, Ashby, LE65 1AA"),
    ("one address in a long line", "I'm moving on 2026-05-01. Old address: The Mill House, "
     "Mill Lane, Ashby, LE65 1AA. New address follows. Could you move the broadband plan "
     "and the landline over to it before the first of the month please?",
     "The Mill House, Mill Lane, Ashby, LE65 1AA"),
    ("a house name, then its lines", "Delivery address for the bag: The Mill House\nMill Lane\n"
     "Ashby\nLE65 1AA\nPhone: 01530 412345", "The Mill House\nMill Lane\nAshby\nLE65 1AA"),
    ("block then a country, not the sign-off", "Delivery address:\n7 Kauri Lane\nTakapuna 0622\n"
     "New Zealand\nObrigado,\nAna", "7 Kauri Lane\nTakapuna 0622\nNew Zealand"),
]

# An address word followed by words that are no address.
NOT_ADDRESSES = [
    "Please change the delivery address on order ORD2025 to the new one.",
    "The address on the order (#88412) is right, it's the courier.",
    "My e-mail address is ana.k@example.com",
    "IP address 10.0.0.7 was blocked",
    "Address: same as before, nothing changed",
    "the parcel for order LL-867802 addressed to Yui Abe, 16 Park Road",
]


@pytest.mark.parametrize(("kind", "text", "value"), CUED_ADDRESSES,
                         ids=[c[0] for c in CUED_ADDRESSES])
def test_address_after_its_cue_has_exact_span(kind: str, text: str, value: str) -> None:
    found = [(f.start, f.end, f.entity) for f in CuedAddressRecognizer().analyze(text)]
    assert found == spans(text, (value, "ADDRESS"))


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_address_word_without_an_address_finds_none(text: str) -> None:
    assert CuedAddressRecognizer().analyze(text) == []


def test_cued_address_explains_its_cue() -> None:
    (finding,) = CuedAddressRecognizer().analyze("Lieferadresse: Hauptplatz 3, 8010 Graz")
    assert finding.context_word == "lieferadresse"
    assert finding.pattern == "after-cue"


def test_detector_masks_a_cued_address_whole(detector: PiiDetector) -> None:
    text = "Min adresse er Ågade 18, 3. mf, 8000 Aarhus C."
    value = "Ågade 18, 3. mf, 8000 Aarhus C"
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == "ADDRESS"]
    assert found == spans(text, (value, "ADDRESS"))


# (kind, text, the name the cue points at) -- a role, a greeting or a sign-off in any language.
CUED_NAMES: list[tuple[str, str, str]] = [
    ("bank line 'Titular:'", "IBAN ES91 2100 0418 4502 0005 1332. Titular: Jón Þórsson, gracias",
     "Jón Þórsson"),
    ("lower-case account holder", "please close it. account holder yusuf al-hakim, dob 1980",
     "yusuf al-hakim"),
    ("German 'Kontoinhaber'", "IBAN DE89 3704 0044 0532 0130 00, Kontoinhaber Aigerim Bekova.",
     "Aigerim Bekova"),
    ("Finnish greeting", "Hei Oskari, kiitos nopeasta avusta!", "Oskari"),
    ("a relative", "Mein Vater Tõnis Kask ist verstorben.", "Tõnis Kask"),
    ("Danish sign-off", "Tak for hjælpen.\nVenlig hilsen\nAstrid Kjær", "Astrid Kjær"),
    ("Italian sign-off", "Vi prego di annullare.\nGrazie mille\nNiccolò", "Niccolò"),
    ("Norwegian sign-off on the same line", "kan dere ringe meg? mvh Eirik", "Eirik"),
    ("Swedish slash sign-off", "Ring mig på 070-123 45 67. /Pernilla", "Pernilla"),
    ("lower-case name alone after a sign-off", "thanks for looking into it,\nmarjatta",
     "marjatta"),
    ("a relative after a comma", "I'm writing on behalf of my father, Dónal Riordan, who is 84.",
     "Dónal Riordan"),
    ("Irish particle 'Ó'", "Please add my wife Gráinne Ó Ceallaigh to the account.",
     "Gráinne Ó Ceallaigh"),
    ("Irish particle 'Ní'", "Kind regards,\nSiobhán Ní Bhriain", "Siobhán Ní Bhriain"),
    ("a numbered list of travellers", "Passengers:\n1. R. Okonkwo-Lindqvist – 12/03/1980",
     "R. Okonkwo-Lindqvist"),
]

# A sign-off or greeting followed by words, not a name.
NOT_NAMES = [
    "thanks,\nsent from my phone",
    "Hei, the app crashes when I log in",
    "grazie\nthe parcel never came",
]


@pytest.mark.parametrize(("kind", "text", "value"), CUED_NAMES, ids=[c[0] for c in CUED_NAMES])
def test_name_after_its_cue_has_exact_span(
    detector: PiiDetector, kind: str, text: str, value: str
) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == "PERSON"]
    assert found == spans(text, (value, "PERSON"))


@pytest.mark.parametrize("text", NOT_NAMES)
def test_cue_before_plain_words_finds_no_name(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


# (kind, text, value, entity): a date of death, an ID after its Norwegian word, a handle.
CUED_VALUES: list[tuple[str, str, str, str]] = [
    ("date of death after the death word",
     "Suite au décès de mon père, Karim Haddad, le 14/02/2021, je souhaite résilier.",
     "14/02/2021", "DATE_OF_BIRTH"),
    ("date of death before 'verstorben'", "Meine Mutter ist am 03.11.2023 verstorben.",
     "03.11.2023", "DATE_OF_BIRTH"),
    ("Norwegian national ID", "Hei, fødselsnummeret mitt er 01019912345. Takk",
     "01019912345", "NATIONAL_ID"),
    ("handle 'there is'", "I'm on instagram and my handle there is @lena_runs.",
     "@lena_runs", "USERNAME"),
]


@pytest.mark.parametrize(("kind", "text", "value", "entity"), CUED_VALUES,
                         ids=[c[0] for c in CUED_VALUES])
def test_value_after_its_cue_has_exact_span(
    detector: PiiDetector, kind: str, text: str, value: str, entity: str
) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == entity]
    assert found == spans(text, (value, entity))


def test_a_recent_date_without_death_or_birth_word_is_no_date_of_birth(
    detector: PiiDetector,
) -> None:
    text = "Die Lieferung ist am 03.11.2023 angekommen."
    assert [f for f in detector.detect(text) if f.entity == "DATE_OF_BIRTH"] == []


def test_a_numbered_step_is_no_list_of_people() -> None:
    text = "Steps:\n1. Open Settings – then tap Reset\n2. Wait – 30 seconds"
    assert [f for f in PersonRecognizer().analyze(text) if f.pattern == "list item"] == []
