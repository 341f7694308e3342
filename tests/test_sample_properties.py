"""Properties of the events coded from the whole Wikinews sample (``../shared``; skipped without it).

- no event is dated more than a year before its article unless it is marked ``historical``;
- at least 60 % of the events carry a location;
- no target is a place named as a place (a city or region of the list below, unless the text uses it
  for its government: a capital as a metonym, a visit's host) or a thing of the word lists.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors.senses import WordSenses
from eventwire.models import Event

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "corpora" / "wikinews-sample"
#: Places that news names as where things happen; as a target text they must stand for a government.
PLACE_NAMES = frozenset(
    [
        "kyiv",
        "kiev",
        "khartoum",
        "moscow",
        "london",
        "paris",
        "beijing",
        "ankara",
        "minsk",
        "belgrade",
        "tehran",
        "damascus",
        "kabul",
        "baghdad",
        "idlib",
        "donbas",
        "crimea",
        "gaza",
        "jerusalem",
        "manila",
        "caracas",
        "islamabad",
        "cairo",
        "riyadh",
        "doha",
        "tripoli",
        "beirut",
        "sanaa",
        "aden",
        "mosul",
        "aleppo",
        "raqqa",
        "kashmir",
        "louisiana",
        "california",
        "florida",
        "texas",
        "pennsylvania",
        "michigan",
        "reading",
        "koszalin",
        "brussels",
        "geneva",
        "istanbul",
        "berlin",
        "warsaw",
        "rome",
        "madrid",
        "tokyo",
        "seoul",
        "washington",
    ]
)
PLACE_OK = ("metonym", "visit-host", "attacked-place")


@pytest.fixture(scope="module")
def coded(pipeline: Any) -> list[tuple[str | None, Event]]:
    if not SAMPLE.is_dir():
        pytest.skip(f"{SAMPLE} not present")
    out: list[tuple[str | None, Event]] = []
    for item in pipeline.run([str(SAMPLE)]):
        if hasattr(item, "events"):
            out.extend((item.article.published, e) for e in item.events)
    assert len(out) > 400
    return out


def test_no_event_more_than_a_year_before_its_article_unless_historical(
    coded: list[tuple[str | None, Event]],
) -> None:
    bad = []
    for published, e in coded:
        if not published or not e.date:
            continue
        age = dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(e.date)
        if age.days > 365 and not e.historical:
            bad.append((e.date, published, e.trigger))
    assert not bad, bad[:10]


def test_most_events_carry_a_location(coded: list[tuple[str | None, Event]]) -> None:
    located = sum(1 for _, e in coded if e.location is not None)
    assert located / len(coded) >= 0.60, located / len(coded)


def test_no_target_is_a_place_or_a_thing(coded: list[tuple[str | None, Event]]) -> None:
    things = WordSenses.load().things
    bad = []
    for _, e in coded:
        if e.target is None:
            continue
        text = e.target.text.lower().strip()
        if text in PLACE_NAMES and not any(tag in e.target.matched_by for tag in PLACE_OK):
            bad.append(("place", e.target.text, e.target.matched_by, e.trigger))
        head = text.split()[-1] if text else ""
        if head in things or head.rstrip("s") in things:
            bad.append(("thing", e.target.text, e.target.matched_by, e.trigger))
    assert not bad, bad[:10]
