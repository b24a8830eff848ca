"""The main job stores claims, re-runs incrementally, and the store migrates from v1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from rashomon import IngestOptions, Store, analyze, demo_corpus
from rashomon.extract import EXTRACTOR
from rashomon.store import schema
from rashomon.store.migrations import MIGRATIONS


def test_analyze_extracts_and_stores_claims_incrementally(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = analyze(store, [demo_corpus()])
        assert first.extraction.documents == 4 and first.extraction.claims > 10
        claims = store.claims()
        assert len(claims) == first.extraction.claims
        assert {c["doc"]["lang"] for c in claims} == {"en", "fr", "de", "es"}
        assert {c["kind"] for c in claims} == {"figure", "event"}
        for claim in claims:
            doc = store.get_document(claim["doc"]["id"])
            span = claim["value"] or claim["trigger"]
            assert doc.text[span["start"] : span["end"]] == span["text"]
        again = analyze(store, [demo_corpus()])
        assert again.extraction.documents == 0 and again.extraction.skipped == 4
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "new.txt").write_text(
            "Fictional: about 75 people were killed in Brisk.\n", "utf-8"
        )
        third = analyze(store, [extra])
        assert third.extraction.documents == 1 and third.extraction.claims == 1
        assert len(store.claims()) == len(claims) + 1
        assert set(store.extracted_with().values()) == {EXTRACTOR}


def test_parallel_extraction_gives_the_same_claims(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as one, Store(tmp_path / "b.db") as two:
        analyze(one, [demo_corpus()], IngestOptions())
        analyze(two, [demo_corpus()], IngestOptions(), jobs=2)
        assert one.claims() == two.claims()


def test_documents_without_claims_are_not_extracted_again(tmp_path: Path) -> None:
    (tmp_path / "calm.txt").write_text("A quiet market day with no violence at all.\n", "utf-8")
    with Store(tmp_path / "s.db") as store:
        assert analyze(store, [tmp_path / "calm.txt"]).extraction.documents == 1
        assert analyze(store, [tmp_path / "calm.txt"]).extraction.documents == 0


def test_version_1_store_is_migrated_and_keeps_its_documents(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        schema.meta.create(conn)
        MIGRATIONS[1](conn)
        conn.execute(schema.meta.insert().values(key="schema_version", value="1"))
    engine.dispose()
    conn = sqlite3.connect(db)
    conn.execute(
        "insert into documents (id, path, media_type, lang_spans, repairs, provenance, extra,"
        " n_chars, ingested_at, text) values ('abc', 'a.txt', 'text/plain', '[]', '[]', '{}',"
        " '{}', 4, 'now', 'text')"
    )
    conn.execute("insert into doc_paths values ('a.txt', 1, 'abc', 'now')")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.get_document("a.txt").text == "text"
        assert store.claims() == []
