"""Counterfactual data augmentation: copies of training rows that differ only in who is named.

A support model learns shortcuts from who its examples happen to mention. If every message
naming a husband, a mother or a son is about a death in the family, "my husband ordered a
lamp" reads as bereavement. Counterfactual augmentation (Lu et al. 2018, "Gender bias in
neural natural language processing"; Zmigrod et al. 2019) adds, for some training rows, a copy
with the same label in which only a reference to a person changes, so that those words carry
no label on their own and the words that do (died, hospital, refund) keep theirs. Gender
needs no copies: the model's canonical text reads gendered words for people neutrally
(`training.normalise`: "my husband" and "my wife" are both "my partner"), so a swapped copy
would be the same row twice. The one copy made is a family mention: the writer's own thing
made a family member's ("my order" -> "my daughter's order"), for rows that name no one else
yet.

Every label gets the same transformation, so none learns that a family member or a gender is
its sign. The person named is chosen from the row's text (deterministic, no random state).
The copies join the training rows only, never a validation or test split. Asides about the
writer ("I'm 68.") are not added: the understand stage reads the intent in the request
without them (`ai.focus`), and on CLINC150 such copies cost out-of-scope recall (val
64.0 % -> 61.0 %) for no gain in accuracy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

KIN = ("husband", "wife", "son", "daughter", "mother", "father", "mum", "dad", "partner",
       "brother", "sister", "grandmother", "grandfather", "friend")
_KIN = re.compile(r"\b(?:" + "|".join(KIN) + r"|husbands|wives|sons|daughters|mom|kids?|"
                  r"children|family|relative)\b", re.IGNORECASE)
_MY = re.compile(r"\bmy (?=[a-z])", re.IGNORECASE)


def _pick(text: str, salt: str, n: int) -> int:
    digest = hashlib.blake2b(f"{salt}:{text}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % n


def family_mention(text: str) -> str | None:
    """The first "my <thing>" made a family member's; None when someone is named already."""
    if _KIN.search(text) is not None or _MY.search(text) is None:
        return None
    kin = KIN[_pick(text, "kin", len(KIN))]
    return _MY.sub(lambda m: f"{m.group()}{kin}'s ", text, count=1)


def counterfactual_copies(texts: Sequence[str],
                          labels: Sequence[str]) -> tuple[list[int], list[str]]:
    """(index of the original row, copy) for each counterfactual copy; a copy keeps the
    label of its original (the labels are given to check that they pair with the texts)."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    out: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        copy = family_mention(text)
        if copy is not None and copy != text:
            out.append((i, copy))
    return [i for i, _ in out], [c for _, c in out]
