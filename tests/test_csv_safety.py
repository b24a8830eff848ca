"""Every CSV rashomon writes is safe to open in a spreadsheet (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon._csv import FORMULA_TRIGGERS, safe_cell
from rashomon.cli.main import app

# Fictional: a document crafted to carry formulas into a spreadsheet.
HOSTILE_TEXT = (
    '=HYPERLINK("http://example.invalid","click")\n'
    "According to @SUM(1+1), about 40 people were killed in the fictional town of Brisk "
    "on 3 May 1931.\n"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (2.5, 2.5),
        (True, "true"),
        (["=x"], '["=x"]'),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def assert_spreadsheet_safe(text: str) -> int:
    """Every cell of a CSV text starts with something a spreadsheet shows as text or a
    number; returns the number of cells that had to be neutralised."""
    neutralised = 0
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), cell
            neutralised += cell.startswith("'")
    return neutralised


def test_command_csv_outputs_are_neutralised(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "=evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = str(tmp_path / "s.db")
    flags = ["--publisher", "+Fictional Desk", "--title", "-1+2", "--url", "@x"]
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, *flags]).exit_code == 0
    docs = runner.invoke(app, ["docs", "--db", db, "--format", "csv"]).output
    assert assert_spreadsheet_safe(docs) >= 3
    assert "'+Fictional Desk" in docs and "'-1+2" in docs
    extracted = runner.invoke(app, ["extract", str(folder / "=evil.txt"), "--format", "csv"])
    assert extracted.exit_code == 0, extracted.output
    assert assert_spreadsheet_safe(extracted.output) >= 1
    assert "'=evil.txt" in extracted.output
    assert runner.invoke(app, ["analyze", str(folder), "--db", db]).exit_code == 0
    events = runner.invoke(app, ["events", "--db", db, "--format", "csv"]).output
    assert_spreadsheet_safe(events)
