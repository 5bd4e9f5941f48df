"""Kinds the outside-written sets showed missed or over-read (issue 9, fourth pass).

Every example is invented, of the shape seen: exact spans on the real detector, tagger
included, and for each rule a look-alike it must leave alone.
"""

from __future__ import annotations

import pytest
from pii_support import spans

from trustdesk.privacy.pii import PiiDetector

# (kind, text, expected (value, entity) pairs: all the findings of the text)
FOUND: list[tuple[str, str, list[tuple[str, str]]]] = [
    # a secret whose cue is in the sentence before (issue 9, seventh writer's shapes)
    ("password in the next sentence", "I reset my password last night. It's Tz8#qLw2, still no.",
     [("Tz8#qLw2", "CREDENTIAL")]),
    ("door code in the next sentence", "The gate code was changed. It's now *4471. Thanks.",
     [("*4471", "CREDENTIAL")]),
    ("PIN handed over in the next sentence",
     "He asked for the PIN for the locker. I gave him 3390.",
     [("3390", "CREDENTIAL")]),
    ("one-time code written down", "They read me the code. I wrote it down: 612 480. No luck.",
     [("612 480", "CREDENTIAL")]),
    ("Estonian copula in the cue's sentence", "parool, mille valisin, on Kask!2024. Aitäh",
     [("Kask!2024", "CREDENTIAL")]),
    ("Polish new one in the next sentence",
     "zapomniałem hasła. nowe które wpisałem to Rower77x. dzięki",
     [("Rower77x", "CREDENTIAL")]),
    ("code with a letter prefix", "Koden jag fick var G-551203, men den fungerar inte.",
     [("G-551203", "CREDENTIAL")]),
    ("login and secret after a slash", "Router admin login is mkowal / Pine!cone88, thanks",
     [("mkowal", "USERNAME"), ("Pine!cone88", "CREDENTIAL")]),
    ("security answer in the next sentence", "I forgot my security answer. It was Pickles. Help?",
     [("Pickles", "CREDENTIAL")]),
    ("chat answer to a security question",
     "Agent: What's the name of your first pet?\nCustomer: Rolo\nAgent: Thanks.",
     [("Rolo", "CREDENTIAL")]),
    ("chat answer to a PIN question", "Agent: And the PIN on the account?\nCustomer: 6042\n",
     [("6042", "CREDENTIAL")]),
    ("chat speaker with a handle", "Customer (rkaur_88): my card got declined",
     [("rkaur_88", "USERNAME")]),
    ("user name with a typo", "im locked out. usrname tomh1990 thx", [("tomh1990", "USERNAME")]),
    ("Estonian address cue with its copula", "minu uus aadress on Kase 14, 50409 Tartu. Aitäh",
     [("Kase 14, 50409 Tartu", "ADDRESS")]),
    ("a Canadian post-office box over two lines",
     "PO Box 3153 Stn Main\nCalgary, AB  T2P 0K2\n\nRe: bill",
     [("PO Box 3153 Stn Main\nCalgary, AB  T2P 0K2", "ADDRESS")]),
    ("a German Postfach with its town", "Postfach 10 02 31, 80331 München",
     [("Postfach 10 02 31, 80331 München", "ADDRESS")]),
    ("a German state after the town", "Sonnenallee 22, 34457 Leipzig, Sachsen | Tel",
     [("Sonnenallee 22, 34457 Leipzig, Sachsen", "ADDRESS")]),
    ("a Danish street in its definite form", "Strandvejen 79\n6226 Aalborg\nDenmark",
     [("Strandvejen 79\n6226 Aalborg\nDenmark", "ADDRESS")]),
    ("a postcode without the word that announces it", "billing postcode T6C 0C9.",
     [("T6C 0C9", "POSTCODE")]),
    ("a cued address stops at an aside in brackets",
     "Address is Knockanree, Ballymore, Galway, H91 E2K3 (the blue door, round the back). Ta",
     [("Knockanree, Ballymore, Galway, H91 E2K3", "ADDRESS")]),
    ("a cued address stops at a second request",
     "my new address is 87 Hancock Lees, Gutierrezburgh SA 2664, and also why was I charged twice?",
     [("87 Hancock Lees, Gutierrezburgh SA 2664", "ADDRESS")]),
    ("sort code and account as a pair", "New details: 20-45-77 / 41998302. Regards",
     [("20-45-77", "BANK_ACCOUNT"), ("41998302", "BANK_ACCOUNT")]),
    ("expiry written MMYY after 'exp'", "Charged twice, card ending 4417, exp 0828, please check",
     [("0828", "CARD_SECURITY")]),
    ("expiry MMYY at the end of a sentence", "La tarjeta caduca 0329. Bloquéenla.",
     [("0329", "CARD_SECURITY")]),
    ("expiry MMYY after 'caduca'", "La tarjeta caduca 1127 y el cargo sigue ahí.",
     [("1127", "CARD_SECURITY")]),
    ("German check digits word", "Die Prüfziffer 492 steht hinten.", [("492", "CARD_SECURITY")]),
    ("one-time code in two groups", "then the app asked for the code 417-208 and froze",
     [("417-208", "CREDENTIAL")]),
    ("one-time code with a space", "I typed the verification code 551 960 twice",
     [("551 960", "CREDENTIAL")]),
    ("Swedish one-time code word", "Engångskoden 318204 fungerar inte.",
     [("318204", "CREDENTIAL")]),
    ("bank account, short", "refund to my bank account 6610283 please",
     [("6610283", "BANK_ACCOUNT")]),
    ("Spanish cuenta", "Devolución a la cuenta 4471902213, gracias.",
     [("4471902213", "BANK_ACCOUNT")]),
    ("Norwegian konto with dots", "Utbetaling til konto 1203.55.08817 takk",
     [("1203.55.08817", "BANK_ACCOUNT")]),
    ("sort code with no dashes", "New bank: sort code 402716 from Monday",
     [("402716", "BANK_ACCOUNT")]),
    ("postcode asked about", "Do you deliver in 30418?", [("30418", "POSTCODE")]),
    ("Dutch postcode asked about with 'yet'", "Is glasvezel available at 3012 KL yet?",
     [("3012 KL", "POSTCODE")]),
    ("log in as a handle", "Steps: 1. Log in as quietotter27 2. Open the report",
     [("quietotter27", "USERNAME")]),
    ("Finnish username word", "Käyttäjätunnukseni on sinilintu_9.", [("sinilintu_9", "USERNAME")]),
    ("Italian 'patente n.'", "Denuncia: patente n. RM7720431K, grazie",
     [("RM7720431K", "DRIVER_LICENSE")]),
    ("Swedish licence compound", "Mitt körkortsnummer 80341276 gäller.",
     [("80341276", "DRIVER_LICENSE")]),
    ("Dutch licence compound", "rijbewijsnummer 5120983347 is nieuw",
     [("5120983347", "DRIVER_LICENSE")]),
    ("Austrian social insurance number", "Sozialversicherungsnummer: 1187 230565",
     [("1187 230565", "NATIONAL_ID")]),
    ("cue then a bracketed synonym", "my tax ID (TIN) 48 201 337 905 is new",
     [("48 201 337 905", "NATIONAL_ID")]),
    ("German passport compound", "Bitte Reisepassnummer CF4K7LR90 hinterlegen.",
     [("CF4K7LR90", "PASSPORT")]),
    ("Dutch extension word", "Bel 010-4417262 toestel 31 voor mij",
     [("010-4417262 toestel 31", "PHONE")]),
    ("date with a month word and hyphens", "Date of birth: 09-Nov-1981\nPostcode: none",
     [("09-Nov-1981", "DATE_OF_BIRTH")]),
    ("a recent date in brackets after a name", "my daughter Lena Varga (2019-02-11) needs a slot",
     [("Lena Varga", "PERSON"), ("2019-02-11", "DATE_OF_BIRTH")]),
    ("a birth word in the paragraph above a reply header",
     "date of birth 14.08.1953, thanks.\n\nOn 22.07.2026, the shop wrote:",
     [("14.08.1953", "DATE_OF_BIRTH")]),
    ("e-mail with the @ set apart", "write to me at tkowal77 @ onet.pl instead",
     [("tkowal77 @ onet.pl", "EMAIL")]),
    ("handle after a signed name", "Best wishes,\nMarta (marta_k1990)",
     [("Marta", "PERSON"), ("marta_k1990", "USERNAME")]),
    ("handle on its own line", "is anyone there?\nbluefern_42", [("bluefern_42", "USERNAME")]),
    ("a free number the writer calls their own", "my phone is +44 808 157 0968, ring any time",
     [("+44 808 157 0968", "PHONE")]),
    ("a plain handle after 'my login is'", "My login is wtanaka after the reset.",
     [("wtanaka", "USERNAME")]),
    ("the writer's own warehouse", "Please deliver to our warehouse at 14 Mill Road, Ely "
     "CB7 4DQ by Friday.", [("14 Mill Road, Ely CB7 4DQ", "ADDRESS")]),
    ("the code the writer was sent, told in their words",
     "The app sent me code 771 204 but it fails", [("771 204", "CREDENTIAL")]),
    ("a UK licence number by its shape", "It is HOLLO752231KT9LM (issued in May).",
     [("HOLLO752231KT9LM", "DRIVER_LICENSE")]),
    ("German extension DW", "Tel.: +43 1 5880412 DW 77", [("+43 1 5880412 DW 77", "PHONE")]),
]

# Names the checks keep whole while they refuse what runs on from them.
NAMES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("a lower-case name after a Dutch sign-off", "de code is nu anders. groetjes ingrid",
     [("ingrid", "PERSON")]),
    ("a French field with a space before its colon", "Nom : LEFEBVRE-ROUX\nDate : 12/03",
     [("LEFEBVRE-ROUX", "PERSON")]),
    ("a chat speaker whose line opens with a pronoun", "Me: ok\nSven: he said tuesday",
     [("Sven", "PERSON")]),
    ("a Dutch name with the particle 't", "Name: Joris van 't Veld\nPhone: none",
     [("Joris van 't Veld", "PERSON")]),
    ("a quoted sign-off over two lines",
     "Kind regards,\n> Tomasz\n> Brightwave Mobile Customer Care", [("Tomasz", "PERSON")]),
    ("a name, a comma, a blank line and a sentence",
     "Thanks Oksana,\n\nInvoice 4471 is still open.", [("Oksana", "PERSON")]),
    ("a sign-off word above the name", "Pozdrawiam\nKatarzyna", [("Katarzyna", "PERSON")]),
    ("a greeting line above a title and name", "Bonne journée,\nMadame Ben-Haim",
     [("Ben-Haim", "PERSON")]),
    ("a short first name that is also a particle", "Dear Ben,\n\nthe parcel is late.",
     [("Ben", "PERSON")]),
    ("a field label before the name", "Name Priya Nair, DOB 3 May 1961",
     [("Priya Nair", "PERSON"), ("3 May 1961", "DATE_OF_BIRTH")]),
    ("a name before a verb that is also a noun elsewhere", "Anna set up my account, thanks",
     [("Anna", "PERSON")]),
    ("two initials before a family name", "Kiitos!\nK. J. Rautiainen\nPuh. 040 123 4567",
     [("K. J. Rautiainen", "PERSON"), ("040 123 4567", "PHONE")]),
    ("a given name, an initial, a family name", "The other driver was Maeve T. Donnelly.",
     [("Maeve T. Donnelly", "PERSON")]),
    ("a common word before an initial stays out", "Plan B. Smith called back",
     [("B. Smith", "PERSON")]),
    ("thanks word before the agent's name", "Gracias Lorena por la ayuda.",
     [("Lorena", "PERSON")]),
    ("Italian thanks before a name", "Grazie Marco per la risposta.", [("Marco", "PERSON")]),
    ("'FAO' before a name", "Invoice to my firm\nFAO Hannah Whitlock\nthanks",
     [("Hannah Whitlock", "PERSON")]),
    ("Finnish account holder word", "tilinomistaja Oskari Lehtonen, kiitos",
     [("Oskari Lehtonen", "PERSON")]),
    ("a lower-case name after a family word in a lower-case message",
     "hello, my mother brigid harte passed away last week. what do i need to send you",
     [("brigid harte", "PERSON")]),
    ("a lower-case name after a title in a lower-case message",
     "the router keeps dropping every night since monday\nms okafor",
     [("okafor", "PERSON")]),
    ("a lower-case sign-off name after 'merci d'avance'",
     "75011 paris\n\nmerci d'avance,\ncorentin", [("corentin", "PERSON")]),
    ("a name after 'thanks in advance'", "Please fix it.\nthanks in advance,\nMaria",
     [("Maria", "PERSON")]),
    # a title addresses the person and is no part of the name, as in every labelled set
    ("a question's verb before a title", "Can Dr Okonjo see my dad on Friday?",
     [("Okonjo", "PERSON")]),
    ("a title the tagger took in", "change the delivery to my neighbour Mrs Pryce at number 14?",
     [("Pryce", "PERSON")]),
    ("a title alone on the line above the name is left out", "Saludos,\nSra. Beltrán",
     [("Beltrán", "PERSON")]),
    ("a Swiss postcode with its country prefix stays an address",
     "Neue Adresse: Seestrasse 12, CH-8002 Zürich", [("Seestrasse 12, CH-8002 Zürich",
                                                       "ADDRESS")]),
    ("a name after a count is no street", "I bought 3 Maria Garcia novels for the club.",
     [("Maria Garcia", "PERSON")]),
    ("initials, a particle, a family name", "op naam van P.J. de Vries, graag",
     [("P.J. de Vries", "PERSON")]),
    ("a given name, a middle initial, a family name", "It belongs to Renata K. Oyelaran.\n",
     [("Renata K. Oyelaran", "PERSON")]),
    ("a lower-case name with a middle initial", "customer name: ingrid t. solheim\norder 2",
     [("ingrid t. solheim", "PERSON")]),
    ("a particle inside a name", "I spoke with Ludwig von Hartmann yesterday",
     [("Ludwig von Hartmann", "PERSON")]),
    ("a Vietnamese family name that is a particle elsewhere",
     "Hi, the order is under the name Le Thi Hoa, has it been dispatched?",
     [("Le Thi Hoa", "PERSON")]),
    ("a capitalised particle opening a family name", "Regards,\nMaria De Souza",
     [("Maria De Souza", "PERSON")]),
    ("a lower-case particle before a name stays a word", "Le colis de Marie Dupont est perdu",
     [("Marie Dupont", "PERSON")]),
]

# Address blocks: each found whole, from its first to its last line.
ADDRESS_BLOCKS: list[tuple[str, str, str]] = [
    ("street read as a name, then town and state", "Thanks,\nLee Park\n27 Birch Ct\n"
     "Austin, TX 78701\n512-555-0143", "27 Birch Ct\nAustin, TX 78701"),
    ("a unit line between street and town", "Ana Ruiz\n88 Cedar Hollow Rd\n#12\nProvo, UT 84604",
     "88 Cedar Hollow Rd\n#12\nProvo, UT 84604"),
    ("unit above, district and 'upon' town below", "Best,\nRuth Ames\nFlat 3\n9 Mill View\n"
     "Heaton\nNewcastle upon Tyne NE6 5RL\n\nOn Monday", "Flat 3\n9 Mill View\nHeaton\n"
     "Newcastle upon Tyne NE6 5RL"),
    ("Dutch postcode, town and country on one line",
     "ik woon op Keizersdreef 12-II, 3512 KL Utrecht, Nederland. Bel me",
     "Keizersdreef 12-II, 3512 KL Utrecht, Nederland"),
    ("a flat/house number before a street", "she is at 22/140 Beach Rd, Manly NSW 2095, "
     "until Friday", "22/140 Beach Rd, Manly NSW 2095"),
    ("a number, a street word, a name read as a person, then state and code",
     "he lives at 118-3310 Rue Sainte-Catherine, Montréal, QC H3B 1A7, I think",
     "118-3310 Rue Sainte-Catherine, Montréal, QC H3B 1A7"),
    ("a direction letter after the house number", "Ship to:\nTom Reyes\n4410 N Cedar Ave #12\n"
     "Fresno, CA 93704\n\nThanks", "4410 N Cedar Ave #12\nFresno, CA 93704"),
    ("a house number with a letter after a slash", "Saluti,\nLuca Neri\nVia Roma 12/C\n"
     "40121 Bologna (BO)\nItalia\n\nGrazie", "Via Roma 12/C\n40121 Bologna (BO)\nItalia"),
    ("street type first, particle, name, number",
     "Saludos,\nMarta Gil\nCalle de Pilar Ortega, 41\n28004 Madrid",
     "Calle de Pilar Ortega, 41\n28004 Madrid"),
]

# Cued addresses that stop where the address does.
CUED_ENDS: list[tuple[str, str, str]] = [
    ("a lower-case sign-off after the postcode's town",
     "adress: storgatan 5 lgh 1101, 753 20 uppsala. mvh elin",
     "storgatan 5 lgh 1101, 753 20 uppsala"),
    ("a word and colon after the cue", "Adres dostawy: ul. Długa 7 m. 4, 80-827 Gdańsk. Dzięki",
     "ul. Długa 7 m. 4, 80-827 Gdańsk"),
    ("Spanish 'es' after the cue", "La dirección es Calle Luna 3, 2º, 28004 Madrid. Gracias",
     "Calle Luna 3, 2º, 28004 Madrid"),
    ("a sign-off line under the block", "Osoite:\nKoulukatu 4\n33200 Tampere\nTerveisin\nAnu",
     "Koulukatu 4\n33200 Tampere"),
]

# Look-alikes: the same cues before what is not personal data.
NOTHING = [
    "Use the discount code 123456 at checkout.",
    "The error code 500123 came back from the server.",
    "Will the sofa be back in stock in 2026?",
    "Can you raise my limit to 5000?",
    "The card expired in March, so I ordered a new one.",
    "Thanks for your reply.\n\nOn 03.02.2026, the shop wrote: date of birth needed",
    "The Oslo bed frame (2026-09-01) arrived",
    "I attached the scan (invoice_03.pdf)\nok",
    "order77120",
    "Hei Lakeside Dental,\nVoisitteko siirtää ajan?",
    "Hello LumaTel,\nMy router is down.",
    "Ingen av fakturaene stemmer.",
    "Best,\nGet Outlook for iOS",
    "Grazie mille,\nInviato da iPhone",
    "Is the Ralph Lauren blazer back in stock?",
    "¿La mesa Astrid está disponible en roble?",
    "Also, Matilda sideboard - is it oak?",
    "Do you still sell the Birkenstock 1774 sandals in size 40?",
    "Item: Florence Eau de Toilette (50 ml)",
    "Can I bring it to your returns centre (Unit 4, 12 Dock Road, Tilbury RM18 7BU)?",
    "The return label says \"Shopco, 88 Harbour Way, Leith, EH6 6QQ\" - is that right?",
    "Pourriez-vous changer l'adresse de livraison de la commande N° 55120931 ?",
    "cambiate l'indirizzo di consegna dell'ordine #Q77120, grazie",
    "Thanks for contacting Brightline HR. Your case is open.",
    "Liebes Nordlicht Möbel-Team,\nwo bleibt die Lieferung?",
    "Hello,\nBooking QXTRBL\nFlight: LH 400",
    "Your Shopco verification code is 604418. It expires in 10 minutes.",
    "Fjordnett: din engangskode er 330912. Ikke del den.",
    "Subject: Booking HX41TJ\nTo: help@example.com",
    "Please add our VAT number FR412345678 to invoice AB-2026-1.",
    "my son is unwell, can we move the appointment to friday please",
    "Parte de accidente, póliza KX-55012387. Gracias.",
    "> Su solicitud CS-7710-QRT ha sido registrada. Le responderemos pronto.",
    "Items stolen: laptop, the Fritz!Box 7590, a watch.",
    "Is the insurance valid before we fly to Slovenia on 12 June?",
    "Kiitos!\n\nT.\nLähetetty iPhonesta",
    "> Your Brightwave Direct online banking verification code is 502611. Never share it.",
    "Je vous écris au sujet de la facture FV/204/2026, merci.",
    "Please update the delivery address on order QX55120931 to the new one.",
    "I rang 0800 611 203 twice and nobody answered.",
    "> Il team Farmacia Centrale - 02 8846 1120",
    "Please invoice us. NIP 527-104-88-31, thank you.",
    "Where is it? https://shop.example.com/track?id=04417781 says nothing.",
    "Please wipe the old entries from my account notes right away.",
    # a cue in one sentence, a feeling or an amount in the next: no secret
    "My password stopped working. It's frustrating. Please help.",
    "I forgot my security answer. It was embarrassing to ask.",
    "The discount code failed at checkout. Order total was 5516 kr.",
    "Agent: Can you confirm the PIN?\nCustomer: hang on\n",
    "I put box 3 in the post; the PO box is closed on Sundays.",
    "My account number is KD9837876, see the invoice.",
    "The courier asked for the PIN to release the parcel.",
    "Please note our new postal address above. Thanks.",
]


@pytest.mark.parametrize(("kind", "text", "values"), FOUND, ids=[c[0] for c in FOUND])
def test_outside_kinds_have_exact_spans(detector: PiiDetector, kind: str, text: str,
                                        values: list[tuple[str, str]]) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text)]
    assert found == spans(text, *values)


@pytest.mark.parametrize(("kind", "text", "values"), NAMES, ids=[c[0] for c in NAMES])
def test_names_keep_their_span_and_nothing_more(detector: PiiDetector, kind: str, text: str,
                                               values: list[tuple[str, str]]) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text)]
    assert found == spans(text, *values)


@pytest.mark.parametrize(("kind", "text", "value"), ADDRESS_BLOCKS,
                         ids=[c[0] for c in ADDRESS_BLOCKS])
def test_address_block_is_one_finding(detector: PiiDetector, kind: str, text: str,
                                      value: str) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == "ADDRESS"]
    assert found == spans(text, (value, "ADDRESS"))


def test_quoted_address_block_is_one_finding_a_line(detector: PiiDetector) -> None:
    text = "> > Tom Reyes\n> > Unit 4410 Box 2208\n> > APO AE 09012\n> > USA"
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == "ADDRESS"]
    assert found == spans(text, ("Unit 4410 Box 2208", "ADDRESS"), ("APO AE 09012", "ADDRESS"),
                          ("USA", "ADDRESS"))


@pytest.mark.parametrize(("kind", "text", "value"), CUED_ENDS, ids=[c[0] for c in CUED_ENDS])
def test_cued_address_stops_where_the_address_does(detector: PiiDetector, kind: str, text: str,
                                                   value: str) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text) if f.entity == "ADDRESS"]
    assert found == spans(text, (value, "ADDRESS"))


def test_address_block_stops_at_a_sign_off() -> None:
    text = "Thanks,\nLee Park\n27 Birch Ct\nAustin, TX 78701\nHave a nice day\nLee"
    found = [(f.start, f.end, f.entity) for f in PiiDetector().detect(text)
             if f.entity == "ADDRESS"]
    assert found == spans(text, ("27 Birch Ct\nAustin, TX 78701", "ADDRESS"))


@pytest.mark.parametrize("text", NOTHING)
def test_cue_before_a_look_alike_finds_nothing(detector: PiiDetector, text: str) -> None:
    assert [(text[f.start : f.end], f.entity) for f in detector.detect(text)] == []


def test_value_that_fails_its_check_says_why(detector: PiiDetector) -> None:
    text = "exp 1329 on the card"  # month 13: not an expiry, so nothing is redacted
    assert [f.entity for f in detector.detect(text)] == []


# Issue 13, round 6: names the probes showed unredacted (so the name itself reached the model)
@pytest.mark.parametrize(("text", "name"), [
    ("Darnell: Do you do express delivery to Hawaii??", "Darnell"),
    ("Gulnara: Can I opt out of my messages being handled by the AI?", "Gulnara"),
    ("> Ngozi Okafor: is it in stock", "Ngozi Okafor"),
    ("Can I still cancel it myself? Ji-woo Park", "Ji-woo Park"),
])
def test_a_speaker_and_a_hyphenated_given_name_are_names(detector: PiiDetector, text: str,
                                                         name: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("PERSON", name) in found


@pytest.mark.parametrize("text", [
    "Subject: Can I opt out?", "Note: is it in stock", "Spain: do you ship there?",
    "Colour: sage green", "Edit: sorry, it arrived", "Boomer here, bear with me.",
    "Millennial here lol, can I pay later?", "we need a well-known brand",
])
def test_labels_places_and_generations_before_a_colon_or_here_are_not_names(
    detector: PiiDetector, text: str,
) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "How do I change the delivery address saved on my account? I'm 52 years old.",
    "Is the address listed on my order right? It was 2 days ago.",
])
def test_a_question_about_an_address_is_no_address(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "ADDRESS"] == []


# Issue 9, fifth pass (the third outside writer's dev half): secrets and handles named before
# they are given, a password's own "!", JSON log lines, postcodes asked about.
@pytest.mark.parametrize(("text", "entity", "value"), [
    ("mi usuario es toroco y la contraseña que puse es N0v3mber!, pero me sale error.",
     "CREDENTIAL", "N0v3mber!"),
    ("användarnamn dagny_cat, lösenord Summer2023!. har försökt", "CREDENTIAL", "Summer2023!"),
    ("o meu utilizador é thandiweplants70 e a palavra-passe 0CuvVIWbl. obrigado",
     "CREDENTIAL", "0CuvVIWbl"),
    ("o meu utilizador é thandiweplants70 e a palavra-passe 0CuvVIWbl.", "USERNAME",
     "thandiweplants70"),
    ("o código que recebi foi 474894. obrigado", "CREDENTIAL", "474894"),
    ("Le code reçu par SMS était 125074, je ne l'ai pas demandé.", "CREDENTIAL", "125074"),
    ("I left a review of the Elsa armchair as the_sharon_mcneil and it got removed??",
     "USERNAME", "the_sharon_mcneil"),
    ("I messaged you on Instagram from sroach1999 three days ago", "USERNAME", "sroach1999"),
    ('{"level":"error","user":"sophie.dad","client_ip":"10.0.7.230"}', "USERNAME",
     "sophie.dad"),
    ("do you deliver to 782470? need the dinner set by friday", "POSTCODE", "782470"),
    ("is free delivery available to 2619? and a second question", "POSTCODE", "2619"),
])
def test_values_named_before_they_are_given(detector: PiiDetector, text: str, entity: str,
                                            value: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert (entity, value) in found


@pytest.mark.parametrize("text", [
    "As a result, I ordered from the website as a guest.",
    "Your discount code is 123456, valid until Sunday.",
    "la contraseña que puse no funciona",
    "Can you change the quantity to 250000? Thanks",
])
def test_words_after_as_from_and_que_are_no_values(detector: PiiDetector, text: str) -> None:
    assert [f.entity for f in detector.detect(text)
            if f.entity in ("USERNAME", "CREDENTIAL", "POSTCODE")] == []


# Initials a recogniser split off, a chat log's timestamped speakers, "hi its <name>"
@pytest.mark.parametrize(("text", "name"), [
    ("Ring mig på 070-911 26 06.\nMvh B. Johansson", "B. Johansson"),
    ("Name: T. Bose, address 770", "T. Bose"),
    ("Pozdrawiam, M.K. Szkup", "M.K. Szkup"),
    ("the armchair is a gift for my sister G.J. Davies - could you ship it", "G.J. Davies"),
    ("Il giorno 08/08, Marco A. ha scritto:", "Marco A."),
    ("hi, can you resend my last bill\n[15:40] Chris: Hi! Of course, which email?", "Chris"),
    ("[18:18] Aisha K.: Hi! Of course", "Aisha K."),
    ("hi its Mariah from flat 81, parcel 940083426167189668", "Mariah"),
])
def test_initials_speakers_and_hi_its_keep_the_whole_name(detector: PiiDetector, text: str,
                                                          name: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("PERSON", name) in found
    assert all(not text[f.start:f.end].startswith(".") for f in detector.detect(text))


# A fifth outside writer's shapes (independent5 dev): cards grouped by slashes or " - ",
# PUK codes, one-time codes in their own languages, answers and handles after more cues.
@pytest.mark.parametrize(("text", "entity", "value"), [
    ("Card 4192 - 9355 - 9854 - 7369, thanks", "CARD", "4192 - 9355 - 9854 - 7369"),
    ("Card on file 4111/1111/1111/1111. They charged", "CARD", "4111/1111/1111/1111"),
    ("Tried 4111  1111  1111  1111 exp 0730", "CARD", "4111  1111  1111  1111"),
    ("and then 4900 387957387404. Both from the same bank", "CARD", "4900 387957387404"),
    ("The PUK on my old SIM card is 0047 if that helps", "CREDENTIAL", "0047"),
    ("Tere! Ühekordne kood 019875 ei tööta.", "CREDENTIAL", "019875"),
    ("Olá, recebi o código 888578 mas a aplicação diz", "CREDENTIAL", "888578"),
    ("mot de passe provisoire reçu : Dragon!!. Merci", "CREDENTIAL", "Dragon!!"),
    ("asked for my banking password which I gave as correct-horse-qwerty - a scam??",
     "CREDENTIAL",
     "correct-horse-qwerty"),
    ("the memorable word is St Mary's and i think", "CREDENTIAL", "St Mary's"),
    ("Als Sicherheitsantwort hatte ich smith angegeben.", "CREDENTIAL", "smith"),
    ("The account is francoisd38. I want a refund", "USERNAME", "francoisd38"),
    ("Account AmaraAchebe1466", "USERNAME", "AmaraAchebe1466"),
    ("can u rename it to the_real_darragh?", "USERNAME", "the_real_darragh"),
    ("my account 09786808 sort code 61-29-38", "BANK_ACCOUNT", "09786808"),
    ("Account 07280149, sort 88-89-43, in the name of", "BANK_ACCOUNT", "88-89-43"),
    ("Routing 114378495, account 065787439.", "BANK_ACCOUNT", "114378495"),
])
def test_fifth_writers_cued_values(detector: PiiDetector, text: str, entity: str,
                                   value: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert (entity, value) in found


@pytest.mark.parametrize("text", [
    "My login IP was flagged as suspicious.",
    "My account password was reset without my consent.",
    "username: 123456 is not accepted",
])
def test_words_after_account_cues_are_no_handles(detector: PiiDetector, text: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("USERNAME", "IP") not in found and ("USERNAME", "password") not in found
    if "123456" in text:
        assert ("USERNAME", "123456") in found


@pytest.mark.parametrize(("text", "value"), [
    ("I'm Rhiannon Davies, existing customer, +44 7544 846386.", "+44 7544 846386"),
    ("Their number if courier needs: 1-625-519-0290.", "1-625-519-0290"),
    ("Vous pouvez me rappeler au +33 (0)1 50 15 18 39 ? Merci", "+33 (0)1 50 15 18 39"),
])
def test_phones_after_a_comma_a_plain_number_cue_or_a_trunk_zero(detector: PiiDetector,
                                                                 text: str, value: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("PHONE", value) in found


def test_an_order_number_is_still_no_phone(detector: PiiDetector) -> None:
    text = "my order number 123-456-7890 has not arrived"
    assert [f.entity for f in detector.detect(text) if f.entity == "PHONE"] == []


# A fourth outside writer's shapes (independent4 dev) the detector missed until 2026-12-04
@pytest.mark.parametrize(("text", "entity", "value"), [
    ("Me escribís a r dot nicolas80 at gmail dot com?", "EMAIL",
     "r dot nicolas80 at gmail dot com"),
    ("Me escribís a c.toro77 @ gmail.com?", "EMAIL", "c.toro77 @ gmail.com"),
    ("for security, its twenty-third may 1981. I'm", "DATE_OF_BIRTH", "twenty-third may 1981"),
    ("born the first of March 1990", "DATE_OF_BIRTH", "first of March 1990"),
    ("My ticket says RAMANATHAN/PRIYA MR but my passport", "PERSON", "RAMANATHAN/PRIYA"),
    ("terugstorten t.n.v. dhr. Jacquot. Mijn", "PERSON", "Jacquot"),
    ("My social is 174-239-790, DOB", "NATIONAL_ID", "174-239-790"),
    ("mijn paspoortnummer WY118039. Is", "PASSPORT", "WY118039"),
    ("4155 1568 0528 6731 går inte igenom, giltigt till 11/26.", "CARD_SECURITY", "11/26"),
    ("I think the answer I set was Smithson - my first pet.", "CREDENTIAL", "Smithson"),
])
def test_fourth_writers_shapes(detector: PiiDetector, text: str, entity: str,
                               value: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert (entity, value) in found


@pytest.mark.parametrize("text", [
    "Track your parcel at shop.fr/orders",
    "our TCP/IP MR setting",
    "t.n.v. dhr. Jacquot",
])
def test_no_name_in_a_title_a_protocol_or_a_noun_at_a_link(detector: PiiDetector,
                                                          text: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("PERSON", "dhr") not in found and ("PERSON", "TCP/IP") not in found
    assert not any(e == "EMAIL" for e, _ in found)


@pytest.mark.parametrize(("text", "entity", "value"), [
    ("Hey! I'm a creator (@emilyw39 on TikTok, https://washington.dev) and", "USERNAME",
     "@emilyw39"),
    ("Hey! I'm a creator (@emilyw39 on TikTok, https://washington.dev) and", "URL",
     "https://washington.dev"),
    ("Also my personal site with the unboxing video: https://wright.dev", "URL",
     "https://wright.dev"),
    ("My teenager Zoë (darkstar_79) bought a subscription", "USERNAME", "darkstar_79"),
    ("  Passport ..... 570840266\n  Phone ........ (0", "PASSPORT", "570840266"),
])
def test_handles_personal_sites_and_dotted_leaders(detector: PiiDetector, text: str,
                                                   entity: str, value: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert (entity, value) in found


@pytest.mark.parametrize("text", [
    "order (ref_1234) pending", "ping @support about it",
    "see https://help.lumenandloom.example/returns",
])
def test_references_mentions_and_help_pages_are_no_ones(detector: PiiDetector,
                                                       text: str) -> None:
    assert [f.entity for f in detector.detect(text)
            if f.entity in ("USERNAME", "URL")] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Can I change the duvet size? Just ordered 20 min ago. Tom", "Tom"),
    ("ordered 20 min ago - Tom", "Tom"),
    ("it was late again. Will", "Will"),
])
def test_a_given_name_alone_at_the_end_signs_the_message(detector: PiiDetector, text: str,
                                                         name: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("PERSON", name) in found


@pytest.mark.parametrize("text", [
    "Where is my order? Thanks", "my parcel is late. Urgent", "it arrived broken. Help",
    "my order is late. Sorry", "question about the Solace lamp. Black",
])
def test_a_closing_word_is_no_name(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


@pytest.mark.parametrize("text", ["Silver surfer here! Can I pay with Apple Pay?",
                                  "Hi, Age 81. Need to change the delivery address"])
def test_a_time_of_life_is_no_name(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


def test_a_title_makes_an_identity_word_a_name(detector: PiiDetector) -> None:
    text = "Dear Mrs Black, thanks"
    assert ("PERSON", "Black") in [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]


@pytest.mark.parametrize(("text", "address"), [
    # a town the name reader is surer of does not cut the address down to its street
    ("move my sofa to 677 Oak Street, Atlanta, GA 04086.", "677 Oak Street, Atlanta, GA 04086"),
    # a named house with no number, then its street
    ("the address on the account is Rose Cottage, Church Street, Norwich TL13 8YU.",
     "Rose Cottage, Church Street, Norwich TL13 8YU"),
    ("deliver to The Old Rectory, Main Street, Kilkenny please",
     "The Old Rectory, Main Street, Kilkenny"),
    # an Italian house number with a letter after the slash
    ("Lorenzo De Luca\nVia Garibaldi, 132/B\n19029 Napoli NA",
     "Via Garibaldi, 132/B\n19029 Napoli NA"),
])
def test_addresses_the_sixth_writer_showed(detector: PiiDetector, text: str,
                                           address: str) -> None:
    found = [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]
    assert ("ADDRESS", address) in found
    assert not any(e == "PERSON" and v in address for e, v in found)


@pytest.mark.parametrize("text", ["The White House is on the news.", "Our Manor House range."])
def test_a_house_name_without_a_street_is_no_address(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "ADDRESS"] == []


@pytest.mark.parametrize(("text", "name"), [
    # alone on the last line: every word in the names lexicon and none a common word
    ("I paid 172,99 kr today. Reference 6767/37/720.\nÅsa Holm", "Åsa Holm"),
    ("Is that enough or do I need a permit?\nSindre Haugen", "Sindre Haugen"),
    # lower case: a curated given name that is no common word
    ("e anche l'email. come faccio? lorenzo", "lorenzo"),
    ("can u change it to the new one? thx konstantinos", "konstantinos"),
])
def test_more_names_that_sign_a_message_off(detector: PiiDetector, text: str,
                                            name: str) -> None:
    found = [(f.start, f.end, f.entity) for f in detector.detect(text)]
    assert found == spans(text, (name, "PERSON"))


@pytest.mark.parametrize("text", ["where is my parcel? will", "Order 55 arrived.\nBest",
                                  "ok so it came. cheers mark", "Thanks\nKind regards"])
def test_a_common_word_at_the_end_is_no_name(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PERSON"] == []


@pytest.mark.parametrize(("text", "phone"), [
    # the US layout is evidence of its own where the area code is not an assigned one
    ("Contact Dwayne Rodriguez, 733.229.8243.", "733.229.8243"),
    ("Thank you,\nÅsa Bergström\n745-789-7111 (ext. 4731)", "745-789-7111 (ext. 4731)"),
    # "contact" is a phone's context word
    ("Emergency contact: (491) 813-4901.", "(491) 813-4901"),
])
def test_phones_the_sixth_writer_showed(detector: PiiDetector, text: str, phone: str) -> None:
    assert ("PHONE", phone) in [(f.entity, text[f.start:f.end]) for f in detector.detect(text)]


@pytest.mark.parametrize("text", ["ref 745-789-7111", "order number is 2026-771-0045",
                                  "batch 145-789-7111 shipped"])
def test_a_reference_in_the_us_layout_is_no_phone(detector: PiiDetector, text: str) -> None:
    assert [f for f in detector.detect(text) if f.entity == "PHONE"] == []


def test_a_security_answer_after_its_question(detector: PiiDetector) -> None:
    text = 'my security question is "name of your first pet" and the answer is Kasper but'
    assert [(f.entity, text[f.start:f.end]) for f in detector.detect(text)] == [
        ("CREDENTIAL", "Kasper")]
    assert detector.detect("the security question is silly, the answer is no") == []
