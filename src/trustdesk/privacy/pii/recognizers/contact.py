"""E-mail addresses, URLs and IP addresses."""

from __future__ import annotations

import ipaddress
import re

from trustdesk.privacy.pii.recognizer import ACCEPT, REJECT, Pattern, PatternRecognizer, Verdict

_TRAILING = ".,;:!?)]}'\"»"
# Local parts of shared company mailboxes, which identify no one.
ROLE_MAILBOXES = frozenset(
    [
        "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "service",
        "services", "customerservice", "customer.service", "customerservices", "customercare",
        "care", "help", "helpdesk", "contact", "sales", "billing", "accounts", "admin", "hello",
        "team", "office", "kundenservice", "kundendienst", "service-client", "serviceclient",
        "atencionalcliente", "atencion.cliente", "klantenservice", "kundeservice", "kundtjanst",
        "asiakaspalvelu", "servizioclienti", "assistenza", "bok", "obsluga", "returns", "orders",
        "privacy", "dpo", "legal", "notifications", "newsletter", "mailer-daemon", "postmaster",
        "webmaster", "servicio", "claims", "bookings", "booking", "reservations", "reservas",
        "enquiries", "inquiries", "feedback", "press", "jobs", "careers", "payments", "invoices",
        "refunds", "shop", "store", "delivery", "shipping", "tracking", "security", "fraud",
        "kontakt", "contacto", "contato", "aide", "ayuda", "hilfe", "soporte", "suporte",
        "assistance", "reception", "frontdesk",
    ]
)


class EmailRecognizer(PatternRecognizer):
    """RFC-5322-ish addresses; the lookbehind anchors each attempt at the start of a run."""

    ENTITY = "EMAIL"
    PATTERNS = (
        Pattern(
            "email",
            r"(?<![\w.%+-])[\w.%+-]{1,64}@[^\W_](?:[\w-]{0,62}[^\W_])?"
            r"(?:\.[^\W_](?:[\w-]{0,62}[^\W_])?){0,8}\.[^\W\d_]{2,24}(?![\w-])",
            0.95,
        ),
    )
    CONTEXT = ("email", "e-mail", "mail", "correo", "courriel", "adresse e-mail")

    def prefilter(self, text: str) -> bool:
        return "@" in text

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        local = value.split("@", 1)[0]
        if local.startswith(".") or local.endswith(".") or ".." in local:
            return REJECT
        if local.lower() in ROLE_MAILBOXES:
            # A company's role mailbox names no person: reported below the threshold.
            return Verdict(True, "role-mailbox", score=0.1)
        return ACCEPT


class UrlRecognizer(PatternRecognizer):
    """Links with a scheme or a www. prefix; trailing punctuation is not part of the link."""

    ENTITY = "URL"
    PATTERNS = (
        Pattern("scheme-url", r"(?<![\w.])(?:https?|ftp)://[^\s<>\"'`]{1,2048}", 0.85),
        Pattern("www-url", r"(?<![\w./@])www\.[^\s<>\"'`]{2,2048}", 0.85),
    )
    CONTEXT = ("link", "url", "website", "site", "enlace", "lien")

    def prefilter(self, text: str) -> bool:
        return "://" in text or "www." in text

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        trimmed = value.rstrip(_TRAILING)
        # A closing bracket that opens inside the link belongs to it (Wikipedia-style URLs).
        while value[len(trimmed) : len(trimmed) + 1] == ")" and trimmed.count("(") > trimmed.count(
            ")"
        ):
            trimmed += ")"
        host = trimmed.split("://", 1)[-1]
        if "." not in host:
            return REJECT
        return Verdict(True, end_trim=len(value) - len(trimmed))


class BareUrlRecognizer(PatternRecognizer):
    """Profile links written without scheme or www: 'linkedin.com/in/ana-lopez'."""

    ENTITY = "URL"
    PATTERNS = (
        Pattern(
            "bare-url",
            r"(?<![\w.@/])(?:[a-z0-9][a-z0-9\-]{0,62}\.){1,4}(?:com|org|net|io|me|co|uk|de|fr|es|"
            r"it|nl|pl|se|no|dk|fi|ee|ie|eu|dev|app|be|pt|at|ch|lt|lv)/[^\s<>\"'`]{2,200}",
            0.7,
        ),
    )

    def prefilter(self, text: str) -> bool:
        return "/" in text

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        trimmed = value.rstrip(_TRAILING)
        return Verdict(True, end_trim=len(value) - len(trimmed))


class IpAddressRecognizer(PatternRecognizer):
    """IPv4 and IPv6 candidates, each checked by the standard library's ipaddress."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = (
        Pattern("ipv4", r"\d(?<![\w.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w]|\.\d)", 0.8),
        Pattern(
            "ipv6",
            r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?"
            r"(?![\w:])",
            0.8,
        ),
    )
    CONTEXT = ("ip", "ip address", "address ip", "dirección ip", "adresse ip", "ip-adresse")

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        if pattern.name == "ipv6" and sum(c.isalnum() for c in value) < 3:
            return REJECT
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return REJECT
        return Verdict(True, validator="ipaddress")


# Tokens with digits that name a technology, not a person: "(mp3)", "covid19" on a line.
_NOT_HANDLES = frozenset(
    ["mp3", "mp4", "h264", "h265", "ipv4", "ipv6", "covid19", "win10", "win11", "ps4", "ps5",
     "usb3", "wifi6", "fy2025", "fy2026", "q1", "q2", "q3", "q4", "x86_64", "utf8", "utf_8"]
)


# A file name or a domain ("report_v2.pdf"), and an identifier's word ("order12345").
_NOT_HANDLE_ENDS = frozenset(
    ["pdf", "jpg", "jpeg", "png", "gif", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip",
     "exe", "heic", "mov", "mp4", "com", "net", "org", "io", "de", "uk", "fr", "nl", "es", "it"]
)
_ID_LEADS = frozenset(
    ["order", "ord", "ticket", "ref", "case", "invoice", "inv", "sku", "item", "room", "flight",
     "booking", "account", "acct", "customer", "cust", "id", "no", "nr", "version", "v", "build"]
)


_HANDLE_MARK = re.compile(r"[\d_]|[a-z]\.[a-z]")


class HandleRecognizer(PatternRecognizer):
    """A user handle where people sign with one: "Graham (graham_t54)" or alone on a line.

    The value is lower case, starts with a letter and holds a digit, an underscore or an inner
    dot: a word of a sentence does not, an order number is not lower case.
    """

    ENTITY = "USERNAME"
    PATTERNS = (
        Pattern(
            "handle-after-name",
            r"(?<=[^\W\d_]) \((?P<pii>@?[a-z][a-z0-9._]{2,30}[a-z0-9])\)(?=[ \t]*(?:\r?\n|$))",
            0.6,
        ),
        Pattern(
            # "My teenager Zoë (darkstar_79) bought ...": an underscore handle in brackets
            "underscore-handle-after-name",
            r"(?<=[^\W\d_]) \((?P<pii>[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9])\)",
            0.6,
        ),
        Pattern(
            # "(@emilyw39 on TikTok", "follow @sam_bakes": an @-handle that is no address
            "at-handle",
            r"(?<![\w.@])(?P<pii>@[A-Za-z][\w.]{1,30}[A-Za-z0-9_])(?![\w@]|\.\w)",
            0.6,
        ),
        Pattern(
            "handle-line",
            r"(?m)^[ \t]*(?P<pii>[a-z][a-z0-9._]{3,30}[a-z0-9])[ \t]*$",
            0.55,
        ),
    )

    def prefilter(self, text: str) -> bool:
        return _HANDLE_MARK.search(text) is not None or "@" in text

    def validate(self, value: str, pattern: Pattern) -> Verdict:
        core = value.lstrip("@")
        letters = sum(c.isalpha() for c in core)
        marked = any(c.isdigit() or c == "_" for c in core) or (
            pattern.name in ("handle-after-name", "at-handle") and "." in core
        )
        lead = core.rstrip("0123456789")
        if (not marked or letters < 3 or core in _NOT_HANDLES or ".." in core
                or core.rsplit(".", 1)[-1] in _NOT_HANDLE_ENDS or lead in _ID_LEADS
                or core.split("_", 1)[0].lower() in _ID_LEADS):
            return REJECT
        return Verdict(True, "handle-shape")
