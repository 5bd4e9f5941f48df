"""Text normalisation shared by indexing and querying: placeholders, stop words, light stemming."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from trustdesk.ai.ages import LIFE_STAGE_WORDS
from trustdesk.ai.gendered import without_gendered_words
from trustdesk.ai.placeholders import drop_value_names
from trustdesk.domain.placeholder import PLACEHOLDER

_TOKEN = re.compile(r"[a-z0-9]+")
_JOINED = re.compile(r"\b(e)-(mail|mails)\b")
# "US" the country would otherwise fold into the stop word "us"; only capitals mean the country.
_US = re.compile(r"\b(?:U\.S\.(?:A\.)?|USA|US)(?![\w.])")
# Customer phrasings of what articles say in other words; applied to folded text.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bhow much\b", "cost"),
        # courtesy and address inside a sentence ("Good morning sir, do you people ...")
        (r"\bgood (?:morning|afternoon|evening|day)\b", " "),
        (r"\b(?:do the needful|with (?:kind |warm |best )?regards)\b", " "),
        (r"\byou (?:people|guys|lot|all|folks)\b", "you"),
        (r"\bhit (?:yall|you|u|ya) up\b", "contact you"),
        (r"\bsend(?:ing)?(?: (?:it|them|this|something|an? \w+))? back\b", "return"),
        (r"\bmoney back\b", "refund"),
        (r"\bpassed away\b", "died"),
        (r"\b(?:log|logging|logged) in(?:to)?\b", "sign in"),
        (r"\bunited states\b|\bthe states\b|\bamerica\b", "usa"),
        (r"\bunited kingdom\b|\b(?:great )?britain\b", "uk"),
        (r"\beuropean union\b|\beurope\b", "eu"),
        # shorthand customers use for what help centres spell out
        (r"\bamex\b", "american express"),
        (r"\b(?:2fa|mfa|2 ?factor|two[- ]factor|2[- ]step|two step)(?: auth\w*| verif\w*)?\b",
         "two-step verification"),
        (r"\bcal(?:ifornia)? king\b", "california king"),
        (r"\b(?:money|credit|amount|funds) (?:is |are )?left\b|\bleft on (?:my|the|it)\b",
         "remaining balance"),
        (r"\b(?:are|r) (?:you|u) open\b|\bopening times\b", "opening hours"),
        (r"\bopen on (?:the |a )?((?:sunday|saturday|weekend|bank holiday|holiday)s?)\b",
         r"opening hours \1"),
        (r"\b(?:inpost|packstation|paketstation)(?: lockers?)?\b|\bpick-?up lockers?\b",
         "parcel locker"),
    )
)

_STOP_WORD_LIST = """
a about above after again all also am an and any anyone anything are arent as at be been
before being both but by can cant could couldnt did didnt do does doesnt doing done dont
during each even ever every for from get gets getting going got gonna had has have havent
having hello her here hers hey hi him his how hows i id if im in into is isnt it its itll
ive just let lets like many me might mine more most much must my myself need needs no not
now of off ok okay on once one only or other our ours out over own please really said same
say says shall she should so some someone something still such than thank thanks that thats
the their theirs them then there theres these they this those through to too under until up
us very want wanted wants was wasnt way we were what whats when whens wheres which while who
whom whos why will with wont would wouldnt yes yet you youd youll your youre yours yourself
since ago itself supposed oh alright till yeah yep nope pls plz
"""
# The same function words, contractions and discourse particles as other varieties of English
# and informal writing spell them (African American, Scottish, Indian, Nigerian and Singapore
# English; chat): "can i still cancel it or nah", "how dae i get the label", "kindly confirm",
# "tracking never change since yesterday leh". Read as stop words like their standard forms,
# so that how a customer writes English does not count against the question as words the help
# centre does not know. Only words that carry no topic; content words are left to the speller.
_VARIETY_WORD_LIST = """
yall aint tryna finna gotta wanna outta til thru tho nah naw innit ye yer youse yous canna
cannae dinnae didnae wouldnae couldnae isnae wasnae doesnae aye ay awright ah och tae dae da ta
ma abeg o lah leh lor sia meh hor kindly regards somethin nothin gimme lemme dunno kinda sorta
u ur
"""
# Words that name whom a message is about or for, as the pronouns above do: "my husband's
# order" asks what "my order" asks. They are read as stop words so that who the customer
# shops with neither dilutes a question nor points it at an article; the help centre's own
# words for people ("family member", "friend", "partner") keep their meaning.
_KIN_WORD_LIST = """
husband husbands wife wives spouse spouses hubby son sons daughter daughters mother mothers
father fathers mum mums mom moms mam dad dads mummy daddy brother brothers sister sisters
grandson grandsons granddaughter granddaughters grandmother grandmothers grandfather
grandfathers grandma grandmas grandpa grandpas gran granny nan nana boyfriend boyfriends
girlfriend girlfriends fiance fiancee niece nieces nephew nephews aunt aunts uncle uncles
stepson stepdaughter stepmother stepfather
"""
# with the possessive the apostrophe leaves behind ("my wife's" -> "wifes")
KIN_WORDS = frozenset(w for word in _KIN_WORD_LIST.split() for w in (word, word + "s"))
# Words for a customer's time of life (`ai.ages`) are read like the words for kin: "I'm
# retired so I can be in for delivery" asks what "I work from home so ..." asks. (Help centres
# that speak of seniors' discounts keep "senior".)
STOP_WORDS = (frozenset((_STOP_WORD_LIST + _VARIETY_WORD_LIST).split()) | KIN_WORDS
              | LIFE_STAGE_WORDS)

# Spellings and words that mean the same thing here; applied after stemming, on both sides.
SYNONYMS: dict[str, str] = {
    "packag": "parcel",
    "courier": "carrier",
    "postag": "ship",
    "deliveri": "deliver",
    "expiri": "expir",
    "login": "sign",
    "logon": "sign",
    "signin": "sign",
    "coupon": "discount",
    "promo": "discount",
    "voucher": "discount",
    "giftcard": "gift",
    "bot": "ai",
    "robot": "ai",
    "chatbot": "ai",
    "died": "di",
    "deceas": "di",
    "death": "di",
}

# Number words read as the digits help centres print ("thirty days" finds "30 days"); "one"
# stays a stop word ("this one", "one of").
_NUMBER_WORD_LIST = """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty
"""
NUMBER_WORDS: dict[str, str] = {
    word: str(value) for value, word in enumerate(_NUMBER_WORD_LIST.split()) if value >= 2
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "ninety": "90"}

_VOWELS = frozenset("aeiouy")
_UNDOUBLE = frozenset("bdfglmnprt")
# Longest suffixes first; each strips only if the stem keeps two letters and a vowel.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isation", "is"),
    ("ization", "is"),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("nesses", ""),
    ("ness", ""),
    ("ables", ""),
    ("able", ""),
    ("ibles", ""),
    ("ible", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("edly", ""),
    ("ed", ""),
    ("ly", "-4"),
    ("ful", ""),
)


@lru_cache(maxsize=1 << 16)  # a pure function of a word; a support vocabulary is small
def stem(word: str) -> str:
    """A light English stemmer: consistent, not linguistic; 'cancellation' and 'cancelled' meet."""
    if word.isdigit() or len(word) <= 2:
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) >= 6 and word.endswith("our"):
        word = word[:-3] + "or"
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix):
            minimum, replacement = (4, "") if replacement == "-4" else (2, replacement)
            base = word[: -len(suffix)] + replacement
            if len(base) >= minimum and any(letter in _VOWELS for letter in base[:-1]):
                word = base
                break
    if len(word) >= 5 and word.endswith("re") and word[-3] not in _VOWELS:
        word = word[:-2] + "er"
    if len(word) >= 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) >= 6 and word.endswith("iz"):
        word = word[:-1] + "s"
    if word.endswith("y") and len(word) > 3:
        word = word[:-1] + "i"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in _UNDOUBLE:
        word = word[:-1]
    return word


def fold(text: str) -> str:
    """Lower-case and strip accents so 'Café' and 'cafe' match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def strip_placeholders(text: str) -> str:
    """Drop redaction placeholders such as <PERSON_1>, which name no topic, and the words
    naming them."""
    return PLACEHOLDER.sub(" ", drop_value_names(text))


def analyse(text: str) -> list[str]:
    """Index terms of a text, in order, duplicates kept; gendered words for people are left
    out (`ai.gendered`)."""
    folded = fold(_US.sub(" usa ", strip_placeholders(text)))
    folded = without_gendered_words(folded).replace("'", "")
    folded = _JOINED.sub(r"\1\2", folded)
    for pattern, replacement in PHRASES:
        folded = pattern.sub(replacement, folded)
    terms = []
    for token in _TOKEN.findall(folded):
        if token in STOP_WORDS:
            continue
        if token in NUMBER_WORDS:
            terms.append(NUMBER_WORDS[token])
            continue
        term = stem(token)
        terms.append(SYNONYMS.get(term, term))
    return terms


# Words that name a time, not a topic: a query of these alone ("how are you today", "what
# time is it") asks the help centre nothing, however well one passage matches the word.
NO_TOPIC = frozenset(
    stem(w) for w in ("today", "tonight", "tomorrow", "yesterday", "day", "days", "time",
                      "week", "morning", "afternoon", "evening", "night", "weekend", "going")
)


def has_topic(terms: Sequence[str]) -> bool:
    """Whether the query's terms name anything the help centre could be about."""
    return any(t not in NO_TOPIC for t in terms)
