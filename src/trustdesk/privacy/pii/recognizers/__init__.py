"""The built-in recognisers, one module per family of personal data."""

from __future__ import annotations

from collections.abc import Sequence

from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers.address import AddressRecognizer, PostcodeRecognizer
from trustdesk.privacy.pii.recognizers.contact import (
    EmailRecognizer,
    IpAddressRecognizer,
    UrlRecognizer,
)
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
    UkNinoRecognizer,
    UsSsnRecognizer,
)
from trustdesk.privacy.pii.recognizers.person import PersonRecognizer
from trustdesk.privacy.pii.recognizers.phone import PhoneRecognizer

__all__ = [
    "AddressRecognizer",
    "BankAccountRecognizer",
    "DateOfBirthRecognizer",
    "DeTaxIdRecognizer",
    "EmailRecognizer",
    "EsDniRecognizer",
    "FrNirRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "PaymentCardRecognizer",
    "PersonRecognizer",
    "PhoneRecognizer",
    "PostcodeRecognizer",
    "UkNinoRecognizer",
    "UrlRecognizer",
    "UsSsnRecognizer",
    "default_recognizers",
]


def default_recognizers(languages: Sequence[str] = ("en", "es", "fr", "de")) -> list[Recognizer]:
    """Build one instance of every built-in recogniser (the detector filters by language)."""
    return [
        EmailRecognizer(),
        UrlRecognizer(),
        IpAddressRecognizer(),
        PhoneRecognizer(languages),
        PaymentCardRecognizer(),
        IbanRecognizer(),
        BankAccountRecognizer(),
        UsSsnRecognizer(),
        UkNinoRecognizer(),
        EsDniRecognizer(),
        FrNirRecognizer(),
        DeTaxIdRecognizer(),
        DateOfBirthRecognizer(),
        AddressRecognizer(),
        PostcodeRecognizer(),
        PersonRecognizer(),
    ]
