"""The document store: one SQLite file (WAL) by default, PostgreSQL by URL.

Every write is one transaction per document, so a batch killed half-way leaves every document
it already stored complete and nothing half-written; WAL with ``synchronous=NORMAL`` keeps that
guarantee against process death (not power loss) at a fraction of the cost of a full fsync per
document.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import and_, bindparam, create_engine, event, func, inspect, select
from sqlalchemy.engine import Connection, Engine, ExceptionContext, Row
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError

from rashomon.document import Document, LangSpan, Repair
from rashomon.errors import Code, StoreError
from rashomon.escape import hide_secrets
from rashomon.store import schema as s
from rashomon.store._statements import Prepared
from rashomon.store.migrations import MIGRATIONS

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


@dataclass(frozen=True, slots=True)
class AddResult:
    """What storing one document did. ``status``: stored | new_version | unchanged | duplicate."""

    status: str
    doc_id: str
    path: str
    version: int | None = None
    existing_path: str | None = None

    @property
    def changed(self) -> bool:
        return self.status in ("stored", "new_version")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # The wait for a busy database first: switching a new file to WAL needs a lock that a
    # second process opening the same new store may hold.
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


# What ingest runs for every document, built once (see store/_statements.py).
_LATEST_FOR_PATH = (
    select(s.doc_paths.c.doc_id, s.doc_paths.c.version)
    .where(s.doc_paths.c.path == bindparam("path"))
    .order_by(s.doc_paths.c.version.desc())
    .limit(1)
)
# One round trip: where this text is already stored, and the latest version at this path.
_BEFORE_ADD = select(
    select(s.documents.c.path)
    .where(s.documents.c.id == bindparam("doc_id"))
    .scalar_subquery()
    .label("existing_path"),
    _LATEST_FOR_PATH.with_only_columns(s.doc_paths.c.doc_id).scalar_subquery().label("latest"),
    _LATEST_FOR_PATH.with_only_columns(s.doc_paths.c.version).scalar_subquery().label("version"),
)


class Store:
    """Documents keyed by the sha256 of their text, with path versions and raw bytes."""

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
        self._before_add = Prepared(_BEFORE_ADD, dialect)
        self._latest_for_path = Prepared(_LATEST_FOR_PATH, dialect)
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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    def add_document(self, doc: Document) -> AddResult:
        """Store a document unless identical text is already stored (then a no-op)."""
        doc_id = doc.id
        # Microseconds: ingestion order is what keeps event ids stable (store.current_claims).
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        conn = self._writer()
        try:
            with conn.begin():
                before = self._before_add.run(conn, {"doc_id": doc_id, "path": doc.path})
                existing_path, latest, latest_version = before or (None, None, None)
                if existing_path is not None:
                    status = "unchanged" if latest == doc_id else "duplicate"
                    return AddResult(status, doc_id, doc.path, existing_path=existing_path)
                version = (latest_version or 0) + 1
                self._insert_document.run(conn, _row(doc, doc_id, now))
                if doc.raw is not None:
                    self._insert_raw.run(conn, {"doc_id": doc_id, "data": doc.raw})
                self._insert_path.run(
                    conn,
                    {"path": doc.path, "version": version, "doc_id": doc_id, "ingested_at": now},
                )
        except (IntegrityError, sqlite3.IntegrityError):
            # Another process stored the same text between our check and our insert.
            return AddResult("duplicate", doc_id, doc.path)
        except (DBAPIError, sqlite3.Error) as exc:
            # A broken connection is not reused; the transaction was rolled back.
            conn.close()
            if disk_full(exc):
                raise _full_error(self.shown) from None
            raise
        return AddResult("stored" if version == 1 else "new_version", doc_id, doc.path, version)

    def replace_claims(self, doc_id: str, claims: Sequence[dict[str, Any]], extractor: str) -> int:
        """Store a document's claims, replacing any earlier extraction, in one transaction."""
        return self.replace_claims_many([(doc_id, claims)], extractor)

    def _lock_documents(self, conn: Connection, doc_ids: Sequence[str]) -> None:
        """Serialise writers of these documents' claims (two extractors on one store): on
        PostgreSQL the documents' rows are locked until the transaction ends, so the second
        writer's delete sees the first one's rows instead of both inserting the same ids;
        always in id order, so two batches never wait on each other in a cycle.  SQLite
        allows one writer at a time anyway."""
        if self.engine.dialect.name == "postgresql":
            for chunk in _chunks(sorted(doc_ids)):
                conn.execute(
                    select(s.documents.c.id)
                    .where(s.documents.c.id.in_(chunk))
                    .order_by(s.documents.c.id)
                    .with_for_update()
                )

    def record_failure(self, doc_id: str, extractor: str, error: str) -> None:
        """Record that extraction of a document failed (its claims, if any, are removed)."""
        self.replace_claims_many([(doc_id, error)], extractor)

    def replace_claims_many(
        self, results: Sequence[tuple[str, Sequence[dict[str, Any]] | str]], extractor: str
    ) -> int:
        """Several documents' extractions in ONE transaction (a batch of a distributed run):
        each document's claims, or its one-line error (a failure), replacing what an earlier
        extraction stored.  A worker killed mid-batch leaves every document as it was."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        doc_ids = [doc_id for doc_id, _ in results]
        rows = [
            _claim_row(doc_id, c, extractor, now)
            for doc_id, found in results
            if not isinstance(found, str)
            for c in found
        ]
        done = [
            {
                "doc_id": doc_id,
                "extractor": extractor,
                "n_claims": 0 if isinstance(found, str) else len(found),
                "extracted_at": now,
                "error": found if isinstance(found, str) else None,
            }
            for doc_id, found in results
        ]
        with self.engine.begin() as conn:
            self._lock_documents(conn, doc_ids)
            for chunk in _chunks(doc_ids):
                conn.execute(s.claims.delete().where(s.claims.c.doc_id.in_(chunk)))
                conn.execute(s.extractions.delete().where(s.extractions.c.doc_id.in_(chunk)))
            for rows_chunk in _chunks(rows, 2000):
                conn.execute(s.claims.insert(), rows_chunk)
            if done:
                conn.execute(s.extractions.insert(), done)
        return len(rows)

    def extraction_failures(self) -> dict[str, str]:
        """doc id -> the error of its last extraction, for documents whose extraction failed."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.extractions.c.doc_id, s.extractions.c.error).where(
                    s.extractions.c.error.is_not(None)
                )
            )
            return {r.doc_id: r.error for r in rows}

    def claims(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Stored claims (contract dicts), in document and text order."""
        query = select(s.claims.c.data).order_by(s.claims.c.doc_id, s.claims.c.start_char)
        if doc_id is not None:
            query = query.where(s.claims.c.doc_id == doc_id)
        with self.engine.connect() as conn:
            return [dict(row.data) for row in conn.execute(query)]

    def current_claims(self) -> list[dict[str, Any]]:
        """Claims of the current version of every document, in ingestion order then offset:
        the order alignment reads them in, which keeps event ids stable."""
        return list(self.iter_current_claims())

    def iter_current_claims(self, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
        """:meth:`current_claims` streamed ``batch_size`` rows at a time, so a reader of a
        store with millions of claims (an export) holds only one batch in memory."""
        query = (
            select(s.claims.c.data)
            .join(s.documents, s.documents.c.id == s.claims.c.doc_id)
            .where(s.claims.c.doc_id.in_(_current_doc_ids()))
            .order_by(
                s.documents.c.ingested_at, s.documents.c.id, s.claims.c.start_char, s.claims.c.id
            )
        )
        yield from self._stream(query, batch_size)

    def iter_current_claim_ids(self, batch_size: int = 5000) -> Iterator[str]:
        """The ids of the claims of current documents (in no particular order), streamed."""
        query = select(s.claims.c.id).where(s.claims.c.doc_id.in_(_current_doc_ids()))
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=batch_size).execute(query):
                yield str(row[0])

    def count_current_documents(self) -> int:
        query = select(func.count()).where(s.documents.c.id.in_(_current_doc_ids()))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def claims_by_id(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Stored claims by id (ids not stored are absent from the result)."""
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids)):
                query = select(s.claims.c.id, s.claims.c.data).where(s.claims.c.id.in_(chunk))
                for row in conn.execute(query):
                    out[row.id] = dict(row.data)
        return out

    def _stream(self, query: Any, batch_size: int) -> Iterator[dict[str, Any]]:
        # yield_per streams (a server-side cursor on PostgreSQL) instead of fetching all rows.
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(query)
            for row in result:
                yield dict(row[0])

    def event_assignments(self) -> dict[str, str]:
        """claim id -> event id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.event_claims.c.claim_id, s.event_claims.c.event_id))
            return {r.claim_id: r.event_id for r in rows}

    def save_events(
        self,
        changed: Iterable[dict[str, Any]],
        removed: Sequence[str],
        assignments: dict[str, str],
        unassigned: Sequence[str] = (),
    ) -> int:
        """Write changed events, drop merged-away ones, set the event of the claims in
        ``assignments`` (claim id -> event id; other claims keep theirs) and forget the claims
        in ``unassigned``: one transaction, so readers never see half an update.  ``changed``
        is written as it comes (it may be a generator summarising events one batch at a time);
        returns how many there were."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        written = 0
        with self.engine.begin() as conn:
            for batch in _batched(changed, 500):
                conn.execute(s.events.delete().where(s.events.c.id.in_([e["id"] for e in batch])))
                conn.execute(
                    s.events.insert(),
                    [{"id": e["id"], "data": e, "updated_at": now} for e in batch],
                )
                written += len(batch)
            for ids in _chunks(list(removed)):
                conn.execute(s.events.delete().where(s.events.c.id.in_(ids)))
            for ids in _chunks([*assignments, *unassigned]):
                conn.execute(s.event_claims.delete().where(s.event_claims.c.claim_id.in_(ids)))
            rows = ({"claim_id": c, "event_id": e} for c, e in assignments.items())
            for chunk in _batched(rows, 5000):
                conn.execute(s.event_claims.insert(), chunk)
        return written

    def events(self) -> list[dict[str, Any]]:
        return list(self.iter_events())

    def iter_events(self, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Stored events in id order, streamed ``batch_size`` rows at a time."""
        yield from self._stream(select(s.events.c.data).order_by(s.events.c.id), batch_size)

    def alignment_due(self) -> bool:
        """Whether the stored events are behind the claims: a claim of a current document no
        event holds, or an event holding a claim that is gone (re-extracted, or its document
        replaced by a new version).  Two indexed queries, whatever the store's size."""
        current = s.claims.c.doc_id.in_(_current_doc_ids())
        unassigned = (
            select(s.claims.c.id)
            .where(current)
            .where(s.claims.c.id.not_in(select(s.event_claims.c.claim_id)))
            .limit(1)
        )
        gone = (
            select(s.event_claims.c.claim_id)
            .where(s.event_claims.c.claim_id.not_in(select(s.claims.c.id).where(current)))
            .limit(1)
        )
        with self.engine.connect() as conn:
            return any(conn.execute(q).first() is not None for q in (unassigned, gone))

    def extracted_with(self) -> dict[str, str]:
        """doc id -> the extractor version that last processed it."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.extractions.c.doc_id, s.extractions.c.extractor))
            return {r.doc_id: r.extractor for r in rows}

    # -- reading -----------------------------------------------------------------------------

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.documents)).scalar_one())

    def iter_documents(
        self, *, with_text: bool = True, ids: Sequence[str] | None = None
    ) -> Iterator[Document]:
        """All stored documents, oldest first (every version of every path); with ``ids``,
        only those (one query per 500 ids, without raw bytes: what a batch of workers reads)."""
        cols = [c for c in s.documents.c if with_text or c.name != "text"]
        query = select(*cols).order_by(s.documents.c.ingested_at, s.documents.c.path)
        with self.engine.connect() as conn:
            if ids is None:
                for row in conn.execute(query):
                    yield _document(row)
                return
            for chunk in _chunks(ids):
                for row in conn.execute(query.where(s.documents.c.id.in_(chunk))):
                    yield _document(row)

    def current_languages(self) -> list[tuple[str, str | None]]:
        """(id, language) of the current version of every path, in path order: all that
        choosing the documents to extract needs, in one query (:meth:`list_documents` builds
        every document's version history: 26 s at 200,000 documents)."""
        query = (
            select(s.documents.c.id, s.documents.c.lang)
            .where(s.documents.c.id.in_(_current_doc_ids()))
            .order_by(s.documents.c.path, s.documents.c.ingested_at)
        )
        with self.engine.connect() as conn:
            return [(str(r.id), r.lang) for r in conn.execute(query)]

    def iter_current_documents(
        self, *, with_text: bool = False, batch_size: int = 200, by_path: bool = False
    ) -> Iterator[dict[str, Any]]:
        """The current version of every path, in ingestion order (``by_path``: in the order
        of :meth:`list_documents`), as rows (no raw bytes; the text only when asked),
        streamed."""
        cols = [c for c in s.documents.c if with_text or c.name != "text"]
        order = (
            (s.documents.c.path, s.documents.c.ingested_at, s.documents.c.id)
            if by_path
            else (s.documents.c.ingested_at, s.documents.c.id)
        )
        query = select(*cols).where(s.documents.c.id.in_(_current_doc_ids())).order_by(*order)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=batch_size).execute(query):
                yield dict(row._mapping)

    def document_text(self, doc_id: str) -> str | None:
        """The stored text of one document by its full id (None when not stored)."""
        found = self.documents_by_id([doc_id], with_text=True).get(doc_id)
        return str(found["text"]) if found is not None else None

    def documents_by_id(
        self, ids: Sequence[str], *, with_text: bool = False
    ) -> dict[str, dict[str, Any]]:
        """Document rows by full id (no raw bytes; the text only when asked)."""
        cols = [c for c in s.documents.c if with_text or c.name != "text"]
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(dict.fromkeys(ids))):
                for row in conn.execute(select(*cols).where(s.documents.c.id.in_(chunk))):
                    out[row.id] = dict(row._mapping)
        return out

    def list_documents(self) -> list[dict[str, Any]]:
        """One row per stored document with its path versions, without text or raw bytes."""
        with self.engine.connect() as conn:
            versions: dict[str, list[tuple[str, int]]] = {}
            for row in conn.execute(select(s.doc_paths).order_by(s.doc_paths.c.path)):
                versions.setdefault(row.doc_id, []).append((row.path, row.version))
            latest = {
                (r.path, r.version)
                for r in conn.execute(
                    select(
                        s.doc_paths.c.path, func.max(s.doc_paths.c.version).label("version")
                    ).group_by(s.doc_paths.c.path)
                )
            }
            cols = [c for c in s.documents.c if c.name not in ("text",)]
            rows = []
            for row in conn.execute(
                select(*cols).order_by(s.documents.c.path, s.documents.c.ingested_at)
            ):
                doc_versions = versions.get(row.id, [])
                data = dict(row._mapping)
                data["versions"] = [{"path": p, "version": v} for p, v in doc_versions]
                data["current"] = any(pv in latest for pv in doc_versions)
                data["version"] = max((v for _, v in doc_versions), default=None)
                rows.append(data)
            return rows

    def get_document(self, ref: str) -> Document:
        """A document by id, id prefix (at least 4 hex digits) or ingested path (latest)."""
        with self.engine.connect() as conn:
            doc_id = self._resolve(conn, ref)
            row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).one()
            doc = _document(row)
            raw = conn.execute(
                select(s.raw_content.c.data).where(s.raw_content.c.doc_id == doc_id)
            ).scalar_one_or_none()
            doc.raw = bytes(raw) if raw is not None else None
            return doc

    def latest_id(self, path: str) -> str | None:
        """The id of the latest version stored from this exact path, if any."""
        row = self._latest_for_path.read(self._writer(), {"path": path})
        return str(row[0]) if row else None

    def versions(self, path: str) -> list[tuple[int, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.doc_paths.c.version, s.doc_paths.c.doc_id)
                .where(s.doc_paths.c.path == path)
                .order_by(s.doc_paths.c.version)
            )
            return [(r.version, r.doc_id) for r in rows]

    def _resolve(self, conn: Connection, ref: str) -> str:
        ref = ref.strip()
        if not ref:
            raise StoreError(Code.UNKNOWN_DOC, "empty document reference")
        lowered = ref.lower()
        is_hex = all(c in "0123456789abcdef" for c in lowered)
        if len(lowered) == _ID_LENGTH and is_hex:
            # A full id (what extraction asks for, once per document): one primary-key read.
            found = conn.execute(
                select(s.documents.c.id).where(s.documents.c.id == lowered)
            ).scalar_one_or_none()
            if found is not None:
                return str(found)
        for candidate in dict.fromkeys((ref, str(Path(ref)), _abspath(ref))):
            latest = _latest_doc_for_path(conn, candidate)
            if latest is not None:
                return latest
        if len(lowered) >= 4 and is_hex:
            # A range on the primary key, not LIKE 'prefix%' (SQLite's case-insensitive LIKE
            # reads every row): ids are lowercase hex, so they sort below prefix + 'g'.
            in_range = and_(s.documents.c.id >= lowered, s.documents.c.id < lowered + "g")
            ids = list(
                conn.execute(
                    select(s.documents.c.id).where(in_range).order_by(s.documents.c.id).limit(6)
                ).scalars()
            )
            if len(ids) == 1:
                return str(ids[0])
            if len(ids) > 1:
                shown = ", ".join(i[:12] for i in ids[:5])
                raise StoreError(
                    Code.AMBIGUOUS_DOC, f"id prefix matches several documents: {shown}", ref
                )
        raise StoreError(Code.UNKNOWN_DOC, "no document with this id, id prefix or path", ref)


#: Document ids are the sha256 of their text in lowercase hex.
_ID_LENGTH = 64
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


def _full_error(location: str) -> StoreError:
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
        raise _full_error(location)


def _abspath(ref: str) -> str:
    try:
        return str(Path(ref).resolve())
    except OSError:
        return ref


def _current_doc_ids() -> Any:
    """A subquery of the ids of current documents: the latest version of some path."""
    latest = (
        select(s.doc_paths.c.path, func.max(s.doc_paths.c.version).label("version"))
        .group_by(s.doc_paths.c.path)
        .subquery()
    )
    return select(s.doc_paths.c.doc_id).join(
        latest,
        and_(s.doc_paths.c.path == latest.c.path, s.doc_paths.c.version == latest.c.version),
    )


def _latest_doc_for_path(conn: Connection, path: str) -> str | None:
    row = conn.execute(_LATEST_FOR_PATH, {"path": path}).first()
    return str(row.doc_id) if row is not None else None


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


def _row(doc: Document, doc_id: str, now: str) -> dict[str, Any]:
    return {
        "id": doc_id,
        "path": doc.path,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "site": doc.site,
        "url": doc.url,
        "date": doc.date,
        "date_text": doc.date_text,
        "lang": doc.lang,
        "lang_confidence": doc.lang_confidence,
        "lang_spans": [[sp.start, sp.end, sp.lang, sp.confidence] for sp in doc.lang_spans],
        "repairs": [
            {
                "kind": r.kind,
                "original": r.original,
                "replacement": r.replacement,
                "offset": r.offset,
                "page": r.page,
            }
            for r in doc.repairs
        ],
        "provenance": doc.provenance,
        "extra": doc.extra,
        "n_chars": len(doc.text),
        "raw_sha256": hashlib.sha256(doc.raw).hexdigest() if doc.raw is not None else None,
        "ingested_at": now,
        "text": doc.text,
    }


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size``, read as they come."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


#: The store's integer columns are 64-bit (SQLite INTEGER, PostgreSQL BIGINT).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
BEYOND_RANGE_NOTE = "value: beyond the store's 64-bit integer range; kept in the claim only"


def _indexable(value: Any) -> int | None:
    """An integer for a low/high column, or None for one no 64-bit column can hold."""
    if isinstance(value, int) and INT64_MIN <= value <= INT64_MAX:
        return value
    return None


def _claim_row(doc_id: str, c: dict[str, Any], extractor: str, now: str) -> dict[str, Any]:
    value = c.get("value") or {}
    time = c.get("time") or {}
    low, high = value.get("low"), value.get("high")
    if (low is not None and _indexable(low) is None) or (
        high is not None and _indexable(high) is None
    ):
        # "10000000000000000000 people": the figure stays in the claim as the source wrote it
        # (JSON has no integer limit), flagged; only the sortable columns stay empty.
        c = {**c, "notes": [*c.get("notes", []), BEYOND_RANGE_NOTE]}
    return {
        "id": c["id"],
        "doc_id": doc_id,
        "kind": c["kind"],
        "event_type": c.get("event_type"),
        "measure": c.get("measure"),
        "low": _indexable(low),
        "high": _indexable(high),
        "qualifier": value.get("qualifier"),
        "start_char": value.get(
            "start", (c.get("trigger") or c.get("evidence") or {}).get("start", 0)
        ),
        "end_char": value.get("end", (c.get("trigger") or c.get("evidence") or {}).get("end", 0)),
        "time_start": time.get("start"),
        "time_end": time.get("end"),
        "data": c,
        "extractor": extractor,
        "extracted_at": now,
    }


def _document(row: Row[Any]) -> Document:
    m = row._mapping
    return Document(
        text=m.get("text", ""),
        path=m["path"],
        media_type=m["media_type"],
        encoding=m["encoding"],
        title=m["title"],
        author=m["author"],
        publisher=m["publisher"],
        site=m["site"],
        url=m["url"],
        date=m["date"],
        date_text=m["date_text"],
        lang=m["lang"],
        lang_confidence=m["lang_confidence"],
        lang_spans=[LangSpan(*span) for span in m["lang_spans"]],
        repairs=[Repair(**r) for r in m["repairs"]],
        provenance=dict(m["provenance"]),
        extra=dict(m["extra"]),
        stored_id=m["id"],
    )
