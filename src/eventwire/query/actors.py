"""An actor's relations: its partners, with the balance of cooperation and conflict."""

from __future__ import annotations

from typing import Any

from eventwire.query.events import EventFilter, where_clause
from eventwire.store.store import StoreReader

__all__ = ["actor_partners"]


def actor_partners(reader: StoreReader, f: EventFilter, top: int = 15) -> list[dict[str, Any]]:
    """The countries (or bodies) ``f.actor`` has events with, most events first: ``events``,
    ``cooperation`` (quad classes 1-2), ``conflict`` (3-4), ``mean_goldstein``, and how many it
    initiated (``as_source``)."""
    if not f.actor:
        return []
    where, params = where_clause(f)
    me = f.actor[:3]
    sql = f"""
        SELECT partner, count(*) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               avg(goldstein) AS mean_goldstein,
               count(*) FILTER (WHERE source_country = ?) AS as_source
        FROM (SELECT *, CASE WHEN source_country = ? THEN target_country ELSE source_country END AS partner
              FROM events WHERE {where})
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
