"""Payment cards, IBANs and domestic bank account numbers."""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import rtn

from trustdesk.privacy.pii.recognizer import REJECT, Pattern, PatternRecognizer, Verdict

_GROUP = re.compile(r"\d+")
# IBAN lengths (SWIFT IBAN registry) for the countries customers most often write from;
# others are tried at every length from 15 to 34.
_IBAN_LENGTHS = {
    "AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18, "FR": 27,
    "GB": 22, "GR": 27, "HU": 28, "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SK": 24,
}


def _mod97_ok(compact: str) -> bool:
    """The ISO 13616 check alone: cheap enough to run before stdnum's full validation."""
    rearranged = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1
    except ValueError:
        return False


def _luhn_ok(digits: str) -> bool:
    return bool(luhn.is_valid(digits)) and len(set(digits)) > 1


class PaymentCardRecognizer(PatternRecognizer):
    """13-19 digit card numbers with an issuer prefix that pass the Luhn check."""

    ENTITY = "CARD"
    # Groups apart by a space, a dash, a slash, two spaces or " - " ("4192 - 9355 - 9854 - 7369")
    PATTERNS = (Pattern("card-number",
                        r"[2-6](?<![\w\-./][2-6])(?:(?: - |  |[ \-/])?\d){12,18}(?![\d])", 0.9),)
    CONTEXT = (
        "card", "credit card", "debit card", "visa", "mastercard", "amex", "cc", "tarjeta",
        "carte", "karte", "kreditkarte", "card number",
    )
    CONTEXT_BOOST = 0.1

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        # The regex is greedy, so "4111 1111 1111 1111 12" must also be tried without
        # its trailing groups before the candidate is dropped.
        groups = list(_GROUP.finditer(value))
        for last in range(len(groups), 0, -1):
            digits = "".join(g.group(0) for g in groups[:last])
            if len(digits) < 13:
                break
            if len(digits) <= 19 and _luhn_ok(digits) and _card_groups(
                    [len(g.group(0)) for g in groups[:last]]):
                return Verdict(True, "luhn", end_trim=len(value) - groups[last - 1].end())
        return REJECT


def _card_groups(sizes: list[int]) -> bool:
    """Groups as cards print them: one run, fours (the last may be shorter), or 4-6-4/5.

    "679-8086660-9131427" (an order number that happens to pass Luhn) is grouped 3-7-7.
    """
    if len(sizes) == 1:
        return True
    if sizes[:2] == [4, 6] and len(sizes) == 3 and sizes[2] in (4, 5):
        return True
    if sizes == [4, 12]:  # "4900 387957387404": the issuer prefix apart
        return True
    return all(n == 4 for n in sizes[:-1]) and 1 <= sizes[-1] <= 4


class IbanRecognizer(PatternRecognizer):
    """IBANs, grouped in fours or not, validated by the mod-97 check digits."""

    ENTITY = "IBAN"
    PATTERNS = (
        Pattern(
            "iban",
            r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])",
            0.95,
        ),
    )
    CONTEXT = ("iban", "bank", "account", "cuenta", "compte", "konto", "rib")
    CONTEXT_BOOST = 0.05

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        # Greedy matching may swallow a following word ("... 3000 THANKS"): shorten until valid.
        positions = [i for i, c in enumerate(value) if c.isalnum()]
        known = _IBAN_LENGTHS.get(value[:2].upper())
        lengths = [known] if known else range(len(positions), 14, -1)
        for keep in lengths:
            if keep > len(positions):
                continue
            compact = "".join(value[i] for i in positions[:keep]).upper()
            if _mod97_ok(compact) and stdnum_iban.is_valid(compact):
                return Verdict(True, "iban-mod97", end_trim=len(value) - positions[keep - 1] - 1)
        ends_group = known is not None and len(positions) >= known and (
            len(positions) == known or positions[known] > positions[known - 1] + 1
        )
        # ("DE612453720 to invoice RE": words in lower case after capitals are no IBAN)
        head = value[: positions[known - 1] + 1] if known and len(positions) >= known else value
        if known and ends_group and value[2:4].isdigit() and not (
            value[:2].isupper() and any(c.islower() for c in head)
        ):
            # The registry length of its country but wrong check digits: a mistyped IBAN.
            return Verdict(True, None, score=0.55, end_trim=len(value) - positions[known - 1] - 1,
                           reason="IBAN of its country's length although the mod-97 check fails")
        return REJECT


class BankAccountRecognizer(PatternRecognizer):
    """US routing and account numbers and UK sort codes: only with banking context nearby."""

    ENTITY = "BANK_ACCOUNT"
    PATTERNS = (
        Pattern("uk-sort-code", r"\d(?<![\d\-]\d)\d-\d{2}-\d{2}(?![\d\-])", 0.3),
        Pattern("us-routing-number", r"\d(?<![\d\-]\d)\d{8}(?![\d\-])", 0.3),
        Pattern("account-number", r"\d(?<![\d\-]\d)\d{7,16}(?![\d\-])", 0.15),
        # "51-96-45 / 58466324": a sort code and its account, written as a pair, need no cue
        Pattern("uk-sort-code-and-account",
                r"\d(?<![\d\-]\d)\d-\d{2}-\d{2}(?=[ \t]?/[ \t]?\d{6,12}(?![\d\-]))", 0.6),
        Pattern("uk-account-after-sort-code",
                r"(?:(?<=\d\d-\d\d-\d\d / )|(?<=\d\d-\d\d-\d\d/))\d{6,12}(?![\d\-])", 0.6),
    )
    CONTEXT = (
        "sort code", "sort-code", "sortcode", "routing", "routing number", "aba", "rtn",
        "account number", "account no", "account #", "acct", "a/c", "bank account",
        "checking account", "savings account", "número de cuenta", "cuenta bancaria",
        "numéro de compte", "compte bancaire", "kontonummer", "bankkonto",
    )
    CONTEXT_BOOST = 0.45
    CONTEXT_BEFORE = 56

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        if pattern.name == "us-routing-number":
            return Verdict(True, "stdnum.us.rtn") if rtn.is_valid(value) else REJECT
        if len(set(value.replace("-", ""))) == 1:
            return REJECT
        return Verdict(True)
