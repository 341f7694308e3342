"""The event store: idempotent ingest, story clusters, queries, search, trends, exports, crash safety.

The store is built from the bundled demo articles (the seed page and 14 Wikinews articles, CC BY 2.5)
once per module; constructed articles test deduplication and clustering.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.cli.demo import demo_files
from eventwire.cli.main import main
from eventwire.errors import QueryError, StoreBusyError
from eventwire.models import Article
from eventwire.query.events import EventFilter, count_events, event_rows
from eventwire.query.export import GDELT_COLUMNS, PLOVER_FIELDS, export
from eventwire.query.search import MARK_END, MARK_START, search
from eventwire.query.trends import dyad_trend, rising
from eventwire.store import Store, StoreReader
from eventwire.store.ingest import ingest


@pytest.fixture(scope="module")
def small_batches(pipeline):  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Pipeline

    return Pipeline(dataclasses.replace(pipeline.settings, store_batch=4), pipeline.resources)


@pytest.fixture(scope="module")
def built(tmp_path_factory, small_batches):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("store")
    first = ingest(demo_files(), root, small_batches)
    return root, first


@pytest.fixture()
def reader(built):  # type: ignore[no-untyped-def]
    r = StoreReader(built[0])
    yield r
    r.close()


def _counts(root: Path) -> dict[str, int]:
    with StoreReader(root) as r, r.cursor() as cur:
        return {
            t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "sentences", "mentions", "events")
        }


def _event_ids(root: Path) -> list[tuple[str, str]]:
    """Every mention with the event it reports, and the catalog's events with their counts."""
    with StoreReader(root) as r, r.cursor() as cur:
        query = "SELECT mention_id, event_id FROM events ORDER BY mention_id"
        mentions = [(str(m), str(e)) for m, e in cur.execute(query).fetchall()]
        events = r.catalog.execute("SELECT event_id, num_mentions FROM events ORDER BY seq").fetchall()
    return mentions + [(str(e), str(n)) for e, n in events]


# ----------------------------------------------------------------------------- ingest


def test_ingest_summary_and_segments(built) -> None:  # type: ignore[no-untyped-def]
    root, s = built
    assert (s.read, s.stored, s.duplicates, s.failed) == (15, 15, 0, 0)
    assert s.segments == 4 and s.events > 50
    counts = _counts(root)
    assert counts["articles"] == 15 and counts["events"] == s.events
    assert counts["sentences"] > 200 and counts["mentions"] > 100


def test_second_ingest_adds_nothing(built, small_batches) -> None:  # type: ignore[no-untyped-def]
    root, _ = built
    before = _counts(root)
    events = _event_ids(root)
    again = ingest(demo_files(), root, small_batches)
    assert (again.stored, again.duplicates, again.events, again.segments) == (0, 15, 0, 0)
    assert _counts(root) == before and _event_ids(root) == events


def test_same_url_or_same_text_is_a_duplicate(tmp_path: Path) -> None:
    text = "Kenya and Ethiopia signed a border agreement in Nairobi on Monday. " * 5
    a = Article(
        "a", "Border deal", text, "x", "2024-01-01", url="https://www.example.org/news/1?utm_source=feed"
    )
    same_url = dataclasses.replace(
        a, id="b", text="An updated text of the same page. " * 5, url="http://example.org/news/1/"
    )
    same_text = dataclasses.replace(a, id="c", text="  " + text.upper(), url=None)
    with Store(tmp_path) as store:
        first = store.add_batch([(a, [], [], [])])
        later = store.add_batch([(same_url, [], [], []), (same_text, [], [], [])])
    assert first[0].duplicate_of is None
    assert [r.duplicate_of for r in later] == [first[0].article_id, first[0].article_id]


def test_wire_copies_share_a_story_cluster(tmp_path: Path) -> None:
    base = (
        "Protesters clashed with riot police in Minsk on Sunday as tens of thousands marched through the "
        "capital demanding the resignation of the president after a disputed election. Police used stun "
        "grenades and water cannon, and dozens of people were detained, according to a human rights group. "
        "The opposition candidate, who left the country last week, called for peaceful strikes."
    )
    copy = base.replace("on Sunday", "on Sunday, witnesses said,").replace("dozens of", "more than 50")
    other = (
        "The central bank of Brazil raised its benchmark interest rate by half a percentage point on "
        "Wednesday, citing inflation that has stayed above its target for most of the year."
    )
    arts = [
        Article("1", "Minsk protest", base, "a", "2020-08-16", url="https://a.example/1"),
        Article("2", "Minsk protest", copy, "b", "2020-08-16", url="https://b.example/2"),
        Article("3", "Brazil rates", other, "c", "2020-08-16", url="https://c.example/3"),
    ]
    with Store(tmp_path) as store:
        first = store.add_batch([(arts[0], [], [], [])])
        rest = store.add_batch([(arts[1], [], [], []), (arts[2], [], [], [])])
    assert rest[0].cluster_id == first[0].cluster_id == first[0].article_id
    assert rest[1].cluster_id == rest[1].article_id != first[0].cluster_id


def test_second_writer_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path), pytest.raises(StoreBusyError, match="another ingest"):
        Store(tmp_path).open()
    with Store(tmp_path):  # released on close
        pass


def test_uncommitted_segment_is_ignored_then_removed(tmp_path: Path) -> None:
    art = Article("1", "t", "Chad and Niger agreed to reopen their border. " * 3, "x", "2024-02-02")
    with Store(tmp_path) as store:
        store.add_batch([(art, [], [], [])])
    orphan = tmp_path / "segments" / "20990101T000000-deadbeef"
    orphan.mkdir()
    (orphan / "events.parquet").write_bytes(b"not parquet")
    with StoreReader(tmp_path) as r, r.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    with Store(tmp_path):
        assert not orphan.exists()


def test_failures_are_recorded_and_the_batch_goes_on(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "good.txt").write_text("Japan and India agreed on Monday to expand defence cooperation.\n")
    (docs / "empty.txt").write_text("   \n")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    summary = ingest([str(docs)], tmp_path / "store", pipeline)
    assert (summary.stored, summary.failed) == (1, 2)
    with StoreReader(tmp_path / "store") as r:
        rows = {row["source"]: row["code"] for row in r.catalog.execute("SELECT * FROM failures")}
    assert rows == {str(docs / "binary.txt"): "E031", str(docs / "empty.txt"): "E032"}


# ----------------------------------------------------------------------------- queries


def test_dyad_events_with_mention_counts(reader) -> None:  # type: ignore[no-untyped-def]
    rows = event_rows(reader, EventFilter.parse(dyad="CHN,RUS"), limit=100)
    codes = {(r["source_country"], r["cameo"], r["target_country"]) for r in rows}
    assert ("CHN", "041", "RUS") in codes and ("RUS", "051", "CHN") in codes
    assert all(r["num_mentions"] >= 1 and r["num_articles"] == 1 for r in rows)
    spoke = [r for r in rows if r["num_mentions"] > 1]
    assert spoke, "some event of the seed is reported twice in the article"
    assert {r["day"] for r in rows} == {dt.date(2020, 12, 22)}


def test_filters(reader) -> None:  # type: ignore[no-untyped-def]
    total = count_events(reader, EventFilter())
    consult = event_rows(reader, EventFilter.parse(cameo="04"), limit=500)
    assert consult and all(r["cameo"].startswith("04") for r in consult)
    q4 = event_rows(reader, EventFilter.parse(quad=4), limit=500)
    assert all(r["quad_class"] == 4 for r in q4)
    late = count_events(reader, EventFilter.parse(since="2020-06-01"))
    early = count_events(reader, EventFilter.parse(until="2020-05-31"))
    undated = count_events(reader, EventFilter()) - late - early
    assert late > 0 and early > 0 and late + early + undated == total
    usa = event_rows(reader, EventFilter.parse(actor="usa"), limit=500)
    assert usa and all("USA" in (r["source_code"][:3], r["target_code"][:3]) for r in usa)
    sure = event_rows(reader, EventFilter.parse(min_confidence="0.9"), limit=500)
    assert sure and all(r["confidence"] >= 0.9 for r in sure)
    assert len(sure) < total, "some stored events are less sure than 0.9"
    by = {who: count_events(reader, EventFilter.parse(coded_by=who)) for who in ("rule", "model", "both")}
    assert by["rule"] > 0 and sum(by.values()) == total


@pytest.mark.parametrize(
    "kwargs",
    [
        {"dyad": "CHN"},
        {"dyad": "CHN,R1S"},
        {"cameo": "04a"},
        {"quad": 5},
        {"since": "2020-13-01"},
        {"since": "2021-01-01", "until": "2020-01-01"},
        {"actor": "CHN;DROP"},
        {"min_confidence": "high"},
        {"min_confidence": 1.5},
        {"coded_by": "robot"},
    ],
)
def test_bad_filters_are_query_errors(kwargs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError):
        EventFilter.parse(**kwargs)


def test_limits_are_bounded(reader) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError):
        event_rows(reader, EventFilter(), limit=0)
    with pytest.raises(QueryError):
        event_rows(reader, EventFilter(), limit=10**6)


# ----------------------------------------------------------------------------- search


def test_search_ranks_and_highlights(reader) -> None:  # type: ignore[no-untyped-def]
    hits = search(reader, '"Wang Yi"')
    assert hits and "China" in hits[0].title
    assert (
        f"{MARK_START}Wang{MARK_END}" in hits[0].snippet
        or f"{MARK_START}Wang Yi{MARK_END}" in hits[0].snippet
    )
    assert hits[0].to_dict()["snippet"].count("<mark>") >= 1
    assert search(reader, '"Wang Yi"', country="CHN") and not search(reader, '"Wang Yi"', country="BRA")
    assert not search(reader, '"Wang Yi"', since=dt.date(2021, 1, 1))


def test_broken_search_syntax_is_mended_or_a_query_error(reader) -> None:  # type: ignore[no-untyped-def]
    hits = [h.article_id for h in search(reader, "Lavrov")]
    assert hits and [h.article_id for h in search(reader, "(Lavrov")] == hits  # the bracket is closed
    assert [h.article_id for h in search(reader, "Lavrov AND")] == hits  # the dangling operator dropped
    assert search(reader, "Lavrov (Wang OR Yi)")  # a group beside a word: an explicit AND
    with pytest.raises(QueryError, match="nothing to search for"):
        search(reader, "OR ( )")
    with pytest.raises(QueryError):
        search(reader, "   ")
    with pytest.raises(QueryError, match="after"):
        search(reader, "Lavrov", since=dt.date(2021, 1, 1), until=dt.date(2020, 1, 1))


def test_search_takes_news_terms_with_punctuation(reader) -> None:  # type: ignore[no-untyped-def]
    assert search(reader, "COVID-19")  # FTS5 would read "-19" as a column filter
    assert search(reader, "U.S. unilateralism")
    assert search(reader, 'foo "bar') == []  # an unclosed quote is closed, not an error
    assert search(reader, "Lavrov OR Trump") and search(reader, "cooper*")


# ----------------------------------------------------------------------------- trends


def test_dyad_trend_by_month(reader) -> None:  # type: ignore[no-untyped-def]
    rows = dyad_trend(reader, EventFilter.parse(dyad="CHN,RUS"), "month")
    december = next(r for r in rows if r["period"] == "2020-12-01")
    assert december["events"] == sum(december["by_quad"].values()) and december["by_quad"]["1"] > 0
    assert december["mean_goldstein"] > 0
    with pytest.raises(QueryError):
        dyad_trend(reader, EventFilter.parse(dyad="CHN,RUS"), "year")


def test_rising_reports_the_figures(reader) -> None:  # type: ignore[no-untyped-def]
    out = rising(reader, window=30, baseline=365)
    assert out["window"]["to"] == "2020-12-23"
    top = {d["key"]: d for d in out["actors"]}
    assert "CHN" in top and top["CHN"]["recent"] > top["CHN"]["baseline"]
    assert all(d["lift"] > 0 and d["recent"] >= 2 for k in ("actors", "dyads", "terms") for d in out[k])


# ----------------------------------------------------------------------------- exports


def test_gdelt_export_has_61_columns_in_place(reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.tsv"
    n = export(reader, "gdelt", out, EventFilter.parse(dyad="CHN,RUS"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) > 0
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    consult = next(r for r in rows if r[col["EventCode"]] == "041")
    assert consult[col["Day"]] == "20201222" and consult[col["Year"]] == "2020"
    assert {consult[col["Actor1CountryCode"]], consult[col["Actor2CountryCode"]]} == {"CHN", "RUS"}
    assert consult[col["EventRootCode"]] == "04" and consult[col["QuadClass"]] == "1"
    assert float(consult[col["GoldsteinScale"]]) == 1.0 and consult[col["SOURCEURL"]]
    assert int(consult[col["NumMentions"]]) >= 1 and consult[col["GlobalEventID"]].isdigit()


def test_plover_export_fields(reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "events.jsonl"
    n = export(reader, "plover", out, EventFilter())
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(records) > 50
    for rec in records:
        assert tuple(rec) == PLOVER_FIELDS
        assert isinstance(rec["event_type"], str) and rec["event_type"]
        assert rec["quad_class"] in {1, 2, 3, 4} and isinstance(rec["goldstein"], float)
        assert rec["event_date"] is None or dt.date.fromisoformat(rec["event_date"])
        assert rec["location"] is None or set(rec["location"]) == {"name", "country", "adm1", "lat", "lon"}


def test_parquet_and_csv_exports(reader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    total = count_events(reader, EventFilter())
    assert export(reader, "parquet", tmp_path / "e.parquet", EventFilter()) == total
    con = duckdb.connect()
    got = con.execute(f"SELECT count(*), count(DISTINCT event_id) FROM '{tmp_path / 'e.parquet'}'").fetchone()
    assert got == (total, total)
    assert export(reader, "csv", tmp_path / "e.csv", EventFilter.parse(quad=1)) > 0
    header = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"event_id", "cameo", "num_mentions", "num_sources"} <= set(header)


# ----------------------------------------------------------------------------- CLI


def test_cli_store_commands(built, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = str(built[0])
    assert main(["events", "--store", root, "--dyad", "CHN,RUS", "--json", "--limit", "3"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3 and all({"source_code", "num_mentions"} <= set(r) for r in rows)
    assert main(["search", "--store", root, "Lavrov"]) == 0
    assert "[Lavrov]" in capsys.readouterr().out
    assert main(["trends", "--store", root, "--dyad", "CHN,RUS", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["events"] > 0
    assert main(["export", "--store", root, "--format", "gdelt", "-o", str(tmp_path / "g.tsv")]) == 0
    assert main(["events", "--store", root, "--dyad", "CHN"]) == 2
    assert "E042" in capsys.readouterr().err
    assert main(["events", "--store", str(tmp_path / "nothing")]) == 2
    assert "no event store" in capsys.readouterr().err
    assert main(["export", "--store", root, "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", "--store", root, "--format", "parquet", "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_export_defaults_to_asserted_events(built, tmp_path: Path, reader) -> None:  # type: ignore[no-untyped-def]
    root = str(built[0])
    assert main(["export", "--store", root, "--format", "gdelt", "-o", str(tmp_path / "a.tsv")]) == 0
    assert (
        main(
            ["export", "--store", root, "--format", "gdelt", "-o", str(tmp_path / "b.tsv"), "--status", "all"]
        )
        == 0
    )
    # the CLI exports keep historical events (a data set of record); the listings leave them out
    asserted = count_events(reader, EventFilter.parse(status="asserted", include_historical=True))
    everything = count_events(reader, EventFilter(include_historical=True))
    assert asserted < everything
    assert len((tmp_path / "a.tsv").read_text().splitlines()) == asserted
    assert len((tmp_path / "b.tsv").read_text().splitlines()) == everything


def test_a_missing_path_creates_no_store(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.errors import InputError

    with pytest.raises(InputError):
        ingest([str(tmp_path / "typo.txt")], tmp_path / "store", pipeline)
    assert not (tmp_path / "store").exists()


# ----------------------------------------------------------------------------- crash safety


def _segments(root: Path) -> int:
    path = root / "catalog.sqlite"
    if not path.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM segments").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("after", [0, 3, 11])
def test_killed_ingest_then_rerun_equals_an_uninterrupted_run(built, tmp_path: Path, after: int) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL once the store exists (0: while it is being created or before the first commit) or
    after some segments, then a rerun: the same store as an uninterrupted run."""
    root = tmp_path / "killed"
    env = {**os.environ, "EVENTWIRE_STORE_BATCH": "1"}
    cmd = [sys.executable, "-m", "eventwire", "ingest", *demo_files(), "--store", str(root), "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if (root / "catalog.sqlite").exists() and _segments(root) >= after:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = _segments(root)
    assert after <= partial < 15
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["stored"] + partial == 15 and summary["duplicates"] == partial
    assert _counts(root) == _counts(built[0])
    assert _event_ids(root) == _event_ids(built[0])


_CRASH_IN_COMPACTION = """
import os, sys
import eventwire.store.store as st

point, root = sys.argv[1], sys.argv[2]
calls = {"replace": 0, "path": 0}
real_replace, real_sql_path = st.os.replace, st._sql_path

def replace(src, dst):  # 1st: the merged segment moves in; 2nd on: old segments move to trash
    calls["replace"] += 1
    if point == "before-rename" and calls["replace"] == 1:
        os._exit(137)
    real_replace(src, dst)
    if point == "after-rename" and calls["replace"] == 1:
        os._exit(137)
    if point == "after-commit" and calls["replace"] == 2:
        os._exit(137)

def sql_path(path):  # called for every file of every table while the merged files are written
    calls["path"] += 1
    if point == "mid-copy" and calls["path"] == 40:
        os._exit(137)
    return real_sql_path(path)

with st.Store(root) as store:
    st._sql_path = sql_path
    st.os.replace = replace
    store.compact(max_events=10_000, min_segments=4)
sys.exit(3)  # not reached: the process dies inside compaction
"""


@pytest.fixture(scope="module")
def one_segment_each(tmp_path_factory, pipeline) -> Path:  # type: ignore[no-untyped-def]
    """The demo articles stored one per segment (15 small segments: compaction has work)."""
    from eventwire.pipeline import Pipeline

    root = tmp_path_factory.mktemp("one-each")
    ingest(
        demo_files(),
        root,
        Pipeline(dataclasses.replace(pipeline.settings, store_batch=1), pipeline.resources),
    )
    return root


@pytest.mark.parametrize("point", ["mid-copy", "before-rename", "after-rename", "after-commit"])
def test_a_crash_inside_compaction_loses_and_duplicates_nothing(  # type: ignore[no-untyped-def]
    built, one_segment_each, tmp_path: Path, pipeline, point: str
) -> None:
    """The process dies (os._exit, no cleanup runs, as with SIGKILL) at each step of merging
    segments; the store opens cleanly and holds exactly what it held before."""
    import shutil

    root = tmp_path / "store"
    seed = one_segment_each
    shutil.copytree(seed, root)
    done = subprocess.run([sys.executable, "-c", _CRASH_IN_COMPACTION, point, str(root)], check=False)
    assert done.returncode == 137, f"did not die at {point}"
    with Store(root):  # opening cleans up what the crash left
        pass
    assert not [p for p in (root / "segments").iterdir() if p.name.startswith(".tmp-")]
    assert _counts(root) == _counts(built[0]) and _event_ids(root) == _event_ids(built[0])
    with StoreReader(root) as r:
        assert [h.article_id for h in search(r, "Lavrov OR Ukraine")]
    again = ingest(demo_files(), root, pipeline)  # and a rerun adds nothing
    assert again.stored == 0 and again.duplicates == 15
    assert _event_ids(root) == _event_ids(built[0])


def test_demo_stores_idempotently_and_shows_trends(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["demo", "-o", str(tmp_path / "demo.jsonl"), "--store", str(tmp_path / "store")]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert "stored 15, duplicates 0" in first and "trend CHN,RUS" in first and "rising" in first
    assert main([*args, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)["store"]
    assert again["ingest"]["stored"] == 0 and again["ingest"]["duplicates"] == 15 and again["articles"] == 15
    assert again["dyad_trend"][0]["period"] == "2020-12-01"


def test_compaction_merges_small_segments_without_changing_anything(built, tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Pipeline

    one_each = Pipeline(dataclasses.replace(pipeline.settings, store_batch=1), pipeline.resources)
    root = tmp_path / "store"
    summary = ingest(demo_files(), root, one_each)
    assert summary.segments == 15 and summary.compacted == 0  # fewer than 16 small segments
    with StoreReader(root) as r:
        before_search = [h.article_id for h in search(r, "Lavrov OR Ukraine")]
        before_rows = event_rows(r, EventFilter.parse(dyad="CHN,RUS"), limit=50)
        before_total = count_events(r, EventFilter())
    with Store(root) as store:
        assert store.compact(max_events=10_000, min_segments=4) == 15
    with StoreReader(root) as r:
        assert len(r.segments()) == 1
        assert [h.article_id for h in search(r, "Lavrov OR Ukraine")] == before_search
        assert event_rows(r, EventFilter.parse(dyad="CHN,RUS"), limit=50) != []
        after_rows = event_rows(r, EventFilter.parse(dyad="CHN,RUS"), limit=50)
        assert count_events(r, EventFilter()) == before_total  # the catalog's counts of merged segments
        with r.cursor() as cur:
            scanned = cur.execute(
                "SELECT count(*) FROM events WHERE first_mention AND NOT historical"
            ).fetchone()
        assert scanned == (before_total,)
    strip = lambda rows: [{k: v for k, v in x.items() if k != "segment_id"} for x in rows]  # noqa: E731
    assert strip(after_rows) == strip(before_rows)
    assert _counts(root) == _counts(built[0]) and _event_ids(root) == _event_ids(built[0])
    assert len(list((root / "trash").iterdir())) == 15
