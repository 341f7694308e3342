"""Per-segment rollups of the events that answer the pages' counts, partners and monthly series
without a scan.

Two tables count the events (first mentions) of each segment with the sum of their Goldstein
scores: ``rollup`` per (dyad, source country, target country, month, quad class, historical), and
``rollup_codes`` per (CAMEO code, PLOVER type, quad class, month, historical).  A filter on
three-letter actor or dyad codes, a quad class and the historical flag reads the same as a ``WHERE``
over the first; one on CAMEO code prefixes, PLOVER types, a quad class and the historical flag over
the second (so :func:`eventwire.query.events.where_clause` applies unchanged); any other filter
(dates, sectors, status, confidence, actors with codes) scans the events.  Segment files never
change, so a segment's rows are computed once, on first use, by the reader that asks (a long-lived
server); the rows of segments that compaction replaced are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

import duckdb

__all__ = ["ROLLUPS", "Rollups"]

#: Each table's grouping columns (then month, historical, first_mention, n, goldstein_sum).
ROLLUPS = {
    "rollup": ("dyad_key", "source_country", "target_country", "quad_class"),
    "rollup_codes": ("cameo", "plover_event", "quad_class"),
}


class Rollups:
    """The ``rollup`` table of one DuckDB connection, kept to the segments it is asked about."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._have: set[str] = set()
        for table, columns in ROLLUPS.items():
            kinds = ", ".join(f"{c} {'INTEGER' if c == 'quad_class' else 'VARCHAR'}" for c in columns)
            db.execute(
                f"CREATE TABLE {table} (segment_id VARCHAR, {kinds}, month DATE, historical BOOLEAN, "
                "first_mention BOOLEAN, n BIGINT, goldstein_sum DOUBLE)"
            )

    def ensure(self, segments: Mapping[str, str]) -> None:
        """Hold the rows of exactly these segments (id -> events file as an SQL literal's content): the
        missing ones are summarised and those gone (merged by compaction) dropped, in one transaction,
        so that no query sees a segment twice or not at all."""
        with self._lock:
            gone = sorted(self._have - set(segments))
            new = [(sid, path) for sid, path in segments.items() if sid not in self._have]
            if not gone and not new:
                return
            cur = self._db.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                for table, columns in ROLLUPS.items():
                    for sid, path in new:
                        keys = ", ".join(columns)
                        groups = ", ".join(str(i) for i in range(2, len(columns) + 4))
                        cur.execute(
                            f"INSERT INTO {table} SELECT ?, {keys}, CAST(date_trunc('month', day) AS DATE), "
                            f"historical, true, count(*), sum(goldstein) FROM read_parquet('{path}') "
                            f"WHERE first_mention GROUP BY {groups}",
                            [sid],
                        )
                    if gone:
                        marks = ", ".join("?" * len(gone))
                        cur.execute(f"DELETE FROM {table} WHERE segment_id IN ({marks})", gone)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()
            self._have = (self._have - set(gone)) | {sid for sid, _ in new}
