# ruff: noqa: E501  (message templates read better unwrapped)
"""Generate the training corpus for the learned tagger: labelled PERSON and ADDRESS spans.

Deterministic for a seed. Names and addresses come from Faker's providers for many locales
(plus names built from syllables, in no list); the templates are written here and differ from
bench/pii_dataset.py's. Noise on purpose: lower case, quoted replies, signatures, lists,
credits lines, e-mail headers, typos. Needs `faker` (the `train` extra), at training time only.

`locales_out` holds locales back entirely, so evaluation can use names and address formats the
model never saw.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int, str]

NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_NZ", "en_PK", "es_ES", "es_MX",
    "es_AR", "es_CO", "es_CL", "fr_FR", "fr_CA", "fr_BE", "fr_CH", "de_DE", "de_AT", "de_CH",
    "it_IT", "nl_NL", "nl_BE", "pt_PT", "pt_BR", "pl_PL", "sv_SE", "no_NO", "da_DK", "fi_FI",
    "et_EE", "is_IS", "hu_HU", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "ro_RO", "lt_LT", "lv_LV",
    "tr_TR", "vi_VN", "id_ID", "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "sw", "tw_GH", "ga_IE",
    "az_AZ", "el_GR",
)
ADDRESS_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR",
    "fr_CA", "fr_CH", "es_ES", "es_MX", "it_IT", "nl_NL", "nl_BE", "pt_PT", "pt_BR", "pl_PL",
    "sv_SE", "no_NO", "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "sk_SK", "sl_SI", "hr_HR",
)
# Held out by default when the corpus is used to evaluate the tagger on unseen locales.
HELD_OUT_LOCALES = ("lt_LT", "is_IS", "vi_VN", "tw_GH", "hr_HR", "sl_SI", "en_NZ", "da_DK")
_SYLLABLES = ("ka", "lo", "mi", "zu", "ren", "ta", "vo", "shi", "dar", "en", "ul", "ba", "nir",
              "o", "qua", "fe", "li", "sor", "ya", "tem", "wa", "ki", "xan", "bel", "dro", "um",
              "tuu", "ra", "sz", "ő", "þór", "hild", "ur", "nne", "eva", "gy")
_EE_STREETS = ("Tamme", "Pärna", "Kase", "Vana", "Uus", "Kesk", "Männi", "Metsa", "Aia", "Jõe",
               "Kalda", "Pikk", "Lai", "Narva", "Tartu", "Pärnu", "Nõmme", "Kooli", "Raua", "Vee")
_EE_TYPES = ("tn", "tänav", "mnt", "maantee", "pst", "puiestee", "põik", "tee")
_EE_CITIES = ("Tallinn", "Tartu", "Pärnu", "Narva", "Viljandi", "Rakvere", "Kuressaare", "Haapsalu",
              "Kaarepere", "Võru", "Valga", "Jõhvi", "Paide", "Keila", "Elva", "Saue")
_EE_LOCALES = ("et_EE",)
_ROLES = ("Customer Success Manager", "Head of Procurement", "Office Manager", "Director", "CEO",
          "Buyer", "Accounts Payable", "Operations Lead", "Founder", "Student", "Nurse", "Teacher")
_COMPANIES = ("Northwind Traders", "Acme Ltd", "Blue Harbour GmbH", "Sol y Mar SL", "Fjord AS",
              "Kivi OÜ", "Lumière SARL", "Oak & Ash", "Brightline BV", "Tatra s.r.o.")
_PRODUCTS = ("Grace Ceramic Vase", "Halden Brass Floor Lamp", "Willow Cotton Sheets", "Rattan Armchair",
             "Oslo Oak Table", "Nova Wireless Charger", "Aurora Desk Lamp", "Linen Duvet Cover",
             "Marble Coaster Set", "Everest Hiking Boots", "Jasper Wool Throw", "Milan Sofa")
_PRODUCT_NAMES = ("Aurora", "Halden", "Willow", "Grace", "Oslo", "Nova", "Jasper", "Milan", "Kyoto",
                  "Luna", "Sierra", "Harper", "Marlowe", "Ingrid", "Bergen", "Siena", "Avery", "Rosa",
                  "Elsa", "Atlas", "Iris", "Maya", "Otto", "Leo", "Clara", "Hugo", "Vera", "Nils")
_MATERIALS = ("Oak", "Linen", "Cotton", "Brass", "Ceramic", "Rattan", "Bamboo", "Marble", "Wool",
              "Velvet", "Cast Iron", "Copper", "Walnut", "Glass", "Leather", "Jute", "Steel", "Silk")
_ITEMS = ("Vase", "Floor Lamp", "Sheets", "Armchair", "Table", "Throw", "Casserole", "Bath Towels",
          "Rug", "Mirror", "Duvet Cover", "Sofa", "Stool", "Desk", "Candle", "Planter", "Bowl",
          "Curtains", "Pillow", "Headboard", "Kettle", "Tray", "Shelf", "Clock", "Basket")
_GREETINGS = ("Hi", "Hello", "Hej", "Hei", "Moi", "Tere", "Hallo", "Salve", "Ciao", "Hola", "Bonjour",
              "Dzień dobry", "Olá", "Goedemiddag", "Guten Tag", "Gentili signori", "Dear", "Hiya",
              "Good morning", "Buongiorno", "God dag", "Hoi", "Cześć", "Bom dia", "Estimado", "Sehr geehrte Damen und Herren")
_SIGNOFFS = ("Thanks", "Regards", "Mvh", "Venlig hilsen", "Med vänliga hälsningar", "Pozdrawiam",
             "Cumprimentos", "Met vriendelijke groet", "Aitäh", "Kiitos", "Tack", "Takk", "Grazie mille",
             "Dziękuję", "Obrigado", "Un saludo", "Cordiali saluti", "Ystävällisin terveisin",
             "Lugupidamisega", "Mit freundlichen Grüßen", "Cordialement", "Kind regards", "Cheers",
             "thx", "ty", "Hälsningar", "Hilsen", "Groetjes", "Saludos", "Bien à vous", "Terveisin")
_INTROS = ("jag heter", "mitt namn är", "ich heiße", "je m'appelle", "mi chiamo", "me llamo",
           "nazywam się", "olen", "minu nimi on", "mit navn er", "ik ben", "mijn naam is",
           "o meu nome é", "soy", "my name is", "I am", "this is", "mein Name ist", "je suis",
           "sono", "jeg heter", "jeg hedder", "nimeni on", "eu sou", "jestem")
_RELATIVES = ("my mum", "my mother", "my dad", "my late father", "my wife", "my husband", "my son",
              "Min mor", "min far", "mia madre", "mio marito", "ma femme", "mein Mann", "meine Mutter",
              "mi abuela", "mijn vader", "moja mama", "minha mãe", "äitini", "my colleague", "our tenant")
_DISCLAIMERS = (
    "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee.",
    "This message may contain privileged information. If you received it in error, please delete it.",
    "Please consider the environment before printing this e-mail.",
    "Sent from my iPhone",
    "Get Outlook for Android",
    "Any views expressed are those of the author and not of the company.",
    "Diese E-Mail ist vertraulich und nur für den Empfänger bestimmt.",
    "Ce message est confidentiel et destiné uniquement à son destinataire.",
)
_NON_NAMES = ("Customer Service", "Support Team", "Dear Sir or Madam", "New York", "Black Friday",
              "Prime Day", "Visa Debit", "Royal Mail", "Apple Pay", "Google Maps", "Monday", "March",
              "Order Team", "Returns Department", "Thank You", "Best Buy", "Main Street Store")


@dataclass
class _Builder:
    parts: list[str]
    spans: list[Span]
    length: int = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label and text:
            self.spans.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)


_SLOT = re.compile(r"\{(\w+)\}")


def _fix_set_order(faker: Any) -> None:
    """Sort the providers' word lists that Faker builds from sets (it_IT's cities are
    `list({...})`): their order follows the string hash, so the same seed would give another
    corpus under another PYTHONHASHSEED. Sorted, a seed gives one corpus everywhere."""
    import inspect

    for provider in faker.get_providers():
        names = {name for klass in type(provider).__mro__ for name in vars(klass)}
        for name in sorted(names):
            value = inspect.getattr_static(provider, name)
            if (isinstance(value, list) and value and not name.startswith("__")
                    and all(isinstance(v, str) for v in value)):
                setattr(provider, name, sorted(value))


class CorpusGenerator:
    """Labelled messages: `text` and `spans` [(start, end, "PERSON" | "ADDRESS")]."""

    def __init__(self, seed: int, *, locales_out: Sequence[str] = (), only: Sequence[str] = ()) -> None:
        try:
            from faker import Faker
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                "training the PII tagger needs Faker: pip install 'trustdesk[train]'"
            ) from exc
        self.rng = random.Random(seed)
        keep: Callable[[str], bool] = (lambda loc: loc in only) if only else (lambda loc: loc not in locales_out)
        self.name_locales = [loc for loc in NAME_LOCALES if keep(loc)]
        self.address_locales = [loc for loc in (*ADDRESS_LOCALES, *_EE_LOCALES) if keep(loc)]
        self.fakers: dict[str, Any] = {}
        for i, loc in enumerate(sorted({*self.name_locales, *self.address_locales} - set(_EE_LOCALES) | {"en_US"})):
            faker = Faker(loc)
            faker.seed_instance(seed * 1000 + i)
            _fix_set_order(faker)
            self.fakers[loc] = faker

    # ---- values ------------------------------------------------------------------------
    def _faker(self, loc: str) -> Any:
        return self.fakers.get(loc) or self.fakers["en_US"]

    def person(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.1 or not self.name_locales:
            parts = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                     for _ in range(rng.randint(2, 3))]
            return " ".join(parts)
        fake = self._faker(rng.choice(self.name_locales))
        first, last = fake.first_name(), fake.last_name()
        style = rng.random()
        if style < 0.45:
            name = f"{first} {last}"
        elif style < 0.55:
            name = f"{first} {fake.first_name()[0]}. {last}"
        elif style < 0.62:
            name = f"{first} {fake.first_name()} {last}"
        elif style < 0.7:
            # The title stays outside the span: "Dr." is not the person.
            title = rng.choice(("Mr", "Mrs", "Ms", "Dr", "Dr.", "Mr.", "Prof.", "Sra.", "Herr", "Mme"))
            name = f"\x00{title} {last}"
        elif style < 0.74:
            initials = "".join(f"{c}." for c in (first[0], fake.first_name()[0]))
            name = rng.choice((f"{initials} {last}", f"{first[0]}. {fake.first_name()[0]}. {last}",
                               f"{first} {fake.last_name()[0]}. {last}"))
        elif style < 0.77:
            particle = rng.choice(("Ó", "Ní", "Mac", "Nic", "bin", "binti", "al-", "van der", "van 't",
                                   "de la", "dos", "da", "von", "di", "Mc", "O'", "D'"))
            joiner = "" if particle.endswith(("-", "'")) else " "
            name = f"{first} {particle}{joiner}{last}"
        elif style < 0.8:
            name = rng.choice((first, f"{last.upper()} {first}", f"{first} {last.upper()}"))
        elif style < 0.85:
            name = f"{first[0]}. {last}"
        elif style < 0.9:
            name = f"{last}, {first}"
        else:
            name = f"{first} {last}-{fake.last_name()}"
        case = rng.random()
        if case < 0.08:
            name = name.lower()
        elif case < 0.11:
            name = name.upper()
        if name.startswith("\x00") and case < 0.11:
            name = "\x00" + name[1:].split(" ", 1)[0].capitalize() + " " + name.split(" ", 1)[1]
        return name

    def address(self, multiline: bool = False) -> str:
        rng = self.rng
        loc = rng.choice(self.address_locales) if self.address_locales else "en_US"
        if loc == "et_EE":
            street = f"{rng.choice(_EE_STREETS)} {rng.choice(_EE_TYPES)} {rng.randint(1, 120)}"
            if rng.random() < 0.3:
                street += f"-{rng.randint(1, 40)}"
            lines = [street, f"{rng.randint(10000, 99999)} {rng.choice(_EE_CITIES)}"]
            if rng.random() < 0.3:
                lines[-1] = f"{rng.choice(_EE_CITIES)}, Estonia {rng.randint(10000, 99999)}"
        else:
            fake = self._faker(loc)
            roll = rng.random()
            if loc == "en_US" and roll < 0.06:
                lines = [fake.military_ship() + " " + fake.last_name(), f"FPO {fake.military_state()} {fake.postalcode()}"] \
                    if rng.random() < 0.5 else [fake.military_dpo()]
            else:
                try:
                    text = fake.address()
                except AttributeError:  # pragma: no cover - locale without addresses
                    text = self.fakers["en_US"].address()
                lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
                if rng.random() < 0.25 and hasattr(fake, "secondary_address"):
                    lines[0] = f"{lines[0]}, {fake.secondary_address()}"
                if rng.random() < 0.15:
                    lines.append(fake.current_country())
        text = "\n".join(lines) if multiline else ", ".join(lines)
        if rng.random() < 0.1:
            text = text.lower()
        return text

    def decorated_address(self, multiline: bool) -> str:
        """An address with what real ones carry: a flat or unit first, a house name, a PO box."""
        rng = self.rng
        base = self.address(multiline=multiline)
        sep = "\n" if multiline else ", "
        roll = rng.random()
        if roll < 0.15:
            unit = rng.choice((f"Flat {rng.randint(1, 40)}", f"Apartment {rng.randint(1, 300)}",
                               f"Appartement {rng.randint(1, 60)}, Bât. {rng.choice('ABCD')}",
                               f"Unit {rng.randint(1, 20)}", f"Suite {rng.randint(100, 999)}",
                               f"{rng.randint(1, 9)}. OG", f"Hinterhaus {rng.randint(1, 4)}. OG",
                               f"lgh {rng.randint(1000, 1999)}", f"App. {rng.randint(1, 60)}"))
            return f"{unit}{sep}{base}"
        if roll < 0.22:
            house = rng.choice(("The Old Rectory", "Rose Cottage", "Mill House", "The Stables",
                                "Villa Sole", "Casa Azul", "Haus Sonnenblick"))
            return f"{house}{sep}{base}"
        if roll < 0.3:
            fake = self._faker(rng.choice(self.address_locales or ["en_US"]))
            box = rng.choice((f"PO Box {rng.randint(10, 9999)}", f"P.O. Box {rng.randint(10, 999)}",
                              f"Postfach {rng.randint(10, 9999)}", f"Postbus {rng.randint(10, 9999)}",
                              f"Box {rng.randint(10, 999)}", f"Apartado {rng.randint(10, 999)}"))
            return f"{box}{sep}{fake.postcode()} {fake.city()}"
        return base

    def email(self) -> str:
        return str(self.fakers["en_US"].email())

    def phone(self) -> str:
        loc = self.rng.choice(self.address_locales) if self.address_locales else "en_US"
        return str(self._faker(loc).phone_number())

    def date(self) -> str:
        return str(self.fakers["en_US"].date(pattern=self.rng.choice(["%d/%m/%Y", "%B %d, %Y", "%d %b %Y", "%Y-%m-%d"])))

    def product(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(_PRODUCTS)
        if roll < 0.45:
            return str(self.fakers["en_US"].catch_phrase()).title()
        words = [rng.choice(_PRODUCT_NAMES), rng.choice(_MATERIALS), rng.choice(_ITEMS)]
        if rng.random() < 0.4:
            words = words[rng.randint(0, 1):]
        return " ".join(words)

    # ---- templates ---------------------------------------------------------------------
    def sentence(self) -> tuple[str, list[Span]]:
        rng = self.rng
        template = rng.choice(_TEMPLATES)
        builder = _Builder([], [])
        pos = 0
        for match in _SLOT.finditer(template):
            builder.add(template[pos : match.start()])
            slot = match.group(1)
            if slot == "P":
                person = self.person()
                if person.startswith("\x00"):
                    title, person = person[1:].split(" ", 1)
                    builder.add(title + " ")
                builder.add(person, "PERSON")
            elif slot == "A":
                builder.add(self.decorated_address(False), "ADDRESS")
            elif slot == "AM":
                builder.add(self.decorated_address(True), "ADDRESS")
            elif slot == "E":
                builder.add(self.email())
            elif slot == "PH":
                builder.add(self.phone())
            elif slot == "D":
                builder.add(self.date())
            elif slot == "PR":
                builder.add(self.product())
            elif slot == "LOREM":
                loc = rng.choice(("de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "en_US"))
                builder.add(str(self._faker(loc).sentence(nb_words=rng.randint(4, 12))))
            elif slot == "NN":
                builder.add(rng.choice(_NON_NAMES))
            elif slot == "CO":
                builder.add(rng.choice(_COMPANIES))
            elif slot == "RO":
                builder.add(rng.choice(_ROLES))
            elif slot == "CITY":
                builder.add(str(self._faker(rng.choice(self.address_locales or ["en_US"])).city()))
            elif slot == "GR":
                builder.add(rng.choice(_GREETINGS))
            elif slot == "SO":
                builder.add(rng.choice(_SIGNOFFS))
            elif slot == "IN":
                builder.add(rng.choice(_INTROS))
            elif slot == "REL":
                builder.add(rng.choice(_RELATIVES))
            elif slot == "DIS":
                builder.add(rng.choice(_DISCLAIMERS))
            elif slot == "PRICE":
                amount = f"{rng.randint(3, 2000)},{rng.randint(0, 99):02d}" if rng.random() < 0.5 else f"{rng.randint(3, 2000)}.{rng.randint(0, 99):02d}"
                builder.add(rng.choice((f"€{amount}", f"EUR {amount}", f"{amount} €", f"${amount}", f"£{amount}", f"{amount} kr", f"{amount} zł")))
            elif slot == "TIME":
                builder.add(rng.choice((f"{rng.randint(1, 12)} PM", f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} AM", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", f"[{rng.randint(1, 12)}:{rng.randint(10, 59)} PM]")))
            elif slot == "SKU":
                builder.add(f"{rng.choice(['SKU', 'ref.', 'PO number', 'invoice', 'Lasku', 'Fakturan', 'booking'])} {rng.choice(['EY', 'RE', 'FV', 'HX', 'KT'])}-{rng.randint(1000, 9999999)}")
            elif slot == "ODATE":
                builder.add(self.date().replace("19", "20", 1) if rng.random() < 0.5 else self.date())
            elif slot == "N":
                builder.add(str(rng.randint(2, 99999)))
            elif slot == "ORD":
                builder.add(f"{rng.choice(['LL', 'ORD', '#', 'A'])}-{rng.randint(100000, 999999)}")
            pos = match.end()
        builder.add(template[pos:])
        return "".join(builder.parts), builder.spans

    def message(self) -> tuple[str, list[Span]]:
        """One to three sentences, with noise applied outside the labelled spans."""
        rng = self.rng
        pieces: list[tuple[str, list[Span]]] = [self.sentence() for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        text, spans = "", list[Span]()
        for i, (piece, piece_spans) in enumerate(pieces):
            sep = "" if i == 0 else rng.choice((" ", " ", "\n", "\n\n"))
            offset = len(text) + len(sep)
            text += sep + piece
            spans.extend((s + offset, e + offset, t) for s, e, t in piece_spans)
        roll = rng.random()
        if roll < 0.15:
            text = text.lower()
        elif roll < 0.25:
            text, spans = _quote(text, spans)
        if rng.random() < 0.15:
            text = _typos(text, spans, rng)
        return text, spans

    def messages(self, n: int) -> Iterator[tuple[str, list[Span]]]:
        for _ in range(n):
            yield self.message()


def _quote(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Prefix every line with '> ' (an e-mail reply), moving the spans with their text."""
    out: list[str] = []
    mapping: list[int] = []
    length = 0
    at_line_start = True
    for ch in text:
        if at_line_start:
            out.append("> ")
            length += 2
        mapping.append(length)
        out.append(ch)
        length += 1
        at_line_start = ch == "\n"
    mapping.append(length)
    quoted = "".join(out)
    return quoted, [(mapping[s], mapping[e - 1] + 1, t) for s, e, t in spans]


def _typos(text: str, spans: list[Span], rng: random.Random) -> str:
    """Swap two adjacent letters in a few words outside the labelled spans (same length)."""
    chars = list(text)
    inside = {c for s, e, _ in spans for c in range(s, e)}
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(max(1, len(chars) - 1))
        if i in inside or i + 1 in inside or not (chars[i].isalpha() and chars[i + 1].isalpha()):
            continue
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


_TEMPLATES = (
    # introductions
    "my name is {P} and I ordered the {PR} last week.",
    "Hi, {P} here - the {PR} arrived broken.",
    "This is {P} from {CO}, following up on {ORD}.",
    "I'm {P}, I placed order {ORD} on {D}.",
    "Name: {P}\nOrder: {ORD}",
    "Full name - {P}",
    "Customer: {P}",
    "account holder {P}, email {E}",
    "hello, it's {P} again about the refund",
    "{P} says the parcel never came.",
    "According to {P}, the courier left it at the door.",
    "My colleague {P} ordered the {PR} for our office.",
    "I spoke with {P} on the phone yesterday and she promised a refund.",
    "Please ask for {P} at reception when you deliver.",
    "{P} (my husband) will collect the parcel.",
    "The package was signed for by {P}, who does not live here.",
    "cc {P}, {P}",
    "Attendees: {P}, {P} and {P}.",
    "Directed by: {P}",
    "Reviewed by {P} on {D}.",
    "Organiser: {P} ({RO})",
    "- {P}, {RO}",
    "Agent {P} told me to write here.",
    "Can {P} call me back on {PH}?",
    "Is {P} still handling my case?",
    "my daughter {P} uses my account",
    "Gift for {P} - please do not include the invoice.",
    "Thanks {P}, that solved it!",
    "Dear {P},\nThank you for your message.",
    "Hola {P}, gracias por la ayuda.",
    "Bonjour, je m'appelle {P} et j'attends ma commande {ORD}.",
    "Hallo, ich bin {P} und meine Bestellung fehlt.",
    # signatures and headers
    "Thanks,\n{P}",
    "Best regards,\n{P}\n{RO}\n{CO}",
    "Kind regards\n{P} | {CO} | {PH}",
    "--\n{P}\n{RO}, {CO}\nM: {PH}",
    "Cheers, {P}",
    "Sent from my phone - {P}",
    "From: {P} <{E}>\nSubject: order {ORD}",
    "On {D}, {P} <{E}> wrote:",
    "{P} wrote:\n> where is my order?",
    "Saludos,\n{P}",
    "Cordialement,\n{P}",
    "Viele Grüße\n{P}",
    # addresses
    "Please ship it to {A}.",
    "my address is {A}",
    "I live at {A} and the courier could not find it.",
    "Ship to:\n{P}\n{AM}",
    "Delivery address:\n{AM}",
    "New address: {A} (since {D})",
    "Deliver to: {A}, leave with the neighbour.",
    "Send the invoice to {P}, {A}.",
    "The parcel went to {A} instead of {A}.",
    "I moved from {A} to {A} last month.",
    "Billing address\n{AM}\n\nShipping address\n{AM}",
    "{P}\n{AM}\n{PH}",
    "return label for {A} please",
    "Can you collect it from {A} on {D}?",
    "Mi dirección es {A}.",
    "Mon adresse : {A}",
    "Meine Adresse ist {A}.",
    "Address: {A}",
    # negatives: capitalised words that are not names, places alone, product names
    "The {PR} from {NN} is out of stock in {CITY}.",
    "Is the {PR} available for delivery to {CITY}?",
    "I ordered {N} units of the {PR} on {NN}.",
    "{NN} told me the {PR} ships on {D}.",
    "Order {ORD} was charged twice, please refund.",
    "Hi {NN}, the {PR} is great but the box was damaged.",
    "When will the {PR} be back in stock?",
    "Our shop in {CITY} sells the {PR}.",
    "I paid with {NN} but the order {ORD} is still pending.",
    "The tracking says it is at the {CITY} depot since {D}.",
    "Thank you so much for the quick help!",
    "Can I change the colour of the {PR}?",
    "please cancel order {ORD}, thanks",
    "{LOREM}",
    "{LOREM} {LOREM}",
    "Bitte erstatten Sie den Betrag für {ORD}. {LOREM}",
    "Kundenkonto löschen bitte, {LOREM}",
    "Veuillez livrer le {PR} au {A}.",
    "Por favor envíen el {PR} a {A}.",
    "Bitte liefern Sie den {PR} an {A}.",
    "Please send the {PR} to {P} at {A}.",
    "Can the {PR} go to {A}? Thanks, {P}",
    "{PR} - {N} EUR - {PR} - {N} EUR",
    "Rechnung an: {P}, {A}",
    "{GR} {P},\n{LOREM}",
    "{GR}! {LOREM}",
    "{GR}, {IN} {P} and {LOREM}",
    "{IN} {P}. {LOREM}",
    "{SO},\n{P}",
    "{SO}\n{P}\n\n{DIS}",
    "{SO} {P}",
    "{REL} {P} passed away on {D}.",
    "{REL} {P} needs access to the account.",
    "{AM}\n\n{SO},\n{P}",
    "{AM}\n{SO}\n{P}\n{DIS}",
    "Ship to {A}. {SO}, {P}",
    "{DIS}",
    "I was charged twice ({PRICE}) on {ODATE}.",
    "please return {N} x {SKU} ({PRICE} each) by {ODATE}.",
    "{TIME} Customer: {LOREM}",
    "{TIME}, {CO}: thanks for waiting.",
    "{SKU} was paid on {ODATE}, {PRICE}.",
    "Delivery on {ODATE} between {TIME} and {TIME}.",
    "my order from {ODATE} and {ODATE} never came",
    "UK plug or EU plug? {LOREM}",
    "PO box, not a street address: {A}",
    "Customer name: {P}",
    "Attn: {P}\n{AM}",
    "t.n.v. {P}",
    "Requested by: {P}",
    "Reported by: {P}",
    "from: {P}\nsent: {ODATE}",
    "{N}. {P} – {D} – passport {N}\n{N}. {P} – {D} – passport {N}",
    "Ring me on {PH}. /{P}",
    "{SO} {P}",
    "account holder {P}, dob {D}",
    "The package was addressed to {P}.",
    "Please correct the passenger name from {P} to {P}.",
    "{P} ({REL})",
    "I write on behalf of {REL} {P}, who lives at {A}.",
    "the address is {A}",
    "Pickup address: {A}",
    "Sede: {A}",
    "The old one was {A}",
    "The {PR} and the {PR} arrived, but not the invoice.",
)
