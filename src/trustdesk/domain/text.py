"""What free text a person writes may hold: the rules, as a check and as a JSON-schema pattern.

Rejected (not stripped: silently changing what a customer wrote would change what is stored,
redacted and audited without anyone seeing it): C0 controls other than tab, newline and
carriage return; DEL; C1 controls (U+0080-U+009F); the bidirectional embeddings, overrides
and isolates (U+202A-U+202E, U+2066-U+2069) that make text display otherwise than it reads
("Trojan Source"); unpaired surrogates; and text with nothing visible in it, only
whitespace and zero-width characters. Zero-width joiners and the left/right marks stay
allowed inside text, where emoji and right-to-left scripts need them.
"""

from __future__ import annotations

import re

_FORBIDDEN = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069"
_ZERO_WIDTH = "\\u200b-\\u200d\\u2060\\ufeff"
# One regex for the schema (JSON Schema patterns are ECMA-262; this one is also Python's):
# only allowed characters, and at least one that is neither whitespace nor zero-width.
TEXT_PATTERN = f"^[^{_FORBIDDEN}]*[^{_FORBIDDEN}{_ZERO_WIDTH}\\s][^{_FORBIDDEN}]*$"

_BAD = re.compile(f"[{_FORBIDDEN}\\ud800-\\udfff]")
_VISIBLE = re.compile(f"[^{_ZERO_WIDTH}\\s]")


def _kind(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "an unpaired UTF-16 surrogate"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return "a bidirectional override character"
    if 0x80 <= code <= 0x9F:
        return "a C1 control character"
    return "a control character"


def text_problem(text: str) -> str | None:
    """Why `text` is not acceptable free text (naming a code point, never the text), or None."""
    bad = _BAD.search(text)
    if bad is not None:
        return f"contains {_kind(bad.group())} (U+{ord(bad.group()):04X}) at {bad.start()}"
    if _VISIBLE.search(text) is None:
        return "must not be empty (it has no visible character)"
    return None
