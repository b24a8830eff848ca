"""Streaming readers of the store: the same rows as the list readers, batch by batch, on
SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon import Document, Store
from rashomon.align import update_events
from tests.conftest import needs_pg


def _claim(doc_id: str, start: int, text: str) -> dict[str, object]:
    return {
        "id": f"c{doc_id[:6]}{start:04d}",
        "doc": {"id": doc_id, "path": "p", "lang": "en", "date": None},
        "kind": "figure",
        "event_type": "killing",
        "measure": "killed",
        "value": {
            "low": 10,
            "high": 10,
            "qualifier": "exact",
            "text": text,
            "start": start,
            "end": start + len(text),
        },
        "time": None,
        "places": [],
        "perpetrators": [],
        "victims": [],
        "attribution": None,
        "evidence": {"start": start, "end": start + len(text), "quote": text},
    }


def _fill(store: Store) -> tuple[str, str, str]:
    """Two paths; the first changed once (its old version stays stored, not current)."""
    old = store.add_document(Document(text="Old: 10 dead.", path="a.txt", media_type="text/plain"))
    new = store.add_document(Document(text="New: 12 dead.", path="a.txt", media_type="text/plain"))
    other = store.add_document(Document(text="B: 10 dead.", path="b.txt", media_type="text/plain"))
    for result in (old, new, other):
        claims = [_claim(result.doc_id, i, "10") for i in (3, 9, 0, 6)]
        store.replace_claims(result.doc_id, claims, "test 1")
    return old.doc_id, new.doc_id, other.doc_id


def _check(store: Store) -> None:
    old, new, other = _fill(store)
    streamed = list(store.iter_current_claims(batch_size=3))
    assert streamed == store.current_claims()
    assert [c["doc"]["id"] for c in streamed] == [new] * 4 + [other] * 4
    assert [c["value"]["start"] for c in streamed[:4]] == [0, 3, 6, 9]
    docs = list(store.iter_current_documents(batch_size=1))
    assert [d["id"] for d in docs] == [new, other] and "text" not in docs[0]
    assert next(store.iter_current_documents(with_text=True))["text"] == "New: 12 dead."
    assert store.document_text(old) == "Old: 10 dead." and store.document_text("f" * 64) is None
    found = store.documents_by_id([old, "f" * 64, new], with_text=True)
    assert set(found) == {old, new} and found[old]["text"] == "Old: 10 dead."
    assert "text" not in store.documents_by_id([old])[old]
    wanted = [streamed[0]["id"], streamed[5]["id"], "missing"]
    assert set(store.claims_by_id(wanted)) == set(wanted[:2])
    assert store.alignment_due()
    update_events(store)
    assert not store.alignment_due()
    assert list(store.iter_events(batch_size=1)) == store.events() != []
    # Re-extraction drops a claim an event holds: the events are behind again.
    store.replace_claims(new, streamed[1:4], "test 2")
    assert store.alignment_due()
    update_events(store)
    assert not store.alignment_due()


def test_streaming_readers_sqlite(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _check(store)


@needs_pg
def test_streaming_readers_postgresql(pg_url: str) -> None:
    with Store(pg_url) as store:
        _check(store)


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_batch_size_does_not_change_the_rows(tmp_path: Path, batch: int) -> None:
    with Store(tmp_path / "s.db") as store:
        _fill(store)
        assert list(store.iter_current_claims(batch_size=batch)) == store.current_claims()
