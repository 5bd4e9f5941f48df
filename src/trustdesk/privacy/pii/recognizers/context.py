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

from stdnum import iban as stdnum_iban
from stdnum import luhn

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.words import words

# What sits between a cue and its value: "number", "no.", "is", "was", ":", "#", quotes.
_FILLER = (
    r"(?:[\s:=#\-–—,'\"“”‘’(]|(?i:\b(?:number|numbers|num|no|nr|nº|is|was|are|will be|be|code|"
    r"details|ending|reads|of|my|the|here|it|for|as|on|n°|to|now|in|a|area|är|on|es|est|ist|"
    r"er|lautet|il|mio|mi|mon|ma|mein|meine|mitt|min|mijn|moja|mój|meu|minha|jest|é|è|e|"
    r"nummer|numero|número|numéro|numer|changed|set|new)\b\.?)){0,12}"
)
_WORD_END = r"(?![\w@])"


def _cue(words: str) -> str:
    spaced = words.replace(" ", r"\s+")
    return rf"(?P<cue>(?i:{spaced}))(?!\w)"


def _first_words(cues: str) -> set[str]:
    """The first letter run of each cue: the words the scan looks up to try a rule."""
    out = set()
    for alternative in cues.split("|"):
        lead = re.match(r"[^\W\d_]+", alternative)
        if lead:
            out.add(lead.group(0).lower())
    return out


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
_SECRET_VALUE = r"(?P<pii>[^\s\"“”'‘’,;]{1,64}?)(?=[.,;!?)\"“”'’]*(?:\s|$))"

RULES: tuple[Rule, ...] = (
    Rule("card-on-context", "CARD", _CARD_CUES, r"(?P<pii>\d(?:[ \-.]{0,2}\d){11,18})(?!\d)",
         0.6, _luhn, "luhn", 0.95),
    Rule("cvv-on-context", "CARD_SECURITY",
         r"cvv2?|cvc2?|cvn|csc|cid|security code|card verification(?: value| code)?|"
         r"3[- ]digit code|three[- ]digit code|código de seguridad|cryptogramme|prüfnummer",
         r"(?P<pii>\d{3,4})(?!\d)", 0.8),
    Rule("expiry-on-context", "CARD_SECURITY",
         r"exp|exp\.|expiry|expires|expiring|expiration|expiration date|expiry date|exp date|"
         r"valid thru|valid through|valid until|good thru|caducidad|vence|expire|ablaufdatum|"
         r"gültig bis",
         r"(?P<pii>(?:0?[1-9]|1[0-2]) ?[/\-.] ?(?:20)?\d{2})(?![\d/])", 0.75),
    Rule("iban-on-context", "IBAN",
         r"iban|ibn|iban number|rekeningnummer|rekening|kontonummer|konto|conto|compte|cuenta|"
         r"account|bank account|old one|new one|tilinumero|kontonr",
         r"(?P<pii>[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){10,30})(?![A-Za-z0-9])", 0.6, _iban,
         "iban-mod97", 0.95),
    Rule("passport-on-context", "PASSPORT",
         r"passport|passports|passport no|passport number|pasaporte|passeport|reisepass|"
         r"pass-nr|passaporto|paspoort|passaporte|paszport|passi|pass|passnummer|"
         r"passinummer|passi number|travel document",
         r"(?P<pii>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12})(?![\w\-])",
         0.6, _five_digits, "passport-shape", 0.8),
    Rule("driver-licence-on-context", "DRIVER_LICENSE",
         r"driver'?s licen[cs]e|drivers licen[cs]e|driver licen[cs]e|driving licen[cs]e|"
         r"licen[cs]e|licen[cs]e no|dl|d/l|permis de conduire|permis|führerschein|"
         r"carnet de conducir|patente|rijbewijs",
         _GROUPED_ID,
         0.6, _mixed_or_long_digits, "id-shape", 0.8),
    Rule("national-id-on-context", "NATIONAL_ID",
         r"national insurance|national insurance number|ni number|ni no|nino|isikukood|"
         r"personnummer|personnr|personal number|personal code|personal id|personal identity|"
         r"henkilötunnus|henkilötunnukseni|henkilötunnukseni|hetu|codice fiscale|nie|dni|nif|"
         r"nif/nie|steuer-id|steuerid|steuer id|steuernummer|steueridentifikationsnummer|ssn|"
         r"social security|social security number|tfn|tax file number|sin|social insurance|"
         r"social insurance number|ppsn|pps|pps number|pesel|bsn|burgerservicenummer|"
         r"rijksregisternummer|numéro national|cpr|cpr-nummer|fødselsnummer|personnummeret|"
         r"kennitala|cpf|aadhaar|pan|tc kimlik|kimlik|numéro de sécurité sociale|"
         r"sécurité sociale|insee|nir|national id|national identity|id number|identity number|"
         r"id card|id-kaart|identity card|tax id|tax number|tin|asmens kodas|personas kods|"
         r"rodné číslo|szemelyi szam|személyi szám|taj",
         _GROUPED_ID,
         0.6, _mixed_or_long_digits, "id-shape", 0.8),
    Rule("password-on-context", "CREDENTIAL",
         r"password|passwd|pwd|passcode|pass code|passphrase|pass phrase|pin|pin code|pin number|"
         r"pw|contraseña|clave|mot de passe|mdp|passwort|kennwort|one[- ]time code|otp|"
         r"verification code|security code sent|2fa code|login code|temporary password|"
         r"temp password|wachtwoord|salasana|hasło|haslo|lösenord|losenord|adgangskode|passord|"
         r"parool|senha|contrasenya|password is|pac code|pac|passcode is|access code|"
         r"security pin|account pin|card pin|pin-code|pinkod|pin-koodi|tunnusluku",
         _SECRET_VALUE, 0.85),
    Rule("password-later-on-context", "CREDENTIAL",
         r"password|passwd|passcode|pin|code|one time code|one-time code|otp|wachtwoord|"
         r"salasana|hasło|lösenord|passord|adgangskode|mot de passe|contraseña|passwort",
         r"[^\n.?!]{0,40}?\b(?i:typed|to|was|is|replied|used was|entered|tried|sent|reads)"
         r"[ \t]*:?[ \t]+" + _SECRET_VALUE,
         0.55, _secret_like, "secret-shape", 0.75),
    Rule("security-answer-on-context", "CREDENTIAL",
         r"security answer|answer to (?:my|the) security question|secret answer|"
         r"memorable word|memorable answer|mother'?s maiden name|maiden name|"
         r"first pet'?s name|name of (?:my|your) first pet|first pet|answer|"
         r"mother['’]s maiden name|favourite teacher|favorite teacher|first school|"
         r"city of birth|place of birth|childhood nickname",
         r"(?P<pii>[^\s\"“”'‘’,;.!?]{2,40}(?: [A-Z][^\s\"“”'‘’,;.!?]{1,40})?)(?=[.,;!?)\"“”'’]*"
         r"(?:\s|$))",
         0.97),
    Rule("postcode-on-context", "POSTCODE",
         r"postcode|post code|postal code|zip|zip code|zipcode|eircode|código postal|"
         r"code postal|plz|postleitzahl|cap|postnummer|postinumero|sihtnumber|kod pocztowy|"
         r"postinumeroalueelle|postinumeroalue|deliver to|delivery to|deliver in|ship to|"
         r"levererar ni till|leverer dere til|leverer i til|leveren jullie ook in|"
         r"livrez-vous dans le|livrez-vous à|livrez-vous|liefern sie nach|liefert ihr nach|"
         r"consegnate a|consegnate in|enviáis a|envían a|entregam em|dostarczacie do|"
         r"toimitatteko|area code",
         r"(?P<pii>(?i:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
         r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4})|\d{4}(?: ?[A-Z]{2})?|"
         r"\d{5}(?:-\d{4})?|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2})(?![\w\-])",
         0.75),
    Rule("username-on-context", "USERNAME",
         r"username|user name|user id|userid|user|login|login name|handle|gamertag|"
         r"screen name|account name|usuario|nom d'utilisateur|identifiant|benutzername|"
         r"gebruikersnaam|käyttäjätunnus|kayttajatunnus|användarnamn|brugernavn|brukernavn|"
         r"nazwa użytkownika|login|logged in as|nome utente|utente|kasutajanimi|"
         r"my account|instagram|twitter|tiktok|insta|ig|x handle|telegram|discord|skype",
         r"(?P<pii>@?[A-Za-z0-9](?:[\w.\-]{0,38}[A-Za-z0-9_]))(?=[.,;!?)\"“”'’]*(?:\s|$))",
         0.7),
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
        "application", "holder",
    ]
)


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
        self.work = 0

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(rule.entity for rule, _ in self._rules))

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        by_word = self._by_word
        for word in words(text):
            indexes = by_word.get(word.low)
            if indexes is None:
                continue
            if word.start and (text[word.start - 1].isalnum() or text[word.start - 1] in "-_"):
                continue
            for index in indexes:
                self.work += 1
                rule, regex = self._rules[index]
                match = regex.match(text, word.start)
                if match is None:
                    continue
                value = match.group("pii")
                if value.lower().strip(".") in _NOT_VALUES or not value.strip("-"):
                    continue
                start, end = match.span("pii")
                cue = match.group("cue").lower()
                if rule.validate is not None and rule.validate(value):
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
