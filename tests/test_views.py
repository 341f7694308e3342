"""The analyst's views (issue 18): time series with every period (zero-filled) in the query layer, the
CLI and the API; charts on a continuous time axis; event tables with the actors as written and the
trigger in its sentence; a warning, with the nearest known codes, for an actor code no event can have.

Stores are built from constructed :class:`Event` records with exact dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.cli.main import main
from eventwire.errors import QueryError
from eventwire.models import ActorMention, Article, Event, PloverLabel
from eventwire.query.codes import filter_warnings, nearest_codes
from eventwire.query.events import EventFilter, snippet
from eventwire.query.trends import parse_days, periods, rising, trend
from eventwire.serve.app import create_app
from eventwire.serve.charts import timeline_svg
from eventwire.store import Store, StoreReader

SENTENCE = "Iranian President Hassan Rouhani met Turkish President Recep Tayyip Erdogan in Ankara on Monday."
IRAN = ActorMention("Iranian President Hassan Rouhani", 0, 32, "IRN", "GOV")
TURKEY = ActorMention("Turkish President Recep Tayyip Erdogan", 37, 75, "TUR", "GOV")


def _event(article: Article, n: int, date: str, **changes: Any) -> Event:
    base = Event(
        event_id=f"{article.id}-0-{n}-0",
        article_id=article.id,
        date=date,
        date_source="text",
        source=IRAN,
        target=TURKEY,
        cameo="042",
        cameo_name="Make a visit",
        goldstein=1.9,
        quad_class=1,
        plover=PloverLabel("CONSULT"),
        status="asserted",
        sentence=0,
        trigger="met",
        char_span=(33, 36),
        sentence_text=SENTENCE,
        date_text="on Monday",
        date_precision="day",
        confidence=0.9,
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture(scope="module")
def gappy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Iran and Turkey meet in February 2019 and again in December 2020 (a clash in between is with
    Iraq); nothing between the two countries in the 21 months between."""
    root = tmp_path_factory.mktemp("gappy")
    feb = Article("feb", "Rouhani in Ankara", SENTENCE + " Talks went on.", "<feb>", "2019-02-12",
                  url="https://a.example/feb")  # fmt: skip
    dec = Article("dec", "Rouhani in Ankara again", SENTENCE + " They met before.", "<dec>", "2020-12-08",
                  url="https://b.example/dec")  # fmt: skip
    mid = Article("mid", "Border clash", "Iranian troops fired on Iraqi guards.", "<mid>", "2020-01-10",
                  url="https://c.example/mid")  # fmt: skip
    iraq = ActorMention("Iraqi guards", 24, 36, "IRQ", "MIL")
    troops = ActorMention("Iranian troops", 0, 14, "IRN", "MIL")
    clash = _event(mid, 1, "2020-01-09", source=troops, target=iraq, cameo="190", cameo_name="Use force",
                   goldstein=-10.0, quad_class=4, trigger="fired", char_span=(15, 20),
                   sentence_text=mid.text, plover=PloverLabel("ASSAULT"))  # fmt: skip
    with Store(root) as store:
        store.add_batch([(feb, [_event(feb, 1, "2019-02-11")], [], [])])
        store.add_batch([(mid, [clash], [], [])])
        store.add_batch([(dec, [_event(dec, 1, "2020-12-07", cameo="040", goldstein=1.0)], [], [])])
    return root


# ----------------------------------------------------------------------------- series


def test_periods_cover_the_range_without_gaps() -> None:
    months = periods(dt.date(2019, 11, 17), dt.date(2020, 2, 3), "month")
    assert [m.isoformat() for m in months] == ["2019-11-01", "2019-12-01", "2020-01-01", "2020-02-01"]
    weeks = periods(dt.date(2020, 12, 31), dt.date(2021, 1, 11), "week")  # ISO weeks start on Monday
    assert [w.isoformat() for w in weeks] == ["2020-12-28", "2021-01-04", "2021-01-11"]
    assert len(periods(dt.date(2020, 2, 27), dt.date(2020, 3, 1), "day")) == 4  # a leap year
    with pytest.raises(QueryError, match="periods"):
        periods(dt.date(1900, 1, 1), dt.date(2020, 1, 1), "day")


def test_a_dyad_series_has_every_month_zero_filled(gappy: Path) -> None:
    with StoreReader(gappy) as r:
        rows = trend(r, EventFilter.parse(dyad="TUR,IRN"), "month")
    assert len(rows) == 23 and rows[0]["period"] == "2019-02-01" and rows[-1]["period"] == "2020-12-01"
    assert all(row["dyad"] == "TUR,IRN" for row in rows)
    quiet = [row for row in rows if row["events"] == 0]
    assert len(quiet) == 21 and all(
        q["mean_goldstein"] is None and sum(q["by_quad"].values()) == 0 for q in quiet
    )
    assert rows[0]["events"] == 1 and rows[0]["by_quad"]["1"] == 1 and rows[0]["mean_goldstein"] == 1.9


def test_an_actor_series_counts_it_on_either_side_and_respects_the_range(gappy: Path) -> None:
    with StoreReader(gappy) as r:
        rows = trend(r, EventFilter.parse(actor="IRN", since="2019-12-15", until="2020-03-02"), "month")
        assert [row["period"] for row in rows] == ["2019-12-01", "2020-01-01", "2020-02-01", "2020-03-01"]
        assert [row["events"] for row in rows] == [0, 1, 0, 0] and rows[1]["by_quad"]["4"] == 1
        assert all(row["actor"] == "IRN" for row in rows)
        assert trend(r, EventFilter.parse(actor="IRQ"), "week")[0]["period"] == "2020-01-06"
        with pytest.raises(QueryError):
            trend(r, EventFilter(), "month")  # neither a dyad nor an actor


def test_the_cli_prints_every_period_with_its_dyad(gappy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trends", "--store", str(gappy), "--dyad", "IRN,TUR", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 23 and rows[5] == {
        "dyad": "IRN,TUR",
        "period": "2019-07-01",
        "events": 0,
        "by_quad": {"1": 0, "2": 0, "3": 0, "4": 0},
        "mean_goldstein": None,
    }
    assert main(["trends", "--store", str(gappy), "--dyad", "IRN,TUR"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "dyad IRN,TUR by month, 2019-02-01..2020-12-01" and len(text) == 2 + 23
    assert re.match(r"2019-07-01\s+0\s+0\s+0\s+0\s+0\s+-$", text[7])
    assert main(["trends", "--store", str(gappy), "--actor", "IRQ", "--by", "day", "--json"]) == 0
    assert [r["period"] for r in json.loads(capsys.readouterr().out)] == ["2020-01-09"]


def test_the_api_gives_zero_filled_dyad_and_actor_series(gappy: Path) -> None:
    client = TestClient(create_app(gappy))
    body = client.get("/api/trends/dyad?dyad=IRN,TUR&since=2020-10-01").json()
    assert body["dyad"] == "IRN,TUR" and [i["period"] for i in body["items"]] == [
        "2020-10-01",
        "2020-11-01",
        "2020-12-01",
    ]
    assert [i["events"] for i in body["items"]] == [0, 0, 1]
    weeks = client.get("/api/trends/actor?actor=TUR&by=week&until=2019-03-01").json()["items"]
    assert [w["period"] for w in weeks] == ["2019-02-11", "2019-02-18", "2019-02-25"]
    assert client.get("/api/trends/actor?actor=TUR&by=year").status_code == 400


# ----------------------------------------------------------------------------- rising


def test_parse_days_takes_the_cli_syntax() -> None:
    assert parse_days("7d", "--window") == parse_days("7", "--window") == parse_days(7, "w") == 7
    for bad in ("0", "-3d", "a week", "7h"):
        with pytest.raises(QueryError):
            parse_days(bad, "--window")


def test_rising_honours_since_until_and_dyad(gappy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with StoreReader(gappy) as r:
        out = rising(r, baseline=400, since=dt.date(2020, 12, 1), until=dt.date(2020, 12, 10), min_count=1)
        assert out["window"] == {"from": "2020-12-01", "to": "2020-12-10"}
        assert out["baseline"] == {"from": "2019-10-28", "to": "2020-11-30"}
        assert {d["key"] for d in out["actors"]} == {"IRN", "TUR"}  # Iraq fell quiet: not rising
        within = rising(r, baseline=400, until=dt.date(2020, 12, 10), min_count=1, dyad=("IRN", "IRQ"))
        assert within["dyad"] == "IRN,IRQ" and within["actors"] == [] and within["codes"] == []
    client = TestClient(create_app(gappy))
    body = client.get("/api/trends/rising?window=10d&baseline=400d&until=2020-12-10&dyad=TUR,IRN").json()
    assert body["dyad"] == "TUR,IRN" and body["window"]["from"] == "2020-12-01"
    assert client.get("/api/trends/rising?since=2020-12-11&until=2020-12-10").status_code == 400
    args = ["trends", "--store", str(gappy), "--rising", "--since", "2020-12-01", "--until", "2020-12-10"]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["window"] == {"from": "2020-12-01", "to": "2020-12-10"}


# ----------------------------------------------------------------------------- charts


def test_the_chart_axis_is_continuous_and_the_goldstein_line_breaks(gappy: Path) -> None:
    with StoreReader(gappy) as r:
        rows = trend(r, EventFilter.parse(dyad="IRN,TUR", since="2020-09-01"), "month")
    svg = timeline_svg(rows, "month")
    assert 'data-periods="4"' in svg and svg.count('class="slot"') == 4
    assert svg.count('class="bar q1"') == 1  # December only
    path = re.search(r'class="goldstein" d="([^"]*)"', svg)
    assert path is not None and path.group(1).count("M") == 1 and "L" not in path.group(1)
    two = timeline_svg(
        [
            {"period": "2020-01-01", "events": 1, "by_quad": {"1": 1}, "mean_goldstein": 2.0},
            {"period": "2020-02-01", "events": 0, "by_quad": {}, "mean_goldstein": None},
            {"period": "2020-03-01", "events": 2, "by_quad": {"4": 2}, "mean_goldstein": -8.0},
            {"period": "2020-04-01", "events": 1, "by_quad": {"3": 1}, "mean_goldstein": -2.0},
        ]
    )
    d = re.search(r'class="goldstein" d="([^"]*)"', two)
    assert d is not None and d.group(1).count("M") == 2 and d.group(1).count("L") == 1
    legend_y = max(float(y) for y in re.findall(r'class="legend" x="[\d.]+" y="([\d.]+)"', two))
    label_y = min(float(y) for y in re.findall(r'class="period" x="[\d.]+" y="([\d.]+)"', two))
    assert legend_y < 34 < label_y  # the legend above the plot, the period labels below it


# ----------------------------------------------------------------------------- tables


def test_snippet_marks_the_trigger_where_the_offsets_put_it() -> None:
    sentence = "Officials said the two leaders met and later met again with reporters present."
    row = {"sentence_text": sentence, "trigger": "met", "char_start": 1000 + sentence.rindex("met"),
           "source_text": "Officials", "source_start": 1000}  # fmt: skip
    before, trigger, after = snippet(row)
    assert trigger == "met" and before.endswith("later ") and after.startswith(" again")
    long = {"sentence_text": "Word " * 60 + "Russia attacked Ukraine" + " word" * 60, "trigger": "attacked"}
    before, trigger, after = snippet(long, 80)
    assert before.startswith("…") and after.endswith("…") and trigger == "attacked"
    assert len(before) + len(trigger) + len(after) <= 84 and before.endswith("Russia ")
    assert snippet({"sentence_text": "No trigger here.", "trigger": "met"}) == ("No trigger here.", "", "")


def test_the_events_text_has_a_header_the_actors_as_written_and_the_marked_trigger(
    gappy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["events", "--store", str(gappy), "--dyad", "IRN,TUR"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["date", "source", "as", "written"] and "sentence" in lines[0]
    assert len(lines) == 3 and lines[1].startswith("2020-12-07  IRNGOV")
    assert "Iranian President Has…" in lines[1] and "Turkish President Rec…" in lines[1]
    assert "Hassan Rouhani [met] Turkish President" in lines[1]


def test_the_events_pages_show_actor_texts_and_the_trigger_in_its_sentence(gappy: Path) -> None:
    client = TestClient(create_app(gappy))
    for url in ("/events?dyad=IRN,TUR", "/dyad/IRN/TUR", "/actor/IRN"):
        html = client.get(url).text
        assert '<span class="as-written">Iranian President Hassan Rouhani</span>' in html, url
        assert 'Rouhani <mark class="trigger">met</mark> Turkish' in html, url
    actor = client.get("/actor/IRN").text
    assert 'id="actor-chart"' in actor and 'data-periods="23"' in actor  # 2019-02 .. 2020-12


# ----------------------------------------------------------------------------- unknown codes


def test_nearest_codes_prefer_the_shared_start_and_known_sectors() -> None:
    countries = {"CHN", "CHE", "CHL", "THA", "TCA", "USA", "RUS"}
    assert nearest_codes("CHA", countries, weight={"CHN": 50, "CHL": 1})[0] == "CHN"
    assert nearest_codes("USAGOB", countries)[0] == "USAGOV"
    assert nearest_codes("RUSS", countries)[0] == "RUS"
    assert nearest_codes("QQQ", countries) == []


def test_an_unknown_code_warns_instead_of_a_silent_empty_result(
    gappy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with StoreReader(gappy) as r:
        assert filter_warnings(r, EventFilter.parse(dyad="IRN,TUR")) == []
        assert filter_warnings(r, EventFilter.parse(actor="IRNGOV")) == []
        (warning,) = filter_warnings(r, EventFilter.parse(actor="IRR"))
    assert "'IRR'" in warning and "IRN" in warning.split("nearest known:")[1]
    assert main(["events", "--store", str(gappy), "--actor", "TRU"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "no events match\n" and "nearest known: TUR" in captured.err
    client = TestClient(create_app(gappy))
    body = client.get("/api/events?dyad=IRN,TURGOB").json()
    assert body["total"] == 0 and "TURGOV" in body["warnings"][0]
    page = client.get("/events?actor=IRQQ").text
    assert 'class="warning"' in page and "IRQ" in page


# ----------------------------------------------------------------------------- at scale


def _random_store(root: Path, segments: int, per: int, seed: int) -> list[tuple[str, str]]:
    """``segments`` batches of ``per`` events each between random countries on random days (the
    batches' days overlap, as in a backfill); returns each event's (day, event id)."""
    import random

    rng = random.Random(seed)
    countries = ["IRN", "TUR", "IRQ", "SYR", "USA"]
    with Store(root) as store:
        for b in range(segments):
            batch = []
            for i in range(per):
                day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(90))
                src, tgt = rng.sample(countries, 2)
                art = Article(f"b{b}a{i}", f"Story {b}-{i}", f"Text {b} {i} {seed}.", f"<{b}-{i}>",
                              day.isoformat(), url=f"https://x.example/{seed}/{b}/{i}")  # fmt: skip
                quad = rng.randint(1, 4)
                code = rng.choice(["042", "190", "112"])
                ev = _event(art, 1, day.isoformat(), source=ActorMention(src, 0, 3, src, "GOV"),
                            target=ActorMention(tgt, 4, 7, tgt, ""), quad_class=quad,
                            goldstein=float(rng.randint(-10, 10)), cameo=code)  # fmt: skip
                batch.append((art, [ev], [], []))
            store.add_batch(batch)
    with StoreReader(root) as r, r.cursor() as cur:
        return [
            (str(d), e)
            for d, e in cur.execute("SELECT day, event_id FROM events WHERE first_mention").fetchall()
        ]


def test_pages_of_newest_events_cover_every_match_once_in_date_order(tmp_path: Path) -> None:
    from eventwire.query.events import event_rows

    events = _random_store(tmp_path, segments=4, per=30, seed=3)
    with StoreReader(tmp_path) as r:
        assert len(r.spans()) == 4
        for f in (EventFilter(), EventFilter.parse(actor="IRN"), EventFilter.parse(dyad="TUR,SYR", quad=4)):
            seen: list[dict[str, Any]] = []
            offset = 0
            while page := event_rows(r, f, limit=7, offset=offset):
                seen += page
                offset += 7
            expected = event_rows(r, f, limit=1000)
            assert [e["event_id"] for e in seen] == [e["event_id"] for e in expected]
            assert len({e["event_id"] for e in seen}) == len(seen)
            days = [e["day"] for e in seen]
            assert days == sorted(days, reverse=True)
        everything = event_rows(r, EventFilter(), limit=1000)
    assert sorted(e["event_id"] for e in everything) == sorted(e for _, e in events)


def test_rollups_answer_as_the_scans_do(tmp_path: Path) -> None:
    from eventwire.query.actors import actor_partners
    from eventwire.query.events import count_events

    _random_store(tmp_path, segments=3, per=40, seed=5)
    filters = [
        EventFilter(),
        EventFilter.parse(actor="IRN"),
        EventFilter.parse(dyad="TUR,IRQ"),
        EventFilter.parse(actor="USA", quad=4),
        EventFilter.parse(actor="IRNGOV"),  # a sector: scanned
        EventFilter.parse(actor="SYR", cameo="19"),  # an actor and a CAMEO code: scanned
        EventFilter.parse(cameo="1"),  # codes only: the codes rollup
        EventFilter.parse(cameo="042", quad=4),
        EventFilter.parse(plover="CONSULT"),
    ]

    def answers(reader: StoreReader) -> list[Any]:
        out: list[Any] = []
        for f in filters:
            out.append(count_events(reader, dataclasses.replace(f, include_historical=True)))
            out.append(count_events(reader, f))
            if f.actor or f.dyad:
                out.append(trend(reader, f, "month"))
            if f.actor:
                out.append(actor_partners(reader, f))
        return out

    with StoreReader(tmp_path) as plain, StoreReader(tmp_path, rollups=True) as rolled:
        assert not plain.rollups() and rolled.rollups()
        assert answers(rolled) == answers(plain)
        with rolled.cursor() as cur:
            assert cur.execute("SELECT count(DISTINCT segment_id) FROM rollup").fetchone() == (3,)
            assert cur.execute("SELECT count(DISTINCT segment_id) FROM rollup_codes").fetchone() == (3,)
    with StoreReader(tmp_path, rollups=True) as rolled:
        _random_store(tmp_path, segments=1, per=10, seed=6)  # a new segment appears
        rolled.refresh()
        with StoreReader(tmp_path) as plain:
            assert answers(rolled) == answers(plain)
        with Store(tmp_path) as store:  # compaction replaces the four segments by one
            assert store.compact(min_segments=2) > 0
        rolled.refresh()
        with StoreReader(tmp_path) as plain:
            assert answers(rolled) == answers(plain)
        with rolled.cursor() as cur:
            assert cur.execute("SELECT count(DISTINCT segment_id) FROM rollup").fetchone() == (1,)
            assert cur.execute("SELECT count(DISTINCT segment_id) FROM rollup_codes").fetchone() == (1,)


def test_a_search_without_filters_ranks_the_newest_matches(
    gappy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.query import search as search_module

    with StoreReader(gappy) as r:
        both = search_module.search(r, "Rouhani Ankara")
        assert {h.title for h in both} == {"Rouhani in Ankara", "Rouhani in Ankara again"}
        best = search_module.search(r, "Rouhani Ankara", limit=1)[0].title
        monkeypatch.setattr(search_module, "RANK_WINDOW", 1)  # rank only the newest match
        assert [h.title for h in search_module.search(r, "Rouhani Ankara", limit=1)] == [
            "Rouhani in Ankara again"
        ]
        assert best == "Rouhani in Ankara"  # all ranked: the shorter title ranks first
        assert "[Rouhani]" in search_module.search(r, "Rouhani")[0].to_dict(("[", "]"))["snippet"]
        dated = search_module.search(r, "Rouhani", until=dt.date(2019, 12, 31))  # a filter: all matches
        assert [h.title for h in dated] == ["Rouhani in Ankara"]


def test_edges_a_reviewer_found(gappy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.query import events as events_module
    from eventwire.query import search as search_module
    from eventwire.query.codes import known_countries, unknown_code

    assert not unknown_code("USAGO", known_countries()) and unknown_code("USAGOB", known_countries())
    last = periods(dt.date(9999, 12, 1), dt.date(9999, 12, 31), "week")  # no overflow past the calendar
    assert last[-1] == dt.date(9999, 12, 27)
    with StoreReader(gappy) as r:
        assert filter_warnings(r, EventFilter.parse(actor="IRNGO")) == []
        everything = events_module.event_rows(r, EventFilter(), limit=10)
        monkeypatch.setattr(events_module, "DEEP_PAGE", 1)  # every page: one top-N over all segments
        deep = events_module.event_rows(r, EventFilter(), limit=10)
        assert [e["event_id"] for e in deep] == [e["event_id"] for e in everything]
        assert [e["day"] for e in events_module.event_rows(r, EventFilter(), limit=1, offset=2)] == [
            everything[2]["day"]
        ]
        monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
        second = search_module.search(r, "Rouhani Ankara", limit=1, offset=1)  # past the window: all ranked
        assert len(second) == 1


def test_the_ingest_summary_gives_its_timeline(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.cli.demo import demo_files
    from eventwire.store.ingest import ingest

    summary = ingest(demo_files()[:3], tmp_path, pipeline)
    t = summary.to_dict()["timeline"]
    assert set(t) == {"coders_ready", "first_results", "last_results", "committing", "end"}
    assert 0 <= t["coders_ready"] <= t["first_results"] <= t["last_results"] <= t["end"]
    assert 0 < t["committing"] < t["end"]
