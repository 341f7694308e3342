"""Web archives (WARC, plain or gzipped): one document per archived HTML or text response."""

from __future__ import annotations

import io
from collections.abc import Iterator

from eventwire.errors import DocumentError
from eventwire.ingest.sources import decode_bytes
from eventwire.models import DocumentKind, RawDocument

__all__ = ["iter_warc"]

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(data: bytes, source: str) -> Iterator[RawDocument | DocumentError]:
    """Documents of the ``response`` records with status 200 and an HTML or text payload; other
    records are skipped; a truncated or corrupt archive ends with a :class:`DocumentError`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{n}:{url}"
            status = record.http_headers.get_statuscode()
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0):  # the record's declared length is not there
                yield DocumentError(where, "truncated or invalid WARC: the archive ends inside this record")
                return
            if status != "200" or not ctype.startswith(TEXT_TYPES):
                continue
            try:
                text = decode_bytes(payload, where)
            except DocumentError as exc:
                yield exc
                continue
            meta = {"url": url, "date": record.rec_headers.get_header("WARC-Date") or ""}
            kind: DocumentKind = "text" if ctype.startswith("text/plain") else "html"
            yield RawDocument(where, kind, text, {k: v for k, v in meta.items() if v})
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield DocumentError(source, f"truncated or invalid WARC: {exc}")
