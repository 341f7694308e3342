"""eventwire: political event data from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from eventwire.errors import (
    ConfigError,
    DictionaryError,
    DocumentError,
    EventwireError,
    InputError,
    QueryError,
    StoreBusyError,
    StoreError,
)
from eventwire.models import ActorMention, Article, Event, PloverLabel, RawDocument

if TYPE_CHECKING:
    from eventwire.pipeline import CodedArticle, Pipeline, read_articles
    from eventwire.store import Store, StoreReader


def __getattr__(name: str) -> Any:
    """Heavy parts (spaCy, trafilatura) are imported on first use."""
    if name in {"Pipeline", "CodedArticle", "read_articles"}:
        from eventwire import pipeline

        return getattr(pipeline, name)
    if name in {"Store", "StoreReader"}:
        from eventwire import store

        return getattr(store, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


__all__ = [
    "ActorMention",
    "Article",
    "CodedArticle",
    "ConfigError",
    "DictionaryError",
    "DocumentError",
    "Event",
    "EventwireError",
    "InputError",
    "Pipeline",
    "PloverLabel",
    "QueryError",
    "RawDocument",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreReader",
    "__version__",
    "read_articles",
]
