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
50% off" and "order 84" keep theirs; "at" takes an age only from 25 (below it is mostly an
hour) and never in a message about washing or heat, where "at 40" is a temperature.
"""

from __future__ import annotations

import re

# Words for a time of life or a generation; the help centre's reading (`ai.kb.analysis`) takes
# them for stop words, as it takes the words for kin.
LIFE_STAGE_WORDS = frozenset([
    "retired", "retiree", "retirees", "pensioner", "pensioners", "elderly", "oap", "oaps",
    "boomer", "boomers", "millennial", "millennials", "zoomer", "zoomers", "octogenarian",
    "nonagenarian", "retirement",
])
# What follows a number that makes it no age: a time, a share, an amount, a count of things.
_NOT_AGE_AFTER = (
    r"(?![ \t]*(?:%|:|\.\d|£|\$|€)|[ \t]*(?:am|pm|a\.m|p\.m|percent|o'?clock|min|mins|minutes|"
    r"h|hrs?|hours|days?|weeks?|months?|items?|pieces?|orders?|euros?|pounds?|dollars?|quid|"
    r"kg|g|cm|mm|m|km|miles?|inch|inches|in|x|pack|degrees?|deg|c|f|off)\b|[ \t]*\u00b0)"
)
# "at 40" is a temperature wherever washing or heat is the subject
_HEAT = re.compile(r"\b(?:wash\w*|cycle|tumble|dry|dryer|iron\w*|heat|hot|temperature|oven|"
                   r"degrees?|celsius|fahrenheit)\b|\u00b0", re.IGNORECASE)
# "as a pensioner", "being a 22-year-old", "a 79-year-old": the words that only frame the cue
_AS = r"(?:\b(?:as|being) an? |\ban? |\b)"
# An age written as words ("seventy-two", "eighty"), from twenty; "at" takes one from thirty
_UNITS = r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_FROM_THIRTY = r"(?:thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_WORD_AGE = rf"(?:(?:twenty|{_FROM_THIRTY}){_UNITS}|a hundred|one hundred)"
_N = rf"(?:\d{{2,3}}|{_WORD_AGE})"  # an age in digits or in words
_AT_AGE = rf"(?:2[5-9]|[3-9]\d|1[01]\d|{_FROM_THIRTY}{_UNITS})"
# "I'm 84", "im nearly 90 years old": the age a writer gives of themselves
_QUALIFIER = r"(?:only |just |nearly |almost |over )?"
_IM_AGE = (
    rf"\b(?:i'm|i\u2019m|im|i am)[ \t]+{_QUALIFIER}{_N}\b"
    rf"(?: ?(?:years old|yrs old|yo|y/o))?{_NOT_AGE_AFTER}"
)
# what a writer says they are after their age: "I'm 66 and worried", "and not sure"
_STATE = (r"(?:a bit |very |so |really |quite |getting |a little )?(?:worried|wondering|hoping|"
          r"not|unsure|confused|keen|looking|trying|new|nervous|anxious|slow|hopeless|rubbish|"
          r"useless|bad|terrible|struggling|finding)\b")
_CUES = re.compile(
    "|".join(
        [
            # "at my age (84)", "(aged 67)", "(79 yrs)", "(21, first flat lol)"; a bare "(40)"
            # is a count ("Can I order (40) napkins?")
            r"\bat my age\b(?:[ \t]*\(\d{1,3}\))?,?",
            r"[ \t]*\((?:aged?[ \t]*\d{1,3}|\d{1,3}[ \t]*(?:y/?o|yrs?(?: old)?|years?(?: old)?))"
            r"\)",
            r"[ \t]*\(\d{2,3},[^()\n]{1,40}\)",
            # "(I'm 78)", "(im 15 lol)", "(he's 80)"
            r"[ \t]*\((?:i'm|i\u2019m|im|i am|he's|he is|she's|she is|they're|they are)[ \t]+"
            r"\d{1,3}\b[^()\n]{0,20}\)",
            # "in my 70s", "in her late eighties", "a 30-something"
            r"\bin (?:my|his|her|their|our) (?:early |late |mid-?)?(?:\d0'?s|twenties|thirties|"
            r"forties|fifties|sixties|seventies|eighties|nineties)\b,?",
            r"\b\d0-?somethings?\b",
            # "since I turned 75", "comes with being 80", "a friend who is 95"
            rf"\b(?:turned|turning|being|who is|who's)[ \t]+{_N}\b{_NOT_AGE_AFTER},?",
            # "I'm getting on a bit", "not as young as I used to be", "of a certain age"
            r"\bgetting on (?:a bit|in years)\b,?", r"\bnot as young as i (?:was|used to be)\b,?",
            r"\b(?:of|at) a certain age\b,?",
            # "I'm 66 and worried ...": the number and its joint; "I'm" stays with the state
            rf"(?:(?<=\bi'm )|(?<=\bi\u2019m )|(?<=\bi am )|(?<=\bim )){_QUALIFIER}{_N}\b"
            rf"(?: ?(?:years old|yrs old))?,? (?:and|but) (?={_STATE})",
            # "an old timer of 79"
            r"\b(?:an? )?old[- ]timer(?: of \d{2,3})?\b,?",
            # a school year ("I'm in year 12"), a gap year; "too old", "too young"
            r"\bin (?:year|grade) \d{1,2}\b,?", r"\bgap[- ]year\b", r"\btoo (?:old|young)\b",
            # "aged 67,", "age 81"; "at 91 I am" (`_HEAT`)
            rf"\baged?[ \t]+{_N}\b{_NOT_AGE_AFTER},?",
            rf"(?P<at>\bat[ \t]+{_AT_AGE}\b{_NOT_AGE_AFTER},?)",
            # "a 79-year-old", "84 years young"
            rf"{_AS}{_N}[- ](?:years?|yrs?)[- ](?:old|young)\b,?",
            # "I'm 84 and my parcel ...", "im 15, the lamp ...", "I'm 81 and can't ...": the
            # age and its joint
            rf"{_IM_AGE}(?:,?[ \t]+(?:and|but|so)|,)[ \t]+(?=\w)(?!{_STATE})",
            # "I'm 68." that only gives an age: all of it
            rf"{_IM_AGE}(?=[ \t]*(?:[.!]|$))[.!]?",
            # "I'm 84, please ...", "im 21 do you ...": the number, not the "I'm"
            rf"(?:(?<=\bi'm )|(?<=\bi’m )|(?<=\bi am )|(?<=\bim ))"
            rf"{_QUALIFIER}{_N}\b{_NOT_AGE_AFTER},?",
            # a time of life, a generation
            rf"{_AS}(?:{'|'.join(sorted(LIFE_STAGE_WORDS))}|senior citizen|older customer|"
            r"older person|silver surfer|gen ?z)\b(?: here\b)?(?:,?[ \t]*\d{2,3}\b(?=[,.!]))?,?",
        ]
    ),
    re.IGNORECASE,
)
# A copula the cue leaves behind ("I'm retired and slow" -> "I'm and slow"): before a state it
# keeps its subject ("I'm slow"), before a verb or "so" it goes ("we are both retired and want
# ..." -> "we want ...", "I'm retired so any day works" -> "so any day works"); alone it stays
# ("I'm retired." -> "I'm .", which `ai.focus` reads as a bare statement of who the writer is).
_LEFT_COPULA = re.compile(
    r"\b(?P<subject>i'm|i\u2019m|im|i am|we're|we are|are|am)(?: both| all)?[ \t]*\x00[ \t]*"
    r"(?:(?P<state>(?:and|but) (?=" + _STATE + r"))|(?:and|but)[ \t]+|(?=so\b))",
    re.IGNORECASE,
)
_RUNS = re.compile(r"[ \t]{2,}")
_BEFORE_MARK = re.compile(r"[ \t]+(?=[,.!?;:])")
_LEADING_MARK = re.compile(r"^[ \t]*[,;:][ \t]*")


def without_age_cues(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with its age cues removed, and the cues removed (empty when there were none)."""
    heat = _HEAT.search(text) is not None
    found: list[str] = []

    def cue(m: re.Match[str]) -> str:
        if heat and m.group("at"):
            return m.group(0)  # a temperature
        found.append(m.group(0).strip(" \t,"))
        return " \x00 "

    neutral = _CUES.sub(cue, text)
    if not found:
        return text, ()
    neutral = _LEFT_COPULA.sub(_copula, neutral).replace("\x00", " ")
    neutral = _BEFORE_MARK.sub("", _RUNS.sub(" ", neutral))
    return _LEADING_MARK.sub("", neutral).strip(), tuple(found)



def _copula(m: re.Match[str]) -> str:
    return f"{m.group('subject')} " if m.group("state") else ""
