"""Language detection: a table of languages we serve, and refusals on short or unclear text."""

from __future__ import annotations

import pytest

from trustdesk.ai.language import UnsupportedLanguageError, detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Where is my order? It was supposed to arrive last week.", "en"),
        ("¿Dónde está mi pedido? Debía llegar la semana pasada.", "es"),
        ("Où est ma commande ? Je l'attends depuis dix jours.", "fr"),
        ("Wo ist meine Bestellung? Ich warte seit zwei Wochen.", "de"),
        ("Dov'è il mio ordine? Lo aspetto da due settimane.", "it"),
        ("Onde está a minha encomenda? Estou à espera há duas semanas.", "pt"),
        ("Waar is mijn bestelling? Ik wacht al twee weken.", "nl"),
        ("Gdzie jest moje zamówienie? Czekam już dwa tygodnie.", "pl"),
        ("Siparişim nerede? İki haftadır bekliyorum.", "tr"),
        ("أين طلبي؟ أنتظر منذ أسبوعين", "ar"),
        ("我的订单在哪里？已经两周了。", "zh"),
        ("注文はどこですか？まだ届いていません。", "ja"),
    ],
)
def test_detects_configured_languages(text: str, code: str) -> None:
    detected, confidence = detect_language(text)
    assert detected == code
    assert confidence >= 0.5


@pytest.mark.parametrize("text", ["", "ok", "??", "12345 !!", "<PERSON_1>"[:2]])
def test_too_short_is_none(text: str) -> None:
    assert detect_language(text) == (None, 0.0)


def test_uncertain_is_none_with_its_confidence() -> None:
    code, confidence = detect_language("Où est ma commande ?", min_confidence=0.99)
    assert code is None
    assert 0.0 < confidence < 0.99


def test_restricted_language_set() -> None:
    code, _ = detect_language("Wo ist meine Bestellung? Ich warte seit zwei Wochen.",
                              languages=("en", "fr"))
    assert code in {"en", "fr", None}
    with pytest.raises(UnsupportedLanguageError, match="ISO 639-1"):
        detect_language("hello there friend", languages=("en", "xx"))
