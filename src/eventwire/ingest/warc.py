"""Web archives (WARC, plain or gzipped): one document per archived HTML or text response."""

from __future__ import annotations

import io
from collections.abc import Iterator

from eventwire.errors import ArchiveError, DocumentError, TooLargeError
from eventwire.ingest.decoding import decode_bytes
from eventwire.models import DocumentKind, Limits, RawDocument

__all__ = ["iter_warc"]

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(
    data: bytes, source: str, most: int = Limits().max_document_bytes
) -> Iterator[RawDocument | DocumentError]:
    """Documents of the ``response`` records with status 200 and an HTML or text payload; other
    records are skipped; a payload above ``most`` bytes is refused (:class:`TooLargeError`); a
    truncated or corrupt archive ends with an :class:`ArchiveError`."""
    import logging

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.limitreader import LimitReader

    logging.getLogger("warcio").setLevel(logging.ERROR)

    valid = 0  # records that really are WARC (or ARC responses): garbage parses as empty ARC records
    end = 0  # where the last complete record ended
    archive = ArchiveIterator(io.BytesIO(data))
    try:
        for n, record in enumerate(archive, start=1):
            if record.format == "warc" or record.http_headers is not None:
                valid += 1
            if not isinstance(record.raw_stream, LimitReader):  # a gzip member cut short
                yield ArchiveError(
                    f"{source}#{n}", "truncated or invalid WARC: the archive ends inside a record"
                )
                return
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{n}:{url}"
            status = record.http_headers.get_statuscode()
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            payload = record.content_stream().read(most + 1)  # decoded, and no more than needed
            archive.read_to_end(record)
            end = archive.get_record_offset() + archive.get_record_length()
            if getattr(record.raw_stream, "limit", 0):  # the record's declared length is not there
                yield ArchiveError(where, "truncated or invalid WARC: the archive ends inside this record")
                return
            if status != "200" or not ctype.startswith(TEXT_TYPES):
                continue
            if len(payload) > most:
                yield TooLargeError(where, f"payload larger than max_document_bytes ({most:,})")
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
        yield ArchiveError(source, f"truncated or invalid WARC: {exc}")
        return
    if valid == 0 and data.strip():
        yield ArchiveError(source, "not a WARC file: no record could be read")
    elif data[end:].strip():  # bytes after the last complete record: a gzip member cut short
        yield ArchiveError(
            source, f"truncated or invalid WARC: {len(data) - end} bytes after the last record"
        )
