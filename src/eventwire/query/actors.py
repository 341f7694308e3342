"""An actor's relations: its partners, with the balance of cooperation and conflict."""

from __future__ import annotations

from typing import Any

from eventwire.query.events import EventFilter, rollup_where, where_clause
from eventwire.store.store import StoreReader

__all__ = ["actor_partners"]


def actor_partners(reader: StoreReader, f: EventFilter, top: int = 15) -> list[dict[str, Any]]:
    """The countries (or bodies) ``f.actor`` has events with, most events first: ``events``,
    ``cooperation`` (quad classes 1-2), ``conflict`` (3-4), ``mean_goldstein``, and how many it
    initiated (``as_source``)."""
    if not f.actor:
        return []
    me = f.actor[:3]
    rolled = rollup_where(reader, f)
    if rolled is not None and rolled[0] == "rollup":  # a server's reader: counts and Goldstein sums
        _, where, params = rolled
        table, n, mean = "rollup", "sum(n)", "sum(goldstein_sum) / sum(n)"
    else:
        (where, params), table, n, mean = where_clause(f), "events", "count(*)", "avg(goldstein)"

    def share(condition: str) -> str:
        return f"COALESCE({n} FILTER (WHERE {condition}), 0)"

    partner = "CASE WHEN source_country = ? THEN target_country ELSE source_country END"
    sql = f"""
        SELECT partner, {n} AS events, {share("quad_class <= 2")} AS cooperation,
               {share("quad_class >= 3")} AS conflict, {mean} AS mean_goldstein,
               {share("source_country = ?")} AS as_source
        FROM (SELECT *, {partner} AS partner FROM {table} WHERE {where})
        WHERE partner <> '' AND partner <> ?
        GROUP BY partner ORDER BY events DESC, partner LIMIT ?
    """
    with reader.cursor() as cur:
        rows = cur.execute(sql, [me, me, *params, me, top]).fetchall()
    return [
        {
            "partner": r[0],
            "events": int(r[1]),
            "cooperation": int(r[2]),
            "conflict": int(r[3]),
            "mean_goldstein": round(float(r[4]), 3) if r[4] is not None else None,
            "as_source": int(r[5]),
        }
        for r in rows
    ]
