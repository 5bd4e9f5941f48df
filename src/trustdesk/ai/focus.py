"""The part of a message that asks something: greetings, sign-offs and self-descriptions apart.

A customer who writes "I'm 78 and not good with computers. How long does shipping take?"
asks the same question as one who does not say their age, and should get the same answer.
Retrieval and the answer verifier read every word, so an added sentence dilutes the idf
shares the verifier scores and can pull in passages that share its words ("student"). This
module cuts a message into clauses and sets apart the clauses that carry no request:

- courtesy: greetings, salutations and sign-offs ("Hi, this is <PERSON_1>.", "Dear Sir or
  Madam,", "Kind regards", "thx", "Kindly do the needful.");
- self-descriptions: who the writer is or whom they write for ("I'm a student.", "I am 78
  years old and not very good with computers", "As a pensioner,", "I'm asking for my wife"),
  when the clause has no word that asks or requests (a question mark, "can", "need", ...).

The patterns are about English discourse, not about any help centre or product. What is set
apart is returned beside the request so that the caller can still use it where the customer
tied it to the question in one sentence ("I'm at university, do I get money off?"); see
`KnowledgeBase.answer`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from trustdesk.ai.ages import without_age_cues

# Opening or closing courtesy that is a whole clause; matched on the folded clause text
# (lower case, trailing punctuation and spaces removed).
_NAME = r"(?:<[a-z_]+_\d+>|[a-z]+)"  # a placeholder the guard put in, or one word
_COURTESY = re.compile(
    # "Hello from a 74-year-old home cook!": a greeting from someone, never from a place
    r"(?:(?:hi|hello|hey|hiya|greetings) from (?:an?|one|your) (?:[\w'-]+ ){0,4}[\w'-]+"
    r"|(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings)(?: there| team| all)?"
    rf"(?: (?:this is|it's|its|i'm|im|my name is) {_NAME}(?: here| again)?)?"
    rf"|dear {_NAME}(?: (?:or )?{_NAME})?"
    r"|(?:(?:this is|it's|its|i'm|im|i am) )?<[a-z_]+_\d+>(?: here| again| here again)?"
    rf"|(?:my name is|my name's|name's) {_NAME}(?: {_NAME})?"
    r"|(?:many |kind |best |warm )?(?:thanks|thank you|thank u|thanku|thx|thnx|tnx|ty|ta|cheers|"
    r"regards|wishes)"
    rf"(?: (?:a lot|so much|very much|in advance))?(?:,? {_NAME})?"
    r"|yours (?:faithfully|sincerely|truly)|sincerely|best|kindly note|please note"
    r"|kindly do the needful|(?:please )?revert(?: back)?(?: asap| soon)?|please revert back"
    # asides that frame a question or a remark and carry nothing of either
    r"|(?:just )?(?:so you know|fyi|fwiw|btw|by the way|for what it's worth|for the record)"
    r"|(?:not that it matters|if it matters|if that matters|if it helps|if that helps)"
    r"(?: at all)?(?:,? but)?"
    r"|(?:in case it(?:'s| is) (?:relevant|useful|important|helpful)|in case it matters)"
    r"|(?:if|in case) (?:that|it|this)(?:'s| is| was) (?:of )?(?:any )?"
    r"(?:use|useful|relevant|helpful|important|interesting)(?: to (?:know|you))?"
    r"|(?:if|in case|not sure if|don't know if|dunno if) (?:that|it|this) (?:makes|changes|matters)"
    r"(?: (?:any|a|much) (?:difference|odds))?(?: at all)?"
    r"|(?:(?:a )?quick question|(?:one )?(?:more )?question)"
    r"(?: from (?:an?|one|your) (?:[\w-]+ ){0,3}[\w-]+)?"
    r"|(?:so )?(?:(?:i|we) (?:was|am|were|are)|i'm|im|we're) (?:just )?wondering"
    r"|(?:just )?for (?:your )?(?:records|context|reference|information|info)"
    r"|(?:please )?bear with me|(?:please )?be patient with me"
    # an apology for the writing, not for anything the shop did
    r"|(?:sorry|apologies|i apologi[sz]e|excuse me)(?: in advance)?(?: (?:if|for|about) "
    r"[\w' -]{0,40}?(?:worded|wording|english|spelling|typos?|grammar|writing|written|"
    r"long message|bother(?:ing you)?|mistakes?)(?: [\w'-]+){0,3})?"
    r"|sorry to bother you"
    r"|(?:so )?i (?:just )?wanted to ask|i have a question)"
)
# Participles that say where a writer is in life or work ("I'm retired now"), unlike the ones
# that report a problem ("I'm charged twice"). Kept short and neutral on purpose: states that
# may mark a customer who needs care (bereaved, disabled, unemployed) are not set apart.
_STATUS = (r"(?:retired|semi-retired|married|engaged|self-employed|employed|based|located|"
           r"qualified|trained|registered with you|subscribed|mixed[- ]race)\b")
# A short noun phrase has no finite verb; a clause that reports something usually has one.
_NO_FINITE_VERB = (r"(?!.*\b(?:is|are|was|were|isn't|wasn't|aren't|weren't|has|have|had|hasn't|"
                   r"haven't|did|didn't|does|doesn't|don't|won't|can't|never|not|no|it|they|"
                   r"arrived|came|come|got|went|broke|lost|sent|charged)\b)")
# Words for the people a writer lives or shops with: a closed class of English nouns, not a
# list of phrases. "My husband and I want to know ..." asks what "We want to know ..." asks.
_COMPANION = (r"(?:husband|wife|partner|spouse|boyfriend|girlfriend|fianc\u00e9e?|fiance|"
              r"son|daughter|kids?|children|mum|mom|dad|mother|father|parents?|brother|"
              r"sister|friend|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|"
              r"uncle|aunt|cousin|niece|nephew|family|colleague|flatmate|roommate|carer|"
              r"husband's|wife's)")
_PERSON = rf"(?:(?:my|our) (?:[\w-]+ )?{_COMPANION}|<person_\d+>)"
# Nouns a writer may sign off as ("- a busy mum", "a dad of three"): the companions' words and a
# closed class of words for people by age, sex or stage of life; no trade or role that a
# question could be about (a "trade customer", a "student" discount stay in the question).
_SELF_NOUN = (rf"(?:{_COMPANION}|mummy|mommy|daddy|parent|granny|nan|nana|grandad|granddad|"
              r"grandparent|man|woman|guy|gal|lady|gentleman|bloke|fella|girl|boy|lad|lass|"
              r"teenager|pensioner|retiree|oap|senior|widow|widower|newlywed|dog owner|"
              r"cat owner|homeowner|renter|tenant|first-time buyer)")
# the writer and a companion as one subject or object, and the verb agreeing with "we"
_WITH_COMPANION = re.compile(
    rf"\b(?P<pair>{_PERSON} and (?:i|me|myself)|(?:me|myself|i) and {_PERSON})\b"
    r"(?: (?P<verb>are|were|have)\b)?",
    re.IGNORECASE,
)
# "I would like to know if ..." frames a question; what follows is the question itself.
_FRAME = re.compile(
    r"^(?:(?:hi|hello|hey|hiya)(?: there| team| all)?,? )?"  # "hi my wife wants to know if"
    r"(?:(?:please|kindly|pls|sir|madam|ma'am),? )?"
    r"(?:(?:(?:i|we)(?: |(?=['\u2019])))?"
    r"(?:would like|['\u2019]d like|want|wanted|need|needed) to "
    r"(?:know|ask|find out|enquire|inquire)(?: (?:from you|about))?(?: that)?"
    r"|(?:i|we)(?: was| were| am| are|['\u2019]m|['\u2019]re) (?:just )?wondering"
    r"|(?:could|can|would) (?:you|someone|somebody|anyone|anybody) (?:please )?"
    r"(?:tell|explain to|let) (?:me|us)(?: know)?,?"
    # a companion who asks through the writer: "My wife wants to know: ...", "My girlfriend
    # asked me what ..." (never "My wife asked for a refund": a question word must follow)
    rf"|(?:my|our) (?:[\w-]+ )?{_COMPANION}(?:['\u2019]s)? "
    r"(?:(?:wants|wanted|would like|['\u2019]d like|needs) to (?:know|ask)"
    r"|(?:(?:has )?asked|is asking|asking|was asking|keeps asking)"
    r"(?: me| us)?(?: to (?:find out|ask|check))?"
    r"(?=[:,]?\s+(?:if|whether|what|how|when|where|why|which|who|whose|can|could|do|does|did|"
    r"is|are|will|would|should)\b)))"
    r"[:,]?(?: if| whether)?\s+(?=\w)",
    re.IGNORECASE,
)
# Why the writer writes rather than calls: a remark on the channel, never what the question is
# about (so not read with it, unlike "I'm at university, do I get money off?").
_CHANNEL = re.compile(
    r"(?:which is|that's|that is|this is) why i(?:'m| am)? "
    r"(?:writing|emailing|messaging|chatting|contacting you|reaching out|asking)\b"
    r"|i(?:'m| am) (?:writing|emailing|messaging|chatting|asking here) "
    r"(?:rather than|instead of) \w+ing$"
)
# A clause about the writer: who they are, their age or situation, whom they write for. After
# "I'm", a participle or a word of trouble ("I'm charged twice", "I'm unable to", "I'm still
# waiting") starts a report of the problem, not a description of the writer.
_DESCRIPTION = re.compile(
    r"(?:(?:i'm|im|i am|i m|we're|we are) (?:just )?)?"
    r"(?:asking|writing|messaging|contacting you|emailing) (?:for|on behalf of) "
    rf"(?:me|myself|us|ourselves|him|her|them|a friend|someone|somebody|{_PERSON})$"
    r"|(?:i'm|im|i am|i m|we're|we are) (?:"
    r"(?:asking|writing|messaging|contacting you|emailing) (?:for|on behalf of)\b"
    r"|not (?:very |that |so |really )?(?:good|great|comfortable|confident|familiar|used)\b"
    # a participle of life or work status describes the writer, not a problem
    rf"|{_STATUS}"
    r"|(?!(?:not|unable|stuck|locked|still|waiting|having|missing|being|getting|going|about|"
    r"sure|trying|charged|told)\b|\w+(?:ing|ed)\b)\w+"
    r")"
    # "as a pensioner", "writing as a 40-year-old", "speaking as someone who works nights";
    # never "as a parcel was lost" (a reason, with its finite verb)
    r"|(?:(?:i'm |im |i am )?(?:asking|writing|speaking|messaging|emailing|contacting you) )?"
    rf"as (?:an?|someone|somebody) {_NO_FINITE_VERB}(?:[\w<>'-]+ ?){{1,7}}$"
    rf"|(?:(?:i'm |im |i am )?(?:asking|writing|speaking|messaging|emailing) )?"
    rf"as an? (?:[\w-]+ ){{0,2}}{_SELF_NOUN}\b(?: of \w+)?(?: who(?:'s|'d|'ve)? [\w' -]+)?$"
    r"|being an? \w+(?: \w+)?$"
    rf"|from an? (?:[\w-]+ ){{0,2}}{_SELF_NOUN}(?: of \w+)?$"  # "Thanks - from a dad of two"
    # a status without "I'm": "Retired and redecorating", "Newly married"
    rf"|(?:just |recently |newly |happily )?{_STATUS}(?:,? (?:and|&) [\w-]+(?: [\w-]+){{0,2}})?$"
    r"|(?:this is|it's|its) my first \w+"
    # a life event: "Got my first flat at 23", "we just moved into our first house"
    r"|(?:i |we )?(?:just |finally )?(?:got|bought|moved into|moved in to|rented) (?:my|our) "
    r"(?:first|new) (?:flat|house|home|place|apartment)(?: at \d{2})?$"
    r"|(?:this is|it's|its|it is) for my \w+$"
    rf"|(?:they're|they are|these are|those are|that's|that is|it's|it is) (?:a (?:gift|present) )?"
    rf"for (?:my|our) (?:[\w-]+ )?{_COMPANION}$"
    # how the writer came to the shop: "My daughter told me about your shop"
    rf"|(?:my|our|a) (?:[\w-]+ )?{_COMPANION} (?:told me about|recommended|suggested) "
    r"(?:you|your [\w-]+|this [\w-]+|the [\w-]+)$"
    rf"|(?:my|our) (?:[\w-]+ )?{_COMPANION} (?:is|are|was|were|comes?|came) (?:originally )?"
    r"(?:from|based in)\b"
    r"|i (?:[\w-]+ ){1,3}for a living$"
    # an aid the writer uses (a need of help is read by `ai.care`, from the whole message)
    r"|i (?:use|have|rely on) an? (?:wheelchair|walking stick|walking frame|cane|hearing aids?|"
    r"mobility scooter|screen reader|guide dog|prosthetic \w+)$"
    # a signature that describes: "— a 63-year-old customer", "— sent by a nurse on a break"
    rf"|an? {_NO_FINITE_VERB}(?:[\w-]+ ){{0,3}}(?:customer|shopper|client|subscriber|member)$"
    r"|(?:sent|written|typed) (?:by|from|on) (?:an?|one|your|my) (?:[\w'-]+ ?){1,6}$"
    # pronouns the writer goes by: "(she/her)", "pronouns: they/them"
    r"|(?:my )?(?:pronouns?(?: are| is)?:? )?(?:she|he|they|xe|ze|it)"
    r"(?:/(?:her|hers|him|his|them|theirs|they|she|he|xem|xyr|zir|any|all))+$"
    r"|(?:my )?pronouns(?: are)?$"
    # a signature that says who writes: "- a mum who does all the cooking round here"
    rf"|an? (?:[\w-]+ ){{0,2}}{_SELF_NOUN}(?:\b(?: of \w+)?(?: who(?:'s|'d|'ve)? [\w' -]+)?)?$"
    # "Ta, the lass at no. 14", "the old fella next door": where the writer lives
    rf"|the (?:[\w-]+ )?{_SELF_NOUN} (?:(?:at|from|in) (?:no\.?|number|flat|house) ?\d+\w?"
    r"|next door|down the road|across the road|upstairs|downstairs)$"
    # a regular customer: "I shop with you a lot", "we've ordered from you for years"
    r"|(?:i|we)(?:'ve| have)? (?:shop(?:ped)?|bought|ordered) (?:with|from|here)(?: you)?"
    r"(?: (?:a lot|often|regularly|all the time|for years|before|every \w+))?$"
    r"|i have an? (?:[\w-]+ ){0,2}(?:disorder|condition|impairment)$"
    r"|i(?:'ve| have) been (?:a|an|your) (?:loyal )?[\w-]+(?: [\w-]+)?(?: for \w+ \w+)?$"
    r"|i (?:work|worked|sit|sat|serve|served|volunteer|volunteered) as "
    r"|i (?:work|worked) (?:in|at|for) (?:an?|the) [\w-]+(?: [\w-]+)?$"
    r"|i(?:'ve| have) (?:retired|been retired)"
    # "I have type 1 diabetes", "I have two kids": a bare noun phrase the writer has; a
    # problem comes with a determiner or a word of trouble ("I have a problem", "I have no
    # tracking", "I have trouble logging in"), a report with a participle ("I have received")
    r"|i(?:'ve| have)(?: got)? (?!(?:a|an|the|my|your|this|that|these|those|no|not|never|"
    r"been|got|had|to|just|already|still|also|trouble|difficulty|problems?|issues?|"
    r"questions?|concerns?|complaints?|access|nothing|none)\b|[\w-]+(?:ed|en)\b)"
    rf"{_NO_FINITE_VERB}[\w'-]+(?: [\w'-]+){{0,3}}$"
    rf"|{_CHANNEL.pattern}"
    # "long-time customer here", "retired teacher here": a noun phrase and "here"
    r"|(?!(?:my|the|it|its|it's|this|your|our|that|there|nobody|no one|someone|i|i'm|im|we|"
    r"we're|you|you're|he|she|they)\b)"
    rf"{_NO_FINITE_VERB}(?:[\w-]+ ){{0,3}}[\w-]+ here$"
)
# A participle clause that goes on describing the writer ("I'm a mum of two, working from
# home", "..., living in London"); never one of trouble ("..., waiting for my refund").
_GOES_ON = re.compile(
    r"(?!(?:waiting|having|missing|being|getting|going|trying|hoping|looking|wondering)\b)"
    rf"(?:[\w-]+ing|based|originally|from) {_NO_FINITE_VERB}(?:[\w-]+ ?){{1,5}}$"
)
# Words that join a remark to what came before ("..., but I'm a nurse"); read past them.
# ... and an age given as a time of life before the clause ("at 91 I am not good with ...")
_LEAD = re.compile(
    r"^(?:(?:but|and|so|also|oh|well|anyway|plus|though|ps|p\.s\.|at \d{1,3})[ ,]+)+"
)
# Words that ask or request something: a clause holding one is never set apart.
_ASKS = re.compile(
    r"\?|\b(?:how|what|when|where|why|which|who|can|could|would|will|should|may|do|does|did|"
    r"is there|are there|need|needs|want|wants|wanting|like to|please|help|tell me|"
    r"cancel|refund|return|change|fix|send|get)\b"
)
# Where a sentence ends (in chat, often before a lower-case word) and where a clause ends
# inside one: a comma, or "and" before a new subject.
# or a smiley, typed or an emoji (a house number's "no." ends nothing)
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?;])(?<!\b[Nn]o\.)\s+|(?<=\b[Nn]o\.)\s+(?=\D)"  # not in "at no. 14"
    r"|\n+|\s+[:;]-?[()DPp]+(?:\s+|$)"
    r"|\s*[\u2600-\u27bf\U0001f300-\U0001faff]+[\ufe0f\u200d]*(?:\s+|$)"
)
_CLAUSE_BREAK = re.compile(
    r"(?<=[,:])\s+|\s+[-\u2013\u2014]+\s+"
    r"|\s+and\s+(?=(?:i|i'm|im|my|this|it|it's|we|you|your|the|there|can|could|how|what|"
    r"when|where|why|do|does|is|please)\b|(?:would like|wanted|want|need) to (?:know|ask)\b)",
    re.IGNORECASE,
)
# An age in brackets ("(92 and still cooking!)", "(78 years young)"): only as a whole aside, where
# a bare number cannot be a quantity of the question.
_AGE_ASIDE = re.compile(
    r"(?:aged? )?\d{2,3}(?: ?(?:years?|yrs?)(?: old| young)?| ?y/?o|,? (?:and|but) [\w' -]+|"
    r", [\w' -]{1,40})"
    r"(?:,? (?:and|but) [\w' -]+)?"
)
# What makes a clause a request, not a statement about the writer's life: a question mark, a
# question's word order, or words that ask ("I can't carry boxes" and "I may be at the
# hospital" ask nothing; `_ASKS` reads them as asking, to keep a clause rather than lose it)
_REQUESTS = re.compile(
    r"\?|^(?:and |so |but )?(?:how|what|when|where|why|which|who|can|could|would|will|should|"
    r"do|does|did|is|are|am|have|has)\b(?!['\u2019]|n't|not)"
    r"|\b(?:please|pls|tell me|let me know|help me|"
    r"(?:need|want|like|wanted|wanting) to (?:know|ask|check|cancel|return|change|order)|"
    r"i'?d like|i would like|wondering|not sure (?:if|whether|how|what|when|why)|"
    r"can you|could you|would you|will you|"
    r"i (?:need|want) (?:a|an|my|the|you|help|someone|to speak))\b"
)
# A part joined into the middle of a sentence ("..., and at my age I get flustered, but ..."):
# when it states an age and asks nothing it is an aside about the writer
_JOINED_ASIDE = re.compile(r"(?i:and|but|so)\b")
# What is left of a part that gave only an age ("At 78,", "Since I turned 75,")
_BARE = re.compile(r"(?:(?:since|now|as|because|and|but|so|i|that|at|well)\b ?)*")
_NUMBER_PART = re.compile(r"\d{2,3},?")
# a comma, colon, semicolon or dash between two parts of a sentence
_PART_BREAK = re.compile(r"((?<=[,:;])\s+|\s+[-\u2013\u2014]+\s+)")
# An aside in brackets ("(I'm 68)") is a clause of its own.
_BRACKETED = re.compile(r"\(([^()]*)\)")
_GAP = re.compile(r"\s+(?=[.,;:!?])|(?<=\s)\s+")
_TRAILER = re.compile(r"[\s.,;:!]+$")
# A dash or a bullet that opens a line ("\u2014 <PERSON_1>", "- Maria") is no word of the clause.
# A name that signs a message off: the last line, or the end after a dash ("- Maria").
_SIGNATURE = re.compile(
    r"(?:\n\s*[-\u2013\u2014~]*|\s+[-\u2013\u2014~]+)\s*"
    r"((?:<PERSON_\d+>|[A-Z][a-z'\u2019-]+)(?: [A-Z][a-z'\u2019-]+){0,2})\.?\s*$"
)
_VOCATIVE = re.compile(r"[A-Z][a-z'\u2019-]+|<PERSON_\d+>")
# "... a mum who does all the cooking": the writer's relative clause (never with a "?")
_WHO = re.compile(rf"\b({_SELF_NOUN}) who(?:'s|'d|'ve)? ([^?]*)$")
_DOES = re.compile(r"\b(?:do|does|did)\b")
_WHY = re.compile(r"^(?:which is|that's|that is|this is) why ")  # explains, does not ask
_JOINER = re.compile(r"^(?:and|so|but)\s+", re.IGNORECASE)
_OPENER = re.compile(r"^[-\u2013\u2014~*\s]+")
# A laugh or a kiss that closes a remark ("gen z here lol") says nothing of it.
_LAUGH = re.compile(r"(?:[\s,]+(?:lol|lmao|haha+|hehe+|xx?|xo)\b)+[\s.!]*$")


@dataclass(frozen=True)
class Focus:
    """A message split into what it asks and what it only says about its writer."""

    request: str  # the message without courtesy and self-descriptions (the message if none)
    context: tuple[str, ...]  # the self-descriptions set apart, in order
    inline: bool  # a self-description shares a sentence with the request
    courtesy: bool = False  # greetings or sign-offs were left out

    @property
    def changed(self) -> bool:
        return bool(self.context) or self.courtesy


def _fold(clause: str) -> str:
    folded = _TRAILER.sub("", clause.strip().lower().replace("\u2019", "'"))
    return _OPENER.sub("", _LAUGH.sub("", folded))


def _close_gap(text: str) -> str:
    """The spaces left where an aside was taken out."""
    return _GAP.sub("", text).strip()


def _split(pattern: re.Pattern[str], text: str) -> list[str]:
    return [p for p in (p.strip() for p in pattern.split(text)) if p]


def is_courtesy(clause: str) -> bool:
    """A greeting, salutation or sign-off that asks nothing."""
    folded = _LEAD.sub("", _fold(clause)).rstrip("?")
    return _COURTESY.fullmatch(folded) is not None or _FRAME.sub("", f"{folded} x") == "x"


def is_self_description(clause: str) -> bool:
    """A clause about the writer (who, how old, for whom) with no word that asks; what a
    relative clause says of the writer ("a mum who does the cooking") asks nothing either."""
    folded = _LEAD.sub("", _fold(clause))
    if _DESCRIPTION.match(folded) is None:
        return False
    who = _WHO.search(folded)
    if who is None:
        return _ASKS.search(_WHY.sub("", folded)) is None
    # "does" in "who does all the cooking" reports a habit; any other word that asks counts
    relative = _DOES.sub("", who.group(2))
    return _ASKS.search(_WHY.sub("", folded[:who.end(1)])) is None \
        and _ASKS.search(relative) is None


def _is_age_aside(aside: str) -> bool:
    folded = _fold(aside)
    return _AGE_ASIDE.fullmatch(folded) is not None and _ASKS.search(folded) is None


def _signed_off(message: str) -> tuple[str, bool]:
    """`message` without a name that signs it off on a line of its own or after a dash."""
    match = _SIGNATURE.search(message)
    if match is None or _ASKS.search(match.group(1).lower()) is not None:
        return message, False
    return message[:match.start()].rstrip(), bool(message[:match.start()].strip())


def _as_one(sentence: str) -> tuple[str, list[str]]:
    """The sentence with "my husband and I" read as "we" ("us" as an object), as a writer who
    names nobody writes it ("We got part of our order"), and the companions it named."""
    named: list[str] = []

    def one(match: re.Match[str]) -> str:
        pair, verb = match.group("pair"), match.group("verb")
        named.append(pair)
        # "me and my wife want to know": the subject (the verb follows)
        subject = match.start() == 0 and re.match(r"\s+\w", sentence[match.end():]) is not None
        if subject or re.search(r"\b(?:and i|i and)\b", pair, re.IGNORECASE):
            pronoun = "We" if match.start() == 0 else "we"
        else:
            pronoun = "us"
        return pronoun if verb is None else f"{pronoun} {verb}"

    return _WITH_COMPANION.sub(one, sentence), named


def _is_address(clause: str, at: int, of: int, framed: bool) -> bool:
    """A first name alone between two parts of a sentence ("Could you tell me, Aminata,
    whether ..."; first once the frame is gone): the writer addresses the reader."""
    alone = (at > 0 or framed) and at < of - 1
    return alone and _VOCATIVE.fullmatch(_TRAILER.sub("", clause)) is not None \
        and _ASKS.search(clause.lower()) is None


# A clause that only gives an age: "Age 81.", "aged 67", "I'm 34"
_AGE_ALONE = re.compile(
    r"(?:age|aged|i'?m|im|i am) \d{1,3}(?: ?(?:years old|yrs old|yo|y/o))?[.!]?"
)
# An age and a state of mind with no subject of its own: "I'm 79 and not sure if ...",
# "I'm 91 and wondering whether ..." (the writer's age, then what they ask)
_AGE_AND = re.compile(
    r"[ \t]*(?P<aside>(?i:i'?m|i am|im|i’m) \d{1,3}(?: ?(?i:years old|yrs old|yo|y/o))?)"
    r"(?:,? (?i:and|but)) (?P<rest>(?i:wondering|hoping|not sure|unsure|looking|trying|"
    r"writing|asking|confused|worried|keen|planning|thinking)\b.*)",
    re.DOTALL,
)
# "As a <description>" opening a clause with no comma before the writer's "I"; "as a rule"
# and its like say how, not who
_AS_IDIOM = re.compile(r"(?i:as (?:a|an) (?:rule|result|matter|whole|favou?r|gift|reminder|"
                       r"example|test|one-off|precaution|courtesy|last resort|temporary))\b")
_AS_A = re.compile(
    r"[ \t]*(?P<aside>(?i:as (?:a|an) )[^,;:.!?\n]{2,48}?)[ \t]+(?=(?i:i|i'm|im|i've|we)\b)"
)


# A statement that gives an age and asks nothing ("I'm 68 and my hands aren't great for hand
# washing.", "My eyesight isn't what it was at 90."), after a part of the message that asks:
# an afterthought about the writer, not what the question is about, so it is set apart. Before
# the question or with no question at all ("I'm 13 and a friend sent me a gift card, how do I
# use it", "I'm 80 and my parcel never came.") it is what the message is about, and is read
# without its age like any other clause (`ai.ages`).
def _afterthought(neutral: str, before: str) -> bool:
    """Whether a part that stated an age (`neutral`: the part without it) is such an
    afterthought to `before`."""
    if _REQUESTS.search(_fold(neutral)) is not None or _REQUESTS.search(_fold(before)) is None:
        return False
    # `ai.kb` reads requests through this module: its topic test is imported where it is used
    from trustdesk.ai.kb.analysis import analyse, has_topic

    return has_topic(analyse(before))


@lru_cache(maxsize=256)
def focus(message: str) -> Focus:
    """The request of `message` and the self-descriptions set apart (pure, cached)."""
    kept_sentences: list[str] = []
    context: list[str] = []
    inline = False
    body, dropped = _signed_off(message)
    for sentence in _split(_SENTENCE_BREAK, body):
        # the parts of a sentence between its commas that state an age and nothing else ("At
        # 78,"), that state one in an aside joined into the sentence ("..., and at my age I
        # get flustered, ...") or after what asks (`_afterthought`) are set apart; "and" does
        # not part them ("I'm 87 and my daughter set it up"). An age in brackets is taken out
        # before the part is read, so that it reads as it would without it: "My husband (he's
        # 80) wants to know ..." loses its frame like "My husband wants to know ..." (the other
        # cues are read with their clause, below)
        # a bracket that only gives an age, whatever else it says of the writer ("(I'm 70,
        # bear with me.)"), goes whole, before its commas could part it
        for aside in _BRACKETED.findall(sentence):
            if not without_age_cues(f"({aside})")[0]:
                context.append(aside)
                sentence = _close_gap(sentence.replace(f"({aside})", " ", 1))
                dropped = True
        parts = _PART_BREAK.split(sentence)  # parts at even places, their breaks between
        asked = " ".join(kept_sentences)
        for at in range(0, len(parts), 2):
            neutral, ages = without_age_cues(parts[at])
            if not ages and at and not parts[at - 2] and _NUMBER_PART.fullmatch(parts[at]):
                ages = (parts[at].rstrip(","),)  # "Pensioner here, 84, I ...": the age goes on
            if not ages:
                continue
            aside = at > 0 and _JOINED_ASIDE.match(parts[at]) is not None
            if _BARE.fullmatch(_fold(neutral)) or (
                    aside and _REQUESTS.search(_fold(neutral)) is None) \
                    or _afterthought(neutral, f"{asked} {''.join(parts[:at])}"):
                context.extend(ages)
                parts[at] = ""
                if at:  # with the break before it (the first part: the break after it)
                    parts[at - 1] = ""
                elif len(parts) > 1:
                    parts[1] = ""
                dropped = True
            elif all(cue.startswith("(") for cue in ages):
                parts[at] = neutral
                context.extend(cue.strip("()") for cue in ages)
                dropped = True
        sentence = "".join(parts).strip()
        if not sentence:
            continue
        sentence, companions = _as_one(sentence)
        question = _FRAME.sub("", sentence)
        framed = question != sentence
        dropped = dropped or framed
        sentence = question
        described: list[str] = list(companions)
        tied = False  # a description that may be what the question is about
        for aside in _BRACKETED.findall(sentence):
            before = sentence[:sentence.find(f"({aside})")]
            parts = _split(_CLAUSE_BREAK, aside)
            courteous = [is_courtesy(part) for part in parts]
            pairs = list(zip(courteous, parts, strict=True))
            if len(parts) > 1 and any(courteous) and all(  # "(I'm Jewish, by the way)"
                    c or is_self_description(part) for c, part in pairs):
                described.extend(part for c, part in pairs if not c)
                dropped = True
                tied = tied or not all(courteous)
            elif is_self_description(aside) or _is_age_aside(aside) or (
                    re.search(r"\b(?:i|me)\s*$", before, re.IGNORECASE) is not None
                    and is_self_description(f"I'm {aside}")):  # "I (a dad of two) would like ..."
                described.append(aside)
                tied = True
            elif all(courteous):
                dropped = True
            else:
                continue
            sentence = _close_gap(sentence.replace(f"({aside})", " ", 1))
        clauses = []
        for clause in _split(_CLAUSE_BREAK, sentence):
            lead = _AS_A.match(clause)  # "as a mum of a newborn I keep missing ..."
            if (lead is not None and _AS_IDIOM.match(lead.group("aside")) is None
                    and is_self_description(lead.group("aside"))):
                described.append(lead.group("aside"))
                clause = clause[lead.end():]
                tied = True
            age = _AGE_AND.match(clause)  # "I'm 91 and wondering whether ..."
            if age is not None:
                described.append(age.group("aside"))
                clause = f"I'm {age.group('rest')}"
                tied = True
            clauses.append(clause)
        kept: list[str] = []
        about_writer = False  # the clause before was set apart (a description or a name)
        for at, clause in enumerate(clauses):
            folded = _LEAD.sub("", _fold(clause))
            if is_courtesy(clause) or _is_address(clause, at, len(clauses), framed):
                dropped = True
                about_writer = about_writer or "<" in folded or folded.startswith(("i'm", "im"))
            elif is_self_description(clause) or _AGE_ALONE.fullmatch(folded) or (
                    about_writer and _GOES_ON.match(folded) is not None
                    and _ASKS.search(folded) is None):
                described.append(clause)
                about_writer = True
                tied = tied or _CHANNEL.match(folded) is None
            else:
                if about_writer and not kept:  # "I'm 81, and my tracking says ..."
                    clause = _JOINER.sub("", clause) or clause
                kept.append(clause)
                about_writer = False
        if kept:  # a frame after a description: "I'm 58 and I'd like to know how ..."
            unframed = _FRAME.sub("", kept[0])
            if unframed != kept[0]:
                kept[0], dropped = unframed, True
        if tied and kept:
            inline = True
        if kept:
            kept_sentences.append(" ".join(kept))
        context.extend(described)
    if not kept_sentences:  # nothing but courtesy and descriptions: read it all
        return Focus(message, (), False)
    request = " ".join(kept_sentences) if context or dropped else message
    # an age stated inside the clause that asks ("at my age (84) I ...", `ai.ages`)
    neutral, ages = without_age_cues(request)
    if ages and neutral.strip(" .,!?"):
        request, dropped = neutral, True
        context.extend(ages)
    if not context and not dropped:
        return Focus(message, (), False)
    return Focus(request, tuple(_TRAILER.sub("", c) for c in context), inline, dropped)
