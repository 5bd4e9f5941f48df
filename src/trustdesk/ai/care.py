"""Needs of care: wording that says a customer may need a person, not an automatic answer.

A bereaved, disabled, unemployed or distressed customer should reach a person whatever the
question beside it, and whoever reads the intent. The intent model cannot carry that on its
own: it reads what a message asks, and a self-description beside a question ("I'm widowed.
Where is my order?") moves it little or not at all, by design (`ai.focus`). So this module
reads the wording itself, from a lexicon in the languages the human team speaks (English,
Spanish, French, German), one pattern per need:

- `bereavement`: a death, a funeral, grief ("my father passed away", "I'm widowed", "my late
  wife", "falleció", "décédé", "verstorben");
- `crisis`: suicide, self-harm, abuse, violence at home, not coping;
- `hardship`: unemployment, debt, losing a home ("I lost my job", "en paro", "arbeitslos");
- `illness`: a grave illness or a stay in hospital ("terminally ill", "in hospital");
- `disability`: a disability together with a need of help ("I'm blind and need help ...", "my
  son uses a wheelchair, can someone assist"). A disability stated without one ("I'm
  dyslexic, so sorry for my spelling") is a self-description like any other, and the customer
  is answered as anyone else is.

Words that name a role or a relation ("I'm a nurse", "as a mum of two", "I'm a carer") are
not needs. Words a shop uses for goods ("roller blinds", "the kettle died", "my account was
disabled") are not either: "blind", "deaf", "disabled" and "died" count only about a person.
The patterns are pure text matching on redacted text: no model reads them and they read no
stored attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# People a customer writes about: a closed class of nouns, in the four languages.
_KIN = (r"(?:husband|wife|partner|spouse|son|daughter|child|baby|mum|mom|mother|dad|father|"
        r"parents?|brother|sister|grandmother|grandfather|grandma|grandpa|gran|nan|uncle|aunt|"
        r"friend|fianc\u00e9e?|fiance|boyfriend|girlfriend)")
_SOMEONE = rf"(?:my (?:\w+ )?{_KIN}|<person_\d+>|he|she|they)"
# The writer or someone close as the subject of a state ("I'm", "my son is", "we are").
_SUBJECT = (rf"(?:i'm|im|i am|i've been|i have been|i was|we're|we are|{_SOMEONE} (?:is|was|has "
            r"been|'s)|(?:he|she)'s)")

_BEREAVEMENT = (
    r"passed away|passed on|bereave(?:d|ment)|widow(?:ed|er)?|grieving|in mourning|funeral"
    rf"|(?:my|our) late {_KIN}|death of (?:my|our)|(?:my|our) (?:\w+ )?{_KIN}(?:'s)? (?:has |had )?"
    r"(?:died|death)|(?:lost|losing) (?:my|our) (?:\w+ )?" + _KIN
    + r"|(?:he|she|they) (?:has |have |had )?died|deceased"
    # es / fr / de
    r"|falleci(?:\u00f3|do|da|miento)|ha muerto|muri\u00f3|(?:mi|nuestro|nuestra) difunt[oa]"
    r"|viud[oa]|de luto|est\u00e1 de duelo"
    r"|d\u00e9c\u00e9d\u00e9e?|d\u00e9c\u00e8s|est mort|est morte|(?:mon|ma) d\u00e9funte?"
    r"|veuf|veuve|en deuil"
    r"|verstorben|gestorben|ist tot|todesfall|trauerfall|verwitwet|witwer?|in trauer"
)
_CRISIS = (
    r"suicid(?:e|al)|kill myself|end my life|take my (?:own )?life|want to die|self[- ]harm"
    r"|hurt(?:ing)? myself|domestic (?:abuse|violence)|(?:being|been|was|am) abused"
    r"|abusive (?:partner|husband|wife|relationship|home)"
    r"|in (?:a )?crisis|can(?:'t|not) cope|(?:not|no longer) coping|mental health crisis"
    r"|(?:panic|anxiety) attacks?|(?:nervous|mental) breakdown"
    r"|suicid(?:io|arme)|quitarme la vida|autolesi\u00f3n"
    r"|violencia (?:dom\u00e9stica|de g\u00e9nero)"
    r"|maltrato|me suicider|mettre fin \u00e0 mes jours|violences? conjugales?"
    r"|selbstmord|suizid|mich umbringen|h\u00e4usliche gewalt|selbstverletzung"
)
_HARDSHIP = (
    r"unemployed|out of work|(?:lost|losing) my job|made redundant|been laid off|(?:got |was )?"
    r"laid off|on benefits|universal credit|(?:financial|money) (?:hardship|difficult(?:y|ies))"
    r"|struggling (?:financially|to pay|with money)|can(?:'t|not) afford (?:food|rent|to eat)"
    r"|in debt|bankrupt(?:cy)?|homeless|food bank|evicted"
    r"|desemplead[oa]|en (?:el )?paro|perd\u00ed (?:mi|el) (?:trabajo|empleo)"
    r"|au ch\u00f4mage|ch\u00f4meu(?:r|se)|perdu mon (?:emploi|travail)|sans[- ]abri"
    r"|arbeitslos|job verloren|obdachlos|insolvenz|privatinsolvenz"
)
_ILLNESS = (
    r"terminal(?:ly ill| illness| cancer)|(?:have|has|with|got) cancer|chemo(?:therapy)?"
    rf"|{_SUBJECT} (?:\w+ )?in (?:the )?(?:hospital|hospice)|hospitali[sz]ed|dementia"
    r"|alzheimer'?s|seriously ill"
    r"|enfermedad terminal|en el hospital|hospitalis\u00e9e?|\u00e0 l'h\u00f4pital"
    r"|maladie grave|im krankenhaus|todkrank|schwer krank"
)
# A disability about a person (never goods: "roller blind", "account disabled")...
_DISABILITY = (
    r"disabilit(?:y|ies)|wheelchair|mobility (?:scooter|problems?|issues?|aid)"
    r"|partially sighted|visually impaired|sight loss|hard of hearing|hearing impaired"
    r"|learning difficult(?:y|ies)|housebound|bedbound|screen reader|sign language"
    rf"|{_SUBJECT} (?:\w+ )?(?:blind|deaf|disabled|paralysed|paralyzed|autistic|dyslexic)"
    r"|disabled (?:person|customer|people|man|woman|" + _KIN + r")"
    r"|discapacidad|discapacitad[oa]|silla de ruedas|soy (?:ciego|ciega|sordo|sorda)"
    r"|handicap(?:\u00e9e?)?|fauteuil roulant|je suis (?:aveugle|sourde?|malvoyante?)"
    r"|behinder(?:t|ung)|rollstuhl|ich bin (?:blind|geh\u00f6rlos|taub)|sehbehindert"
)
# ... counts when the message also asks for help with something the customer cannot do.
_HELP = (
    r"help|assist(?:ance)?|support|struggl(?:e|ing)|difficult|hard for me|can(?:'t|not)|"
    r"unable|not able|need (?:someone|a person|somebody)|accessib(?:le|ility)|"
    r"ayuda|ay\u00fadenme|no puedo|aide|aidez|je ne peux pas|besoin|hilfe|helfen|kann nicht"
)

NEEDS: dict[str, re.Pattern[str]] = {
    "bereavement": re.compile(rf"(?<!\w)(?:{_BEREAVEMENT})(?!\w)", re.IGNORECASE),
    "crisis": re.compile(rf"(?<!\w)(?:{_CRISIS})(?!\w)", re.IGNORECASE),
    "hardship": re.compile(rf"(?<!\w)(?:{_HARDSHIP})(?!\w)", re.IGNORECASE),
    "illness": re.compile(rf"(?<!\w)(?:{_ILLNESS})(?!\w)", re.IGNORECASE),
    "disability": re.compile(rf"(?<!\w)(?:{_DISABILITY})(?!\w)", re.IGNORECASE),
}
_NEEDS_HELP = re.compile(rf"(?<!\w)(?:{_HELP})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class CareNeed:
    """One need of care found in a message: its kind and the words that showed it."""

    kind: str  # a key of NEEDS
    words: str  # the matched words, as written (redacted text: names are placeholders)


@lru_cache(maxsize=1024)
def needs_of_care(redacted: str) -> tuple[CareNeed, ...]:
    """The needs of care the wording of `redacted` shows, in the order of NEEDS (pure)."""
    text = redacted.replace("\u2019", "'")
    found: list[CareNeed] = []
    for kind, pattern in NEEDS.items():
        match = pattern.search(text)
        if match is None:
            continue
        if kind == "disability" and _NEEDS_HELP.search(text) is None:
            continue
        found.append(CareNeed(kind, match.group(0)))
    return tuple(found)
