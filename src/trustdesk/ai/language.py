"""Language detection for inbound messages, with lingua restricted to the languages we serve.

lingua-language-detector (Rust core, models shipped in the wheel, nothing downloaded) is built
lazily on first use, once per language set. Measured here: import 1 ms; low-accuracy mode
(the default) loads in ~0.06 s and ~40 MB RSS and takes well under 1 ms per message;
high-accuracy mode loads in ~1.1 s, ~270 MB, and is better on texts of a few words.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ar", "zh", "ja",
)
MIN_LETTERS = 3
MIN_CONFIDENCE = 0.5
_lock = threading.Lock()


class UnsupportedLanguageError(ValueError):
    """A configured language code is unknown to the detector; use ISO 639-1 codes like 'en'."""


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...], high_accuracy: bool) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        try:
            iso = getattr(IsoCode639_1, code.upper())
            chosen.append(Language.from_iso_code_639_1(iso))
        except (AttributeError, ValueError) as exc:
            raise UnsupportedLanguageError(
                f"unknown language code {code!r}; use ISO 639-1 codes such as 'en' or 'de'"
            ) from exc
    if len(chosen) < 2:
        raise UnsupportedLanguageError("configure at least two languages to choose between")
    builder = LanguageDetectorBuilder.from_languages(*chosen)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(
    text: str,
    *,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    min_confidence: float = MIN_CONFIDENCE,
    high_accuracy: bool = False,
) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of the most likely language, or (None, c) when unsure.

    None is returned for text with fewer than MIN_LETTERS letters and when the best language's
    confidence is below min_confidence. Redaction placeholders (<PERSON_1>) should be removed
    first or left in; they are ASCII and barely move the result.
    """
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return None, 0.0
    codes = tuple(sorted({c.lower() for c in languages}))
    with _lock:
        detector = _detector(codes, high_accuracy)
    values = detector.compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    best = values[0]
    confidence = float(best.value)
    if confidence < min_confidence:
        return None, confidence
    return best.language.iso_code_639_1.name.lower(), confidence


# Languages we tell apart even when nobody speaks them, so they are never mistaken for English.
DETECTED_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")


class LinguaLanguages:
    """The path's language detector; routes only on confident, long-enough text.

    lingua's high-accuracy mode: its low-accuracy mode read "how do I reset my password" as
    Italian at 0.996. High accuracy costs ~200 MB and ~1 s to load, ~0.1 ms per message.
    """

    def __init__(self, languages: tuple[str, ...], *, min_letters: int = 12,
                 min_confidence: float = 0.5) -> None:
        self.languages = tuple(sorted(set(languages)))
        self.min_letters = min_letters
        self.min_confidence = min_confidence
        self.detect("warm the language models up before the first customer")

    def detect(self, text: str) -> tuple[str | None, float]:
        if sum(c.isalpha() for c in text) < self.min_letters:
            return None, 0.0
        return detect_language(text, languages=self.languages,
                               min_confidence=self.min_confidence, high_accuracy=True)
