"""Spans no person is called: checks every PERSON candidate passes before it can be kept.

Recognisers propose names from capitalisation, cues ("Dear ...") and the tagger's guesses; on
text nobody here wrote, the false ones fall into a few kinds, each refused here with a reason:
an addressee or greeting and nothing else ("Dear Sir", "Good afternoon"), an acronym or a
carrier ("USPS", "PIN", "IMEI"), an organisation ("Banco Meridiano", "Tienda Sol team"), a
month next to a day or year ("exp Jun 11 2026"), a postscript ("P.S. Wrong size"), a phrase
that mixes a lower-case word that is no name particle with a capitalised one ("seines
Vertrags", "Transfer failed") and a capitalised word right after "in" or "near" ("I'm in
Aarhus"). Each check reads only the span and a few characters around it.
"""

from __future__ import annotations

import re

from trustdesk.privacy.pii.recognizers.dates import MONTH_NAMES

# The whole span being these is no name: addressees, greetings, acronyms, carriers.
_NOT_NAMES = frozenset(
    [
        # addressees and greetings
        "sir", "sirs", "madam", "madame", "mesdames", "messieurs", "team", "customer",
        "customers", "service", "services", "support", "all", "everyone", "everybody", "there",
        "colleague", "colleagues", "friend", "friends", "both", "good", "morning", "afternoon",
        "evening", "day", "night", "goedemiddag", "goedemorgen", "goedenavond", "buenos", "días",
        "dias", "buenas", "tardes", "bonjour", "bonsoir", "guten", "morgen", "abend", "tag",
        "hyvää", "huomenta", "päivää", "god", "morgon", "dag", "hello", "hi", "hey", "dear",
        "thanks", "regards", "cheers", "sender", "recipient", "whom", "concern",
        # identifiers' names and other acronyms people capitalise
        "pin", "ssn", "iban", "bic", "swift", "imei", "gdpr", "sim", "esim", "nif", "nie", "dni",
        "cvv", "cvc", "otp", "dob", "vat", "iva", "tva", "mwst", "faq", "sms", "pac", "puk",
        "id", "ok", "pdf", "url", "ip", "eu", "uk", "usa", "nhs", "irs", "hmrc", "dvla", "dmv",
        "atm", "pos", "ceo", "cto", "hr", "it", "ps", "p.s", "p.p.s", "nb", "asap", "fyi", "ref",
        # carriers and banks that sign or are named in support mail
        "usps", "ups", "dhl", "dpd", "gls", "fedex", "tnt", "omniva", "hermes", "inpost",
        "postnl", "bpost", "colissimo", "correos", "posti", "postnord", "bring", "evri",
        "aib", "hsbc", "ing", "rbs", "bbva", "abn", "amro", "seb", "nordea", "revolut",
        "monzo", "n26", "paypal", "klarna", "amazon", "ebay", "apple", "google", "microsoft",
        # devices and apps named in footers ("Sent from my Samsung Galaxy")
        "samsung", "galaxy", "iphone", "ipad", "pixel", "android", "outlook", "thinkpad",
        "kindle", "roomba", "playstation", "xbox", "nintendo", "macbook", "windows", "whatsapp",
        # "Sent from my iPhone" and its translations, sign-offs and greetings of other languages
        "sent", "sendt", "skickat", "lähetetty", "enviado", "envoyé", "verzonden", "wysłane",
        "inviato", "saadetud", "gesendet", "moin", "vielen", "dank", "bonne", "journée", "caro",
        "cara", "oi", "olá", "hej", "hei", "lg", "mvh", "vg", "tere", "ciao", "hola", "salut",
        "grüß", "servus", "liebe", "lieber", "estimado", "estimada", "querido", "querida",
        # words that open a question or sentence in the messages' languages
        "kas", "onko", "missä", "finns", "fås", "hvad", "vad", "vi", "er", "ist", "är", "har",
        "kan", "wie", "warum", "wann", "qué", "dónde", "cuándo", "où", "quand", "est-ce",
        "necesito", "ärge", "kolisin", "mudei", "podem", "czy", "gdzie", "waar", "wanneer",
    ]
) | frozenset(
    [
        # sign-offs and greetings, one word each, in the support languages
        "mvg", "groetjes", "groet", "groeten", "hilsen", "hälsningar", "hälsning", "pozdrawiam",
        "pozdrowienia", "saludos", "cordialement", "grüße", "grüsse", "gruß", "terveisin",
        "kiitos", "aitäh", "tervitades", "tervitusega", "lugupidamisega", "dziękuję", "dzięki",
        "buongiorno", "bongiorno", "buonasera", "salve", "grazie", "merci", "obrigado",
        "obrigada", "atenciosamente", "cumprimentos", "gracias", "atentamente", "danke",
        "tack", "takk", "tak", "mange", "venlig", "vennlig", "vänliga", "hallå", "hallo", "hoi",
        "kære", "kaere", "kjære", "bästa", "liebes", "geachte", "beste", "estimados",
        "prezados", "prezado", "caros", "exmos", "exmo", "exma", "senhores", "senhor",
        "senhora", "gentile", "gentili", "egregio", "spettabile", "distinti", "cordiali",
        "szanowni", "szanowny", "szanowna", "drodzy", "dzień", "dobry", "bom", "boa",
        "bonjur", "hejsan", "moikka", "terve", "päivää", "tervehdys", "ahoj",
        # words that open a sentence: pronouns, articles, question words, common verbs
        "miksi", "mikä", "milloin", "voitteko", "voisitteko", "olen", "minun", "meidän",
        "ingen", "inte", "jeg", "jag", "vi", "mitt", "mine", "mina", "kortet", "det", "var",
        "hvor", "hvordan", "hvorfor", "när", "varför", "hur", "kunne",
        "kunde", "skal", "ska", "vil", "vill", "har", "kan", "ikke", "eller", "og", "och",
        "ich", "wir", "sie", "mein", "meine", "unser", "bitte", "leider", "können", "könnten",
        "ihr", "hier", "wo", "je", "nous", "vous", "mon", "notre", "pouvez", "pourriez",
        "est-il", "voici", "nuestro", "pueden", "podrían", "podéis",
        "hay", "tengo", "gli", "potete", "potreste", "vorrei", "ho", "ik",
        "wij", "mijn", "onze", "kunnen", "kunt", "graag", "helaas", "eu", "nós", "meu",
        "minha", "poderiam", "gostaria", "tenho", "moja", "mój", "proszę", "prosimy", "minu",
        "meie", "palun", "mul",
        "english", "deutsch", "français", "español", "italiano", "svenska", "norsk", "dansk",
        "suomi", "eesti", "polski", "português", "nederlands",
        # words that label a field or a role before a name
        "name", "nome", "nom", "nombre", "naam", "navn", "namn", "nimi", "nimeni", "imię",
        "fao", "attn", "abonnementhouder", "controparte", "titular", "titulaire", "inhaber",
        "kontoinhaber", "tenant", "cardholder", "passenger", "patient", "pasient",
        "patiënt", "paciente", "asiakas", "kunde", "klant", "cliente", "client",
        # app footers ("Get Outlook for iOS", "Gesendet von", "Verstuurd vanaf")
        "get", "vanaf", "verstuurd", "envoyé", "inviato", "från", "fra",
        "lähetetty", "wysłano", "enviado", "desde", "csv", "pdf", "xlsx",
    ]
)
# A span with one of these is an organisation, not a person.
_ORGANISATION_WORDS = frozenset(
    [
        "ltd", "limited", "llc", "inc", "corp", "gmbh", "ag", "oy", "oyj", "ab", "asa", "aps",
        "bv", "nv", "sa", "sarl", "srl", "spa", "plc", "company", "team", "support", "service",
        "bank", "banco", "banca", "banque", "pank", "bankas", "banka", "sparkasse", "insurance",
        "assurance", "assurances", "versicherung", "seguros", "försäkring", "försäkra",
        "forsikring", "vakuutus", "kindlustus", "air", "airlines", "airways", "telecom",
        "mobile", "energy", "energia", "energie", "shop", "store", "sklep", "tienda", "loja",
        "negozio", "winkel", "butik", "kauppa", "pood", "group", "clinic", "hospital",
        "university", "school", "hotel", "airport", "station", "helpdesk",
        # trades and kinds of business that name a company ("Riverside Dental", "X HR")
        "hr", "dental", "dentist", "dentistry", "properties", "property", "lettings", "estates",
        "realty", "homes", "living", "interiors", "furniture", "electronics", "fashion",
        "logistics", "solutions", "systems", "software", "technologies", "labs", "digital",
        "networks", "broadband", "fibre", "fiber", "utilities", "motors", "rentals", "leasing",
        "finance", "capital", "partners", "associates", "consulting", "pharmacy", "apotek",
        "apotheke", "optics", "fitness", "praxis", "klinik", "kliniken", "immobilien",
        "stadtwerke", "sparbanken", "sparebank", "asunnot", "vuokraus", "wohnen", "verwaltung",
        "versand", "lettings", "medical", "healthcare", "veterinary", "vets",
        "direct", "online", "express", "cargo", "parcel", "couriers", "clinique", "clinica",
        "clínica", "farmacia", "immobiliare", "inmobiliaria", "imobiliária", "makelaardij",
        "woningen", "eiendom", "fastigheter", "kiinteistöt", "kinnisvara", "nieruchomości",
    ]
)
# Lower-case words that belong inside a name ("Ma. Cristina dela Peña", "Ludwig van Beethoven").
_PARTICLES = frozenset(
    [
        "de", "da", "das", "do", "dos", "del", "dela", "della", "dei", "di", "du", "la", "le",
        "van", "von", "der", "den", "ter", "ten", "zu", "af", "av", "bin", "ibn", "bint", "ben",
        "al", "el", "ó", "ní", "mac", "mc", "ap", "abu", "y", "e", "st", "van't", "'t", "o'",
        "d'", "l'",
    ]
)
_MONTHS = frozenset(
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
    ]
)
_STRIP = ".,;:()[]'\"!?“”‘’"
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\.?[ \t]*$", re.IGNORECASE)
_DAY_AFTER = re.compile(r"[ \t]*\d")
_PLACE_BEFORE = re.compile(
    r"(?:^|\s)(?:in|near|(?:fly|flying|flew|travel|travelling|traveling|trip|holiday|"
    r"vacation|going|moving|move|moved|relocating)[ \t]+to)[ \t]+$",
    re.IGNORECASE,
)
# "the Olivia ring", "Item: Clara wrap dress": a product, not a person.
_PRODUCT_BEFORE = re.compile(r"(?:^|\s)(?:the|item:|artikel:)[ \t]+$", re.IGNORECASE)
# Kinds of goods: a name right before or after one is the product's ("the Hugo Boss blazer",
# "la lámpara Ingrid", "Victoria sideboard", "Martens 1460 boots").
_GOODS = (
    r"boxers|briefs|pan|pans|blazer|suit|boots|boot|shoes|sneakers|trainers|sandals|bag|"
    r"bags|backpack|handbag|wallet|dress|skirt|jacket|coat|shirt|t-shirt|jeans|trousers|"
    r"jumper|sweater|hoodie|scarf|sofa|couch|lamp|table|chair|bed|bedframe|frame|"
    r"sideboard|desk|shelf|wardrobe|dresser|cabinet|stool|armchair|cushion|duvet|towel|"
    r"towels|rug|mirror|vase|wristwatch|perfume|parfum|fragrance|cologne|necklace|bracelet|"
    r"earrings|mug|kettle|blender|mattress|pillow|candle|speaker|headphones|phone case|"
    r"lámpara|lampara|mesa|silla|sofá|bolso|mochila|vestido|chaqueta|zapatos|reloj|mala|"
    r"bolsa|candeeiro|cadeira|lampada|tavolino|tavolo|divano|sedia|borsa|giacca|orologio|"
    r"lampe|tisch|stuhl|tasche|jacke|kleid|tafel|stoel|jurk|horloge|lampa|"
    r"stół|krzesło|torba|sukienka|lampi|lamppu|pöytä|tuoli|laukku|mekko|"
    r"väska|klänning|klokke|veske|taske|kjole"
)
_GOODS_WORDS = frozenset(_GOODS.split("|"))
# The word after a span, over a model number ("Martens 1460 boots"); the words before it.
_GOODS_AFTER = re.compile(r"(?:[ \t]+\d{2,5})?[ \t]+([^\W\d_][\w\-]*)")
_ITEM_LABELS = frozenset(
    ["item:", "artikel:", "article:", "artículo:", "articolo:", "artigo:", "produkt:",
     "product:", "producto:", "prodotto:", "produto:", "tuote:", "toode:", "vare:", "vara:"]
)
_SUBJECT_BEFORE = re.compile(
    r"(?:subject|betreff|aihe|asunto|objet|temat|emne|ämne|onderwerp|oggetto|assunto|teema)"
    r"[ \t]*:[ \t]*(?:(?:re|fwd?|aw|vs|sv|wg|tr)[ \t]*:[ \t]*)*$",
    re.IGNORECASE,
)
# The words after a span that make it an organisation ("Dear Invoxa team", "Hello X Support").
_ORGANISATION_AFTER = re.compile(
    r"[ \t]+(?:team|support|customer service|customer care|kundenservice|kundeservice|"
    r"kundtjänst|asiakaspalvelu|klantenservice|helpdesk)\b",
    re.IGNORECASE,
)
# A code of capitals before a number: a flight or a line ("LH 4620", "KL 4380").
_CODE_AFTER = re.compile(r"[ \t]*\d")
_ROLE_DOMAIN = re.compile(r"(?<![\w.\-])([\w\-]{2,30})@([a-z0-9\-]{2,60})\.", re.IGNORECASE)


def _words(value: str) -> list[str]:
    return [w for w in (part.strip(_STRIP) for part in value.split()) if w]


def _particle(word: str) -> bool:
    low = word.lower()
    return low in _PARTICLES or low.split("-", 1)[0] in _PARTICLES


def _loose(word: str) -> bool:
    """A lower-case word that is no name particle: "abuela,", "kids", "seines"."""
    if word in ("'t", "’t"):  # Dutch "van 't Hek"
        return False
    bare = word.strip(_STRIP)
    return bool(bare) and bare[:1].islower() and not _particle(bare)


def _known_name(word: str) -> bool:
    from trustdesk.privacy.pii.gazetteer import fold
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    lexicon = Lexicon.bundled()
    folded = fold(word.strip(_STRIP))
    return folded in lexicon.first or folded in lexicon.last


def _one_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of a span that runs over line breaks that is most a name: no one's name is
    split over lines ("Alexander\n> Unionbank Direct", "Tervitades\nMihhail")."""
    from trustdesk.privacy.pii.gazetteer import NameGazetteer, fold

    names = NameGazetteer.bundled()
    best: tuple[int, int, int] | None = None
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and (text[a].isspace() or text[a] in ">|"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
            b -= 1
        parts = _words(text[a:b])
        if not parts:
            continue
        known = sum(2 if fold(p) in names else _known_name(p) for p in parts
                    if p.lower() not in _NOT_NAMES)
        if all(p.lower() in _NOT_NAMES for p in parts):
            known = -1  # a greeting or sign-off line
        if best is None or known > best[0]:
            best = (known, a, b)
    return (best[1], best[2]) if best is not None else (start, end)


# A street read as a name: "141 Elm Ct", "151 Pine Ridge Rd", "Via de Virgilio Marín, 124".
_NUMBER_BEFORE = re.compile(
    r"(?<![\w\-/.,])\d{1,5}[A-Za-z]?(?:[/\-]\d{1,5}[A-Za-z]?)?(?:[ \t](?:N|S|E|W|NE|NW|SE|SW))?"
    r"[ \t]+$"
)
_NUMBER_AFTER = re.compile(r",?[ \t]*\d{1,5}(?:[ \t]?[A-Za-z](?![\w]))?(?:[/\-]\w{1,4})?(?![\w])")
_STREET_FIRST = frozenset(
    [
        "via", "viale", "vicolo", "corso", "piazza", "largo", "strada", "calle", "carrer",
        "avenida", "avda", "paseo", "pasaje", "pasadizo", "plaza", "travesía", "camino", "ronda",
        "rua", "travessa", "praça", "estrada", "alameda", "rue", "avenue", "boulevard", "allée",
        "impasse", "chemin", "quai", "cours", "route", "chaussée", "ulica", "ul", "aleja",
        "osiedle", "plac",
    ]
)


_DIGIT = re.compile(r"\d")
_STREET_LEAD = re.compile(
    r"(?:^|(?<=[\s>]))([^\W\d_]{2,10}\.?)(?:[ \t]+(?:de|del|de la|di|da|do|dos|das|della|degli|"
    r"du|des|de los|de las))?[ \t]+$"
)


def street_in_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a street address a PERSON candidate is part of, or None."""
    from trustdesk.privacy.pii.learned.lexicon import STREET_WORDS

    if _DIGIT.search(text, max(0, start - 30), min(len(text), end + 12)) is None:
        return None  # a street has its house number next to it
    parts = _words(text[start:end])
    if not parts:
        return None
    if len(parts) < 2:
        return _street_after_number(text, start, end)
    before = _NUMBER_BEFORE.search(text, max(0, start - 14), start)
    if before is not None and parts[-1].lower().strip(".") in STREET_WORDS:
        return before.start(), end
    after = _NUMBER_AFTER.match(text, end)
    if after is None:
        return _street_after_number(text, start, end)
    if parts[0].lower().strip(".") in _STREET_FIRST:
        return start, after.end()
    lead = _STREET_LEAD.search(text, max(0, start - 24), start)
    if lead is not None and lead.group(1).lower().strip(".") in _STREET_FIRST:
        return lead.start(1), after.end()
    return None


def _street_after_number(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"23-2641 Rue Saint-Denis, Halifax": a number, a street word, then the name read."""
    lead = _STREET_LEAD.search(text, max(0, start - 24), start)
    if lead is None or lead.group(1).lower().strip(".") not in _STREET_FIRST:
        return None
    number = _NUMBER_BEFORE.search(text, max(0, lead.start(1) - 16), lead.start(1))
    return (number.start(), end) if number is not None else None


def is_given_name(word: str) -> bool:
    """A known given name that is no greeting, sign-off, label or common word ("Plan B.")."""
    from trustdesk.privacy.pii.gazetteer import NameGazetteer, fold
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    if word.lower() in _NOT_NAMES:
        return False
    folded, lexicon = fold(word), Lexicon.bundled()
    if folded in NameGazetteer.bundled().first:
        return True
    return (folded in lexicon.first and folded not in lexicon.common
            and folded not in lexicon.unit and folded not in lexicon.street)


def check_person(text: str, start: int, end: int, domains: frozenset[str] = frozenset()
                 ) -> tuple[int, int] | str:
    """The span a PERSON candidate may keep (edges trimmed), or why it is no name at all.

    A mixed span loses its loose lower-case edge words ("abuela, Hildur Gunnarsdóttir" keeps
    the name); what is left of one word must then be a known given or family name, so that
    "seines Vertrags" and "Transfer failed" go.
    """
    if "\n" in text[start:end]:
        start, end = _one_line(text, start, end)
    value = text[start:end]
    parts = _words(value)
    if not parts:
        return "no letters"
    if len(parts) == 1 and parts[0].lower() in _TITLES:
        return "a title, not a name"
    if any(p[:1].isupper() for p in parts) and any(_loose(p) for p in parts):
        pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", value)]
        while pieces and _loose(text[pieces[0][0]:pieces[0][1]]):
            pieces.pop(0)
        while pieces and _loose(text[pieces[-1][0]:pieces[-1][1]]):
            pieces.pop()
        rest = [text[a:b] for a, b in pieces]
        if not pieces or any(_loose(w) for w in rest):
            return "a phrase, not a name: a lower-case word beside a capitalised one"
        if len(rest) == 1 and not _known_name(rest[0]):
            return "a phrase, not a name: one unknown word beside lower-case ones"
        start, end = pieces[0][0], pieces[-1][1]
        while end > start and text[end - 1] in _STRIP:
            end -= 1
        parts = _words(text[start:end])
        if not parts:
            return "no letters"
    start, end = _trim_not_names(text, start, end)
    reason = implausible_person(text, start, end, domains)
    return reason if reason is not None else (start, end)


_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sr", "sra", "srta", "herr", "frau", "mme",
     "mlle", "sig", "sigra", "dott", "dña", "d", "dhr", "mevr", "mw"]
)
# "Can Dr Nichols see my mum": a question's verb before a title is no part of the name.
_QUESTION_VERBS = frozenset(["can", "could", "would", "will", "does", "did", "is", "has",
                             "should", "may", "might", "shall"])


_IN_THE_NAME_OF = re.compile(r"(?i:\bnaam)[ \t]+$")


def _trim_not_names(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut edge words that are no name ("Luisa dela Cruz, IBAN" keeps the name), if any of
    the span is left."""
    pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    if (len(pieces) >= 3 and text[pieces[0][0] : pieces[0][1]].lower() in _QUESTION_VERBS
            and text[pieces[1][0] : pieces[1][1]].lower().rstrip(".") in _TITLES):
        pieces = pieces[1:]
        start = pieces[0][0]
    if (len(pieces) >= 2 and text[pieces[0][0] : pieces[0][1]] == "van"
            and _IN_THE_NAME_OF.search(text, max(0, start - 12), start)):
        pieces = pieces[1:]  # "op naam van Jules Zaal": "in the name of", not "van Zaal"
        start = pieces[0][0]
    if (len(pieces) >= 2 and text[pieces[0][0] : pieces[0][1]].lower().rstrip(".") in _TITLES
            and pieces[0][1] - pieces[0][0] > 1):
        pieces = pieces[1:]  # "Mrs Pryce": the title addresses the person, the name follows
        start = pieces[0][0]

    def bad(piece: tuple[int, int]) -> bool:
        return text[piece[0]:piece[1]].strip(_STRIP).lower() in _NOT_NAMES
    if len(pieces) < 2 or all(bad(p) for p in pieces):
        return start, end
    while bad(pieces[0]):
        pieces.pop(0)
    while bad(pieces[-1]):
        pieces.pop()
    start, end = pieces[0][0], pieces[-1][1]
    while end > start and text[end - 1] in _STRIP and text[end - 1] != ".":
        end -= 1
    return start, end


_SELF_WORDS = frozenset(["i'm", "im", "i", "am", "i’m"])


def _all_identity_words(lows: list[str]) -> bool:
    """Every word says who someone is (data/names/identity_words.txt), none names them."""
    from trustdesk.privacy.pii.gazetteer import NameGazetteer, fold

    identity = NameGazetteer.bundled().identity
    return all(fold(low) in identity for low in lows)


def _after_title(text: str, start: int) -> bool:
    """A title right before: "Mr Silver", "Dr Black" name a person whatever the word."""
    before = text[max(0, start - 8) : start]
    words = before.split()
    return before[-1:].isspace() and bool(words) and words[-1].lower().rstrip(".") in _TITLES


def implausible_person(text: str, start: int, end: int,
                       domains: frozenset[str] = frozenset()) -> str | None:
    """Why text[start:end] is no person's name, or None when it may be one."""
    parts = _words(text[start:end])
    if not parts:
        return "no letters"
    lows = [p.lower() for p in parts]
    if all(_particle(p) and p.islower() for p in parts):
        return "a name particle alone, not a name"
    if all(low in _TITLES for low in lows):
        return "a title alone, not a name"
    if all(low in _NOT_NAMES for low in lows):
        return "an addressee, greeting or acronym, not a name"
    who = [low for low in lows if low not in _SELF_WORDS]
    if who and _all_identity_words(who) and not _after_title(text, start):
        return "a religion, nationality, people or festival, not a name"
    if lows[0] in ("p.s", "ps", "p.p.s", "pps"):
        return "a postscript, not a name"
    if any(low in _ORGANISATION_WORDS for low in lows) or any(_camel_brand(p) for p in parts):
        return "an organisation, not a person"
    if len(parts) == 1 and lows[0] in _MONTHS and (
        _DAY_BEFORE.search(text, max(0, start - 8), start) or _DAY_AFTER.match(text, end)
    ):
        return "a month in a date, not a name"
    if len(parts) == 1 and _PLACE_BEFORE.search(text, max(0, start - 8), start):
        return "a place after 'in', not a name"
    if len(parts) == 1 and (_PRODUCT_BEFORE.search(text, max(0, start - 10), start)
                            or text[end : end + 1] == "!"):
        return "a product, not a person"
    goods = _GOODS_AFTER.match(text, end)
    before = text[max(0, start - 16) : start].split()
    if ((goods is not None and goods.group(1).lower() in _GOODS_WORDS)
            or (before and text[start - 1 : start] in " \t" and (
                before[-1].lower() in _GOODS_WORDS or before[-1].lower() in _ITEM_LABELS
                or " ".join(before[-2:]).lower() in _ITEM_LABELS))):
        return "a product named like a person, not a person"
    if _SUBJECT_BEFORE.search(text, max(0, start - 24), start):
        return "a subject line, not a name"
    if "\n" not in text[start:end] and _ORGANISATION_AFTER.match(text, end):
        return "an organisation (team, support), not a person"
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1).lower().strip(".") in _ORGANISATION_WORDS:
        return "an organisation (a company word follows), not a person"
    if any(p.rsplit("-", 1)[-1].lower() in _ORGANISATION_WORDS for p in parts if "-" in p):
        return "an organisation ('-Team'), not a person"
    if any(_code_word(p) for p in parts):
        return "a booking or reference code, not a name"
    last = parts[-1]
    if last.isalpha() and last.isupper() and 2 <= len(last) <= 3 and _CODE_AFTER.match(text, end):
        return "a flight or line code, not a name"
    if all(p.isalpha() and p.isupper() and len(p) > 1 for p in parts) and not any(
        _known_name(p) for p in parts
    ):
        return "an acronym or heading in capitals, not a name"
    if _spells_a_domain(lows, domains):
        return "the name of a domain in the message: an organisation"
    return None


_CAMEL = re.compile(r"[^\W\d_]*[a-zà-ÿ]{3}[A-ZÀ-Þ]")
_CAMEL_NAMES = ("Mac", "Fitz", "Van", "Von", "Della", "Delle", "Dela", "Vander", "Ten", "Ter")


def _camel_brand(word: str) -> bool:
    """A capital inside a word after three small letters: "FiberFox", "CloudLedger" are
    brands; "McGrath", "DiCaprio", "MacKenzie" are names and stay."""
    return (word[:1].isupper() and _CAMEL.match(word) is not None
            and not word.startswith(_CAMEL_NAMES))


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w.&]*)")
_VOWELS = frozenset("AEIOUYÀÁÂÄÅÆÉÈÊËÍÌÎÏÓÒÔÖØÚÙÛÜ")


def _code_word(word: str) -> bool:
    """Capitals with at most one vowel that no name list has: "FRLYQS", "NSHNGV" (codes)."""
    if len(word) < 5 or not word.isalpha() or not word.isupper():
        return False
    if sum(c in _VOWELS for c in word) > 1:
        return False
    from trustdesk.privacy.pii.gazetteer import fold
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    lexicon, folded = Lexicon.bundled(), fold(word)
    return folded not in lexicon.first and folded not in lexicon.last


def domains_of(text: str) -> frozenset[str]:
    """The folded first labels of the domains of the message's role mailboxes (support@,
    noreply@, claims@, ...), found in one scan: the companies writing or written to."""
    if "@" not in text:
        return frozenset()
    from trustdesk.privacy.pii.gazetteer import fold
    from trustdesk.privacy.pii.recognizers.contact import ROLE_MAILBOXES

    return frozenset(fold(m.group(2)).replace("-", "") for m in _ROLE_DOMAIN.finditer(text)
                     if m.group(1).lower() in ROLE_MAILBOXES)


def _spells_a_domain(lows: list[str], domains: frozenset[str]) -> bool:
    """True when the span's words, run together, are a domain of the message ("Casa Brava"
    and casabrava.co.uk): the company writing or written to, not a person."""
    if not domains:
        return False
    from trustdesk.privacy.pii.gazetteer import fold

    joined = fold("".join(lows)).replace("-", "").replace("&", "")
    return len(joined) >= 4 and joined in domains


# Hosts where a link names its owner: profiles, portfolios, blogs.
_SOCIAL_HOSTS = frozenset(
    [
        "linkedin", "github", "gitlab", "tiktok", "instagram", "facebook", "fb", "behance",
        "dribbble", "twitter", "x", "substack", "wordpress", "medium", "youtube", "vimeo",
        "flickr", "pinterest", "t", "wa", "about", "linktr", "blogspot", "tumblr", "threads",
        "mastodon", "etsy", "soundcloud", "twitch", "reddit", "telegram", "onlyfans", "patreon",
        "deviantart", "artstation", "bsky", "keybase", "gravatar",
    ]
)
# Path segments of a company's own pages: help, status, orders, settings, ...
_SITE_SEGMENTS = frozenset(
    [
        "help", "delivery", "returns", "return", "track", "tracking", "status", "settings",
        "billing", "account", "accounts", "orders", "order", "faq", "faqs", "support", "contact",
        "login", "signin", "sign-in", "logout", "cart", "checkout", "shop", "products", "product",
        "terms", "privacy", "pricing", "docs", "blog", "news", "about", "home", "index.html",
        "en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "fi", "da", "no", "et", "uk", "us",
        "service", "services", "customer-service", "kundenservice", "hilfe", "aide", "ayuda",
        "app", "download", "downloads", "invoices", "invoice", "payments", "payment", "profile",
        "preferences", "notifications", "security", "password", "reset", "verify", "store",
        "stores", "locations", "careers", "jobs", "press", "legal", "cookies", "gdpr", "sitemap",
        "search", "offers", "deals", "sale", "catalog", "catalogue", "category", "categories",
        "collections", "shipping", "refunds", "warranty", "manuals", "kb", "article", "articles",
        "guides", "community", "forum", "forums", "portal", "dashboard", "my-account", "myaccount",
    ]
)
# "my website", "my portfolio", "profile:": the writer's own link.
_OWN_LINK_BEFORE = re.compile(
    r"(?:\bmy\s+(?:\w+\s+)?(?:website|site|blog|homepage|home page|portfolio|profile|page|"
    r"channel|shop|store|linkedin|instagram|cv|resume|work|gallery)|\bprofile|\bportfolio|"
    r"\bprofil|\bperfil|\bwebsite|\bhomepage)\b[^\n]{0,48}$",
    re.IGNORECASE,
)
# Top-level domains sold mostly to people for their own sites and portfolios
_PERSONAL_TLDS = frozenset(["dev", "me", "name", "page", "blog", "art", "design", "studio",
                            "photography", "photo", "portfolio"])
_HOST = re.compile(r"(?:[a-z][a-z0-9+.\-]*://)?([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?", re.IGNORECASE)
_OWN_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t>|]*$")
_OWN_LINE_AFTER = re.compile(r"[ \t]*(?:$|\n|\|)")


def impersonal_url(text: str, start: int, end: int) -> str | None:
    """Why the link at text[start:end] names no person (a company's own page), or None.

    A link names someone when it is on a profile host, when its path goes past a site's own
    pages ("/u/marcus92", "/works", "share?id=..."), when it sits on a line of its own (a
    signature) or after "my website", "profile:"; a bare host or a help, status or orders page
    elsewhere is the company's.
    """
    match = _HOST.match(text, start, end)
    if match is None:
        return None
    host, path, query = match.group(1).lower(), match.group(2), match.group(3)
    labels = [label for label in host.split(".") if label and label != "www"]
    if any(label in _SOCIAL_HOSTS for label in labels[:-1]):
        return None
    if labels and labels[-1] in _PERSONAL_TLDS:
        return None  # "https://wright.dev": the domains people name their own sites on
    segments = [seg.lower() for seg in path.split("/") if seg]
    if any(seg not in _SITE_SEGMENTS for seg in segments):
        return None
    if query and not segments:
        return None
    if _OWN_LINK_BEFORE.search(text, max(0, start - 60), start):
        return None
    if _OWN_LINE_BEFORE.search(text, max(0, start - 8), start) and _OWN_LINE_AFTER.match(text, end):
        return None
    return "a company's own page, not a person's link"


# The words before a company's own address: where parcels go back, where its staff sit
# ("our warehouse" is the writer's business, so only "your" and returns words count).
_COMPANY_ADDRESS_BEFORE = re.compile(
    r"(?i:\b(?:returns? (?:centre|center|label|depot|warehouse|department)|"
    r"(?:your|the company's) (?:warehouse|depot|head office|office|offices|store|shop|"
    r"showroom|branch|returns? address)|"
    r"retourenzentrum|retourenlager|centre de retour|magazzino resi|centro de devoluciones|"
    r"returcentral|palautuskeskus|retourcentrum|retouradres))\b[^\n]{0,48}$"
)


_BOOKING_BEFORE = re.compile(
    r"(?i:\b(?:booking|booking ref|booking reference|reference|ref|pnr|localizador|"
    r"confirmation|reservation|buchung|buchungsnummer|réservation|prenotazione|reserva|"
    r"bestilling|bokning|varaus|rezerwacja|boeking|ticket|order|case)\b[ \t:#.]*(?:no\.?|"
    r"number|nr\.?|code)?[ \t:#]*)$"
)


# "POL-74715348", "CS-8429-LGW": a policy or case reference; "CH-8001", "D-10115" are postcodes.
_REFERENCE = re.compile(r"(?<![\w\-])([A-Z]{1,4})-\d{3,}(-[A-Z0-9]+)?(?![\w\-])")
_ALL_MONTHS = MONTH_NAMES
_SLASH_REFERENCE = re.compile(r"(?<![\w/])[A-Z]{1,4}/\d{2,}/\d{2,}(?![\w/])")
_DATE_START = re.compile(r"\d{1,2}\.?[ \t]+([^\W\d_]{3,12}\.?)[ \t]+(?:19|20)\d\d(?!\d)")
_POSTCODE_PREFIXES = frozenset(
    ["A", "B", "CH", "D", "DK", "E", "F", "FI", "FIN", "GR", "H", "I", "IRL", "IS", "L", "LT",
     "LV", "N", "NL", "P", "PL", "S", "SE", "EE", "AT", "DE", "BE", "LU", "IT", "FR", "ES", "PT",
     "NO", "CZ", "SK", "SI", "HR", "HU", "RO", "BG", "GB", "IE", "US", "CA"]
)


def implausible_address(text: str, start: int, end: int) -> str | None:
    """Why text[start:end] is no address (a reference code in it, a word's tail), or None."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "!_"):
        return "the tail of a word or product name, not an address"
    for ref in _REFERENCE.finditer(text, start, end):
        if ref.group(2) or ref.group(1) not in _POSTCODE_PREFIXES:
            return "a reference code, not an address"
    if _SLASH_REFERENCE.search(text, start, end):
        return "an invoice or case reference, not an address"
    date = _DATE_START.match(text, start, end)
    if date is not None and date.group(1).lower().rstrip(".") in _ALL_MONTHS:
        return "a date, not an address"
    return None


def is_not_a_name(word: str) -> bool:
    """A greeting, sign-off, label or sentence opener of the support languages."""
    return word.lower() in _NOT_NAMES


def company_address(text: str, start: int) -> str | None:
    """Why the address at `start` is a company's (a returns centre, a warehouse), or None."""
    if _BOOKING_BEFORE.search(text, max(0, start - 30), start):
        return "a booking or reference code shaped like a postcode"
    if _COMPANY_ADDRESS_BEFORE.search(text, max(0, start - 80), start):
        return "a company's own address (returns centre, warehouse, office), not a person's"
    return None


_VERSION_BEFORE = re.compile(
    r"(?i:\b(?:version|ver|v|build|driver|firmware|release|update|updated|app|os|ios|android|"
    r"patch|sdk|api|client|server|software|auf|versão|versión|versione|versie|versjon|"
    r"versio|wersja)\.?)[ \t:]*$"
)


def version_not_ip(text: str, start: int) -> str | None:
    """Why the dotted number at `start` is a version ("driver 27.3.4.90"), or None."""
    if _VERSION_BEFORE.search(text, max(0, start - 16), start):
        return "a version number, not an IP address"
    return None
