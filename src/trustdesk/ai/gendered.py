"""Gendered words for people, and the gender-neutral word every model reads instead.

A message about a husband asks what the same message about a wife asks. The intent model
reads neither word but "partner" (`intent.training.normalise`, in training and at inference),
and the knowledge base reads neither at all (`kb.analysis.analyse`: a help centre's passages
are about orders, not relatives, and "partner" would match "our delivery partner"), so no
intent and no passage can be chosen by a customer's gender or by their relatives' (fairness
through unawareness of the words; the probes' gender family measures what is left). English
only; words for products ("women's slippers", "a boy's duvet cover") are left alone.
"""

from __future__ import annotations

import re

_NEUTRAL_OF = {
    **dict.fromkeys(("husband", "wife", "hubby", "wifey", "missus", "boyfriend", "girlfriend",
                     "fiance", "fiancee", "fianc\u00e9", "fianc\u00e9e"), "partner"),
    **dict.fromkeys(("husbands", "wives", "boyfriends", "girlfriends"), "partners"),
    **dict.fromkeys(("son", "daughter"), "child"),
    **dict.fromkeys(("sons", "daughters"), "children"),
    **dict.fromkeys(("mother", "father", "mum", "mom", "mam", "mummy", "mommy", "dad", "daddy"),
                    "parent"),
    **dict.fromkeys(("mothers", "fathers", "mums", "moms", "dads"), "parents"),
    **dict.fromkeys(("brother", "sister"), "sibling"),
    **dict.fromkeys(("brothers", "sisters"), "siblings"),
    **dict.fromkeys(("grandmother", "grandfather", "grandma", "grandpa", "granny", "grandad",
                     "granddad", "nan", "nana", "gran"), "grandparent"),
    **dict.fromkeys(("grandson", "granddaughter"), "grandchild"),
    **dict.fromkeys(("aunt", "auntie", "aunty", "uncle"), "pibling"),
    **dict.fromkeys(("niece", "nephew"), "nibling"),
    **dict.fromkeys(("widow", "widower"), "widowed"),
    **dict.fromkeys(("he", "she"), "they"),
    # one word for the object and the possessive: "call him" and "call her", "his order" and
    # "her order" must read alike
    **dict.fromkeys(("him", "his", "her"), "their"),
    "hers": "theirs",
    **dict.fromkeys(("himself", "herself"), "themself"),
    **dict.fromkeys(("mr", "mrs", "ms", "miss", "mister", "sir", "madam"), "mx"),
}
_WORDS = "|".join(sorted(_NEUTRAL_OF, key=len, reverse=True))
_GENDERED = re.compile(rf"\b(?:{_WORDS})\b")
_GENDERED_OWNING = re.compile(rf"\b(?:{_WORDS})\b(?:['\u2019]s\b)?")  # "my mum's order"


def neutral_words(lowered: str) -> str:
    """`lowered` (lower-case text) with its gendered words for people read gender-neutrally."""
    return _GENDERED.sub(lambda m: _NEUTRAL_OF[m.group()], lowered)


def without_gendered_words(lowered: str) -> str:
    """`lowered` (lower-case text) with its gendered words for people left out."""
    return _GENDERED_OWNING.sub(" ", lowered)
