"""Where a customer says their (redacted) personal data is: added to benchmark questions by
bench/kb.py and bench/intent.py. Written together with the rule that drops the words naming a
placeholder (trustdesk.ai.placeholders), on dev data: figures with them show the rule holds for
these phrasings, not that every phrasing is covered."""

PII_SENTENCES = (
    " My email is <EMAIL_1>.",
    " My card is <CARD_1>.",
    " My phone number is <PHONE_1>.",
    " My name is <PERSON_1>.",
    " My IBAN is <IBAN_1>.",
)
