"""Read documents from files, directories, gzip files, JSONL and CSV collections.

:func:`iter_documents` yields one :class:`RawDocument` per document, or a
:class:`DocumentError` naming the document and the reason, so that a batch
goes on past a bad file or a bad JSONL line.  Only a path that does not exist
at all raises (:class:`InputError`).

Limits (:class:`~eventwire.models.Limits`): a single-document file larger than
``max_document_bytes`` is refused (E034) — by its size, and reading stops one byte past the limit
(pipes and special files included); so is every record of a collection (JSONL, CSV, WARC) above it.
A gzipped document is inflated only up to that size, a gzipped collection up to
:data:`COLLECTION_FACTOR` times it: a gzip bomb stops there.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import (
    ArchiveError,
    DecodeError,
    DocumentError,
    InputError,
    ReadError,
    RecordError,
    TooLargeError,
)
from eventwire.ingest.decoding import decode_bytes
from eventwire.models import DocumentKind, Limits, RawDocument

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
COLLECTION_SUFFIXES = JSONL_SUFFIXES | WARC_SUFFIXES | frozenset(TABLE_SUFFIXES)
COLLECTION_FACTOR = 100  # a (gzipped) collection file may hold this many times max_document_bytes
TEXT_COLUMNS = ("text", "body", "content")  # the first present holds the article text
META_KEYS = ("id", "title", "date", "url")

# Documentation files that sit next to data (skipped when walking a directory, read when named).
_DOC_FILE = re.compile(
    r"^(?:readme|licen[cs]e|attribution|source|notice|copying|changelog)(?:\.[a-z]+)?$", re.I
)
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)


def iter_documents(
    paths: Iterable[str], limits: Limits | None = None
) -> Iterator[RawDocument | DocumentError]:
    """Yield a RawDocument (or a DocumentError) for every document under ``paths``.

    Directories are walked recursively in sorted order, skipping hidden files and
    directories and documentation files (README, LICENSE, ATTRIBUTION, SOURCE...).
    Raises :class:`InputError` for a path that does not exist.
    """
    most = (limits or Limits()).max_document_bytes
    for raw in paths:
        path = Path(raw).absolute()  # one name per file, wherever the command was run from
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            for file in _walk(path):
                if isinstance(file, DocumentError):
                    yield file
                else:
                    yield from _read_file(file, most)
        else:
            yield from _read_file(path, most)


def _walk(root: Path) -> Iterator[Path | DocumentError]:
    """Files under ``root``, sorted, depth first, hidden entries skipped; an unreadable
    directory is reported, and a dangling link is yielded so that reading it reports it."""
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield ReadError(str(root), f"cannot list directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or _DOC_FILE.match(entry.name):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file() or entry.is_symlink():
            yield entry


def _too_large(source: str, size: int, most: int, what: str = "max_document_bytes") -> TooLargeError:
    return TooLargeError(source, f"{size:,} bytes, more than {what} ({most:,})")


def _oversized(where: str, text: str, most: int) -> TooLargeError | None:
    """The error for a record whose text is more than ``most`` bytes in UTF-8, else None."""
    if len(text) <= most // 4:  # a character is at most 4 bytes: no need to encode
        return None
    size = len(text.encode("utf-8"))
    return _too_large(where, size, most) if size > most else None


def _collection(name: str) -> bool:
    """Whether file ``name`` holds many documents (JSONL, CSV/TSV, WARC; gzipped or not)."""
    name = name.removesuffix(".gz")
    return Path(name).suffix in COLLECTION_SUFFIXES


def _read_file(path: Path, most: int) -> Iterator[RawDocument | DocumentError]:
    source = str(path)
    name = path.name.lower()
    collection = _collection(name)
    cap = most * COLLECTION_FACTOR if collection else most
    what = (
        f"{COLLECTION_FACTOR} x max_document_bytes for a collection" if collection else "max_document_bytes"
    )
    slack = 1024 if name.endswith(".gz") else 0  # gzip's header: compressed <= inflated + 1 KB
    try:
        size = path.stat().st_size
        if size > cap + slack:
            yield _too_large(source, size, cap, what)  # refused unread
            return
        with path.open("rb") as fh:
            data = fh.read(cap + slack + 1)  # a pipe or a special file may say size 0
        if len(data) > cap + slack:
            yield _too_large(source, len(data), cap, what)
            return
    except OSError as exc:
        yield ReadError(source, f"cannot read file: {exc.strerror or exc}")
        return
    if name.endswith((".warc.gz", ".arc.gz")):  # warcio reads gzip members itself, up to a truncation
        from eventwire.ingest.warc import iter_warc

        yield from iter_warc(data, source, most)
        return
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
        try:
            inflated = _gunzip(data, cap)
        except (OSError, EOFError, zlib.error) as exc:
            yield ArchiveError(source, f"not a valid gzip file (truncated or corrupt): {exc}")
            return
        if inflated is None:
            yield TooLargeError(source, f"decompresses to more than {cap:,} bytes ({what})")
            return
        data = inflated
    suffix = Path(name).suffix
    if suffix in WARC_SUFFIXES:
        from eventwire.ingest.warc import iter_warc

        yield from iter_warc(data, source, most)
        return
    try:
        text = decode_bytes(data, source)
    except DecodeError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(text, source, most)
        return
    if suffix in TABLE_SUFFIXES:
        yield from _iter_table(text, source, TABLE_SUFFIXES[suffix], most)
        return
    kind: DocumentKind = "html" if suffix in HTML_SUFFIXES or looks_like_html(text) else "text"
    yield RawDocument(source=source, kind=kind, content=text)


def _gunzip(data: bytes, most: int) -> bytes | None:
    """``data`` decompressed (every gzip member), or None when it exceeds ``most`` bytes; raises on
    a truncated or corrupt stream."""
    out = bytearray()
    while data:
        inflate = zlib.decompressobj(wbits=31)
        out += inflate.decompress(data, most + 1 - len(out))
        if len(out) > most:
            return None
        if not inflate.eof:
            raise EOFError("compressed file ended before the end-of-stream marker was reached")
        data = inflate.unused_data.lstrip(b"\x00")
    return bytes(out)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` looks like an HTML document."""
    return bool(_HTML_SNIFF.search(text[:2048]))


def _iter_jsonl(text: str, source: str, most: int) -> Iterator[RawDocument | DocumentError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        if (too_large := _oversized(where, line, most)) is not None:
            yield too_large
            continue
        try:
            yield _parse_record(line, where)
        except RecordError as exc:
            yield exc


def _iter_table(text: str, source: str, delimiter: str, most: int) -> Iterator[RawDocument | DocumentError]:
    """A CSV/TSV collection with a header row: one document per row, its text in the first of
    ``text``/``body``/``content``, and ``id``/``title``/``date``/``url`` columns as metadata."""
    csv.field_size_limit(1 << 30)
    # strict: a quote left open swallows the following rows; report it instead of merging them
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        yield RecordError(f"{source}:1", f"invalid CSV header (a quote left open?): {exc}")
        return
    column = next((c for c in TEXT_COLUMNS if c in header), None)
    if column is None:
        yield RecordError(source, f"no text column (one of {', '.join(TEXT_COLUMNS)}) in the header")
        return
    reader.fieldnames = header
    line = reader.line_num  # the last line read; a row is named by its last line
    try:
        for row in reader:
            where, line = f"{source}:{reader.line_num}", reader.line_num
            body = row.get(column)
            if not isinstance(body, str) or not body.strip():
                yield RecordError(where, f"empty {column!r} column")
                continue
            if (too_large := _oversized(where, body, most)) is not None:
                yield too_large
                continue
            meta = {k: v for k in META_KEYS if isinstance(v := row.get(k), str) and v.strip()}
            yield RawDocument(source=where, kind="jsonl", content=body, meta=meta)
    except csv.Error as exc:
        yield RecordError(
            f"{source}:{line + 1}", f"invalid CSV from this line on (a quote left open?): {exc}"
        )


def _parse_record(line: str, where: str) -> RawDocument:
    """One JSONL line → RawDocument (kind "jsonl"); raises RecordError when invalid."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(where, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise RecordError(where, "a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError(where, "missing or non-string 'text' field")
    meta: dict[str, str] = {}
    for key, value in record.items():
        if key == "text" or value is None:
            continue
        if key == "id" and not isinstance(value, str | int):
            raise RecordError(where, "'id' must be a string or an integer")
        if isinstance(value, str | int | float | bool):
            meta[key] = str(value)
    return RawDocument(source=where, kind="jsonl", content=text, meta=meta)


__all__ = ["decode_bytes", "iter_documents", "looks_like_html"]
