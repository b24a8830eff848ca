"""The store: versions, duplicates, schema versions and migrations, id resolution."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from rashomon import Code, Document, Store, StoreError, ingest_paths
from rashomon.store import schema
from rashomon.store.migrations import MIGRATIONS
from tests.conftest import needs_pg


def _doc(text: str, path: str = "a.txt") -> Document:
    return Document(text=text, path=path, media_type="text/plain")


def test_changed_content_at_a_path_is_a_new_version_and_the_old_one_stays(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text("First count: 200 people killed.\n", encoding="utf-8")
    first = ingest_paths(store, [path]).outcomes[0]
    path.write_text("Revised count: 260 people killed.\n", encoding="utf-8")
    second = ingest_paths(store, [path]).outcomes[0]
    assert (first.status, second.status) == ("stored", "new_version")
    assert second.detail == "version 2"
    assert store.count_documents() == 2
    assert [v for v, _ in store.versions(str(path))] == [1, 2]
    assert store.get_document(str(path)).text.startswith("Revised")
    assert first.doc_id is not None
    assert store.get_document(first.doc_id).text.startswith("First")
    # Going back to the first text is not a third version: that text is already stored.
    path.write_text("First count: 200 people killed.\n", encoding="utf-8")
    third = ingest_paths(store, [path]).outcomes[0]
    assert third.status == "duplicate" and store.count_documents() == 2


def test_same_text_from_another_path_is_a_duplicate(store: Store) -> None:
    assert store.add_document(_doc("Text one.", "x.txt")).status == "stored"
    again = store.add_document(_doc("Text one.", "x.txt"))
    elsewhere = store.add_document(_doc("Text one.", "y.txt"))
    assert again.status == "unchanged"
    assert (elsewhere.status, elsewhere.existing_path) == ("duplicate", "x.txt")
    assert not again.changed and not elsewhere.changed


def test_reference_by_id_prefix_and_path(store: Store) -> None:
    ids = [store.add_document(_doc(f"Document number {i}.", f"d{i}.txt")).doc_id for i in range(40)]
    target = ids[7]
    assert store.get_document(target).path == "d7.txt"
    assert store.get_document(target[:12]).path == "d7.txt"
    assert store.get_document("d7.txt").id == target
    # With 40 ids some 1-hex-digit prefixes collide; find one that does.
    prefixes = [i[:4] for i in ids]
    with pytest.raises(StoreError) as err:
        store.get_document("zzzz")
    assert err.value.code is Code.UNKNOWN_DOC
    collide = next((p[:1] for p in prefixes if sum(q.startswith(p[:1]) for q in ids) > 1), None)
    assert collide is not None
    with pytest.raises(StoreError) as err:
        store.get_document(collide * 4 if False else collide + "")  # too short: not a prefix
    assert err.value.code is Code.UNKNOWN_DOC


def test_ambiguous_prefix(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        seen: dict[str, str] = {}
        i = 0
        while True:  # find two texts whose ids share 4 hex digits (a few hundred tries)
            doc = _doc(f"text {i}", f"{i}.txt")
            prefix = doc.id[:4]
            if prefix in seen:
                store.add_document(_doc(seen[prefix], "first.txt"))
                store.add_document(doc)
                break
            seen[prefix] = doc.text
            i += 1
        with pytest.raises(StoreError) as err:
            store.get_document(prefix)
        assert err.value.code is Code.AMBIGUOUS_DOC


def test_schema_version_is_recorded_and_wal_is_on(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute(
        "select value from rashomon_meta where key='schema_version'"
    ).fetchone() == (str(schema.SCHEMA_VERSION),)
    assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("update rashomon_meta set value='99' where key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        Store(db)
    assert err.value.code is Code.SCHEMA and "newer" in str(err.value)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("create table users (id integer)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        Store(db)
    assert err.value.code is Code.SCHEMA


def test_migrations_build_exactly_the_declared_schema(tmp_path: Path) -> None:
    migrated = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with migrated.begin() as conn:
        for version in sorted(MIGRATIONS):
            MIGRATIONS[version](conn)
    declared = create_engine(f"sqlite:///{tmp_path / 'd.db'}")
    schema.metadata.create_all(declared)

    def shape(engine: object) -> dict[str, tuple[object, ...]]:
        insp = inspect(engine)
        return {
            t: (
                sorted(
                    (c["name"], str(c["type"]), bool(c["nullable"])) for c in insp.get_columns(t)
                ),
                sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(t)),
                sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(t)),
                insp.get_pk_constraint(t)["constrained_columns"],
            )
            for t in insp.get_table_names()
            if t != schema.meta.name
        }

    assert shape(migrated) == shape(declared)
    assert max(MIGRATIONS) == schema.SCHEMA_VERSION


def test_raw_bytes_are_kept_for_html(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    raw = (
        b"<html><head><title>T</title></head><body><p>About 15 people were hurt.</p></body></html>"
    )
    page.write_bytes(raw)
    ingest_paths(store, [page])
    assert store.get_document(str(page)).raw == raw


@needs_pg
def test_versions_and_duplicates_on_postgresql(pg_url: str) -> None:
    # The same statements (built once, executed on one kept connection) on PostgreSQL.
    with Store(pg_url) as store:
        assert store.add_document(_doc("First: 200 people.", "p.txt")).status == "stored"
        assert store.add_document(_doc("First: 200 people.", "p.txt")).status == "unchanged"
        revised = store.add_document(_doc("Revised: 260 people.", "p.txt"))
        assert (revised.status, revised.version) == ("new_version", 2)
        assert store.add_document(_doc("First: 200 people.", "q.txt")).status == "duplicate"
        doc = Document(text="Raw kept.", path="r.html", media_type="text/html", raw=b"<p>x")
        store.add_document(doc)
        assert store.get_document("r.html").raw == b"<p>x"
        assert store.get_document("p.txt").text.startswith("Revised")
        assert store.count_documents() == 3


def test_a_store_can_be_written_from_several_threads(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda i: store.add_document(_doc(f"Text {i}.", f"t{i}.txt")), range(40))
        )
    assert {r.status for r in results} == {"stored"} and store.count_documents() == 40


def test_the_same_text_added_at_once_from_several_threads_is_stored_once(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda i: store.add_document(_doc("Same text.", f"s{i}.txt")), range(12))
        )
    assert sorted(r.status for r in results) == ["duplicate"] * 11 + ["stored"]
    assert store.count_documents() == 1


def test_re_ingesting_unchanged_files_skips_language_detection(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rashomon.ingest import runner

    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}: 40 houses burned.\n", "utf-8")
    assert ingest_paths(store, [tmp_path]).counts["stored"] == 3
    (tmp_path / "r1.txt").write_text("Report 1, revised: 45 houses burned.\n", "utf-8")
    calls: list[str] = []
    real = runner.detect_passages
    monkeypatch.setattr(runner, "detect_passages", lambda t: calls.append(t) or real(t))
    again = ingest_paths(store, [tmp_path])
    assert again.counts == {"unchanged": 2, "new_version": 1}
    assert calls == ["Report 1, revised: 45 houses burned.\n"]
