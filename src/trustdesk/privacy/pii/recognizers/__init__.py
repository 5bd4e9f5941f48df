"""The built-in recognisers, one module per family of personal data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers.address import AddressRecognizer, PostcodeRecognizer
from trustdesk.privacy.pii.recognizers.contact import (
    BareUrlRecognizer,
    EmailRecognizer,
    HandleRecognizer,
    IpAddressRecognizer,
    UrlRecognizer,
)
from trustdesk.privacy.pii.recognizers.context import ContextFirstRecognizer
from trustdesk.privacy.pii.recognizers.cued_address import CuedAddressRecognizer
from trustdesk.privacy.pii.recognizers.dates import DateOfBirthRecognizer
from trustdesk.privacy.pii.recognizers.financial import (
    BankAccountRecognizer,
    IbanRecognizer,
    PaymentCardRecognizer,
)
from trustdesk.privacy.pii.recognizers.national_id import (
    DeTaxIdRecognizer,
    EsDniRecognizer,
    FrNirRecognizer,
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)
from trustdesk.privacy.pii.recognizers.obfuscated import (
    ObfuscatedEmailRecognizer,
    SpelledPhoneRecognizer,
)
from trustdesk.privacy.pii.recognizers.person import PersonRecognizer
from trustdesk.privacy.pii.recognizers.phone import PhoneRecognizer

__all__ = [
    "AddressRecognizer",
    "BankAccountRecognizer",
    "BareUrlRecognizer",
    "ContextFirstRecognizer",
    "CuedAddressRecognizer",
    "DateOfBirthRecognizer",
    "DeTaxIdRecognizer",
    "EmailRecognizer",
    "EsDniRecognizer",
    "FrNirRecognizer",
    "HandleRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "ObfuscatedEmailRecognizer",
    "PaymentCardRecognizer",
    "PersonRecognizer",
    "PhoneRecognizer",
    "PostcodeRecognizer",
    "SpelledPhoneRecognizer",
    "UkDrivingLicenceRecognizer",
    "UkNinoRecognizer",
    "UrlRecognizer",
    "UsSsnRecognizer",
    "default_recognizers",
]


def default_recognizers(
    languages: Sequence[str] = ("en", "es", "fr", "de"), *, tagger: Path | bool | None = True
) -> list[Recognizer]:
    """Build one instance of every built-in recogniser (the detector filters by language).

    `tagger` adds the learned name/address tagger: True for the bundled artefact, a path for
    another one, False for rules only.
    """
    learned: list[Recognizer] = []
    if tagger is not False:
        from trustdesk.privacy.pii.learned.model import LearnedRecognizer

        learned.append(LearnedRecognizer.load(None if tagger is True else tagger))
    return [
        EmailRecognizer(),
        UrlRecognizer(),
        BareUrlRecognizer(),
        IpAddressRecognizer(),
        PhoneRecognizer(languages),
        PaymentCardRecognizer(),
        IbanRecognizer(),
        BankAccountRecognizer(),
        UsSsnRecognizer(),
        UkNinoRecognizer(),
        UkDrivingLicenceRecognizer(),
        EsDniRecognizer(),
        FrNirRecognizer(),
        DeTaxIdRecognizer(),
        DateOfBirthRecognizer(),
        AddressRecognizer(),
        CuedAddressRecognizer(),
        PostcodeRecognizer(),
        PersonRecognizer(),
        ContextFirstRecognizer(),
        ObfuscatedEmailRecognizer(),
        SpelledPhoneRecognizer(),
        HandleRecognizer(),
        *learned,
    ]
