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
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th|er|º|°)?"
_NUMBER = re.compile(r"\d+")


class DateOfBirthRecognizer(PatternRecognizer):
    """Numeric and spelled-out dates in EN/ES/FR/DE forms, scored up by birth context."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = (
        Pattern(
            "numeric-dmy",
            rf"(?<![\d./\-]){_DAY}([./\-]){_DAY}\1(?:19|20)?\d\d(?![\d/\-]|\.\d)",
            0.3,
        ),
        Pattern("iso", r"(?<![\d./\-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d/\-]|\.\d)", 0.3),
        Pattern(
            "day-month-year",
            rf"(?<!\w){_DAY}{_ORD}\.?(?: of| de)? (?:{_MONTH})\.?,?(?: de| del)? "
            rf"(?:19|20)\d\d(?!\w)",
            0.3,
            re.IGNORECASE,
        ),
        Pattern(
            "month-day-year",
            rf"(?<!\w)(?:{_MONTH})\.? {_DAY}{_ORD},? (?:19|20)\d\d(?!\w)",
            0.3,
            re.IGNORECASE,
        ),
    )
    CONTEXT = (
        "born", "born on", "dob", "d.o.b", "d.o.b.", "date of birth", "birth date", "birthdate",
        "birthday", "fecha de nacimiento", "nacimiento", "nacido el", "nacida el", "nací el",
        "né le", "née le", "ne le", "date de naissance", "naissance", "geboren", "geboren am",
        "geburtsdatum", "geburtstag", "geb.",
    )
    CONTEXT_BOOST = 0.4
    CONTEXT_BEFORE = 40
    CONTEXT_AFTER = 0

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        numbers = [int(n) for n in _NUMBER.findall(value)]
        if pattern.name == "iso":
            year, month, day = numbers
        elif pattern.name == "numeric-dmy":
            day, month, year = numbers
            if month > 12 and day <= 12:  # US order, 03/25/1990
                day, month = month, day
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
        return Verdict(True, "calendar-date") if born.year >= 1900 else REJECT
