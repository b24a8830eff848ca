"""Claims and extractions: each document's claims replaced whole by a new extraction (or its
failure recorded), read back by document, by id, or those of current documents in the order
alignment reads them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from rashomon.store import schema as s
from rashomon.store._base import StoreBase
from rashomon.store._queries import chunks, current_doc_ids
from rashomon.store._rows import claim_row

__all__ = ["ClaimStore"]


class ClaimStore(StoreBase):
    """A document's claims, written in one transaction with the record of their extraction."""

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
            for chunk in chunks(sorted(doc_ids)):
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
            claim_row(doc_id, c, extractor, now)
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
            for chunk in chunks(doc_ids):
                conn.execute(s.claims.delete().where(s.claims.c.doc_id.in_(chunk)))
                conn.execute(s.extractions.delete().where(s.extractions.c.doc_id.in_(chunk)))
            for rows_chunk in chunks(rows, 2000):
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
            .where(s.claims.c.doc_id.in_(current_doc_ids()))
            .order_by(
                s.documents.c.ingested_at, s.documents.c.id, s.claims.c.start_char, s.claims.c.id
            )
        )
        yield from self._stream(query, batch_size)

    def iter_current_claim_ids(self, batch_size: int = 5000) -> Iterator[str]:
        """The ids of the claims of current documents (in no particular order), streamed."""
        query = select(s.claims.c.id).where(s.claims.c.doc_id.in_(current_doc_ids()))
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=batch_size).execute(query):
                yield str(row[0])

    def claims_by_id(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Stored claims by id (ids not stored are absent from the result)."""
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(list(ids)):
                query = select(s.claims.c.id, s.claims.c.data).where(s.claims.c.id.in_(chunk))
                for row in conn.execute(query):
                    out[row.id] = dict(row.data)
        return out

    def extracted_with(self) -> dict[str, str]:
        """doc id -> the extractor version that last processed it."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.extractions.c.doc_id, s.extractions.c.extractor))
            return {r.doc_id: r.extractor for r in rows}
