"""One event per happening, with its mentions (issue 15): identity-based grouping at ingest, the
counts from the mentions, the GDELT Events and Mentions exports, PLOVER, historical events and the
event API and page.

Most stores here are built from constructed :class:`Event` records (exact dates and identities); one
test codes short real sentences through the pipeline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.cli.main import main
from eventwire.errors import StoreError
from eventwire.models import ActorMention, Article, Event, Location, PloverLabel
from eventwire.query.events import EventFilter, count_events, event_detail, event_rows
from eventwire.query.export import GDELT_COLUMNS, GDELT_MENTION_COLUMNS, PLOVER_FIELDS, export
from eventwire.query.trends import dyad_trend, rising
from eventwire.serve.app import create_app
from eventwire.store import Store, StoreReader, store_id
from eventwire.store.grouping import global_event_id

GDELT = {name: i for i, name in enumerate(GDELT_COLUMNS)}
MENTION = {name: i for i, name in enumerate(GDELT_MENTION_COLUMNS)}
_NAMES: dict[str, str] = {}  # the store's article id -> the test's ("art1")


def _article(n: int, published: str | None, host: str = "a.example") -> Article:
    text = f"Report {n}: China and Russia held talks, officials said. " + f"Background paragraph {n}. " * 4
    art = Article(f"art{n}", f"Story {n}", text, f"<{n}>", published, url=f"https://{host}/news/{n}")
    _NAMES[store_id(art)] = art.id
    return art


def _readable(stored: str) -> str:
    """A stored mention or event id with the test's article name: "art1-0-1-0"."""
    aid, rest = stored.split("-", 1)
    return f"{_NAMES[aid]}-{rest}"


def _stored(name: str) -> str:
    """The stored id of "art1-0-1-0"."""
    article, rest = name.split("-", 1)
    return next(f"{aid}-{rest}" for aid, n in _NAMES.items() if n == article)


def _event(article: Article, n: int, date: str | None, date_source: str = "text", **changes: Any) -> Event:
    base = Event(
        event_id=f"{article.id}-0-{n}-0",
        article_id=article.id,
        date=date,
        date_source=date_source,  # type: ignore[arg-type]
        source=ActorMention("China", 10, 15, "CHN", ""),
        target=ActorMention("Russia", 20, 26, "RUS", ""),
        cameo="0411",
        cameo_name="Discuss by telephone",
        goldstein=1.0,
        quad_class=1,
        plover=PloverLabel("CONSULT"),
        status="asserted",
        sentence=0,
        trigger="held talks",
        char_span=(27, 37),
        sentence_text="China and Russia held talks, officials said.",
        date_text="on Monday" if date_source == "text" else "",
        date_precision="day" if date else None,
        confidence=0.8,
    )
    return dataclasses.replace(base, **changes)


def _store(root: Path, reports: list[tuple[Article, list[Event]]], one_batch: bool = False) -> Path:
    with Store(root) as store:
        if one_batch:
            store.add_batch([(a, evs, [], []) for a, evs in reports])
        else:
            for a, evs in reports:
                store.add_batch([(a, evs, [], [])])
    return root


def _assignments(root: Path) -> list[tuple[str, str]]:
    with StoreReader(root) as r, r.cursor() as cur:
        rows = cur.execute("SELECT mention_id, event_id FROM events ORDER BY mention_id").fetchall()
    return sorted((_readable(m), _readable(e)) for m, e in rows)


def _events(root: Path, **kw: Any) -> list[dict[str, Any]]:
    with StoreReader(root) as r:
        return event_rows(r, EventFilter.parse(**kw), limit=100)


# ----------------------------------------------------------------------------- the join rule


def test_a_redated_report_through_the_pipeline_joins_its_event(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """Filed on the 5th ("yesterday": the 4th) and on the 6th ("on Tuesday": the 5th): one day apart,
    both from the text, so one happening reported by two articles."""
    texts = [
        ("2024-03-05", "Japan and India signed a defence cooperation agreement in Tokyo yesterday."),
        (
            "2024-03-06",
            "Japan and India signed a defence cooperation agreement in Tokyo on Tuesday, officials said.",
        ),
    ]
    reports = []
    for n, (day, text) in enumerate(texts):
        art = Article(f"jp{n}", "Defence pact", text, f"<{n}>", day, url=f"https://site{n}.example/pact")
        reports.append((art, pipeline.code_text(text, published=day, article_id=art.id)))
    assert {e.date for _, evs in reports for e in evs} == {"2024-03-04", "2024-03-05"}
    _store(tmp_path, reports)
    rows = _events(tmp_path, dyad="JPN,IND")
    assert rows and all(r["num_mentions"] == 2 and r["num_articles"] == 2 for r in rows)
    assert all(r["num_sources"] == 2 for r in rows)
    with StoreReader(tmp_path) as r:
        detail = event_detail(r, rows[0]["event_id"])
    assert detail is not None
    assert [m["date"].isoformat() for m in detail["mentions"]] == ["2024-03-04", "2024-03-05"]
    assert {m["title"] for m in detail["mentions"]} == {"Defence pact"}


def test_text_dates_one_day_apart_are_one_event_three_days_apart_two(tmp_path: Path) -> None:
    a, b, c = _article(1, "2024-03-05"), _article(2, "2024-03-06", "b.example"), _article(3, "2024-03-08")
    _store(
        tmp_path,
        [
            (a, [_event(a, 1, "2024-03-04")]),
            (b, [_event(b, 1, "2024-03-05")]),
            (c, [_event(c, 1, "2024-03-07")]),
        ],
    )
    assert _assignments(tmp_path) == [
        ("art1-0-1-0", "art1-0-1-0"),
        ("art2-0-1-0", "art1-0-1-0"),  # one day after its event's date: joins
        ("art3-0-1-0", "art3-0-1-0"),  # three days: another happening
    ]
    rows = {_readable(r["event_id"]): r for r in _events(tmp_path)}
    assert set(rows) == {"art1-0-1-0", "art3-0-1-0"}
    one = rows["art1-0-1-0"]
    assert (one["num_mentions"], one["num_articles"], one["num_sources"]) == (2, 2, 2)
    assert rows["art3-0-1-0"]["num_mentions"] == 1


def test_a_publication_day_joins_within_three_days(tmp_path: Path) -> None:
    arts = [_article(n, f"2024-03-{n:02d}") for n in range(1, 6)]
    _store(
        tmp_path,
        [
            (arts[0], [_event(arts[0], 1, "2024-03-04")]),  # the happening, dated by the text: E1
            (arts[1], [_event(arts[1], 1, "2024-03-07", "article")]),  # publication day, 3 days on: E1
            (arts[2], [_event(arts[2], 1, "2024-03-08", "context")]),  # the story's date, 4 days on: E3
            (arts[3], [_event(arts[3], 1, "2024-03-06")]),  # text: 2 days from E1 (too far), 2 from E3
            (arts[4], [_event(arts[4], 1, None, "none")]),  # undated, published 03-05: 1 from E1, 3 from E3
        ],
    )
    got = dict(_assignments(tmp_path))
    assert got["art2-0-1-0"] == "art1-0-1-0"
    assert got["art3-0-1-0"] == "art3-0-1-0"
    assert got["art4-0-1-0"] == "art3-0-1-0"  # E3's date is derived: its window is 3 days
    assert got["art5-0-1-0"] == "art1-0-1-0"  # the nearer of the two
    with StoreReader(tmp_path) as r:
        found = r.catalog.execute(
            "SELECT num_mentions, first_day, last_day FROM events WHERE event_id = ?",
            (_stored("art1-0-1-0"),),
        ).fetchone()
    assert tuple(found) == (3, "2024-03-04", "2024-03-07")


def test_the_nearest_event_wins_and_a_tie_goes_to_the_older(tmp_path: Path) -> None:
    arts = [_article(n, "2024-03-10") for n in range(1, 5)]
    _store(
        tmp_path,
        [
            (arts[0], [_event(arts[0], 1, "2024-03-04")]),
            (arts[1], [_event(arts[1], 1, "2024-03-06")]),  # two days: its own event
            (arts[2], [_event(arts[2], 1, "2024-03-05", "article")]),  # one day from each: the older
            (arts[3], [_event(arts[3], 1, "2024-03-06", "article")]),  # 0 days from the second
        ],
    )
    got = dict(_assignments(tmp_path))
    assert got["art2-0-1-0"] == "art2-0-1-0"
    assert got["art3-0-1-0"] == "art1-0-1-0"
    assert got["art4-0-1-0"] == "art2-0-1-0"


def test_month_and_year_precision_join_within_their_period(tmp_path: Path) -> None:
    arts = [_article(n, "2024-05-01") for n in range(1, 7)]
    month = {"date_precision": "month", "date_text": "in March"}
    _store(
        tmp_path,
        [
            (arts[0], [_event(arts[0], 1, "2024-03-01", **month)]),
            (arts[1], [_event(arts[1], 1, "2024-03-31", **month)]),  # same month: joins
            (arts[2], [_event(arts[2], 1, "2024-04-01", **month)]),  # next month: another
            (arts[3], [_event(arts[3], 1, "2024-03-01")]),  # day precision: never with a month
            (arts[4], [_event(arts[4], 1, "2024-01-01", date_precision="year")]),
            (arts[5], [_event(arts[5], 1, "2024-12-31", date_precision="year")]),  # same year
        ],
    )
    got = dict(_assignments(tmp_path))
    assert got["art2-0-1-0"] == "art1-0-1-0"
    assert got["art3-0-1-0"] == "art3-0-1-0"
    assert got["art4-0-1-0"] == "art4-0-1-0"
    assert got["art6-0-1-0"] == "art5-0-1-0"


def test_identity_keeps_apart_other_actors_codes_and_places(tmp_path: Path) -> None:
    a = _article(1, "2024-03-05")
    minsk = Location("Minsk", "BLR", "BY.05", 53.9, 27.56, precision="city")
    _store(
        tmp_path,
        [
            (
                a,
                [
                    _event(a, 1, "2024-03-04"),
                    _event(a, 2, "2024-03-04", cameo="0412"),  # same three digits: the same event
                    _event(a, 3, "2024-03-04", cameo="042"),
                    _event(a, 4, "2024-03-04", target=ActorMention("Ukraine", 40, 47, "UKR", "")),
                    _event(a, 5, "2024-03-04", location=minsk),
                ],
            )
        ],
    )
    got = dict(_assignments(tmp_path))
    assert got["art1-0-2-0"] == "art1-0-1-0"
    assert [got[f"art1-0-{n}-0"] for n in (3, 4, 5)] == [f"art1-0-{n}-0" for n in (3, 4, 5)]


def test_grouping_is_the_same_whatever_the_batches(tmp_path: Path) -> None:
    arts = [_article(n, f"2024-03-{n + 3:02d}") for n in range(1, 7)]
    reports = [(a, [_event(a, 1, a.published, "article"), _event(a, 2, "2024-03-04")]) for a in arts]
    one = _store(tmp_path / "one", reports, one_batch=True)
    each = _store(tmp_path / "each", reports)
    assert _assignments(one) == _assignments(each)
    with StoreReader(one) as r1, StoreReader(each) as r2:
        query = "SELECT event_id, base, precision, day, derived, num_mentions FROM events ORDER BY seq"
        assert [tuple(x) for x in r1.catalog.execute(query)] == [tuple(x) for x in r2.catalog.execute(query)]


def test_counts_in_the_catalog_are_the_counts_of_the_mentions(tmp_path: Path) -> None:
    arts = [_article(n, "2024-03-05", host=f"h{n % 2}.example") for n in range(1, 6)]
    reports = [(a, [_event(a, 1, "2024-03-04"), _event(a, 2, "2024-03-05", "article")]) for a in arts]
    _store(tmp_path, reports)
    with StoreReader(tmp_path) as r, r.cursor() as cur:
        mentions = cur.execute(
            "SELECT event_id, count(*), count(DISTINCT article_id), count(DISTINCT source_name) "
            "FROM events GROUP BY 1 ORDER BY 1"
        ).fetchall()
        listed = event_rows(r, EventFilter(), limit=100)
    assert [(_readable(m[0]), *m[1:]) for m in mentions] == [("art1-0-1-0", 10, 5, 2)]  # one happening
    assert [(e["event_id"], e["num_mentions"], e["num_articles"], e["num_sources"]) for e in listed] == [
        tuple(m) for m in mentions
    ]


# ----------------------------------------------------------------------------- exports


@pytest.fixture()
def reported(tmp_path: Path) -> Path:
    """Two events: one reported by three articles of two publishers, one statement, one historical."""
    arts = [_article(1, "2024-03-05"), _article(2, "2024-03-05", "b.example"), _article(3, "2024-03-06")]
    kyiv = Location("Kyiv", "UKR", "UA.12", 50.45, 30.52, precision="city")
    texas = Location("Texas", "USA", "US.TX", None, None, precision="adm1")
    reports = [
        (
            arts[0],
            [
                _event(arts[0], 1, "2024-03-04", location=kyiv, context=("diplomacy",)),
                _event(arts[0], 2, "2024-03-04", cameo="010", cameo_name="Make statement", sentence=2),
            ],
        ),
        (arts[1], [_event(arts[1], 1, "2024-03-05", location=kyiv, char_span=(50, 60))]),
        (
            arts[2],
            [
                _event(arts[2], 1, "2024-03-05", "article", location=kyiv, confidence=0.55),
                _event(
                    arts[2],
                    2,
                    "2019-06-01",
                    location=texas,
                    historical=True,
                    cameo="190",
                    cameo_name="Use conventional military force",
                ),
            ],
        ),
    ]
    return _store(tmp_path / "store", reports)


def _lines(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_gdelt_is_one_row_per_event_and_the_mentions_table_matches(reported: Path, tmp_path: Path) -> None:
    everything = EventFilter(include_historical=True)
    with StoreReader(reported) as r:
        n_events = export(r, "gdelt", tmp_path / "events.tsv", everything)
        n_mentions = export(r, "gdelt-mentions", tmp_path / "mentions.tsv", everything)
    events, mentions = _lines(tmp_path / "events.tsv"), _lines(tmp_path / "mentions.tsv")
    assert (n_events, n_mentions) == (len(events), len(mentions)) == (3, 5)
    assert all(len(row) == 61 for row in events) and all(len(row) == 16 for row in mentions)
    ids = [row[GDELT["GlobalEventID"]] for row in events]
    assert {row[MENTION["GlobalEventID"]] for row in mentions} == set(ids)
    assert global_event_id(_stored("art1-0-1-0")) == int(ids[1])  # events in date order: 2019 first
    talks = events[1]
    assert (talks[GDELT["NumMentions"]], talks[GDELT["NumArticles"]], talks[GDELT["NumSources"]]) == (
        "3",
        "3",
        "2",
    )
    assert talks[GDELT["Day"]] == "20240304" and talks[GDELT["EventCode"]] == "0411"
    for side in ("Actor1", "Actor2"):  # the actors' countries, at country level
        assert talks[GDELT[f"{side}Geo_Type"]] == "1"
    assert talks[GDELT["Actor1Geo_CountryCode"]] == "CH" and talks[GDELT["Actor1Geo_FullName"]] == "China"
    assert talks[GDELT["Actor2Geo_CountryCode"]] == "RS" and talks[GDELT["Actor2Geo_ADM1Code"]] == "RS"
    assert talks[GDELT["ActionGeo_Type"]] == "4"  # a city outside the US
    assert (
        talks[GDELT["ActionGeo_FullName"]] == "Kyiv, Ukraine" and talks[GDELT["ActionGeo_ADM1Code"]] == "UP12"
    )
    texas = events[0]
    assert texas[GDELT["ActionGeo_Type"]] == "2" and texas[GDELT["ActionGeo_ADM1Code"]] == "USTX"
    mine = [row for row in mentions if row[MENTION["GlobalEventID"]] == ids[1]]
    assert len(mine) == 3 and mine[0][MENTION["MentionIdentifier"]] == "https://a.example/news/1"
    first = mine[0]
    assert first[MENTION["MentionType"]] == "1" and first[MENTION["MentionSourceName"]] == "a.example"
    assert first[MENTION["SentenceID"]] == "1"  # counted from 1
    assert (first[MENTION["Actor1CharOffset"]], first[MENTION["Actor2CharOffset"]]) == ("10", "20")
    by_url = {row[MENTION["MentionIdentifier"]]: row for row in mine}  # after the first: stored order
    assert first[MENTION["ActionCharOffset"]] == "27"
    assert by_url["https://b.example/news/2"][MENTION["ActionCharOffset"]] == "50"
    assert first[MENTION["InRawText"]] == "1" and first[MENTION["Confidence"]] == "80"
    assert by_url["https://a.example/news/3"][MENTION["Confidence"]] == "55"
    assert int(first[MENTION["MentionDocLen"]]) > 100 and first[MENTION["MentionDocTranslationInfo"]] == ""
    assert all(row[MENTION["EventTimeDate"]] == first[MENTION["EventTimeDate"]] for row in mine)
    assert len(first[MENTION["MentionTimeDate"]]) == 14


def test_exports_keep_their_filters_and_the_mentions_follow_their_events(
    reported: Path, tmp_path: Path
) -> None:
    with StoreReader(reported) as r:
        assert export(r, "gdelt", tmp_path / "e.tsv", EventFilter.parse(cameo="04")) == 1
        assert export(r, "gdelt-mentions", tmp_path / "m.tsv", EventFilter.parse(cameo="04")) == 3
        assert export(r, "gdelt-mentions", tmp_path / "none.tsv", EventFilter.parse(cameo="05")) == 0
    assert (
        main(
            ["export", "--store", str(reported), "--format", "gdelt-mentions", "-o", str(tmp_path / "c.tsv")]
        )
        == 0
    )
    assert len(_lines(tmp_path / "c.tsv")) == 5  # the CLI exports historical events too


def test_plover_leaves_out_statements_and_carries_precision_and_context(
    reported: Path, tmp_path: Path
) -> None:
    with StoreReader(reported) as r:
        n = export(r, "plover", tmp_path / "p.jsonl", EventFilter(include_historical=True))
    records = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == len(records) == 2  # not the 010 statement
    assert all(tuple(rec) == PLOVER_FIELDS for rec in records)
    assert not [rec for rec in records if rec["cameo_code"].startswith("01")]
    talks = next(rec for rec in records if rec["cameo_code"] == "0411")
    assert talks["date_precision"] == "day" and talks["context"] == ["diplomacy"]
    assert (talks["num_mentions"], talks["num_articles"], talks["num_sources"]) == (3, 3, 2)


def test_parquet_has_one_row_per_event_with_the_new_columns(reported: Path, tmp_path: Path) -> None:
    with StoreReader(reported) as r:
        assert export(r, "parquet", tmp_path / "e.parquet", EventFilter(include_historical=True)) == 3
    rows = (
        duckdb.connect()
        .execute(
            "SELECT event_id, num_mentions, date_precision, historical, confidence, context, "
            f"location_precision FROM '{tmp_path / 'e.parquet'}' ORDER BY day, event_id"
        )
        .fetchall()
    )
    assert rows[1] == (_stored("art1-0-1-0"), 3, "day", False, 0.8, ["diplomacy"], "city")
    assert rows[0][3] is True


# ----------------------------------------------------------------------------- historical events


def test_historical_events_are_out_of_trends_and_listings_unless_asked(reported: Path) -> None:
    with StoreReader(reported) as r:
        assert {e["cameo"] for e in event_rows(r, EventFilter(), limit=10)} == {"0411", "010"}
        assert "190" in {e["cameo"] for e in event_rows(r, EventFilter(include_historical=True), limit=10)}
        assert count_events(r, EventFilter()) == 2  # from the catalog's segment counts
        assert count_events(r, EventFilter.parse(since="1900-01-01")) == 2  # by a scan
        assert count_events(r, EventFilter(include_historical=True)) == 3
        assert count_events(r, EventFilter.parse(since="1900-01-01", include_historical=True)) == 3
        assert count_events(r, EventFilter(mentions=True, include_historical=True)) == 5
        dyad = EventFilter.parse(dyad="CHN,RUS", until="2020-01-01")
        assert dyad_trend(r, dyad) == []
        old = dyad_trend(r, dataclasses.replace(dyad, include_historical=True))
        assert [p["period"] for p in old if p["events"]] == ["2019-06-01"] and old[0]["events"] == 1
        assert old[-1]["period"] == "2020-01-01" and old[-1]["events"] == 0  # zero-filled up to --until


def test_historical_events_are_out_of_rising_unless_asked(tmp_path: Path) -> None:
    before, now = _article(1, "2019-05-21"), _article(2, "2024-06-05")
    ukr_pol = {
        "source": ActorMention("Ukraine", 0, 7, "UKR", ""),
        "target": ActorMention("Poland", 9, 15, "POL", ""),
    }
    _store(
        tmp_path,
        [
            (before, [_event(before, 1, "2019-05-20", **ukr_pol)]),  # the baseline
            (now, [_event(now, 1, "2019-06-03", historical=True)]),  # recalled in 2024
        ],
    )
    until = dt.date(2019, 6, 7)
    with StoreReader(tmp_path) as r:
        assert rising(r, window=7, baseline=28, until=until, min_count=1)["actors"] == []
        back = rising(r, window=7, baseline=28, until=until, min_count=1, include_historical=True)
    assert {d["key"]: d["recent"] for d in back["actors"]} == {"CHN": 1, "RUS": 1}


def test_the_cli_brings_historical_events_back(reported: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["events", "--store", str(reported), "--json"]) == 0
    assert {json.loads(x)["cameo"] for x in capsys.readouterr().out.splitlines()} == {"0411", "010"}
    assert main(["events", "--store", str(reported), "--json", "--include-historical"]) == 0
    assert "190" in {json.loads(x)["cameo"] for x in capsys.readouterr().out.splitlines()}
    assert (
        main(["trends", "--store", str(reported), "--dyad", "CHN,RUS", "--json", "--include-historical"]) == 0
    )
    assert json.loads(capsys.readouterr().out)[0]["period"] == "2019-06-01"
    assert main(["trends", "--store", str(reported), "--dyad", "CHN,RUS", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["period"] == "2024-03-01"


# ----------------------------------------------------------------------------- API and pages


def test_the_api_and_pages_bring_historical_events_back(reported: Path) -> None:
    client = TestClient(create_app(reported))
    assert client.get("/api/events").json()["total"] == 2
    assert client.get("/api/events?historical=1").json()["total"] == 3
    assert client.get("/api/events?include_historical=true").json()["total"] == 3
    assert client.get("/api/trends/dyad?dyad=CHN,RUS").json()["items"][0]["period"] == "2024-03-01"
    assert (
        client.get("/api/trends/dyad?dyad=CHN,RUS&historical=1").json()["items"][0]["period"] == "2019-06-01"
    )
    force = "Use conventional military force"
    assert force not in client.get("/").text and force not in client.get("/events").text
    assert force in client.get("/events?historical=1").text
    bad = client.get("/api/events?historical=maybe")
    assert bad.status_code == 400 and set(bad.json()) == {"ok", "status", "error"}


def test_the_event_endpoint_shows_its_mentions(reported: Path) -> None:
    client = TestClient(create_app(reported))
    talks = _stored("art1-0-1-0")
    listing = client.get("/api/events?cameo=04").json()["items"]
    assert [(e["event_id"], e["num_mentions"], e["num_articles"]) for e in listing] == [(talks, 3, 3)]
    assert listing[0]["global_event_id"] == global_event_id(talks)
    body = client.get(f"/api/events/{talks}").json()
    assert body["ok"] is True and body["event"]["num_sources"] == 2
    mentions = body["mentions"]
    assert _readable(mentions[0]["mention_id"]) == "art1-0-1-0" and mentions[0]["first_mention"] is True
    mentions = [mentions[0], *sorted(mentions[1:], key=lambda m: _readable(m["mention_id"]))]
    assert [_readable(m["mention_id"]) for m in mentions] == ["art1-0-1-0", "art2-0-1-0", "art3-0-1-0"]
    assert [m["first_mention"] for m in mentions] == [True, False, False]
    first = mentions[0]
    assert first["title"] == "Story 1" and first["url"] == "https://a.example/news/1"
    assert first["source_name"] == "a.example" and first["published"] == "2024-03-05"
    assert (first["char_start"], first["char_end"], first["sentence"]) == (27, 37, 0)
    assert first["trigger"] == "held talks" and first["confidence"] == 0.8 and first["coded_by"] == "rule"
    assert [m["date"] for m in mentions] == ["2024-03-04", "2024-03-05", "2024-03-05"]
    assert [m["date_source"] for m in mentions] == ["text", "text", "article"]
    missing = client.get("/api/events/nope")
    assert missing.status_code == 404 and missing.json() == {
        "ok": False,
        "status": 404,
        "error": "no event 'nope'",
    }


def test_the_event_page_lists_its_mentions_and_the_tables_link_to_it(reported: Path) -> None:
    client = TestClient(create_app(reported))
    talks = _stored("art1-0-1-0")
    page = client.get(f"/event/{talks}")
    assert page.status_code == 200
    assert "3 mentions in 3 articles from 2 sources" in page.text
    assert '0.80 <span class="muted">rule</span>' in page.text  # confidence and who coded each mention
    assert page.text.count('href="/article/') == 3 and "Story 2" in page.text
    assert client.get("/event/nope").status_code == 404
    for url in (
        "/",
        "/events",
        f"/article/{talks.split('-')[0]}",
        f"/article/{_stored('art3-0').split('-')[0]}",
    ):
        assert f'href="/event/{talks}"' in client.get(url).text, url


# ----------------------------------------------------------------------------- old stores


def test_a_store_of_an_older_schema_is_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "catalog.sqlite")
    con.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '2');"
        "CREATE TABLE event_groups (group_key TEXT PRIMARY KEY, num_mentions INTEGER NOT NULL);"
    )
    con.close()
    expected = r"schema 2.*grouped into happenings.*ingest the articles again"
    # the writer twice: the first refusal released the lock (else the second would be "busy")
    for opener in (
        lambda: StoreReader(tmp_path),
        lambda: Store(tmp_path).open(),
        lambda: Store(tmp_path).open(),
    ):
        with pytest.raises(StoreError, match=expected):
            opener()
    con = sqlite3.connect(tmp_path / "catalog.sqlite")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert tables == {"meta", "event_groups"}  # no table of this version was added to it


def test_an_unspecified_report_joins_the_specific_report_of_its_happening(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events.identity import event_identity

    text = (
        "US President Donald Trump had a phone conversation with Turkish President Recep Tayyip Erdogan on "
        "Sunday. The White House said US troops would leave the area. Senator Lindsey Graham wrote that the "
        "statement issued after Trump spoke with Erdogan was a disaster."
    )
    calls = [e for e in pipeline.code_text(text, published="2019-10-07") if e.cameo.startswith("04")]
    assert len(calls) == 2 and {e.cameo for e in calls} == {"041"}
    assert len({event_identity(e).key for e in calls}) == 1
    assert "same-happening:041" in calls[1].pattern
