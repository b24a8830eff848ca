"""Opening a store: the engine, creating or migrating the schema, the connections documents
are written through, store-wide locks, and a full disk as one coded error.

The store's parts (documents, claims, events) extend :class:`StoreBase`; ``store.db.Store``
puts them together.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, Self

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.exc import DatabaseError, OperationalError

from rashomon.errors import Code, StoreError
from rashomon.escape import hide_secrets
from rashomon.store import schema as s
from rashomon.store._queries import BEFORE_ADD, LATEST_FOR_PATH
from rashomon.store._statements import Prepared
from rashomon.store.migrations import MIGRATIONS

__all__ = ["DEFAULT_DB", "StoreBase", "db_url", "default_db", "disk_full", "full_error"]

DEFAULT_DB = "rashomon.db"


def default_db() -> str:
    return os.environ.get("RASHOMON_DB") or DEFAULT_DB


def db_url(path_or_url: str | Path) -> str:
    """A SQLAlchemy URL from a path or URL (``postgresql://...`` selects PostgreSQL)."""
    text = str(path_or_url)
    if "://" in text:
        if text.startswith("postgresql://"):
            # psycopg 3 is the maintained driver; SQLAlchemy's bare scheme means psycopg2.
            return "postgresql+psycopg://" + text[len("postgresql://") :]
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # The wait for a busy database first: switching a new file to WAL needs a lock that a
    # second process opening the same new store may hold.
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


class StoreBase:
    """The engine and connections of a store; the parts that read and write extend it."""

    def __init__(self, path_or_url: str | Path | None = None, *, create: bool = True) -> None:
        target = str(path_or_url) if path_or_url is not None else default_db()
        self.location = target
        #: The location as printed: a URL's password never is (``rashomon.escape``).
        self.shown = shown = hide_secrets(target)
        url = db_url(target)
        if url.startswith("sqlite:///"):
            file = Path(url[len("sqlite:///") :])
            if file.is_dir():
                raise StoreError(Code.STORE, "is a directory, not a database file", shown)
            if not file.exists() and not create:
                raise StoreError(Code.STORE, "no such store (run `rashomon ingest` first)", shown)
            if not file.parent.is_dir():
                raise StoreError(Code.STORE, "the folder for the store does not exist", shown)
        try:
            self.engine: Engine = create_engine(url)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError(Code.STORE, hide_secrets(f"cannot open store: {exc}"), shown) from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        event.listen(self.engine, "handle_error", partial(_on_error, shown))
        # The connection documents are added through, kept for the store's life (one per
        # thread): checking one out of the pool for every document cost as much as writing it.
        self._writers = threading.local()
        self._all_writers: list[Connection] = []
        dialect = self.engine.dialect
        self._before_add = Prepared(BEFORE_ADD, dialect)
        self._latest_for_path = Prepared(LATEST_FOR_PATH, dialect)
        self._insert_document = Prepared(s.documents.insert(), dialect)
        self._insert_raw = Prepared(s.raw_content.insert(), dialect)
        self._insert_path = Prepared(s.doc_paths.insert(), dialect)
        try:
            self.schema_version = self._open_schema(shown)
        except (DatabaseError, OperationalError) as exc:
            self.engine.dispose()
            raise StoreError(
                Code.STORE, hide_secrets(f"not a usable rashomon store: {exc.orig}"), shown
            ) from None

    def _open_schema(self, target: str) -> int:
        """Create or migrate the schema, safely when several processes open a new store at
        once (two `analyze` runs): PostgreSQL serialises them with an advisory lock; on SQLite
        the loser of the race finds the tables made meanwhile and tries again, now a no-op."""
        for attempt in range(_SCHEMA_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    if self.engine.dialect.name == "postgresql":
                        conn.execute(select(func.pg_advisory_xact_lock(_SCHEMA_LOCK)))
                    return _migrate(conn, target)
            except DatabaseError as exc:
                if attempt + 1 == _SCHEMA_ATTEMPTS or not _lost_schema_race(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def close(self) -> None:
        for conn in self._all_writers:
            conn.close()
        self._all_writers.clear()
        self._writers = threading.local()
        self.engine.dispose()

    def _writer(self) -> Connection:
        conn: Connection | None = getattr(self._writers, "conn", None)
        if conn is None or conn.closed:
            conn = self._writers.conn = self.engine.connect()
            self._all_writers = [c for c in self._all_writers if not c.closed] + [conn]
        return conn

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a store-wide lock named ``name`` while the block runs, so that a read, a
        computation and a write over the whole store (event alignment) never interleave with
        the same in another process: the second waits, then finds the work done.  PostgreSQL:
        a session advisory lock; SQLite: ``flock`` on ``<store>-<name>.lock`` beside it (never
        on the database file itself: closing another descriptor of it would drop the POSIX
        locks SQLite holds in this process)."""
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.execute(select(func.pg_advisory_lock(key)))
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(select(func.pg_advisory_unlock(key)))
                    conn.commit()
            return
        file = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not file or file == ":memory:":
            yield
            return
        import fcntl  # POSIX only, like the stores' other multi-process guarantees

        try:
            fd = os.open(f"{file}-{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:  # a read-only folder: nothing here can write the store either
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _stream(self, query: Any, batch_size: int) -> Iterator[dict[str, Any]]:
        # yield_per streams (a server-side cursor on PostgreSQL) instead of fetching all rows.
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(query)
            for row in result:
                yield dict(row[0])


_SCHEMA_ATTEMPTS = 8
#: PostgreSQL advisory lock key held while the schema is created or migrated ("rashomon").
_SCHEMA_LOCK = 0x7261_7368_6F6D_6F6E


def _lost_schema_race(exc: DatabaseError) -> bool:
    text = str(exc.orig).lower()
    return any(
        sign in text
        for sign in ("already exists", "duplicate column", "database is locked", "unique")
    )


def disk_full(exc: BaseException) -> bool:
    """Whether a database error means the disk (or the database's volume) is full."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) == "53100":  # PostgreSQL disk_full
        return True
    if isinstance(orig, OSError) and orig.errno == errno.ENOSPC:
        return True
    text = str(orig).lower()
    return "database or disk is full" in text or "no space left on device" in text


def full_error(location: str) -> StoreError:
    return StoreError(
        Code.DISK_FULL,
        "no space left on device: the store keeps everything written before (each document "
        "is one transaction); free some space and run the command again",
        location,
    )


def _on_error(location: str, context: ExceptionContext) -> None:
    """A full disk becomes one coded error instead of a driver traceback, wherever it
    happens (an insert, a commit, a migration)."""
    if disk_full(context.original_exception):
        raise full_error(location)


def _migrate(conn: Connection, target: str) -> int:
    tables = set(inspect(conn).get_table_names())
    if s.meta.name not in tables:
        if tables - {s.meta.name}:
            raise StoreError(Code.SCHEMA, "database has tables but is not a rashomon store", target)
        s.meta.create(conn)
        current = 0
    else:
        value = conn.execute(
            select(s.meta.c.value).where(s.meta.c.key == "schema_version")
        ).scalar_one_or_none()
        current = int(value) if value is not None else 0
    if current > s.SCHEMA_VERSION:
        raise StoreError(
            Code.SCHEMA,
            f"store has schema version {current}, newer than this rashomon "
            f"({s.SCHEMA_VERSION}); upgrade rashomon",
            target,
        )
    for version in range(current + 1, s.SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        if version == 1:
            conn.execute(s.meta.insert().values(key="schema_version", value="1"))
        else:
            conn.execute(
                s.meta.update().where(s.meta.c.key == "schema_version").values(value=str(version))
            )
    return s.SCHEMA_VERSION
