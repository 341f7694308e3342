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
from eventwire.store.store import SegmentSpan, StoreReader, dyad_key

__all__ = [
    "MAX_LIMIT",
    "MENTION_FIELDS",
    "EventFilter",
    "count_events",
    "event_detail",
    "event_rows",
    "events_between",
    "parse_day",
    "rollup_where",
    "snippet",
    "where_clause",
]

MAX_LIMIT = 10_000
#: Beyond this many rows (offset + limit) a page is one DuckDB top-N over every segment (ordered by
#: day, then event id) instead of the newest-first visit of the segments.
DEEP_PAGE = 10_000
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
    """Matching events (or mentions, with ``f.mentions``), newest first (ties: the segment with the
    newer events, then the row's place in its segment; past :data:`DEEP_PAGE` rows, the event id),
    each with its event's ``global_event_id`` and GDELT-style counts over the whole store (from the
    catalog's Events table): ``num_mentions``, ``num_articles``, ``num_sources`` (distinct
    publishers), ``num_stories`` (story clusters).

    Fast on large stores (see :func:`_newest`)."""
    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must be >= 0, not {offset}")
    page = _newest(reader, f, limit, offset)
    if not page:
        return []
    counts = event_counts(reader.catalog, [r["event_id"] for r in page])
    for row in page:
        row["global_event_id"] = global_event_id(row["event_id"])
        row.update(counts.get(row["event_id"], dict.fromkeys(MENTION_COLUMNS, 1)))
    return page


def _overlaps(span: SegmentSpan, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether the segment's days meet ``first``..``last`` (an open end when None; an undated segment
    meets no bounded range)."""
    if first and (span.last_day is None or span.last_day < first):
        return False
    return not (last and (span.first_day is None or span.first_day > last))


def _files(spans: list[SegmentSpan]) -> str:
    """The segments' events files as a DuckDB list literal's items."""
    return ", ".join(f"'{span.events_file}'" for span in spans)


def events_between(reader: StoreReader, first: dt.date, last: dt.date) -> str:
    """A FROM source for the events of ``first``..``last``: the segments whose days overlap, read
    directly (no time spent on the others' row groups), or the ``events`` view when none do."""
    overlap = [span for span in reader.spans() if _overlaps(span, first, last)]
    return f"read_parquet([{_files(overlap)}])" if overlap else "events"


def _newest(reader: StoreReader, f: EventFilter, limit: int, offset: int) -> list[dict[str, Any]]:
    """The page ``offset``..``offset + limit`` of the rows matching ``f``, newest first, in two steps.

    1. The segments are visited newest first (:meth:`StoreReader.spans`), the newest alone, then the
       next two, four, ... in one query each (a rare filter reads the older ones in a few queries);
       each visit gives its newest ``offset + limit`` matches as (day, row number) only, a narrow scan
       that DuckDB's top-N cuts short with the row groups' day statistics; the visits stop at the
       first segment whose last day is no newer than the page's last row (segments hold their own
       slice of time, as an ingest in arrival order and compaction leave them, so usually one is
       read); a segment whose days lie outside the filter's date range is not read at all.
    2. The page's rows are read whole by their row numbers, from their segments only."""
    where, params = where_clause(f)
    need = offset + limit
    if need > DEEP_PAGE:  # a deep page: one top-N in DuckDB (interruptible at the deadline)
        order = "day DESC NULLS LAST, event_id" + (", mention_id" if f.mentions else "")
        with reader.cursor() as cur:
            cur.execute(
                f"SELECT * FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
            names = [d[0] for d in cur.description or []]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    spans = [span for span in reader.spans() if _overlaps(span, f.since, f.until)]
    found: list[tuple[tuple[int, int, int], SegmentSpan, int]] = []  # (order key, segment, row number)
    with reader.cursor() as cur:
        start, size = 0, 1
        while start < len(spans):
            batch = spans[start : start + size]
            if len(found) >= need:
                cut = found[need - 1][0][0]  # the page's last day (ordinal, undated as the largest)
                newest = batch[0].last_day
                if newest is None or -newest.toordinal() >= cut:
                    break  # nothing here or after sorts before the page's last row
            listing = _files(batch)
            rank = " ".join(f"WHEN '{span.events_file}' THEN {start + i}" for i, span in enumerate(batch))
            hits = cur.execute(
                f"SELECT day, CASE filename {rank} END AS rank, file_row_number "
                f"FROM read_parquet([{listing}], file_row_number = true, filename = true) "
                f"WHERE {where} ORDER BY day DESC NULLS LAST, rank, file_row_number LIMIT ?",
                [*params, need],
            ).fetchall()
            found += [((-day.toordinal() if day else 1, r, n), spans[r], n) for day, r, n in hits]
            found.sort(key=lambda x: x[0])
            del found[need:]
            start, size = start + size, size * 2  # a rare filter reads the older segments in fewer queries
        chosen = found[offset:need]
        by_segment: dict[str, list[int]] = {}
        files: dict[str, str] = {}
        for _, span, number in chosen:
            by_segment.setdefault(span.segment_id, []).append(number)
            files[span.segment_id] = span.events_file
        rows_of: dict[tuple[str, int], dict[str, Any]] = {}
        for segment_id, numbers in by_segment.items():
            cur.execute(
                f"SELECT * FROM read_parquet('{files[segment_id]}', file_row_number = true) "
                f"WHERE file_row_number IN ({', '.join('?' * len(numbers))})",
                numbers,
            )
            names = [d[0] for d in cur.description or []]
            for values in cur.fetchall():
                record = dict(zip(names, values, strict=True))
                rows_of[(segment_id, int(record.pop("file_row_number")))] = record
    return [rows_of[(span.segment_id, number)] for _, span, number in chosen]


def rollup_where(reader: StoreReader, f: EventFilter) -> tuple[str, str, list[Any]] | None:
    """(table, condition, parameters) of ``f`` over one of the reader's rollup tables
    (:mod:`eventwire.store.rollup`), when the reader keeps rollups and ``f`` names only three-letter
    actor or dyad codes (``rollup``), or only CAMEO prefixes and PLOVER types (``rollup_codes``), with
    a quad class and the historical flag; else None: scan the events."""
    if f.mentions or f.status or f.since or f.until or f.article_id or f.min_confidence is not None:
        return None
    if f.coded_by or (f.actor and len(f.actor) != 3) or (f.dyad and any(len(c) != 3 for c in f.dyad)):
        return None
    actors, codes = bool(f.actor or f.dyad), bool(f.cameo or f.plover)
    if (actors and codes) or not reader.rollups():
        return None
    where, params = where_clause(f)
    return ("rollup_codes" if codes else "rollup"), where, params


def count_events(reader: StoreReader, f: EventFilter) -> int:
    """How many events (or mentions) match ``f``; all events from the catalog's segment counts (the
    segments the views read), without a scan."""
    if f == EventFilter(include_historical=f.include_historical):
        row = reader.catalog.execute(
            "SELECT COALESCE(SUM(n_events), 0), COALESCE(SUM(n_historical), 0) FROM segments WHERE seq <= ?",
            (reader.seq,),
        ).fetchone()
        return int(row[0]) - (0 if f.include_historical else int(row[1]))
    rolled = rollup_where(reader, f)
    if rolled is not None:
        table, condition, values = rolled
        with reader.cursor() as cur:
            row = cur.execute(f"SELECT COALESCE(sum(n), 0) FROM {table} WHERE {condition}", values).fetchone()
        return int(row[0]) if row else 0
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
    source = "events"  # the segments whose days overlap the event's mentions' days, when dated
    if first_day:
        source = events_between(reader, dt.date.fromisoformat(first_day), dt.date.fromisoformat(last_day))
    with reader.cursor() as cur:
        cur.execute(
            f"SELECT * FROM {source} WHERE dyad_key = ? AND event_id = ? AND {days} "
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
