"""Parquet documents tables in (``ingest --format parquet``, ``extract TABLE``), the engine
options' usage errors, and extraction failures reported per document (no Ray needed)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from rashomon import Store
from rashomon.cli.main import app
from rashomon.ingest import ingest_paths
from rashomon.ingest.table import read_table
from rashomon.pipeline import extract_store

ROWS: dict[str, list[Any]] = {
    "id": ["brisk-1", "brisk-2", "calm-3", "empty-4", "brisk-1"],
    "text": [
        "NORVIK, 2 May 1931 — About 300 people were killed in Brisk on 1 May 1931.\r\n",
        "Le conseil de Brisk a compté 900 morts le 1er mai 1931.\n",
        "A quiet market day with no violence at all.\n",
        "   \n",
        "A second row with the id of the first: 12 houses burned.\n",
    ],
    "lang": ["en", None, "en", "en", "en"],
    "date": [dt.date(1931, 5, 2), None, None, None, None],
    "url": ["https://example.org/fictional/1", None, None, None, None],
    "publisher": ["Norvik Courier (fictional)", "unknown (wire copy)", None, None, None],
    "ignored": [1, 2, 3, 4, 5],
}


def _table(path: Path, rows: dict[str, list[Any]] = ROWS) -> Path:
    pq.write_table(pa.table(rows), path)
    return path


def test_ingest_parquet_stores_rows_through_the_normal_path(
    runner: CliRunner, tmp_path: Path
) -> None:
    table = _table(tmp_path / "docs.parquet")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(table), "--format", "parquet", "--db", db])
    assert result.exit_code == 1, result.output  # two bad rows, the others stored
    assert "E005 empty text" in result.output and "row 4" in result.output
    assert "E031 id 'brisk-1' repeats row 1" in result.output
    with Store(db) as store:
        first = store.get_document("brisk-1")
        assert first.text.endswith("1 May 1931.\n")  # newlines normalised as for files
        assert (first.date, first.lang, first.url) == ("1931-05-02", "en", ROWS["url"][0])
        assert first.provenance["date"] == first.provenance["publisher"] == "table"
        second = store.get_document("brisk-2")
        assert second.lang == "fr" and second.provenance["lang"] == "detected"
        assert second.publisher is None and second.extra["publisher_note"] == "unknown (wire copy)"
        assert store.count_documents() == 3
    again = runner.invoke(app, ["ingest", str(table), "--format", "parquet", "--db", db])
    assert "3 unchanged" in again.output
    shown = runner.invoke(app, ["show", "brisk-1", "--text", "--db", db])
    assert shown.stdout_bytes == ROWS["text"][0].replace("\r\n", "\n").encode("utf-8")


def test_bad_tables_are_coded_errors(runner: CliRunner, tmp_path: Path) -> None:
    no_text = _table(tmp_path / "no_text.parquet", {"id": ["a"], "body": ["x"]})
    not_parquet = tmp_path / "fake.parquet"
    not_parquet.write_text("id,text\na,b\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    args = ["ingest", str(no_text), str(not_parquet), str(tmp_path / "missing.parquet")]
    result = runner.invoke(app, [*args, "--format", "parquet", "--db", db])
    assert result.exit_code == 1
    assert f"{no_text}: E031 no text column" in result.output
    assert f"{not_parquet}: E016 not a readable Parquet file" in result.output
    assert "missing.parquet: E001 no such file" in result.output


def test_extract_reads_a_table_like_the_store(tmp_path: Path) -> None:
    table = _table(tmp_path / "docs.parquet")
    runner = CliRunner()
    out = runner.invoke(app, ["extract", str(table)])
    assert out.exit_code == 1  # the two bad rows
    claims = [json.loads(line) for line in out.stdout.splitlines()]
    assert {c["doc"]["path"] for c in claims} == {"brisk-1", "brisk-2"}
    db = tmp_path / "s.db"
    runner.invoke(app, ["ingest", str(table), "--format", "parquet", "--db", str(db)])
    with Store(db) as store:
        extract_store(store)
        assert sorted(store.claims(), key=lambda c: c["id"]) == sorted(
            claims, key=lambda c: c["id"]
        )
    docs = [d for d in read_table(table) if not isinstance(d, Exception)]
    assert [d.path for d in docs] == ["brisk-1", "brisk-2", "calm-3"]


def test_a_failing_document_is_reported_and_the_rest_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rashomon.extract.pipeline as pipeline

    for name, text in (("a.txt", "About 30 houses burned in Brisk."), ("b.txt", "12 killed.")):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    real = pipeline.extract_document

    def flaky(doc: Any) -> Any:
        if doc.path.endswith("b.txt"):
            raise ValueError("invented failure")
        return real(doc)

    with Store(tmp_path / "s.db") as store:
        ingest_paths(store, [tmp_path])
        monkeypatch.setattr(pipeline, "extract_document", flaky)
        first = extract_store(store)
        assert first.documents == 1 and len(first.failed) == 1
        assert first.failed[0] == (
            f"{tmp_path / 'b.txt'}: E027 extraction failed: ValueError: invented failure"
        )
        monkeypatch.setattr(pipeline, "extract_document", real)
        assert extract_store(store).failed_before == 1
        again = extract_store(store, retry_failed=True)
        assert (again.documents, again.skipped, again.failed) == (1, 1, [])


def test_engine_options_usage(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "s.db")
    bad = runner.invoke(app, ["analyze", "--demo", "--db", db, "--address", "auto"])
    assert bad.exit_code == 2 and "--address needs --engine ray" in bad.output
    no_out = runner.invoke(app, ["extract", "x.parquet", "--engine", "ray"])
    assert no_out.exit_code == 2 and "--out" in no_out.output
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    missing = runner.invoke(app, ["analyze", "--demo", "--db", db, "--engine", "ray"])
    assert missing.exit_code == 2
    assert "E030" in missing.output and "pip install 'rashomon[ray]'" in missing.output
