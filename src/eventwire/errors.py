"""The exception hierarchy of eventwire, written out in one place.

Every error carries a stable code (``E0xx``) so that messages can be looked up
and matched in tests and logs::

    EventwireError
    ├── ConfigError            E001  bad setting or unknown model
    ├── DictionaryError        E010  a data file (actors, patterns, tables) is invalid
    ├── InputError             E020  a path cannot be read
    ├── StoreError             E040  the event store cannot be opened or written
    │   ├── StoreBusyError     E041  another ingest is writing to the store
    │   └── QueryError         E042  a query (search syntax, filter) is invalid
    └── DocumentError          E030  one document cannot be processed (batch goes on)
        ├── DecodeError        E031  bytes are not text in any supported encoding
        ├── EmptyDocumentError E032  no article text could be extracted
        └── RecordError        E033  a JSONL line is not a valid record
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
    code = "E031"


class EmptyDocumentError(DocumentError):
    code = "E032"


class RecordError(DocumentError):
    code = "E033"


__all__ = [
    "ConfigError",
    "DecodeError",
    "DictionaryError",
    "DocumentError",
    "EmptyDocumentError",
    "EventwireError",
    "InputError",
    "QueryError",
    "RecordError",
    "StoreBusyError",
    "StoreError",
]
