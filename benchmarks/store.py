"""Store query latency at scale: a synthetic store of N events (default 10 million).

Usage: python benchmarks/store.py [--events 10000000] [--segments 10] [--queries 30] [--store DIR]

Builds (or reuses, with --store) a store whose segments hold synthetic events with a realistic skew
(Zipf-distributed countries, 8 sectors, CAMEO codes from the packaged table) over five years of days,
each segment covering its own slice of time as an ingest of the news in arrival order (and compaction,
which merges consecutive segments) leaves it; then
times, through the same functions the CLI and the API use:

* ``dyad_filter`` — :func:`eventwire.query.events.event_rows` for a random dyad (either direction),
  the newest 20 events (``eventwire events --dyad A,B``'s default page) with their mention counts;
  ``dyad_filter_100`` the same with 100;
* ``dyad_trend_month`` — :func:`eventwire.query.trends.dyad_trend` by month for a random dyad;
* ``actor_filter`` — newest 20 events of one actor (source or target);
* ``event_mentions`` — :func:`eventwire.query.events.event_detail`: one event with its mentions
  (``GET /api/events/{id}``);
* ``count_all`` — ``count(*)`` over the event mentions (the scan baseline measured in the same run).

Every event has two mentions (rows ``2k`` and ``2k + 1`` of a segment, with the same actors, code and
day; the first one starts the event), so the listings read one row in two.

Prints one JSON object: per query, p50/p95/p99/max in milliseconds over ``--queries`` runs (after one
warm-up), and the build time.
"""

from __future__ import annotations

import argparse
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

from eventwire.events.cameo import CameoTable
from eventwire.query.events import EventFilter, event_detail, event_rows
from eventwire.query.trends import dyad_trend
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
        codes = sorted(e.code for e in CameoTable.load() if len(e.code) >= 3)
        per = 2 * (n_events // n_segments)  # mention rows: two per event
        span = max(1, 1826 // n_segments)  # five years of days, split over the segments in order
        con = duckdb.connect()
        con.execute("SET threads TO 2")
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
                "goldstein": "round(random() * 20 - 10, 1)",
                "quad_class": "1 + CAST(floor(random() * 4) AS INTEGER)",
                "status": "'asserted'",
                "source_name": "'site' || CAST(floor(random() * 50) AS INTEGER) || '.example'",
                "cluster_id": f"'{seg}-c' || (i // 5)",
                "segment_id": f"'{seg}'",
            }
            select = []
            inner_names = {"source_country", "source_sector", "target_country", "target_sector", "cameo"}
            for name, kind in COLUMNS["events"].items():
                if name in inner_names:
                    select.append(f"CAST({name} AS {kind}) AS {name}")
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
                f"COPY (SELECT {', '.join(select)} FROM (SELECT i, {inner} FROM range({per}) t(i)) "
                f"ORDER BY {SORT_KEYS['events']}) TO '{folder / 'events.parquet'}' "
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
    ap.add_argument("--segments", type=int, default=10)
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
    with StoreReader(root) as reader:
        with reader.cursor() as cur:
            total = cur.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]

        def dyad() -> EventFilter:  # two of the 20 commonest countries: the heaviest dyads
            a, b = rng.sample(top, 2)
            return EventFilter.parse(dyad=f"{a},{b}")

        sample = [
            str(r[0])
            for r in reader.catalog.execute("SELECT event_id FROM events ORDER BY random() LIMIT 1000")
        ]

        def count_all() -> None:
            with reader.cursor() as cur:
                cur.execute("SELECT count(*) FROM events").fetchone()

        result = {
            "events": total,
            "segments": len(reader.segments()),
            "build_seconds": round(build_s, 1),
            "queries": {
                "count_all": _time(count_all, args.queries),
                "dyad_filter": _time(lambda: event_rows(reader, dyad(), limit=20), args.queries),
                "dyad_filter_100": _time(lambda: event_rows(reader, dyad(), limit=100), args.queries),
                "dyad_trend_month": _time(lambda: dyad_trend(reader, dyad(), "month"), args.queries),
                "actor_filter": _time(
                    lambda: event_rows(reader, EventFilter.parse(actor=rng.choice(top)), limit=100),
                    args.queries,
                ),
                "event_mentions": _time(lambda: event_detail(reader, rng.choice(sample)), args.queries),
            },
        }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
