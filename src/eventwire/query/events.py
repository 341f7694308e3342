"""Event queries over the store: filters compiled to parameterised SQL (never string-built values),
event listings with their GDELT-style counts, and one event with its mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from eventwire.errors import QueryError
from eventwire.store.grouping import event_counts, global_event_id
from eventwire.store.store import StoreReader, dyad_key

__all__ = [
    "MAX_LIMIT",
    "MENTION_FIELDS",
    "EventFilter",
    "count_events",
    "event_detail",
    "event_rows",
    "parse_day",
    "snippet",
    "where_clause",
]

MAX_LIMIT = 10_000
_CODE = re.compile(r"^[A-Z]{3,9}$")
_CAMEO = re.compile(r"^\d{1,4}$")
MENTION_COLUMNS = ("num_mentions", "num_articles", "num_sources", "num_stories")


def parse_day(value: str | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from exc


def _code(value: str, what: str) -> str:
    code = value.strip().upper()
    if not code or not _CODE.match(code):
        raise QueryError(f"{what}: {value!r} is not an actor code (letters, e.g. CHN or CHNGOV)")
    return code


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by ``eventwire events``, ``export``, ``trends`` and the API.

    ``actor`` matches the source or the target: a country or body code ("CHN", "UNO") or a full code
    ("CHNGOV", which also matches CHNGOVxxx); ``dyad``
    matches events between two actors in either direction; ``cameo`` is a code prefix.

    Rows are events (one per happening: the columns of its first mention) unless ``mentions`` asks
    for every mention; ``historical`` events (placed by the text more than a year before
    publication) are left out unless ``include_historical``."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    include_historical: bool = False
    mentions: bool = False
    min_confidence: float | None = None
    coded_by: str | None = None

    @classmethod
    def parse(
        cls,
        actor: str | None = None,
        dyad: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        quad: int | str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: str | None = None,
        include_historical: bool = False,
        min_confidence: float | str | None = None,
        coded_by: str | None = None,
    ) -> EventFilter:
        """Validate user input (CLI options, API parameters); raises :class:`QueryError`."""
        pair: tuple[str, str] | None = None
        if dyad:
            parts = [p for p in re.split(r"[,\s]+", dyad) if p]
            if len(parts) != 2:
                raise QueryError(f"--dyad: {dyad!r} must be two actor codes, e.g. CHN,RUS")
            pair = (_code(parts[0], "--dyad"), _code(parts[1], "--dyad"))
        if cameo is not None and cameo != "" and not _CAMEO.match(cameo):
            raise QueryError(f"--cameo: {cameo!r} is not a CAMEO code prefix (digits)")
        quad_n = _bounded(quad, int, 1, 4, "--quad", "1-4")
        least = _bounded(min_confidence, float, 0.0, 1.0, "--min-confidence", "a number between 0 and 1")
        if coded_by and coded_by not in CODED_BY:
            raise QueryError(f"--coded-by: {coded_by!r} is not one of {', '.join(CODED_BY)}")
        start, end = parse_day(since, "--since"), parse_day(until, "--until")
        if start and end and start > end:
            raise QueryError(f"--since {start} is after --until {end}")
        return cls(
            actor=_code(actor, "--actor") if actor else None,
            dyad=pair,
            cameo=cameo or None,
            plover=plover.strip().upper() if plover else None,
            quad=quad_n,
            status=status or None,
            since=start,
            until=end,
            article_id=article_id or None,
            include_historical=include_historical,
            min_confidence=least,
            coded_by=coded_by or None,
        )


CODED_BY = ("rule", "model", "both")
Number = TypeVar("Number", int, float)


def _bounded(
    value: object, cast: Callable[[Any], Number], low: Number, high: Number, option: str, what: str
) -> Number | None:
    """A numeric filter given as text or a number, within [low, high]; None when not given."""
    if value is None or value == "":
        return None
    try:
        number = cast(value)
    except ValueError as exc:
        raise QueryError(f"{option}: {value!r} is not {what}") from exc
    if not low <= number <= high:
        raise QueryError(f"{option}: {value!r} is not {what}")
    return number


def _side(col: str, code: str) -> tuple[str, list[Any]]:
    """``col`` ("source"/"target") is the actor ``code`` (a country or body code, "CHN", "UNO") or a
    longer code starting with one ("CHNGOV").  Equality on the country column lets DuckDB skip row
    groups (segments are sorted by it)."""
    if len(code) == 3:
        return f"{col}_country = ?", [code]
    return f"({col}_country = ? AND starts_with({col}_code, ?))", [code[:3], code]


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition over the ``events`` view and its parameters (values are always parameters)."""
    parts: list[str] = []
    params: list[Any] = []
    if f.actor:
        s_sql, s_par = _side("source", f.actor)
        t_sql, t_par = _side("target", f.actor)
        parts.append(f"({s_sql} OR {t_sql})")
        params += s_par + t_par
    if f.dyad:
        a, b = f.dyad
        sa, pa = _side("source", a)
        tb, pb = _side("target", b)
        sb, pb2 = _side("source", b)
        ta, pa2 = _side("target", a)
        # dyad_key first: segments are sorted by it, so DuckDB reads only the dyad's row groups
        parts.append(f"dyad_key = ? AND (({sa} AND {tb}) OR ({sb} AND {ta}))")
        params += [dyad_key(a[:3], b[:3]), *pa, *pb, *pb2, *pa2]
    if f.cameo:
        parts.append("starts_with(cameo, ?)")
        params.append(f.cameo)
    if f.plover:
        parts.append("plover_event = ?")
        params.append(f.plover)
    if f.quad:
        parts.append("quad_class = ?")
        params.append(f.quad)
    if f.status:
        parts.append("status = ?")
        params.append(f.status)
    if f.since:
        parts.append("day >= ?")
        params.append(f.since)
    if f.until:
        parts.append("day <= ?")
        params.append(f.until)
    if f.article_id:
        parts.append("article_id = ?")
        params.append(f.article_id)
    if f.min_confidence is not None:
        parts.append("confidence >= ?")
        params.append(f.min_confidence)
    if f.coded_by:
        parts.append("coded_by = ?")
        params.append(f.coded_by)
    if not f.mentions:
        parts.append("first_mention")
    if not f.include_historical:
        parts.append("NOT historical")
    return (" AND ".join(parts) or "TRUE"), params


def event_rows(
    reader: StoreReader,
    f: EventFilter,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Matching events (or mentions, with ``f.mentions``), newest first, each with its event's
    ``global_event_id`` and GDELT-style counts over the whole store (from the catalog's Events table):
    ``num_mentions``, ``num_articles``, ``num_sources`` (distinct publishers), ``num_stories`` (story
    clusters).

    Fast on large stores: segments are sorted by dyad and day, and the other columns are read for
    the page's rows only."""
    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must be >= 0, not {offset}")
    where, params = where_clause(f)
    order = "day DESC NULLS LAST, event_id" + (", mention_id" if f.mentions else "")  # events: ids unique
    with reader.cursor() as cur:
        # one Top-N query; DuckDB's late materialisation reads the other columns of the page's rows only
        cur.execute(
            f"SELECT * FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        names = [d[0] for d in cur.description or []]
        page = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    if not page:
        return []
    counts = event_counts(reader.catalog, [r["event_id"] for r in page])
    for row in page:
        row["global_event_id"] = global_event_id(row["event_id"])
        row.update(counts.get(row["event_id"], dict.fromkeys(MENTION_COLUMNS, 1)))
    return page


def count_events(reader: StoreReader, f: EventFilter) -> int:
    """How many events (or mentions) match ``f``; all events from the catalog's segment counts (the
    segments the views read), without a scan."""
    if f == EventFilter(include_historical=f.include_historical):
        row = reader.catalog.execute(
            "SELECT COALESCE(SUM(n_events), 0), COALESCE(SUM(n_historical), 0) FROM segments WHERE seq <= ?",
            (reader.seq,),
        ).fetchone()
        return int(row[0]) - (0 if f.include_historical else int(row[1]))
    where, params = where_clause(f)
    with reader.cursor() as cur:
        row = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


#: What :func:`event_detail` gives of each mention.
MENTION_FIELDS = (
    "mention_id",
    "first_mention",
    "article_id",
    "sentence",
    "sentence_text",
    "trigger",
    "char_start",
    "char_end",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "status",
    "confidence",
    "coded_by",
    "cameo",
    "date",
    "date_precision",
    "date_source",
    "date_text",
    "day",
    "historical",
    "ingested_at",
)


def event_detail(reader: StoreReader, event_id: str, limit: int = MAX_LIMIT) -> dict[str, Any] | None:
    """One event with its mentions (None when there is no such event): ``event`` (its first mention's
    columns, its counts, the span of its mentions' days, when it was first stored) and ``mentions``
    (:data:`MENTION_FIELDS` with the article's title, URL, publisher and publication date), first
    mention first, then in the order they were stored (to the second, then by id), at most ``limit``.

    Fast on large stores: the catalog gives the event's dyad and days, so the scan reads only the
    row groups that can hold its mentions."""
    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    found = reader.catalog.execute(
        "SELECT dyad_key, first_day, last_day, added FROM events WHERE event_id = ?", (event_id,)
    ).fetchone()
    if found is None:
        return None
    dyad, first_day, last_day, added = found
    days = "day BETWEEN ? AND ?" if first_day else "day IS NULL"
    params: list[Any] = [dyad, event_id, *([first_day, last_day] if first_day else [])]
    with reader.cursor() as cur:
        cur.execute(
            f"SELECT * FROM events WHERE dyad_key = ? AND event_id = ? AND {days} "
            "ORDER BY first_mention DESC, ingested_at, mention_id LIMIT ?",
            [*params, limit],
        )
        names = [d[0] for d in cur.description or []]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    if not rows:
        return None
    articles = _articles(reader, [r["article_id"] for r in rows])
    event = dict(rows[0])
    event.update(event_counts(reader.catalog, [event_id]).get(event_id, dict.fromkeys(MENTION_COLUMNS, 1)))
    event.update(global_event_id=global_event_id(event_id), added=added)
    event.update(first_day=first_day, last_day=last_day)
    mentions = []
    for r in rows:
        mention = {k: r[k] for k in MENTION_FIELDS}
        mention.update(articles.get(r["article_id"], {}))
        mentions.append(mention)
    return {"event": event, "mentions": mentions}


def _trigger_at(sentence: str, row: dict[str, Any]) -> int:
    """Where the event's trigger starts in its sentence: the stored article offsets say it when an actor
    text anchors the sentence's own start; else the trigger's first whole-word occurrence (-1: none)."""
    trigger = row.get("trigger") or ""
    word = rf"(?<!\w){re.escape(trigger)}(?!\w)"
    found = [m.start() for m in re.finditer(word, sentence)] if trigger else []
    if len(found) > 1 and row.get("char_start") is not None:
        for side in ("source", "target"):
            text, start = row.get(f"{side}_text") or "", row.get(f"{side}_start")
            if text and start is not None and sentence.count(text) == 1:
                at = int(row["char_start"]) - (int(start) - sentence.index(text))  # sentence start known
                if at in found:
                    return at
    return found[0] if found else -1


def snippet(row: dict[str, Any], width: int = 160) -> tuple[str, str, str]:
    """The event's sentence around its trigger, at most about ``width`` characters: (text before the
    trigger, the trigger, text after it), cut at word boundaries with "…"; the trigger is "" when it
    cannot be found in the sentence (then the first ``width`` characters are the "before" part)."""
    sentence = re.sub(r"\s", " ", row.get("sentence_text") or "")  # offsets kept: one for one
    at = _trigger_at(sentence, row)
    if at < 0:
        text = sentence.strip()
        cut = text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"
        return cut, "", ""
    trigger = row["trigger"]
    room = max(0, width - len(trigger))
    before, after = sentence[:at], sentence[at + len(trigger) :]
    keep_before = min(len(before), max(room // 2, room - len(after)))
    keep_after = room - keep_before
    if len(before) > keep_before:
        before = "…" + before[len(before) - keep_before :].split(" ", 1)[-1]
    if len(after) > keep_after:
        after = after[:keep_after].rsplit(" ", 1)[0] + "…"
    return before.lstrip(), trigger, after.rstrip()


def _articles(reader: StoreReader, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, URL, publisher and publication date of stored articles, from the catalog."""
    unique = list(dict.fromkeys(ids))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in reader.catalog.execute(
            "SELECT article_id, title, url, source_name, published FROM articles "
            f"WHERE article_id IN ({marks})",
            chunk,
        ):
            out[r[0]] = {"title": r[1], "url": r[2], "source_name": r[3], "published": r[4]}
    return out
