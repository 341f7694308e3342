"""The exception hierarchy of eventwire, written out in one place.

Every error carries a stable code (``E0xx``) so that messages can be looked up
and matched in tests and logs::

    EventwireError
    ├── ConfigError            E001  bad setting or unknown model
    ├── DictionaryError        E010  a data file (actors, patterns, tables) is invalid
    ├── InputError             E020  a path cannot be read
    ├── StoreError             E040  the event store cannot be opened or written
    │   ├── StoreBusyError     E041  another ingest is writing to the store
    │   ├── QueryError         E042  a query (search syntax, filter) is invalid
    │   └── QueryTimeoutError  E043  a query ran longer than the time limit
    └── DocumentError          E030  one document cannot be processed (batch goes on)
        ├── DecodeError        E031  bytes are not text in any supported encoding
        ├── EmptyDocumentError E032  no article text could be extracted
        ├── RecordError        E033  a JSONL/CSV record is not valid
        ├── TooLargeError      E034  the document is larger than max_document_bytes
        ├── LanguageError      E035  the text is not in a language the pipeline codes
        ├── ArchiveError       E036  a gzip or WARC archive is truncated or corrupt
        ├── ReadError          E037  a file or directory cannot be read
        ├── CodingError        E038  extracting, parsing or coding the document failed
        └── FetchError         E039  a URL or feed cannot be fetched (HTTP error, timeout, robots.txt)

A :class:`DocumentError` is stored with its code in the ingest summary and the store
(``eventwire failures``); the ingest goes on with the next document.
"""

from __future__ import annotations

from typing import Any


class EventwireError(Exception):
    """Base class of every error raised by eventwire."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(EventwireError):
    """A setting is invalid, or the configured spaCy model cannot be loaded."""

    code = "E001"


class DictionaryError(EventwireError):
    """A dictionary/data file is invalid. ``problems`` lists every bad entry at once."""

    code = "E010"

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = list(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{path}: {len(self.problems)} invalid entr{'y' if len(problems) == 1 else 'ies'}:\n{shown}"
        )


class InputError(EventwireError):
    """A path given by the user does not exist or cannot be read."""

    code = "E020"


class StoreError(EventwireError):
    """The event store cannot be opened, read or written."""

    code = "E040"


class StoreBusyError(StoreError):
    """Another process holds the store's ingest lock; the second ingest refuses."""

    code = "E041"


class QueryError(StoreError):
    """A query or filter is invalid (bad search syntax, bad date, unknown format)."""

    code = "E042"


class QueryTimeoutError(StoreError):
    """A query was stopped at the time limit (``query_timeout``); narrower filters answer sooner."""

    code = "E043"


class DocumentError(EventwireError):
    """One document could not be processed; it is named in the message and the batch goes on."""

    code = "E030"

    def __init__(self, document: str, reason: str) -> None:
        self.document = document
        self.reason = reason
        super().__init__(f"{document}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Picklable with its two arguments (failures come back from worker processes)."""
        return (type(self), (self.document, self.reason))


class DecodeError(DocumentError):
    """The bytes are binary or not text in any supported encoding."""

    code = "E031"


class EmptyDocumentError(DocumentError):
    """No article text could be extracted (empty file, blank page, only scripts)."""

    code = "E032"


class RecordError(DocumentError):
    """A JSONL line or CSV row is not a valid record."""

    code = "E033"


class TooLargeError(DocumentError):
    """The document is larger than ``max_document_bytes`` (refused without reading the rest)."""

    code = "E034"


class LanguageError(DocumentError):
    """The text is, with confidence, in a language outside the ``languages`` setting."""

    code = "E035"


class ArchiveError(DocumentError):
    """A gzip or WARC archive is truncated or corrupt (documents before the damage are read)."""

    code = "E036"


class ReadError(DocumentError):
    """A file or directory cannot be read (permissions, dangling link, I/O error)."""

    code = "E037"


class CodingError(DocumentError):
    """Extracting, parsing or coding this document failed (the rest of its batch goes on)."""

    code = "E038"


class FetchError(DocumentError):
    """A URL or feed cannot be fetched (HTTP error, timeout, robots.txt, not http(s))."""

    code = "E039"


DOCUMENT_ERRORS: tuple[type[DocumentError], ...] = (
    DocumentError,
    DecodeError,
    EmptyDocumentError,
    RecordError,
    TooLargeError,
    LanguageError,
    ArchiveError,
    ReadError,
    CodingError,
    FetchError,
)


__all__ = [
    "DOCUMENT_ERRORS",
    "ArchiveError",
    "CodingError",
    "ConfigError",
    "DecodeError",
    "DictionaryError",
    "DocumentError",
    "EmptyDocumentError",
    "EventwireError",
    "FetchError",
    "InputError",
    "LanguageError",
    "QueryError",
    "QueryTimeoutError",
    "ReadError",
    "RecordError",
    "StoreBusyError",
    "StoreError",
    "TooLargeError",
]
