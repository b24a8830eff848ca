"""Storage: SQLite by default, PostgreSQL by URL, one schema through SQLAlchemy Core."""

from rashomon.store.db import AddResult, Store, db_url, default_db

__all__ = ["AddResult", "Store", "db_url", "default_db"]
