"""What exports read: the store's claims and events as people should see them.

Every export reads claims, events, documents and reviews through this one module, so the
view it exports (machine output with people's reviews applied) is decided in one place.
Everything is streamed: nothing here holds more than a batch of rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rashomon.errors import Code, UsageError
from rashomon.store import Store

__all__ = [
    "DocumentCache",
    "claim_anchor",
    "claims",
    "claims_by_id",
    "documents",
    "estimate_list",
    "events",
    "reviews",
]


def claims(store: Store) -> Iterator[dict[str, Any]]:
    """Claims of the current documents, grouped by document, in text order."""
    return store.iter_current_claims()


def claims_by_id(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    return store.claims_by_id(ids)


def events(store: Store) -> Iterator[dict[str, Any]]:
    """Events in id order (estimates as a list, DESIGN.md §5), aligned first when claims
    changed since the last alignment (which needs every claim in memory; an up-to-date
    store streams)."""
    if store.alignment_due():
        from rashomon.align import update_events

        update_events(store)
    for event in store.iter_events():
        event["estimates"] = estimate_list(event)
        yield event


def documents(store: Store) -> Iterator[dict[str, Any]]:
    """Metadata of the current documents (no text), in ingestion order."""
    return store.iter_current_documents()


def reviews(store: Store) -> Iterator[dict[str, Any]]:
    raise UsageError(Code.BAD_ARGUMENT, "this rashomon has no reviews to export yet")


def estimate_list(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The event's estimates as a list of ``{measure, victims, scope, low, best, high,
    n_sources, figures}`` (DESIGN.md §5), whichever shape the store holds: events aligned
    before estimates were kept per victim group have a dict keyed by measure."""
    found = event.get("estimates") or []
    if isinstance(found, Mapping):
        return [
            {"measure": measure, "victims": None, "scope": None, **dict(estimate)}
            for measure, estimate in found.items()
        ]
    return [dict(e) for e in found]


def claim_anchor(claim: Mapping[str, Any]) -> tuple[int, int] | None:
    """The span a claim's id is made from: its figure's words, else the words asserting the
    event, else its evidence sentence."""
    for key in ("value", "trigger", "evidence"):
        part = claim.get(key)
        if isinstance(part, Mapping):
            start, end = part.get("start"), part.get("end")
            if isinstance(start, int) and isinstance(end, int):
                return start, end
    return None


class DocumentCache:
    """Document rows (with text when asked) by id, fetched in batches and kept for the last
    few hundred documents: claims come grouped by document, so each is read about once."""

    def __init__(self, store: Store, *, with_text: bool, size: int = 256) -> None:
        self.store = store
        self.with_text = with_text
        self.size = size
        self._rows: OrderedDict[str, dict[str, Any] | None] = OrderedDict()

    def get(self, doc_id: str) -> dict[str, Any] | None:
        if doc_id not in self._rows:
            self.prefetch([doc_id])
        self._rows.move_to_end(doc_id)
        return self._rows[doc_id]

    def prefetch(self, ids: Sequence[str]) -> None:
        missing = [i for i in dict.fromkeys(ids) if i not in self._rows]
        if missing:
            found = self.store.documents_by_id(missing, with_text=self.with_text)
            for doc_id in missing:
                self._rows[doc_id] = found.get(doc_id)
        while len(self._rows) > max(self.size, len(ids)):
            self._rows.popitem(last=False)
