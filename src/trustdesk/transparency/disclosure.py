"""The AI disclosure a customer reads with the first AI reply: per deployment, per language.

The brand and the wording come from settings (TRUSTDESK_BRAND_NAME, TRUSTDESK_AI_DISCLOSURE);
the built-in wording below is the demo's. A template may use `{brand}` and nothing else.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_BRAND = "Lumen & Loom"
DEFAULT_LANGUAGE = "en"

# The English text is the one the demo always showed; the others say the same.
DEFAULT_TEMPLATES: Mapping[str, str] = {
    "en": (
        "You are chatting with {brand}'s AI assistant. Its answers are generated "
        "automatically. Ask \"why?\" to see how it decided, or ask for a human at any time."
    ),
    "es": (
        "Está hablando con el asistente de IA de {brand}. Sus respuestas se generan "
        "automáticamente. Pregunte \"¿por qué?\" para ver cómo decidió, o pida hablar con una "
        "persona en cualquier momento."
    ),
    "fr": (
        "Vous discutez avec l'assistant IA de {brand}. Ses réponses sont générées "
        "automatiquement. Demandez « pourquoi ? » pour voir comment il a décidé, ou demandez "
        "une personne à tout moment."
    ),
    "de": (
        "Sie sprechen mit dem KI-Assistenten von {brand}. Seine Antworten werden automatisch "
        "erzeugt. Fragen Sie „warum?“, um zu sehen, wie er entschieden hat, oder verlangen Sie "
        "jederzeit eine Person."
    ),
}

_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
MAX_TEXT = 1000


class DisclosureError(ValueError):
    """A disclosure setting is malformed; the message names the setting and the problem."""


def check_brand(brand: str) -> str:
    name = brand.strip()
    if not name or len(name) > 80 or any(c in name for c in "\r\n{}"):
        raise DisclosureError(
            "TRUSTDESK_BRAND_NAME must be 1-80 characters on one line, without braces"
        )
    return name


def check_templates(templates: Mapping[str, str]) -> dict[str, str]:
    """Per-language templates as given, or a DisclosureError naming the language and problem."""
    checked: dict[str, str] = {}
    for language, text in templates.items():
        where = f"TRUSTDESK_AI_DISCLOSURE[{language!r}]"
        if not _LANGUAGE.match(language):
            raise DisclosureError(
                f"TRUSTDESK_AI_DISCLOSURE: keys must be language codes like 'en' or 'de', "
                f"not {language!r}"
            )
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            raise DisclosureError(f"{where}: must be 1-{MAX_TEXT} characters")
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError:
            raise DisclosureError(f"{where}: has an unmatched brace; write {{brand}}") from None
        if fields - {"brand"}:
            raise DisclosureError(f"{where}: only the placeholder {{brand}} is allowed")
        if not re.search(r"\bAI\b|\bIA\b|\bKI\b", text.format(brand="")):
            raise DisclosureError(
                f"{where}: must say that the customer talks to an AI (contain AI, IA or KI)"
            )
        checked[language] = text.strip()
    return checked


@dataclass(frozen=True)
class Disclosure:
    """What a deployment tells customers about its AI, by language (fallback: default)."""

    brand: str = DEFAULT_BRAND
    templates: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_TEMPLATES))
    default_language: str = DEFAULT_LANGUAGE

    @classmethod
    def configured(cls, brand: str, overrides: Mapping[str, str],
                   default_language: str = DEFAULT_LANGUAGE) -> Disclosure:
        templates = {**DEFAULT_TEMPLATES, **check_templates(overrides)}
        if default_language not in templates:
            raise DisclosureError(
                f"TRUSTDESK_DISCLOSURE_DEFAULT_LANGUAGE: no disclosure text for "
                f"{default_language!r}; add it to TRUSTDESK_AI_DISCLOSURE"
            )
        return cls(check_brand(brand), templates, default_language)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.templates))

    def text(self, language: str | None = None) -> str:
        """The disclosure in `language`, or in the default language when there is none."""
        template = self.templates.get(language or "", self.templates[self.default_language])
        return template.format(brand=self.brand)

    def language_of(self, language: str | None) -> str:
        """The language text() answers in for `language`."""
        return language if language is not None and language in self.templates \
            else self.default_language
