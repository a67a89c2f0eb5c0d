"""Where fingerprints live: one interface (:class:`~codekin.store.base.Store`), an embedded SQLite
backend (default, one file, no server); a server backend can follow behind the same interface."""

from codekin.store.base import LabelSpec, SampleRecord, StaleIndexError, Store
from codekin.store.sqlite import SQLiteStore, open_store

__all__ = ["LabelSpec", "SQLiteStore", "SampleRecord", "StaleIndexError", "Store", "open_store"]
