"""Events: written with the claims they hold in one transaction, read back streamed, and
whether they are behind the claims (alignment due)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from rashomon.store import schema as s
from rashomon.store._base import StoreBase
from rashomon.store._queries import batched, chunks, current_doc_ids

__all__ = ["EventStore"]


class EventStore(StoreBase):
    """Events and which event holds each claim."""

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
            for batch in batched(changed, 500):
                conn.execute(s.events.delete().where(s.events.c.id.in_([e["id"] for e in batch])))
                conn.execute(
                    s.events.insert(),
                    [{"id": e["id"], "data": e, "updated_at": now} for e in batch],
                )
                written += len(batch)
            for ids in chunks(list(removed)):
                conn.execute(s.events.delete().where(s.events.c.id.in_(ids)))
            for ids in chunks([*assignments, *unassigned]):
                conn.execute(s.event_claims.delete().where(s.event_claims.c.claim_id.in_(ids)))
            rows = ({"claim_id": c, "event_id": e} for c, e in assignments.items())
            for chunk in batched(rows, 5000):
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
        current = s.claims.c.doc_id.in_(current_doc_ids())
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
