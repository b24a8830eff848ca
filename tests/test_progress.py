"""Progress bars on stderr for the long steps, on a terminal only."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rashomon.cli.main import app


def _run(args: list[str], terminal: bool) -> str:
    # TTY_COMPATIBLE tells rich whether stderr is a terminal (CliRunner's streams are not).
    env = {"TTY_COMPATIBLE": "1" if terminal else "0"}
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_analyze_events_and_report_draw_bars_on_a_terminal(tmp_path: Path) -> None:
    db, out = str(tmp_path / "s.db"), str(tmp_path / "r.html")
    shown = _run(["analyze", "--demo", "--db", db, "--out", out, "-q"], terminal=True)
    for stage in ("ingesting", "extracting", "aligning", "summarising events", "report: claims"):
        assert stage in shown
    # Nothing new to align: only the report's bars.
    shown = _run(["report", "--db", db, "--out", out], terminal=True)
    assert "report: events" in shown and "aligning" not in shown


def test_no_bars_in_a_pipe(tmp_path: Path) -> None:
    db, out = str(tmp_path / "s.db"), str(tmp_path / "r.html")
    assert _run(["analyze", "--demo", "--db", db, "--out", out, "-q"], terminal=False) == ""
    assert _run(["events", "--db", db, "--format", "jsonl"], terminal=False) == ""
