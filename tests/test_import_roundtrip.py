"""JSONL claims round-trip through export and import; bad records are refused one by one;
an interrupted export never destroys the previous file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon import Store, ingest_paths
from rashomon.cli.main import app
from rashomon.export import export, import_claims
from rashomon.export import runner as export_runner
from rashomon.export._view import View
from rashomon.pipeline import demo_corpus
from tests._export_data import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("roundtrip"))


def _fresh(tmp_path: Path) -> Path:
    """A store holding the demo documents, not extracted."""
    target = tmp_path / "target.db"
    with Store(target) as store:
        ingest_paths(store, [demo_corpus()])
    return target


def test_jsonl_claims_round_trip(db: Path, tmp_path: Path, runner: CliRunner) -> None:
    exported = tmp_path / "claims.jsonl"
    with Store(db) as store:
        export(store, "jsonl", "claims", exported)
    target = _fresh(tmp_path)
    result = runner.invoke(app, ["import", str(exported), "--db", str(target)])
    # The hostile document is not in the target store: its claims are refused, by line.
    hostile = [json.loads(x) for x in exported.read_text("utf-8").splitlines()]
    hostile = [c for c in hostile if c["doc"]["path"].endswith("=hostile.txt")]
    assert result.exit_code == 1
    assert result.output.count("E013") == len(hostile) > 0
    again = tmp_path / "again.jsonl"
    with Store(target) as store:
        export(store, "jsonl", "claims", again)
        assert store.extracted_with() and set(store.extracted_with().values()) == {
            hostile[0]["extractor"]
        }
    kept = [x for x in exported.read_text("utf-8").splitlines() if "=hostile.txt" not in x]
    assert again.read_text("utf-8").splitlines() == kept
    # Importing the same file again changes nothing.
    runner.invoke(app, ["import", str(exported), "--db", str(target)])
    with Store(target) as store:
        export(store, "jsonl", "claims", again)
    assert again.read_text("utf-8").splitlines() == kept


def test_bad_records_are_refused_and_the_rest_imported(db: Path, tmp_path: Path) -> None:
    with Store(db) as store:
        claims = [
            c
            for c in store.current_claims()
            if "=hostile" not in c["doc"]["path"] and c["kind"] == "figure"
        ]
    moved = json.loads(json.dumps(claims[0]))
    moved["value"]["start"] += 1
    moved["value"]["end"] += 1
    renamed = json.loads(json.dumps(claims[1]))
    renamed["id"] = "0" * 24
    wrong_words = json.loads(json.dumps(claims[2]))
    wrong_words["evidence"]["quote"] = wrong_words["evidence"]["quote"].upper()
    outside = json.loads(json.dumps(claims[3]))
    outside["places"] = [{"text": "x", "name": "x", "start": 10**6, "end": 10**6 + 1}]
    bad_type = json.loads(json.dumps(claims[4]))
    bad_type["value"] = {"low": "many", "high": None, "qualifier": "vague", "text": "x"}
    lines = [
        json.dumps(moved),
        json.dumps(renamed),
        "{not json",
        json.dumps(wrong_words),
        json.dumps(outside),
        json.dumps(bad_type),
        json.dumps({"id": "x", "kind": "figure", "doc": {"id": "f" * 64}}),
        *(json.dumps(c) for c in claims[5:]),
    ]
    target = _fresh(tmp_path)
    with Store(target) as store:
        report = import_claims(store, lines, "bad.jsonl")
        stored = {c["id"] for c in store.current_claims()}
    codes = [(e.code.value, e.path) for e in report.errors]
    assert codes == [
        ("E033", "bad.jsonl:1"),
        ("E033", "bad.jsonl:2"),
        ("E032", "bad.jsonl:3"),
        ("E033", "bad.jsonl:4"),
        ("E033", "bad.jsonl:5"),
        ("E032", "bad.jsonl:6"),
        ("E013", "bad.jsonl:7"),
    ]
    assert "evidence" in str(report.errors[3]) and "places[0]" in str(report.errors[4])
    assert report.imported == len(claims) - 5
    assert stored == {c["id"] for c in claims[5:]}


def test_a_failed_export_keeps_the_previous_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_text("previous export\n", encoding="utf-8")

    def broken(view: View, what: str) -> object:
        yield from list(view.claims())[:3]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export_runner, "_records", broken)
    with Store(db) as store, pytest.raises(RuntimeError):
        export(store, "jsonl", "claims", out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


_SLOW_EXPORT = """
import sys, time
from rashomon import Store
from rashomon.export import export, runner

def slow(view, what):
    yield from view.claims()
    print("written", flush=True)
    time.sleep(60)

runner._records = slow
with Store(sys.argv[1]) as store:
    export(store, "jsonl", "claims", sys.argv[2])
"""


@pytest.mark.slow
def test_a_killed_export_keeps_the_previous_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_bytes(b"previous export\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_SLOW_EXPORT), str(db), str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    parts = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert len(parts) == 1 and parts[0].stat().st_size > 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.05)
    assert out.read_bytes() == b"previous export\n"
