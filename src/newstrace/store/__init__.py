"""The store: schema, migrations and every query (SQLite by default)."""

from newstrace.store.database import SaveResult, SearchHit, Store, StoreCounts, open_store

__all__ = ["SaveResult", "SearchHit", "Store", "StoreCounts", "open_store"]
