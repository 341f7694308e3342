from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.events.dates import is_day_precise, parse_article_date, resolve_expression
from eventwire.extract.dates import blank_wire_dateline

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


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("MOGADISHU, Somalia -- A U.S. airstrike killed two men.", "MOGADISHU"),
        ("TIRANA, Albania (AP) -- Parliament voted.", "TIRANA"),
        ("ADDIS ABABA, May 15 (Xinhua) -- Ethiopia said.", "ADDIS ABABA"),
        ("BEIJING -- A court ruled.", "BEIJING"),
    ],
)
def test_blank_wire_dateline_keeps_offsets(text: str, place: str) -> None:
    blanked, found = blank_wire_dateline(text)
    assert found == place
    assert len(blanked) == len(text)
    cut = text.index("-- ") + 3
    assert blanked[:cut].strip() == "" and blanked[cut:] == text[cut:]


@pytest.mark.parametrize("text", ["US - China talks resumed.", "Russia and China agreed -- for now."])
def test_no_dateline_leaves_text_alone(text: str) -> None:
    assert blank_wire_dateline(text) == (text, "")


def test_dateline_is_not_read_as_the_subject(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "MOGADISHU, Somalia -- A U.S. military airstrike has killed a worker in Somalia, officials said."
    events = [e for e in pipeline.code_text(text, published="2020-02-04") if e.cameo.startswith("19")]
    assert events and {e.source.country for e in events} == {"USA"}
    assert events[0].location is not None and events[0].location.country == "SOM"
