"""Resolving date expressions relative to the article's date: days, and periods at their precision.

:func:`resolve_expression` gives the day of a day-precise expression ("On Tuesday", "on Dec. 22",
"yesterday"); :func:`resolve_period` also gives months ("in May", "last month", "last week" when its
days lie in one month) and years ("in 1995", "last year", "three years ago") at their precision,
forward for future events.  Durations ("for three years"), ranges ("from May to December"), decades
and vague periods ("the past week", "recent months") give nothing.  Which expression dates which event
is decided by the syntax (:mod:`.dating`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

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


def is_day_relative(expression: str) -> bool:
    """A weekday or "yesterday"/"today": relative to the article's date, whatever the passage."""
    return (
        _WEEKDAY_RE.search(expression) is not None
        or re.search(
            r"\b(?:yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)\b",
            expression,
            re.I,
        )
        is not None
    )


_BARE_WEEKDAY = re.compile(
    r"^(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$", re.I
)


def is_bare_weekday(expression: str) -> bool:
    """A weekday named alone ("Friday", "on Friday night"), without "last", "next" or a date."""
    return _BARE_WEEKDAY.match(" ".join(expression.split()).strip(" ,.")) is not None


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


# ---------------------------------------------------------------------------- periods
Precision = Literal["day", "month", "year"]
_MONTH_NUMBER = {m[:3]: i for i, m in enumerate(MONTHS.split("|")[:12], start=1)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|some|"
_COUNT += r"\w+teen|twenty|thirty|forty|fifty|sixty|hundreds?|dozens?|\d+(?:\.\d+)?)"
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|decades?|centur(?:y|ies)|minutes?|nights?)"
_DURATION = re.compile(rf"\b{_COUNT}(?:\s+(?:more|full|long|consecutive|straight))?[\s-]+{_UNIT}\b", re.I)
_AGO = re.compile(rf"\b({_COUNT})\s+({_UNIT})\s+ago\b", re.I)
_RANGE = re.compile(
    r"\b(?:to|through|until|till|and|between)\b|\d\s*[-–—]\s*\d|\b\w+\s*[-–—]\s*\w+day\b", re.I
)
_DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b|\bdecade|\bcentury|\bcenturies", re.I)
_VAGUE = re.compile(
    r"\b(?:week|weekend|weeks|recent|recently|past|coming|season|summer|winter|spring|autumn|fall|"
    r"quarter|period|era|time|times|years|months|days|future|soon|once|annual|annually|daily|weekly|"
    r"monthly|yearly|anniversary|age|aged|old)\b",
    re.I,
)
_MONTH_YEAR = re.compile(
    rf"\b(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)?-?\s*({MONTHS})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_ALONE = re.compile(
    rf"^(?:(?:in|during|since|early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+)?({MONTHS})\.?$", re.I
)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_RELATIVE_MONTH = re.compile(r"\b(last|this|next|earlier\s+this|later\s+this)\s+month\b", re.I)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|earlier\s+this|later\s+this)\s+year\b", re.I)
_RELATIVE_WEEK = re.compile(
    r"^(?:(?:in|during)\s+)?(last|this|next|earlier\s+this|later\s+this)\s+week(?:'s)?$", re.I
)


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved date at its precision: ``day`` is the first day of the period."""

    day: date
    precision: Precision

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.precision == "day":
            return self.day
        if self.precision == "month":
            nxt = date(self.day.year + self.day.month // 12, self.day.month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(self.day.year, 12, 31)

    @property
    def text(self) -> str:
        """The date at its precision: "2020-12-22", "2020-12" or "2020"."""
        iso = self.day.isoformat()
        return {"day": iso, "month": iso[:7], "year": iso[:4]}[self.precision]


def is_duration(expression: str) -> bool:
    """A length of time, not a point in it ("three years", "a 10-day", "the past two weeks")."""
    return _DURATION.search(expression) is not None and _AGO.search(expression) is None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def resolve_period(expression: str, base: datetime | None, future: bool = False) -> Period | None:
    """The date an expression names, at its precision, relative to ``base`` (the article's date);
    ``future``: the event lies ahead ("will meet on March 11"), so an incomplete date resolves
    forward ("last week" is a month when its days lie in one).  None for durations, ranges, decades,
    vague periods ("recent weeks", "the past week") and unknown forms."""
    text = " ".join(expression.split())
    if not text or _DECADE.search(text) or is_duration(text):
        return None
    ago = _AGO.search(text)
    if ago:
        return _ago(ago, base)
    if _RANGE.search(text) and not _DAY_PRECISE_RE.fullmatch(text.strip(" ,.")):
        return None
    if _DAY_PRECISE_RE.search(text):
        day = _resolve_day(text, base, future)
        return Period(day, "day") if day is not None else None
    found = _RELATIVE_WEEK.match(text.strip(" ,."))
    if found:
        return _week_month(found.group(1), base)
    if _VAGUE.search(text):
        return None
    found = _MONTH_YEAR.search(text)
    if found:
        return Period(date(int(found.group(2)), _MONTH_NUMBER[found.group(1).lower()[:3]], 1), "month")
    found = _MONTH_ALONE.match(text)
    if found and base is not None:
        month = _MONTH_NUMBER[found.group(1).lower()[:3]]
        year = base.year
        if future and month < base.month:
            year += 1
        elif not future and month > base.month:
            year -= 1
        return Period(date(year, month, 1), "month")
    found = _RELATIVE_MONTH.search(text)
    if found and base is not None:
        shift = {"last": -1, "next": 1}.get(found.group(1).lower(), 0)
        return Period(_shift_month(base.date(), shift), "month")
    found = _RELATIVE_YEAR.search(text)
    if found and base is not None:
        shift = {"last": -1, "next": 1}.get(found.group(1).lower(), 0)
        return Period(date(base.year + shift, 1, 1), "year")
    found = _YEAR.search(text)
    if found and re.fullmatch(r"(?:(?:in|during|by|early|mid|late|the\s+year)[\s-]+)*\d{4}", text, re.I):
        return Period(date(int(found.group(1)), 1, 1), "year")
    return None


def _week_month(which: str, base: datetime | None) -> Period | None:
    """ "last week", "this week", "next week": the month the calendar week (Monday to Sunday) lies in,
    at month precision, or None when the week runs over two months (no day is known)."""
    if base is None:
        return None
    shift = {"last": -7, "next": 7}.get(which.lower(), 0)
    monday = base.date() - timedelta(days=base.weekday()) + timedelta(days=shift)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return Period(date(monday.year, monday.month, 1), "month")


def _ago(found: re.Match[str], base: datetime | None) -> Period | None:
    n, unit = _count(found.group(1)), found.group(2).lower()
    if base is None or n is None:
        return None
    if unit.startswith("year"):
        return Period(date(base.year - n, 1, 1), "year")
    if unit.startswith("month"):
        return Period(_shift_month(base.date(), -n), "month")
    if unit.startswith("day"):
        return Period(base.date() - timedelta(days=n), "day")
    return None


def _resolve_day(text: str, base: datetime | None, future: bool) -> date | None:
    if not future or base is None or _YEAR.search(text):
        return resolve_expression(text, base)
    match = _DAY_PRECISE_RE.search(text)
    if match is None:
        return None
    word = match.group(0).lower()
    if word in WEEKDAYS:
        ahead = (WEEKDAYS.index(word) - base.weekday()) % 7
        return base.date() + timedelta(days=ahead)
    if word in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return base.date()
    if word == "yesterday" or word == "last night":
        return resolve_expression(text, base)
    return _dateparse_forward(match.group(0), base.isoformat())


@lru_cache(maxsize=4096)
def _dateparse_forward(text: str, base_iso: str) -> date | None:
    import dateparser

    base = datetime.fromisoformat(base_iso)
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": base,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    return day if day >= base.date() - timedelta(days=1) else None


def is_historical(period: Period, base: datetime | None) -> bool:
    """Whether a period lies wholly more than a year (365 days) before the article's date."""
    return base is not None and period.end < base.date() - timedelta(days=365)
