"""Cheap regex screening for personal data around the model (defence in depth).

The privacy guard upstream does the real detection and redaction. These patterns
only catch what must never cross the model boundary even if that guard was
bypassed: e-mail addresses, phone numbers and card-like numbers, plus redaction
placeholders (``<EMAIL_1>``) that the model invents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from trustdesk.domain.placeholder import PLACEHOLDER

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A digit run with single separators between digits; the digit count decides the kind.
_DIGIT_RUN = re.compile(r"(?<![\w-])\+?\(?\d(?:(?:[ .\-/]|\) ?)?\(?\d)+\)?(?![\w])")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Shortest national numbers (e.g. some EU landlines) have 9 digits with the area code;
# order numbers (LL-123456), years and most prices have fewer.
MIN_PHONE_DIGITS = 9
MAX_PHONE_DIGITS = 15
MIN_CARD_DIGITS = 13
MAX_CARD_DIGITS = 19


@dataclass(frozen=True)
class PersonalDataHit:
    """One suspicious span: its kind (email, phone, card), offsets and text."""

    kind: str
    start: int
    end: int
    text: str

    def describe(self) -> str:
        """A label that names the finding without repeating the personal data."""
        if self.kind == "placeholder":
            return f"placeholder {self.text}"
        return f"{self.kind} at {self.start}-{self.end}"


def find_personal_data(text: str) -> tuple[PersonalDataHit, ...]:
    """Return e-mail, phone and card-like spans in ``text``, in order."""
    hits = [PersonalDataHit("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]
    for match in _DIGIT_RUN.finditer(text):
        if any(h.start <= match.start() < h.end for h in hits):
            continue  # digits inside an e-mail address
        kind = _digit_run_kind(match.group())
        if kind is not None:
            hits.append(PersonalDataHit(kind, match.start(), match.end(), match.group()))
    return tuple(sorted(hits, key=lambda h: h.start))


def find_placeholders(text: str) -> tuple[PersonalDataHit, ...]:
    """Return redaction placeholders such as ``<PERSON_1>`` in ``text``."""
    return tuple(
        PersonalDataHit("placeholder", m.start(), m.end(), m.group())
        for m in PLACEHOLDER.finditer(text)
    )


def leaked_items(output: str, *, allowed_sources: Iterable[str]) -> tuple[PersonalDataHit, ...]:
    """Personal data or placeholders in ``output`` that none of ``allowed_sources`` contain.

    A shop's own support address quoted from a knowledge-base passage is allowed;
    anything the model produced on its own is not.
    """
    sources = tuple(allowed_sources)
    found = [hit for source in sources for hit in find_personal_data(source)]
    allowed_emails = {h.text.lower() for h in found if h.kind == "email"}
    allowed_digits = {_digit_key(h) for h in found if h.kind != "email"}
    allowed_placeholders = {h.text for s in sources for h in find_placeholders(s)}
    leaks: list[PersonalDataHit] = []
    for hit in find_personal_data(output):
        if hit.kind == "email" and hit.text.lower() in allowed_emails:
            continue
        if hit.kind != "email" and _digit_key(hit) in allowed_digits:
            continue
        leaks.append(hit)
    leaks.extend(h for h in find_placeholders(output) if h.text not in allowed_placeholders)
    return tuple(sorted(leaks, key=lambda h: h.start))


def mask(text: str, hits: Iterable[PersonalDataHit]) -> str:
    """Replace each hit's span with ``[REMOVED KIND]`` so the text can be stored."""
    out = text
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        out = f"{out[: hit.start]}[REMOVED {hit.kind.upper()}]{out[hit.end :]}"
    return out


def _digit_run_kind(run: str) -> str | None:
    if _ISO_DATE.match(run.lstrip("+(")):
        return None
    count = len(_digits(run))
    if run.startswith("+") and MIN_PHONE_DIGITS <= count <= MAX_PHONE_DIGITS:
        return "phone"
    if MIN_CARD_DIGITS <= count <= MAX_CARD_DIGITS:
        return "card"
    if MIN_PHONE_DIGITS <= count <= MAX_PHONE_DIGITS:
        return "phone"
    return None


def _digit_key(hit: PersonalDataHit) -> str:
    # "+44 (0)20 7946 0958" and "020 7946 0958" are one number: compare the subscriber part
    digits = _digits(hit.text)
    return f"phone:{digits[-MIN_PHONE_DIGITS:]}" if hit.kind == "phone" else digits


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
