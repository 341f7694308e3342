"""Reading the Reuters-21578 SGML collection (research use only) for the audit draw and the benchmarks.

The collection (``reuters21578/sgm/*.sgm.gz``, Latin-1) holds ``<REUTERS>`` records; a story is a
record with a non-empty ``<BODY>``.  Each story comes out as a mapping with ``id`` (the file's stem and
the record's index in it, e.g. ``reut2-001-962``), ``title``, ``text`` (the body without the
end-of-text mark), ``date`` (ISO, from ``<DATE>``; empty when absent) and ``places`` (the ``<D>``
entries of ``<PLACES>``), in file order.
"""

from __future__ import annotations

import gzip
import html
import re
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["reuters_stories"]

_RECORD = re.compile(r"<REUTERS.*?</REUTERS>", re.S)


def _field(doc: str, tag: str) -> str:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def reuters_stories(sgm_dir: Path) -> Iterator[dict[str, str | list[str]]]:
    """The stories of every ``*.sgm.gz`` file under ``sgm_dir``, files in name order."""
    for path in sorted(sgm_dir.glob("*.sgm.gz")):
        text = gzip.decompress(path.read_bytes()).decode("latin-1")
        for n, doc in enumerate(_RECORD.findall(text)):
            body = _field(doc, "BODY").replace("\x03", "").strip()
            if not body:
                continue
            day = _field(doc, "DATE").split(" ")[0]
            yield {
                "id": f"{path.name.split('.')[0]}-{n}",
                "title": _field(doc, "TITLE"),
                "text": body,
                "date": time.strftime("%Y-%m-%d", time.strptime(day, "%d-%b-%Y")) if day else "",
                "places": re.findall(r"<D>(.*?)</D>", _field(doc, "PLACES")),
            }
