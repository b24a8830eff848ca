"""What exports read: the store's claims and events as people reviewed them.

Every export reads claims, events, documents and reviews through :class:`View`, so the view
it exports (machine output with people's reviews applied, ``rashomon.review``) is decided in
one place.  Everything is streamed: nothing here holds more than a batch of rows, besides the
reviews themselves.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rashomon.review import ReviewedView, iter_reviews
from rashomon.store import Store

__all__ = ["DocumentCache", "View", "claim_anchor", "estimate_list", "machine_claim"]


class View:
    """The reviewed view of one store, for one export."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._reviewed: ReviewedView | None = None

    @property
    def reviewed(self) -> ReviewedView:
        if self._reviewed is None:
            self._reviewed = ReviewedView(self.store)
        return self._reviewed

    def claims(self) -> Iterator[dict[str, Any]]:
        """Claims of the current documents after review, grouped by document in text order;
        claims a reviewer rejected as not a figure are left out."""
        return self.reviewed.claims(include_rejected=False)

    def claims_by_id(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self.reviewed.claims_by_id(ids)

    def events(self) -> Iterator[dict[str, Any]]:
        """Events after review in id order (estimates as a list, DESIGN.md §5), aligned first
        when claims changed since the last alignment (which needs every claim in memory; an
        up-to-date store streams)."""
        if self.store.alignment_due():
            from rashomon.align import update_events

            update_events(self.store)
            self._reviewed = None
        for event in self.reviewed.events():
            event["estimates"] = estimate_list(event)
            yield event

    def documents(self) -> Iterator[dict[str, Any]]:
        """Metadata of the current documents (no text), in ingestion order."""
        return self.store.iter_current_documents()

    def reviews(self) -> Iterator[dict[str, Any]]:
        """Every review (the ``rashomon reviews --format jsonl`` form) with its status:
        applied, superseded, or orphaned (its target is gone)."""
        status = self.reviewed.status
        for review in iter_reviews(self.store):
            yield {**review.to_dict(), "status": status.get(review.id)}


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


def machine_claim(claim: Mapping[str, Any]) -> dict[str, Any]:
    """A reviewed claim as the extractor gave it: each corrected field back to the machine
    value its review block keeps, the block removed (reviews travel on their own, with
    ``rashomon reviews``)."""
    out = dict(claim)
    block = out.pop("review", None)
    if not isinstance(block, Mapping):
        return out
    for field, mark in (block.get("fields") or {}).items():
        machine = mark.get("machine") if isinstance(mark, Mapping) else None
        if field == "qualifier":
            out["value"] = {**(out.get("value") or {}), "qualifier": machine}
        else:
            out[field] = machine
    return out


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
