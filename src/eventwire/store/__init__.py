"""The embedded event store (Parquet segments + SQLite catalog and FTS5 index)."""

from __future__ import annotations

from eventwire.store.store import Store, StoredArticle, StoreReader, store_id

__all__ = ["Store", "StoreReader", "StoredArticle", "store_id"]
