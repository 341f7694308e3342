"""Trends: a dyad's or an actor's events per period, and what is rising against its baseline.

* :func:`trend` (and :func:`dyad_trend`) — per day/week/month: events between two actors (either
  direction) or of one actor (source or target), events per quad class, mean Goldstein score.  An
  event counts once (at its date), however many mentions.  Every period of the range is returned,
  zero-filled: the range is ``since``..``until`` when given, else the first to the last period with
  events, so a chart's time axis is continuous and a quiet month shows as zero, not as a gap.
* :func:`rising` — over the last ``window`` days (ending at the newest publication day of an article
  with events, or ``until``; ``since`` sets the window's first day) against the ``baseline`` days
  before: the actors, dyads, CAMEO roots and title terms whose
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
from eventwire.query.events import EventFilter, events_between, rollup_where, where_clause
from eventwire.store.store import StoreReader

__all__ = ["MAX_PERIODS", "PERIODS", "dyad_trend", "parse_days", "periods", "rising", "trend"]

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")
MAX_PERIODS = 20_000  # about 55 years by day: a longer zero-filled series is a usage error
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


def parse_days(value: str | int, what: str) -> int:
    """A number of days given as ``7``, ``"7"`` or ``"7d"`` (the CLI's and the API's window syntax)."""
    text = str(value).strip().lower().removesuffix("d")
    if not text.isdigit() or int(text) < 1:
        raise QueryError(f"{what}: {value!r} is not a number of days (e.g. 7d)")
    return int(text)


def _truncate(day: dt.date, by: str) -> dt.date:
    if by == "month":
        return day.replace(day=1)
    if by == "week":  # ISO weeks start on Monday, as DuckDB's date_trunc('week')
        return day - dt.timedelta(days=day.weekday())
    return day


def _next(period: dt.date, by: str) -> dt.date | None:
    """The next period's first day (None past the calendar's last day)."""
    try:
        if by == "month":
            return (period.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return period + dt.timedelta(days=7 if by == "week" else 1)
    except OverflowError:
        return None


def periods(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """The periods ``by`` (their first days) from the one holding ``first`` to the one holding ``last``."""
    out: list[dt.date] = []
    period: dt.date | None = _truncate(first, by)
    end = _truncate(last, by)
    while period is not None and period <= end:
        out.append(period)
        if len(out) > MAX_PERIODS:
            raise QueryError(
                f"{first}..{last} by {by} is more than {MAX_PERIODS:,} periods: narrow --since/--until "
                "or use a longer period"
            )
        period = _next(period, by)
    return out


def trend(reader: StoreReader, f: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Events of ``f.dyad`` (either direction) or ``f.actor`` (source or target) per period ``by``,
    every period of the range zero-filled (see the module docstring).  Each row names its series
    (``dyad`` "CHN,RUS" or ``actor``) and its ``period`` (first day) and has ``events``, ``by_quad`` and
    ``mean_goldstein`` (None where there are no events)."""
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if f.dyad is None and f.actor is None:
        raise QueryError("trends: --dyad A,B or --actor CODE is required (or use --rising)")
    rolled = rollup_where(reader, f) if by == "month" else None
    if rolled is not None and rolled[0] == "rollup":  # the monthly rollups (a server's reader)
        _, where, params = rolled
        sql = f"""
            SELECT month AS period, sum(n) AS events,
                   sum(n) FILTER (WHERE quad_class = 1), sum(n) FILTER (WHERE quad_class = 2),
                   sum(n) FILTER (WHERE quad_class = 3), sum(n) FILTER (WHERE quad_class = 4),
                   sum(goldstein_sum) / sum(n) AS mean_goldstein
            FROM rollup WHERE {where} AND month IS NOT NULL GROUP BY 1 ORDER BY 1
        """
    else:  # a CLI's reader, days or weeks, or a filter the rollups cannot answer: scan
        where, params = where_clause(f)
        sql = f"""
            SELECT CAST(date_trunc('{by}', day) AS DATE) AS period, count(*) AS events,
                   count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
                   avg(goldstein) AS mean_goldstein
            FROM events WHERE {where} AND day IS NOT NULL GROUP BY 1 ORDER BY 1
        """
    with reader.cursor() as cur:
        found = {r[0]: r for r in cur.execute(sql, params).fetchall() if r[0] is not None}
    series = {"dyad": ",".join(f.dyad)} if f.dyad else {"actor": f.actor}
    first = f.since or (min(found) if found else None)
    last = f.until or (max(found) if found else None)
    if first is None or last is None:
        return []
    rows = []
    for period in periods(first, last, by):
        r = found.get(period)
        rows.append(
            {
                **series,
                "period": period.isoformat(),
                "events": int(r[1]) if r else 0,
                "by_quad": {str(q): int(r[1 + q] or 0) if r else 0 for q in range(1, 5)},
                "mean_goldstein": round(float(r[6]), 3) if r and r[6] is not None else None,
            }
        )
    return rows


def dyad_trend(reader: StoreReader, f: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Events between ``f.dyad`` per period ``by``, zero-filled (see :func:`trend`)."""
    if f.dyad is None:
        raise QueryError("trends: --dyad A,B is required (or use --rising)")
    return trend(reader, f, by)


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
    since: dt.date | None = None,
    dyad: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """What is rising (see the module docstring); events count once each.  ``since`` makes the window
    ``since``..``until`` (overriding ``window``); ``dyad`` counts only the events between those two
    actors, and the themes and terms of the articles that report them."""
    if window < 1 or baseline < 1:
        raise QueryError("--window and --baseline must be at least 1 day")
    with reader.cursor() as cur:
        if until is None:
            # news time (publication days, not event dates), of articles that gave events
            row = cur.execute("SELECT max(day) FROM articles WHERE n_events > 0").fetchone()
            until = row[0] if row and row[0] is not None else None
        if until is None:
            return {"window": None, "baseline": None, "actors": [], "dyads": [], "codes": [], "terms": [],
                    "themes": []}  # fmt: skip
        if since is not None:
            if since > until:
                raise QueryError(f"--since {since} is after the window's end {until}")
            window = (until - since).days + 1
        start = until - dt.timedelta(days=window - 1)
        base_start = start - dt.timedelta(days=baseline)
        f = EventFilter(dyad=dyad, include_historical=include_historical)
        where, params = where_clause(f)
        source = events_between(reader, base_start, until)  # the segments of the two periods only
        rows = cur.execute(  # counted in DuckDB: per (period, source, target) and per (period, root)
            "SELECT day >= ? AS recent, source_country, target_country, cameo_root, count(*) "
            f"FROM {source} WHERE {where} AND day BETWEEN ? AND ? GROUP BY GROUPING SETS ((1, 2, 3), (1, 4))",
            [start, *params, base_start, until],
        ).fetchall()
        reported = ""
        art_params: list[Any] = [start, base_start, until]
        if dyad is not None:  # the articles that report the dyad's events (any mention) in the two periods
            every, every_params = where_clause(
                EventFilter(dyad=dyad, include_historical=include_historical, mentions=True)
            )
            reported = (
                f" AND article_id IN (SELECT article_id FROM {source} WHERE {every} AND day BETWEEN ? AND ?)"
            )
            art_params += [*every_params, base_start, until]
        arts = cur.execute(
            f"SELECT day >= ? AS recent, title, themes FROM articles WHERE day BETWEEN ? AND ?{reported}",
            art_params,
        ).fetchall()
    actors: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    dyads: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    codes: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for recent, src, tgt, root, n in rows:
        i = 0 if recent else 1
        if src is None:  # the roots' grouping set (events of an unknown source too)
            if root:
                codes[i][root] += n
            continue
        if not src:  # an actor of no known country
            continue
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
    out: dict[str, Any] = {
        "window": {"from": start.isoformat(), "to": until.isoformat()},
        "baseline": {"from": base_start.isoformat(), "to": (start - dt.timedelta(days=1)).isoformat()},
    }
    if dyad is not None:
        out["dyad"] = ",".join(dyad)
    out.update(
        actors=_lift(actors[0], actors[1], min_count, top),
        dyads=_lift(dyads[0], dyads[1], min_count, top),
        codes=_lift(codes[0], codes[1], min_count, top),
        terms=_lift(terms[0], terms[1], min_count, top),
        themes=_lift(themes[0], themes[1], min_count, top),
    )
    return out
