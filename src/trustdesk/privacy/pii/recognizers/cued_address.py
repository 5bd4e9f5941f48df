"""An address in any country's shape, read after the word that announces it ("Adres:")."""

from __future__ import annotations

import re

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizer import Recognizer
from trustdesk.privacy.pii.recognizers.address import COUNTRY

# "address", "Lieferadresse" (not "IP address", "e-mail address"), "adres", "Adresim",
# "osoitteen", "Dirección", "sede"... then an optional verb ("is", "er", "est la suivante")
# and a colon.
_CUE = re.compile(
    r"(?i)(?<![\w@.])(?<!ip )(?<!mac )(?<!web )(?<!email )(?<!e-mail )"
    r"(?:[a-zäöüß]{0,12}(?:address|adresse|adress|adres|adresa|aadress|osoite|osoitteen)"
    r"(?!ed(?!\w))[a-zı]{0,3}|dirección|direccion|indirizzo|endereço|morada|anschrift|sede"
    r"|domicilio)(?:[ \t]+(?:la suivante|on record|for the \w+|ist|est|is|er|är|to|es|é|è|"
    r"on(?=[ \t]+(?-i:[A-ZÀ-Þ]))|"
    r"je|jest|[^\W\d_]{3,14}(?=[ \t]*:))(?!\w))*"
    r"[ \t]*[:\-–]?[ \t]*(?:\r?\n(?:[ \t]*>)?[ \t]*)?"
)
# Where a one-line address stops: the end of a sentence, a question, a new field.
# An aside in brackets ("(moved last week)", "(the blue door, round the back)") or a second
# request ("..., and also why was I charged") ends it too; a province in brackets does not
# ("80914 Bologna (BO)").
_LINE_END = re.compile(
    r"\.(?=\s+[A-ZÀ-Þ])|[?!;]|\.\s*$|\s+(?:-|–|—)\s+|\s{2,}|\s*\((?![A-Z]{2}\))"
    r"|,?\s+(?i:and|but)\s+(?i:also|why|can|could|please|i|my|the|when|how)\b|\.?$",
    re.M,
)
_QUOTE = re.compile(r"[ \t]*>[ \t]?")
_POSTCODE_SEEN = re.compile(r"(?<![\w\-])(?:\d{4,5}|\d{3} \d{2}|\d{2}-\d{3}|\d{4}-\d{3})(?![\w\-])")
_DOT_AFTER = re.compile(r"\.(?=\s)|[ \t]+(?=[\U0001F300-\U0001FAFF])")
_FIELD = re.compile(r"^[^\d,]{1,30}:")  # "Phone: ...", "Request: ..." is the next field
_LETTERS = re.compile(r"[^\W\d_]{3}")
# "the address on the order is right", "address is correct:": a sentence, not an address.
_NOT_START = frozenset({
    "on", "for", "of", "is", "was", "in", "to", "that", "and", "or", "correct", "wrong",
    "right", "above", "below", "same", "still", "has", "have", "you", "we", "i", "it", "not",
    "please", "but", "which", "where", "from", "at", "with", "change", "changed", "updated",
    "as", "field", "line", "book", "there", "here", "now", "again", "also", "when", "if",
    "incomplete", "incorrect", "invalid", "unknown", "missing", "so",
    # "the address saved on my account": which address, not the address itself
    "saved", "listed", "shown", "stored", "registered", "associated", "linked", "attached",
    "used", "given", "entered", "provided", "printed", "displayed", "being", "they",
})
# "indirizzo di consegna dell'ordine #W5", "morada de entrega da encomenda": the cue goes on
# to say which address; no street begins with "of".
_OF = frozenset({"de", "di", "da", "do", "del", "della", "du", "des", "van", "för", "für", "til",
                 "af",
                 "dla", "von", "der", "na", "po"})
_ELIDED_OF = ("dell'", "dell’", "dall'", "d'", "d’")
# Substrings one of which every cue holds: most messages skip the regex.
_CHEAP = ("adr", "addr", "osoit", "direcc", "dirección", "indirizzo", "endereço", "morada",
          "anschrift", "sede", "domicilio")
_MAX_LINES = 6
_MAX_LINE = 70


class CuedAddressRecognizer(Recognizer):
    """The line (or lines) after an address word, when they hold a number and a place name.

    Rules for street shapes miss the world's other ones ("Bağdat Cad. No: 311 D: 4",
    "Åboulevarden 18, 3. mf"); the word before them does not. A cue and a number are strong
    evidence, so the score beats a name the tagger saw in a street ("Lange Voorhout") and a
    bare postcode inside; a validated phone number or e-mail (1.0) still cuts it.
    """

    ENTITY = "ADDRESS"
    SCORE = 0.95

    def analyze(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        lowered = text.lower()
        if not any(w in lowered for w in _CHEAP):
            return findings
        for cue in _CUE.finditer(text):
            span = self._value(text, cue.end(), "\n" in cue.group(0) or _ends_line(text, cue))
            if span is None:
                continue
            start, end = span
            value = text[start:end]
            if "@" in value or not any(c.isdigit() for c in value) or not _LETTERS.search(value):
                continue
            first = value.split(None, 1)[0].lower().strip(",:.'\"")
            if not value[0].isalnum() or first in _NOT_START:
                continue
            if value[0].islower() and (first in _OF or first.startswith(_ELIDED_OF)):
                continue  # "l'adresse de livraison de la commande N° ...": the address's kind

            word = cue.group(0).strip(" \t\r\n>:-–").lower()
            findings.append(Finding(start, end, self.ENTITY, self.SCORE, self.name, "after-cue",
                                    None, word))
        return findings

    def _value(self, text: str, at: int, block: bool) -> tuple[int, int] | None:
        """The span of the address from `at`: the rest of the line, or a block of lines."""
        lines: list[tuple[int, int]] = []
        pos, seen_digit = at, False
        for _ in range(_MAX_LINES):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            quote = _QUOTE.match(text, pos, line_end) if lines else None
            begin = quote.end() if quote else pos
            line = text[begin:line_end]
            if not line.strip() or ((block or lines) and len(line) > _MAX_LINE):
                break
            if lines and (_FIELD.match(line) or "@" in line):
                break
            # After a line with a number (street or postcode) only a country line follows.
            if seen_digit and not any(c.isdigit() for c in line) and not _country_line(line):
                break
            seen_digit = seen_digit or any(c.isdigit() for c in line)
            if not block:
                end = _line_end(text, begin, line_end)
                if end - begin > 2 * _MAX_LINE:
                    break
                lines.append((begin, end))
                if end < line_end or nl < 0:
                    break
                # A one-line address goes on over a "postcode town" line; a first line with
                # no number yet ("... for the bag: The Old Rectory") over the block below it.
                if seen_digit and not _continues(text, nl + 1):
                    break
                block = True
            else:
                lines.append((begin, line_end))
            if nl < 0:
                break
            pos = nl + 1
        if not lines:
            return None
        start, end = lines[0][0], lines[-1][1]
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return (start, end) if end > start else None


def _line_end(text: str, begin: int, line_end: int) -> int:
    """Where a one-line address stops: the first sentence end after its first digit, or
    the first ". " after its postcode ("20100 Turku. t. Sanna", "umeå. mvh dariush")."""
    end = line_end
    for stop in _LINE_END.finditer(text, begin, line_end):
        # a question ends it either way: "address saved on my account? I'm 52" holds none
        if any(c.isdigit() for c in text[begin : stop.start()]) or stop.group(0) in "?!":
            end = stop.start()
            break
    code = _POSTCODE_SEEN.search(text, begin, end)
    if code is not None:
        dot = _DOT_AFTER.search(text, code.end(), end)
        if dot is not None:
            end = dot.start()
    return end


def _country_line(line: str) -> bool:
    match = COUNTRY.match(line.strip())
    return match is not None and match.end() == len(line.strip())


def _ends_line(text: str, cue: re.Match[str]) -> bool:
    nl = text.find("\n", cue.end())
    return not text[cue.end() : nl if nl >= 0 else len(text)].strip()


def _continues(text: str, at: int) -> bool:
    """Is the line at `at` a short 'postcode town' line that belongs to the address above?"""
    quote = _QUOTE.match(text, at)
    begin = quote.end() if quote else at
    nl = text.find("\n", begin)
    line = text[begin : nl if nl >= 0 else len(text)].strip()
    return (0 < len(line) <= 40 and line[0].isdigit() and ":" not in line and "@" not in line
            and _LETTERS.search(line) is not None)
