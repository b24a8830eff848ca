"""Document lookup by id reads an index, never the whole table (issue 12: a LIKE prefix scan
per document made extracting 200k documents quadratic)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from rashomon import Store
from rashomon.document import Document
from rashomon.document import text_id as doc_id
from rashomon.errors import Code, StoreError


def _store(tmp_path: Path, n: int = 40) -> tuple[Store, list[str]]:
    store = Store(tmp_path / "s.db")
    ids = []
    for i in range(n):
        doc = Document(
            text=f"Invented report number {i}.",
            path=f"d{i}.txt",
            media_type="text/plain",
            lang="en",
        )
        ids.append(store.add_document(doc).doc_id)
    return store, ids


def _plans(store: Store, ref: str) -> list[str]:
    """SQLite's query plan of every statement that resolving ``ref`` runs."""
    seen: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        store.get_document(ref)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    plans = []
    with store.engine.connect() as conn:
        for statement, params in seen:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            plans.extend(str(r[-1]) for r in rows)
    return plans


def test_full_id_and_prefix_are_index_searches(tmp_path: Path) -> None:
    store, ids = _store(tmp_path)
    with store:
        for ref in (ids[7], ids[7][:10], ids[7][:10].upper()):
            plans = _plans(store, ref)
            assert plans and not [p for p in plans if p.startswith("SCAN")], (ref, plans)
            assert store.get_document(ref).id == ids[7]


def _texts_where(pred: Any) -> list[str]:
    """Invented texts chosen by their ids (sha256), for prefix cases."""
    for i in range(100_000):
        found = pred(f"Invented report number {i}.")
        if found:
            return list(found)
    raise AssertionError("no texts found")


def test_prefix_rules(tmp_path: Path) -> None:
    seen: dict[str, str] = {}

    def clash(t: str) -> tuple[str, str] | None:
        key = doc_id(t)[:4]
        if key in seen:
            return seen[key], t
        seen[key] = t
        return None

    twins = _texts_where(clash)
    ends_in_f = _texts_where(lambda t: [t] if doc_id(t)[5] == "f" and t not in twins else None)
    with Store(tmp_path / "s.db") as store:
        for i, body in enumerate([*twins, *ends_in_f]):
            store.add_document(
                Document(text=body, path=f"d{i}.txt", media_type="text/plain", lang="en")
            )
        with pytest.raises(StoreError) as ambiguous:
            store.get_document(doc_id(twins[0])[:4])
        assert ambiguous.value.code == Code.AMBIGUOUS_DOC
        assert store.get_document(doc_id(twins[0])[:12]).id == doc_id(twins[0])
        # A prefix ending in 'f': the range's upper bound (prefix + 'g') still takes it in.
        assert store.get_document(doc_id(ends_in_f[0])[:6]).id == doc_id(ends_in_f[0])
        with pytest.raises(StoreError) as short:
            store.get_document(doc_id(twins[0])[:3])
        assert short.value.code == Code.UNKNOWN_DOC
        with pytest.raises(StoreError) as unknown:
            store.get_document("0" * 64)
        assert unknown.value.code == Code.UNKNOWN_DOC
        assert store.get_document("d2.txt").id == doc_id(ends_in_f[0])
