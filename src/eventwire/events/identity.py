"""When two coded mentions report one happening: the event identity of GDELT 2.0's events and mentions.

An *event* is the same source, target, CAMEO code (root and three digits), date at its precision and
location country, reported by any number of articles; each report is a *mention*.  Relative dates are
resolved against each article's own publication day, so two reports of one happening may carry dates
that differ by that resolution's ambiguity ("yesterday" in a story filed after midnight; a story that
takes its publication day because it names no day): such a mention still joins its event
(:func:`may_join`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from eventwire.models import ActorMention, Event

__all__ = ["JOIN_DAYS_DERIVED", "JOIN_DAYS_TEXT", "EventIdentity", "event_identity", "may_join"]

#: Days two day-precision dates may differ and still be one happening, when both come from the text.
JOIN_DAYS_TEXT = 1
#: ... when one of them is the story's or the publication's date (no date of its own in the sentence).
JOIN_DAYS_DERIVED = 3


def _actor_part(m: ActorMention | None) -> str:
    if m is None:
        return "-"
    if m.country:
        return m.code
    # an actor with no country is only the same actor when the words are the same
    return f"{m.code}~{' '.join(m.text.lower().split())}"


@dataclass(frozen=True, slots=True)
class EventIdentity:
    """What identifies a happening, apart from the exact day (see :func:`may_join`)."""

    base: str  # source | target | CAMEO code to three digits | location country
    day: date | None
    precision: str  # "day", "month", "year" or "" (no date)
    derived: bool  # the date is the story's or the publication's, not the sentence's own

    @property
    def period(self) -> str:
        """The date at its precision: "2020-12-22", "2020-12", "2020" or ""."""
        if self.day is None:
            return ""
        text = self.day.isoformat()
        return {"day": text, "month": text[:7], "year": text[:4]}.get(self.precision, text)

    @property
    def key(self) -> str:
        """A stable key of the exact identity (base and date at its precision), 16 hex digits."""
        raw = f"{self.base}|{self.precision}|{self.period}"
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


def event_identity(event: Event) -> EventIdentity:
    """The identity of the happening a coded mention reports."""
    loc = event.location.country if event.location is not None else ""
    base = "|".join((_actor_part(event.source), _actor_part(event.target), event.cameo[:3], loc))
    day: date | None = None
    if event.date:
        try:
            day = date.fromisoformat(event.date[:10])
        except ValueError:
            day = None
    precision = (event.date_precision or "day") if day is not None else ""
    derived = event.date_source in {"context", "article"}
    return EventIdentity(base, day, precision, derived)


def may_join(a: EventIdentity, b: EventIdentity) -> bool:
    """Whether two mentions report the same happening: same base and precision, and dates equal at
    that precision, or (day precision) within the ambiguity of resolving relative dates."""
    if a.base != b.base or a.precision != b.precision:
        return False
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    if a.precision != "day":
        return a.period == b.period
    window = JOIN_DAYS_DERIVED if (a.derived or b.derived) else JOIN_DAYS_TEXT
    return abs((a.day - b.day).days) <= window
