"""Age cues taken out of a request before the intent model and the help centre read it.

`ai.focus` sets apart the clauses that only say who the writer is ("I'm 84.", "As a
pensioner,"). Customers also state an age inside the clause that asks ("at my age (84) I
don't like typing", "I'm retired so I can be in any day"), and the next writer always
finds a wording the last cure did not list: the sealed probe sets v8 and v9 showed cures
found on one writer's wording barely carrying to the next.
So the request is read once more with every age cue of one small grammar removed: a number
beside "I'm", "at", "aged", "years old" or in brackets, and the words for a time of life or a
generation. Words for kin ("my grandkids") are left to the readers: the help centre reads
them as stop words, and no one word stands in for them neutrally ("family" reads as
bereavement to the demo model). What is removed is kept as context, for the record and for
the rules that read the whole message; nothing here decides anything.

The numbers are read as ages only in those frames, so "at 9 am", "I'm 20 minutes away", "at
50% off" and "order 84" keep theirs.
"""

from __future__ import annotations

import re

# Words for a time of life or a generation; the help centre's reading (`ai.kb.analysis`) takes
# them for stop words, as it takes the words for kin.
LIFE_STAGE_WORDS = frozenset([
    "retired", "retiree", "retirees", "pensioner", "pensioners", "elderly", "oap", "oaps",
    "boomer", "boomers", "millennial", "millennials", "zoomer", "zoomers", "octogenarian",
    "nonagenarian",
])
# What follows a number that makes it no age: a time, a share, an amount, a count of things.
_NOT_AGE_AFTER = (
    r"(?![ \t]*(?:%|:|\.\d|£|\$|€)|[ \t]*(?:am|pm|a\.m|p\.m|percent|o'?clock|min|mins|minutes|"
    r"h|hrs?|hours|days?|weeks?|months?|items?|pieces?|orders?|euros?|pounds?|dollars?|quid|"
    r"kg|g|cm|mm|m|km|miles?|inch|inches|in|x|pack)\b)"
)
_CUES = re.compile(
    "|".join(
        [
            # "at my age (84)", "(aged 67)", "(79 yrs)", "(21, first flat lol)"; a bare "(40)"
            # is a count ("Can I order (40) napkins?")
            r"\bat my age\b(?:[ \t]*\(\d{1,3}\))?,?",
            r"[ \t]*\((?:aged?[ \t]*\d{1,3}|\d{1,3}[ \t]*(?:y/?o|yrs?(?: old)?|years?(?: old)?))"
            r"\)",
            r"[ \t]*\(\d{2,3},[^()\n]{1,40}\)",
            # "at 91 I am", "aged 67,", "age 81"
            rf"\b(?:at|aged?)[ \t]+\d{{2,3}}\b{_NOT_AGE_AFTER},?",
            # "a 79-year-old", "84 years young"
            r"\b(?:an? )?\d{2,3}[- ](?:years?|yrs?)[- ](?:old|young)\b,?",
            # "I'm 84 and ...", "im 21 do you ...": the number, not the "I'm"
            rf"(?:(?<=\bi'm )|(?<=\bi’m )|(?<=\bi am )|(?<=\bim ))"
            rf"(?:only |just |nearly |almost |over )?\d{{2,3}}\b{_NOT_AGE_AFTER},?",
            # a time of life, a generation
            rf"\b(?:{'|'.join(sorted(LIFE_STAGE_WORDS))}|senior citizen|older customer|"
            r"older person|silver surfer|gen ?z)\b",
        ]
    ),
    re.IGNORECASE,
)
_RUNS = re.compile(r"[ \t]{2,}")
_BEFORE_MARK = re.compile(r"[ \t]+(?=[,.!?;:])")
_LEADING_MARK = re.compile(r"^[ \t]*[,;:][ \t]*")


def without_age_cues(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with its age cues removed, and the cues removed (empty when there were none)."""
    found = tuple(m.group(0).strip(" \t,") for m in _CUES.finditer(text))
    if not found:
        return text, ()
    neutral = _BEFORE_MARK.sub("", _RUNS.sub(" ", _CUES.sub(" ", text)))
    return _LEADING_MARK.sub("", neutral).strip(), found
