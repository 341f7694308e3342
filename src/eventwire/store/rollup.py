"""Per-segment rollups of the events that answer the pages' counts, partners and monthly series
without a scan.

A rollup row counts the events (first mentions) of one segment per (dyad, source country, target
country, month, quad class, historical) with the sum of their Goldstein scores.  A filter on
three-letter actor or dyad codes, a quad class and the historical flag (no dates, CAMEO or PLOVER
codes, sectors, status, confidence) reads the same as a ``WHERE`` over it, so
:func:`eventwire.query.events.where_clause` applies unchanged.  Segment files never change, so a
segment's rows are computed once, on first use, by the reader that asks (a long-lived server); the
rows of segments that compaction replaced are dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import duckdb

__all__ = ["ROLLUP_COLUMNS", "Rollups"]

#: The filter columns a rollup row keeps (the rest of its row: ``month``, ``n``, ``goldstein_sum``).
ROLLUP_COLUMNS = ("dyad_key", "source_country", "target_country", "quad_class", "historical", "first_mention")


class Rollups:
    """The ``rollup`` table of one DuckDB connection, kept to the segments it is asked about."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._have: set[str] = set()
        db.execute(
            "CREATE TABLE rollup (segment_id VARCHAR, dyad_key VARCHAR, source_country VARCHAR, "
            "target_country VARCHAR, month DATE, quad_class INTEGER, historical BOOLEAN, "
            "first_mention BOOLEAN, n BIGINT, goldstein_sum DOUBLE)"
        )

    def ensure(self, segments: Sequence[tuple[str, str]]) -> None:
        """Hold exactly these (segment id, events file as an SQL literal's content) segments' rows."""
        wanted = {sid for sid, _ in segments}
        with self._lock:
            cur = self._db.cursor()
            try:
                gone = self._have - wanted
                if gone:
                    cur.execute(
                        f"DELETE FROM rollup WHERE segment_id IN ({', '.join('?' * len(gone))})", sorted(gone)
                    )
                    self._have -= gone
                for sid, path in segments:
                    if sid in self._have:
                        continue
                    cur.execute(
                        "INSERT INTO rollup SELECT ?, dyad_key, source_country, target_country, "
                        "CAST(date_trunc('month', day) AS DATE), quad_class, historical, true, count(*), "
                        f"sum(goldstein) FROM read_parquet('{path}') WHERE first_mention "
                        "GROUP BY 2, 3, 4, 5, 6, 7",
                        [sid],
                    )
                    self._have.add(sid)
            finally:
                cur.close()
