"""Redaction placeholders in the text the models see, and the words that only name them."""

from __future__ import annotations

import re

from trustdesk.domain.placeholder import PLACEHOLDER_ANY_CASE

# The words that only say what a redacted value was: in "my phone number is <PHONE_1>"
# they would pull retrieval toward articles about phones (dev top-1 0.916 -> 0.779 with that
# sentence added). Per type, because "order" before <ORDER_1> is the topic.
_NAMES_OF = {
    "EMAIL": "e-?mail|mail|address",
    "PHONE": "phone|mobile|cell|telephone|tel|number|no",
    "CARD": "card|credit|debit|number|no",
    "IBAN": "iban|bank|account|number|no",
    "BANK_ACCOUNT": "bank|account|number|no",
    "PERSON": "name|first|last|full|surname|family",
    "NATIONAL_ID": "national|insurance|id|identity|social|security|number|no",
    "DATE_OF_BIRTH": "date|of|birth|dob|birthday",
    "POSTCODE": "postcode|post|postal|zip|code",
    "IP_ADDRESS": "ip|address",
}
_NAMING = {
    entity: re.compile(
        rf"(?:\b(?:{names})\b[\s:#.]*){{1,4}}(?:\b(?:is|was|are|were)\b\s*)?$", re.IGNORECASE
    )
    for entity, names in _NAMES_OF.items()
}


def drop_value_names(text: str) -> str:
    """Remove the words right before a placeholder that only name it ("my phone number is
    <PHONE_1>" -> "my <PHONE_1>"); the placeholders stay, for the caller to handle."""
    if "<" not in text:
        return text
    kept: list[str] = []
    end = 0
    for match in PLACEHOLDER_ANY_CASE.finditer(text):
        before = text[end : match.start()]
        naming = _NAMING.get(match.group(1).upper())
        if naming is not None:  # the naming words sit right before it
            before = before[:-60] + naming.sub(" ", before[-60:], count=1)
        kept.append(before + match.group(0))
        end = match.end()
    kept.append(text[end:])
    return "".join(kept)
