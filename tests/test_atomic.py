"""Every file rashomon writes is replaced whole or not at all (issue 12): a kill, a full disk
or an error at any point leaves the previous file, and a full disk (a real tmpfs where the
machine allows mounting one, a simulated ENOSPC everywhere) is one coded line."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon import Store, analyze, demo_corpus
from rashomon.atomic import atomic_writer, write_atomic
from rashomon.cli.main import app
from rashomon.errors import Code, RashomonError
from tests.paused import paused_run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_an_error_inside_the_block_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(ValueError), atomic_writer(target, "w") as handle:
        handle.write("new, half")
        raise ValueError("boom")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _leftovers(tmp_path) == []


def test_new_files_get_the_usual_mode_and_existing_ones_keep_theirs(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.html"
    write_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    fresh.chmod(0o600)
    write_atomic(fresh, b"y")
    assert fresh.stat().st_mode & 0o777 == 0o600 and fresh.read_bytes() == b"y"


def test_simulated_full_disk_is_e025_and_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"previous report")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(RashomonError) as info:
        write_atomic(target, b"x" * 100_000)
    assert info.value.code is Code.DISK_FULL
    assert str(info.value) == (
        f"{target}: E025 no space left on device (nothing written; any previous file is unchanged)"
    )
    assert target.read_bytes() == b"previous report"
    assert _leftovers(tmp_path) == []


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "demo.db"
    with Store(db) as store:
        analyze(store, [demo_corpus()])
    return db


def test_report_command_on_a_full_disk(
    demo_db: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.html"
    assert runner.invoke(app, ["report", "--db", str(demo_db), "--out", str(out)]).exit_code == 0
    before = _digest(out)
    real = os.replace

    def full(src: str, dst: str) -> None:
        if str(dst) == str(out):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", full)
    res = runner.invoke(app, ["report", "--db", str(demo_db), "--out", str(out), "--title", "B"])
    assert res.exit_code == 1
    assert res.stderr.strip() == (
        f"error: {out}: E025 no space left on device (nothing written; any previous file is "
        "unchanged)"
    )
    assert _digest(out) == before and _leftovers(tmp_path) == []


# -- a real small file system ---------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, where the machine lets the tests mount one (root on Linux)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the simulated ENOSPC tests still run)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_report_on_a_full_tmpfs(demo_db: Path, tmpfs: Path, runner: CliRunner) -> None:
    out = tmpfs / "report.html"
    out.write_bytes(b"previous report")
    (tmpfs / "filler").write_bytes(b"x" * 1_000_000)  # the report (~0.4 MB) no longer fits
    res = runner.invoke(app, ["report", "--db", str(demo_db), "--out", str(out)])
    assert res.exit_code == 1
    assert "E025 no space left on device" in res.stderr and "Traceback" not in res.output
    assert out.read_bytes() == b"previous report"
    assert _leftovers(tmpfs) == []


def test_store_on_a_full_tmpfs(tmpfs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    rng = random.Random(5)
    words = ["Norvik", "Brisk", "killed", "fled", "people", "officials", "said", "village"]
    for i in range(120):
        body = " ".join(rng.choice(words) for _ in range(2_000))
        (folder / f"d{i:03}.txt").write_text(f"Report {i}: {body}.\n", encoding="utf-8")
    db = tmpfs / "s.db"
    done = subprocess.run(
        [sys.executable, "-m", "rashomon.cli.main", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors and "E025 no space left on device" in errors[-1]
    assert "Traceback" not in done.stderr
    # Everything stored before the disk filled up is intact and readable.
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    stored = conn.execute("select count(*) from documents").fetchone()[0]
    conn.close()
    assert 0 < stored < 120
    with Store(db) as store:
        assert sum(1 for _ in store.iter_documents()) == stored


# -- kills ------------------------------------------------------------------------------------

#: Writes ``chunks`` pieces inside the atomic block, says so, then waits there until killed
#: (its stdin never closes while the test runs), so every kill lands mid-write however loaded
#: the machine is.
_SLOW_WRITER = """
import sys
from rashomon.atomic import atomic_writer
with atomic_writer(sys.argv[1]) as handle:
    for _ in range(int(sys.argv[2])):
        handle.write(b"n" * 10_000)
    handle.flush()
    print("written", flush=True)
    sys.stdin.read()
"""


@pytest.mark.parametrize("chunks", [0, 1, 37, 400])
def test_a_kill_mid_write_keeps_the_previous_file(tmp_path: Path, chunks: int) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old,complete\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target), str(chunks)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"written\n"
        # The new content is in the temporary file beside the target, not in the target.
        assert [p.stat().st_size for p in tmp_path.glob("*.partial")] == [chunks * 10_000]
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert target.read_bytes() == b"old,complete\n"


def _complete_report(path: Path) -> bool:
    html = path.read_text(encoding="utf-8")
    start = html.find('<script type="application/json" id="report-data">')
    end = html.find("</script>", start)
    if not html.rstrip().endswith("</html>") or start < 0 or end < 0:
        return False
    json.loads(html[html.index(">", start) + 1 : end])
    return True


@pytest.mark.parametrize(
    ("pause", "replaced"),
    [
        # The new report written and fsynced beside the target, not yet renamed over it.
        ("os:replace", False),
        # Renamed over the target, the folder not yet fsynced.
        ("rashomon.atomic:_sync_folder", True),
    ],
)
def test_killing_the_report_command_never_leaves_a_broken_report(
    demo_db: Path, tmp_path: Path, pause: str, replaced: bool
) -> None:
    out = tmp_path / "report.html"
    command = ["report", "--db", str(demo_db), "--out", str(out)]
    previous = subprocess.run(
        [sys.executable, "-m", "rashomon.cli.main", *command, "--title", "the previous one"],
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert previous.returncode == 0, previous.stderr
    before = _digest(out)
    # Killed exactly at that point of the write, however loaded the machine is (tests/paused.py).
    with paused_run(tmp_path, pause, 1, [*command, "--title", "the new one"]) as run:
        if not replaced:
            partial = [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.partial")]
            assert len(partial) == 1 and "the new one" in partial[0]
        run.stop(signal.SIGKILL)
    # The previous report, untouched, or the new one, whole: never a cut page.
    assert _complete_report(out)
    if replaced:
        assert "the new one" in out.read_text(encoding="utf-8")
    else:
        assert _digest(out) == before


def test_export_on_a_full_disk_keeps_the_previous_file(
    demo_db: Path, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Exports go through the same writer as the report.
    out = tmp_path / "events.csv"
    args = ["export", "--format", "ged-csv", "--db", str(demo_db), "--out", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    before = _digest(out)
    assert out.stat().st_size > 0

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    res = runner.invoke(app, args)
    assert res.exit_code != 0
    assert res.stderr.strip() == (
        f"error: {out}: E025 no space left on device (nothing written; any previous file is "
        "unchanged)"
    )
    assert _digest(out) == before and _leftovers(tmp_path) == []
