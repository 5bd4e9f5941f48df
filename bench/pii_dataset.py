# ruff: noqa: E501  (message templates read better unwrapped)
"""Generate the labelled PII evaluation set: bench/data/pii/{dev,heldout}.jsonl.

    .venv/bin/pip install faker   # only needed to regenerate; listed in the `bench` extra
    .venv/bin/python bench/pii_dataset.py

Deterministic: fixed seeds, so re-running rewrites identical files. See
bench/data/pii/README.md for how the set is built and where each source comes from.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from faker import Faker
from stdnum.de import idnr
from stdnum.us import rtn

from trustdesk.privacy.pii.gazetteer import NameGazetteer

OUT = Path(__file__).parent / "data" / "pii"
SEED = 20240611
PER_SPLIT = 800

# Name sources: Faker person providers for these locales. Cultures, not just Anglo.
NAME_LOCALES = [
    "en_US", "en_GB", "es_ES", "es_MX", "fr_FR", "de_DE", "it_IT", "tr_TR", "pl_PL", "en_IN",
    "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw", "zu_ZA", "id_ID", "pt_BR", "nl_NL", "en_PK",
]
ROMANISED = ["zh_CN", "ja_JP"]
# Held-out only: names built from syllables, guaranteed absent from the gazetteer.
SYLLABLES = ("ka", "lo", "mi", "zu", "ren", "ta", "vo", "shi", "dar", "en", "ul", "ba", "nir",
             "o", "qua", "fe", "li", "sor", "ya", "tem", "wa", "ki", "xan", "bel", "dro", "um")

Span = tuple[int, int, str]


class Builder:
    """Concatenates text pieces and records the spans of labelled ones."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label:
            self.spans.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


_SLOT = re.compile(r"\{(\w+)\}")


class Generator:
    def __init__(self, seed: int, *, heldout: bool) -> None:
        self.rng = random.Random(seed)
        self.heldout = heldout
        locales = sorted({*NAME_LOCALES, *ROMANISED, "en_US", "en_GB", "es_ES", "fr_FR", "de_DE",
                          "nl_NL", "it_IT"})
        self.fakers = {loc: Faker(loc) for loc in locales}
        for i, faker in enumerate(self.fakers.values()):
            faker.seed_instance(seed + i)
        self.gazetteer = NameGazetteer.bundled()
        self.person_sources: list[str] = []

    # ---- values -------------------------------------------------------------------------
    def person(self) -> str:
        roll = self.rng.random()
        if self.heldout and roll < 0.15:
            return self._invented_name()
        if roll < 0.25:
            faker = self.fakers[self.rng.choice(ROMANISED)]
            return str(faker.romanized_name())
        faker = self.fakers[self.rng.choice(NAME_LOCALES)]
        return f"{faker.first_name()} {faker.last_name()}"

    def _invented_name(self) -> str:
        def word() -> str:
            while True:
                w = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
                if w not in self.gazetteer and w not in self.gazetteer.common and len(w) > 3:
                    return w.capitalize()
        return f"{word()} {word()}"

    def email(self, name: str | None = None) -> str:
        faker = self.fakers[self.rng.choice(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES"])]
        if name and self.rng.random() < 0.5:
            user = re.sub(r"[^a-z]", "", name.split()[0].lower()) or "user"
            return f"{user}.{self.rng.randint(1, 99)}@{faker.free_email_domain()}"
        return str(faker.email())

    def phone(self, region: str) -> str:
        loc = {"US": "en_US", "GB": "en_GB", "FR": "fr_FR", "DE": "de_DE", "ES": "es_ES"}[region]
        for _ in range(50):
            raw = str(self.fakers[loc].phone_number())
            if "x" in raw:
                continue
            try:
                parsed = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(parsed):
                continue
            style = self.rng.random()
            if style < 0.3:
                return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            if style < 0.45 and region == "US":
                return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
            return raw
        return "+44 20 7946 0958"

    def card(self) -> str:
        faker = self.fakers["en_US"]
        kind = self.rng.choice(["visa16", "mastercard", "amex", "discover", "visa16"])
        digits = str(faker.credit_card_number(card_type=kind))
        style = self.rng.random()
        if style < 0.5 and len(digits) == 16:
            return " ".join(digits[i : i + 4] for i in range(0, 16, 4))
        if style < 0.7 and len(digits) == 16:
            return "-".join(digits[i : i + 4] for i in range(0, 16, 4))
        return digits

    def iban(self) -> str:
        faker = self.fakers[self.rng.choice(["en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL", "it_IT"])]
        value = str(faker.iban())
        if self.rng.random() < 0.6:
            return " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def routing(self) -> str:
        while True:
            base = f"{self.rng.randint(1, 32):02d}{self.rng.randint(0, 999999):06d}"
            for check in "0123456789":
                if rtn.is_valid(base + check):
                    return base + check

    def steuer_id(self) -> str:
        while True:
            digits = [self.rng.randint(1, 9)] + [self.rng.randint(0, 9) for _ in range(9)]
            for check in range(10):
                value = "".join(map(str, digits)) + str(check)
                if idnr.is_valid(value):
                    return value

    def nino(self) -> str:
        first = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        second = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        if first + second in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            first, second = "A", "B"
        digits = f"{self.rng.randint(0, 999999):06d}"
        suffix = self.rng.choice("ABCD")
        if self.rng.random() < 0.5:
            return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
        return f"{first}{second}{digits}{suffix}"

    def dob(self, lang: str) -> str:
        # Dates come from the seeded rng, not Faker, so the files do not depend on today's date.
        d = dt.date(1935, 1, 1) + dt.timedelta(days=self.rng.randint(0, 26_000))
        months = {
            "en": "January February March April May June July August September October November "
            "December",
            "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
            "diciembre",
            "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
            "décembre",
            "de": "Januar Februar März April Mai Juni Juli August September Oktober November "
            "Dezember",
        }[lang].split()
        style = self.rng.random()
        if style < 0.35:
            sep = self.rng.choice("/.-") if lang != "en" else "/"
            return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
        if style < 0.5:
            return d.isoformat()
        month = months[d.month - 1]
        if lang == "en":
            return self.rng.choice([f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}"])
        if lang == "es":
            return f"{d.day} de {month} de {d.year}"
        if lang == "de":
            return f"{d.day}. {month} {d.year}"
        return f"{d.day} {month} {d.year}"

    def address(self, style: str) -> str:
        r = self.rng
        if style == "US":
            f = self.fakers["en_US"]
            street = f"{f.building_number()} {f.street_name()}"
            unit = r.choice(["", "", f", Apt {r.randint(1, 40)}{r.choice('ABCD')}",
                             f", Suite {r.randint(100, 900)}"])
            city = f"{f.city()}, {f.state_abbr()} {f.zipcode()}"
            return street + unit + r.choice([", ", "\n"]) + city
        if style == "GB":
            f = self.fakers["en_GB"]
            street = f"{r.randint(1, 220)} {f.street_name()}"
            if r.random() < 0.5:
                return f"{street}\n{f.city()}\n{f.postcode()}"
            return f"{street}, {f.city()} {f.postcode()}"
        if style == "DE":
            f = self.fakers["de_DE"]
            sep = r.choice([", ", "\n"])
            return f"{f.street_name()} {r.randint(1, 180)}{sep}{f.postcode()} {f.city()}"
        if style == "FR":
            f = self.fakers["fr_FR"]
            sep = r.choice([", ", "\n"])
            return f"{r.randint(1, 150)} {f.street_name()}{sep}{f.postcode()} {f.city()}"
        f = self.fakers["es_ES"]
        sep = r.choice([", ", "\n"])
        floor = r.choice(["", f", {r.randint(1, 9)}º {r.choice('ABCD')}"])
        return f"{f.street_name()} {r.randint(1, 150)}{floor}{sep}{f.postcode()} {f.city()}"

    def value(self, slot: str, lang: str) -> tuple[str, str | None]:
        r = self.rng
        region = {"en": r.choice(["US", "GB"]), "es": "ES", "fr": "FR", "de": "DE"}[lang]
        makers: dict[str, Callable[[], tuple[str, str | None]]] = {
            "PERSON": lambda: (self.person(), "PERSON"),
            "EMAIL": lambda: (self.email(), "EMAIL"),
            "PHONE": lambda: (self.phone(region), "PHONE"),
            "CARD": lambda: (self.card(), "CARD"),
            "IBAN": lambda: (self.iban(), "IBAN"),
            "SSN": lambda: (str(self.fakers["en_US"].ssn()), "NATIONAL_ID"),
            "NINO": lambda: (self.nino(), "NATIONAL_ID"),
            "DNI": lambda: (r.choice([self.fakers["es_ES"].nif, self.fakers["es_ES"].nie])(),
                            "NATIONAL_ID"),
            "NIR": lambda: (str(self.fakers["fr_FR"].ssn()), "NATIONAL_ID"),
            "STEUERID": lambda: (self.steuer_id(), "NATIONAL_ID"),
            "IP": lambda: (r.choice([self.fakers["en_US"].ipv4_public, self.fakers["en_US"].ipv6])(),
                           "IP_ADDRESS"),
            "URL": lambda: (self._url(), "URL"),
            "DOB": lambda: (self.dob(lang), "DATE_OF_BIRTH"),
            "ADDRESS": lambda: (self.address({"en": r.choice(["US", "GB"]), "es": "ES",
                                              "fr": "FR", "de": "DE"}[lang]), "ADDRESS"),
            "UKPOSTCODE": lambda: (str(self.fakers["en_GB"].postcode()), "POSTCODE"),
            "ZIP": lambda: (str(self.fakers["en_US"].zipcode()), "POSTCODE"),
            "SORTCODE": lambda: (f"{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
                                 "BANK_ACCOUNT"),
            "ACCOUNTNO": lambda: (f"{r.randint(10_000_000, 99_999_999)}", "BANK_ACCOUNT"),
            "ROUTING": lambda: (self.routing(), "BANK_ACCOUNT"),
            # Not PII for this benchmark: must not be flagged.
            "ORDER": lambda: (f"LL-{r.randint(0, 999_999):06d}", None),
            "AMOUNT": lambda: (r.choice(["$", "£", "€"]) + f"{r.randint(5, 900)}.{r.randint(0, 99):02d}",
                               None),
            "PRODUCT": lambda: (r.choice(PRODUCTS), None),
            "DATE": lambda: ((dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 500))).strftime(
                r.choice(["%d/%m/%Y", "%B %d", "%d %B %Y", "%Y-%m-%d"])), None),
            "TRACKING": lambda: ("1Z" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTVWXYZ")
                                               for _ in range(16)), None),
            "NOTCARD": lambda: (self._luhn_failing(), None),
            "QTY": lambda: (str(r.randint(2, 12)), None),
        }
        return makers[slot]()

    def _url(self) -> str:
        f = self.fakers["en_US"]
        user = f.user_name()
        return self.rng.choice([
            f"https://photos.{f.domain_name()}/u/{user}/IMG_{self.rng.randint(1000, 9999)}.jpg",
            f"https://www.{f.domain_name()}/profile/{user}",
            f"www.{f.domain_name()}/{user}",
            f"https://drive.{f.domain_name()}/share?id={f.uuid4()[:8]}",
        ])

    def _luhn_failing(self) -> str:
        digits = self.card().replace(" ", "").replace("-", "")
        last = (int(digits[-1]) + self.rng.randint(1, 9)) % 10
        bad = digits[:-1] + str(last)
        return " ".join(bad[i : i + 4] for i in range(0, len(bad), 4))

    # ---- messages -----------------------------------------------------------------------
    def fill(self, template: str, lang: str) -> tuple[str, list[Span]]:
        builder = Builder()
        cursor = 0
        for match in _SLOT.finditer(template):
            builder.add(template[cursor : match.start()])
            value, label = self.value(match.group(1), lang)
            if label == "PERSON" and template[0].islower():
                value = value.lower()  # people often type their own name in lower case
            builder.add(value, label)
            cursor = match.end()
        builder.add(template[cursor:])
        return builder.text(), builder.spans

    def message(self, index: int) -> dict[str, object]:
        lang = self.rng.choices(["en", "es", "fr", "de"], weights=[55, 15, 15, 15])[0]
        template = self.rng.choice(TEMPLATES[lang])
        text, spans = self.fill(template, lang)
        return {"id": "", "lang": lang, "text": text, "spans": _spans_json(spans)}


def _spans_json(spans: list[Span]) -> list[dict[str, object]]:
    return [{"start": s, "end": e, "type": t} for s, e, t in spans]


PRODUCTS = [
    "Aurora Linen Duvet Cover", "Halden Brass Floor Lamp", "Marrakech Wool Rug", "Nordic Oak Side Table",
    "Stoneware Dinner Set", "Willow Cotton Sheets", "Copper Pendant Light", "Bamboo Bath Towels",
    "Cast Iron Casserole", "Velvet Cushion Cover", "Rattan Armchair", "Grace Ceramic Vase",
]

TEMPLATES: dict[str, list[str]] = {
    "en": [
        "Hi, my name is {PERSON} and I never received order {ORDER}. You can reach me at {EMAIL}.",
        "Hello, this is {PERSON}. My {PRODUCT} arrived damaged, order {ORDER}. Please call me on {PHONE}.",
        "Please update my delivery address to {ADDRESS}. Order {ORDER}, thanks!",
        "I was charged twice for {ORDER}. The card ending is on {CARD}, can you refund {AMOUNT}?",
        "Can you refund {AMOUNT} to my bank instead? IBAN: {IBAN}",
        "I'd like to return the {PRODUCT} from order {ORDER}. Ship the label to:\n{ADDRESS}\n\nThanks,\n{PERSON}",
        "My account was locked after a login from {IP}. My email is {EMAIL}.",
        "Date of birth: {DOB}. I need to verify my Loom Rewards account, email {EMAIL}.",
        "I was born on {DOB}, does that qualify me for the birthday discount?",
        "For the gift card refund use sort code {SORTCODE} and account number {ACCOUNTNO}.",
        "Routing number {ROUTING}, account number {ACCOUNTNO}. Please send the refund there.",
        "My SSN is {SSN}, I need it removed from my account notes right away.",
        "Here is my national insurance number {NINO} for the invoice, as your agent asked.",
        "I uploaded photos of the broken lamp here: {URL}",
        "Order {ORDER} placed on {DATE} still shows processing. Tracking {TRACKING} has no updates.",
        "Dear support,\nI ordered {QTY} {PRODUCT} on {DATE} but only got one. Order {ORDER}.\nKind regards,\n{PERSON}",
        "The reference on my statement is {NOTCARD}, is that your charge of {AMOUNT}?",
        "Please send it to my wife {PERSON}, phone {PHONE}, same address as before.",
        "Mr {PERSON} called about order {ORDER}; he wants a callback on {PHONE}.",
        "My postcode is {UKPOSTCODE}, can you deliver the {PRODUCT} on Saturday?",
        "ZIP code {ZIP}: is the {PRODUCT} available for delivery there?",
        "Hi team, {PERSON} here. I can't log in with {EMAIL}, reset link never arrives.",
        "I moved! New address is {ADDRESS}. Please also change my phone to {PHONE}.",
        "Cancel order {ORDER} please. I paid {AMOUNT} with card {CARD}.",
        "Hello, I need an invoice for order {ORDER} addressed to {PERSON}, {ADDRESS}.",
        "my name is {PERSON}, order {ORDER} is late and nobody answers {PHONE}",
        "Thanks for the quick help with the {PRODUCT}! Cheers, {PERSON}",
        "Please delete my data. Email {EMAIL}, phone {PHONE}, DOB {DOB}.",
        "Refund for {ORDER} should go to IBAN {IBAN}, account holder: {PERSON}.",
        "Where is my order {ORDER}? I ordered {QTY} items on {DATE}.",
        "The {PRODUCT} I bought on {DATE} stopped working. Order {ORDER}, {AMOUNT}.",
        "Can I change the colour of the {PRODUCT} in order {ORDER} before it ships?",
    ],
    "es": [
        "Hola, me llamo {PERSON} y mi pedido {ORDER} no ha llegado. Mi correo es {EMAIL}.",
        "Buenos días, mi teléfono es {PHONE}. El {PRODUCT} llegó roto.",
        "Por favor, envíen la devolución a {ADDRESS}. Gracias.",
        "Mi DNI es {DNI} y necesito la factura del pedido {ORDER}.",
        "Quiero el reembolso de {AMOUNT} en mi cuenta {IBAN}.",
        "Fecha de nacimiento: {DOB}. No puedo entrar en mi cuenta de Loom Rewards.",
        "El pedido {ORDER} del {DATE} sigue sin enviarse.\nSaludos,\n{PERSON}",
        "Me cobraron dos veces con la tarjeta {CARD}, pedido {ORDER}.",
    ],
    "fr": [
        "Bonjour, je m'appelle {PERSON}, ma commande {ORDER} n'est pas arrivée. Mon e-mail : {EMAIL}.",
        "Mon numéro de téléphone est le {PHONE}, merci de me rappeler.",
        "Veuillez livrer le {PRODUCT} au {ADDRESS}.",
        "Mon numéro de sécurité sociale est {NIR}, pourquoi me le demandez-vous ?",
        "Merci de rembourser {AMOUNT} sur mon IBAN {IBAN}.",
        "Date de naissance : {DOB}. Je voudrais fermer mon compte.",
        "La commande {ORDER} du {DATE} est incomplète.\nCordialement,\n{PERSON}",
        "J'ai payé avec la carte {CARD} mais la commande {ORDER} est annulée.",
    ],
    "de": [
        "Hallo, ich heiße {PERSON} und meine Bestellung {ORDER} ist nicht angekommen. E-Mail: {EMAIL}",
        "Bitte rufen Sie mich unter {PHONE} an, die {PRODUCT} ist beschädigt.",
        "Meine neue Lieferadresse ist {ADDRESS}.",
        "Meine Steuer-ID ist {STEUERID}, bitte auf der Rechnung angeben.",
        "Bitte erstatten Sie {AMOUNT} auf mein Konto {IBAN}.",
        "Geburtsdatum: {DOB}. Ich möchte mein Kundenkonto löschen.",
        "Die Bestellung {ORDER} vom {DATE} fehlt noch.\nViele Grüße\n{PERSON}",
        "Ich habe mit der Karte {CARD} bezahlt, Bestellung {ORDER}.",
    ],
}

# Hand-written hard cases. [[TYPE:value]] marks a labelled span; everything else is not PII.
HARD_CASES = [
    "Hi, I'm [[PERSON:Nguyễn Văn An]] and my parcel for order LL-482913 went missing.",
    "This is [[PERSON:Oluwaseun Adeyemi-Balogun]], please call [[PHONE:+234 803 123 4567]].",
    "my name is [[PERSON:priya raghunathan]] and i cant log in",
    "Please ship to\n[[ADDRESS:Flat 3, 14 Prince Albert Road\nLondon\nNW1 7SR]]\nthanks",
    "Send it to [[ADDRESS:1600 Amphitheatre Parkway, Mountain View, CA 94043]] please.",
    "Lieferung an [[ADDRESS:Karl-Marx-Allee 90\n10243 Berlin]], danke.",
    "Adresse : [[ADDRESS:8 bis rue de la Roquette, 75011 Paris]]",
    "Dirección: [[ADDRESS:Calle de Alcalá 42, 3º B\n28014 Madrid]]",
    "The number 4111 1111 1111 1112 on my receipt looks wrong, is it a card?",
    "Order LL-123456 and LL-654321 were both cancelled.",
    "My order number is LL-7734210? No wait, LL-773421.",
    "Tracking 1Z999AA10123456784 says delivered but nothing arrived.",
    "Will you deliver on May 3? Mark the box fragile please.",
    "Grace Ceramic Vase was chipped. I paid £49.99 on 12/03/2024.",
    "I spoke to [[PERSON:Zhang Wei]] yesterday and [[PERSON:Fatima Al-Zahra]] today about the refund.",
    "Regards,\n[[PERSON:Chukwuemeka Okonkwo]]",
    "Mit freundlichen Grüßen\n[[PERSON:Jürgen Müller-Lüdenscheidt]]",
    "[[PERSON:Mehmet Yılmaz]] here, card [[CARD:5500 0000 0000 0004]] was declined.",
    "Ms [[PERSON:Xochitl Huanca]] would like a callback on [[PHONE:(415) 555-0132]].",
    "My DOB is [[DATE_OF_BIRTH:29/02/1988]] and the form says invalid.",
    "Call me: [[PHONE:07700 900123]]. My order LL-100200 is stuck.",
    "The rug is 160 x 230 cm and cost €189,00, article 4006381333931.",
    "I have 12000 Loom Rewards points, can I use them?",
    "My IP is [[IP_ADDRESS:2001:db8:85a3::8a2e:370:7334]] if that helps your IT team.",
    "Version 1.2.3 of the app crashes at 10:30 every day.",
    "Dr. [[PERSON:Anjali Venkataraman]] ordered the lamp for her clinic.",
    "je m'appelle [[PERSON:Amélie Poulain]] et ma commande est en retard",
    "ich heiße [[PERSON:Björn Öztürk]] und warte auf meine Lampe.",
    "me llamo [[PERSON:Ximena Quispe Mamani]], mi pedido no llegó",
    "Thanks,\n[[PERSON:Aroha Ngata]]",
    "[[PERSON:Kwame Mensah]] and [[PERSON:Adaeze Nwosu]] share the account [[EMAIL:family.mensah@example.org]].",
    "Gift card code GC-8831-2291-0042 isn't working.",
    "Your agent said to quote ticket #88213 and case 2024-00981.",
    "SSN [[NATIONAL_ID:219-09-9998]]? No, that's not mine, my SSN is [[NATIONAL_ID:536-90-4399]].",
    "NIE [[NATIONAL_ID:X1234567L]] para la factura.",
    "Steuer-ID: [[NATIONAL_ID:86095742719]]",
    "Phone 555-0100 is the shop's, not mine.",
    "The lamp in room 1204 at 221B flickers.",
    "Payment ref 1234567890123456 failed.",
    "Sort code [[BANK_ACCOUNT:20-00-00]], account [[BANK_ACCOUNT:55779911]].",
]


def _parse_hard(case: str) -> tuple[str, list[Span]]:
    builder = Builder()
    cursor = 0
    for match in re.finditer(r"\[\[(\w+):(.*?)\]\]", case, re.DOTALL):
        builder.add(case[cursor : match.start()])
        builder.add(match.group(2), match.group(1))
        cursor = match.end()
    builder.add(case[cursor:])
    return builder.text(), builder.spans


def build(split: str, seed: int, hard: list[str]) -> list[dict[str, object]]:
    generator = Generator(seed, heldout=split == "heldout")
    rows = [generator.message(i) for i in range(PER_SPLIT)]
    for case in hard:
        text, spans = _parse_hard(case)
        rows.append({"id": "", "lang": "xx", "text": text, "spans": _spans_json(spans)})
    random.Random(seed).shuffle(rows)
    for i, row in enumerate(rows):
        row["id"] = f"{split}-{i:04d}"
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    splits = {
        "dev": build("dev", SEED, HARD_CASES[0::2]),
        "heldout": build("heldout", SEED + 1, HARD_CASES[1::2]),
    }
    for split, rows in splits.items():
        path = OUT / f"{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} messages to {path}")


if __name__ == "__main__":
    main()
