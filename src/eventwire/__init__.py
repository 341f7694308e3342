"""eventwire: political event data from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from eventwire.errors import (  # noqa: E402
    ConfigError,
    DictionaryError,
    DocumentError,
    EventwireError,
    InputError,
)
from eventwire.models import ActorMention, Article, Event, PloverLabel, RawDocument  # noqa: E402

if TYPE_CHECKING:
    from eventwire.pipeline import CodedArticle, Pipeline, read_articles


def __getattr__(name: str) -> Any:
    """Heavy parts (spaCy, trafilatura) are imported on first use."""
    if name in {"Pipeline", "CodedArticle", "read_articles"}:
        from eventwire import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


__all__ = [
    "ActorMention",
    "CodedArticle",
    "Pipeline",
    "read_articles",
    "Article",
    "ConfigError",
    "DictionaryError",
    "DocumentError",
    "Event",
    "EventwireError",
    "InputError",
    "PloverLabel",
    "RawDocument",
    "__version__",
]
