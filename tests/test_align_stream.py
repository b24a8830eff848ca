"""Alignment streamed from the store (the default of ``update_events``: small items per claim,
each changed event summarised from its claims read by id a batch at a time) stores exactly the
events and assignments the in-memory aligner stores (every claim read at once, as the
distributed aligner still does), on dense generated claims, incrementally, on SQLite and
PostgreSQL.  Compared by digest, not by blob."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from rashomon import Document, Store
from rashomon.align import AlignSummary, align_claims, update, update_events
from rashomon.store import schema as s
from tests.test_align_regression import dense_claims


def _put(store: Store, name: str, claims: list[dict[str, Any]], version: str = "") -> None:
    doc = Document(text=f"text of {name}{version}", path=f"{name}.txt", media_type="text/plain")
    store.add_document(doc)
    rows = [{**c, "id": c["id"] + version, "doc": {"id": doc.id}} for c in claims]
    store.replace_claims(doc.id, rows, "test")


def _by_doc(seed: int, n: int, docs: int) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in dense_claims(seed, n, docs):
        by_doc[claim["doc"]["id"]].append(claim)
    return by_doc


def digest(store: Store) -> str:
    """Of every stored event (in id order) and every claim's event."""
    h = hashlib.sha256()
    for event in store.iter_events():
        h.update(json.dumps(event, sort_keys=True).encode())
    h.update(json.dumps(sorted(store.event_assignments().items())).encode())
    return h.hexdigest()


def _forget_events(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(s.event_claims.delete())
        conn.execute(s.events.delete())


@pytest.mark.parametrize("batch", [1, 7, 4000])
def test_streamed_alignment_stores_what_in_memory_alignment_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """Documents arrive in three batches, one of them re-ingested with new text (its old
    claims leave their events); after each, both aligners leave identical stores and say
    the same; then a new dispute ratio refreshes every event, alike."""
    monkeypatch.setattr(update, "SUMMARY_BATCH", batch)
    by_doc = _by_doc(5, 900, 120)
    names = list(by_doc)
    with Store(tmp_path / "streamed.db") as streamed, Store(tmp_path / "memory.db") as memory:
        for step, (lo, hi) in enumerate([(0, 40), (40, 90), (90, 120)]):
            for store in (streamed, memory):
                for name in names[lo:hi]:
                    _put(store, name, by_doc[name])
                if step == 2:
                    _put(store, names[3], by_doc[names[3]][:-2], "-v2")
            said = update_events(streamed)
            assert said == update_events(memory, align=align_claims)
            assert said.changed > 0 and said.disputes > 0
            assert digest(streamed) == digest(memory)
        said = update_events(streamed, ratio=1.3)
        assert said == update_events(memory, ratio=1.3, align=align_claims)
        assert said.changed == said.events
        assert digest(streamed) == digest(memory)
        assert update_events(streamed) == update_events(memory, align=align_claims)
        # Nothing due: nothing rewritten.
        again = update_events(streamed)
        assert again.changed == again.new_claims == 0 and digest(streamed) == digest(memory)


def test_streamed_alignment_on_any_store(any_db: str) -> None:
    """On SQLite and PostgreSQL (where the claims come through a server-side cursor)."""
    by_doc = _by_doc(9, 1500, 150)
    with Store(any_db) as store:
        for name, claims in by_doc.items():
            _put(store, name, claims)
        streamed = update_events(store)
        first = digest(store)
        _forget_events(store)
        assert update_events(store, align=align_claims) == streamed
        assert digest(store) == first
        assert streamed.new_claims == sum(len(c) for c in by_doc.values())
        assert streamed.events > 50 and streamed.changed == streamed.events


def test_a_claim_replaced_while_events_are_summarised_does_not_stop_alignment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process re-extracting a document between the read of the claims and the
    summary of their events: the events are summarised from the claims still there, and the
    next run, finding the claims gone, brings the store up to date."""
    by_doc = _by_doc(3, 300, 30)
    with Store(tmp_path / "s.db") as store:
        for name, claims in by_doc.items():
            _put(store, name, claims)
        victim = next(iter(by_doc))
        doc_id = Document(text=f"text of {victim}", path="x", media_type="text/plain").id
        real = store.claims_by_id

        def racing(ids: list[str]) -> dict[str, dict[str, Any]]:
            store.replace_claims(doc_id, [], "other")
            return real(ids)

        monkeypatch.setattr(store, "claims_by_id", racing)
        said = update_events(store)
        assert isinstance(said, AlignSummary) and said.events > 0
        monkeypatch.undo()
        assert store.alignment_due()
        update_events(store)
        assert not store.alignment_due()
        # Consistent again: every current claim in the one event that lists it.
        assigned = store.event_assignments()
        members: dict[str, list[str]] = defaultdict(list)
        for claim in store.current_claims():
            members[assigned[claim["id"]]].append(claim["id"])
        assert {e["id"]: e["claims"] for e in store.iter_events()} == members
