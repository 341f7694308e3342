"""The store's tables: Parquet segment columns (DuckDB types) and the SQLite catalog.

A store is a directory::

    STORE/catalog.sqlite        the catalog (SQLite, WAL): committed segments, one row per stored
                                article (dedup keys, title, text, story cluster), the full-text
                                index (FTS5), MinHash bands, the Events table, ingest runs and failures
    STORE/segments/<id>/*.parquet  one committed batch: articles, sentences, mentions, events
    STORE/schema/*.parquet      empty tables with every column (so an empty store can be queried)
    STORE/ingest.lock           held by the one ingest writing to the store

A segment counts only once its row is in ``segments`` (written in the same SQLite transaction as its
articles, their search index rows and its events); directories that are not (a crash between writing
the files and committing) are ignored by readers and removed by the next ingest. Small segments are
merged by compaction (same transaction rule; the replaced directories are moved to ``STORE/trash``
and deleted by a later ingest).

Events and mentions (GDELT 2.0's Events and Mentions tables):

* the Parquet ``events`` table holds one row per *mention*: one coded report of an event in one
  article (its sentence, offsets, trigger, confidence, date as reported), with ``mention_id`` (its own
  id), ``event_id`` (the id of the event it reports) and ``first_mention`` (it started that event).
  (The Parquet ``mentions`` table holds the *actor* mentions of the articles.)
* the catalog's ``events`` table is the Events table: one row per event (one happening, however many
  articles report it) with its identity (see :mod:`eventwire.events.identity`), ``num_mentions``,
  the span of its mentions' days and when it was first stored; ``event_articles`` lists its distinct
  articles with their publisher and story cluster (``num_articles``, ``num_sources``,
  ``num_stories``). An event's id is its first mention's id; its descriptive columns (codes, actors,
  location, date) are those of its first mention, the row with ``first_mention`` true.

Which event a mention joins is decided at ingest (:mod:`eventwire.store.grouping`).
"""

from __future__ import annotations

__all__ = ["CATALOG_DDL", "COLUMNS", "SCHEMA_VERSION", "SORT_KEYS", "TABLES"]

SCHEMA_VERSION = 4  # 3: events are mentions of identity-grouped events (catalog events table);
# 4: each mention says who coded it (``coded_by``: the rules, the learned classifier, or both)
# 2: events gained dyad_key (sort key); event-group counts in the catalog

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
        "event_id": "VARCHAR",  # the event this mention reports (its first mention's mention_id)
        "mention_id": "VARCHAR",  # this mention: the article's id and the mention's place in it
        "first_mention": "BOOLEAN",  # this mention started its event (mention_id = event_id)
        "article_id": "VARCHAR",
        "dyad_key": "VARCHAR",  # the two countries in alphabetical order, "CHN|RUS" (either direction)
        "day": "DATE",  # the event's date, else the article's publication day
        "date": "DATE",  # the event's own date (None when unknown)
        "date_precision": "VARCHAR",  # "day", "month", "year"; None when undated
        "date_source": "VARCHAR",
        "date_text": "VARCHAR",
        "historical": "BOOLEAN",  # the text places it more than a year before publication
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
        "confidence": "DOUBLE",
        "coded_by": "VARCHAR",  # "rule", "model" or "both"
        "context": "VARCHAR[]",  # PLOVER contexts
        "location_name": "VARCHAR",
        "location_country": "VARCHAR",
        "location_adm1": "VARCHAR",
        "location_lat": "DOUBLE",
        "location_lon": "DOUBLE",
        "location_precision": "VARCHAR",  # "city", "adm1", "country" or ""
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
    "events": "dyad_key, day, event_id, mention_id",
}

CATALOG_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id TEXT NOT NULL UNIQUE,
    run_id TEXT,
    created TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,  -- rows of its events table
    n_events INTEGER NOT NULL,  -- events its mentions started
    n_historical INTEGER NOT NULL DEFAULT 0  -- of which historical (counts without a scan)
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
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order
    event_id TEXT NOT NULL UNIQUE,  -- its first mention's id
    base TEXT NOT NULL,  -- identity: source | target | CAMEO to 3 digits | location country
    precision TEXT NOT NULL,  -- of its date: day, month, year, or '' (undated)
    day TEXT,  -- its first mention's date (ISO), the anchor of the join windows
    derived INTEGER NOT NULL,  -- 1: that date is the story's or the publication's
    dyad_key TEXT NOT NULL,
    first_day TEXT,  -- earliest and latest day of its mentions (ISO)
    last_day TEXT,
    num_mentions INTEGER NOT NULL,
    added TEXT NOT NULL  -- when its first mention was stored
);
CREATE INDEX IF NOT EXISTS events_identity ON events(base, precision, day);
CREATE TABLE IF NOT EXISTS event_articles (
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    source_name TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
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
