"""Per-document extraction budgets: a document over its size or time limit is recorded as
failed with E026 and the batch goes on; a crash inside the extractor is E027, not a traceback."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli.main import app
from rashomon.document import Document
from rashomon.errors import Code, RashomonError
from rashomon.extract.claims import Claim
from rashomon.limits import Limits, extract_within, time_limit
from rashomon.store import Store

FIGURE = "Militias killed 300 villagers in Norvik on 3 May 1931.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(FIGURE, encoding="utf-8")
    (folder / "b.txt").write_text(FIGURE.replace("300", "400") * 40, encoding="utf-8")
    (folder / "c.txt").write_text(FIGURE.replace("300", "500"), encoding="utf-8")
    return folder


def _misbehave_on_b(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Make the extractor run ``action`` before extracting b.txt."""
    import rashomon.extract.pipeline as extraction

    real = extraction.extract_document

    def patched(doc: Document) -> list[Claim]:
        if doc.path.endswith("b.txt"):
            action()
        return real(doc)

    monkeypatch.setattr(extraction, "extract_document", patched)


def test_time_limit_interrupts_and_restores_the_previous_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    with pytest.raises(RashomonError) as info, time_limit(0.2, "work", "x.txt"):
        while True:
            pass
    assert time.monotonic() - start < 5
    assert info.value.code is Code.BUDGET
    assert str(info.value).startswith("x.txt: E026 work took longer than")
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_time_limit_rearms_an_outer_timer() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(10, "inner"):
            pass
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.5
        time.sleep(1.0)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_size_limit_is_checked_before_any_work() -> None:
    doc = Document(text="x" * 101, path="big.txt", media_type="text/plain", lang="en")
    with pytest.raises(RashomonError) as info:
        extract_within(doc, Limits(max_chars=100))
    assert info.value.code is Code.BUDGET
    assert "101 characters (limit 100" in str(info.value)


def test_over_budget_document_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, runner: CliRunner
) -> None:
    folder, db = _corpus(tmp_path), str(tmp_path / "s.db")
    res = runner.invoke(app, ["analyze", str(folder), "--db", db, "--max-chars", "1000"])
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "b.txt: E026 too long to extract" in errors[0]
    assert "Traceback" not in res.output
    with Store(db) as store:
        failures = store.extraction_failures()
        assert len(failures) == 1 and "E026" in next(iter(failures.values()))
        assert sorted(c["value"]["low"] for c in store.claims() if c["value"]) == [300, 500]
    # Not retried by default (it would cost its budget on every run) ...
    res = runner.invoke(app, ["analyze", str(folder), "--db", db, "--max-chars", "1000"])
    assert res.exit_code == 0, res.output
    assert "1 document failed extraction in an earlier run" in res.stdout
    # ... but on request, and a larger budget lets it through.
    res = runner.invoke(app, ["analyze", str(folder), "--db", db, "--retry-failed"])
    assert res.exit_code == 0, res.output
    with Store(db) as store:
        assert store.extraction_failures() == {}
        assert 400 in {c["value"]["low"] for c in store.claims() if c["value"]}


def test_slow_document_fails_with_e019(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _misbehave_on_b(monkeypatch, lambda: time.sleep(30))
    folder, db = _corpus(tmp_path), str(tmp_path / "s.db")
    start = time.monotonic()
    res = runner.invoke(app, ["analyze", str(folder), "--db", db, "--extract-seconds", "0.5"])
    assert time.monotonic() - start < 25
    assert res.exit_code == 1
    assert "b.txt: E026 extraction took longer than" in res.stderr
    with Store(db) as store:
        assert sorted(c["value"]["low"] for c in store.claims() if c["value"]) == [300, 500]


def test_extractor_crash_is_a_coded_error_not_a_traceback(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash() -> None:
        raise ValueError("unexpected shape")

    _misbehave_on_b(monkeypatch, crash)
    folder, db = _corpus(tmp_path), str(tmp_path / "s.db")
    res = runner.invoke(app, ["analyze", str(folder), "--db", db])
    assert res.exit_code == 1
    assert "b.txt: E027 extraction failed: ValueError: unexpected shape" in res.stderr
    assert "Traceback" not in res.output


def test_extract_command_applies_the_limits(tmp_path: Path, runner: CliRunner) -> None:
    folder = _corpus(tmp_path)
    res = runner.invoke(app, ["extract", str(folder), "--max-chars", "1000", "-f", "csv"])
    assert res.exit_code == 1
    assert "E026" in res.stderr
    assert res.stdout.count("\n") == 3  # header and the figures of a.txt and c.txt
