"""Serialising events and articles for the command line (JSONL and TSV), and the progress line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from eventwire.models import Event

TSV_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "date_source",
    "source_code",
    "source_country",
    "source_sector",
    "source_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_text",
    "cameo",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "status",
    "sentence",
    "trigger",
    "char_start",
    "char_end",
    "pattern",
    "location_name",
    "location_country",
    "location_adm1",
    "location_lat",
    "location_lon",
)


def _clean(value: object) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")


def event_row(e: Event) -> list[str]:
    t = e.target
    values: list[object] = [
        e.event_id,
        e.article_id,
        e.date,
        e.date_source,
        e.source.code,
        e.source.country,
        e.source.sector,
        e.source.text,
        t.code if t else "",
        t.country if t else "",
        t.sector if t else "",
        t.text if t else "",
        e.cameo,
        e.cameo_name,
        e.goldstein,
        e.quad_class,
        e.plover.event,
        e.plover.mode,
        e.status,
        e.sentence,
        e.trigger,
        e.char_span[0],
        e.char_span[1],
        e.pattern,
    ]
    loc = e.location
    values += [loc.name, loc.country, loc.adm1, loc.lat, loc.lon] if loc else ["", "", "", "", ""]
    return [_clean(v) for v in values]


def write_events(events: Iterable[Event], out: IO[str], fmt: str, header: bool) -> int:
    n = 0
    if fmt == "tsv" and header:
        out.write("\t".join(TSV_COLUMNS) + "\n")
    for e in events:
        if fmt == "tsv":
            out.write("\t".join(event_row(e)) + "\n")
        else:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


class Progress:
    """A one-line article counter on stderr, shown only on a terminal."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream, self.enabled, self.done = stream, enabled, 0

    def __call__(self, n: int) -> None:
        self.done += n
        if self.enabled:
            self.stream.write(f"\rcoded {self.done} articles")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
