"""What kind of fact a question asks for, and whether a passage holds one.

"How long does a refund take?" needs a duration in the passage that answers it, "how much is
gift wrapping?" a price or a percentage, "when are you open?" a time or a day. A passage
without the asked kind of fact is rarely the answer, however many words it shares.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache


class AnswerType(Enum):
    """The kind of fact a question asks for; NONE when the wording does not say."""

    NONE = "none"
    TIME = "time"  # a duration, a day, a time of day, a date
    AMOUNT = "amount"  # a price, a fee, a percentage, "free"


_ASKS_TIME = re.compile(
    r"\bhow (?:long|soon|quickly|fast|many (?:days|weeks|hours|months|years|minutes))\b"
    r"|\bwhen\b|\bwhat time\b|\bwhat hours\b|\b(?:opening|open|business|office) hours\b"
    r"|\bhours\b|\bdeadline\b|\bby what date\b|\bwhat days?\b",
    re.IGNORECASE,
)
_ASKS_AMOUNT = re.compile(
    r"\bhow much\b|\bcosts?\b|\bprices?\b|\bpricing\b|\bfees?\b|\bcharges?\b|\bfare\b"
    r"|\bpay for\b|\bexpensive\b|\bcheap\b|\bdiscount of\b|\bwhat percentage\b",
    re.IGNORECASE,
)
_UNIT = (
    r"(?:business |working |calendar )?(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
    r"months?|years?|fortnights?)"
)
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
    r"twenty|thirty|sixty|ninety|a few|a couple of|several|an?|\d+(?:[.,]\d+)?(?:\s*(?:-|to|–)"
    r"\s*\d+)?)"
)
_HAS_TIME = re.compile(
    rf"\b{_NUMBER_WORDS}[ -]{_UNIT}\b"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
    r"|\b\d{1,2}:\d{2}\b|\b24/7\b|\bmidnight\b|\bnoon\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekdays?\b|\bweekends?\b"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|\bimmediately\b|\binstantly\b|\bsame day\b|\bnext day\b|\bovernight\b"
    r"|\bstraight away\b|\bwithin\b|\bdaily\b|\bhourly\b|\bannually\b|\bexpire\b|\bexpiry\b"
    r"|\bvalid for\b|\buntil\b",
    re.IGNORECASE,
)
_HAS_AMOUNT = re.compile(
    r"[$£€¥]\s?\d|\d\s?(?:%|percent\b|usd\b|gbp\b|eur\b|euros?\b|dollars?\b|pounds?\b|cents?\b)"
    r"|\bfree\b|\bno (?:charge|cost|fee)\b|\bat no (?:extra )?cost\b|\bfull price\b"
    r"|\bhalf price\b|\bcosts? (?:nothing|the same)\b|\bcharge[sd]?\b|\bfees?\b|\bfares?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 14)  # customer questions repeat; a pure function of the text
def asked_type(question: str) -> AnswerType:
    """The kind of fact the question asks for; a price beats a time when both are asked."""
    if _ASKS_AMOUNT.search(question):
        return AnswerType.AMOUNT
    if _ASKS_TIME.search(question):
        return AnswerType.TIME
    return AnswerType.NONE


@lru_cache(maxsize=1 << 14)  # passages and sentences of a knowledge base: a finite set
def holds(text: str, kind: AnswerType) -> bool:
    """Whether the text contains a fact of the given kind (always true for NONE)."""
    if kind is AnswerType.TIME:
        return _HAS_TIME.search(text) is not None
    if kind is AnswerType.AMOUNT:
        return _HAS_AMOUNT.search(text) is not None
    return True
