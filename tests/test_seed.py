"""Acceptance on the founding example (a CGTN page dump bundled with the demo data).

The checks are the issue's acceptance criteria, stated as properties of the coded
events; nothing in the coder knows this article.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.cli.main import main
from eventwire.models import Event

SEED = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "eventwire"
    / "data"
    / "demo"
    / "china-russia-2020-12-23.txt"
)


@pytest.fixture(scope="module")
def seed_events(pipeline) -> list[Event]:  # type: ignore[no-untyped-def]
    [coded] = list(pipeline.run([str(SEED)]))
    return coded.events


def test_read_gives_headline_updated_time_and_clean_text() -> None:
    out = io.StringIO()
    assert main(["read", str(SEED)], stdout=out, stderr=io.StringIO()) == 0
    [article] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert article["title"] == "China, Russia hail close ties, look forward to further cooperation"
    assert article["published"] == "2020-12-23T19:47"
    assert "Search Trends" not in article["text"]
    assert "Updated" not in article["text"]
    assert article["text"].startswith("On Tuesday, China and Russia")
    assert article["language"] == "en"
    assert article["source"] == str(SEED)


def _has(events: list[Event], src: str, tgt: str, root: str, plover: str) -> list[Event]:
    return [
        e
        for e in events
        if e.source.country == src
        and e.target is not None
        and e.target.country == tgt
        and e.cameo.startswith(root)
        and e.plover.event == plover
        and e.status == "asserted"
    ]


def test_phone_call_between_governments_on_tuesday(seed_events: list[Event]) -> None:
    calls = [e for e in _has(seed_events, "CHN", "RUS", "041", "CONSULT") if e.plover.mode == "phone"]
    assert calls, "no CHN->RUS telephone consultation"
    call = calls[0]
    assert call.source.sector == "GOV" and call.target is not None and call.target.sector == "GOV"
    assert call.date == "2020-12-22"
    assert call.date_source in {"text", "context"}


def test_praise_both_ways(seed_events: list[Event]) -> None:
    assert _has(seed_events, "CHN", "RUS", "05", "SUPPORT")
    assert _has(seed_events, "RUS", "CHN", "05", "SUPPORT")


def test_intent_or_agreement_to_cooperate(seed_events: list[Event]) -> None:
    assert _has(seed_events, "CHN", "RUS", "03", "AGREE")
    assert _has(seed_events, "RUS", "CHN", "03", "AGREE")


def test_both_criticise_the_usa(seed_events: list[Event]) -> None:
    assert _has(seed_events, "CHN", "USA", "11", "ACCUSE")
    assert _has(seed_events, "RUS", "USA", "11", "ACCUSE")


def test_no_conflict_between_china_and_russia(seed_events: list[Event]) -> None:
    pair = {"CHN", "RUS"}
    for e in seed_events:
        if e.target is not None and {e.source.country, e.target.country} == pair:
            assert e.quad_class in (1, 2), e


def test_no_government_acts_on_itself(seed_events: list[Event]) -> None:
    # "Chinese State Councilor and Foreign Minister Wang Yi": one man, a national office, not a town's
    for e in seed_events:
        if e.target is not None:
            assert e.source.code != e.target.code, (e.cameo, e.source.text, e.target.text)


def test_only_actors_the_article_mentions(seed_events: list[Event]) -> None:
    for e in seed_events:
        assert e.source.country in {"CHN", "RUS"}
        if e.target is not None:
            assert e.target.country in {"CHN", "RUS", "USA"}


def test_provenance_points_into_the_text(pipeline, seed_events: list[Event]) -> None:  # type: ignore[no-untyped-def]
    [article] = [a for a in __import__("eventwire").read_articles([str(SEED)])]
    for e in seed_events:
        start, end = e.char_span
        assert article.text[start:end] == e.trigger
        assert e.trigger in e.sentence_text


def test_no_event_is_located_outside_the_three_countries(seed_events: list[Event]) -> None:
    places = {e.location.country for e in seed_events if e.location is not None}
    assert places <= {"CHN", "RUS", "USA"}
