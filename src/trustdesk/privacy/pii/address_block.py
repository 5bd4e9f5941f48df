"""An address goes on over the lines and words that finish it: "61 Park View" + "\\nDidsbury" +
"\\nGlasgow B4 1TU" + "\\nUK", "Newcastle" + " upon " + "Tyne", "9242 JV" + " Leiden, Nederland".

Recognisers find a street line, a postcode or a town, and stop where their own pattern stops;
the block an address is written in has a few more line kinds (unit, district, "town postcode",
"postcode town", country). Runs once over the kept findings, after overlaps are resolved: each
ADDRESS looks at most MAX_LINES lines of at most MAX_LINE characters each way, so the pass is
linear in the text. A finding it grows over (a postcode, a town the tagger took for a name)
is absorbed; one that only part of a line covers stops it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trustdesk.privacy.pii.finding import Finding
from trustdesk.privacy.pii.recognizers.address import COUNTRIES

MAX_LINES = 5
MAX_LINE = 50
_ABSORBED = frozenset({"ADDRESS", "POSTCODE", "PERSON"})
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
_COUNTRY_LINE = re.compile(rf"(?i:{COUNTRIES})\.?")
_PC = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}|"
    r"\d{5}(?:-\d{3,4})?|\d{4}(?: ?[A-Z]{2})?|\d{3} \d{2}|\d{2}-\d{3}|\d{6})"
)
# "46638 Bilbao", "1789 HP Rotterdam", "CEP 43333-682", "80914 Bologna (LR)", "D-10115 Berlin"
_PC_TOWN = re.compile(
    rf"(?i:(?:cep|plz|cap|cp|c\.p\.)[ \t]?)?(?:[A-Z]{{1,2}}-)?{_PC}(?:[ \t,]+[^\W\d_][\w .'’\-]*"
    r"(?:[ \t]\([A-Z]{2}\))?)?"
)
# "Boise, ID 34290", "Glasgow B4 1TU", "Jaipur - 462347", "Hobart TAS 2081", "bergen 5003"
_TOWN_PC = re.compile(
    rf"[^\W\d_][\w .'’\-]*?,?[ \t]+(?:-[ \t]+)?(?:[A-Z]{{2,3}}[ \t]+)?(?i:{_PC})"
    r"(?:[ \t]\([A-Z]{2}\))?"
)
_UNIT_LINE = re.compile(
    r"(?i:#[ \t]?\w{1,5}|(?:apt|apartment|flat|unit|suite|ste|lgh|int|piso|bajo|box|po box|"
    r"house no|building|bldg|floor|etage|étage|wohnung|top|stiege|apto|appartement|"
    r"bât|bâtiment|esc|escalera|puerta)\.?[ \t]?(?:no\.?[ \t]?)?[\w\-/]{1,6}(?:,[ \t]?\w{1,8})?)"
)
# A district or a town with its state: "Roath", "Indiranagar", "Curitiba - PR", "Centro".
_PLACE_LINE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[ \t][^\W\d_][^\W\d_'’\-]*){0,2}"
                         r"(?:[ \t]-[ \t][A-Z]{2})?")
# Words inside a place name that part two findings ("Newcastle upon Tyne", "Frankfurt am Main").
_JOINER = re.compile(r"[ \t]+(?:upon|on|am|an der|sur|en|in|im)[ \t]+")
# "Halifax" + ", NS " + "B3H 4R2", "Boise" + ", ID " + "83702": a state between town and code.
_STATE_GAP = re.compile(r",?[ \t]+(?:[A-Z]{2,3},?[ \t]+)?|,[ \t]*")
_NUMBER_SUFFIX = re.compile(r"/[A-Za-z0-9]{1,4}(?![\w/])")
_UNIT_WORD_END = re.compile(r"(?<![\w])(?i:int|apt|app|lgh|no|nr|ste|fl|whg|lok|m|esc|pta)$")
_UNIT_NUMBER = re.compile(r"\.?[ \t]?\d{1,4}[A-Za-z]?(?![\w])")
# A town after a postcode's letters, then maybe a country: "9242 JV" + " Leiden, Nederland".
_TOWN_AFTER = re.compile(r"[ \t]+[A-ZÀ-Þ][^\W\d_'’\-]+(?=[ \t]*(?:,|[.?!)]|$))")
# German and Austrian states written after the town ("34457 Leipzig, Sachsen")
_REGIONS = (
    "Baden-Württemberg|Bayern|Brandenburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|"
    "Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|Sachsen-Anhalt|Sachsen|Schleswig-Holstein|"
    "Thüringen|Niederösterreich|Oberösterreich|Steiermark|Tirol|Kärnten|Vorarlberg|Burgenland"
)
_COUNTRY_AFTER = re.compile(rf",[ \t]*(?:{_REGIONS}|{COUNTRIES})(?![\w\-])")
_ENDS_IN_PC = re.compile(r"(?:\d{4,5}|\d{4} ?[A-Z]{2})$")


_HOUSE_NUMBER_BEFORE = re.compile(
    r"(?<![\w\-/.,])\d{1,5}[A-Za-z]?(?:[/\-]\d{1,5}[A-Za-z]?)?(?:[ \t](?:N|S|E|W|NE|NW|SE|SW))?"
    r"[ \t]+$"
)


def _line(text: str, at: int) -> tuple[int, int, int] | None:
    """(line start, content start, content end) of the line starting at `at`."""
    if at >= len(text):
        return None
    nl = text.find("\n", at, at + 200)
    end = nl if nl >= 0 else min(len(text), at + 200)
    if nl < 0 and end < len(text):
        return None
    quote = _QUOTE.match(text, at, end)
    begin = quote.end() if quote else at
    stop = end
    while stop > begin and (text[stop - 1].isspace() or text[stop - 1] in ",."):
        stop -= 1
    return at, begin, stop


def _kind(text: str, begin: int, stop: int) -> str | None:
    if stop - begin > MAX_LINE or stop <= begin:
        return None
    line = text[begin:stop]
    if "@" in line or ":" in line or "http" in line:
        return None
    for name, regex in (("country", _COUNTRY_LINE), ("pc-town", _PC_TOWN),
                        ("town-pc", _TOWN_PC), ("unit", _UNIT_LINE)):
        if regex.fullmatch(line):
            return name
    if _PLACE_LINE.fullmatch(line):
        return "place"
    return None


def _at_line_end(text: str, at: int) -> bool:
    """Only separators between `at` and the next line break (or the end)."""
    i = at
    while i < len(text) and text[i] in " \t,.":
        i += 1
    return i >= len(text) or text[i] == "\n"


def _grow_down(text: str, f: Finding, limit: int) -> int:
    """The end of the block the address at `f` starts: its own line, then the lines that
    finish an address (a place line only when a postcode or country line comes after it)."""
    end = f.end
    if not _at_line_end(text, end):
        return end
    nl = text.find("\n", end)
    pending: int | None = None  # a place line's end, kept once a postcode line follows
    for _ in range(MAX_LINES):
        if nl < 0:
            break
        line = _line(text, nl + 1)
        if line is None:
            break
        _, begin, stop = line
        kind = _kind(text, begin, stop)
        if kind is None or stop > limit:
            break
        if kind == "place":
            if pending is not None:
                break  # two place lines in a row: a sign-off or a sentence, not an address
            pending = stop
        else:
            end, pending = stop, None
            if kind == "country":
                break
        nl = text.find("\n", stop)
        if nl < 0 or text[stop:nl].strip(" \t,."):
            break
    return end


def _grow_up(text: str, f: Finding, floor: int) -> int:
    """The start of a unit line right above the address ("Apartment 19" over "61 Park View")."""
    line_start = text.rfind("\n", 0, f.start) + 1
    if text[line_start : f.start].strip(" \t>") or line_start < 2:
        return f.start
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    line = _line(text, prev_start)
    if line is None:
        return f.start
    _, begin, stop = line
    if begin < floor or _kind(text, begin, stop) != "unit":
        return f.start
    return begin


def _drop_word_line(text: str, f: Finding) -> Finding:
    """Cut a last line that is a word of the next sentence or field ("...78701\nHave",
    "...Ireland\nName"): a common word that names no place."""
    from trustdesk.privacy.pii.gazetteer import fold
    from trustdesk.privacy.pii.learned.lexicon import Lexicon

    nl = text.rfind("\n", f.start, f.end)
    if nl < 0:
        return f
    words = text[nl + 1 : f.end].strip(" \t>").split()
    if not words or len(words) > 2:
        return f
    from trustdesk.privacy.pii.plausible import is_not_a_name

    lexicon = Lexicon.bundled()
    first = fold(words[0].strip(".,:"))
    if (first in lexicon.common or is_not_a_name(words[0].strip(".,:!"))) and (
        first not in lexicon.place and not _COUNTRY_LINE.fullmatch(words[0])
    ):
        end = nl
        while end > f.start and text[end - 1] in " \t,.":
            end -= 1
        return replace(f, end=end)
    return f


def extend_address_blocks(text: str, findings: list[Finding]) -> list[Finding]:
    """Join, widen and grow each ADDRESS over the parts of its block (see the module doc)."""
    if not any(f.entity == "ADDRESS" for f in findings):
        return findings
    out: list[Finding] = []
    i = 0
    while i < len(findings):
        f = findings[i]
        i += 1
        if f.entity != "ADDRESS":
            out.append(f)
            continue
        # "Newcastle" + " upon " + "Tyne": one place
        while (i < len(findings) and findings[i].entity in ("ADDRESS", "POSTCODE")
               and (_JOINER.fullmatch(text, f.end, findings[i].start)
                    or (findings[i].entity == "POSTCODE"
                        and _STATE_GAP.fullmatch(text, f.end, findings[i].start)))):
            f = replace(f, end=findings[i].end)
            i += 1
        limit = findings[i].start if i < len(findings) else len(text)
        # "Vicolo Gianluigi 141" + "/B", "Borgo Impastato 57, int" + ". 5"
        suffix = (_NUMBER_SUFFIX.match(text, f.end, limit) if text[f.end - 1 : f.end].isdigit()
                  else _UNIT_NUMBER.match(text, f.end, limit)
                  if _UNIT_WORD_END.search(text, max(0, f.end - 8), f.end) else None)
        if suffix is not None:
            f = replace(f, end=suffix.end())
        if _ENDS_IN_PC.search(text, max(0, f.end - 8), f.end):
            town = _TOWN_AFTER.match(text, f.end, limit)
            if town is not None:
                f = replace(f, end=town.end())
        # a country or a state after a comma, also where a reader took it for a name
        named = (i < len(findings) and findings[i].entity == "PERSON"
                 and text[f.end:findings[i].start].strip(" \t,") == "")
        country = _COUNTRY_AFTER.match(text, f.end, findings[i].end if named else limit)
        if country is not None and named and country.end() != findings[i].end:
            country = None  # "Leeds, Denmark Hill": the name is more than a country
        if country is not None:
            f = replace(f, end=country.end())
            if named:
                i += 1  # the "name" was the state or the country
        # the lines below, absorbing the findings they hold whole
        reach = i
        while reach < len(findings) and findings[reach].start < f.end + MAX_LINES * 202:
            if findings[reach].entity not in _ABSORBED:
                break
            reach += 1
        hard = findings[reach].start if reach < len(findings) else len(text)
        end = _grow_down(text, f, hard)
        if end > f.end:
            j = i
            while j < len(findings) and findings[j].start < end:
                j += 1
            # a finding that runs past the block keeps the address as it was
            if all(g.end <= end for g in findings[i:j]):
                f, i = replace(f, end=end), j
        f = _drop_word_line(text, f)
        floor = out[-1].end if out else 0
        number = _HOUSE_NUMBER_BEFORE.search(text, max(floor, f.start - 16), f.start)
        if number is not None and text[f.start : f.start + 1].isalpha():
            f = replace(f, start=number.start())  # "15/97 " + "Sandgate Rd, Newtown NSW 2042"
        start = _grow_up(text, f, floor)
        if start < f.start:
            f = replace(f, start=start)
        out.extend(_per_quoted_line(text, f))
    return out


def _per_quoted_line(text: str, f: Finding) -> list[Finding]:
    """A block in a quoted reply, one finding a line: the "> " markers are no one's data."""
    value = text[f.start : f.end]
    if "\n" not in value or ">" not in value:
        return [f]
    parts: list[Finding] = []
    at = f.start
    for piece in value.split("\n"):
        quote = _QUOTE.match(text, at, at + len(piece))
        begin = quote.end() if quote else at
        stop = at + len(piece)
        while stop > begin and text[stop - 1].isspace():
            stop -= 1
        if stop > begin:
            parts.append(replace(f, start=begin, end=stop))
        at += len(piece) + 1
    return parts or [f]
