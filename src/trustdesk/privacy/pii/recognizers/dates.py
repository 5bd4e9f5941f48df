"""Dates of birth: any real calendar date, reported only when birth context is near."""

from __future__ import annotations

import datetime as dt
import re

from trustdesk.privacy.pii.recognizer import REJECT, Pattern, PatternRecognizer, Verdict

_MONTHS = {
    # English, Spanish, French, German month names and common abbreviations.
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Italian, Portuguese, Dutch, Polish (genitive), Nordic, Finnish, Estonian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3,
    "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11,
    "dezembro": 12, "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    "marts": 3, "maj": 5, "augusti": 8, "desember": 12,
    "tammikuuta": 1, "helmikuuta": 2, "maaliskuuta": 3, "huhtikuuta": 4, "toukokuuta": 5,
    "kesäkuuta": 6, "heinäkuuta": 7, "elokuuta": 8, "syyskuuta": 9, "lokakuuta": 10,
    "marraskuuta": 11, "joulukuuta": 12, "jaanuar": 1, "veebruar": 2, "märts": 3,
    "aprill": 4, "juuni": 6, "juuli": 7, "oktoober": 10, "detsember": 12,
}
MONTH_NAMES = frozenset(_MONTHS)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th|er|º|°)?"
_NUMBER = re.compile(r"\d+")
_ORDINAL_WORDS = {
    word: n + 1 for n, word in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"])
} | {f"twenty-{w}": 20 + n for w, n in (("first", 1), ("second", 2), ("third", 3),
                                       ("fourth", 4), ("fifth", 5), ("sixth", 6),
                                       ("seventh", 7), ("eighth", 8), ("ninth", 9))
     } | {"thirtieth": 30, "thirty-first": 31}
_ORDINAL = "|".join(sorted((w.replace("-", "[- ]") for w in _ORDINAL_WORDS), key=len,
                           reverse=True))
# The day and the month of an "ordinal-words-month-year" match, read back by `validate`
_ORDINAL_DATE = re.compile(rf"({_ORDINAL})(?: of)? ({_MONTH})", re.IGNORECASE)


def _after_a_name(text: str, start: int) -> bool:
    """The date is in brackets right after a two-word name: "my son Tom Berg (2019-03-04)"."""
    before = text[max(0, start - 40) : start]
    if not before.endswith("("):
        return False
    tokens = before[:-1].split()[-2:]
    return (len(tokens) == 2 and all(t[:1].isupper() for t in tokens)
            and tokens[-1][1:].isalpha() and tokens[-1][1:].islower())


class DateOfBirthRecognizer(PatternRecognizer):
    """Numeric and spelled-out dates in EN/ES/FR/DE forms, scored up by birth context."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (
        Pattern(
            "numeric-dmy",
            rf"(?=\d)(?<![\d./\-]){_DAY}([./\-]){_DAY}\1(?:19|20)?\d\d(?![\d/\-]|\.\d)",
            0.3,
        ),
        Pattern("iso", r"(?:1(?<![\d./\-]1)9|2(?<![\d./\-]2)0)\d\d-[01]\d-[0-3]\d"
                r"(?![\d/\-]|\.\d)", 0.3),
        Pattern(
            "day-month-year",
            rf"(?<!\w){_DAY}{_ORD}\.?(?: of| de)? (?:{_MONTH})\.?,?(?: de| del)? "
            rf"(?:19|20)\d\d(?!\w)",
            0.3,
            re.IGNORECASE,
        ),
        Pattern(
            # "14-Aug-2004", "3/mar/1961"
            "day-mon-year",
            rf"(?<![\w\-/]){_DAY}([\-/])(?:{_MONTH})\1(?:19|20)?\d\d(?![\w\-/])",
            0.3,
            re.IGNORECASE,
        ),
        Pattern(
            # "twenty-third May 1981", "the fifth of november 1950"
            "ordinal-words-month-year",
            rf"(?<!\w)(?:{_ORDINAL})(?: of)? (?:{_MONTH})\.?,? (?:19|20)\d\d(?!\w)",
            0.3,
            re.IGNORECASE,
        ),
        Pattern(
            "month-day-year",
            rf"(?<!\w)(?:{_MONTH})\.? {_DAY}{_ORD},? (?:19|20)\d\d(?!\w)",
            0.3,
            re.IGNORECASE,
            # a match starts at a month name that is a whole word (". " or " " follows it)
            frozenset(_MONTHS),
        ),
    )
    CONTEXT = (
        "born", "born on", "dob", "d.o.b", "d.o.b.", "date of birth", "birth date", "birthdate",
        "birthday", "fecha de nacimiento", "nacimiento", "nacido el", "nacida el", "nací el",
        "né le", "née le", "ne le", "date de naissance", "naissance", "geboren", "geboren am",
        "geburtsdatum", "geburtstag", "geb.", "nato il", "nata il", "nato", "nata", "nascita",
        "data di nascita", "nascido em", "nascida em", "data de nascimento", "geboortedatum",
        "geboren op", "född", "fødd", "født", "føddt", "fødselsdato", "födelsedatum",
        "syntynyt", "syntymäaika", "sündinud", "sünniaeg", "urodzony", "urodzona",
        "data urodzenia", "died", "passed away", "passed away on", "death", "date of death",
        "døde", "døde den", "dog", "död", "kuoli", "verstorben", "gestorben", "décédé",
        "décédée", "falleció", "morto", "morta", "overleden", "zmarł", "zmarła", "dob -",
        "d.o.b.:", "birth", "aged", "age", "décès", "deces", "fallecimiento", "sterbedatum",
    )
    CONTEXT_BOOST = 0.4
    CONTEXT_BEFORE = 48
    # A full date before this year in a support message is most often a birth date: order and
    # delivery dates are recent. Such dates are reported without context, at a lower score.
    OLD_BEFORE = 2013
    OLD_SCORE = 0.5
    CONTEXT_AFTER = 0
    # "mein Vater ist am 24.05.2024 verstorben": a death word comes after its date.
    DEATH_AFTER = re.compile(r"[ \t]{1,3}(?i:verstorben|gestorben|overleden|zmarł|zmarła|"
                             r"död|kuoli|døde|passed away|died)(?!\w)")

    def context_word(self, text: str, start: int, end: int) -> str | None:
        # A birth word before a blank line belongs to another paragraph ("date of birth
        # 14.08.1953. Thanks.\n\nOn 22.07.2026, Ana wrote:" dates the reply, not a birth).
        gap = text.rfind("\n\n", max(0, start - self.CONTEXT_BEFORE), start)
        if gap >= 0:
            word = super().context_word(text[gap:], start - gap, end - gap)
        else:
            word = super().context_word(text, start, end)
        if word is None and _after_a_name(text, start):
            word = "a name ("
        if word is None:
            death = self.DEATH_AFTER.match(text, end)
            word = death.group(0).strip().lower() if death else None
        return word

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        numbers = [int(n) for n in _NUMBER.findall(value)]
        if pattern.name == "iso":
            year, month, day = numbers
        elif pattern.name == "numeric-dmy":
            day, month, year = numbers
            if month > 12 and day <= 12:  # US order, 03/25/1990
                day, month = month, day
        elif pattern.name == "ordinal-words-month-year":
            parts = _ORDINAL_DATE.match(value)
            assert parts is not None  # the pattern's own shape
            day = _ORDINAL_WORDS[parts.group(1).lower().replace(" ", "-")]
            month, year = _MONTHS[parts.group(2).lower()], numbers[-1]
        else:
            word = re.search(rf"(?:{_MONTH})", value, re.IGNORECASE)
            assert word is not None
            month = _MONTHS[word.group(0).lower()]
            day, year = numbers[0], numbers[-1]
        if year < 100:
            year += 1900 if year > 30 else 2000
        try:
            born = dt.date(year, month, day)
        except ValueError:
            return REJECT
        if born.year < 1900:
            return REJECT
        if born.year < self.OLD_BEFORE:
            return Verdict(True, "calendar-date, before 2013", score=self.OLD_SCORE)
        return Verdict(True, "calendar-date")
