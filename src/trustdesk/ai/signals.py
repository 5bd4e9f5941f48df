"""Urgency (0..1) and sentiment (-1..1) of a support message, from hand-written lexicons.

This is a lexicon scorer, not a trained model. The word lists below were written by the
TrustDesk authors for English customer-support messages (they are not VADER or any published
lexicon). Rules: a negator ("not", "never", "n't", ...) within the three words before a word
flips and damps its valence; an intensifier ("very", "so", ...) right before it scales it up,
a downtoner ("slightly", "a bit") scales it down; an all-caps word or exclamation marks add
emphasis. Sentiment is squashed with x / sqrt(x^2 + 15) as VADER does; urgency combines
urgency cues, emphasis and negative sentiment. Each score comes with the cues that drove it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SENTIMENT: dict[str, float] = {
    # positive
    "thanks": 1.5, "thank": 1.5, "great": 2.0, "good": 1.5, "excellent": 2.5, "love": 2.5,
    "lovely": 2.0, "happy": 2.0, "pleased": 2.0, "perfect": 2.5, "brilliant": 2.5,
    "amazing": 2.5, "helpful": 1.5, "appreciate": 1.5, "appreciated": 1.5, "wonderful": 2.5,
    "quick": 1.0, "fast": 1.0, "beautiful": 2.0, "nice": 1.5, "fine": 0.8, "glad": 1.5,
    "satisfied": 1.5, "resolved": 1.2, "fixed": 1.0, "works": 0.8, "recommend": 1.5,
    # negative
    "bad": -2.0, "terrible": -3.0, "awful": -3.0, "horrible": -3.0, "worst": -3.2,
    "poor": -2.0, "disappointed": -2.2, "disappointing": -2.2, "unhappy": -2.2,
    "angry": -2.8, "furious": -3.2, "annoyed": -2.0, "frustrated": -2.3, "frustrating": -2.3,
    "upset": -2.2, "useless": -2.5, "ridiculous": -2.5, "unacceptable": -2.8,
    "disgusted": -3.0, "disgusting": -3.0, "rude": -2.2, "broken": -1.8, "damaged": -1.8,
    "faulty": -1.8, "wrong": -1.5, "late": -1.2, "missing": -1.5, "lost": -1.3,
    "never": -0.6, "problem": -1.2, "issue": -0.8, "complaint": -1.5, "scam": -3.0,
    "fraud": -3.0, "ignored": -2.2, "waste": -2.0, "hate": -3.0, "sad": -2.0, "worried": -1.6,
    "stressed": -1.8, "fed": -1.0, "joke": -1.2, "nightmare": -2.8, "cracked": -1.5,
    "smashed": -2.0, "delayed": -1.3, "overcharged": -2.2, "refuse": -1.5, "fail": -1.8,
    "failed": -1.8, "sucks": -2.5, "mess": -1.8, "unusable": -2.2, "stuck": -1.2,
}

URGENCY: dict[str, float] = {
    "urgent": 2.5, "urgently": 2.5, "asap": 2.5, "emergency": 3.0, "immediately": 2.5,
    "now": 1.2, "today": 1.2, "tonight": 1.2, "tomorrow": 0.8, "quickly": 1.2, "soon": 0.6,
    "hurry": 2.0, "deadline": 1.8, "still": 1.0, "again": 0.8, "yet": 0.6, "waiting": 1.0,
    "overdue": 1.5, "critical": 2.2, "desperate": 2.5, "fraud": 2.5, "unauthorised": 2.2,
    "unauthorized": 2.2, "stolen": 2.5, "hacked": 2.8, "locked": 1.2, "danger": 3.0,
    "dangerous": 3.0, "fire": 2.5, "injured": 3.0, "hospital": 2.0, "legal": 1.8,
    "lawyer": 2.0, "chargeback": 2.0, "weeks": 0.6, "days": 0.3, "final": 1.0,
}
URGENT_PHRASES: dict[str, float] = {
    "right now": 2.0, "as soon as possible": 2.5, "third time": 1.8, "second time": 1.0,
    "no response": 1.5, "no reply": 1.5, "last chance": 1.8, "need it by": 1.8,
    "before friday": 1.2, "for the wedding": 1.2, "fire hazard": 3.0,
}

NEGATORS = frozenset({
    "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "hardly",
    "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't", "can't", "cannot",
    "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "dont",
    "didnt", "doesnt", "cant", "wont", "isnt", "wasnt",
})
INTENSIFIERS: dict[str, float] = {
    "very": 1.3, "really": 1.3, "so": 1.3, "extremely": 1.6, "incredibly": 1.5,
    "absolutely": 1.5, "totally": 1.4, "completely": 1.4, "utterly": 1.6, "super": 1.3,
    "too": 1.2, "most": 1.2, "highly": 1.3,
    "slightly": 0.5, "somewhat": 0.6, "bit": 0.6, "little": 0.6, "fairly": 0.8, "quite": 0.9,
}
NEGATION_WINDOW = 3
NEGATION_FACTOR = -0.6  # "not good" is negative, but less so than "bad"
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@dataclass(frozen=True)
class Tone:
    """Urgency and sentiment of one message, with the words that moved each score."""

    urgency: float  # 0 (can wait) .. 1 (act now)
    sentiment: float  # -1 (very negative) .. 1 (very positive)
    cues: tuple[tuple[str, float], ...]  # (word or phrase, signed weight) in message order


def _squash(x: float, alpha: float = 15.0) -> float:
    return x / math.sqrt(x * x + alpha)


def score(text: str) -> Tone:
    """Score one message; cheap enough for the message path (a few microseconds)."""
    raw = _TOKEN.findall(text)
    words = [w.lower() for w in raw]
    emphasis = 1.0 + min(text.count("!"), 4) * 0.08
    valence = 0.0
    urgency = 0.0
    cues: list[tuple[str, float]] = []
    for i, word in enumerate(words):
        scale = 1.0
        if i > 0 and words[i - 1] in INTENSIFIERS:
            scale *= INTENSIFIERS[words[i - 1]]
        if raw[i].isupper() and len(raw[i]) > 2:
            scale *= 1.4
        negated = any(w in NEGATORS for w in words[max(0, i - NEGATION_WINDOW) : i])
        if word in SENTIMENT:
            v = SENTIMENT[word] * scale * (NEGATION_FACTOR if negated else 1.0)
            valence += v
            cues.append((word, round(v, 3)))
        if word in URGENCY and not negated:
            u = URGENCY[word] * scale
            urgency += u
            cues.append((word, round(u, 3)))
    lowered = f" {' '.join(words)} "
    for phrase, weight in URGENT_PHRASES.items():
        if f" {phrase} " in lowered:
            urgency += weight
            cues.append((phrase, weight))
    sentiment = _squash(valence * emphasis)
    # anger and distress make a message more pressing; praise does not make it less so
    pressure = urgency * emphasis + max(0.0, -sentiment) * 2.0
    return Tone(
        urgency=round(1.0 - math.exp(-pressure / 3.0), 4),
        sentiment=round(max(-1.0, min(1.0, sentiment)), 4),
        cues=tuple(cues),
    )


def urgency(text: str) -> float:
    """Urgency from 0 (can wait) to 1 (act now)."""
    return score(text).urgency


def sentiment(text: str) -> float:
    """Sentiment from -1 (very negative) to 1 (very positive)."""
    return score(text).sentiment


class LexiconTone:
    """The path's tone scorer: (urgency, sentiment) of one message."""

    def score(self, text: str) -> tuple[float, float]:
        t = score(text)
        return t.urgency, t.sentiment
