"""E-mail addresses, URLs and IP addresses."""

from __future__ import annotations

import ipaddress

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
