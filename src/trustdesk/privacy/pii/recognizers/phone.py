"""Telephone numbers: a cheap candidate regex, then `phonenumbers` decides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import phonenumbers

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer, context_regex

# Digits with the separators people type; bounded so each attempt is O(1).
_CANDIDATE = re.compile(
    r"(?<![\w+\-/.,=])(?:\+|00)?\(?\d[\d \u00a0().\-/]{5,22}\d"
    r"(?=[xX]\d|(?!\w)(?![\-/.]\d))"
)
# An extension right after the number: "212-555-0187x231", "020 7946 0958 ext. 12".
_EXTENSION = re.compile(
    r",?[ \t]?(?P<open>\()?(?:x|ext\.?|extn\.?|extension|poste|durchwahl|dw\.?|anexo|lokal|"
    r"wewn?\.?|int\.?|toestel|tst\.?|linje|ankn\.?|anknytning|alanumero|interno)[ \t]?"
    r"\d{1,6}(?(open)\))(?!\w)",
    re.IGNORECASE,
)
# Signature lines: "M: 455 21 907", "Tel. 772 4411".
_LINE_CUE = re.compile(r"(?:^|\n)[ \t>]*(?:m|t|p|ph|tel|mob|cell|w|h|o|fax)[ \t]?[:.][ \t]*$",
                       re.IGNORECASE)
_TRAILING_CONTEXT = re.compile(
    r"[ \t,(]{0,3}(?:office|mobile|cell|home|work|landline|direct|phone|tel|\(m\)|\(w\)|"
    r"\(h\)|\(o\))(?!\w)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[^\d]+")
# "(491) 813-4901", "745-789-7111", "733.229.8243": a number laid out as the US writes one is a
# phone even where its area code is not (yet) assigned; a reference is rarely grouped so
_US_LAYOUT = re.compile(r"(?:\([2-9]\d\d\) ?|[2-9]\d\d([.\-]))[2-9]\d\d(?(1)\1|-)\d{4}")
_DATE_LIKE = re.compile(r"\d{1,4}([./\-])\d{1,2}\1\d{1,4}")
_CONTEXT = (
    "phone", "telephone", "tel", "mobile", "cell", "call", "text me", "whatsapp", "ring",
    "teléfono", "telefono", "móvil", "movil", "llamar", "llámame", "téléphone", "portable",
    "appeler", "rappeler", "telefon", "handy", "rufnummer", "anrufen", "picks up", "pick up",
    "reach me", "reach us", "reached at", "contact number", "fax", "landline", "phone number",
    "number to call", "tél", "tlf", "puhelin", "cellulare", "telefone", "telemóvel", "gsm",
    "sms", "text", "texts", "dial", "callback", "call back", "mob", "ph", "contact me on",
    "contact me at", "on the number", "telefonnummer", "numéro", "número", "my number",
    "own number", "direct number", "number is", "telefonnummeret", "puh", "mobil",
    "mobilnummer", "mobilabonnement", "numer", "numer telefonu", "telefone", "nummer",
    "nummeret", "ring mig", "ring meg", "soita", "chiamatemi", "chiamami", "bel me", "bellen",
    "contact",
    # "Their number if the courier needs: 1-625-519-0290"; an order's or an account's number
    # is an identifier (_not_the_customers reads the word before "number")
    "number",
)
# A number right after the word for an order, a reference, a meter or a build is that
# identifier, not a phone ("order number is 2026-771-0045", "Bestellnummer: 0705889447",
# "tellimuse #0882630", "build 10.0.19230.680"); only filler may sit between them. A number
# the company gives out is no customer's either: "Please call us on ...", a "Hotline:", the
# line under a team's sign-off ("The Kronos Bank Team\n> 0345 944 7883"). Both are read from
# the last few words before the number, looked up in sets (no regex alternation to retry).
_ID_WORDS = frozenset(
    [
        "order", "orders", "ordernummer", "ordrenummer", "ordre", "orden", "pedido",
        "encomenda", "commande", "ordine", "bestellung", "bestellnummer", "bestelling",
        "bestellnr", "auftrag", "auftragsnummer", "zamówienie", "zamówienia", "zamowienie",
        "tilaus", "tilausnumero", "tilauksesi", "tellimus", "tellimuse", "beställning",
        "bestilling", "invoice", "factura", "facture", "fattura", "rechnung", "rechnungsnummer",
        "faktura", "lasku", "arve", "ref", "reference", "referencia", "référence", "riferimento",
        "referentie", "tracking", "booking", "reservation", "item", "art", "article", "sku",
        "ticket", "case", "claim", "policy", "contract", "vertrag", "customer", "kundennummer",
        "kundennr", "asiakasnumero", "member", "membership", "miles", "flyer", "meter",
        "mätare", "zähler", "zählernummer", "licznika", "routing", "sort", "build", "firmware",
        "version", "versão", "versión", "release", "driver", "serial", "imei", "model",
        "encomenda:", "nip", "regon", "krs", "vat", "ust-idnr", "moms", "eurobonus", "bonus",
        "ordren", "ordrenummeret", "sporingsnummer", "sendungsnummer", "tracking-nummer",
    ]
)
_FILLER_WORDS = frozenset(
    ["number", "num", "no", "nr", "n°", "n.º", "nº", "code", "id", "is", "was", ":", "#", "-",
     "–", "da", "de", "du"]
)
_COMPANY_WORDS = frozenset(
    ["hotline", "helpline", "kundtjänst", "kundeservice", "kundenservice", "kundendienst",
     "asiakaspalvelu", "team", "equipo", "équipe", "l'équipe", "l’équipe", "kundenteam",
     "servicecenter", "klantenservice", "serviço", "servizio", "obsługa"]
)
# "I called", "I rang": the number after is one the writer rang, not their own.
_CALLED_BEFORE = re.compile(
    r"(?i:\b(?:called|rang|dialled|dialed|phoned|calling|ringing|tried)\b)[ \t]*$"
)
# Numbers every caller shares: free, premium and shared-cost lines are a company's.
_COMPANY_LINE_TYPES = frozenset(
    [phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
     phonenumbers.PhoneNumberType.SHARED_COST]
)
_COMPANY_PAIRS = frozenset(
    ["call us", "contact us", "reach us", "us on", "us at", "service line", "customer service",
     "customer care", "support line", "service desk"]
)
_TEAM_LINE_END = re.compile(r"[\-–—:][ \t]*$")
_BEFORE_WORD = re.compile(r"[^\W_][\w°º.'’]*|[#:–\-]")
_CODE = re.compile(r"[A-Z]{1,3}\d?")


def _not_the_customers(before: str) -> bool:
    """True when the words before a number make it an identifier or a company's own line."""
    if before.rstrip(" \t").endswith("#"):  # "#2197099", "order #0882630": a reference
        return True
    if before.rstrip(" \t").endswith((",", ";")):
        return False  # "existing customer, +44 7544 846386": a list goes on, no label
    words = _BEFORE_WORD.findall(before)[-8:]
    i = len(words)
    while i and (words[i - 1].lower().rstrip(".") in _FILLER_WORDS
                 or (_CODE.fullmatch(words[i - 1]) and words[i - 1].lower() not in _ID_WORDS)):
        i -= 1
    if not i:
        return False
    last = words[i - 1].lower().rstrip(".:")
    if last in _ID_WORDS or last in _COMPANY_WORDS:
        return True
    # "Il team CityPhysio - 800 ...", "Equipo Kronos Bank - 900 ...": a team's sign-off line
    line = before.rsplit("\n", 1)[-1]
    if _TEAM_LINE_END.search(line) and any(
        w.lower().lstrip(">") in _COMPANY_WORDS for w in line.split()
    ):
        return True
    return i >= 2 and f"{words[i - 2].lower()} {last}" in _COMPANY_PAIRS


# A number alone on its line, or between signature bars: a signature's phone line.
_OWN_LINE_BEFORE = re.compile(r"(?:^|\n|\|)[ \t>]*$")
_OWN_LINE_AFTER = re.compile(r"[ \t]*(?:$|\n|\|)")
# Which regions to try for a national number, by its trunk prefix: the order matters only
# when two regions both accept the digits, and then the first wins.
_TRUNK_REGIONS = {"en": ("GB",), "fr": ("FR",), "de": ("DE",)}


@lru_cache(maxsize=4096)
def _valid(number: str, region: str | None) -> bool:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


@lru_cache(maxsize=4096)
def _company_line(number: str, region: str | None) -> bool:
    """True for a free, premium-rate or shared-cost number: every caller's, no one's own."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(parsed) in _COMPANY_LINE_TYPES


@lru_cache(maxsize=4096)
def _possible(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(parsed))


class PhoneRecognizer(Recognizer):
    """International (+44 20 7946 0958) and national (020 7946 0958, (212) 555-0199) numbers."""

    ENTITY = "PHONE"
    INTERNATIONAL_SCORE = 0.75
    NATIONAL_SCORE = 0.6
    CONTEXT_BOOST = 0.3

    def __init__(self, languages: Sequence[str] = ("en", "es", "fr", "de")) -> None:
        self._context = context_regex(_CONTEXT)
        trunk: list[str] = []
        for lang in languages:
            trunk.extend(_TRUNK_REGIONS.get(lang, ()))
        self._trunk_regions = tuple(dict.fromkeys(trunk)) or ("GB",)
        self._us = "en" in languages
        self._es = "es" in languages

    def _region(self, candidate: str, digits: str) -> str | None:
        """Return the region whose rules validate the number, '' for international, or None."""
        stripped = candidate.lstrip("(")
        if stripped.startswith("+") or (stripped.startswith("00") and len(digits) > 10):
            number = "+" + (digits[2:] if stripped.startswith("00") else digits)
            if "(0)" in candidate:  # "+33 (0)1 50 15 18 39": the trunk 0 is dialled at home
                number = "+" + "".join(g for g in _SPLIT.split(
                    candidate.replace("(0)", " ", 1)) if g)
            return "" if _valid(number, None) else None
        if digits.startswith("0"):
            for region in self._trunk_regions:
                if _valid(digits, region):
                    return region
            return None
        if self._us and (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")):
            return "US" if _valid(digits, "US") else None
        if self._es and len(digits) == 9 and digits[0] in "6789":
            return "ES" if _valid(digits, "ES") else None
        return None

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        for match in _CANDIDATE.finditer(text):
            start, end = match.span()
            candidate = match.group(0)
            if candidate.count("(") != candidate.count(")"):
                if not candidate.startswith("("):
                    continue
                # "(07700 900123" inside a parenthetical: the bracket is not part of the number.
                start += 1
                candidate = candidate[1:]
            if _DATE_LIKE.fullmatch(candidate):
                continue
            groups = [g for g in _SPLIT.split(candidate) if g]
            digits = "".join(groups)
            # Real numbers come in a handful of groups; "1 1 1 1 1 1 1" does not.
            if len(groups) > 6 + ("(0)" in candidate) or not 7 <= len(digits) <= 15:
                continue
            before = text[max(0, start - 48) : start]
            if _not_the_customers(before):
                continue
            region = self._region(candidate, digits)
            word = self._context_word(text, start, end)
            reason = None
            if region is None:
                # Context first: a number after "phone", "call", ... is a phone number even in
                # a local format the library does not know.
                if _DATE_LIKE.fullmatch(candidate) or not 6 <= len(digits) <= 15:
                    continue
                possible = candidate.startswith("+") and _possible("+" + digits)
                laid_out = self._us and _US_LAYOUT.fullmatch(candidate) is not None
                if word is None and not possible and not laid_out:
                    continue
                region = "context"
                reason = (f"redacted on context '{word}' although phonenumbers rejects it"
                          if word else "a possible international number" if possible
                          else "written in the US layout (3-3-4) although phonenumbers rejects it")
                score = 0.55 if word is None else 0.65
            elif (word is None and _CALLED_BEFORE.search(before) is not None
                  and _company_line("+" + digits if region == "" else digits, region or None)):
                continue  # "I called 0800 349 641": a free or premium line the writer rang
            else:
                score = self.INTERNATIONAL_SCORE if region == "" else self.NATIONAL_SCORE
                if word is not None:
                    score = min(1.0, score + self.CONTEXT_BOOST)
            ext = _EXTENSION.match(text, end)
            if ext is not None:
                end = ext.end()
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    entity=self.ENTITY,
                    score=round(score, 4),
                    recognizer=self.name,
                    pattern="international" if region == "" else f"national-{region}",
                    validator=None if reason else "phonenumbers",
                    context_word=word,
                    reason=reason,
                )
            )
        return findings

    def _context_word(self, text: str, start: int, end: int) -> str | None:
        assert self._context is not None
        before = text[max(0, start - 40) : start]
        hits = self._context.findall(before.lower())
        if hits:
            return str(hits[-1])
        if _LINE_CUE.search(before):
            return before.rsplit("\n", 1)[-1].strip(" \t>:.").lower()
        after = _TRAILING_CONTEXT.match(text, end)
        if after:
            return after.group(0).strip(" \t,(").lower()
        if _OWN_LINE_BEFORE.search(before) and _OWN_LINE_AFTER.match(text, end):
            return "a line of its own"
        return None
