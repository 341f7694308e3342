"""Where articles are coded: in this process, in a local process pool, or on Dask workers.

Every runner takes partitions (lists of articles, and documents that already failed) and
yields, *in the order given*, each partition's coded articles and failures.  The caller (the
ingest) commits what comes back in segments of about ``store_batch`` articles, each in one
transaction, so an article is stored exactly once; an interrupted run loses at most what was not
committed yet, and a rerun skips every article already stored before anything is sent to a
worker.  Keeping the order makes a parallel ingest store exactly what a single-process ingest
stores.

Each worker process builds its :class:`~eventwire.pipeline.Pipeline` (model and
dictionaries) once, on its first partition, and keeps it for the next ones.
"""

from __future__ import annotations

import os
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from eventwire.errors import CodingError, ConfigError, DocumentError
from eventwire.models import Article
from eventwire.pipeline import CodedArticle, Pipeline, chunks
from eventwire.settings import Settings

Item = Article | DocumentError
Result = CodedArticle | DocumentError

#: A partition ends early once its texts reach this many characters (about 9 news articles, a second
#: or two of work): small partitions keep the workers busy to the end of a run (no worker waits long
#: for the last partition of another), and partitions of long articles do not hold up the others.
PARTITION_CHARS = 40_000
#: Partitions in flight per worker: enough to keep a worker busy while its results are stored.
IN_FLIGHT_PER_WORKER = 3

__all__ = ["DaskRunner", "InProcessRunner", "PoolRunner", "Runner", "code_partition", "make_runner"]


class Runner(Protocol):
    """Codes partitions; yields each partition's results in the order the partitions came."""

    def map(self, partitions: Iterable[list[Item]]) -> Iterator[list[Result]]: ...

    def close(self) -> None: ...

    def peak_rss(self) -> list[int]:
        """Peak resident memory (bytes) of each process that coded, as far as known."""
        ...


_PIPELINES: dict[tuple[Any, ...], Pipeline] = {}  # per worker process: the model loads once


def _pipeline(settings: Settings) -> Pipeline:
    key = settings.fingerprint()
    if key not in _PIPELINES:
        _PIPELINES.clear()
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def code_partition(settings: Settings, items: list[Item]) -> list[Result]:
    """Code one partition in this process (the task a worker runs)."""
    pipeline = _pipeline(settings)
    try:
        return list(pipeline.code_articles(items))
    except Exception as exc:  # noqa: BLE001 - a partition that cannot be coded fails its documents
        reason = f"coding failed on worker {os.getpid()}: {type(exc).__name__}: {exc}"
        return [i if isinstance(i, DocumentError) else CodingError(i.source, reason) for i in items]


def peak_rss_bytes() -> int:
    """This process's peak resident set size, in bytes."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _ordered(
    submit: Callable[[list[Item]], Any], partitions: Iterable[list[Item]], window: int
) -> Iterator[Any]:
    """Results of ``submit`` per partition in order, with at most ``window`` in flight."""
    pending: deque[Any] = deque()
    for part in partitions:
        pending.append(submit(part))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InProcessRunner:
    """Codes in this process with one streaming spaCy pass."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def map(self, partitions: Iterable[list[Item]]) -> Iterator[list[Result]]:
        for part in partitions:
            yield list(self.pipeline.code_articles(part))

    def close(self) -> None:
        return None

    def peak_rss(self) -> list[int]:
        return [peak_rss_bytes()]


class PoolRunner:
    """A local pool of ``processes`` worker processes (``concurrent.futures``)."""

    def __init__(self, settings: Settings, processes: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.settings = settings
        self.processes = processes
        self._pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))

    def map(self, partitions: Iterable[list[Item]]) -> Iterator[list[Result]]:
        def submit(part: list[Item]) -> Any:
            return self._pool.submit(code_partition, self.settings, part)

        yield from _ordered(submit, partitions, IN_FLIGHT_PER_WORKER * self.processes)

    def peak_rss(self) -> list[int]:
        futures = [self._pool.submit(peak_rss_bytes) for _ in range(self.processes)]
        return [f.result() for f in futures]

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskRunner:
    """Dask distributed: a local cluster of ``workers`` processes, or the running cluster at
    ``scheduler`` (tcp://HOST:PORT)."""

    def __init__(self, settings: Settings, workers: int = 0, scheduler: str = "") -> None:
        try:
            import dask.distributed as distributed
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ConfigError(f"Dask distributed is not installed: {exc}") from exc
        Client: Any = distributed.Client
        LocalCluster: Any = distributed.LocalCluster
        self.settings = settings
        self._cluster: Any = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        else:
            import dask

            # Dask sets MALLOC_TRIM_THRESHOLD_ in its workers, which turns off glibc's adaptive mmap
            # threshold: spaCy's many short-lived arrays then cost page faults (10-25 % slower here).
            environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
            environ.pop("MALLOC_TRIM_THRESHOLD_", None)
            with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
                self._cluster = LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    memory_limit=0,
                    silence_logs=40,
                )
            try:
                self.client = Client(self._cluster)
            except BaseException:
                self._cluster.close()
                raise
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def map(self, partitions: Iterable[list[Item]]) -> Iterator[list[Result]]:
        def submit(part: list[Item]) -> Any:
            return self.client.submit(code_partition, self.settings, part, pure=False)

        yield from _ordered(submit, partitions, IN_FLIGHT_PER_WORKER * self.workers)

    def peak_rss(self) -> list[int]:
        return list(self.client.run(peak_rss_bytes).values())

    def close(self) -> None:
        client: Any = self.client
        client.close()
        if self._cluster is not None:
            self._cluster.close()


def parallel(settings: Settings) -> bool:
    """Whether the settings ask for coding outside this process."""
    return bool(settings.scheduler) or settings.workers > 0 or settings.processes > 1


def code_stream(
    items: Iterable[Item], pipeline: Pipeline, progress: Callable[[int], None] | None = None
) -> Iterator[Result]:
    """Code ``items`` with the runner the pipeline's settings ask for, in order."""
    settings = pipeline.settings
    if not parallel(settings):
        yield from pipeline.code_articles(items, progress)
        return
    runner = make_runner(settings, pipeline)
    try:
        for results in runner.map(partitions(items, settings)):
            if progress is not None:
                progress(len(results))
            yield from results
    finally:
        runner.close()


def partitions(items: Iterable[Item], settings: Settings) -> Iterator[list[Item]]:
    """The partitions sent to workers: ``partition_size`` articles, or fewer when long."""
    return chunks(items, settings.partition_size, PARTITION_CHARS)


def make_runner(settings: Settings, pipeline: Pipeline) -> Runner:
    """The runner the settings ask for: Dask (``scheduler`` or ``workers``), a process pool
    (``processes`` > 1), or this process."""
    if settings.scheduler or settings.workers > 0:
        return DaskRunner(settings, settings.workers, settings.scheduler)
    if settings.processes > 1:
        return PoolRunner(settings, settings.processes)
    return InProcessRunner(pipeline)
