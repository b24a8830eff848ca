"""A batch killed mid-way leaves a consistent store; re-running finishes the job."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rashomon import Store, ingest_paths


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("select count(*) from doc_paths").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_during_ingest_loses_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = 400
    for i in range(n):
        body = f"Report {i}: about {i * 7} people were displaced from village {i}.\n" * 400
        (corpus / f"doc{i:04d}.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "store.db"
    seed = tmp_path / "seed.txt"
    seed.write_text("Stored before the batch: 12 houses destroyed.\n", encoding="utf-8")
    with Store(db) as store:
        ingest_paths(store, [seed])
    proc = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli.main", "ingest", str(corpus), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _count(db) < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 1 < stored < n + 1

    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    rows = conn.execute("select id, text, n_chars from documents").fetchall()
    paths = conn.execute("select doc_id from doc_paths").fetchall()
    conn.close()
    # Every stored document is whole: its id is the hash of its full text, and it has its path.
    assert len(rows) == len(paths) == stored
    for doc_id, text, n_chars in rows:
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc_id
        assert len(text) == n_chars

    with Store(db) as store:
        report = ingest_paths(store, [corpus])
        assert report.ok
        assert report.counts["unchanged"] == stored - 1
        assert report.counts["stored"] == n - (stored - 1)
        assert store.count_documents() == n + 1
        assert store.get_document(str(seed)).text.startswith("Stored before")
