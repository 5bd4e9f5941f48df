"""Context first: a value right after its context word is redacted even if no validator vouches.

"card 506117384920" fails every card check, yet a person wrote a card number there. Each rule
is a cue ("card", "cvv", "passport", "password", ...), a bounded filler ("number is:", "#"),
and the value shape. A value that also passes its validator scores high; one that fails
scores just above the detector's threshold and says why in its explanation.

Every regex here is a fixed cue alternation, a filler bounded to a few characters and a value
bounded in length, so each attempt does O(1) work and a scan is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from stdnum import iban as stdnum_iban
from stdnum import luhn

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.words import english_words, words

# What sits between a cue and its value: "number", "no.", "is", "was", ":", "#", quotes.
_FILLER = (
    r"(?:[\s:=#\-–—,'\"“”‘’()]|\.{2,}|(?i:\b(?:number|numbers|num|no|nr|nº|n|is|was|are|"
    r"will be|be|code|"
    r"details|ending|reads|of|my|the|here|it|for|as|on|n°|to|now|in|a|area|är|on|es|est|ist|"
    r"er|lautet|il|mio|mi|mon|ma|mein|meine|mitt|min|mijn|moja|mój|meu|minha|jest|é|è|e|there|"
    r"nummer|numero|número|numéro|numer|changed|set|new|temporary|temporal|provisoire|"
    r"temporaire|provisorio|provisório|reçu|recibido|recebido|ricevuto)\b\.?)){0,12}"
)
_WORD_END = r"(?![\w@])"
_DIGIT = re.compile(r"\d")


def _cue(words: str) -> str:
    spaced = words.replace(" ", r"\s+")
    return rf"(?P<cue>(?i:{spaced}))(?!\w)"


def _first_words(cues: str) -> list[str]:
    """The first letter run of each cue, in the cues' order: the words the scan looks up.

    A character class right after the letters is spelled out ("licen[cs]e" is looked up as
    "licence" and "license", not as "licen", which no text holds as a word).
    """
    out: dict[str, None] = {}
    for alternative in cues.split("|"):
        lead = re.match(r"([^\W\d_]+)(?:\[([^\]]+)\]([^\W\d_]*))?", alternative)
        if lead is None:
            continue
        head, choices, tail = lead.groups()
        if choices is None:
            out[head.lower()] = None
        else:
            out.update(dict.fromkeys((head + c + tail).lower() for c in choices if c.isalpha()))
    return list(out)


# Rules whose value holds a digit: a cue typed with one letter wrong ("pasport", "lciense",
# "passsport") still vouches for it. Rules with free-text values (passwords, usernames,
# answers) keep exact cues: a near-miss word there would take any next word for a secret.
_TYPO_ENTITIES = frozenset(
    ["CARD", "CARD_SECURITY", "IBAN", "PASSPORT", "DRIVER_LICENSE", "NATIONAL_ID", "POSTCODE"]
)
_TYPO_MIN = 5  # shorter cue words have too many one-letter neighbours ("card" ~ "care")
# Words one edit from a cue that are words in their own right ("number" is not "numer").
_NOT_TYPOS = frozenset(["number", "numbers", "member", "members", "numero", "nummer"])
_DIGIT_NEAR = 40  # a typo'd cue is tried only when a digit follows within this many characters


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# Rules that list several values after one cue: "passports (K8287760 and K8073892)",
# "passports: Ebba Söderlund K8073892, Mart Sepp K1324716".
_LISTED = frozenset(["PASSPORT", "DRIVER_LICENSE"])
_LIST_REACH = 120
_LIST_VALUE = re.compile(r"(?<![\w\-/.])(?=[A-Za-z]*\d)[A-Za-z0-9]{6,16}(?![\w\-/]|\.\d)")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# A number right after one of these is that thing's, not another listed document.
_LIST_STOPS = frozenset(
    [
        "booking", "order", "ref", "reference", "invoice", "ticket", "reservation", "account",
        "phone", "tel", "mobile", "card", "iban", "flight", "room", "case", "number", "no",
        "nr", "pnr", "confirmation", "policy", "id", "customer", "member", "tracking",
    ]
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One cue and the value it introduces."""

    name: str
    entity: str
    cues: str
    value: str
    score: float
    validate: Callable[[str], bool] | None = None
    validator: str | None = None
    valid_score: float = 0.9
    # The cue names something else after one of these words ("discount code 123456").
    not_after: frozenset[str] = frozenset()


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _luhn(value: str) -> bool:
    digits = _digits(value)
    return 13 <= len(digits) <= 19 and bool(luhn.is_valid(digits))


def _iban(value: str) -> bool:
    return bool(stdnum_iban.is_valid(value))


def _five_digits(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 5


def _mixed_or_long_digits(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return digits >= 5 or (digits >= 2 and any(c.isalpha() for c in value))


# Digit-bearing groups ("498 66 6931", "KX 658267 B", "650828-6033"): each group is atomic
# (possessive), so a failed match backtracks over at most five group boundaries, not over
# every split of a long digit run.
_ID_GROUP = r"(?=[A-Za-z]*+\d)[A-Za-z0-9]++"
_GROUPED_ID = (
    rf"(?P<pii>(?:[A-Za-z]{{1,3}} )?{_ID_GROUP}(?:[ .\-/]{_ID_GROUP}){{0,4}}"
    r"(?:[ \-][A-Za-z](?![\w\-]))?)(?![\w\-])"
)
_CARD_CUES = (
    r"card|credit card|debit card|card number|card no|visa|mastercard|master card|amex|"
    r"american express|maestro|discover|cc|tarjeta|carte|karte|kreditkarte|carta|kortet|kort|"
    r"kortnummer|kortnummeret|kaart|kaardi|kaardinumber|kortti|kortin|korttinumero|karta|"
    r"karty|numer karty|cartão|cartao|bankkaart|betaalkaart|kreditkort|new card|old card"
)


def _secret_like(value: str) -> bool:
    """Looks like a chosen secret: has a digit or a symbol, or mixes case inside the word."""
    return (any(c.isdigit() for c in value) or any(not c.isalnum() for c in value)
            or (len(value) >= 6 and any(c.isupper() for c in value[1:])))
# A secret ends before the sentence's punctuation, but keeps its own "!" ("Summer2023!.")
_SECRET_VALUE = (r"(?P<pii>[^\s\"“”'‘’,;]{1,64}?(?:(?<=\w)!{1,2}(?![!?]))?)"
                 r"(?=[.,;!?)\"“”'’]*(?:\s|$))")

# Cues of a secret the customer holds, in the languages the detector reads.
_SECRET_CUES = (
    r"password|passwd|passcode|pin|pin code|pin-kode|pin-koden|pin-koodi|pinkod|pinkoden|"
    r"door code|gate code|entry code|key code|keypad code|access code|alarm code|code|codes|"
    r"one[- ]time code|otp|wachtwoord|salasana|salasanan|hasło|hasła|haslo|lösenord|"
    r"lösenordet|passord|passordet|adgangskode|adgangskoden|mot de passe|contraseña|passwort|"
    r"kennwort|senha|parool|parooli|clave|kood|koodi|koodin|koden|kode|kod|kodu|código|codigo|"
    r"codice|deurcode|türcode|code d'accès|digicode"
)
# "is" in the languages the detector reads, and "to" as Polish and English use it.
_COPULA = (r"(?i:is|was|to|on|er|var|är|ist|war|es|est|é|è|jest|foi|era|was set to|"
           r"the old one|old one was)")
# A six-digit code in two groups ("581 792"), or a secret in one run.
_CODE_OR_SECRET = (r"(?P<pii>\d{3}[ \-]\d{3}(?=[.,;!?)]*(?:\s|$))|[^\s\"“”'‘’,;]{1,64}?"
                   r"(?:(?<=\w)!{1,2}(?![!?]))?(?=[.,;!?)\"“”'’]*(?:\s|$)))")
# How the next sentence hands the secret over.
_NEXT_LEAD = (
    r"(?i:it's now|it’s now|it is now|it's|it’s|it is|it was|the new one is|new one is|"
    r"here it is|here you go|that's|that is|this is|i gave (?:him|her|them|it|the driver)|"
    r"we were given|i was given|i got|i wrote it down|i set it to|i changed it to|"
    r"the new one i set is|the one i set is|mine is|(?:the )?old one (?:was|is)|the old one|"
    r"i replied with|i typed|i'm typing|i am typing|i tried|i think it's|i think its|"
    r"i think it was|maybe it was|maybe it's|nowe które ustawiłem to|nowe hasło to|"
    r"nowe(?: [^\W\d_]+){0,3} to|uus on|uusi on|la nueva es|es la nueva|la nouvelle est|"
    r"das neue ist|"
    r"het nieuwe is|det nye er|det nya är|a nova é|la nuova è|"
    r"le voici|voici|c'est|het is nu|het is|den er|det er|den är|det är|se on|es ist|es|"
    r"è|é|jest|to jest|on|see on|ist)"
)
# The value alone on its line, one or two words ("453 578", "Buttons").
_LINE_VALUE = (r"(?P<pii>[^\s\"“”'‘’,;]{1,40}(?: [^\s\"“”'‘’,;]{1,40})?)"
               r"(?<![.!?])[.!]?(?=[ \t]*(?:\r?\n|$))")
_ANSWER_CUES = (
    r"security question|security answer|secret question|secret answer|memorable word|"
    r"memorable answer|maiden name|first pet|pet's name|pet’s name|favourite teacher|"
    r"favorite teacher|first school|childhood nickname|place of birth|city of birth"
)
_ANSWER_LEAD = (r"(?i:it's|it’s|it is|it was|the answer is|the answer was|answer:|i put|i said|"
                r"maybe the answer was|maybe it was|i think it's|i think its|i think it was)")
# Words that say how the writer feels, not what the answer is ("It was embarrassing.").
_NOT_ANSWERS = frozenset(
    [
        "fine", "ok", "okay", "gone", "lost", "wrong", "right", "correct", "silly", "weird",
        "strange", "odd", "urgent", "important", "true", "false", "simple", "easy", "hard",
        "difficult", "same", "different", "done", "mine", "here", "there", "something",
        "nothing", "ridiculous", "annoying", "frustrating", "embarrassing", "confusing",
        "complicated", "personal", "private", "secret", "obvious", "short", "long", "case",
        "sensitive", "unclear", "please", "thanks", "yes", "no", "fair", "possible",
    ]
)


def _line_secret(value: str) -> bool:
    """A secret alone on its line: one chosen-looking word, or digits in two groups."""
    if " " in value:
        return all(part.isdigit() for part in value.split(" "))
    return _secret_like(value)


def _answer_like(value: str) -> bool:
    """A one-word answer to a security question, not a word about how the writer feels."""
    low = value.lower()
    return (low not in _NOT_ANSWERS and low not in _NOT_VALUES and value[:1].isalnum()
            and not (value.islower() and low.endswith(("ing", "ed", "ly", "ous", "ful", "ive",
                                                       "able", "ible"))))


# UK, Canadian and Irish shapes in any case; Dutch "1012 AB" (its letters in lower case too,
# unless they spell a short word: "1234 in"); 4- and 5-digit and Portuguese/Polish forms.
_POSTCODE_VALUE = (
    r"(?P<pii>(?i:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4})|"
    r"\d{4} ?(?!(?:in|to|at|on|or|is|be|by|do|go|if|it|me|my|no|of|so|up|us|we|am|an|as|"
    r"pm|km|kg|mb|gb|hr|ok)(?![\w\-]))[a-z]{2}(?![\w\-])|\d{4}(?: ?[A-Z]{2})?|"
    r"\d{5}(?:-\d{4})?|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2})(?![\w\-])"
)

# Words before "code" that make it no one-time code ("discount code 123456").
_NOT_CODE_AFTER = frozenset([
    "discount", "promo", "promotional", "voucher", "coupon", "gift", "error", "product",
    "tracking", "order", "booking", "reference", "confirmation", "qr", "country",
    "dialling", "dialing", "area", "tax", "sort", "postal", "zip", "post", "bank",
    "branch", "swift", "bic", "iata", "airport", "fare", "article", "item", "style",
    "colour", "color", "model", "part", "status", "response", "reason", "source",
    "discount-", "referral", "invite", "offer", "campaign", "sale", "shipping",
    "delivery", "tariff", "meter", "customer", "account", "client", "member",
])

RULES: tuple[Rule, ...] = (
    Rule("card-on-context", "CARD", _CARD_CUES, r"(?P<pii>\d(?:[ \-./]{0,3}\d){11,18})(?!\d)",
         0.6, _luhn, "luhn", 0.95),
    Rule("cvv-on-context", "CARD_SECURITY",
         r"cvv2?|cvc2?|cvn|csc|cid|security code|card verification(?: value| code)?|"
         r"3[- ]digit code|three[- ]digit code|código de seguridad|cryptogramme|prüfnummer|"
         r"prüfziffer|kartenprüfnummer|sicherheitscode|turvakoodi|cvv-koodi|säkerhetskod|"
         r"sikkerhedskode|sikkerhetskode|kontrollsiffra|kod cvv|codice di sicurezza|"
         r"código de segurança|beveiligingscode|kaardi turvakood|turvakood",
         r"(?P<pii>\d{3,4})(?!\d)", 0.8),
    Rule("expiry-on-context", "CARD_SECURITY",
         r"exp|exp\.|expiry|expires|expiring|expiration|expiration date|expiry date|exp date|"
         r"valid thru|valid through|valid until|good thru|caducidad|vence|expire|ablaufdatum|"
         r"gültig bis|caduca|scadenza|scade|vervaldatum|geldig tot|utløp|utløper|"
         r"utgång|udløb|udløber|voimassa|kehtib|ważna do|ważna|validade|válida até|"
         r"date d'expiration|expire le|giltigt till|giltig till|giltig t\.o\.m\.|gyldig til|"
         r"gyldig t\.o\.m\.|scad|scad\.|scadenza carta|valid to",
         # "11/29", "11-2029" and, after the cue only, "1129" (its month checked)
         r"(?P<pii>(?:0?[1-9]|1[0-2]) ?[/\-.] ?(?:20)?\d{2}(?![\d/])|(?:0[1-9]|1[0-2])\d\d"
         r"(?![\d/\-]|\.\d))", 0.75),
    Rule("iban-on-context", "IBAN",
         r"iban|ibn|iban number|rekeningnummer|rekening|kontonummer|konto|conto|compte|cuenta|"
         r"account|bank account|old one|new one|tilinumero|kontonr",
         r"(?P<pii>[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){10,30})(?![A-Za-z0-9])", 0.6, _iban,
         "iban-mod97", 0.95),
    Rule("passport-on-context", "PASSPORT",
         r"passport|passports|passport no|passport number|pasaporte|passeport|reisepass|"
         r"pass-nr|passaporto|paspoort|passaporte|paszport|passi|pass|passnummer|"
         r"passinummer|passi number|travel document|reisepassnummer|passnummeret|"
         r"passnr|passeportnummer|paszportu|numer paszportu|passaportnummer|passikirja|"
         r"número de pasaporte|numéro de passeport|passnummern|paspoortnummer|paspoort nummer|"
         r"paspoortnr|numero di passaporto|número do passaporte|passeport n°",
         r"(?P<pii>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12})(?![\w\-])",
         0.6, _five_digits, "passport-shape", 0.8),
    Rule("driver-licence-on-context", "DRIVER_LICENSE",
         r"driver'?s licen[cs]e|drivers licen[cs]e|driver licen[cs]e|driving licen[cs]e|"
         r"licen[cs]e|licen[cs]e no|dl|d/l|permis de conduire|permis|führerschein|"
         r"carnet de conducir|patente|rijbewijs|rijbewijsnummer|körkort|körkortsnummer|"
         r"körkortsnumret|körkortnummer|kørekort|kørekortnummer|førerkort|førerkortnummer|"
         r"ajokortti|ajokortin|ajokortin numero|juhiluba|juhiloa|juhiloa number|prawo jazdy|"
         r"numer prawa jazdy|carta de condução|carné de conducir|führerscheinnummer|"
         r"numéro de permis|patente di guida|licence number|license number",
         _GROUPED_ID,
         0.6, _mixed_or_long_digits, "id-shape", 0.8),
    Rule("national-id-on-context", "NATIONAL_ID",
         r"national insurance|national insurance number|ni number|ni no|nino|isikukood|"
         r"personnummer|personnr|personal number|personal code|personal id|personal identity|"
         r"henkilötunnus|henkilötunnukseni|henkilötunnukseni|hetu|codice fiscale|nie|dni|nif|"
         r"nif/nie|steuer-id|steuerid|steuer id|steuernummer|steueridentifikationsnummer|ssn|"
         r"social security|social security number|tfn|tax file number|sin|social insurance|"
         r"social insurance number|my social|social is|social #|ppsn|pps|pps number|pesel|bsn|"
         r"burgerservicenummer|"
         r"rijksregisternummer|numéro national|cpr|cpr-nummer|fødselsnummer|fødselsnummeret|"
         r"personnummeret|"
         r"kennitala|cpf|aadhaar|pan|tc kimlik|kimlik|numéro de sécurité sociale|"
         r"sécurité sociale|insee|nir|national id|national identity|id number|identity number|"
         r"id card|id-kaart|identity card|tax id|tax number|tin|asmens kodas|personas kods|"
         r"rodné číslo|szemelyi szam|személyi szám|taj|sozialversicherungsnummer|"
         r"versicherungsnummer|svnr|sv-nummer|tax id|identificación fiscal|nº de identificación",
         _GROUPED_ID,
         0.6, _mixed_or_long_digits, "id-shape", 0.8),
    Rule("password-on-context", "CREDENTIAL",
         r"password|passwd|pwd|passcode|pass code|passphrase|pass phrase|pin|pin code|pin number|"
         r"pw|contraseña|clave|mot de passe|mdp|passwort|kennwort|one[- ]time code|otp|"
         r"verification code|security code sent|2fa code|login code|temporary password|"
         r"temp password|wachtwoord|salasana|hasło|haslo|lösenord|losenord|adgangskode|passord|"
         r"parool|senha|contrasenya|palavra-passe|palavra passe|password is|pac code|pac|"
         r"passcode is|access code|"
         r"security pin|account pin|card pin|pin-code|pinkod|pin-koodi|tunnusluku|puk|puk code|"
         r"puk-code|sim pin|wifi password|wi-fi password|wifi key|wi-fi key|network key",
         _SECRET_VALUE, 0.85),
    Rule("password-later-on-context", "CREDENTIAL",
         r"password|passwd|passcode|pin|pac|puk|code|one time code|one-time code|otp|wachtwoord|"
         r"salasana|hasło|lösenord|passord|adgangskode|mot de passe|contraseña|passwort|"
         r"palavra-passe|senha|clave|kennwort",
         r"[^\n.?!]{0,40}?\b(?i:typed|to|was|is|replied with|replied|used was|entered|tried|sent|"
         r"reads|gave it as|gave as|typing|typed in|put in|"
         r"es|est|ist|é|è|era|était|etait|war|var|är|er|foi|jest)"
         r"[ \t]*:?[ \t]+" + _SECRET_VALUE,
         0.55, _secret_like, "secret-shape", 0.75),
    # One-time codes: six digits, in one run or in two groups of three ("code 682-996").
    Rule("one-time-code-on-context", "CREDENTIAL",
         r"code|codes|verification code|verificatiecode|one[- ]time code|otp|sms code|"
         r"engångskoden|engångskod|engangskode|engangskoden|kertakoodi|vahvistuskoodi|"
         r"kinnituskood|kod weryfikacyjny|kod sms|bestätigungscode|code de vérification|"
         r"código de verificación|codice di verifica|código de verificação|2fa|2fa code|"
         r"login code|sign-in code|security code|authentication code|auth code|sms-code|"
         r"one[- ]time passcode|passcode|kood|kod|koodi|kode|koden|código|codigo|codice|"
         r"code reçu|code reçu par sms|code recu par sms|código recibido|código que recebi",
         r"(?P<pii>\d{3}[ \-]?\d{3})(?![ \-/.,]?\d)", 0.9,
         not_after=_NOT_CODE_AFTER),
    # "o código que recebi foi 474894", "Le code reçu par SMS était 125074"
    Rule("one-time-code-later-on-context", "CREDENTIAL",
         r"code|código|codigo|codice|kod|kode|koden|koodi|kood|sms-code|otp",
         r"[^\n.?!\d]{0,40}?\b(?i:was|is|foi|era|es|est|était|etait|war|var|är|er|jest|"
         r"reads|said|says)[ \t]*:?[ \t]+(?P<pii>(?:[A-Z]-)?\d{3}[ \-]?\d{3})(?![ \-/.,]?\d)", 0.8,
         not_after=_NOT_CODE_AFTER),
    Rule("sort-code-on-context", "BANK_ACCOUNT",
         r"sort code|sort-code|sortcode|sort",
         r"(?P<pii>\d{2}[ \-]?\d{2}[ \-]?\d{2})(?![\d\-])", 0.8),
    Rule("bank-account-on-context", "BANK_ACCOUNT",
         r"bank account|bank accont|bank acount|account number|account no|acct|a/c|"
         r"bankkonto|kontonummer|kontonr|konto|kontoen|kontot|cuenta|la cuenta|conta|a conta|"
         r"compte|compte bancaire|conto|conto corrente|rekening|rekeningnummer|tili|tilille|"
         r"tilinumero|rachunek|numer rachunku|numer konta|pangakonto|arvelduskonto|"
         r"bankgiro|clearingnummer|reg.nr|reg nr|registreringsnummer|overført til|"
         r"overføres til|indsat på|refund to account|account in the name|account|"
         r"routing|routing number|routing no|aba|aba number|transit number",
         # "0575237095", "0088.49.00199", Swedish clearing and account "7638-5, 374 912 645"
         r"(?P<pii>(?=(?:[ .\-,]{0,2}\d){6})\d(?:[ .\-]?\d){3,19}"
         r"(?:,[ \t]?\d(?:[ .\-]?\d){5,19})?)(?![\d\-])", 0.9),
    Rule("security-answer-on-context", "CREDENTIAL",
         r"security answer|answer to (?:my|the) security question|secret answer|"
         r"memorable word|memorable answer|mother'?s maiden name|maiden name|"
         r"first pet'?s name|name of (?:my|your) first pet|first pet|answer(?=[ \t]*:)|"
         r"answer i set was|answer i gave was|answer i used was|answer i chose was|"
         r"mother['’]s maiden name|favourite teacher|favorite teacher|first school|"
         r"city of birth|place of birth|childhood nickname|security answer was|"
         r"sicherheitsantwort hatte ich|sicherheitsantwort ist|sicherheitsantwort war|"
         r"sicherheitsantwort|respuesta de seguridad|réponse de sécurité|réponse secrète|"
         r"risposta di sicurezza|resposta de segurança|veiligheidsantwoord|"
         r"säkerhetssvar|sikkerhetssvar|turvavastaus|turvavastus|odpowiedź bezpieczeństwa",
         r"(?P<pii>[^\s\"“”'‘’,;.!?](?:[^\s\"“”,;.!?]{0,38}[^\s\"“”'‘’,;.!?])"
         r"(?: [A-Z](?:[^\s\"“”,;.!?]{0,38}[^\s\"“”'‘’,;.!?])?)?)(?=[.,;!?)\"“”'’]*"
         r"(?:\s|$))",
         0.97),
    # '"name of your first pet" and the answer is Kasper': the question, then its answer
    Rule("security-answer-later-on-context", "CREDENTIAL",
         r"security question|security answer|secret question|memorable word|maiden name|"
         r"first pet|pet'?s name|favourite teacher|favorite teacher|first school|"
         r"childhood nickname",
         r"[^\n.?!]{0,40}?\b(?i:the answer is|the answer was|answer is|answer was|"
         r"i set it to|i set it as|i put)[ \t]*:?[ \t]+[\"“'‘]?"
         r"(?P<pii>[^\s\"“”'‘’,;.!?](?:[^\s\"“”,;.!?]{0,38}[^\s\"“”'‘’,;.!?])?)"
         r"(?=[.,;!?)\"“”'’]*(?:\s|$))",
         0.97),
    # The secret in the sentence after its cue ("I've got my new password here. It's
    # qNvh%Li0YPBr#&", "Uus parool ... on P@ssw0rd60", "the door code changed. It's now
    # *50589", "the PIN to release the parcel. I gave him 5863"): only a value that looks
    # chosen (a digit, a symbol, mixed case) counts, so "It's frustrating" stays
    Rule("secret-next-sentence", "CREDENTIAL", _SECRET_CUES,
         r"[^\n.!?]{0,60}[.!?:][ \t]+" + _NEXT_LEAD + r"[ \t]*:?[ \t]+" + _CODE_OR_SECRET,
         0.3, _secret_like, "secret-shape", 0.75),
    # "Uus parool, mille panin, on P@ssw0rd60", "nowe które ustawiłem to X": the copula of
    # another language in the cue's sentence, for a value that looks chosen
    Rule("secret-later-shaped", "CREDENTIAL", _SECRET_CUES,
         r"[^\n.?!]{0,40}?\b" + _COPULA + r"[ \t]*:?[ \t]+" + _CODE_OR_SECRET,
         0.3, _secret_like, "secret-shape", 0.75),
    # "Router admin login is folake.okonkwo / SUNFbluebell425": a login and its secret
    Rule("login-and-secret", "CREDENTIAL",
         r"login|admin login|log-in|log in|credentials|username and password|user/pass|"
         r"user and pass|user/password|brugernavn og adgangskode|gebruikersnaam en wachtwoord",
         r"[ \t]*(?:is|are|was|:)?[ \t]*[^\s/]{1,40}[ \t]*/[ \t]*" + _SECRET_VALUE,
         0.3, _secret_like, "secret-shape", 0.75),
    # "What's the name of your first pet? | Customer: Buttons", "the PIN on the account? |
    # Customer: 4287": a chat's question answered alone on the next line (one line between)
    Rule("secret-answered-next-line", "CREDENTIAL", _SECRET_CUES,
         r"[^\n]{0,80}\?[ \t]*\r?\n(?:[^\n]{0,40}\r?\n)?[ \t]*(?:[^\n:]{1,24}:)?[ \t]*"
         + _LINE_VALUE, 0.3, _line_secret, "secret-shape", 0.75),
    Rule("security-answer-next-sentence", "CREDENTIAL", _ANSWER_CUES,
         r"(?:[^\n.!?]{0,80}[.!?][ \t]+){1,2}" + _ANSWER_LEAD + r"[ \t]*:?[ \t]+[\"“'‘]?"
         r"(?P<pii>[^\s\"“”'‘’,;.!?]{2,40})(?=[.,;!?)\"“”'’]*(?:\s|$))",
         0.3, _answer_like, "answer-shape", 0.97),
    Rule("security-answer-next-line", "CREDENTIAL", _ANSWER_CUES,
         r"[^\n]{0,80}\?[ \t]*\r?\n[ \t]*(?:[^\n:]{1,24}:)?[ \t]*" + _LINE_VALUE,
         0.3, _answer_like, "answer-shape", 0.97),
    Rule("postcode-on-context", "POSTCODE",
         r"postcode|post code|postal code|zip|zip code|zipcode|eircode|código postal|"
         r"code postal|plz|postleitzahl|cap|postnummer|postinumero|sihtnumber|kod pocztowy|"
         r"postinumeroalueelle|postinumeroalue|deliver to|delivery to|deliver in|ship to|"
         r"levererar ni till|leverer dere til|leverer i til|leveren jullie ook in|"
         r"livrez-vous dans le|livrez-vous à|livrez-vous|liefern sie nach|liefert ihr nach|"
         r"consegnate a|consegnate in|enviáis a|envían a|entregam em|dostarczacie do|"
         r"toimitatteko|area code|sihtnumbrile|sihtnumbri|postinumeroon|postnummeret",
         _POSTCODE_VALUE, 0.75),
    # "Do you deliver in 97426?", "Is fibre available at 4875 PN yet?": a postcode asked about
    Rule("postcode-question", "POSTCODE",
         r"in|at|available to|nach|naar|à|au|en|til|till|do|dans le|dans|em|sihtnumbrile|"
         r"sihtnumbri|"
         r"postinumeroon|postinumeroalueelle|postnummer|postnummeret",
         r"(?!(?:19|20)\d\d(?!\w))" + _POSTCODE_VALUE + r"(?=[ \t]*\?|[ \t]+yet\b)", 0.6),
    # "the postcode in the quote above is wrong, it's 28801"; "your postcode?\n[5 PM]
    # Customer: 2514 EA" (a question answered on the next line of a chat)
    Rule("postcode-later-on-context", "POSTCODE",
         r"postcode|post code|postal code|zip|zip code|zipcode|eircode|postal|plz|postleitzahl|"
         r"code postal|código postal|postnummer|postinumero|sihtnumber",
         r"(?:[^\n.?!]{0,48}?\b(?i:is|it's|it’s|it is|was|should be|to|:)[ \t]*:?[ \t]+"
         r"|[^\n]{0,24}\?[ \t]*\r?\n(?:[^\n:]{0,40}:)?[ \t]*)" + _POSTCODE_VALUE,
         0.6),
    Rule("username-on-context", "USERNAME",
         r"username|user name|usrname|usename|uname|user id|userid|user|login|login name|"
         r"handle|gamertag|"
         r"screen name|account name|usuario|nom d'utilisateur|identifiant|benutzername|"
         r"gebruikersnaam|käyttäjätunnus|kayttajatunnus|användarnamn|brugernavn|brukernavn|"
         r"nazwa użytkownika|login|logged in as|nome utente|utente|kasutajanimi|utilizador|"
         r"my account|instagram|twitter|tiktok|insta|ig|x handle|telegram|discord|skype|"
         r"log in as|login as|signed in as|sign in as|logging in as|käyttäjätunnukseni|"
         r"käyttäjätunnus|käyttäjänimi|käyttäjänimeni|användarnamnet|användarnamn|brukernavnet|"
         r"brugernavnet|gebruikersnaam is|mijn gebruikersnaam|benutzernamen|kasutajanimi|"
         r"kasutajanimeks|nome de usuário|nome de utilizador|nom d'utilisateur|login name is",
         # ... up to a space, the end, or a JSON string's end ('"user":"sophie.dad",')
         r"(?P<pii>@?[A-Za-z0-9](?:[\w.\-]{0,38}[A-Za-z0-9_]))"
         r"(?=[.,;!?)\"“”'’]*(?:\s|$)|\"[,}])",
         0.7),
    # "Customer (caraujo71): my card got declined": a chat log's speaker and their handle
    Rule("chat-speaker-handle", "USERNAME",
         r"customer|client|user|guest|visitor|member|kunde|cliente|klant|asiakas|kund|klient",
         r"[ \t]*\((?P<pii>@?[A-Za-z0-9][\w.\-]{1,38}[A-Za-z0-9_])\)(?=[ \t]*:)", 0.75),
    # "left a review as the_sharon_mcneil", "messaged you on Instagram from sroach1999",
    # "mon compte the_zoe_lefevre": only a value shaped like a handle (an @, an underscore,
    # or letters ending in digits), so that "as a result" or "from London" are no one's
    Rule("handle-on-context", "USERNAME",
         r"as|from|como|comme|als|mon compte|mi cuenta|minha conta|a minha conta|mein konto|"
         r"il mio account|mijn account|mitt konto|min konto|my profile|mi perfil|mon profil|"
         r"account|acct|accunt|the account is|konta|do konta|konto|nickname|nick|gamer tag|"
         r"rename it to|change it to|alias|compte|cuenta|conta",
         r"(?P<pii>@[A-Za-z0-9][\w.]{1,30}[A-Za-z0-9_]|[a-z][a-z0-9.]*_[\w.]*[a-z0-9]|"
         r"[a-z][a-z.]{2,30}\d{2,4}|[A-Z][a-z]+(?:[A-Z][a-z]+)+\d{2,6})"
         r"(?=[.,;!?)\"“”'’]*(?:\s|$))",
         0.7),
    # "do you deliver to 782470?": a six-digit postcode (India, Singapore, Russia) asked about
    Rule("six-digit-postcode-question", "POSTCODE",
         r"deliver to|delivery to|ship to|shipping to|available to|deliver in|send to",
         r"(?P<pii>\d{6})(?=[ \t]*\?)", 0.6),
)
# Words that follow a cue without being its value ("password reset", "pin was wrong").
_NOT_VALUES = frozenset(
    [
        "reset", "resets", "change", "changed", "changes", "expired", "expire", "wrong",
        "incorrect", "invalid", "forgot", "forgotten", "again", "please", "thanks", "thank",
        "help", "link", "email", "page", "field", "box", "manager", "policy", "requirements",
        "request", "required", "work", "works", "working", "isn't", "doesnt", "doesn't", "didn't",
        "not", "no", "yes", "and", "or", "but", "so", "to", "the", "a", "an", "that", "this",
        "my", "your", "it", "its", "is", "was", "for", "with", "on", "in", "at", "of", "by",
        "from", "number", "code", "details", "question", "questions", "ok", "okay", "recovery",
        "update", "updated", "updating", "protected", "sent", "send", "locked", "unlock", "new",
        "old", "same", "ever", "still", "just", "also", "now", "then", "when", "because", "if",
        "which", "expires", "expiry", "renewal", "renew", "photo", "copy", "scan", "office",
        "application", "holder", "attempts", "attempt", "broke", "broken", "alert", "alerts",
        "isnt", "failed", "fails", "failing", "issue", "issues", "problem", "problems", "error",
        "errors", "screen", "username", "user", "login", "handle", "name", "id", "history",
        "settings", "access", "blocked", "disabled", "suspended", "hacked", "compromised",
        "yesterday", "today", "temporary", "i", "o", "me", "you", "we", "he", "she", "they",
        "el", "la", "le", "de", "der", "die", "das", "het", "en", "et", "und", "y",
        # "la contraseña que puse es ...": the value comes later
        # "de code is nu anders", "der Code ist jetzt neu": now, still, not, again, new
        "nu", "nog", "niet", "weer", "anders", "nieuw", "jetzt", "noch", "nicht", "wieder", "neu",
        "nå", "ikke", "igen", "inte", "nyt", "ny", "maintenant", "ahora", "adesso",
        "que", "qui", "che", "dass", "som", "jonka", "kui", "mille", "mida", "joka", "który",
        "które", "która", "welches", "dat",
    ]
)


# "PAC coed is 013268", "password yesterday to Kalle!64": a plain word the sentence goes on
# from is part of the sentence; the value comes later (the "-later-" rules read it).
_GOES_ON = re.compile(r"[ \t]+(?:is|was|to|used|replied|typed|are|were|i|you|we)\b", re.IGNORECASE)


def _noun_before_verb(text: str, rule: Rule, value: str, end: int) -> bool:
    return (rule.entity == "CREDENTIAL" and value.isalpha() and value.islower()
            and _GOES_ON.match(text, end) is not None)


# A code the company's message gives its reader ("Your X code is", "je verificatiecode").
_YOUR = re.compile(
    r"(?i:(?:^|(?<=[\s:>]))(?:your|je|jouw|uw|il tuo|la tua|tu|su|votre|ton|ta|dein|deine|"
    r"ihr|din|ditt|sinun|twój|twoj|seu|sua|teie|sinu)\b[^.!?\n]{0,72}$)"
)


_CODE_CUES = ("cod", "kod", "kood", "otp", "2fa")


def _word_before(text: str, start: int) -> str:
    """The word right before `start` in lower case ("" at the start of the text)."""
    head = text[max(0, start - 24) : start].split()
    return head[-1].lower().strip(",:;()\"'") if head else ""


# Nouns that follow "my account", "user", "login" as a phrase ("my account notes"), not as
# the handle itself.
_ACCOUNT_NOUNS = frozenset(
    [
        "notes", "note", "settings", "setting", "page", "pages", "details", "balance", "history",
        "profile", "information", "info", "data", "status", "preferences", "overview",
        "dashboard", "statement", "statements", "security", "email", "address", "number",
        "holder", "owner", "type", "plan", "area", "section", "menu", "portal", "screen",
        "credentials", "permissions", "rights", "records", "record", "activity", "orders",
        "messages", "inbox", "credit", "limit", "subscription", "subscriptions", "options",
        "ip", "password", "passwords", "pin", "login", "shows", "showed", "says", "said",
    ]
)


# What says the next word is the secret itself: "password is sunshine", "PIN: 1234".
_GIVES = re.compile(r"(?i:\b(?:is|was|are|be|lautet|est|es|ist|er|är|é|è|jest|era|foi|"
                    r"reads|set to)\b)|[:=\"“'‘]")


def _plain_word_not_given(rule: Rule, match: re.Match[str], value: str) -> bool:
    """An English word in lower case after a secret's cue with nothing that hands it over
    ("password stopped working", "the PIN for the locker", "PIN on the account"): the
    sentence goes on about the secret; "password is sunshine", "pw Tulip7" and "mijn
    wachtwoord kissaassik" still give one."""
    if rule.name not in ("password-on-context", "password-later-on-context") \
            or not (value.isalpha() and value.islower()):
        return False
    return (_GIVES.search(match.string, match.end("cue"), match.start("pii")) is None
            and value in english_words())


_NUMBER_OF = re.compile(r"(?i:\b(?:number|no|nr|num)\b|#)")


def _plain_word_after_generic_cue(rule: Rule, match: re.Match[str], value: str) -> bool:
    """A noun or a plain lower-case word after "my account", "login" ("my account where"),
    or digits only, which after "account" are a bank account's, not a handle."""
    if rule.entity != "USERNAME":
        return False
    if _NUMBER_OF.search(match.string, match.end("cue"), match.start("pii")):
        return True  # "my account number is KD9837876": an account's number, not a handle
    low = value.lower()
    return (low in _ACCOUNT_NOUNS or (value.isdigit() and "account" in match.group("cue").lower())
            or (value.isalpha() and value.islower() and low in _common_words()))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    return Lexicon.bundled().common


class ContextFirstRecognizer(Recognizer):
    """Values that their context word vouches for: card, CVV, expiry, passport, secrets, ..."""

    ENTITY = "CARD"

    def __init__(self, rules: tuple[Rule, ...] = RULES) -> None:
        self._rules = [
            (rule, re.compile(_cue(rule.cues) + _FILLER + rule.value)) for rule in rules
        ]
        self._by_word: dict[str, list[int]] = {}
        for index, (rule, _) in enumerate(self._rules):
            for word in _first_words(rule.cues):
                self._by_word.setdefault(word, []).append(index)
        # The same rules without their cue, for a cue word read through a typo.
        self._after_cue = {
            index: re.compile(_FILLER + rule.value)
            for index, (rule, _) in enumerate(self._rules) if rule.entity in _TYPO_ENTITIES
        }
        # cue word -> itself, and each of its one-letter deletions -> the cue word (the one
        # listed first when two share one: "pasport" reads as "passport", not "paspoort")
        self._near: dict[str, str] = {}
        for word, indexes in self._by_word.items():
            if len(word) < _TYPO_MIN or not any(i in self._after_cue for i in indexes):
                continue
            self._near[word] = word
            for variant in _deletions(word):
                self._near.setdefault(variant, word)
        self._typo_seen: dict[str, str | None] = {}
        self.work = 0
        english_words()  # read the word list now (about 0.1 s), not inside the first message

    def _typo_cue(self, low: str) -> str | None:
        """The cue word one edit (insert, delete, substitute, swap) away from `low`, if any."""
        if low in self._typo_seen:
            return self._typo_seen[low]
        if low in _NOT_TYPOS:
            return None
        if len(self._typo_seen) >= 65_536:
            self._typo_seen.clear()
        found = self._typo_seen[low] = self._near_cue(low)
        return found

    def _near_cue(self, low: str) -> str | None:
        near = self._near
        hit = near.get(low)  # a cue with one letter dropped ("pasport")
        if hit is not None:
            return hit
        for variant in _deletions(low):  # one letter too many, or one wrong or swapped
            hit = near.get(variant)
            if hit is not None and len(hit) >= len(low) - 1:
                return hit
        return None

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.entity for rule, _ in self._rules))

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        by_word = self._by_word
        listed: set[int] = set()  # rules whose cue already had its sentence read
        for word in words(text):
            indexes = by_word.get(word.low)
            typo: str | None = None
            if indexes is None:
                if len(word.low) < _TYPO_MIN:
                    continue
                typo = self._typo_cue(word.low)
                if typo is None or not _DIGIT.search(text, word.end, word.end + _DIGIT_NEAR + 1):
                    continue
                indexes = [i for i in by_word[typo] if i in self._after_cue]
            if word.start and (text[word.start - 1].isalnum() or text[word.start - 1] in "-_"):
                continue
            for index in indexes:
                self.work += 1
                rule, regex = self._rules[index]
                if rule.not_after and _word_before(text, word.start) in rule.not_after:
                    continue
                if typo is None:
                    match = regex.match(text, word.start)
                else:
                    match = self._after_cue[index].match(text, word.end)
                if rule.entity in _LISTED and word.start not in listed:
                    listed.add(word.start)
                    self._listed(text, word.end, rule, match, findings)
                if match is None:
                    continue
                value = match.group("pii")
                if (value.lower().strip(".") in _NOT_VALUES or not value.strip("-")
                        or not any(c.isalnum() for c in value)
                        or _noun_before_verb(text, rule, value, match.end("pii"))
                        or (typo is None and _plain_word_not_given(rule, match, value))
                        or (typo is None and _plain_word_after_generic_cue(rule, match, value))):
                    continue
                start, end = match.span("pii")
                cue = match.group("cue").lower() if typo is None else word.low
                if (rule.entity == "CREDENTIAL" and any(k in cue for k in _CODE_CUES)
                        and _YOUR.search(text, max(0, word.start - 84), word.start)):
                    continue  # "Your Shopco verification code is ...": the company's message
                if typo is not None:
                    score, validator = rule.score, None
                    reason = f"redacted on context '{cue}' (read as '{typo}')"
                elif rule.validate is not None and rule.validate(value):
                    score, validator, reason = rule.valid_score, rule.validator, None
                elif rule.validate is not None:
                    score, validator = rule.score, None
                    reason = (f"redacted on context '{cue}' although the {rule.validator} "
                              "check fails")
                else:
                    score, validator = rule.score, None
                    reason = f"redacted on context '{cue}'"
                findings.append(
                    Finding(start, end, rule.entity, score, self.name, rule.name, validator, cue,
                            reason)
                )
        return findings

    def _listed(self, text: str, after: int, rule: Rule, match: re.Match[str] | None,
                findings: list[Finding]) -> None:
        """More document numbers in the cue's sentence: each one with five digits or more."""
        stop = _SENTENCE_END.search(text, after, after + _LIST_REACH)
        end = stop.start() if stop is not None else min(len(text), after + _LIST_REACH)
        first = match.span("pii") if match is not None else None
        for value in _LIST_VALUE.finditer(text, after, end):
            if value.span() == first or sum(c.isdigit() for c in value.group(0)) < 5:
                continue
            before = text[max(after, value.start() - 16) : value.start()].split()
            if before and before[-1].lower().strip(":#.,(") in _LIST_STOPS:
                continue
            cue = text[max(0, after - 24) : after].split()[-1].lower()
            findings.append(
                Finding(value.start(), value.end(), rule.entity, 0.65, self.name,
                        f"{rule.name}-listed", None, cue,
                        f"redacted as one more value listed after the context '{cue}'")
            )
