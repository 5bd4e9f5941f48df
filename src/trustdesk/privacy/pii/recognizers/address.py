"""Street addresses (single- and multi-line, US/UK/DE/FR/ES styles) and postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import (
    ACCEPT,
    Pattern,
    PatternRecognizer,
    Recognizer,
    Verdict,
    context_regex,
)
from trustdesk.privacy.pii.words import words

_UP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŻŹĆŃ]"
_WORD = rf"{_UP}[^\W\d_]{{0,30}}(?:['’][^\W\d_]{{1,20}})?"
_CAP = rf"(?:{_WORD}|O['’]{_WORD}|Mc{_WORD}|St\.?)"
# USPS Publication 28 street suffixes (the common ones) plus British road types.
_EN_SUFFIX = (
    "Alley|Annex|Arcade|Avenue|Ave|Bayou|Beach|Bend|Bluff|Bluffs|Bottom|Boulevard|Blvd|Branch|"
    "Bridge|Brook|Brooks|Burg|Bypass|Camp|Canyon|Cape|Causeway|Center|Centre|Circle|Cir|Cliff|"
    "Cliffs|Close|Club|Common|Corner|Corners|Course|Court|Ct|Courts|Cove|Coves|Creek|Crescent|"
    "Cres|Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drive|Dr|Drives|Estate|Estates|"
    "Expressway|Extension|Falls|Ferry|Field|Fields|Flat|Flats|Ford|Fords|Forest|Forge|Forges|"
    "Fork|Forks|Fort|Freeway|Garden|Gardens|Gateway|Glen|Glens|Green|Greens|Grove|Groves|"
    "Harbor|Harbors|Harbour|Haven|Heights|Highway|Hwy|Hill|Hills|Hollow|Inlet|Island|Islands|"
    "Isle|Junction|Junctions|Key|Keys|Knoll|Knolls|Lake|Lakes|Landing|Lane|Ln|Light|Lights|"
    "Loaf|Lock|Locks|Lodge|Loop|Mall|Manor|Manors|Meadow|Meadows|Mews|Mill|Mills|Mission|"
    "Motorway|Mount|Mountain|Mountains|Neck|Orchard|Oval|Overpass|Park|Parks|Parkway|Pkwy|Pass|"
    "Passage|Path|Pike|Pine|Pines|Place|Pl|Plain|Plains|Plaza|Point|Points|Port|Ports|Prairie|"
    "Radial|Ramp|Ranch|Rapid|Rapids|Rest|Ridge|Ridges|Rise|River|Road|Rd|Roads|Route|Row|Rue|"
    "Run|Shoal|Shoals|Shore|Shores|Skyway|Spring|Springs|Spur|Spurs|Square|Sq|Squares|Station|"
    "Stravenue|Stream|Street|St|Streets|Summit|Terrace|Ter|Throughway|Trace|Track|Trafficway|"
    "Trail|Trl|Trailer|Tunnel|Turnpike|Underpass|Union|Unions|Valley|Valleys|Viaduct|View|"
    "Views|Village|Villages|Ville|Vista|Walk|Walks|Wall|Way|Ways|Well|Wells|Wharf|Yard"
)
_UNIT = (
    r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Building|Bldg|Room|Piso|Puerta|Planta|Bât|"
    r"Bâtiment|Étage|Etage|Appartement|Appt|Wohnung|Whg)\.?\s?(?:#|No\.?\s?)?[\w\-]{1,6}"
    r"|#\s?\d{1,5}[A-Za-z]?|\d{1,2}\s?[º°ª]\s?[A-Za-z]?\b"
)
_EN_STREET = (
    rf"(?<![\w\-/.])\d{{1,5}}[A-Za-z]?(?:-\d{{1,5}})?,? (?:(?:N|S|E|W|NE|NW|SE|SW|North|South|"
    rf"East|West)\.? )?(?:(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th)) ){{1,3}}(?:{_EN_SUFFIX})s?\.?(?!\w)"
)
# A house with a name and no number, then its street: "Rose Cottage, Church Street", "The Old
# Rectory, The Crescent"
_HOUSE = (r"(?:Cottages?|House|Farm|Farmhouse|Lodge|Rectory|Vicarage|Barn|Mill|Manor|Hall|"
          r"Villa|Grange|Croft|Bungalow),? ")
_HOUSE_STREET = (
    rf"(?<![\w\-])(?:The )?(?:{_CAP} ){{0,2}}{_HOUSE}(?:{_CAP} ){{1,3}}(?:{_EN_SUFFIX})s?\.?(?!\w)"
)
_HOUSE_WORD = re.compile(rf"{_HOUSE}[A-Z]")  # the cheap test for a text with no digit
_DE_STREET = (
    rf"(?<![\w\-])(?:(?:Am|An der|Im|In der|Auf der|Zum|Zur|Unter den|Alte|Neue|Alter|Neuer) "
    rf"|{_UP}[^\W\d_]{{0,30}}(?:-{_UP}[^\W\d_]{{0,30}}){{0,2}} )?"
    rf"{_UP}[\w\-]{{0,40}}?(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|"
    rf"chaussee|steig|pfad|markt|graben|hof) \d{{1,4}}(?: ?[a-zA-Z](?!\w))?"
)
_FR_PART = r"(?:de |du |des |la |le |les |aux |l['’] ?|d['’] ?)"
_FR_STREET = (
    rf"(?<![\w\-])\d{{1,4}}(?: ?(?:bis|ter|[A-Za-z](?!\w)))?,? (?i:rue|avenue|av\.|boulevard|"
    rf"bd|place|allée|allee|impasse|chemin|quai|cours|route|square|passage|voie|faubourg|cité|"
    rf"villa|résidence|sentier|montée|promenade) {_FR_PART}{{0,2}}{_CAP}(?:[ \-]{_FR_PART}{{0,2}}"
    rf"{_CAP}){{0,4}}"
)
_ES_PART = r"(?:de |del |la |las |los |el |y )"
_ES_STREET = (
    rf"(?<![\w\-])(?:Calle|C/|C\.|Avenida|Avda\.?|Av\.|Plaza|Pza\.|Paseo|Pº|Camino|Carrera|Ronda|"
    rf"Travesía|Glorieta|Callejón|Carretera|Vía|Rambla|Pasaje|Urbanización|Acceso|Alameda|"
    rf"Bajada|Cuesta|Cañada|Sector|Vial|Via|Pasadizo|Callejón) "
    rf"{_ES_PART}{{0,2}}{_CAP}(?: {_ES_PART}{{0,2}}{_CAP}){{0,4}},?"
    rf" (?:n[º°o]\.? ?)?\d{{1,4}}(?: ?[A-Za-z](?!\w))?"
)
_NORDIC_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|gatan|vägen|vagen|gränd|torget|gata|"
    r"gate|veien|vegen|vei|veg|gaden|gade|vejen|vej|stræde|straede|torvet|torv|plads|katu|tie|"
    r"kuja|polku|tori|tänav|"
    r"tanav|maantee|mnt|puiestee|põik|tn"
)
# Dutch, Nordic and Estonian streets: "Kerkstraat 12", "Karl Johans gate 1", "Tamme tn 7".
_NORDIC_STREET = (
    rf"(?<![\w\-])(?:{_UP}[^\W\d_]{{0,30}} ){{0,2}}{_UP}[^\W\d_]{{0,40}}?(?i:{_NORDIC_SUFFIX})"
    rf"\.? \d{{1,4}}(?: ?[A-Za-z](?!\w))?(?:[/\-]\d{{1,4}})?"
    rf"|(?<![\w\-])(?:{_CAP} ){{1,3}}(?i:{_NORDIC_SUFFIX})\.? \d{{1,4}}(?: ?[A-Za-z](?!\w))?"
)
_ROMANCE_PART = (
    r"(?:de |del |della |delle |dei |degli |di |da |do |dos |das |la |le |les |du |des |"
    r"l['’]|d['’])"
)
# Street type first, number last: Italian, Portuguese, Belgian/French, Polish.
_ROMANCE_STREET = (
    rf"(?<![\w\-])(?:Via|Viale|V\.le|Piazza|P\.za|Piazzale|Corso|C\.so|Largo|Vicolo|Strada|"
    rf"Rua|Avenida|Travessa|Praça|Praceta|Estrada|Alameda|Rue|Avenue|Boulevard|Chaussée|Place|"
    rf"Quai|Ulica|ul\.|Aleja|al\.|Plac|Osiedle|os\.|Calle|Paseo) "
    rf"{_ROMANCE_PART}{{0,2}}{_CAP}(?:[ \-]{_ROMANCE_PART}{{0,2}}{_CAP}){{0,4}},? "
    rf"(?:n\.? ?[º°o]?\.? ?)?\d{{1,4}}(?: ?[A-Za-z](?!\w))?(?:[/\-](?:\d{{1,4}}|[A-Za-z](?!\w)))?"
)
_MILITARY = (
    r"(?<![\w\-])(?:(?:USNS|USS|PSC|Unit|CMR) [\w ]{1,30}?(?:,|/| /|\n) ?"
    r"(?:Box \d{1,5},? ?)?)?(?:APO|FPO|DPO) (?:AA|AE|AP) \d{5}(?:-\d{4})?(?!\w)"
)
# A post-office box, the street line of an address that has none: "PO Box 3153 Stn Main",
# "P.O. Box 77", "Postfach 10 02 31", "Apartado de Correos 45", "Postbus 1200".
_PO_BOX = (
    r"(?<![\w\-])(?:P\.? ?O\.? ?Box|Post Office Box|Postfach|Postbus|Postboks|Apartado"
    r"(?: de Correos)?|Casilla(?: de Correo)?|Boîte postale|Casella postale|Skrytka pocztowa)"
    r" \d{1,6}(?: \d{2}){0,2}(?: (?:Stn|Station|RPO|STN) [A-Z][a-z]+(?: [A-Z][a-z]+)?)?(?!\w)"
)
_CITY = rf"{_CAP}(?:(?: |-|-(?:upon|on|sur|le|la|les|en|de)-)(?:{_CAP}|am|an der|de|del)){{0,3}}"
_UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}"
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"
_EIRCODE = (
    r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?(?=[0-9AC-FHKNPRTV-Y]*\d)(?=[0-9AC-FHKNPRTV-Y]*[A-Z])"
    r"[0-9AC-FHKNPRTV-Y]{4}"
)
_CA_PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
_AU_STATES = "NSW|VIC|QLD|SA|WA|TAS|NT|ACT"
_COUNTRIES = (
    "United States|United States of America|USA|US|United Kingdom|UK|England|Scotland|Wales|"
    "Northern Ireland|Ireland|Germany|Deutschland|France|Spain|España|Italy|Italia|Netherlands|"
    "Belgium|Belgique|België|Austria|Österreich|Switzerland|Schweiz|Suisse|Portugal|Canada|"
    "Estonia|Eesti|Finland|Suomi|Sweden|Sverige|Norway|Norge|Denmark|Danmark|Poland|Polska|"
    "Nederland|The Netherlands|Australia|New Zealand|Éire|Luxembourg|India|Brasil|Brazil|"
    "Mexico|México|Argentina|Chile|Colombia|Kenya|Nigeria|Ghana|South Africa|Japan|"
    "South Korea|Korea|Türkiye|Turkey|Greece|Czechia|Czech Republic|Hungary|Romania|Iceland|"
    "Ísland|Latvia|Lithuania|Slovenia|Slovakia|Singapore|Philippines|Pakistan|Danmark|Norge"
)
COUNTRIES = _COUNTRIES
_COUNTRIES_RE = _COUNTRIES
# A continuation segment after the street line; group name says what kind it is.
_SEGMENT = re.compile(
    rf"(?P<unit>{_UNIT})(?![\w])"
    rf"|(?P<uszip>{_CITY},? [A-Z]{{2}},? \d{{5}}(?:-\d{{4}})?)(?![\w\-])"
    rf"|(?P<ukpc>(?:{_CITY},? )?{_UK_POSTCODE})(?!\w)"
    rf"|(?P<eupc>(?:[A-Z]{{1,2}}-)?\d{{5}} {_CITY}(?: (?:Cedex|CEDEX)(?: \d{{1,2}})?)?"
    rf"(?: \([A-Z]{{2}}\))?)(?!\w)"
    rf"|(?P<capc>{_CITY},? (?:{_CA_PROVINCES}),? {_CA_POSTCODE})(?!\w)"
    rf"|(?P<aupc>{_CITY},? (?:{_AU_STATES}),? \d{{4}})(?!\w)"
    rf"|(?P<iepc>(?:{_CITY},? )?(?:Co\. {_CAP},? )?{_EIRCODE})(?!\w)"
    rf"|(?P<eupc4>(?:[A-Z]{{1,2}}-)?(?:\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}}|"
    rf"\d{{4}}(?: ?[A-Z]{{2}}(?![\w]))?) {_CITY})(?!\w)"
    rf"|(?P<citypc>{_CITY},? (?:(?:{_COUNTRIES_RE}) )?\d{{4,5}})(?![\w\-])"
    rf"|(?P<town>{_CITY})(?![\w\-])"
)
COUNTRY = re.compile(rf"(?:{_COUNTRIES})(?![\w])")
# Unit lines written before the street: "Appartement 27, Bât. A, 62 bis place du Marché".
_UNIT_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:Appartement|Apartment|Apt|App|Flat|Unit|Suite|Ste|Bât|Bâtiment|Building|"
    r"Bldg|Floor|Étage|Etage|Wohnung|Whg|Piso|Planta)\.?[ \t]?(?:No\.?[ \t]?|#)?[\w\-]{1,6}"
    r",[ \t]*(?:\r?\n[ \t]*)?){1,3}$",
    re.IGNORECASE,
)
_UNIT_REACH = 80
_SEPARATOR = re.compile(r",[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*|[ \t]+")
_STREETS = (
    ("en-street", re.compile(_EN_STREET)),
    ("house-street", re.compile(_HOUSE_STREET)),
    ("de-street", re.compile(_DE_STREET)),
    ("fr-street", re.compile(_FR_STREET)),
    ("es-street", re.compile(_ES_STREET)),
)
# Patterns tried only where a trigger word stands: their leading alternations would cost more
# per character than all the other address patterns together.
_TRIGGERED = (
    ("romance-street", re.compile(_ROMANCE_STREET), frozenset(
        [
            "via", "viale", "v", "piazza", "p", "piazzale", "corso", "c", "largo", "vicolo",
            "strada", "rua", "avenida", "travessa", "praça", "praceta", "estrada", "alameda",
            "rue", "avenue", "boulevard", "chaussée", "place", "quai", "ulica", "ul", "aleja",
            "al", "plac", "osiedle", "os", "calle", "paseo",
        ])),
    ("military", re.compile(_MILITARY), frozenset([
        "usns", "uss", "psc", "unit", "cmr", "apo", "fpo", "dpo",
    ])),
    ("po-box", re.compile(_PO_BOX), frozenset([
        "p", "po", "post", "postfach", "postbus", "postboks", "apartado", "casilla", "boîte",
        "casella", "skrytka",
    ])),
)
_NORDIC = re.compile(_NORDIC_STREET)
_NUMBER_AFTER = re.compile(r"\.? \d")
_NORDIC_ENDINGS = tuple(_NORDIC_SUFFIX.split("|"))
# Every German street match has its suffix right before " <number>": a text without one
# cannot hold one, and this scan is a fraction of the street pattern's.
_DE_SUFFIX_NUMBER = (
    r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|"
    r"graben|hof) \d"
)
_DE_HINT = re.compile(_DE_SUFFIX_NUMBER, re.IGNORECASE)
_DE_HINT_LOWER = re.compile(_DE_SUFFIX_NUMBER)


def _de_hint(text: str) -> bool:
    """Does the text hold a street suffix, any case, right before " <digit>"?

    On the lower-cased text when no character there matches a letter of the suffixes only
    under the regex engine's wider case rules ("ſ" ~ "s", "ı" ~ "i", "İ" ~ "i", which also
    lower-cases to two characters); the case-blind scan costs several times more.
    """
    if "ſ" in text or "ı" in text or "İ" in text:
        return _DE_HINT.search(text) is not None
    return _DE_HINT_LOWER.search(text.lower()) is not None
_TRIGGER_ROLE, _NORDIC_ROLE = 1, 2
_ROLES: dict[str, int] = {}


def _word_roles(low: str) -> int:
    """Which street scans a word starts (a trigger of _TRIGGERED, a Nordic suffix), cached."""
    roles = _ROLES.get(low)
    if roles is None:
        roles = (_TRIGGER_ROLE if any(low in t for _, _, t in _TRIGGERED) else 0) | (
            _NORDIC_ROLE if low.endswith(_NORDIC_ENDINGS) else 0)
        if len(_ROLES) >= 65_536:
            _ROLES.clear()
        _ROLES[low] = roles
    return roles
# Street types unlikely to end a product name: a bare "2 Large Garden" is not an address.
_COMMON_STREET_TYPES = frozenset(
    [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard",
        "blvd", "close", "crescent", "way", "place", "pl", "terrace", "court", "ct", "square",
        "sq", "parkway", "pkwy", "highway", "hwy", "mews",
    ]
)
_ADDRESS_CONTEXT = (
    "address", "live at", "lives at", "ship to", "deliver to", "delivery address",
    "shipping address",
    "billing address", "send it to", "moved to", "dirección", "direccion", "domicilio", "vivo en",
    "adresse", "j'habite", "habite au", "anschrift", "wohne in", "lieferadresse", "wohnhaft",
)


class AddressRecognizer(Recognizer):
    """A street line, extended over the unit, town, postcode and country lines that follow it."""

    ENTITY = "ADDRESS"
    STREET_SCORE = 0.55
    TOWN_SCORE = 0.65
    FULL_SCORE = 0.85
    CONTEXT_BOOST = 0.2

    def __init__(self) -> None:
        self._context = context_regex(_ADDRESS_CONTEXT)

    def analyze(self, text: str) -> list[Finding]:
        if not any(c.isdigit() for c in text) and _HOUSE_WORD.search(text) is None:
            return []  # every street has a number but a named house's
        findings: list[Finding] = []
        for pattern, match in self._streets(text):
            start, end = match.span()
            end, parts = self._extend(text, end)
            if start and text[start - 1] in " \t\n":
                window = max(0, start - _UNIT_REACH)
                unit = _UNIT_BEFORE.search(text, window, start)
                if unit is not None:
                    start = unit.start()
                    parts.add("unit")
            score = self.STREET_SCORE
            last_word = match.group(0).rstrip(".").rsplit(" ", 1)[-1].lower()
            if pattern == "en-street" and last_word.rstrip("s") not in _COMMON_STREET_TYPES:
                score -= 0.1
            if "postcode" in parts or pattern == "military":
                score = self.FULL_SCORE
            elif parts:
                score = self.TOWN_SCORE
            word = self._context_word(text, start)
            if word is not None:
                score = min(1.0, score + self.CONTEXT_BOOST)
            findings.append(
                Finding(start, end, self.ENTITY, round(score, 4), self.name, pattern,
                        "address-structure" if parts else None, word)
            )
        return findings

    def _streets(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        for pattern, regex in _STREETS:
            if pattern == "de-street" and not _de_hint(text):
                continue  # no street suffix before a house number: no German street
            for match in regex.finditer(text):
                yield pattern, match
        seen: set[tuple[int, int]] = set()
        for word in words(text):
            roles = _word_roles(word.low)
            if not roles:
                continue
            for pattern, regex, triggers in _TRIGGERED:
                if word.low in triggers:
                    hit = regex.match(text, word.start)
                    if hit is not None:
                        yield pattern, hit
            if roles & _NORDIC_ROLE and _NUMBER_AFTER.match(text, word.end):
                for match in _NORDIC.finditer(text, max(0, word.start - 70), word.end + 16):
                    if match.start() <= word.start < match.end() and match.span() not in seen:
                        seen.add(match.span())
                        yield "nordic-street", match

    def _extend(self, text: str, end: int) -> tuple[int, set[str]]:
        """Absorb up to five unit/town/postcode/country segments after the street line."""
        parts: set[str] = set()
        for _ in range(5):
            sep = _SEPARATOR.match(text, end)
            if sep is None:
                break
            at = sep.end()
            spaced_only = "," not in sep.group(0) and "\n" not in sep.group(0)
            if "postcode" in parts:
                country = COUNTRY.match(text, at)
                if country is None or spaced_only:
                    break
                end = country.end()
                parts.add("country")
                continue
            segment = _SEGMENT.match(text, at)
            if segment is None:
                break
            kind = segment.lastgroup
            if kind == "town" and (spaced_only or "town" in parts):
                break
            if kind == "unit" and spaced_only and parts:
                break
            end = segment.end()
            parts.add("postcode" if kind not in ("unit", "town") else str(kind))
        return end, parts

    def _context_word(self, text: str, start: int) -> str | None:
        assert self._context is not None
        hits = self._context.findall(text[max(0, start - 40) : start].lower())
        return str(hits[-1]) if hits else None


def extend_address(text: str, end: int) -> int:
    """Where an address that ends at `end` really ends: over its unit/town/postcode lines."""
    return _EXTENDER._extend(text, end)[0]


class PostcodeRecognizer(PatternRecognizer):
    """UK postcodes on their own; 5-digit ZIP and EU postcodes need context or a city after."""

    ENTITY = "POSTCODE"
    PATTERNS = (
        Pattern("uk-postcode", rf"(?<![\w\-]){_UK_POSTCODE}(?!\w)", 0.6),
        Pattern("us-zip", r"\d(?<![\w\-/.,]\d)\d{4}(?:-\d{4})?(?![\w\-/.]|,\d)", 0.15),
        Pattern("ca-postcode", rf"(?<![\w\-]){_CA_POSTCODE}(?!\w)", 0.6),
        Pattern("ie-eircode", rf"(?<![\w\-]){_EIRCODE}(?!\w)", 0.55),
        Pattern(
            "eu4-postcode-city",
            rf"(?<![\w\-/.,])(?P<pii>\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}} \d{{2}}|"
            rf"\d{{4}} ?[A-Z]{{2}})"
            rf" {_CITY}(?=[ \t]*(?:[,.;]|\r?\n|$))",
            0.5,
        ),
        Pattern("au-state-postcode", rf"(?<![\w\-])(?:{_AU_STATES}),? (?P<pii>\d{{4}})(?!\w)", 0.5),
        # "shipping to the 79098 area", "do you deliver to the 42114 area?"
        Pattern(
            "postcode-area",
            rf"(?<![\w\-/.,])(?P<pii>{_UK_POSTCODE}|\d{{4,5}}(?: ?[A-Z]{{2}})?"
            r"|[A-Z]{1,2}\d{1,2})"
            r" (?:area|district|region|postcode area|zone)(?! code)(?!\w)",
            0.6,
        ),
        Pattern(
            "eu-postcode-city",
            rf"(?<![\w\-/.,])(?P<pii>\d{{5}}) {_CITY}(?=[ \t]*(?:[,.;]|\r?\n|$))",
            0.5,
        ),
    )
    CONTEXT = (
        "zip", "zip code", "zipcode", "postcode", "post code", "postal code", "código postal",
        "codigo postal", "c.p.", "code postal", "plz", "postleitzahl",
    )
    CONTEXT_BOOST = 0.45

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        if pattern.name in ("uk-postcode", "ca-postcode", "ie-eircode"):
            return Verdict(True, f"{pattern.name}-format")
        return ACCEPT


_EXTENDER = AddressRecognizer()
