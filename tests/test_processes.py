"""Coding outside this process: a local process pool and a Dask cluster of two workers give
exactly what one process gives (issue 7), and a rerun skips what is already stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from eventwire.batch.runners import code_partition, code_stream, partitions
from eventwire.cli.demo import demo_files
from eventwire.errors import DocumentError
from eventwire.models import Article
from eventwire.pipeline import CodedArticle, Pipeline, chunks, read_articles
from eventwire.settings import Settings
from eventwire.store import StoreReader
from eventwire.store.ingest import ingest


def _coded(items: Any) -> list[tuple[str, list[dict[str, object]]] | str]:
    out: list[tuple[str, list[dict[str, object]]] | str] = []
    for item in items:
        if isinstance(item, DocumentError):
            out.append(item.code + " " + item.document)
        else:
            assert isinstance(item, CodedArticle)
            out.append((item.article.id, [e.to_dict() for e in item.events]))
    return out


def _with(pipeline: Pipeline, **changes: Any) -> Pipeline:
    return Pipeline(dataclasses.replace(pipeline.settings, **changes), pipeline.resources)


def _article(n: int, chars: int) -> Article:
    return Article(id=str(n), title="", text="x" * chars, source=f"<{n}>")


def test_partitions_end_at_their_size_or_early_when_their_texts_are_long() -> None:
    assert [len(c) for c in chunks(range(7), 3)] == [3, 3, 1]
    settings = Settings.from_env(env={}, partition_size=4)
    long, short = _article(0, 200_000), _article(1, 100)
    sizes = [len(p) for p in partitions([short, long, short, short, short, short, short], settings)]
    assert sizes == [2, 4, 1]  # 160,000 characters end the first partition early


def test_a_partition_that_cannot_be_coded_fails_its_documents_with_the_reason() -> None:
    settings = Settings.from_env(env={}, model="no_such_pipeline_xyz")
    earlier = DocumentError("<bad>", "empty")
    out = code_partition(settings, [_article(1, 50), earlier])
    assert out[1] is earlier
    assert isinstance(out[0], DocumentError) and out[0].document == "<1>"
    assert "no_such_pipeline_xyz" in out[0].reason and "coding failed on worker" in out[0].reason


def test_two_processes_code_like_one(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("  \n")
    paths = [*demo_files(), str(tmp_path / "empty.txt")]
    one = _coded(code_stream(read_articles(paths), pipeline))
    two = _coded(code_stream(read_articles(paths), _with(pipeline, processes=2, partition_size=3)))
    # articles in input order with the same events; failures may come back at another position
    assert [x for x in two if not isinstance(x, str)] == [x for x in one if not isinstance(x, str)]
    assert sorted(x for x in two if isinstance(x, str)) == sorted(x for x in one if isinstance(x, str))
    assert len(one) == 16 and sum(isinstance(x, str) for x in one) == 1  # the empty file, reported


def _tables(root: Path) -> dict[str, Any]:
    with StoreReader(root) as r, r.cursor() as cur:
        counts = {
            t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
            for t in ("articles", "sentences", "mentions", "events")
        }
        ids = [row[0] for row in cur.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()]
        # which event each mention reports, and the events in the order they were made
        grouping = cur.execute("SELECT mention_id, event_id FROM events ORDER BY mention_id").fetchall()
        events = r.catalog.execute("SELECT event_id, num_mentions FROM events ORDER BY seq").fetchall()
    return {"counts": counts, "event_ids": ids, "grouping": grouping, "events": [tuple(e) for e in events]}


def test_dask_cluster_of_two_workers_stores_what_one_process_stores(  # type: ignore[no-untyped-def]
    pipeline, tmp_path: Path
) -> None:
    paths = demo_files()
    single = ingest(paths, tmp_path / "one", pipeline)
    dask = _with(pipeline, workers=2, partition_size=3)
    half = ingest(paths[:1], tmp_path / "dask", dask)  # an earlier, partial run
    rest = ingest(paths, tmp_path / "dask", dask)
    assert single.failed == 0 and single.stored > 10 and single.events > 20
    assert half.stored >= 1 and half.stored + rest.stored == single.stored
    assert rest.duplicates == half.stored  # stored articles are skipped before any worker sees them
    assert half.events + rest.events == single.events
    assert len(rest.worker_rss) == 2 and all(0 < b < 1.5 * 2**30 for b in rest.worker_rss)
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "one")
