"""The Ray engine on a real local Ray instance (2 CPUs, no mock): the same claims and events
as the default engine, failures reported, killed workers survived, runs resumed.

One Ray instance serves the module (starting one costs seconds); each run uses small batches
so the seeds and dev corpus span several.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon import Store
from rashomon.align import update_events
from rashomon.cli.main import app
from rashomon.document import Document
from rashomon.errors import RashomonError
from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import extract_document
from rashomon.ingest import ingest_paths, read_documents
from rashomon.pipeline import ExtractionSummary, extract_store, pending_documents
from tests.conftest import CORPUS, needs_shared

ray = pytest.importorskip("ray")
pytestmark = [pytest.mark.slow, needs_shared]

SOURCES = [CORPUS / "seeds", CORPUS / "dev"]


@pytest.fixture(scope="module")
def ray_instance() -> Iterator[Any]:
    import logging

    # A new instance of our own, whatever RAY_ADDRESS or /tmp/ray/ray_current_cluster name.
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
    )
    # The flaky extractors below travel to the workers by value, not by module name.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and dev corpus ingested once; each test copies the file."""
    db = tmp_path_factory.mktemp("ray") / "ingested.db"
    with Store(db) as store:
        assert ingest_paths(store, SOURCES).ok
    return db


@pytest.fixture(scope="module")
def default_result(corpus_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the default engine (one process, in-memory aligner) stores."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    shutil.copy(corpus_store, db)
    with Store(db) as store:
        extract_store(store)
        update_events(store)
        return _state(store)


def _state(store: Store) -> dict[str, Any]:
    return {
        "claims": store.claims(),
        "events": store.events(),
        "assignments": store.event_assignments(),
        "extracted": store.extracted_with(),
    }


def _digest(state: dict[str, Any]) -> dict[str, int]:
    """Sizes to show when the states differ (never the blobs themselves)."""
    return {key: len(value) for key, value in state.items()}


def _copy(src: Path, tmp_path: Path) -> Path:
    db = tmp_path / "ray.db"
    shutil.copy(src, db)
    return db


class Flaky:
    """Raises on one document; kills its worker process once on another (the first time
    it meets it, leaving a mark on disk), or every time with ``always``."""

    def __init__(self, mark: Path, raise_on: str = "", kill_on: str = "", always: bool = False):
        self.mark, self.raise_on, self.kill_on, self.always = mark, raise_on, kill_on, always

    def __call__(self, doc: Document) -> list[Claim]:
        if self.raise_on and doc.path.endswith(self.raise_on):
            raise ValueError("invented failure")
        dies = self.always or not self.mark.exists()
        if self.kill_on and doc.path.endswith(self.kill_on) and dies:
            self.mark.write_text("killed", encoding="utf-8")
            os._exit(1)
        return extract_document(doc)


def test_without_an_address_the_cli_starts_its_own_instance_and_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs before the module's instance exists: a stray cluster named by RAY_ADDRESS (as by
    a leftover /tmp/ray/ray_current_cluster) is not joined, and nothing is left running."""
    assert not ray.is_initialized()
    monkeypatch.setenv("RAY_ADDRESS", "127.0.0.1:9")  # the discard port: nothing listens
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(
        app, ["analyze", "--demo", "--db", db, "--engine", "ray", "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "extract: " in result.output and "align: " in result.output
    assert not ray.is_initialized()


def test_a_local_instance_runs_its_workers_at_the_commands_priority(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ray's default niceness of 15 would make a local command's own workers yield to
    every other process of a shared machine."""
    from rashomon.scale.session import ray_session

    assert not ray.is_initialized()
    monkeypatch.delenv("RAY_worker_niceness", raising=False)

    def niceness() -> int:
        return os.nice(0)

    with ray_session(cpus=1) as session:
        worker = session.get(session.remote(niceness).remote())
    assert worker == os.nice(0)
    assert "RAY_worker_niceness" not in os.environ
    assert not ray.is_initialized()


def test_ray_engine_stores_what_the_default_engine_stores(
    ray_instance: Any, corpus_store: Path, default_result: dict[str, Any], tmp_path: Path
) -> None:
    from rashomon.scale import RayEngine

    db = _copy(corpus_store, tmp_path)
    flaky = Flaky(
        tmp_path / "killed",
        raise_on="045_syria-toll-2013_en.txt",
        kill_on="023_srebrenica-1995_en.txt",
    )
    seen: list[tuple[str, int, int | None]] = []
    with Store(db) as store, RayEngine(batch_size=6, extract_fn=flaky) as engine:
        engine.progress = lambda stage, done, total: seen.append((stage, done, total))
        first = engine.extract(store)
        # The bar starts at 0 of every pending document and advances batch by batch (the
        # failed one included) to the total.
        bar = [(done, total) for stage, done, total in seen if stage == "extracting"]
        n_docs = len(default_result["extracted"])
        assert bar[0] == (0, n_docs) and bar[-1] == (n_docs, n_docs)
        steps = [b[0] - a[0] for a, b in itertools.pairwise(bar)]
        assert len(steps) >= n_docs // 6 and all(0 < s <= 6 for s in steps)
        # The worker died on a document; Ray restarted it and ran the batch again.
        assert (tmp_path / "killed").read_text(encoding="utf-8") == "killed"
        assert len(first.failed) == 1 and " E027 " in first.failed[0]
        assert "045_syria-toll-2013_en.txt" in first.failed[0]
        assert first.documents == len(default_result["extracted"]) - 1
        # The failure is recorded: a rerun skips it, as the default engine does, unless
        # asked to retry; then only that document is extracted.
        engine.extract_fn = None
        second = engine.extract(store)
        assert (second.documents, second.failed_before) == (0, 1)
        third = engine.extract(store, retry_failed=True)
        assert (third.documents, third.skipped, third.failed) == (1, first.documents, [])
        seen.clear()
        aligned = engine.align(store)
        assert aligned.events == len(default_result["events"])
        # Alignment's bar counts claims as bags of partitions finish.
        bar = [(done, total) for stage, done, total in seen if stage == "aligning"]
        assert bar[0][0] == 0 and bar[-1][0] == bar[-1][1] == len(default_result["claims"])
        state = _state(store)
    assert _digest(state) == _digest(default_result)
    assert state == default_result


def test_a_run_stopped_by_dying_workers_leaves_whole_batches_and_resumes(
    ray_instance: Any, corpus_store: Path, default_result: dict[str, Any], tmp_path: Path
) -> None:
    from rashomon.scale import RayEngine

    db = _copy(corpus_store, tmp_path)
    deadly = Flaky(tmp_path / "killed", kill_on="030_nanjing-1937_de.txt", always=True)
    with Store(db) as store:
        todo = pending_documents(store, ExtractionSummary())
    batches = [set(todo[i : i + 4]) for i in range(0, len(todo), 4)]
    with Store(db) as store, RayEngine(batch_size=4, extract_fn=deadly, retries=0) as engine:
        with pytest.raises(RashomonError) as stopped:
            engine.extract(store)
        assert stopped.value.code.value == "E027"
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    counted = dict(conn.execute("select doc_id, n_claims from extractions").fetchall())
    stored = dict(conn.execute("select doc_id, count(*) from claims group by doc_id").fetchall())
    conn.close()
    # Every batch is all or nothing, and so is every document in it.
    assert all(batch <= set(counted) or not batch & set(counted) for batch in batches)
    assert {d: n for d, n in counted.items() if n} == stored
    total = len(default_result["extracted"])
    assert len(counted) < total
    with Store(db) as store:
        paths = {d: store.get_document(d).path for d in counted}
        assert not any(p.endswith("030_nanjing-1937_de.txt") for p in paths.values())
        with RayEngine(batch_size=4) as engine:
            resumed = engine.extract(store)
            assert (resumed.documents, resumed.skipped) == (total - len(counted), len(counted))
            engine.align(store)
        state = _state(store)
    assert _digest(state) == _digest(default_result)
    assert state == default_result


def test_parquet_documents_in_claims_out_without_a_store(ray_instance: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from rashomon.ingest.table import read_table
    from rashomon.scale import RayEngine

    docs = [d for d in read_documents(SOURCES) if isinstance(d, Document)]
    table = tmp_path / "docs.parquet"
    pq.write_table(
        pa.table(
            {
                "id": [Path(d.path).name for d in docs],
                "text": [d.text for d in docs],
                "lang": [d.lang for d in docs],
                "date": [d.date for d in docs],
                "url": [d.url for d in docs],
                "publisher": [d.publisher for d in docs],
            }
        ),
        table,
        row_group_size=10,
    )
    expected = sorted(
        (
            c.to_dict()
            for doc in read_table(table)
            if isinstance(doc, Document)
            for c in extract_document(doc)
        ),
        key=lambda c: c["id"],
    )
    out = tmp_path / "claims"
    with RayEngine() as engine:
        summary = engine.extract_parquet([table], out)
        assert (summary.documents, summary.failed) == (len(docs), [])
        again = engine.extract_parquet([table], out)
        assert (again.documents, again.skipped) == (0, len(docs))
    got = pq.read_table(out).to_pylist()
    assert len(got) == len(expected) == summary.claims
    assert sorted((json.loads(r["claim"]) for r in got), key=lambda c: c["id"]) == expected
    assert {r["doc_path"] for r in got} <= {Path(d.path).name for d in docs}


def test_ray_engine_on_postgresql(
    ray_instance: Any, pg_url: str, default_result: dict[str, Any]
) -> None:
    from rashomon.scale import RayEngine

    with Store(pg_url) as store:
        assert ingest_paths(store, SOURCES).ok
        with RayEngine(batch_size=8) as engine:
            engine.extract(store)
            engine.align(store)
        assert _state(store) == default_result


def test_cli_analyze_with_the_ray_engine(ray_instance: Any, tmp_path: Path) -> None:
    from rashomon.pipeline import demo_corpus

    runner = CliRunner()
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["analyze", "--demo", "--db", db, "--engine", "ray"])
    assert result.exit_code == 0, result.output
    assert "extract: " in result.output and "align: " in result.output
    local = str(tmp_path / "local.db")
    assert runner.invoke(app, ["analyze", str(demo_corpus()), "--db", local]).exit_code == 0
    with Store(db) as a, Store(local) as b:
        assert a.events() == b.events() and a.claims() == b.claims()
