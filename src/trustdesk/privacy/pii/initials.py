"""A name that stops at an initial goes on over it: "Triin K." + " Oja", "L.L." + " D'Souza".

Recognisers split names at "." (a sentence could end there); an initial is one letter, so a
capital word right after "K. " is the family name (a lower-case one when the whole name is in
lower case: "mei p. xu"). Runs once over the kept findings, after overlaps are resolved, and
never into the next finding.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trustdesk.privacy.pii.finding import Finding

# An initial at the end of the finding: one letter, after a space, a "." or the start.
_ENDS_IN_INITIAL = re.compile(r"(?:^|[\s.])[^\W\d_]\.?$")
# The rest of the name after the initial: more initials, then one (hyphenated) word.
_UPPER_REST = re.compile(
    r"\.(?:[^\W\d_]\.)*[ \t]?(?:(?:D|O|Mc|Mac|L|d)['’])?[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]+(?:['’\-][^\W\d_]+)*"
)
_LOWER_REST = re.compile(r"\.(?:[^\W\d_]\.)*[ \t]?[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*")
# Initials right before a name ("I. O. " + "Peltoniemi"), and a given name before them
# ("Jenna X. " + "Cunningham").
_INITIALS_BEFORE = re.compile(r"(?<![\w.\-])(?:[A-ZÀ-ÖØ-Þ]\.[ \t]?){1,3}$")
_GIVEN_BEFORE = re.compile(r"(?<![\w.\-])[A-ZÀ-ÖØ-Þ][^\W\d_]+[ \t]$")
_LOWER_MIDDLE = re.compile(r"[ \t][a-zà-ÿ]\.[ \t]?([a-zà-ÿ][^\W\d_]+(?:['’\-][^\W\d_]+)*)")
# Name particles: between two parts of one name, "J.W." + " de " + "Groot"; capitalised, right
# before a name they open, "Le Thi Hoa" (L\u00ea), "De Souza", "Van Dijk" (recognisers leave them
# out: "le", "de" are words too).
_PARTICLE_WORDS = ("de", "van", "der", "den", "von", "da", "di", "du", "la", "le", "del", "della",
                   "dos", "das", "ter", "ten", "al", "el", "bin", "ibn", "abu", "l\u00ea")
_PARTICLE_GAP = re.compile(rf"\.?[ \t]+(?:(?:{'|'.join(_PARTICLE_WORDS)})[ \t]+){{1,2}}")
_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w.\-])(?:{'|'.join(w.capitalize() for w in _PARTICLE_WORDS)})[ \t]$"
)
# Words that follow an initial without being a name ("Plan B. Then we ...").
_NOT_NAMES = frozenset(["the", "then", "and", "but", "i", "we", "please", "thanks", "my"])


def extend_initials(text: str, findings: list[Finding]) -> list[Finding]:
    """Widen each PERSON that ends at an initial over the family name after it."""
    out = list(findings)
    for i, finding in enumerate(out):
        if finding.entity != "PERSON":
            continue
        value = text[finding.start : finding.end]
        lone = len(value) == 1 and text[finding.end : finding.end + 1] == "."
        if not _ENDS_IN_INITIAL.search(value) or (
            " " not in value and "." not in value and not lone
        ):
            continue
        at = finding.end - 1 if value.endswith(".") else finding.end
        rest = (_LOWER_REST if value.islower() else _UPPER_REST).match(text, at)
        if rest is None:
            # "Aisha K.: Hi!": no family name follows, but the initial keeps its dot
            if (not value.endswith(".") and text[finding.end : finding.end + 1] == "."
                    and (i + 1 == len(out) or out[i + 1].start > finding.end)):
                out[i] = replace(finding, end=finding.end + 1)
            continue
        word = rest.group(0).lstrip(". \t").split(".")[-1].strip().lower()
        if word in _NOT_NAMES:
            continue
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        if rest.end() <= limit:
            out[i] = replace(finding, end=rest.end())
    for i, finding in enumerate(out):
        # "frederikke" + " y. lykke": a lower-case name goes on over a middle initial
        value = text[finding.start : finding.end]
        if finding.entity != "PERSON" or not value.islower():
            continue
        rest = _LOWER_MIDDLE.match(text, finding.end)
        limit = out[i + 1].start if i + 1 < len(out) else len(text)
        if rest is not None and rest.end() <= limit and rest.group(1) not in _NOT_NAMES:
            out[i] = replace(finding, end=rest.end())
    return _initials_before(text, out)


def _initials_before(text: str, findings: list[Finding]) -> list[Finding]:
    """Widen each capitalised PERSON left over a particle that opens it ("Le Thi Hoa"), over the
    initials that stand right before it, and over a given name before those ("Jenna X.
    Cunningham"), never into the finding before."""
    from trustdesk.privacy.pii.plausible import is_given_name

    out = list(findings)

    def floor(i: int) -> int:
        """Where the finding before ends; a lone initial before ("G" of "G.J.") is no limit:
        the name takes it in, and it goes with the lone initials below."""
        if not i:
            return 0
        prev = out[i - 1]
        lone = prev.entity == "PERSON" and len(text[prev.start : prev.end].strip(".")) == 1
        return prev.start if lone else prev.end

    for i, finding in enumerate(out):
        if finding.entity != "PERSON" or not text[finding.start : finding.start + 1].isupper():
            continue
        low = max(floor(i), finding.start - 12)
        particle = _PARTICLE_BEFORE.search(text, low, finding.start)
        if particle is not None:
            out[i] = finding = replace(finding, start=particle.start())
            low = max(floor(i), finding.start - 12)
        initials = _INITIALS_BEFORE.search(text, low, finding.start)
        if initials is None:
            continue
        start = initials.start()
        given = _GIVEN_BEFORE.search(text, max(0, start - 24), start)
        if given is not None and given.start() >= floor(i) and is_given_name(
            given.group(0).strip()
        ):
            start = given.start()
        out[i] = replace(finding, start=start)
    joined: list[Finding] = []
    for finding in out:
        prev = joined[-1] if joined else None
        if prev is not None and finding.entity == prev.entity == "PERSON" and (
            (len(text[prev.start : prev.end].strip(".")) == 1
             and text[prev.end : finding.start] in (". ", "."))
            or _PARTICLE_GAP.fullmatch(text, prev.end, finding.start)
            or (_ENDS_IN_INITIAL.search(text, max(0, prev.end - 3), prev.end)
                and text[prev.end : finding.start] in (". ", "."))
        ):
            # "K" + ". " + "J. Rautiainen", "J.W" + ". de " + "Groot", "Tiffany S" + ". Hawkins"
            joined[-1] = replace(finding, start=prev.start)
            continue
        joined.append(finding)
    # an initial that joined no name ("T." signing a chat) names no one on its own, nor one a
    # name took in
    return [f for f in joined
            if not (f.entity == "PERSON" and len(text[f.start : f.end].strip(".")) == 1)]
