"""Resolving event dates from the text, relative to the article's date.

A sentence's own day-precise date expression ("On Tuesday", "on Dec. 22",
"yesterday") gives ``date_source="text"``; otherwise the date of the story
set earlier in the article (its lede) gives ``"context"``; otherwise the
article date gives ``"article"``.  Durations and coarse periods ("next year",
"2021", "last week") are not used as event dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_DAY_PRECISE_RE = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r")\b"
    r"|\b(?:yesterday|today|tonight|last night|this morning|this afternoon|this evening)\b"
    r"|\b(?:" + MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")\b\.?(?:,?\s+\d{4}\b)?"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)


def parse_article_date(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def is_day_precise(expression: str) -> bool:
    return _DAY_PRECISE_RE.search(expression) is not None


def resolve_expression(expression: str, base: datetime | None) -> date | None:
    """Resolve a day-precise expression relative to ``base`` (the article date); None if not one."""
    match = _DAY_PRECISE_RE.search(expression)
    if match is None:
        return None
    text = match.group(0)
    if base is None:
        year = re.search(r"\b(1[89]|20)\d{2}\b", expression)
        if year is None:
            return None  # "on Friday" with no article date: unknown, not today's Friday
        text = f"{text} {year.group(0)}" if year.group(0) not in text else text
    weekday = _WEEKDAY_RE.fullmatch(text)
    if weekday and base is not None and WEEKDAYS.index(text.lower()) == base.weekday():
        return base.date()  # "on Wednesday" in a Wednesday article: that very day
    if text.lower() in {"last night", "this morning", "this afternoon", "this evening", "tonight"}:
        text = "today" if text.lower() != "last night" else "yesterday"
    return _dateparse(text, base.isoformat() if base else None)


@lru_cache(maxsize=4096)
def _dateparse(text: str, base_iso: str | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base_iso)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None
