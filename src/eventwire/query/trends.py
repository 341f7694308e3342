"""Trends: a dyad's events per period, and what is rising against its baseline.

* :func:`dyad_trend` — per day/week/month: events between two actors (either direction), events
  per quad class, mean Goldstein score.  An event counts once (at its date), however many mentions.
* :func:`rising` — over the last ``window`` days (ending at the newest publication day of an article
  with events, or ``until``) against the ``baseline`` days before: the actors, dyads and title terms whose
  share rose most.  ``lift`` = (recent share) / (baseline share), the baseline share add-one
  smoothed over the items seen in either period (so a first appearance is finite and an empty baseline
  is uniform); only items with lift > 1 and ``min_count`` recent occurrences are listed.  The
  figures behind each item (counts, shares) are returned with it.

Both leave out historical events (the text places them more than a year before publication) unless
asked to include them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Literal

from eventwire.errors import QueryError
from eventwire.query.events import EventFilter, where_clause
from eventwire.store.store import StoreReader

__all__ = ["PERIODS", "dyad_trend", "rising"]

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")
_TERM = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "after",
        "over",
        "into",
        "says",
        "said",
        "say",
        "amid",
        "about",
        "against",
        "their",
        "they",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "been",
        "will",
        "would",
        "could",
        "more",
        "than",
        "new",
        "its",
        "his",
        "her",
        "who",
        "what",
        "when",
        "where",
        "which",
        "while",
        "also",
        "not",
        "but",
        "all",
        "one",
        "two",
        "three",
        "first",
        "last",
        "says",
        "year",
        "years",
        "day",
        "days",
        "week",
    ]
)


def dyad_trend(reader: StoreReader, f: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Events between ``f.dyad`` per period ``by`` (see the module docstring)."""
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if f.dyad is None:
        raise QueryError("trends: --dyad A,B is required (or use --rising)")
    where, params = where_clause(f)
    sql = f"""
        SELECT CAST(date_trunc('{by}', day) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               avg(goldstein) AS mean_goldstein
        FROM events WHERE {where} AND day IS NOT NULL GROUP BY 1 ORDER BY 1
    """
    with reader.cursor() as cur:
        rows = cur.execute(sql, params).fetchall()
    return [
        {
            "period": r[0].isoformat() if r[0] is not None else None,
            "events": int(r[1]),
            "by_quad": {"1": int(r[2]), "2": int(r[3]), "3": int(r[4]), "4": int(r[5])},
            "mean_goldstein": round(float(r[6]), 3) if r[6] is not None else None,
        }
        for r in rows
    ]


def _lift(recent: Counter[str], base: Counter[str], min_count: int, top: int) -> list[dict[str, Any]]:
    n_recent, n_base = sum(recent.values()), sum(base.values())
    out: list[dict[str, Any]] = []
    if not n_recent:
        return out
    kinds = len(set(recent) | set(base))
    for key, count in recent.items():
        if count < min_count:
            continue
        share = count / n_recent
        # add-one smoothing over the items seen: with no baseline every item's share is 1/kinds
        base_share = (base.get(key, 0) + 1) / (n_base + kinds)
        if share <= base_share:
            continue  # not rising
        out.append(
            {
                "key": key,
                "recent": count,
                "baseline": base.get(key, 0),
                "recent_share": round(share, 4),
                "baseline_share": round(base.get(key, 0) / n_base, 4) if n_base else 0.0,
                "lift": round(share / base_share, 3),
            }
        )
    out.sort(key=lambda d: (-d["lift"], -d["recent"], d["key"]))
    return out[:top]


def rising(
    reader: StoreReader,
    window: int = 7,
    baseline: int = 28,
    until: dt.date | None = None,
    min_count: int = 2,
    top: int = 10,
    include_historical: bool = False,
) -> dict[str, Any]:
    """What is rising (see the module docstring); events count once each."""
    if window < 1 or baseline < 1:
        raise QueryError("--window and --baseline must be at least 1 day")
    with reader.cursor() as cur:
        if until is None:
            # news time (publication days, not event dates), of articles that gave events
            row = cur.execute("SELECT max(day) FROM articles WHERE n_events > 0").fetchone()
            until = row[0] if row and row[0] is not None else None
        if until is None:
            return {"window": None, "baseline": None, "actors": [], "dyads": [], "terms": [], "themes": []}
        start = until - dt.timedelta(days=window - 1)
        base_start = start - dt.timedelta(days=baseline)
        historical = "" if include_historical else "AND NOT historical "
        rows = cur.execute(  # counted in DuckDB: one row per (period, source, target)
            "SELECT day >= ? AS recent, source_country, target_country, count(*) FROM events "
            f"WHERE first_mention {historical}AND day BETWEEN ? AND ? AND source_country <> '' "
            "GROUP BY 1, 2, 3",
            [start, base_start, until],
        ).fetchall()
        arts = cur.execute(
            "SELECT day >= ? AS recent, title, themes FROM articles WHERE day BETWEEN ? AND ?",
            [start, base_start, until],
        ).fetchall()
    actors: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    dyads: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for recent, src, tgt, n in rows:
        i = 0 if recent else 1
        actors[i][src] += n
        if tgt and tgt != src:
            actors[i][tgt] += n
            dyads[i]["-".join(sorted((src, tgt)))] += n
    terms: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    themes: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for recent, title, theme_list in arts:
        i = 0 if recent else 1
        words = {w.lower().strip("-'") for w in _TERM.findall(title or "")} - _STOP
        terms[i].update(words)
        themes[i].update(theme_list or [])
    return {
        "window": {"from": start.isoformat(), "to": until.isoformat()},
        "baseline": {"from": base_start.isoformat(), "to": (start - dt.timedelta(days=1)).isoformat()},
        "actors": _lift(actors[0], actors[1], min_count, top),
        "dyads": _lift(dyads[0], dyads[1], min_count, top),
        "terms": _lift(terms[0], terms[1], min_count, top),
        "themes": _lift(themes[0], themes[1], min_count, top),
    }
