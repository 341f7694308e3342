"""``eventwire ingest``: read, code and store articles, idempotently, in committed batches."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.batch.runners import make_runner, parallel, partitions
from eventwire.errors import DocumentError, InputError, StoreBusyError
from eventwire.extract.dedup import text_key, url_key
from eventwire.ingest.web import Fetcher, feed_items, fetch_pages, is_url
from eventwire.models import Article, Limits
from eventwire.pipeline import CodedArticle, Pipeline, chunks, extract_all, read_articles
from eventwire.store.store import Store, open_catalog

__all__ = ["IngestSummary", "ingest", "ingest_articles", "ingest_coded", "watch"]


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    store: str
    run_id: str = ""
    read: int = 0  # documents read (articles and failed documents)
    stored: int = 0  # new articles committed
    duplicates: int = 0  # exact duplicates of stored articles (same URL or text), skipped
    failed: int = 0
    events: int = 0  # events of the stored articles
    segments: int = 0
    compacted: int = 0  # small segments merged at the end of the run
    busy: str = ""  # watch: why a poll was skipped (another ingest held the store)
    seconds: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)
    worker_rss: list[int] = field(default_factory=list)  # peak resident bytes of each coding process
    #: seconds from the start of the run: ``coders_ready`` (workers started, or this process's
    #: pipeline), ``first_results`` and ``last_results`` (the first and last partition back),
    #: ``committing`` (time spent writing segments, in total) and ``end``
    timeline: dict[str, float] = field(default_factory=dict)
    started_at: float = 0.0  # time.perf_counter() at the start of the run

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "events": self.events,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "run_id": self.run_id,
            **self.counts(),
            "segments": self.segments,
            "compacted": self.compacted,
            "seconds": round(self.seconds, 2),
            "worker_peak_rss_mb": [round(b / 2**20) for b in self.worker_rss],
            "timeline": {k: round(v, 2) for k, v in self.timeline.items()},
            "failures": self.failures,
        }


def ingest(
    paths: Iterable[str],
    store_dir: str | Path,
    pipeline: Pipeline,
    progress: Callable[[int], None] | None = None,
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Ingest files, folders, JSONL, CSV, WARC and .gz (see :func:`eventwire.pipeline.read_articles`),
    article URLs among ``paths`` and the items of RSS/Atom ``feeds`` (fetched with ``fetcher``, by
    default a polite :class:`~eventwire.ingest.web.Fetcher` caching in ``STORE/http-cache``); a URL
    already stored is not fetched again."""
    limits = pipeline.settings.limits()
    local = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    for p in local:  # before the store is created: a typo leaves nothing behind
        if not Path(p).exists():
            raise InputError(f"{p}: no such file or directory")
    if not urls and not feeds:
        return ingest_articles(read_articles(local, limits), store_dir, pipeline, progress)
    own = fetcher is None
    client = fetcher or Fetcher(cache_dir=Path(store_dir) / "http-cache", max_bytes=limits.max_document_bytes)
    known = _KnownUrls(Path(store_dir))
    try:
        items = itertools.chain(
            read_articles(local, limits), _web_articles(urls, feeds, client, known, limits)
        )
        summary = ingest_articles(items, store_dir, pipeline, progress)
    finally:
        known.close()
        if own:
            client.close()
    summary.read += known.skipped
    summary.duplicates += known.skipped
    return summary


def _web_articles(
    urls: Sequence[str], feeds: Sequence[str], fetcher: Fetcher, known: Callable[[str], bool], limits: Limits
) -> Iterator[Article | DocumentError]:
    for feed in feeds:
        try:
            items = feed_items(fetcher, feed)
        except DocumentError as exc:
            yield exc
            continue
        yield from extract_all(fetch_pages(fetcher, items, known), limits)
    yield from extract_all(fetch_pages(fetcher, urls, known), limits)


class _KnownUrls:
    """Whether a URL is already stored, checked before fetching it, on one read-only connection to
    the catalog (opened when the store exists); counts the URLs it skipped."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.skipped = 0
        self._con: sqlite3.Connection | None = None

    def __call__(self, url: str) -> bool:
        if self._con is None:
            if not (self.root / "catalog.sqlite").exists():
                return False
            self._con = open_catalog(self.root, readonly=True)
        try:
            found = self._con.execute("SELECT 1 FROM articles WHERE url_key = ?", (url_key(url),)).fetchone()
        except sqlite3.Error:
            found = None
        self.skipped += found is not None
        return found is not None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()


def watch(
    feeds: Sequence[str],
    store_dir: str | Path,
    pipeline: Pipeline,
    every: float,
    polls: int | None = None,
    on_poll: Callable[[int, IngestSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    fetcher: Fetcher | None = None,
) -> int:
    """Poll ``feeds`` every ``every`` seconds (``polls`` times, or until interrupted), ingesting
    new items each time; returns the number of polls done."""
    own = fetcher is None
    client = fetcher or Fetcher(cache_dir=Path(store_dir) / "http-cache")
    done = 0
    try:
        while polls is None or done < polls:
            started = time.monotonic()
            try:
                summary = ingest([], store_dir, pipeline, feeds=feeds, fetcher=client)
            except StoreBusyError as exc:  # another ingest is writing: try again at the next poll
                summary = IngestSummary(store=str(store_dir), busy=exc.message)
            done += 1
            if on_poll is not None:
                on_poll(done, summary)
            if polls is not None and done >= polls:
                break
            sleep(max(0.0, every - (time.monotonic() - started)))
    finally:
        if own:
            client.close()
    return done


def ingest_articles(
    items: Iterable[Article | DocumentError],
    store_dir: str | Path,
    pipeline: Pipeline,
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Code and store articles in batches of ``settings.store_batch``; each batch is one segment,
    committed atomically, so an interrupted run loses at most the batch in flight and a rerun
    stores it (already stored articles are recognised before coding and skipped).  With workers,
    the articles travel in small partitions (balanced by characters, so that the workers finish
    together) and come back in order into the same batches."""
    settings = pipeline.settings
    # a remote scheduler is reached before the store is touched (a wrong address leaves nothing
    # behind); a local cluster starts only once the store is ours
    remote = make_runner(settings, pipeline) if settings.scheduler else None

    def produce(fresh: Fresh, summary: IngestSummary) -> Iterator[list[CodedArticle | DocumentError]]:
        started = summary.started_at
        runner = remote or make_runner(settings, pipeline)
        summary.timeline["coders_ready"] = time.perf_counter() - started
        try:
            new = fresh(items)
            parts = partitions(new, settings) if parallel(settings) else chunks(new, settings.store_batch)
            for results in runner.map(parts):
                summary.timeline.setdefault("first_results", time.perf_counter() - started)
                summary.timeline["last_results"] = time.perf_counter() - started
                if progress is not None:
                    progress(len(results))
                yield results
            summary.worker_rss = runner.peak_rss()
        finally:
            if runner is not remote:
                runner.close()

    try:
        # workers: small partitions gathered into batches; this process: a chunk is a batch
        return _run(store_dir, produce, settings.store_batch if parallel(settings) else 1)
    finally:
        if remote is not None:
            remote.close()


def ingest_coded(
    results: Iterable[CodedArticle | DocumentError], store_dir: str | Path, batch_size: int = 256
) -> IngestSummary:
    """Store articles that are already coded (``eventwire demo`` codes once, then stores)."""

    items = list(results)

    def coded(fresh: Fresh, summary: IngestSummary) -> Iterator[list[CodedArticle | DocumentError]]:
        by_article = {id(r.article): r for r in items if isinstance(r, CodedArticle)}
        read = [r.article if isinstance(r, CodedArticle) else r for r in items]
        # fresh() records the documents that failed and skips stored articles
        for chunk in chunks(fresh(read), batch_size):
            yield [by_article[id(article)] for article in chunk]

    return _run(store_dir, coded)


Fresh = Callable[[Iterable[Article | DocumentError]], Iterator[Article | DocumentError]]


def _run(
    store_dir: str | Path,
    produce: Callable[[Fresh, IngestSummary], Iterable[list[CodedArticle | DocumentError]]],
    batch_size: int = 1,
) -> IngestSummary:
    """Store what ``produce`` codes, in order: a segment once ``batch_size`` articles have come back
    (the first partition that reaches it closes the segment)."""
    started = time.perf_counter()
    summary = IngestSummary(store=str(store_dir), started_at=started)
    with Store(store_dir) as store:
        summary.run_id = store.start_run()
        batch: list[CodedArticle] = []

        def fail(exc: DocumentError) -> None:
            summary.failed += 1
            summary.failures.append({"source": exc.document, "code": exc.code, "reason": exc.reason})
            store.record_failure(exc.document, exc.code, exc.reason, summary.run_id)

        stored_again: list[str] = []  # sources met already stored: their old failures go

        def flush() -> None:
            store.clear_failures(stored_again)
            stored_again.clear()
            if not batch:
                return
            writing = time.perf_counter()
            done = store.add_batch(
                [(c.article, c.events, c.mentions, c.sentences) for c in batch],
                summary.run_id,
                [c.themes for c in batch],
            )
            for coded, result in zip(batch, done, strict=True):
                if result.duplicate_of is None:
                    summary.stored += 1
                    summary.events += len(coded.events)
                else:
                    summary.duplicates += 1
            summary.segments += 1
            batch.clear()
            summary.timeline["committing"] = (
                summary.timeline.get("committing", 0.0) + time.perf_counter() - writing
            )

        def fresh(items: Iterable[Article | DocumentError]) -> Iterator[Article | DocumentError]:
            """Articles not stored yet (failed documents are recorded, duplicates counted)."""
            seen: set[str] = set()
            for item in items:
                summary.read += 1
                if isinstance(item, DocumentError):
                    fail(item)
                    continue
                keys = {"t:" + text_key(item.text)} | ({"u:" + url_key(item.url)} if item.url else set())
                if keys & seen or store.known(item) is not None:
                    summary.duplicates += 1
                    stored_again.append(item.source)  # stored after all (by another name or run)
                    continue
                seen |= keys
                yield item

        # closed at once on an error, so that worker processes do not outlive the run
        with contextlib.closing(iter(produce(fresh, summary))) as parts:  # type: ignore[type-var]
            for results in parts:  # partitions in order; a segment holds store_batch articles
                for result in results:
                    if isinstance(result, DocumentError):
                        fail(result)  # failed while coding (read already counted)
                    else:
                        batch.append(result)
                if len(batch) >= batch_size:
                    flush()
        flush()  # the last articles (or, for a run of duplicates only, the failures cleared)
        summary.compacted = store.compact()
        summary.seconds = time.perf_counter() - started
        summary.timeline["end"] = summary.seconds
        store.finish_run(summary.run_id, summary.counts())
    return summary
