"""Web UI latency on a store of N events (default 10 million): every page, served in process.

Usage: python benchmarks/pages.py [--events 10000000] [--segments 20] [--runs 20] [--store DIR]

Builds (or reuses) a synthetic store like ``benchmarks/store.py`` (time-ordered segments, Zipf-skewed
countries) and adds its articles (three events each, a synthetic title and text from a small news
vocabulary plus a Zipf-distributed filler vocabulary, in the catalog with its full-text index, and in the
segments' ``articles`` tables).  Then requests each page through FastAPI's test client (the app's whole
work: queries, templates, SVG; no network) ``--runs`` times after a warm-up, a different actor, dyad,
article, event or search per run, and prints JSON with p50/p95/max in milliseconds per page, the time
of the first actor page (it builds the rollups: the server does that in the background at start, the
test client here does not),
``over_300ms``, and each page's p50 as a ratio to ``/api/health``'s (the app's fixed cost per request,
measured in the same run).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
from fastapi.testclient import TestClient

from eventwire.serve.app import create_app
from eventwire.store.store import PARQUET_OPTIONS, open_catalog

HERE = Path(__file__).resolve().parent
WORDS = [
    "government",
    "minister",
    "talks",
    "sanctions",
    "border",
    "troops",
    "election",
    "protest",
    "ceasefire",
    "aid",
    "agreement",
    "president",
    "parliament",
    "police",
    "court",
    "refugees",
    "economy",
    "trade",
    "energy",
    "oil",
    "gas",
    "attack",
    "militants",
    "summit",
    "delegation",
    "cooperation",
    "security",
    "vaccine",
    "outbreak",
    "drought",
    "flood",
    "embassy",
    "ambassador",
]


def _store_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", HERE / "store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FILLER = [f"w{i}" for i in range(5000)]
FILLER_WEIGHTS = [1 / (i + 1) for i in range(5000)]  # Zipf: a few common words, a long tail


def _text(rng: random.Random) -> str:
    """60 words: 10 news words (each in about a quarter of the articles) and 50 of a Zipf-distributed
    filler vocabulary, so that a query matches a realistic share of the store, not all of it."""
    words = rng.choices(WORDS, k=10) + rng.choices(FILLER, weights=FILLER_WEIGHTS, k=50)
    rng.shuffle(words)
    return " ".join(words)


def add_articles(root: Path) -> int:
    con = duckdb.connect()
    catalog = open_catalog(root)
    rng = random.Random(11)
    total = 0
    for seg in sorted((root / "segments").iterdir()):
        events = seg / "events.parquet"
        columns = ", ".join(
            [
                "article_id",
                "article_id AS given_id",
                "NULL AS url",
                "any_value(source_name) AS source_name",
                "'bench' AS source",
                "'Synthetic story ' || article_id AS title",
                "CAST(min(day) AS VARCHAR) AS published",
                "min(day) AS day",
                "NULL AS dateline",
                "'en' AS language",
                "400 AS n_chars",
                "CAST(count(*) AS INTEGER) AS n_events",
                "any_value(cluster_id) AS cluster_id",
                "['diplomacy'] AS themes",
                "0.0 AS tone",
                "any_value(segment_id) AS segment_id",
                "CAST(NULL AS TIMESTAMP) AS ingested_at",
            ]
        )
        target = seg / "articles.parquet"
        con.execute(
            f"COPY (SELECT {columns} FROM '{events}' GROUP BY article_id ORDER BY day, article_id) "
            f"TO '{target}' ({PARQUET_OPTIONS})"
        )
        rows = con.execute(
            f"SELECT article_id, CAST(day AS VARCHAR), source_name, cluster_id, segment_id FROM '{target}'"
        ).fetchall()
        with catalog:
            catalog.executemany(
                "INSERT INTO articles (article_id, url_key, text_key, url, title, text, published, day, "
                "source_name, countries, cluster_id, segment_id) "
                "VALUES (?, NULL, ?, NULL, ?, ?, ?, ?, ?, ' ', ?, ?)",
                [(a, a, f"Synthetic story {a}", _text(rng), d, d, src, cl, sg) for a, d, src, cl, sg in rows],
            )
        total += len(rows)
    with catalog:
        catalog.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    catalog.close()
    return total


def _time(client: TestClient, url: Any, runs: int) -> dict[str, float]:
    """``url``: a function giving each run's URL (a different actor, dyad or article per run)."""
    first = url()
    assert client.get(first).status_code == 200, first  # warm-up
    times = []
    for _ in range(runs):
        target = url()
        t = time.perf_counter()
        r = client.get(target)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, target
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
        "max_ms": round(times[-1], 1),
    }


def _articles_missing(root: Path) -> bool:
    catalog = open_catalog(root, readonly=True)
    try:
        return catalog.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    finally:
        catalog.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--segments", type=int, default=20)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument(
        "--store", type=Path, help="reuse (or create) a store; one of benchmarks/store.py's is fine"
    )
    args = ap.parse_args()
    tmp = None
    root = args.store
    if root is None:
        tmp = tempfile.TemporaryDirectory(prefix="eventwire-pages-")
        root = Path(tmp.name)
    built = 0.0
    articles = 0
    started = time.perf_counter()
    if not (root / "catalog.sqlite").exists():
        _store_module().build(root, args.events, args.segments)
    if _articles_missing(root):
        articles = add_articles(root)
    built = time.perf_counter() - started
    rng = random.Random(5)
    store = _store_module()
    top = store.COUNTRIES[:20]
    catalog = open_catalog(root, readonly=True)
    some_articles = [
        r[0] for r in catalog.execute("SELECT article_id FROM articles ORDER BY random() LIMIT 200")
    ]
    some_events = [r[0] for r in catalog.execute("SELECT event_id FROM events ORDER BY random() LIMIT 200")]
    n_events = catalog.execute("SELECT COALESCE(SUM(n_events), 0) FROM segments").fetchone()[0]
    catalog.close()

    def pair() -> tuple[str, str]:
        a, b = rng.sample(top, 2)
        return a, b

    pages: dict[str, Any] = {
        "health": lambda: "/api/health",  # the baseline: the app's fixed cost per request
        "home": lambda: "/",
        "search": lambda: "/search?q=" + "+".join(rng.sample(WORDS, 2)),
        "article": lambda: f"/article/{rng.choice(some_articles)}",
        "event": lambda: f"/event/{rng.choice(some_events)}",
        "dyad": lambda: "/dyad/{}/{}".format(*pair()),
        "actor": lambda: f"/actor/{rng.choice(top)}",
        "events_dyad": lambda: "/events?dyad={},{}".format(*pair()),
        "events_actor": lambda: f"/events?actor={rng.choice(top)}",
        "events_cameo": lambda: f"/events?cameo={rng.randint(1, 20):02d}",
        "events_all": lambda: "/events",
        "api_events": lambda: "/api/events?dyad={},{}&limit=50".format(*pair()),
        "api_event": lambda: f"/api/events/{rng.choice(some_events)}",
        "api_trend_actor": lambda: f"/api/trends/actor?actor={rng.choice(top)}",
    }
    client = TestClient(create_app(root))
    t = time.perf_counter()
    client.get("/actor/USA")  # the server's first request that needs the rollups builds them
    first = (time.perf_counter() - t) * 1000
    timed = {name: _time(client, url, args.runs) for name, url in pages.items()}
    result = {
        "events": n_events,
        "articles_added": articles,
        "build_seconds": round(built, 1),
        "first_actor_page_ms": round(first, 1),
        "pages": timed,
        "over_300ms": sorted(k for k, v in timed.items() if v["p95_ms"] > 300),
        "p50_vs_health": {
            k: round(v["p50_ms"] / max(timed["health"]["p50_ms"], 0.1), 1) for k, v in timed.items()
        },
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
