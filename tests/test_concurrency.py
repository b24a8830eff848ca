"""Several rashomon processes on one store (issue 12): concurrent first runs create the schema
once, concurrent extractors never collide on claim ids, and a killed ``--jobs 2`` run leaves
no worker behind.  On SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from rashomon import Store
from rashomon.store import schema

PLACES = ["Norvik", "Brisk", "Osterlo", "Kavala", "Dorne", "Fenwick"]
VERBS = ["were killed", "fled", "were wounded", "were arrested"]


def _corpus(folder: Path, n: int, seed: int, sentences: int = 6) -> Path:
    """Invented reports, each with a few figures."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        lines = [
            f"On {rng.randint(1, 28)} May 19{rng.randint(10, 40)} about {rng.randint(2, 900)} "
            f"people {rng.choice(VERBS)} in {rng.choice(PLACES)}, the council said."
            for _ in range(sentences)
        ]
        (folder / f"r{seed}_{i:04}.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")
    return folder


def _rashomon(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli.main", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = proc.communicate(timeout=600)
    return proc.returncode, err


def test_concurrent_first_runs_create_the_schema_once(any_db: str, tmp_path: Path) -> None:
    # Today's failure was deterministic ("table rashomon_meta already exists" every time);
    # three processes race on a store that does not exist yet.
    folders = [_corpus(tmp_path / f"part{i}", 3, seed=i) for i in range(3)]
    procs = [_rashomon("analyze", str(f), "--db", any_db, "--quiet") for f in folders]
    results = [_finish(p) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0], [err for _, err in results]
    assert not any("Traceback" in err or "E017" in err for _, err in results)
    with Store(any_db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.count_documents() == 9
        assert len(store.extracted_with()) == 9


def test_concurrent_extractors_on_one_store(any_db: str, tmp_path: Path) -> None:
    # The documents are stored first; then two runs extract every document not yet
    # extracted, in the same order, so they meet on the same documents at the same time:
    # claim replacement must be serialised per document.
    corpus = _corpus(tmp_path / "all", 40, seed=9)
    code, err = _finish(_rashomon("ingest", str(corpus), "--db", any_db, "--quiet"))
    assert code == 0, err
    procs = [_rashomon("analyze", str(corpus), "--db", any_db, "--quiet") for _ in range(2)]
    results = [_finish(p) for p in procs]
    assert [code for code, _ in results] == [0, 0], [err for _, err in results]
    with Store(any_db) as store:
        claims = store.claims()
        assert len(store.extracted_with()) == 40
        # Every document's claims are there once: no lost or doubled replacement.
        assert len({c["doc"]["id"] for c in claims}) == 40
        assert len({c["id"] for c in claims}) == len(claims)
    # A second pass finds nothing left to do and the same claims.
    code, err = _finish(_rashomon("analyze", str(corpus), "--db", any_db, "--quiet"))
    assert code == 0, err
    with Store(any_db) as store:
        assert sorted(c["id"] for c in store.claims()) == sorted(c["id"] for c in claims)


def test_simultaneous_claim_replacement_of_one_document(any_db: str) -> None:
    # The race made deterministic: two writers replace one document's claims at the same
    # instant, many times over (UniqueViolation claims_pkey on PostgreSQL before the lock).
    from rashomon.document import Document
    from rashomon.extract import extract_document

    with Store(any_db) as store:
        doc = Document(text=_one_report(), path="r.txt", media_type="text/plain", lang="en")
        store.add_document(doc)
        claims = [c.to_dict() for c in extract_document(store.get_document("r.txt"))]
    assert claims
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def slow_insert(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        # Widen the window between a writer's delete and its insert, where the other writer
        # used to slip in.
        if statement.lstrip().upper().startswith("INSERT INTO CLAIMS"):
            time.sleep(0.02)

    def writer() -> None:
        with Store(any_db) as own:
            event.listen(own.engine, "before_cursor_execute", slow_insert)
            for _ in range(15):
                barrier.wait(timeout=60)
                try:
                    own.replace_claims(doc.id, claims, "test")
                except Exception as exc:  # collected: the assertion below shows them
                    errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    with Store(any_db) as store:
        assert sorted(c["id"] for c in store.claims()) == sorted(c["id"] for c in claims)


def _one_report() -> str:
    # Hundreds of claims: each replacement is a transaction long enough for the two to meet.
    return " ".join(
        f"On {d} May 1931 about {n} people were killed in {PLACES[n % len(PLACES)]}."
        for d in range(1, 29)
        for n in (40, 120, 7, 300, 55, 18)
    )


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next((line for line in status.splitlines() if line.startswith("State:")), "")
    return "Z" not in state.split()[1:2]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_killed_parallel_run_leaves_no_workers(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "big", 300, seed=3, sentences=40)
    proc = _rashomon("analyze", str(corpus), "--db", str(tmp_path / "s.db"), "--jobs", "2")
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = {pid for pid in _children(proc.pid) if _alive(pid)}
        time.sleep(0.1)
    assert len(workers) >= 2, "the run ended before its workers could be seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]


def test_exclusive_blocks_a_second_holder(any_db: str) -> None:
    # The lock alignment runs under: a second store object (its own connection or file
    # descriptor, as another process would have) waits until the first lets go.
    order: list[str] = []
    held = threading.Event()

    def first() -> None:
        with Store(any_db) as store, store.exclusive("align"):
            held.set()
            time.sleep(0.5)
            order.append("first released")

    def second() -> None:
        held.wait(timeout=60)
        with Store(any_db) as store, store.exclusive("align"):
            order.append("second acquired")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert order == ["first released", "second acquired"]
    # Another name is another lock: it does not wait.
    with Store(any_db) as a, a.exclusive("align"), Store(any_db) as b, b.exclusive("other"):
        pass
