from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.events.dates import is_day_precise, parse_article_date, resolve_expression

BASE = datetime(2020, 12, 23, 19, 47)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Tuesday", date(2020, 12, 22)),
        ("on Monday", date(2020, 12, 21)),
        ("Wednesday", date(2020, 12, 23)),  # the article's own weekday is that day
        ("Thursday", date(2020, 12, 17)),  # news reports the past
        ("yesterday", date(2020, 12, 22)),
        ("last night", date(2020, 12, 22)),
        ("Dec. 20", date(2020, 12, 20)),
        ("20 December", date(2020, 12, 20)),
        ("December 1, 2019", date(2019, 12, 1)),
    ],
)
def test_resolve_relative_to_article_date(expr: str, expected: date) -> None:
    assert resolve_expression(expr, BASE) == expected


@pytest.mark.parametrize("expr", ["next year", "2021", "last week", "the past decade", "recent months"])
def test_coarse_periods_are_not_event_dates(expr: str) -> None:
    assert not is_day_precise(expr)
    assert resolve_expression(expr, BASE) is None


def test_weekday_without_article_date_is_unknown() -> None:
    assert resolve_expression("Friday", None) is None
    assert resolve_expression("March 3, 2019", None) == date(2019, 3, 3)


def test_parse_article_date() -> None:
    assert parse_article_date("2020-12-23T19:47") == datetime(2020, 12, 23, 19, 47)
    assert parse_article_date("2020-12-23") == datetime(2020, 12, 23)
    assert parse_article_date("not a date") is None
    assert parse_article_date(None) is None
