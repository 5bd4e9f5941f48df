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
    r"(?<![\w+\-/.,])(?:\+|00)?\(?\d[\d \u00a0().\-/]{5,22}\d(?![\w]|[\-/.]\d)"
)
_SPLIT = re.compile(r"[^\d]+")
_DATE_LIKE = re.compile(r"\d{1,4}([./\-])\d{1,2}\1\d{1,4}")
_CONTEXT = (
    "phone", "telephone", "tel", "mobile", "cell", "call", "text me", "whatsapp", "ring",
    "teléfono", "telefono", "móvil", "movil", "llamar", "llámame", "téléphone", "portable",
    "appeler", "rappeler", "telefon", "handy", "rufnummer", "anrufen",
)
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
            if len(groups) > 6 or not 7 <= len(digits) <= 15:
                continue
            region = self._region(candidate, digits)
            if region is None:
                continue
            score = self.INTERNATIONAL_SCORE if region == "" else self.NATIONAL_SCORE
            word = self._context_word(text, start, end)
            if word is not None:
                score = min(1.0, score + self.CONTEXT_BOOST)
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    entity=self.ENTITY,
                    score=round(score, 4),
                    recognizer=self.name,
                    pattern="international" if region == "" else f"national-{region}",
                    validator="phonenumbers",
                    context_word=word,
                )
            )
        return findings

    def _context_word(self, text: str, start: int, end: int) -> str | None:
        assert self._context is not None
        hits = self._context.findall(text[max(0, start - 40) : start].lower())
        return str(hits[-1]) if hits else None
