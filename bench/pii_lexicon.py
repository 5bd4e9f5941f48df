"""Write the learned tagger's compact lexicons: src/trustdesk/privacy/pii/data/lexicon/*.txt.gz.

    python -m venv /tmp/lexicon && /tmp/lexicon/bin/pip install names-dataset==3.3.1 faker==40.*
    /tmp/lexicon/bin/python bench/pii_lexicon.py        # deterministic: same input, same files

Build-time only: names-dataset needs GBs to load, so the run-time detector reads only the
derived lists (names ranked in the top RANK of any country, Latin script). Sources and
licences are written next to the lists in README.md.
"""

from __future__ import annotations

import gzip
import pickle
import random
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "trustdesk" / "privacy" / "pii" / "data" / "lexicon"
RANK = 4000
PLACE_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR",
    "fr_CA", "fr_CH", "es_ES", "es_MX", "it_IT", "nl_NL", "nl_BE", "pt_PT", "pt_BR", "pl_PL",
    "sv_SE", "no_NO", "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "sk_SK", "sl_SI", "hr_HR",
)
LOREM_LOCALES = ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "da_DK", "cs_CZ")


def fold(word: str) -> str:
    low = word.lower()
    decomposed = unicodedata.normalize("NFKD", low.replace("ß", "ss").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def latin_word(word: str) -> bool:
    folded = fold(word)
    return 2 <= len(folded) <= 30 and folded.replace("'", "").replace("-", "").isascii() and \
        folded.replace("'", "").replace("-", "").isalpha()


def names(kind: str) -> set[str]:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / f"{kind}_names.pkl.gz"
    with gzip.open(path, "rb") as fh:
        table = pickle.load(fh)
    out = set()
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks or min(ranks.values()) > RANK:
            continue
        for part in name.split():
            if latin_word(part):
                out.add(fold(part))
    return out


def places() -> set[str]:
    from faker import Faker

    out: set[str] = set()
    for i, locale in enumerate(PLACE_LOCALES):
        fake = Faker(locale)
        fake.seed_instance(1000 + i)
        for _ in range(400):
            for part in fake.city().replace("-", " ").split():
                if latin_word(part) and part[:1].isupper():
                    out.add(fold(part))
    import pycountry

    for country in pycountry.countries:
        for part in country.name.replace(",", " ").split():
            if latin_word(part) and part[:1].isupper():
                out.add(fold(part))
    return out


def common_words() -> set[str]:
    import importlib

    out: set[str] = set()
    for locale in LOREM_LOCALES:
        module = importlib.import_module(f"faker.providers.lorem.{locale}")
        for word in module.Provider.word_list:
            if latin_word(word):
                out.add(fold(word))
    return out


def write(name: str, words: set[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    data = "".join(f"{w}\n" for w in sorted(words)).encode("utf-8")
    # mtime=0: the same words give byte-identical files.
    with gzip.GzipFile(OUT / f"{name}.txt.gz", "wb", mtime=0) as fh:
        fh.write(data)
    print(f"{name}: {len(words)} words")


def main() -> int:
    random.seed(0)
    write("first_names", names("first"))
    write("surnames", names("last"))
    write("places", places())
    write("common_words", common_words())
    return 0


if __name__ == "__main__":
    sys.exit(main())
