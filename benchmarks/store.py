"""Store query latency at scale: a synthetic store of N events (default 10 million).

Usage: python benchmarks/store.py [--events 10000000] [--segments 20] [--queries 30] [--store DIR]

Builds (or reuses, with --store) a store whose segments hold synthetic events with a realistic skew
(Zipf-distributed countries, 8 sectors, CAMEO codes from the packaged table with their PLOVER types,
quad classes and Goldstein scores) over five years of days, each segment covering its own slice of time
as an ingest of the news in arrival order (and compaction, which merges consecutive segments into
segments of about a million mentions) leaves it.  Every event has two mentions (rows ``2k`` and
``2k + 1`` of a segment, with the same actors, code and day; the first one starts the event), so N
events are 2N rows and the listings read one row in two.

Then times, through the same functions the CLI and the API use, every filter that ``eventwire events``
and ``/api/events`` offer, alone and combined, drawn at random per run: alone, an actor or a dyad of the
20 commonest countries (the heaviest), a CAMEO root or 3-digit code, a PLOVER type, a quad class, a
month; combined, the attributes of a randomly drawn stored event (its actor, dyad, CAMEO root, PLOVER
type, quad class, month), so that each combination matches something, as an analyst's does.  For each:
:func:`eventwire.query.events.event_rows`, the newest 20 events with their mention counts
(``eventwire events``'s default page).  Also: ``no_match``, a filter nothing matches (an actor's
assaults in quad class 1), which reads every segment's filter columns; ``dyad_filter_100``, the newest
100; the monthly dyad and actor trends (:func:`eventwire.query.trends.trend`, scanned as by the CLI;
the server answers them from rollups, see ``benchmarks/pages.py``); one event with its mentions
(:func:`eventwire.query.events.event_detail`, ``GET /api/events/{id}``); and ``scan_baseline``, a
count over one column of every mention (a full scan), measured in the same run: every p50 is also given
as a ratio to it.

Prints one JSON object: per query, p50/p95/p99/max in milliseconds over ``--queries`` runs (after one
warm-up), the build time, ``over_100ms`` (the filters whose p95 is above 100 ms) and the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import duckdb

from eventwire.events.cameo import CameoTable, quad_class
from eventwire.query.events import EventFilter, count_events, event_detail, event_rows
from eventwire.query.trends import trend
from eventwire.store.schema import COLUMNS, SORT_KEYS
from eventwire.store.store import PARQUET_OPTIONS, Store, StoreReader

COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "JPN",
    "ISR",
    "IRN",
    "UKR",
    "TUR",
    "SYR",
    "IRQ",
    "PAK",
    "AFG",
    "SAU",
    "EGY",
    "NGA",
    "KEN",
    "ZAF",
    "BRA",
    "MEX",
    "CAN",
    "AUS",
    "KOR",
    "PRK",
    "ITA",
    "ESP",
    "POL",
    "SWE",
    "NOR",
    "VEN",
    "COL",
    "ARG",
    "CHL",
    "PER",
    "IDN",
    "PHL",
    "VNM",
    "THA",
    "MMR",
    "BGD",
    "LKA",
    "NPL",
    "ETH",
    "SOM",
    "SDN",
    "SSD",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
    "QAT",
    "ARE",
    "YEM",
    "JOR",
    "LBN",
    "PSE",
    "BLR",
    "GEO",
    "ARM",
    "AZE",
    "KAZ",
    "UZB",
    "SRB",
    "HRV",
    "BIH",
    "GRC",
    "HUN",
    "ROU",
    "BGR",
]
SECTORS = ["GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", ""]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def _random(salt: str) -> str:
    """SQL for a pseudo-random number in [0, 1) shared by the two mentions of an event (row i // 2)."""
    return f"(hash(i // 2, '{salt}') % 1000003) / 1000003.0"


def _pick(values: list[str], skew: int = 1, salt: str = "") -> str:
    """SQL for a random element; ``skew`` > 1 favours the first ones (Zipf-like)."""
    u = _random(salt) if salt else "random()"
    return f"{_sql_list(values)}[1 + CAST(floor({len(values)} * pow({u}, {skew})) AS INTEGER)]"


def build(root: Path, n_events: int, n_segments: int) -> float:
    started = time.perf_counter()
    with Store(root) as store:  # creates the catalog and the schema files
        catalog = store.catalog
        assert catalog is not None
        table = CameoTable.load()
        codes = sorted(e.code for e in table if len(e.code) >= 3)
        con = duckdb.connect()
        con.execute("SET threads TO 2")
        # each code's PLOVER type, quad class and Goldstein score, as the coder gives them
        con.execute("CREATE TABLE codes (cameo VARCHAR, plover VARCHAR, quad INTEGER, goldstein DOUBLE)")
        con.executemany(
            "INSERT INTO codes VALUES (?, ?, ?, ?)",
            [
                (e.code, e.plover.event or None, quad_class(e.code), e.goldstein)
                for e in table
                if e.code in codes
            ],
        )
        per = 2 * (n_events // n_segments)  # mention rows: two per event
        span = max(1, 1826 // n_segments)  # five years of days, split over the segments in order
        for s in range(n_segments):
            seg = f"bench-{s:03d}-{uuid.uuid4().hex[:6]}"
            folder = root / "segments" / seg
            folder.mkdir(parents=True)
            # Zipf-like country index: floor(n * u^3) favours the first countries
            cols = {
                "event_id": f"'{seg}-' || (i - i % 2)",  # two mentions per event
                "mention_id": f"'{seg}-' || i",
                "first_mention": "i % 2 = 0",
                "historical": "false",
                "article_id": f"'{seg}-a' || (i // 6)",  # three events per article
                # news arrives in time order and compaction keeps it: segment s covers its own slice
                "day": f"DATE '2020-01-01' + {s * span} + CAST(floor({_random('day')} * {span}) AS INTEGER)",
                "date": "NULL",
                "date_source": "'article'",
                "date_text": "''",
                "source_country": _pick(COUNTRIES, 3, "sc"),
                "source_sector": _pick(SECTORS, 1, "ss"),
                "target_country": _pick(COUNTRIES, 3, "tc"),
                "target_sector": _pick(SECTORS, 1, "ts"),
                "cameo": _pick(codes, 1, "cameo"),
                "status": "'asserted'",
                "source_name": "'site' || CAST(floor(random() * 50) AS INTEGER) || '.example'",
                "cluster_id": f"'{seg}-c' || (i // 5)",
                "segment_id": f"'{seg}'",
            }
            select = []
            inner_names = {"source_country", "source_sector", "target_country", "target_sector", "cameo"}
            coded = {
                "plover_event": "codes.plover",
                "quad_class": "codes.quad",
                "goldstein": "codes.goldstein",
            }
            for name, kind in COLUMNS["events"].items():
                if name in inner_names:
                    select.append(f"CAST(t.{name} AS {kind}) AS {name}")
                elif name in coded:
                    select.append(f"CAST({coded[name]} AS {kind}) AS {name}")
                elif name in cols:
                    select.append(f"CAST({cols[name]} AS {kind}) AS {name}")
                elif name == "dyad_key":
                    select.append(
                        "least(source_country, target_country) || '|' || "
                        "greatest(source_country, target_country) AS dyad_key"
                    )
                elif name == "source_code":
                    select.append("source_country || source_sector AS source_code")
                elif name == "target_code":
                    select.append("target_country || target_sector AS target_code")
                elif name == "cameo_root":
                    select.append("cameo[:2] AS cameo_root")
                else:
                    select.append(f"CAST(NULL AS {kind}) AS {name}")
            inner = ", ".join(f"{v} AS {k}" for k, v in cols.items() if k in inner_names)
            sql = (
                f"COPY (SELECT {', '.join(select)} FROM (SELECT i, {inner} FROM range({per}) r(i)) t "
                f"JOIN codes USING (cameo) ORDER BY {SORT_KEYS['events']}) TO '{folder / 'events.parquet'}' "
                f"({PARQUET_OPTIONS})"
            )
            con.execute(sql)
            _add_events(con, catalog, folder / "events.parquet")
            for table in ("articles", "sentences", "mentions"):
                (folder / f"{table}.parquet").write_bytes((root / "schema" / f"{table}.parquet").read_bytes())
            with catalog:
                catalog.execute(
                    "INSERT INTO segments (segment_id, run_id, created, n_articles, n_mentions, n_events) "
                    "VALUES (?,?,?,?,?,?)",
                    (seg, "bench", "2024-01-01T00:00:00", 0, per, per // 2),
                )
    return time.perf_counter() - started


def _add_events(con: duckdb.DuckDBPyConnection, catalog: Any, events: Path) -> None:
    """The catalog's Events table (one row per event, its identity and counts) and its articles."""
    rows = con.execute(
        "SELECT event_id, source_code || '|' || target_code || '|' || cameo[:3] || '|', 'day', "
        "CAST(min(day) AS VARCHAR), 1, any_value(dyad_key), CAST(min(day) AS VARCHAR), "
        "CAST(max(day) AS VARCHAR), count(*), '2024-01-01T00:00:00' "
        f"FROM '{events}' GROUP BY event_id, source_code, target_code, cameo ORDER BY event_id"
    )
    with catalog:
        while chunk := rows.fetchmany(200_000):
            catalog.executemany(
                "INSERT INTO events (event_id, base, precision, day, derived, dyad_key, first_day, last_day, "
                "num_mentions, added) VALUES (?,?,?,?,?,?,?,?,?,?)",
                chunk,
            )
    members = con.execute(
        "SELECT event_id, article_id, any_value(source_name), any_value(cluster_id) "
        f"FROM '{events}' GROUP BY 1, 2"
    )
    with catalog:
        while chunk := members.fetchmany(200_000):
            catalog.executemany("INSERT OR IGNORE INTO event_articles VALUES (?, ?, ?, ?)", chunk)


def _time(fn: Any, runs: int) -> dict[str, float]:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, round(q * (len(times) - 1)))]  # noqa: E731
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(pick(0.95), 1),
        "p99_ms": round(pick(0.99), 1),
        "max_ms": round(times[-1], 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--segments", type=int, default=20)
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--store", type=Path, help="reuse or create the synthetic store here")
    args = ap.parse_args()
    tmp = None
    root = args.store
    if root is None:
        tmp = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
        root = Path(tmp.name)
    build_s = 0.0
    if not (root / "catalog.sqlite").exists():
        build_s = build(root, args.events, args.segments)
    rng = random.Random(7)
    top = COUNTRIES[:20]
    table = CameoTable.load()
    roots = [f"{r:02d}" for r in range(1, 21)]
    codes3 = sorted({e.code[:3] for e in table if len(e.code) >= 3})
    plover_types = sorted({e.plover.event for e in table if e.plover.event})
    months = [dt.date(2020 + m // 12, 1 + m % 12, 1) for m in range(60)]

    def month() -> tuple[str, str]:
        first = rng.choice(months)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()

    def actor() -> str:
        return rng.choice(top)

    def dyad() -> str:
        return ",".join(rng.sample(top, 2))

    with duckdb.connect() as con:  # events to draw consistent combinations from (as analysts filter)
        files = [str(p) for p in sorted((root / "segments").glob("*/events.parquet"))]
        drawn = con.execute(
            "SELECT source_country, target_country, cameo, plover_event, quad_class, day "
            f"FROM read_parquet({files!r}) WHERE first_mention USING SAMPLE 2000 ROWS"
        ).fetchall()

    def event() -> tuple[Any, ...]:
        return rng.choice(drawn)

    def month_of(day: dt.date) -> tuple[str, str]:
        first = day.replace(day=1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()

    def combo(**fields: Any) -> EventFilter:
        """A filter on the named attributes of one drawn event (so that it matches something)."""
        e = dict(zip(("source", "target", "cameo", "plover", "quad", "day"), event(), strict=True))
        kw: dict[str, Any] = {}
        for name in fields:
            if name == "actor":
                kw["actor"] = e["source"]
            elif name == "dyad":
                kw["dyad"] = f"{e['source']},{e['target']}" if e["source"] != e["target"] else dyad()
            elif name == "cameo":
                kw["cameo"] = e["cameo"][:2]
            elif name == "dates":
                kw["since"], kw["until"] = month_of(e["day"])
            else:
                kw[name] = e[name]
        return EventFilter.parse(**kw)

    filters: dict[str, Any] = {
        "actor": lambda: EventFilter.parse(actor=actor()),
        "actor_sector": lambda: EventFilter.parse(actor=actor() + rng.choice(SECTORS[:-1])),
        "dyad": lambda: EventFilter.parse(dyad=dyad()),
        "cameo_root": lambda: EventFilter.parse(cameo=rng.choice(roots)),
        "cameo_code": lambda: EventFilter.parse(cameo=rng.choice(codes3)),
        "plover": lambda: EventFilter.parse(plover=rng.choice(plover_types)),
        "quad": lambda: EventFilter.parse(quad=rng.randint(1, 4)),
        "date_range": lambda: EventFilter.parse(since=(m := month())[0], until=m[1]),
        "none": lambda: EventFilter(),
        "actor_cameo": lambda: combo(actor=1, cameo=1),
        "actor_dates": lambda: combo(actor=1, dates=1),
        "dyad_quad": lambda: combo(dyad=1, quad=1),
        "dyad_cameo_dates": lambda: combo(dyad=1, cameo=1, dates=1),
        "plover_quad_dates": lambda: combo(plover=1, quad=1, dates=1),
        "actor_plover_quad": lambda: combo(actor=1, plover=1, quad=1),
    }
    # not an analyst's filter: nothing matches (quad 1 is verbal cooperation, never an assault), so
    # every segment's filter columns are scanned; reported apart
    no_match = lambda: EventFilter.parse(actor=actor(), plover="ASSAULT", quad=1)  # noqa: E731
    with StoreReader(root) as reader:
        sample = [
            str(r[0])
            for r in reader.catalog.execute("SELECT event_id FROM events ORDER BY random() LIMIT 1000")
        ]

        def scan() -> None:  # the baseline: one full scan of a column of every mention
            with reader.cursor() as cur:
                cur.execute("SELECT count(*) FROM events WHERE first_mention").fetchone()

        queries: dict[str, dict[str, float]] = {"scan_baseline": _time(scan, args.queries)}
        for name, make in filters.items():
            queries[name] = _time(lambda make=make: event_rows(reader, make(), limit=20), args.queries)
        queries["no_match"] = _time(lambda: event_rows(reader, no_match(), limit=20), args.queries)
        queries["dyad_filter_100"] = _time(
            lambda: event_rows(reader, EventFilter.parse(dyad=dyad()), limit=100), args.queries
        )
        queries["dyad_trend_month"] = _time(
            lambda: trend(reader, EventFilter.parse(dyad=dyad()), "month"), args.queries
        )
        queries["actor_trend_month"] = _time(
            lambda: trend(reader, EventFilter.parse(actor=actor()), "month"), args.queries
        )
        queries["event_mentions"] = _time(lambda: event_detail(reader, rng.choice(sample)), args.queries)
        n_events = count_events(reader, EventFilter(include_historical=True))
        result = {
            "events": n_events,
            "mention_rows": count_events(reader, EventFilter(include_historical=True, mentions=True)),
            "segments": len(reader.segments()),
            "build_seconds": round(build_s, 1),
            "queries": queries,
            "over_100ms": sorted(k for k, v in queries.items() if k in filters and v["p95_ms"] > 100),
            "p50_vs_scan_baseline": {
                k: round(v["p50_ms"] / max(queries["scan_baseline"]["p50_ms"], 0.1), 2)
                for k, v in queries.items()
            },
        }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
