"""Which event each stored mention reports: identity-based joins against the catalog's Events table.

At ingest every coded mention, in input order, either joins an event already known (stored, or
started earlier in the same batch) or starts a new one:

* candidates are the events with the same identity base (source, target, CAMEO code to three
  digits, location country) and date precision whose anchor date lies in the mention's window: one
  indexed range query on ``events(base, precision, day)`` plus the batch's own new events;
* a candidate qualifies when :func:`eventwire.events.identity.may_join` says the two are one happening
  (day precision: within 1 day when both dates come from the text, 3 when either is the story's or
  the publication's day; month or year precision: the same month or year; undated: both undated);
* the mention joins the qualifying event whose anchor date is nearest, the older event on a tie;
  with none it starts an event, whose id is the mention's own id.

An event's anchor is its first mention's identity and never moves, so the outcome depends only on the
order of the mentions, never on how they were cut into batches: a one-process ingest and a
``--workers`` ingest (segments committed in partition order) group alike. Cost per mention: one
indexed SQLite range query (a B-tree seek, O(log events)) returning the few events of the same
base within a week, and a scan of the batch's new events of the same base.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventwire.events.identity import JOIN_DAYS_DERIVED, JOIN_DAYS_TEXT, EventIdentity, may_join

__all__ = ["EventGrouper", "MentionInfo", "event_counts", "global_event_id", "join_window"]

assert JOIN_DAYS_TEXT <= JOIN_DAYS_DERIVED  # the widest window bounds the candidate query


def global_event_id(event_id: str) -> int:
    """GDELT's ``GlobalEventID`` of an event: a stable 60-bit number from its id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def join_window(identity: EventIdentity) -> tuple[str, str] | None:
    """The anchor dates (ISO, inclusive) an event may have for this mention to join it; None when
    the mention is undated (it may join undated events only)."""
    day = identity.day
    if day is None:
        return None
    if identity.precision == "day":
        reach = dt.timedelta(days=JOIN_DAYS_DERIVED)
        return (day - reach).isoformat(), (day + reach).isoformat()
    if identity.precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    if identity.precision == "year":
        return dt.date(day.year, 1, 1).isoformat(), dt.date(day.year, 12, 31).isoformat()
    return day.isoformat(), day.isoformat()


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What the Events table keeps of one mention."""

    mention_id: str
    article_id: str
    source_name: str
    cluster_id: str
    dyad_key: str
    day: str | None  # the mention's day (ISO), its identity's date
    added: str  # when it was stored (ISO)


@dataclass(slots=True)
class _Tally:
    """One event touched by the batch: new (to insert) or stored (to update)."""

    identity: EventIdentity
    new: bool
    dyad_key: str = ""
    added: str = ""
    mentions: int = 0
    first_day: str | None = None
    last_day: str | None = None
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)  # article -> (publisher, cluster)

    def add(self, m: MentionInfo) -> None:
        self.mentions += 1
        if m.day is not None:
            self.first_day = m.day if self.first_day is None else min(self.first_day, m.day)
            self.last_day = m.day if self.last_day is None else max(self.last_day, m.day)
        self.articles.setdefault(m.article_id, (m.source_name, m.cluster_id))


class EventGrouper:
    """Assigns one batch's mentions to events (see the module docstring); :meth:`write` records the
    outcome in the catalog inside the batch's transaction.  The catalog is only read until then: the
    writer holds the store's lock, so nothing else changes it meanwhile."""

    def __init__(self, catalog: sqlite3.Connection) -> None:
        self.catalog = catalog
        self._touched: dict[str, _Tally] = {}  # event id -> what the batch adds, in first-touch order
        self._new: dict[tuple[str, str], list[tuple[str, EventIdentity]]] = {}  # (base, precision) ->

    @property
    def new_events(self) -> int:
        return sum(t.new for t in self._touched.values())

    def assign(self, identity: EventIdentity, mention: MentionInfo) -> str:
        """The id of the event ``mention`` reports (its own id when it starts one)."""
        event_id = self._nearest(identity)
        tally = self._touched.get(event_id) if event_id is not None else None
        if event_id is None:
            event_id = mention.mention_id
            tally = _Tally(identity, new=True, dyad_key=mention.dyad_key, added=mention.added)
            self._new.setdefault((identity.base, identity.precision), []).append((event_id, identity))
        elif tally is None:
            tally = _Tally(identity, new=False)
        self._touched[event_id] = tally
        tally.add(mention)
        return event_id

    def _nearest(self, identity: EventIdentity) -> str | None:
        # (distance in days, 0 stored / 1 new in this batch, creation order, id): stored events are older
        best: tuple[int, int, int, str] | None = None
        for order, (event_id, other) in enumerate(self._new.get((identity.base, identity.precision), [])):
            if may_join(other, identity):
                key = (_distance(other, identity), 1, order, event_id)
                best = key if best is None or key < best else best
        for seq, event_id, other in self._stored(identity):
            if may_join(other, identity):
                key = (_distance(other, identity), 0, seq, event_id)
                best = key if best is None or key < best else best
        return best[3] if best is not None else None

    def _stored(self, identity: EventIdentity) -> list[tuple[int, str, EventIdentity]]:
        window = join_window(identity)
        sql = "SELECT seq, event_id, day, derived FROM events WHERE base = ? AND precision = ? AND "
        params: list[object] = [identity.base, identity.precision]
        if window is None:
            rows = self.catalog.execute(sql + "day IS NULL", params).fetchall()
        else:
            rows = self.catalog.execute(sql + "day BETWEEN ? AND ?", [*params, *window]).fetchall()
        return [
            (
                int(seq),
                str(event_id),
                dataclasses.replace(
                    identity, day=dt.date.fromisoformat(day) if day else None, derived=bool(derived)
                ),
            )
            for seq, event_id, day, derived in rows
        ]

    def write(self, cat: sqlite3.Connection) -> None:
        """Insert the batch's new events and add its mentions to the stored ones (call inside the
        segment's transaction)."""
        new = [(i, t) for i, t in self._touched.items() if t.new]
        cat.executemany(
            "INSERT INTO events (event_id, base, precision, day, derived, dyad_key, first_day, last_day, "
            "num_mentions, added) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    i,
                    t.identity.base,
                    t.identity.precision,
                    t.identity.day.isoformat() if t.identity.day else None,
                    int(t.identity.derived),
                    t.dyad_key,
                    t.first_day,
                    t.last_day,
                    t.mentions,
                    t.added,
                )
                for i, t in new
            ],
        )
        cat.executemany(
            "UPDATE events SET num_mentions = num_mentions + ?, first_day = min(first_day, ?), "
            "last_day = max(last_day, ?) WHERE event_id = ?",
            [(t.mentions, t.first_day, t.last_day, i) for i, t in self._touched.items() if not t.new],
        )
        cat.executemany(
            "INSERT OR IGNORE INTO event_articles VALUES (?, ?, ?, ?)",
            [(i, a, src, cl) for i, t in self._touched.items() for a, (src, cl) in t.articles.items()],
        )


def _distance(a: EventIdentity, b: EventIdentity) -> int:
    return abs((a.day - b.day).days) if a.day is not None and b.day is not None else 0


def event_counts(cat: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """GDELT-style counts of events, from their mentions: num_mentions, num_articles, num_sources
    (distinct publishers), num_stories (distinct story clusters)."""
    out: dict[str, dict[str, int]] = {}
    unique = list(dict.fromkeys(event_ids))
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for row in cat.execute(
            "SELECT e.event_id, e.num_mentions, count(a.article_id), count(DISTINCT a.source_name), "
            "count(DISTINCT a.cluster_id) FROM events e LEFT JOIN event_articles a USING (event_id) "
            f"WHERE e.event_id IN ({marks}) GROUP BY e.event_id",
            chunk,
        ):
            out[row[0]] = {
                "num_mentions": row[1],
                "num_articles": row[2],
                "num_sources": row[3],
                "num_stories": row[4],
            }
    return out
