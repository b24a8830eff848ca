"""What a person reads: interruptions, missing inputs, skipped files, formats, counts in words,
no internals, tables that fit the window."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon._words import plural, ratio_words, value_words
from rashomon.cli.main import app
from tests.paused import paused_run

# Invented sentences; a fictional town.
EN = "On 2 May 1931 about {n} people were killed in the fictional town of Brisk, the council said."
TR = "Bugün şehirde yüzlerce kişi öldü ve binlerce kişi evlerini terk etti, dedi yetkililer."


def _rows(db: Path, table: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(f"select count(*) from {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _corpus(folder: Path, n: int, repeat: int = 40) -> Path:
    folder.mkdir()
    for i in range(n):
        text = "\n\n".join(EN.format(n=i * 10 + k) for k in range(repeat))
        (folder / f"doc{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _interrupt(args: list[str], db: Path, pause: str, nth: int, sig: int) -> tuple[int, str]:
    """Run rashomon in a real process, paused before the ``nth`` call of ``pause`` (a Store
    method: that many documents done, the next not begun), and send it ``sig`` there."""
    with paused_run(db.parent, pause, nth, [*args, "--db", str(db)]) as run:
        return run.stop(sig)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "code", "name"), [(signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")]
)
def test_interrupted_ingest_says_what_it_kept_and_how_to_resume(
    tmp_path: Path, sig: int, code: int, name: str, runner: CliRunner
) -> None:
    corpus = _corpus(tmp_path / "corpus", 300)
    db = tmp_path / "s.db"
    store = "rashomon.store:Store.add_document"
    status, err = _interrupt(["ingest", str(corpus), "-q"], db, store, 21, sig)
    assert status == code, err
    assert f"interrupted ({name})" in err and "Traceback" not in err
    assert "newly stored, each one whole" in err and "Run the same command again" in err
    stored = _rows(db, "doc_paths")
    assert stored == 20  # paused before the 21st: all 20 whole, none after
    assert f"({stored} newly stored, each one whole" in err
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert again.exit_code == 0
    assert f"300 files: {300 - stored} stored, {stored} unchanged" in again.output


@pytest.mark.slow
def test_interrupted_analysis_says_where_it_stopped(tmp_path: Path, runner: CliRunner) -> None:
    corpus = _corpus(tmp_path / "corpus", 60, repeat=60)
    db = tmp_path / "s.db"
    args = ["analyze", str(corpus), "-q"]
    store = "rashomon.store:Store.replace_claims_many"
    status, err = _interrupt(args, db, store, 4, signal.SIGTERM)
    assert status == 143, err
    assert "interrupted (SIGTERM): while extracting; claims of" in err
    assert "only documents without claims are extracted" in err
    extracted = _rows(db, "extractions")
    assert extracted == 3
    again = runner.invoke(app, [*args, "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert f"{extracted:,} already extracted" in again.output


class _Signal(BaseException):
    """What a signal handler raises (``Interrupted``), here raised on cue."""


def test_a_signal_just_after_a_file_is_opened_interrupts_the_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C landing right after ingest's file object is made (found under load) comes
    through as the interruption, not as E016 'cannot read: Bad file descriptor'."""
    from rashomon.ingest import readers

    path = tmp_path / "a.txt"
    path.write_text("text\n", encoding="utf-8")
    real = os.fdopen

    def fdopen_then_signal(fd: int, *args: Any, **kwargs: Any) -> Any:
        real(fd, *args, **kwargs)  # made, then dropped: it closes the descriptor
        raise _Signal

    monkeypatch.setattr(readers.os, "fdopen", fdopen_then_signal)
    with pytest.raises(_Signal):
        readers.read_bytes(path)


def test_extract_names_the_missing_file_not_the_store(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "missing.txt"])
    assert result.exit_code == 1
    assert result.output.startswith("error: missing.txt: E001 no such file or folder")
    (tmp_path / "a.txt").write_text(EN.format(n=40), encoding="utf-8")
    runner.invoke(app, ["ingest", "a.txt", "--db", "s.db"])
    result = runner.invoke(app, ["extract", "missing.txt", "a.txt", "--db", "s.db"])
    assert result.exit_code == 1
    assert "missing.txt: E001 no such file or folder, nor a document stored" in result.output
    assert '"measure": "killed"' in result.output  # the other file was still read


def test_analyze_on_a_missing_folder_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "report.html"
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "nope"), "--db", str(db), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert "nope: E001 no such file or folder" in result.output
    assert not out.exists() and not db.exists()
    # A folder with nothing rashomon reads: no empty report either.
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "scan.png").write_bytes(b"\x89PNG\r\n")
    result = runner.invoke(
        app, ["analyze", str(tmp_path / "images"), "--db", str(db), "-o", str(out)]
    )
    assert result.exit_code == 1 and not out.exists()
    assert "no documents to report on" in result.output
    assert "skipped 1 file (scan.png): an image" in result.output


def test_a_folder_ingest_says_what_it_skipped_and_why(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(EN.format(n=40), encoding="utf-8")
    for name in ("photo.png", "scan.jpg", "old.doc", "sheet.xlsx", "notes"):
        (src / name).write_bytes(b"\x00\x01")
    result = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "1 file: 1 stored; 5 files skipped" in lines
    assert "skipped 2 files (photo.png, scan.jpg): an image: no text to read" in result.output
    assert "skipped 1 file (old.doc): an old binary Word file: save it as .docx" in result.output
    assert "skipped 1 file (sheet.xlsx): a spreadsheet" in result.output
    assert "skipped 1 file (notes): no file-name suffix" in result.output


def test_show_prints_csv_and_exact_spans(runner: CliRunner, tmp_path: Path) -> None:
    text = EN.format(n=40)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db])
    out = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "--db", db, "--format", "csv"])
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows[0] == ["field", "value"] and ["lang", "en"] in rows
    start = text.index("about 40")
    span = f"{start}:{start + len('about 40')}"
    shown = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "--db", db, "--span", span])
    assert shown.stdout_bytes == b"about 40\n"
    bad = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "--db", db, "--span", "5:9999"])
    assert bad.exit_code == 2 and f"ends after the text ({len(text)} characters)" in bad.output
    # The help's examples are the ones that work: no `cut -c` on code-point offsets.
    assert "cut -c" not in runner.invoke(app, ["show", "--help"]).output


def test_counts_are_in_words_and_internals_stay_out(runner: CliRunner, tmp_path: Path) -> None:
    assert (plural(1, "file"), plural(2, "file")) == ("1 file", "2 files")
    assert (plural(1, "inconsistency"), plural(3, "inconsistency")) == (
        "1 inconsistency",
        "3 inconsistencies",
    )
    assert plural(1200, "claim") == "1,200 claims"
    assert ratio_words(400.0) == "the highest figure is 400 times the lowest"
    assert ratio_words(1.5) == "the highest figure is 1.5 times the lowest"
    assert value_words({"low": 1200, "high": None, "qualifier": "at_least"}) == "at least 1,200"
    assert value_words({"low": 700, "high": 900, "qualifier": "range"}) == "700–900"
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["analyze", "--demo", "--db", db])
    # Counts and nouns agree ("1 inconsistency", "0 inconsistencies", "4 disputes").
    counted = re.search(r"(\d+) (disputes?), (\d+) (inconsistenc(?:y|ies))", result.output)
    assert counted is not None, result.output
    for n, noun in ((counted[1], counted[2]), (counted[3], counted[4])):
        assert (
            noun
            == plural(int(n), noun.rstrip("s") if noun.startswith("d") else "inconsistency").split(
                " ", 1
            )[1]
        )
    events = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).output
    event = next(line for line in events.splitlines() if '"disputes": [{' in line)
    event_id = event.split('"id": "', 1)[1].split('"', 1)[0]
    shown = runner.invoke(app, ["compare", event_id, "--db", db], env={"COLUMNS": "200"}).output
    for internal in ("at_least:", "–None", "ratio ", "..", "(context)", "(explicit)"):
        assert internal not in shown.replace(event.split('"label": "')[1].split('"')[0], ""), (
            internal
        )
    assert "times the lowest" in shown and "(as written)" in shown


def test_tables_fall_back_to_a_list_when_the_window_is_narrow(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = str(tmp_path / "demo.db")
    runner.invoke(app, ["analyze", "--demo", "--db", db])
    wide = runner.invoke(app, ["docs", "--db", db], env={"COLUMNS": "250"}).output
    assert "┃" in wide and "shown as a list" not in wide
    narrow = runner.invoke(app, ["docs", "--db", db], env={"COLUMNS": "50"}).output
    assert "┃" not in narrow and "shown as a list" in narrow and "--format csv" in narrow
    # One "column: value" line per field, every row present.
    assert narrow.count("publisher: ") == 4 and narrow.count("      id: ") == 4
    assert all(len(line) <= 50 or ": " in line for line in narrow.splitlines())


def test_documents_in_a_language_without_data_are_named(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "tr.txt").write_text(TR, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN.format(n=40), encoding="utf-8")
    extracted = runner.invoke(app, ["extract", str(tmp_path / "tr.txt"), str(tmp_path / "en.txt")])
    assert extracted.exit_code == 0
    assert f"note: {tmp_path / 'tr.txt'}: not analysed: no language data for tr" in extracted.output
    result = runner.invoke(app, ["analyze", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert "note: 1 document in Turkish (tr) not analysed: no language data for tr" in (
        result.output
    )


def test_actor_ids_are_named_for_readers() -> None:
    from rashomon.report.compare import describe_dispute
    from rashomon.report.data import compact_event

    dispute = {"kind": "perpetrators", "detail": {"d1": ["a:arf", "armed men"]}}
    docs = {"d1": {"id": "d1", "path": "x.txt", "publisher": "Desk"}}
    said = describe_dispute(dispute, {}, docs)
    assert said == "Sources name different perpetrators: Desk names Armenian Revolutionary " + (
        "Federation, armed men"
    )
    event = {
        "id": "ev-1",
        "label": "x",
        "event_type": "killing",
        "time": None,
        "places": [],
        "claims": [],
        "docs": ["d1"],
        "consistency": [],
        "estimates": {},
        "disputes": [dispute],
    }
    shown = compact_event(event)["disputes"][0]["detail"]
    assert shown == {"d1": ["Armenian Revolutionary Federation", "armed men"]}
