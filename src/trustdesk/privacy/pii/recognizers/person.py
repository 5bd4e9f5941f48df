"""Person names from a multicultural gazetteer, titles, introductions and sign-offs."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.gazetteer import PARTICLES, NameGazetteer, fold
from trustdesk.privacy.pii.recognizer import Recognizer

# A word, or the Dutch particle "'t" ("van 't Hek"), which only joins a name between particles
# and a name part (`_extend`).
_TOKEN = re.compile(r"(?<!\w)['’]t(?= )|[^\W\d_]{1,40}(?:['’\-][^\W\d_]{1,40}){0,3}")
# Introductions after which the next words are a name even in lower case.
_STRONG = (
    "my name is", "my name's", "name is", "name:", "full name:", "me llamo", "mi nombre es",
    "nombre:", "je m'appelle", "je m’appelle", "mon nom est", "nom:", "ich heiße",
    "ich heisse", "mein name ist", "name ist", "account holder:", "cardholder:",
    "recipient:", "addressed to", "on behalf of",
    # Roles on forms and bank lines, in the languages the messages come in.
    "account holder", "name on account", "account name:", "policy holder", "policyholder",
    "customer name:", "contact name:", "passenger name:", "beneficiary:", "titular:",
    "titular", "titulaire", "kontoinhaber", "t.n.v.", "referente:", "zgłaszający:",
    "requested by:", "attn:", "atn:", "name as on licence:", "name as on license:",
    "fao", "f.a.o.", "main driver:", "driver:", "named driver:", "insured:", "tilinomistaja",
    "kontoinnehavare", "kontohaver", "kontoindehaver", "rekeninghouder", "titolare",
    "intestatario", "intestato a", "sprawca:", "właściciel rachunku", "kontoomanik",
    "my details:", "mis datos:", "meine daten:", "i miei dati:", "os meus dados:",
)
# Introductions that only vouch for capitalised words ("I'm Tunde", not "I'm waiting").
_WEAK = (
    "this is", "i am", "i'm", "i’m", "soy", "je suis", "ich bin", "my wife", "my husband",
    "my son", "my daughter", "my mother", "my father", "my partner", "my friend", "my colleague",
    "spoke to", "spoke with", "agent", "mi esposa", "mi marido", "ma femme", "mon mari",
    "meine frau", "mein mann", "dear", "hi", "hello", "hey", "hola", "bonjour", "hallo",
    "hi its", "hi it's", "hey its", "hey it's", "hiya its", "hello its", "hello it's",
    "estimado", "estimada", "cher", "chère", "liebe", "lieber",
    "hei", "hej", "hoi", "ciao", "olá", "cześć", "moi", "tere", "from:", "my neighbour",
    "my neighbor", "my sister", "my brother", "my mum", "my mom", "my dad", "my grandmother",
    "my grandfather", "my aunt", "my uncle", "my niece", "my nephew", "new tenant is",
    "previous tenant", "technician", "mein vater", "meine mutter", "ma mère", "mon père",
    "min mor", "min far", "mio marito", "mia moglie", "mio padre", "mia madre", "mijn buurvrouw",
    "mijn buurman", "mi madre", "mi padre", "minha mãe", "meu pai",
    # thanks and greetings before the agent's name ("Gracias Felipa por ...", "Cara Abeer,")
    "gracias", "grazie", "merci", "danke", "obrigado", "obrigada", "tack", "takk", "tak",
    "kiitos", "aitäh", "dziękuję", "dzięki", "cara", "caro", "querida", "querido", "beste",
    "lieve", "kære", "kjære", "bästa", "hyvä", "drogi", "droga", "gentile", "thanks", "thank you",
    # "I am" in the other languages
    "jeg er", "jag är", "ik ben", "io sono", "eu sou", "jestem", "olen", "mina olen",
)
_SIGNOFF = re.compile(
    r"(?im)(?:^|(?<=[.!?] ))[ \t]*(?:best regards|kind regards|warm regards|regards|"
    r"many thanks|thanks|"
    r"thank you|cheers|best wishes|best|sincerely|yours sincerely|yours truly|yours|"
    r"saludos cordiales|un saludo|saludos|atentamente|gracias|cordialement|bien à vous|"
    r"merci|mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|liebe grüße|"
    r"grüße|danke|mfg|lg|--|—|-|"
    # Nordic, Baltic, Italian, Polish, Dutch and Portuguese sign-offs.
    r"med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig hilsen|hilsen|"
    r"med vänliga hälsningar|vänliga hälsningar|hälsningar|ystävällisin terveisin|terveisin|"
    r"cordiali saluti|distinti saluti|saluti|grazie mille|grazie|pozdrawiam|z poważaniem|"
    r"dzięki|met vriendelijke groet|vriendelijke groet|groeten|groetjes|mvg|mvh|"
    r"com os melhores cumprimentos|cumprimentos|atenciosamente|obrigado|obrigada|tack|"
    r"kiitos|aitäh|thx|yours faithfully|thanks for looking into it|thanks again|"
    r"thanks in advance|merci d'avance|merci d’avance|gracias de antemano|grazie in anticipo|"
    r"danke im voraus|alvast bedankt|tack på förhand|kiitos etukäteen|z góry dziękuję|"
    r"obrigado desde já|/)"
    r"[ \t]*[,!.]?[ \t]*(?:\r?\n[ \t]*|(?<=,)[ \t]*|(?<=mvh )|(?<=mvg )|(?<=/))"
)


def _phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    # Every phrase starts with a letter, so "\b" before it is "(?<!\w)" (and scans faster).
    assert all(p[:1].isalpha() for p in phrases)
    # "my father, Gráinne Ó Ceallaigh": a comma may stand between the cue and the name.
    # French sets a space before the colon ("Nom : Moreau")
    return re.compile(rf"\b(?:{alternation}),?[ \t]+|\b(?:name|nombre|nom|prénom)[ \t]?:")


# "2. Santiago X. Quispe – 01/25/1941 – passport ...": a list of people, one a line.
_LIST_NAME = re.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)?\d{1,2}[.)][ \t]+(?P<name>(?:[A-ZÀ-ÖØ-Þ]\.[ \t]?){0,3}"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*(?:[ \t](?:[A-ZÀ-ÖØ-Þ]\.|[^\W\d_]+"
    r"(?:['’\-][^\W\d_]+)*)){0,3}?)[ \t]+[–—-][ \t]"
)
# A name alone at the very end, after a sentence, a line break or a dash: "Just ordered 20
# min ago. Tom", "... - Grace". A sentence is never one capitalised given name, so even a name
# that is also a word ("Will", "Rose") signs the message there.
_END_NAME = re.compile(
    r"(?:[.!?][ \t]+|\n[ \t]*|[ \t][-–—][ \t]*)(?P<name>[A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}"
    r"(?:[ \t][A-ZÀ-ÖØ-Þ][^\W\d_]{1,30})?)[ \t]*[.!]?[ \t]*$"
)
# Short sign-offs in the languages the detector reads, after which a lower-case name signs
_THANKS = (r"(?:thx|thanks|cheers|ty|groetjes|groeten|hilsen|mvh|mvg|pozdrawiam|saludos|grazie|"
           r"danke|merci|kiitos|tack|terveisin|bisous|bises|obrigad[oa])")
_END_NAME_LOWER = re.compile(
    rf"(?:[.!?][ \t]+|\n[ \t]*|\b{_THANKS}[ \t,]+)(?!{_THANKS}\b)"
    r"(?P<name>[a-zß-öø-ÿ][^\W\d_]{1,30}(?:[ \t][a-zß-öø-ÿ][^\W\d_]{1,30})?)[ \t]*[.!]?[ \t]*$"
)
_END_REACH = 80

# An airline's "LAST/FIRST MR" (a ticket, a boarding pass): the title after it says a name
_AIRLINE_NAME = re.compile(
    r"(?<![\w/])(?P<name>[A-Z][A-Z'\-]{1,30}(?: [A-Z][A-Z'\-]{1,30})?/[A-Z][A-Z'\-]{1,30}"
    r"(?: [A-Z][A-Z'\-]{1,30})?)(?= (?:MR|MRS|MS|MISS|MSTR|MX|DR)\b)"
)
# Words that open a line before a colon and are no one's name there ("Edit:", "Agent:")
_LINE_LABELS = frozenset([
    "edit", "update", "note", "notes", "subject", "question", "answer", "reply", "agent",
    "customer", "user", "bot", "assistant", "system", "support", "admin", "staff", "operator",
    "from", "sent", "date", "time", "order", "tracking", "status", "item", "items", "total",
    "price", "problem", "issue", "reason", "comment", "comments", "message", "details", "info",
    "attention", "attn", "urgent", "important", "reminder", "warning", "error", "ref",
    "reference", "account", "billing", "shipping", "delivery", "address", "phone", "mobile",
    "email", "name", "contact", "summary", "result", "request", "response", "chat",
    "transcript", "you", "me", "him", "her", "them", "us",
])
# A chat log's or a quoted reply's speaker: "Darnell: do you deliver to Hawaii?"
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)?(?:\[[\d:.apmAPM ]{3,12}\][ \t]*)?"  # "[15:40] Chris: Hi!"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}(?:['’\-][^\W\d_]+)?"
    r"(?: [A-ZÀ-ÖØ-Þ][^\W\d_]{1,30}(?:['’\-][^\W\d_]+)?)?)(?: [A-ZÀ-ÖØ-Þ]\.)?:[ \t]+"
    # what they say: a sentence that opens as people open one, not a field's value
    r"(?=(?i:i|i'm|im|i've|we|my|our|you|your|do|does|did|can|could|is|are|was|will|would|"
    r"what|where|when|how|why|which|who|hi|hello|hey|please|thanks|thank|ok|okay|yes|no|"
    r"sorry|just|so|any|has|have|there|it|it's|this|that|he|she|they|yeah|yep|nope|sure|"
    r"well|oh|maybe)\b[^\n]*\w+\W+\w+)"
)
_HERE = re.compile(r" here(?!\w)")
_CLAUSE_START = re.compile(r"(?:^|[,.!?:;\n]|\n[ \t]*)[ \t]*$")
_STRONG_RE = _phrase_regex(_STRONG)
_WEAK_RE = _phrase_regex(_WEAK)


_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _lower_case_message(text: str) -> bool:
    """A message written in lower case: after its cues a name comes in lower case too."""
    letters = len(_LETTER.findall(text))
    return letters >= 20 and len(_CAPITAL.findall(text)) <= 0.02 * letters


class _LowerCase:
    """Whether the message is written in lower case, counted once and only when asked."""

    __slots__ = ("_text", "_value")

    def __init__(self, text: str) -> None:
        self._text = text
        self._value: bool | None = None

    def message(self) -> bool:
        if self._value is None:
            self._value = _lower_case_message(self._text)
        return self._value


_LINE_REACH = 160


def _lower_case_line(text: str, at: int) -> bool:
    """The line around `at` has a dozen letters and no capital: written in lower case.

    Read at most _LINE_REACH characters each way, so a text with no line break costs the
    same per cue as one with many."""
    low = max(0, at - _LINE_REACH)
    begin = text.rfind("\n", low, at) + 1 or low
    end = text.find("\n", at, at + _LINE_REACH)
    line = text[begin : end if end >= 0 else min(len(text), at + _LINE_REACH)]
    return len(_LETTER.findall(line)) >= 12 and _CAPITAL.search(line) is None


def _listed_name(low: str) -> bool:
    """In the large given- or family-name lists and no common word ("my son is ...")."""
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    lexicon = Lexicon.bundled()
    return (low in lexicon.first or low in lexicon.last) and low not in lexicon.common


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    low: str
    cap: bool


class PersonRecognizer(Recognizer):
    """Finds names by gazetteer and capitalisation, or by what introduces them."""

    ENTITY = "PERSON"
    MAX_TOKENS = 4

    def __init__(self, gazetteer: NameGazetteer | None = None) -> None:
        self._names = gazetteer or NameGazetteer.bundled()

    def analyze(self, text: str) -> list[Finding]:
        # An all-capitals word ("WEST", "URGENT") is shouting or a code, not a capitalised name.
        tokens = [
            _Token(m.start(), m.end(), w, fold(w), w[0].isupper() and not (w.isupper() and w[1:]))
            for m in _TOKEN.finditer(text)
            for w in (m.group(0),)
        ]
        if not tokens:
            return []
        starts = [t.start for t in tokens]
        findings: list[Finding] = []
        lowered = text.lower()
        lower_mode = _LowerCase(text)
        for regex, kind in ((_STRONG_RE, "introduction"), (_WEAK_RE, "self-introduction")):
            for match in regex.finditer(lowered):
                i = bisect_left(starts, match.end())
                if i < len(tokens) and tokens[i].start - match.end() <= 1:
                    cue = match.group(0).strip().rstrip(":,")
                    self._from_cue(text, tokens, i, kind, cue, findings, lower_mode)
        for match in _SIGNOFF.finditer(text):
            i = bisect_left(starts, match.end())
            if i < len(tokens) and tokens[i].start == match.end():
                cue = match.group(0).strip(" \t\r\n,!.")
                self._from_cue(text, tokens, i, "sign-off", cue, findings)
        for match in _LIST_NAME.finditer(text):
            self._from_list(text, match, findings)
        for match in _SPEAKER.finditer(text):
            self._from_speaker(match, findings)
        end_name = self._end_name(text)
        if end_name is not None:
            findings.append(Finding(*end_name, self.ENTITY, 0.7, self.name,
                                    "a name alone at the end", "names-gazetteer", None))
        if "/" in text:
            for match in _AIRLINE_NAME.finditer(text):
                start, end = match.span("name")
                if sum(c.isalpha() for c in text[start:end]) < 6:
                    continue  # "TCP/IP MR": too short to be two names
                findings.append(Finding(start, end, self.ENTITY, 0.85, self.name,
                                        "airline last/first name", None, None))
        for match in _HERE.finditer(text):
            i = bisect_left(starts, match.start()) - 1
            if i >= 0 and tokens[i].end == match.start():
                self._from_here(text, tokens, i, findings)
        titles, first, last = self._names.titles, self._names.first, self._names.last
        for i, token in enumerate(tokens):
            low = token.low
            if low in titles and i + 1 < len(tokens):
                nxt = tokens[i + 1]
                if 0 < nxt.start - token.end <= 2 and text[token.end : nxt.start].strip(". ") == "":
                    self._from_cue(text, tokens, i + 1, "title", token.word, findings,
                                   lower_mode)
            if low in first or low in last or ("-" in low and low in self._names):
                # _from_gazetteer's own first test (a hyphenated name is looked up by parts)
                self._from_gazetteer(text, tokens, i, findings)
        return findings

    def _adjacent(self, text: str, left: _Token, right: _Token) -> bool:
        gap = text[left.end : right.start]
        return gap == " " or gap == "\u00a0"

    def _is_part(self, tok: _Token, lower: str) -> bool:
        """Can this token continue a name? `lower` says which lower-case words may."""
        if tok.low in self._names.common and tok.low not in self._names:
            return False
        if tok.cap:
            return True
        if lower == "any":
            return len(tok.word) > 1
        return lower == "gazetteer" and tok.low in self._names

    def _extend(self, text: str, tokens: list[_Token], i: int, lower: str) -> int:
        """Return the index after the last token of the name starting at tokens[i]."""
        j, count, n = i + 1, 1, len(tokens)
        while j < n and count < self.MAX_TOKENS and self._adjacent(text, tokens[j - 1], tokens[j]):
            # Up to two particles join the name only when a name part follows them.
            k = j
            while (
                k < n and k - j < 2 and tokens[k].low in PARTICLES
                and self._adjacent(text, tokens[k - 1], tokens[k])
            ):
                k += 1
            if (
                k > j
                and k < n
                and self._adjacent(text, tokens[k - 1], tokens[k])
                and self._is_part(tokens[k], lower)
            ):
                j, count = k + 1, count + 1
            elif self._is_part(tokens[j], lower):
                j, count = j + 1, count + 1
            else:
                break
        return j

    def _end_name(self, text: str) -> tuple[int, int] | None:
        """The span of a name alone at the very end ("... ago. Tom", "...?\nÅsa Holm",
        "come faccio? lorenzo"), or None.

        After a sentence, a capitalised word is a name when it is one of the curated given
        names (the large names lexicon also holds "Buyer"); alone on its own last line, a
        given and a family name both in the names lexicon and neither a common word ("Åsa
        Holm", not "Kind Regards"). In lower case it must be a curated given name that is no
        common word ("lorenzo", not "will" or "mark").
        """
        tail = max(0, len(text) - _END_REACH)
        match = _END_NAME.search(text, tail) or _END_NAME_LOWER.search(text, tail)
        if match is None:
            return None
        words = [fold(w) for w in match.group("name").split()]
        curated = words[0] in self._names.first
        from trustdesk.privacy.pii.learned.lexicon import Lexicon

        lexicon = Lexicon.bundled()
        if (match.re is _END_NAME_LOWER or not curated) and any(
                w in lexicon.common for w in words):
            return None
        own_line = "\n" in text[match.start():match.start("name")]
        if curated or (own_line and len(words) == 2 and all(
                w in lexicon.first or w in lexicon.last for w in words)):
            return match.span("name")
        return None

    def _from_cue(
        self,
        text: str,
        tokens: list[_Token],
        i: int,
        kind: str,
        cue: str,
        findings: list[Finding],
        lower_mode: _LowerCase | None = None,
    ) -> None:
        """Report the name that a cue (introduction, title, sign-off) points at."""
        first = tokens[i]
        names = self._names
        lower_ok = kind == "introduction" or (
            kind == "sign-off" and not first.cap and self._fills_line(text, tokens, i)
        ) or (not first.cap and _listed_name(first.low)
              and ((lower_mode is not None and lower_mode.message())
                   or _lower_case_line(text, first.start)))
        if first.low in names.common and first.low not in names and not (lower_ok and first.cap):
            return
        if not first.cap and not (lower_ok and len(first.word) > 1):
            return
        end = self._extend(text, tokens, i, "any" if lower_ok else "none")
        if not first.cap and kind not in ("introduction", "sign-off"):
            end = min(end, i + 2)  # "my father padraigin dowey passed away": two words
        known = any(t.low in names for t in tokens[i:end])
        score = 0.85 if kind in ("introduction", "title") else 0.75
        findings.append(
            Finding(first.start, tokens[end - 1].end, self.ENTITY, score, self.name, kind,
                    "names-gazetteer" if known else None, cue.lower())
        )

    def _from_list(self, text: str, match: re.Match[str], findings: list[Finding]) -> None:
        """A numbered line of capitalised words, a dash and a number (a date, a passport)."""
        start, end = match.span("name")
        nl = text.find("\n", end)
        if not any(c.isdigit() for c in text[end : nl if nl >= 0 else len(text)]):
            return
        parts = [fold(w.strip(".")) for w in text[start:end].replace(".", ". ").split()]
        names = self._names
        if len(parts) < 2 or any(p in names.common and p not in names for p in parts if len(p) > 1):
            return
        if not all(w[0].isupper() or fold(w) in PARTICLES for w in text[start:end].split()):
            return
        known = any(p in names for p in parts)
        findings.append(Finding(start, end, self.ENTITY, 0.75, self.name, "list item",
                                "names-gazetteer" if known else None, None))

    def _from_speaker(self, match: re.Match[str], findings: list[Finding]) -> None:
        """A line opened by a name and a colon: every word a known name (the names lexicon)
        and none a common word, a label or a place ("Subject:", "Note:", "London:")."""
        from trustdesk.privacy.pii.learned.lexicon import Lexicon
        from trustdesk.privacy.pii.plausible import is_not_a_name

        lexicon, names = Lexicon.bundled(), self._names
        words = match.group("name").split()
        for word in words:
            low = fold(word)
            if (len(low) < 3 or low in _LINE_LABELS or low in names.common
                    or low in names.titles or low in names.identity or low in lexicon.common
                    or low in lexicon.place or is_not_a_name(word)):
                return
            if not (low in names or low in lexicon.first or low in lexicon.last):
                return
        start, end = match.span("name")
        findings.append(Finding(start, end, self.ENTITY, 0.7, self.name, "speaker",
                                "names-gazetteer" if any(fold(w) in names for w in words)
                                else "names-lexicon", ":"))

    def _fills_line(self, text: str, tokens: list[_Token], i: int) -> bool:
        """'thanks,\nalessandro': a lower-case sign-off name is alone on its line, no word."""
        nl = text.find("\n", tokens[i].start)
        line_end = len(text) if nl < 0 else nl
        j = i
        while j < len(tokens) and tokens[j].end <= line_end:
            j += 1
        if not 0 < j - i <= 3 or text[tokens[j - 1].end : line_end].strip(" \t.,!") != "":
            return False
        words = tokens[i:j]
        return all(len(t.word) > 1 and (t.low in self._names or t.low not in self._names.common)
                   for t in words)

    def _from_here(
        self, text: str, tokens: list[_Token], last: int, findings: list[Finding]
    ) -> None:
        """'Hi team, Tunde Bakare here.': walk back from 'here' to the start of the clause."""
        i = last
        while (
            i > 0
            and last - i < self.MAX_TOKENS - 1
            and self._adjacent(text, tokens[i - 1], tokens[i])
        ):
            prev = tokens[i - 1]
            if not (prev.cap or prev.low in PARTICLES):
                break
            i -= 1
        if tokens[i].low in PARTICLES:
            return
        lead = text[max(0, tokens[i].start - 8) : tokens[i].start]
        if _CLAUSE_START.search(lead) and self._extend(text, tokens, i, "none") > last:
            self._from_cue(text, tokens, i, "self-introduction", "here", findings)

    def _from_gazetteer(
        self, text: str, tokens: list[_Token], i: int, findings: list[Finding]
    ) -> None:
        names = self._names
        tok = tokens[i]
        if tok.low not in names or not (tok.cap or tok.low in names.first):
            return
        begin = i
        if i > 0 and self._adjacent(text, tokens[i - 1], tok):
            prev = tokens[i - 1]
            # Mid-name tokens are handled from the first part of the name; an unknown
            # capitalised word just before a known family name is a given name.
            if prev.cap and prev.low in names:
                return
            given = prev.low not in names.common and prev.low not in names.titles
            if prev.cap and given and tok.cap:
                begin = i - 1
        end = self._extend(text, tokens, i, "none" if tok.cap else "gazetteer")
        parts = tokens[begin:end]
        unambiguous = [p for p in parts if p.low in names and p.low not in names.common]
        # In lower case nothing but the words says it is a name: all of them must be names,
        # and one at least no common English word ("will sue", "may rose" are not names).
        if not tok.cap and (len(parts) < 2 or any(p.low not in names for p in parts)
                            or not unambiguous):
            return
        in_gazetteer = [p for p in parts if p.low in names]
        if not unambiguous and len(in_gazetteer) < 2:
            return
        if len(parts) >= 2:
            score = 0.85 if len(in_gazetteer) >= 2 else 0.75
        elif tok.low in names.first:
            score = 0.6
        else:
            score = 0.5
        if not tok.cap:
            score = 0.6
        findings.append(
            Finding(parts[0].start, parts[-1].end, self.ENTITY, score, self.name, "gazetteer",
                    "names-gazetteer", None)
        )
