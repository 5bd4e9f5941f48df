"""What a customer is told when a person takes over: what happens next and roughly when.

Opening hours and the typical wait come from settings; the wording, per language, from a
YAML file (the demo's is `data/demo/handoff_notices.yaml`), so a deployment words it itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(
    r"^\s*(?P<d1>[a-z]{3})(?:\s*-\s*(?P<d2>[a-z]{3}))?\s+"
    r"(?P<h1>\d{2}):(?P<m1>\d{2})\s*-\s*(?P<h2>\d{2}):(?P<m2>\d{2})\s*$"
)
_MESSAGES = ("handoff_open", "handoff_closed", "hand_back", "review_rejected")
# Added after the first notices files were written: a file without them still loads, and the
# default language's wording (or this English) is used.
OPTIONAL_MESSAGES = {
    "appeal_received": "We have received your appeal. A member of our team will look at the "
                       "decision again and reply to you here.",
    "appeal_upheld": "A member of our team looked at the decision you contested again and "
                     "kept it.",
    "appeal_overturned": "A member of our team looked at the decision you contested again and "
                         "changed it; they will tell you here what happens now.",
}


class AvailabilityError(ValueError):
    """The opening hours or the notices file are malformed; the message says where."""


@dataclass(frozen=True)
class Window:
    days: frozenset[int]  # 0 = Monday
    opens: time
    closes: time


@dataclass(frozen=True)
class SupportHours:
    """When people answer, in the support team's time zone."""

    windows: tuple[Window, ...]
    zone: ZoneInfo

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(self.zone)
        return any(local.weekday() in w.days and w.opens <= local.time() < w.closes
                   for w in self.windows)

    def next_opening(self, at: datetime) -> datetime:
        """The next time a window opens after `at` (local time of the team)."""
        local = at.astimezone(self.zone)
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            starts = sorted(
                datetime.combine(day, w.opens, tzinfo=self.zone)
                for w in self.windows if day.weekday() in w.days
            )
            for start in starts:
                if start > local:
                    return start
        raise AvailabilityError("the support hours never open")


def parse_hours(spec: str, timezone: str) -> SupportHours:
    """`"mon-fri 09:00-18:00; sat 10:00-14:00"` in the IANA zone `timezone`."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise AvailabilityError("support_timezone: not an IANA time zone name") from None
    windows = []
    for part in (p for p in spec.lower().split(";") if p.strip()):
        m = _HOURS.match(part)
        if m is None or m["d1"] not in DAYS or (m["d2"] and m["d2"] not in DAYS):
            raise AvailabilityError(
                "support_hours: write windows like 'mon-fri 09:00-18:00; sat 10:00-14:00'")
        first = DAYS.index(m["d1"])
        last = DAYS.index(m["d2"]) if m["d2"] else first
        if last < first:
            raise AvailabilityError("support_hours: a day range runs from Monday to Sunday")
        try:
            opens = time(int(m["h1"]), int(m["m1"]))
            closes = time(int(m["h2"]), int(m["m2"]))
        except ValueError:
            raise AvailabilityError("support_hours: not a valid time of day") from None
        if closes <= opens:
            raise AvailabilityError("support_hours: a window must close after it opens")
        windows.append(Window(frozenset(range(first, last + 1)), opens, closes))
    if not windows:
        raise AvailabilityError("support_hours: give at least one window")
    return SupportHours(tuple(windows), zone)


@dataclass(frozen=True)
class Wording:
    messages: dict[str, str]
    day_names: tuple[str, ...]


@dataclass(frozen=True)
class HandoffNotices:
    """Renders the customer-facing notices in the customer's language (or the default)."""

    hours: SupportHours
    typical_wait_minutes: int
    wordings: dict[str, Wording]
    default_language: str

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.wordings))

    def language_for(self, language: str | None) -> str:
        return language if language in self.wordings else self.default_language

    def _hours_text(self, w: Wording) -> str:
        parts = []
        for win in self.hours.windows:
            days = sorted(win.days)
            names = (w.day_names[days[0]] if len(days) == 1
                     else f"{w.day_names[days[0]]}–{w.day_names[days[-1]]}")
            parts.append(f"{names} {win.opens:%H:%M}–{win.closes:%H:%M}")
        return ", ".join(parts) + f" ({self.hours.zone.key})"

    def render(self, message: str, language: str | None, at: datetime) -> str:
        w = self.wordings[self.language_for(language)]
        nxt = self.hours.next_opening(at)
        text = (w.messages.get(message)
                or self.wordings[self.default_language].messages.get(message)
                or OPTIONAL_MESSAGES[message])
        return text.format(
            wait=self.typical_wait_minutes,
            hours=self._hours_text(w),
            next_open=f"{w.day_names[nxt.weekday()]} {nxt:%H:%M}",
        )

    def handoff(self, language: str | None, at: datetime) -> str:
        """What happens next: a person takes over, and roughly when they will answer."""
        key = "handoff_open" if self.hours.is_open(at) else "handoff_closed"
        return self.render(key, language, at)


def _wording(raw: Any, language: str) -> Wording:
    where = f"language {language!r}"
    if not isinstance(raw, dict):
        raise AvailabilityError(f"{where}: must map message names to texts")
    messages = {}
    for key in (*_MESSAGES, *OPTIONAL_MESSAGES):
        text = raw.get(key)
        if key in OPTIONAL_MESSAGES and text is None:
            continue
        if not isinstance(text, str) or not text.strip():
            raise AvailabilityError(f"{where}: {key} needs a text")
        try:
            text.format(wait=0, hours="", next_open="")
        except (KeyError, IndexError, ValueError):
            raise AvailabilityError(
                f"{where}: {key} may only use {{wait}}, {{hours}} and {{next_open}}") from None
        messages[key] = text.strip()
    days = raw.get("days")
    if not isinstance(days, list) or len(days) != 7 or not all(isinstance(d, str) for d in days):
        raise AvailabilityError(f"{where}: days must list the 7 day names from Monday")
    return Wording(messages, tuple(days))


def load_notices(path: Path, *, hours: str, timezone: str,
                 typical_wait_minutes: int) -> HandoffNotices:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AvailabilityError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError:
        raise AvailabilityError(f"{path} is not valid YAML") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("languages"), dict):
        raise AvailabilityError(f"{path}: needs a 'languages' mapping")
    wordings = {str(k): _wording(v, str(k)) for k, v in raw["languages"].items()}
    default = str(raw.get("default_language", "en"))
    if default not in wordings:
        raise AvailabilityError(f"{path}: default_language {default!r} has no wording")
    return HandoffNotices(parse_hours(hours, timezone), typical_wait_minutes, wordings, default)
