"""Recognise page datelines and normalise dates to ISO 8601.

A :class:`PageDate` is one explicit date found on a page; ``iso`` renders it as
``YYYY-MM-DDTHH:MM`` when the page gave a time, else ``YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?[-/ ]({_MONTH})[-/ ,]+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?m\.?\b)?", re.I)

# Whole dateline lines of a page header; group "rest" holds the date text.
UPDATED_LINE = re.compile(r"^(?:last\s+)?updated(?:\s+on|\s+at)?\s*:?\s+(?P<rest>.{6,60})$", re.I)
PUBLISHED_LINE = re.compile(
    r"^(?:first\s+)?(?:published|posted|date)(?:\s+on|\s+at)?\s*:?\s+(?P<rest>.{6,60})$", re.I
)
# "Friday, January 4, 2019" alone on a line or at the start of a paragraph (Wikinews).
WEEKDAY_DATE = re.compile(
    rf"^(?P<rest>{_WEEKDAY},?\s+(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+\d{{4}})(?:\s+|$)", re.I
)
# "BEIJING, Dec 22 (Reuters) - ", "NAIROBI, March 3, 2024 (Reuters) -", "WASHINGTON (AP) — ",
# "KYIV, Ukraine, Jan. 5 (Xinhua) -- "
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})"
    rf"(?:,\s*(?!{_MONTH}\s+\d)(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){{0,2}}))?"
    rf"(?:,\s*(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z&.\- ]{0,24})\))?"
    r"\s*(?:--|-|–|—)\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class PageDate:
    """An explicit date found on a page, with the rule that found it."""

    value: datetime
    has_time: bool
    rule: str

    @property
    def iso(self) -> str:
        return self.value.strftime("%Y-%m-%dT%H:%M" if self.has_time else "%Y-%m-%d")

    def sort_key(self) -> tuple[date, bool, datetime]:
        """Most recent first by day; on the same day a timestamp beats a bare date."""
        return (self.value.date(), self.has_time, self.value)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip(".")[:3])


def _safe_datetime(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _find_time(text: str) -> tuple[int, int] | None:
    match = _TIME.search(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _find_day(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from an ISO, day-month-year or month-day-year date in ``text``."""
    iso = _ISO.search(text)
    if iso is not None:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    dmy = _DAY_MONTH_YEAR.search(text)
    if dmy is not None:
        month = month_number(dmy.group(2))
        return (int(dmy.group(3)), month, int(dmy.group(1))) if month else None
    mdy = _MONTH_DAY_YEAR.search(text)
    if mdy is not None:
        month = month_number(mdy.group(1))
        return (int(mdy.group(3)), month, int(mdy.group(2))) if month else None
    return None


def _dateparser_day(text: str) -> tuple[int, int, int] | None:
    if not re.search(r"\b\d{4}\b", text):
        return None  # no explicit year: not an absolute date ("yesterday", "Monday")
    import dateparser  # slow import: only when the cheap patterns fail

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    )
    if not isinstance(parsed, datetime):
        return None
    return parsed.year, parsed.month, parsed.day


def parse_date_text(text: str, rule: str, *, fuzzy: bool = True) -> PageDate | None:
    """Parse a date with optional time of day ("19:47, 23-Dec-2020", "2020-12-23 10:00", ...)."""
    day = _find_day(text)
    if day is None and fuzzy:
        day = _dateparser_day(_TIME.sub(" ", text).strip(" ,|-"))
    if day is None:
        return None
    iso = _ISO.search(text)
    if iso is not None and iso.group(4) is not None:
        clock: tuple[int, int] | None = (int(iso.group(4)), int(iso.group(5)))
    else:
        clock = _find_time(text)
    value = _safe_datetime(*day, *(clock or (0, 0)))
    if value is None:
        return None
    return PageDate(value, clock is not None, rule)


def normalise_date(value: str) -> str | None:
    """Normalise a date string given by a source (e.g. a JSONL ``date``) to ISO 8601, or None."""
    text = value.strip()
    if not text:
        return None
    parsed = parse_date_text(text, "jsonl")
    return parsed.iso if parsed is not None else None


def dateline_date(line: str) -> PageDate | None:
    """The date of a whole header line ("Updated ...", "Published: ...", "Friday, January 4, 2019")."""
    stripped = line.strip()
    for pattern, rule in ((UPDATED_LINE, "updated-line"), (PUBLISHED_LINE, "published-line")):
        match = pattern.match(stripped)
        if match is not None:
            return parse_date_text(match.group("rest"), rule)
    weekday = WEEKDAY_DATE.match(stripped)
    if weekday is not None and weekday.end() >= len(stripped):
        return parse_date_text(weekday.group("rest"), "weekday-line", fuzzy=False)
    return None


def wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline at the start of ``text`` ("BEIJING, Dec 22 (Reuters) - ", "MOSCOW -- "), or
    None; a bare short word before a dash ("US - China talks") is too weak to count as one."""
    match = WIRE_DATELINE.match(text)
    if match is None:
        return None
    if not (match.group("agency") or match.group("month") or len(match.group("place")) >= 4):
        return None
    return match


def blank_wire_dateline(text: str) -> tuple[str, str]:
    """``text`` with a leading wire dateline replaced by spaces (character offsets unchanged, so
    the parser no longer reads "MOGADISHU, Somalia --" as the subject of the first clause) and the
    dateline's place ("" when there is none)."""
    match = wire_dateline(text)
    if match is None:
        return text, ""
    return " " * match.end() + text[match.end() :], match.group("place").strip()


def wire_date(month: str, day: str, evidence: list[PageDate], year: str | None = None) -> PageDate | None:
    """Date of a wire dateline ("Dec 22", "March 3, 2024"); without a year in the dateline the year
    is taken from other evidence, and without that the date is unknown."""
    number = month_number(month)
    if number is None:
        return None
    if year is not None:
        value = _safe_datetime(int(year), number, int(day))
        return PageDate(value, False, "wire-dateline") if value is not None else None
    if not evidence:
        return None
    reference = max(evidence, key=PageDate.sort_key).value
    year_number = reference.year - 1 if number > reference.month + 6 else reference.year
    value = _safe_datetime(year_number, number, int(day))
    return PageDate(value, False, "wire-dateline") if value is not None else None


__all__ = [
    "PUBLISHED_LINE",
    "UPDATED_LINE",
    "WEEKDAY_DATE",
    "WIRE_DATELINE",
    "PageDate",
    "blank_wire_dateline",
    "dateline_date",
    "normalise_date",
    "parse_date_text",
    "wire_date",
    "wire_dateline",
]
