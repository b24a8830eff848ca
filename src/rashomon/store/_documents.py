"""Storing documents and reading them back: by id, id prefix or path, every version or the
current one (the latest version of each path)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from rashomon.document import Document
from rashomon.errors import Code, StoreError
from rashomon.store import schema as s
from rashomon.store._base import StoreBase, disk_full, full_error
from rashomon.store._queries import chunks, current_doc_ids, latest_doc_for_path
from rashomon.store._rows import document_from_row, document_row

__all__ = ["AddResult", "DocumentStore"]


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


class DocumentStore(StoreBase):
    """Documents keyed by the sha256 of their text, with path versions and raw bytes."""

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
                self._insert_document.run(conn, document_row(doc, doc_id, now))
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
                raise full_error(self.shown) from None
            raise
        return AddResult("stored" if version == 1 else "new_version", doc_id, doc.path, version)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.documents)).scalar_one())

    def count_current_documents(self) -> int:
        query = select(func.count()).where(s.documents.c.id.in_(current_doc_ids()))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

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
                    yield document_from_row(row)
                return
            for chunk in chunks(ids):
                for row in conn.execute(query.where(s.documents.c.id.in_(chunk))):
                    yield document_from_row(row)

    def current_languages(self) -> list[tuple[str, str | None]]:
        """(id, language) of the current version of every path, in path order: all that
        choosing the documents to extract needs, in one query (:meth:`list_documents` builds
        every document's version history: 26 s at 200,000 documents)."""
        query = (
            select(s.documents.c.id, s.documents.c.lang)
            .where(s.documents.c.id.in_(current_doc_ids()))
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
        query = select(*cols).where(s.documents.c.id.in_(current_doc_ids())).order_by(*order)
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
            for chunk in chunks(list(dict.fromkeys(ids))):
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
            doc = document_from_row(row)
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
            latest = latest_doc_for_path(conn, candidate)
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


def _abspath(ref: str) -> str:
    try:
        return str(Path(ref).resolve())
    except OSError:
        return ref
