"""The embedded event store: Parquet segments under a SQLite catalog (see :mod:`.schema`).

:class:`Store` is the writer (one ingest at a time, by an exclusive lock file); it adds coded
articles in batches, each batch one segment committed atomically.  :class:`StoreReader` is the
read side (any number, also while an ingest writes): a DuckDB connection whose views read the
committed segments, refreshed when new segments appear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import itertools
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import numpy as np

from eventwire.errors import QueryTimeoutError, StoreBusyError, StoreError
from eventwire.events.identity import EventIdentity, event_identity
from eventwire.extract.dedup import (
    NEAR_DUPLICATE,
    band_keys,
    jaccard_estimate,
    minhash,
    text_key,
    url_key,
)
from eventwire.extract.themes import article_themes_and_tone
from eventwire.models import ActorMention, Article, Event
from eventwire.store.grouping import EventGrouper, MentionInfo
from eventwire.store.rollup import Rollups
from eventwire.store.schema import CATALOG_DDL, COLUMNS, SCHEMA_VERSION, SORT_KEYS, TABLES

__all__ = [
    "Store",
    "StoreReader",
    "StoredArticle",
    "dyad_key",
    "mention_identity",
    "open_catalog",
    "store_id",
]


def store_id(article: Article) -> str:
    """The store's id of an article: from its normalised URL when it has one, else its text."""
    return url_key(article.url) if article.url else text_key(article.text)


def open_catalog(root: Path, readonly: bool = False) -> sqlite3.Connection:
    path = root / "catalog.sqlite"
    if readonly:
        if not path.exists():
            raise StoreError(f"{root}: no event store here (run `eventwire ingest` first)")
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    else:
        con = sqlite3.connect(path, timeout=30, check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
    con.row_factory = sqlite3.Row
    return con


def _schema_version(con: sqlite3.Connection) -> int | None:
    """The catalog's schema version; None while the store is being created."""
    try:
        found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        return None  # the first ingest has not created the tables yet
    return int(found[0]) if found is not None else None


def _schema_error(root: Path, found: int) -> StoreError:
    why = (
        " (events are now grouped into happenings with their mentions)"
        if found < 3
        else " (each mention now says who coded it)"
        if found < 4
        else ""
    )
    return StoreError(
        f"{root}: store schema {found}, this eventwire reads {SCHEMA_VERSION}{why}; "
        "ingest the articles again into a new --store (or remove this one)"
    )


# When the query being run must stop (time.monotonic()), for the request being served; None = never.
QUERY_DEADLINE: ContextVar[float | None] = ContextVar("eventwire_query_deadline", default=None)
_CHECK_EVERY = 2_000  # SQLite virtual-machine steps between two looks at the deadline


@contextmanager
def query_deadline(seconds: float | None) -> Iterator[None]:
    """Queries of the store run in this context (and in threads started from it with a copy of the
    context, as Starlette's thread pool does) stop after ``seconds`` with :class:`QueryTimeoutError`."""
    token = QUERY_DEADLINE.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        QUERY_DEADLINE.reset(token)


def _past_deadline() -> int:
    deadline = QUERY_DEADLINE.get()
    return 1 if deadline is not None and time.monotonic() > deadline else 0


def timeout_error(limit: float | None = None) -> QueryTimeoutError:
    within = f" of {limit:g} s" if limit else ""
    return QueryTimeoutError(f"the query ran past the time limit{within} and was stopped; narrow the filters")


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the writer decided for one article of a batch."""

    article_id: str
    cluster_id: str
    duplicate_of: str | None = None  # an exact duplicate (same URL or text) is not stored


def _day(value: str | None) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _source_name(article: Article) -> str:
    if article.url:
        host = urlsplit(article.url).netloc.lower().removeprefix("www.")
        if host:
            return host
    return "local"


class Store:
    """Writer side of a store directory.  Use as a context manager: it holds the ingest lock."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._lock_fh: Any = None
        self.catalog: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ open / close
    def __enter__(self) -> Store:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        try:
            (self.root / "segments").mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot create the store: {exc.strerror or exc}") from exc
        self._lock()
        self.catalog = open_catalog(self.root)
        found = _schema_version(self.catalog)
        if found is not None and found != SCHEMA_VERSION:  # checked before any table is added to it
            self.close()
            raise _schema_error(self.root, found)
        self.catalog.executescript(CATALOG_DDL)
        _write_schema_files(self.root)
        if found is None:  # the version is written last: a reader meeting a store half made waits
            self.catalog.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.catalog.commit()
        self._remove_orphans()
        self._empty_trash()

    def close(self) -> None:
        if self.catalog is not None:
            self.catalog.close()
            self.catalog = None
        if self._lock_fh is not None:
            fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
            self._lock_fh.close()
            self._lock_fh = None

    def _lock(self) -> None:
        fh = open(self.root / "ingest.lock", "a+")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise StoreBusyError(
                f"{self.root}: another ingest ({holder}) is writing to this store; "
                "wait for it to finish or use another --store"
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        self._lock_fh = fh

    def _remove_orphans(self) -> None:
        """Segment directories no committed row names: a crash between files and commit."""
        assert self.catalog is not None
        committed = {r[0] for r in self.catalog.execute("SELECT segment_id FROM segments")}
        for path in (self.root / "segments").iterdir():
            if path.name not in committed:
                shutil.rmtree(path, ignore_errors=True)

    # ------------------------------------------------------------------ dedup
    def known(self, article: Article) -> str | None:
        """The stored article this one exactly duplicates (same URL or same text), or None."""
        assert self.catalog is not None
        row = self.catalog.execute(
            "SELECT article_id FROM articles WHERE text_key = ? OR (url_key IS NOT NULL AND url_key = ?)",
            (text_key(article.text), url_key(article.url) if article.url else None),
        ).fetchone()
        return str(row[0]) if row is not None else None

    def _cluster(self, signature: np.ndarray, bands: list[int], pending: dict[str, np.ndarray]) -> str | None:
        """The story cluster of the most similar stored (or pending) article, if near enough."""
        assert self.catalog is not None
        marks = ",".join("?" * len(bands))
        rows = self.catalog.execute(  # the articles sharing an LSH band, in one query
            "SELECT s.signature, a.cluster_id FROM signatures s JOIN articles a USING (article_id) "
            f"WHERE s.article_id IN (SELECT article_id FROM minhash WHERE band_key IN ({marks}))",
            bands,
        )
        stored = ((np.frombuffer(sig, dtype=np.uint64), str(cluster)) for sig, cluster in rows)
        best: tuple[float, str] | None = None
        for other, cluster in itertools.chain(stored, ((sig, c) for c, sig in pending.items())):
            sim = jaccard_estimate(signature, other)
            if sim >= NEAR_DUPLICATE and (best is None or sim > best[0]):
                best = (sim, cluster)
        return best[1] if best is not None else None

    # ------------------------------------------------------------------ write
    def add_batch(
        self,
        coded: Sequence[tuple[Article, list[Event], list[ActorMention], list[tuple[int, int]]]],
        run_id: str = "",
        themes: Sequence[tuple[list[str], float] | None] = (),
    ) -> list[StoredArticle]:
        """Store one batch of coded articles as one segment, committed atomically.  Articles already
        stored (or repeated within the batch) are reported as duplicates and skipped.  ``themes``:
        each article's (themes, tone) when already computed (by a worker), else computed here."""
        assert self.catalog is not None
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        segment_id = f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        results: list[StoredArticle] = []
        catalog_rows: list[tuple[Any, ...]] = []
        lsh_rows: list[tuple[int, str]] = []
        sig_rows: list[tuple[str, bytes]] = []
        seen_text: dict[str, str] = {}
        seen_url: dict[str, str] = {}
        pending: dict[str, np.ndarray] = {}
        grouper = EventGrouper(self.catalog)
        for n, (article, events, mentions, sentences) in enumerate(coded):
            aid = store_id(article)
            tkey, ukey = text_key(article.text), url_key(article.url) if article.url else None
            dup = self.known(article) or seen_text.get(tkey) or (seen_url.get(ukey) if ukey else None)
            if dup is not None:
                results.append(StoredArticle(aid, "", dup))
                continue
            seen_text[tkey] = aid
            if ukey:
                seen_url[ukey] = aid
            signature = minhash(article.text)
            bands = band_keys(signature)
            cluster = self._cluster(signature, bands, pending) or aid
            pending.setdefault(cluster, signature)
            lsh_rows += [(b, aid) for b in bands]
            sig_rows.append((aid, signature.astype(np.uint64).tobytes()))
            source_name = _source_name(article)
            day = _day(article.published)
            known = themes[n] if n < len(themes) else None
            theme_list, tone = (
                known if known is not None else article_themes_and_tone(article.title, article.text)
            )
            rows["articles"].append(
                {
                    "article_id": aid,
                    "given_id": article.id,
                    "url": article.url,
                    "source_name": source_name,
                    "source": article.source,
                    "title": article.title,
                    "published": article.published,
                    "day": day,
                    "dateline": article.dateline,
                    "language": article.language,
                    "n_chars": len(article.text),
                    "n_events": len(events),
                    "cluster_id": cluster,
                    "themes": theme_list,
                    "tone": tone,
                    "segment_id": segment_id,
                    "ingested_at": now.isoformat(),
                }
            )
            rows["sentences"] += [
                {"article_id": aid, "sentence": i, "start": s, "end": e} for i, (s, e) in enumerate(sentences)
            ]
            rows["mentions"] += [_mention_row(aid, m) for m in mentions]
            extra = {
                "source_name": source_name,
                "url": article.url,
                "cluster_id": cluster,
                "segment_id": segment_id,
                "ingested_at": now.isoformat(),
            }
            for e in events:
                row = _event_row(aid, article, e, day, extra)
                identity = mention_identity(e, day)
                info = MentionInfo(
                    row["mention_id"], aid, source_name, cluster, row["dyad_key"], row["day"], now.isoformat()
                )
                row["event_id"] = grouper.assign(identity, info)
                row["first_mention"] = row["event_id"] == row["mention_id"]
                rows["events"].append(row)
            countries = sorted({c for m in mentions for c in _countries(m)})
            catalog_rows.append(
                (
                    aid,
                    ukey,
                    tkey,
                    article.url,
                    article.title,
                    article.text,
                    article.published,
                    day,
                    source_name,
                    " " + " ".join(countries) + " ",
                    cluster,
                    segment_id,
                )
            )
            results.append(StoredArticle(aid, cluster))
        if not catalog_rows:
            return results
        self._commit_segment(segment_id, run_id, now, rows, catalog_rows, lsh_rows, sig_rows, grouper)
        return results

    def _commit_segment(
        self,
        segment_id: str,
        run_id: str,
        now: dt.datetime,
        rows: dict[str, list[dict[str, Any]]],
        catalog_rows: list[tuple[Any, ...]],
        lsh_rows: list[tuple[int, str]],
        sig_rows: list[tuple[str, bytes]],
        grouper: EventGrouper,
    ) -> None:
        assert self.catalog is not None
        final = self.root / "segments" / segment_id
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root / "segments"))
        try:
            for table, table_rows in rows.items():
                _write_parquet(tmp / f"{table}.parquet", table, table_rows)
            os.replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        cat = self.catalog
        try:
            with cat:  # one transaction: the segment, its articles, their search rows and events
                cat.execute(
                    "INSERT INTO segments (segment_id, run_id, created, n_articles, n_mentions, n_events, "
                    "n_historical) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        segment_id,
                        run_id,
                        now.isoformat(),
                        len(catalog_rows),
                        len(rows["events"]),
                        grouper.new_events,
                        sum(bool(r["first_mention"] and r["historical"]) for r in rows["events"]),
                    ),
                )
                cat.executemany(
                    "INSERT INTO articles (article_id, url_key, text_key, url, title, text, published, day, "
                    "source_name, countries, cluster_id, segment_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    catalog_rows,
                )
                ids = [r[0] for r in catalog_rows]
                marks = ",".join("?" * len(ids))
                cat.execute(
                    "INSERT INTO article_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
                    f"WHERE article_id IN ({marks})",
                    ids,
                )
                cat.executemany("INSERT INTO minhash VALUES (?, ?)", lsh_rows)
                cat.executemany("INSERT INTO signatures VALUES (?, ?)", sig_rows)
                grouper.write(cat)
                sources = [r["source"] for r in rows["articles"]] + [
                    r["url"] for r in rows["articles"] if r["url"]
                ]
                _forget_failures(cat, sources)
        except BaseException:
            shutil.rmtree(final, ignore_errors=True)
            raise

    # ------------------------------------------------------------------ compaction
    def compact(self, max_events: int = 1_000_000, min_segments: int = 16) -> int:
        """Merge runs of small committed segments (each under a quarter of ``max_events``) into
        segments of up to ``max_events`` events, sorted like any segment; does nothing while fewer
        than ``min_segments`` are small.  Returns the number of segments replaced."""
        assert self.catalog is not None
        rows = self.catalog.execute(
            "SELECT segment_id, n_articles, n_mentions, n_events, n_historical FROM segments ORDER BY seq"
        ).fetchall()
        small = [r for r in rows if r[2] < max_events // 4]
        if len(small) < min_segments:
            return 0
        groups: list[list[Any]] = [[]]
        for row in small:
            if groups[-1] and sum(r[2] for r in groups[-1]) + row[2] > max_events:
                groups.append([])
            groups[-1].append(row)
        replaced = 0
        for group in groups:
            if len(group) > 1:
                self._merge(group)
                replaced += len(group)
        return replaced

    def _merge(self, group: list[Any]) -> None:
        assert self.catalog is not None
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        segment_id = f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}-c"
        old = [str(r[0]) for r in group]
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root / "segments"))
        con = duckdb.connect()
        try:
            for table in TABLES:
                files = ", ".join(
                    f"'{_sql_path(str(self.root / 'segments' / s / f'{table}.parquet'))}'" for s in old
                )
                replace = f" REPLACE ('{segment_id}' AS segment_id)" if "segment_id" in COLUMNS[table] else ""
                target = _sql_path(str(tmp / f"{table}.parquet"))
                con.execute(
                    f"COPY (SELECT *{replace} FROM read_parquet([{files}]) ORDER BY {SORT_KEYS[table]}) "
                    f"TO '{target}' ({PARQUET_OPTIONS})"
                )
            os.replace(tmp, self.root / "segments" / segment_id)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        finally:
            con.close()
        marks = ",".join("?" * len(old))
        with self.catalog:
            self.catalog.execute(
                "INSERT INTO segments (segment_id, run_id, created, n_articles, n_mentions, n_events, "
                "n_historical) VALUES (?, 'compaction', ?, ?, ?, ?, ?)",
                (segment_id, now.isoformat(), *(sum(r[i] for r in group) for i in range(1, 5))),
            )
            self.catalog.execute(
                f"UPDATE articles SET segment_id = ? WHERE segment_id IN ({marks})", [segment_id, *old]
            )
            self.catalog.execute(f"DELETE FROM segments WHERE segment_id IN ({marks})", old)
        trash = self.root / "trash"
        trash.mkdir(exist_ok=True)
        for s in old:  # readers may still be scanning them: removed by a later open, not now
            os.replace(self.root / "segments" / s, trash / s)

    def _empty_trash(self, older_than: float = 3600.0) -> None:
        trash = self.root / "trash"
        if not trash.is_dir():
            return
        cutoff = dt.datetime.now().timestamp() - older_than
        for path in trash.iterdir():
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)

    # ------------------------------------------------------------------ runs and failures
    def start_run(self) -> str:
        assert self.catalog is not None
        run_id = uuid.uuid4().hex[:12]
        with self.catalog:
            self.catalog.execute("INSERT INTO runs (run_id, started) VALUES (?, ?)", (run_id, _now()))
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        assert self.catalog is not None
        with self.catalog:
            self.catalog.execute(
                "UPDATE runs SET finished=?, read=?, stored=?, duplicates=?, failed=?, events=? "
                "WHERE run_id=?",
                (
                    _now(),
                    counts.get("read", 0),
                    counts.get("stored", 0),
                    counts.get("duplicates", 0),
                    counts.get("failed", 0),
                    counts.get("events", 0),
                    run_id,
                ),
            )

    def clear_failures(self, sources: Sequence[str]) -> None:
        """Forget the failures recorded for ``sources`` (they are stored now), in one transaction."""
        assert self.catalog is not None
        if sources:
            with self.catalog:
                _forget_failures(self.catalog, sources)

    def record_failure(self, source: str, code: str, reason: str, run_id: str) -> None:
        assert self.catalog is not None
        with self.catalog:
            self.catalog.execute(
                "INSERT OR REPLACE INTO failures (source, code, reason, run_id, at) VALUES (?,?,?,?,?)",
                (source, code, reason, run_id, _now()),
            )


def _forget_failures(cat: sqlite3.Connection, sources: Sequence[str]) -> None:
    cat.executemany("DELETE FROM failures WHERE source = ?", [(x,) for x in sources])


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat()


def _countries(m: ActorMention) -> list[str]:
    return [c.country for c in m.members if c.country] if m.members else ([m.country] if m.country else [])


def _mention_row(aid: str, m: ActorMention) -> dict[str, Any]:
    return {
        "article_id": aid,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "code": m.code,
        "country": m.country,
        "sector": m.sector,
        "members": [c.code for c in m.members],
        "matched_by": m.matched_by,
    }


def dyad_key(a: str, b: str) -> str:
    """The unordered pair of two actors' countries ("CHN|RUS" for either direction)."""
    return "|".join(sorted((a, b)))


def mention_identity(e: Event, article_day: str | None) -> EventIdentity:
    """The identity of the happening a mention reports, dated like its stored ``day``: an event
    without a date of its own takes its article's publication day (a derived date)."""
    if _day(e.date) is None:
        e = dataclasses.replace(
            e, date=article_day, date_source="article" if article_day else "none", date_precision=None
        )
    return event_identity(e)


def _event_row(
    aid: str, article: Article, e: Event, article_day: str | None, extra: dict[str, Any]
) -> dict[str, Any]:
    own_day = _day(e.date)
    day = own_day or article_day
    t = e.target
    loc = e.location
    prefix = article.id + "-"
    local = e.event_id[len(prefix) :] if e.event_id.startswith(prefix) else e.event_id
    return {
        "event_id": None,  # set by the grouping
        "mention_id": f"{aid}-{local}",
        "first_mention": None,
        "article_id": aid,
        "dyad_key": dyad_key(e.source.country, t.country if t else ""),
        "day": day,
        "date": own_day,
        "date_precision": (e.date_precision or "day") if own_day else None,
        "date_source": e.date_source,
        "date_text": e.date_text,
        "historical": e.historical,
        "source_code": e.source.code,
        "source_country": e.source.country,
        "source_sector": e.source.sector,
        "source_text": e.source.text,
        "source_start": e.source.start,
        "source_end": e.source.end,
        "source_matched_by": e.source.matched_by,
        "target_code": t.code if t else "",
        "target_country": t.country if t else "",
        "target_sector": t.sector if t else "",
        "target_text": t.text if t else "",
        "target_start": t.start if t else None,
        "target_end": t.end if t else None,
        "target_matched_by": t.matched_by if t else "",
        "cameo": e.cameo,
        "cameo_root": e.cameo[:2],
        "cameo_name": e.cameo_name,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "plover_event": e.plover.event,
        "plover_mode": e.plover.mode,
        "status": e.status,
        "sentence": e.sentence,
        "sentence_text": e.sentence_text,
        "trigger": e.trigger,
        "char_start": e.char_span[0],
        "char_end": e.char_span[1],
        "pattern": e.pattern,
        "confidence": e.confidence,
        "coded_by": e.coded_by,
        "context": list(e.context),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_adm1": loc.adm1 if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        **extra,
    }


def _columns_sql(table: str) -> str:
    cols = ", ".join(f"'{name}': '{kind}'" for name, kind in COLUMNS[table].items())
    return "{" + cols + "}"


def _write_parquet(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Rows -> one Parquet file with the table's columns and types (through DuckDB's JSON reader)."""
    con = duckdb.connect()
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            src = fh.name
        names = ", ".join(f'"{c}"' for c in COLUMNS[table])
        if rows:
            select = (
                f"SELECT {names} FROM read_json('{_sql_path(src)}', format='newline_delimited', "
                f"columns={_columns_sql(table)}) ORDER BY {SORT_KEYS[table]}"
            )
        else:
            casts = ", ".join(f'CAST(NULL AS {kind}) AS "{c}"' for c, kind in COLUMNS[table].items())
            select = f"SELECT {casts} WHERE false"
        con.execute(f"COPY ({select}) TO '{_sql_path(str(path))}' ({PARQUET_OPTIONS})")
    finally:
        con.close()
        if "src" in locals():
            os.unlink(src)


# Small row groups: filters on the sort keys (a dyad, an actor) then skip most of a large segment.
PARQUET_OPTIONS = "FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE 4096"


def _sql_path(path: str) -> str:
    return path.replace("'", "''")


def _write_schema_files(root: Path) -> None:
    folder = root / "schema"
    folder.mkdir(exist_ok=True)
    for table in TABLES:
        target = folder / f"{table}.parquet"
        if not target.exists():
            tmp = folder / f".{table}.parquet.tmp"
            _write_parquet(tmp, table, [])
            os.replace(tmp, target)


LATE_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class SegmentSpan:
    """One committed segment's events file and the first and last day of its events (None: undated)."""

    segment_id: str
    seq: int
    events_file: str  # a SQL string literal's content (quotes doubled)
    first_day: dt.date | None
    last_day: dt.date | None


class StoreReader:
    """Read side: a DuckDB connection with ``articles``, ``sentences``, ``mentions`` and ``events``
    views over the committed segments, and the catalog for text and search."""

    def __init__(self, root: str | Path, rollups: bool = False) -> None:
        """``rollups``: answer the counts, partners and monthly series of simple filters from
        per-segment rollups (:mod:`eventwire.store.rollup`), built on first use — for a long-lived
        reader such as the server's; a one-off command scans instead."""
        self.root = Path(root)
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            found = _schema_version(self.catalog)
        except sqlite3.Error:
            self.close_catalogs()
            raise
        if found is None or found != SCHEMA_VERSION:
            self.close_catalogs()
            if found is None:  # the version is written last, once the store is complete
                raise StoreError(f"{self.root}: the store is being created; try again in a moment")
            raise _schema_error(self.root, found)
        self.db = duckdb.connect()
        # segment files never change once written; a page reads its own rows' other columns only
        self.db.execute("SET GLOBAL parquet_metadata_cache = true")
        self.db.execute(f"SET GLOBAL late_materialization_max_rows = {LATE_ROWS}")
        self._seq = -1
        self._days: dict[str, tuple[dt.date | None, dt.date | None]] = {}  # per segment, never changes
        self._view: list[tuple[str, int]] = []  # (segment id, seq) of the segments the views read
        self._rollups = Rollups(self.db) if rollups else None
        self.refresh()

    def rollups(self) -> bool:
        """True when this reader answers from rollups; then the rollup tables hold the rows of exactly
        the segments the catalog lists now (updated in one transaction)."""
        if self._rollups is None:
            return False
        current = [str(r[0]) for r in self.catalog.execute("SELECT segment_id FROM segments ORDER BY seq")]
        files = {sid: _sql_path(str(self.root / "segments" / sid / "events.parquet")) for sid in current}
        self._rollups.ensure(files)
        return True

    @property
    def catalog(self) -> sqlite3.Connection:
        """This thread's read-only connection to the catalog (SQLite connections are per thread)."""
        con: sqlite3.Connection | None = getattr(self._local, "catalog", None)
        if con is None:
            con = open_catalog(self.root, readonly=True)
            con.set_progress_handler(_past_deadline, _CHECK_EVERY)  # "interrupted" past the deadline
            self._local.catalog = con
            with self._lock:
                self._opened.append(con)
        return con

    def close_catalogs(self) -> None:
        with self._lock:
            for con in self._opened:
                con.close()
            self._opened.clear()
        self._local = threading.local()

    def close(self) -> None:
        self.close_catalogs()
        self.db.close()

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def segments(self) -> list[str]:
        return [r[0] for r in self.catalog.execute("SELECT segment_id FROM segments ORDER BY seq")]

    def spans(self) -> list[SegmentSpan]:
        """The segments the views read, newest events first (by their last day, undated last; then the
        newer segment), each with the day range of its events.  A segment's range is read once (one
        scan of its ``day`` column) and kept: segment files never change."""
        out = []
        for segment_id, seq in self._view:  # as the views read them (not a later compaction's)
            path = _sql_path(str(self.root / "segments" / segment_id / "events.parquet"))
            if segment_id not in self._days:
                with self.cursor() as cur:
                    found = cur.execute(f"SELECT min(day), max(day) FROM read_parquet('{path}')").fetchone()
                self._days[segment_id] = (found[0], found[1]) if found else (None, None)
            first, last = self._days[segment_id]
            out.append(SegmentSpan(segment_id, int(seq), path, first, last))
        out.sort(key=lambda s: (s.last_day is None, -(s.last_day.toordinal() if s.last_day else 0), -s.seq))
        return out

    @property
    def seq(self) -> int:
        """The newest committed segment the views read (its ``segments.seq``)."""
        return self._seq

    def refresh(self) -> bool:
        """Point the views at the committed segments; True when new ones appeared (cheap when none
        did: one indexed SQLite read)."""
        row = self.catalog.execute("SELECT COALESCE(MAX(seq), 0) FROM segments").fetchone()
        seq = int(row[0]) if row is not None else 0
        if seq == self._seq:
            return False
        with self._lock:
            return self._point_views(seq)

    def _point_views(self, seq: int) -> bool:
        if seq == self._seq:
            return False
        rows = self.catalog.execute("SELECT segment_id, seq FROM segments ORDER BY seq").fetchall()
        self._view = [(str(r[0]), int(r[1])) for r in rows]
        segments = [sid for sid, _ in self._view]
        for table in TABLES:
            files = [str(self.root / "schema" / f"{table}.parquet")]
            files += [str(self.root / "segments" / s / f"{table}.parquet") for s in segments]
            listing = ", ".join(f"'{_sql_path(f)}'" for f in files)
            self.db.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet([{listing}])")
        self._seq = seq
        return True

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the DuckDB connection (one per thread); interrupted at the query deadline
        (:func:`query_deadline`) with :class:`QueryTimeoutError`."""
        deadline = QUERY_DEADLINE.get()
        if deadline is not None and time.monotonic() >= deadline:
            raise timeout_error()
        cur = self.db.cursor()
        timer = None
        guard = threading.Lock()
        closed = False

        def interrupt() -> None:
            with guard:  # never after close
                if not closed:
                    cur.interrupt()

        if deadline is not None:
            timer = threading.Timer(deadline - time.monotonic(), interrupt)
            timer.daemon = True
            timer.start()
        try:
            yield cur
        except duckdb.InterruptException as exc:
            raise timeout_error() from exc
        finally:
            if timer is not None:
                timer.cancel()
            with guard:
                closed = True
                cur.close()
