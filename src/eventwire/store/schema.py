"""The store's tables: Parquet segment columns (DuckDB types) and the SQLite catalog.

A store is a directory::

    STORE/catalog.sqlite        the catalog (SQLite, WAL): committed segments, one row per stored
                                article (dedup keys, title, text, story cluster), the full-text
                                index (FTS5), MinHash bands, ingest runs and failures
    STORE/segments/<id>/*.parquet  one committed batch: articles, sentences, mentions, events
    STORE/schema/*.parquet      empty tables with every column (so an empty store can be queried)
    STORE/ingest.lock           held by the one ingest writing to the store

A segment counts only once its row is in ``segments`` (written in the same SQLite transaction as its
articles, their search index rows and the event-group counts); directories that are not (a crash
between writing the files and committing) are ignored by readers and removed by the next ingest.
Small segments are merged by compaction (same transaction rule; the replaced directories are moved to
``STORE/trash`` and deleted by a later ingest).

Event groups (GDELT's "one event, many mentions"): events with the same ``group_key`` (day, source,
target, CAMEO code) are one event; ``event_groups.num_mentions`` counts its event rows and
``group_articles`` its distinct articles (with their publisher and story cluster).
"""

from __future__ import annotations

__all__ = ["CATALOG_DDL", "COLUMNS", "SCHEMA_VERSION", "SORT_KEYS", "TABLES"]

SCHEMA_VERSION = 2  # 2: events gained dyad_key (sort key); event-group counts in the catalog

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "VARCHAR",  # store id: sha1 of the normalised URL, else of the normalised text
        "given_id": "VARCHAR",  # the id the input gave (JSONL "id"), else the text-derived id
        "url": "VARCHAR",
        "source_name": "VARCHAR",  # the URL's host, else "local"
        "source": "VARCHAR",  # file path or URL read
        "title": "VARCHAR",
        "published": "VARCHAR",  # ISO 8601 as extracted
        "day": "DATE",  # publication day
        "dateline": "VARCHAR",
        "language": "VARCHAR",
        "n_chars": "INTEGER",
        "n_events": "INTEGER",
        "cluster_id": "VARCHAR",  # story cluster (the first stored article of the near-duplicates)
        "themes": "VARCHAR[]",
        "tone": "DOUBLE",
        "segment_id": "VARCHAR",
        "ingested_at": "TIMESTAMP",
    },
    "sentences": {
        "article_id": "VARCHAR",
        "sentence": "INTEGER",
        "start": "INTEGER",
        "end": "INTEGER",
    },
    "mentions": {
        "article_id": "VARCHAR",
        "start": "INTEGER",
        "end": "INTEGER",
        "text": "VARCHAR",
        "code": "VARCHAR",
        "country": "VARCHAR",
        "sector": "VARCHAR",
        "members": "VARCHAR[]",
        "matched_by": "VARCHAR",
    },
    "events": {
        "event_id": "VARCHAR",
        "article_id": "VARCHAR",
        "group_key": "VARCHAR",  # same day, source, target and CAMEO code = one event, many mentions
        "dyad_key": "VARCHAR",  # the two countries in alphabetical order, "CHN|RUS" (either direction)
        "day": "DATE",  # the event's date, else the article's publication day
        "date": "DATE",  # the event's own date (None when unknown)
        "date_source": "VARCHAR",
        "date_text": "VARCHAR",
        "source_code": "VARCHAR",
        "source_country": "VARCHAR",
        "source_sector": "VARCHAR",
        "source_text": "VARCHAR",
        "source_start": "INTEGER",
        "source_end": "INTEGER",
        "source_matched_by": "VARCHAR",
        "target_code": "VARCHAR",
        "target_country": "VARCHAR",
        "target_sector": "VARCHAR",
        "target_text": "VARCHAR",
        "target_start": "INTEGER",
        "target_end": "INTEGER",
        "target_matched_by": "VARCHAR",
        "cameo": "VARCHAR",
        "cameo_root": "VARCHAR",
        "cameo_name": "VARCHAR",
        "goldstein": "DOUBLE",
        "quad_class": "INTEGER",
        "plover_event": "VARCHAR",
        "plover_mode": "VARCHAR",
        "status": "VARCHAR",
        "sentence": "INTEGER",
        "sentence_text": "VARCHAR",
        "trigger": "VARCHAR",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "pattern": "VARCHAR",
        "location_name": "VARCHAR",
        "location_country": "VARCHAR",
        "location_adm1": "VARCHAR",
        "location_lat": "DOUBLE",
        "location_lon": "DOUBLE",
        "source_name": "VARCHAR",
        "url": "VARCHAR",
        "cluster_id": "VARCHAR",
        "segment_id": "VARCHAR",
        "ingested_at": "TIMESTAMP",
    },
}
TABLES = tuple(COLUMNS)

# Row order inside a segment file: Parquet row groups then carry narrow min/max ranges of these
# columns, so filters on them (a dyad, an article) skip most of the file.
SORT_KEYS: dict[str, str] = {
    "articles": "day, article_id",
    "sentences": "article_id, sentence",
    "mentions": "country, article_id, start",
    "events": "dyad_key, day, event_id",
}

CATALOG_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id TEXT NOT NULL UNIQUE,
    run_id TEXT,
    created TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    url_key TEXT UNIQUE,
    text_key TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    day TEXT,
    source_name TEXT NOT NULL,
    countries TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    segment_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TABLE IF NOT EXISTS minhash (band_key INTEGER NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS minhash_band ON minhash(band_key);
CREATE TABLE IF NOT EXISTS signatures (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS event_groups (
    group_key TEXT PRIMARY KEY,
    num_mentions INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS group_articles (
    group_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    source_name TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    PRIMARY KEY (group_key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (source, code)
);
"""
