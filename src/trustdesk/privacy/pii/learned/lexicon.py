"""Compact word lists the learned tagger's features look words up in.

Shipped in trustdesk/privacy/pii/data/lexicon/ as gzipped text, one folded word a line,
written by `bench/pii_lexicon.py` (sources and licences in that folder's README). Loaded once
per process; about 20 MB of sets.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from trustdesk.privacy.pii.gazetteer import NameGazetteer, fold

FILES = ("first_names", "surnames", "common_words", "places")
# Words that introduce a name or an address ("Directed by:", "says", "ship to").
CUES = frozenset(
    [
        "name", "names", "says", "said", "wrote", "writes", "by", "from", "to", "dear", "hi",
        "hello", "hey", "regards", "thanks", "thank", "cheers", "best", "sincerely", "yours",
        "attn", "attention", "c", "o", "contact", "customer", "client", "signed", "directed",
        "written", "produced", "ask", "asked", "spoke", "talk", "talked", "agent", "manager",
        "colleague", "friend", "wife", "husband", "son", "daughter", "mother", "father", "mum",
        "mom", "dad", "sister", "brother", "partner", "address", "ship", "deliver", "delivery",
        "send", "sent", "live", "lives", "living", "located", "moved", "shipping", "billing",
        "at", "in", "an", "der", "la", "el", "le", "de", "du", "of", "via", "holder",
        "cardholder", "recipient", "sender", "passenger", "patient", "guest", "tenant", "owner",
        "user", "named", "called", "call", "met", "with", "for", "and",
    ]
)
TITLES = frozenset(
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame", "lady", "lord",
        "sr", "sra", "srta", "don", "doña", "herr", "frau", "mme", "mlle", "m", "monsieur",
        "madame", "sig", "sigra", "dott", "rev", "fr", "capt", "col", "sgt",
    ]
)
UNITS = frozenset(
    [
        "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm", "bldg",
        "building", "block", "piso", "puerta", "planta", "bajo", "etage", "étage", "appt",
        "appartement", "wohnung", "whg", "box", "po", "p", "o", "bus", "lgh", "lägenhet",
        "lejlighed", "asunto", "korter", "porta", "andar", "scala", "interno", "int",
    ]
)
STREET_WORDS = frozenset(
    [
        "street", "st", "road", "rd", "avenue", "ave", "av", "avda", "avenida", "lane", "ln",
        "drive", "dr", "boulevard", "blvd", "bd", "close", "crescent", "cres", "way", "place",
        "pl", "terrace", "ter", "court", "ct", "square", "sq", "parkway", "pkwy", "highway",
        "hwy", "mews", "row", "walk", "grove", "gardens", "green", "hill", "park", "rise", "vale",
        "view", "circle", "cir", "trail", "trl", "loop", "pike", "alley", "path", "plaza",
        "broadway", "esplanade", "quay", "wharf", "parade", "circuit", "calle", "c", "carrer",
        "carretera", "camino", "paseo", "plaza", "pza", "ronda", "travesía", "rue", "allée",
        "allee", "impasse", "chemin", "quai", "cours", "route", "faubourg", "via", "viale",
        "piazza", "corso", "largo", "vicolo", "strada", "rua", "travessa", "praça", "estrada",
        "alameda", "largo", "ulica", "ul", "aleja", "al", "plac", "osiedle", "os", "gata", "gate",
        "vei", "veien", "vej", "gade", "tie", "katu", "tänav", "tn", "mnt", "maantee", "pst",
        "puiestee", "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm",
        "ufer", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg",
        "chaussée", "chaussee", "dreef", "leane",
    ]
)
STREET_ENDINGS = (
    "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer",
    "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "gatan", "vägen",
    "vagen", "gata", "gate", "veien", "vegen", "vei", "veg", "gade", "vej", "stræde", "torv",
    "katu", "tie", "kuja", "polku", "tori", "tänav", "tanav", "maantee", "puiestee", "põik",
    "pad", "wal", "hof", "markt", "graben",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded word sets, one per kind."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str]
    place: frozenset[str]
    street: frozenset[str] = STREET_WORDS
    cue: frozenset[str] = CUES
    title: frozenset[str] = TITLES
    unit: frozenset[str] = UNITS
    street_endings: tuple[str, ...] = STREET_ENDINGS

    @classmethod
    def bundled(cls) -> Lexicon:
        """Load the shipped lists (once per process)."""
        return _bundled()


def read_list(name: str) -> frozenset[str]:
    path = resources.files("trustdesk.privacy.pii.data").joinpath("lexicon", f"{name}.txt.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


@lru_cache(maxsize=1)
def _bundled() -> Lexicon:
    gazetteer = NameGazetteer.bundled()
    common = read_list("common_words") | gazetteer.common
    return Lexicon(
        first=read_list("first_names") | gazetteer.first,
        last=read_list("surnames") | gazetteer.last,
        common=frozenset(fold(w) for w in common),
        place=read_list("places"),
    )
