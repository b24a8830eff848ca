"""The document store: one SQLite file (WAL) by default, PostgreSQL by URL.

Every write is one transaction per document, so a batch killed half-way leaves every document
it already stored complete and nothing half-written; WAL with ``synchronous=NORMAL`` keeps that
guarantee against process death (not power loss) at a fraction of the cost of a full fsync per
document.

The store is put together from its parts, one module each: ``_base`` (engine, schema,
connections, locks), ``_documents``, ``_claims`` and ``_events``; ``_queries`` and ``_rows``
hold the SQL and row conversions they share.
"""

from __future__ import annotations

from rashomon.store._base import DEFAULT_DB as DEFAULT_DB
from rashomon.store._base import db_url, default_db, disk_full
from rashomon.store._claims import ClaimStore
from rashomon.store._documents import AddResult, DocumentStore
from rashomon.store._events import EventStore
from rashomon.store._rows import BEYOND_RANGE_NOTE, INT64_MAX, INT64_MIN

__all__ = [
    "BEYOND_RANGE_NOTE",
    "DEFAULT_DB",
    "INT64_MAX",
    "INT64_MIN",
    "AddResult",
    "Store",
    "db_url",
    "default_db",
    "disk_full",
]


class Store(DocumentStore, ClaimStore, EventStore):
    """Documents keyed by the sha256 of their text, with path versions and raw bytes; their
    claims and extractions; the events aligned from the claims."""
