"""Regexes rewritten for speed match exactly what the originals matched.

The originals are kept here as literals; each rewrite is checked on generated texts built
from the characters its lookarounds care about.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from trustdesk.privacy.pii.recognizer import _triggered
from trustdesk.privacy.pii.recognizers.address import PostcodeRecognizer, _de_hint
from trustdesk.privacy.pii.recognizers.contact import IpAddressRecognizer
from trustdesk.privacy.pii.recognizers.dates import _DAY, _MONTH, _MONTHS, _ORD
from trustdesk.privacy.pii.recognizers.dates import DateOfBirthRecognizer as Dob
from trustdesk.privacy.pii.recognizers.financial import BankAccountRecognizer, PaymentCardRecognizer
from trustdesk.privacy.pii.recognizers.national_id import (
    DeTaxIdRecognizer,
    EsDniRecognizer,
    FrNirRecognizer,
    UsSsnRecognizer,
)


def pattern(recognizer: type, name: str) -> str:
    return next(p.regex for p in recognizer.PATTERNS if p.name == name)


# (original, rewrite): a leading lookbehind moved after the first character it guards
REWRITES = [
    (r"(?<![\d\-])\d{3}([\- ])\d{2}\1\d{4}(?![\d\-])", pattern(UsSsnRecognizer, "ssn-delimited")),
    (r"(?<![\d\-])\d{9}(?![\d\-])", pattern(UsSsnRecognizer, "ssn-plain")),
    (r"(?<![\d\-])[1-9]\d(?: ?\d{3}){3}(?![\d\-])", pattern(DeTaxIdRecognizer, "de-idnr")),
    (r"(?<![A-Za-z0-9])\d{8}[ \-]?[A-Za-z](?![A-Za-z0-9])", pattern(EsDniRecognizer, "es-dni")),
    (r"(?<![\w])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?!\w)",
     pattern(FrNirRecognizer, "fr-nir")),
    # a card number is not glued to letters either (9bc09ee): \w, not \d, before it; its
    # groups may stand apart by a slash, two spaces or " - "
    (r"(?<![\w\-./])[2-6](?:(?: - |  |[ \-/])?\d){12,18}(?![\d])",
     pattern(PaymentCardRecognizer, "card-number")),
    (r"(?<![\d\-])\d{2}-\d{2}-\d{2}(?![\d\-])", pattern(BankAccountRecognizer, "uk-sort-code")),
    (r"(?<![\d\-])\d{9}(?![\d\-])", pattern(BankAccountRecognizer, "us-routing-number")),
    (r"(?<![\d\-])\d{8,17}(?![\d\-])", pattern(BankAccountRecognizer, "account-number")),
    (r"(?<![\w\-/.,])\d{5}(?:-\d{4})?(?![\w\-/.]|,\d)", pattern(PostcodeRecognizer, "us-zip")),
    (r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", pattern(IpAddressRecognizer, "ipv4")),
    (r"(?<![\d./\-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d/\-]|\.\d)", pattern(Dob, "iso")),
    (rf"(?<![\d./\-]){_DAY}([./\-]){_DAY}\1(?:19|20)?\d\d(?![\d/\-]|\.\d)",
     pattern(Dob, "numeric-dmy")),
]
digit_texts = st.lists(
    st.sampled_from(list("0123456789") * 3 + list(" -./,:_aAbBxX") + ["19", "20", "2A"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(digit_texts)
@example("_2000000191919")  # found by CI once: letters before a card
def test_rewritten_patterns_match_the_originals(text: str) -> None:
    for original, rewrite in REWRITES:
        assert [m.span() for m in re.finditer(original, text)] == [
            m.span() for m in re.finditer(rewrite, text)
        ], (original, text)


_OLD_DE_HINT = re.compile(
    r"(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|"
    r"graben|hof) \d"
)
de_texts = st.lists(
    st.sampled_from(["straße", "STRASSE", "Str.", "weg", "HOF", "ring", "rİng", "ſtraße", "ı",
                     "K", " ", "1", "x", "ẞ", "Markt"]),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(de_texts)
def test_german_street_hint_is_the_case_blind_scan(text: str) -> None:
    assert _de_hint(text) == bool(_OLD_DE_HINT.search(text))


MONTH_DAY_YEAR = re.compile(rf"(?<!\w)(?:{_MONTH})\.? {_DAY}{_ORD},? (?:19|20)\d\d(?!\w)",
                            re.IGNORECASE)
month_texts = st.lists(
    st.sampled_from(["March", "MAR", "mar.", "Mayo", "märz", "MÄRZ", "Sept", "5", "12th", ",",
                     " ", "1990", "2001", "x", "_", "é", "Jan"]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(month_texts)
def test_month_dates_tried_at_month_words_only_find_every_match(text: str) -> None:
    scanned = [m.span() for m in MONTH_DAY_YEAR.finditer(text)]
    tried = [m.span() for m in _triggered(text, MONTH_DAY_YEAR, frozenset(_MONTHS))]
    assert tried == scanned


def test_introductions_start_at_a_word_boundary() -> None:
    from trustdesk.privacy.pii.recognizers.person import _STRONG_RE, _WEAK_RE

    for regex in (_STRONG_RE, _WEAK_RE):
        text = "xmy name is ana. my name is ana, hi bob, _hi joe, 5hi x"
        old = re.compile(regex.pattern.replace(r"\b", r"(?<!\w)"))
        assert [m.span() for m in regex.finditer(text)] == [m.span() for m in old.finditer(text)]
