"""E-mail addresses and phone numbers written to dodge filters: "ana dot lopez at gmail dot com".

An obfuscated address is found from its "at" outwards: the domain to the right must end in a
known top-level domain, the local part to the left is read from a window of fixed size. A
spelled phone number is a run of at least seven digit words. Both scans are linear.
"""

from __future__ import annotations

import re

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer, context_regex
from trustdesk.privacy.pii.words import Word, words

_DOT = r"(?:\s?(?:\.|\(dot\)|\[dot\]|\{dot\}|<dot>)\s?|\s(?:dot|punto|point|punkt)\s)"
_AT = re.compile(
    r"\s?(?:\(at\)|\[at\]|\{at\}|<at>|\(@\)|\[@\])\s?|\s(?:at|arroba|chez|bei)\s|\s@\s",
    re.IGNORECASE,
)
_PART = r"[^\W_][\w+\-]{0,40}"
_DOMAIN = re.compile(rf"(?P<d>{_PART}(?:{_DOT}{_PART}){{1,4}})", re.IGNORECASE)
# The local part is read right to left: this is its pattern reversed, matched on the reversed
# window before the "at", so each attempt is one anchored match over a fixed-size window.
_LOCAL_REVERSED = re.compile(
    r"[\w+\-]{0,40}[^\W_](?:(?:\s?(?:\.|\)tod\(|\]tod\[|\}tod\{|>tod<)\s?"
    r"|\s(?:tod|otnup|tniop|tknup)\s)[\w+\-]{0,40}[^\W_]){0,4}",
    re.IGNORECASE,
)
_TLDS = frozenset(
    [
        "com", "net", "org", "edu", "gov", "io", "co", "uk", "de", "fr", "es", "it", "nl", "be",
        "pt", "pl", "se", "no", "dk", "fi", "ee", "ie", "ca", "au", "us", "ch", "at", "eu",
        "info", "biz", "me", "mail", "email", "online", "ru", "br", "mx", "in", "jp", "cn", "lt",
        "lv", "cz", "sk", "hu", "ro", "gr", "tr",
    ]
)
_OBFUSCATED = re.compile(r"\bdot\b|\(|\[|\{|<|\bat\b|\barroba\b|\bpunto\b|\bpoint\b|\bpunkt\b",
                         re.IGNORECASE)
_LEFT_WINDOW = 90
# A local part after one of these is a noun ("your parcel at ..."), not an address.
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:your|my|the|our|a|an|his|her|their|this|that))[ \t]+$")


class ObfuscatedEmailRecognizer(Recognizer):
    """'maria dot lopez at gmail dot com', 'jo(at)example(dot)org', 'ana [at] mail [dot] es'."""

    ENTITY = "EMAIL"
    SCORE = 0.97  # the "at" and a known top-level domain: structure no name or word has

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        for at in _AT.finditer(text):
            domain = _DOMAIN.match(text, at.end())
            if domain is None:
                continue
            parts = re.split(_DOT, domain.group("d"), flags=re.IGNORECASE)
            # Keep the longest prefix of the domain that ends in a known top-level domain.
            keep = max((i for i, p in enumerate(parts) if i >= 1 and p.lower() in _TLDS),
                       default=0)
            if keep == 0:
                continue
            end = at.end()
            pieces = re.finditer(_DOT, domain.group("d"), flags=re.IGNORECASE)
            seps = [m.end() for m in pieces]
            end = at.end() + (seps[keep - 1] + len(parts[keep]) if keep >= 1 else 0)
            window = text[max(0, at.start() - _LEFT_WINDOW) : at.start()][::-1]
            local = _LOCAL_REVERSED.match(window)
            if local is None:
                continue
            start = at.start() - local.end()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@."):
                continue
            value = text[start:end]
            spaced_at = " @ " in value  # "ana.lopez @ mail.com": the "@" set apart
            if "@" in value.replace(" @ ", "") or not (spaced_at or _OBFUSCATED.search(value)):
                continue  # a plain address is the e-mail recogniser's
            # "Track your parcel at shop.fr/orders": a noun and a link. A local part with a
            # digit or a dot in it is no noun ("a r dot nicolas80 at ...": Spanish "a", to).
            noun = text[start : at.start()].strip().isalpha()
            if text[end : end + 1] == "/" or (noun and _DETERMINER_BEFORE.search(
                    text, max(0, start - 8), start)):
                continue
            findings.append(
                Finding(start, end, self.ENTITY, self.SCORE, self.name, "obfuscated-email",
                        "known-tld", None)
            )
        return findings


_DIGIT_WORDS = frozenset(
    [
        "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "double", "triple", "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete",
        "ocho", "nueve", "zéro", "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf",
        "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    ]
)
_RUN_GAP = re.compile(r"[ \t,\-]{1,3}")
_MIN_WORDS = 7
_PHONE_CONTEXT = context_regex(
    ["phone", "call", "mobile", "cell", "number", "text", "ring", "reach", "whatsapp", "tel",
     "telephone", "teléfono", "téléphone", "telefon", "handy", "móvil", "portable"]
)


class SpelledPhoneRecognizer(Recognizer):
    """Phone numbers written as words: 'five five five, two one three, four four one one'."""

    ENTITY = "PHONE"

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        found = words(text)
        if sum(w.low in _DIGIT_WORDS for w in found) < _MIN_WORDS:
            return findings  # no run can be long enough
        run: list[Word] = []
        for word in (*found, None):
            if word is not None and word.low in _DIGIT_WORDS:
                if run and not _RUN_GAP.fullmatch(text, run[-1].end, word.start):
                    self._report(text, run, findings)
                    run = []
                run.append(word)
                continue
            self._report(text, run, findings)
            run = []
        return findings

    def _report(self, text: str, run: list[Word], findings: list[Finding]) -> None:
        if len(run) < _MIN_WORDS:
            return
        start, end = run[0].start, run[-1].end
        assert _PHONE_CONTEXT is not None
        hit = _PHONE_CONTEXT.search(text[max(0, start - 40) : start].lower())
        findings.append(
            Finding(start, end, self.ENTITY, 0.8 if hit else 0.55, self.name, "spelled-digits",
                    None, hit.group(0) if hit else None)
        )
