"""The command line: documented commands, exact text output, the demo main job."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from rashomon.cli.main import app
from rashomon.pipeline import demo_corpus
from tests.conftest import ROOT

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_a_runnable_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert re.search(r"Examples?:\n\s+rashomon " + command, result.output), result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`rashomon {command}" in readme


def _command_paths() -> dict[str, click.Command]:
    """Every command by its words after `rashomon`, sub-commands of groups included."""
    paths = {}
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        paths[name] = command
        for sub, subcommand in getattr(command, "commands", {}).items():
            paths[f"{name} {sub}"] = subcommand
    return paths


def test_examples_in_help_use_only_real_options() -> None:
    paths = _command_paths()
    for command in paths.values():
        for line in (command.help or "").splitlines():
            words = line.split()
            if words[:1] != ["rashomon"]:
                continue
            # The longest command path the example calls: `users add` before `users`.
            path = " ".join(words[1:3]) if " ".join(words[1:3]) in paths else words[1]
            known = {o for p in paths[path].params for o in getattr(p, "opts", [])}
            for option in re.findall(r"\s(--[a-z-]+)", line):
                assert option in known, (path, option)


def test_every_sub_command_has_an_example() -> None:
    for path, command in _command_paths().items():
        if " " in path:
            assert re.search(r"Examples?:\n\s+rashomon " + path, command.help or ""), path


def test_show_text_prints_the_stored_text_exactly(runner: CliRunner, tmp_path: Path) -> None:
    text = "Line one: 1 200 people.\nNo trailing newline, NBSP\u00a0here"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "--text", "--db", db])
    assert result.exit_code == 0
    assert result.stdout_bytes == text.encode("utf-8")


def test_docs_and_show_formats(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some 30 houses burned in the fictional village.\n", "utf-8")
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--publisher", "Test Desk"])
    rows = json.loads(runner.invoke(app, ["docs", "--db", db, "--format", "json"]).output)
    assert len(rows) == 1 and rows[0]["publisher"] == "Test Desk" and len(rows[0]["id"]) == 64
    shown = json.loads(
        runner.invoke(app, ["show", rows[0]["id"][:8], "--db", db, "-f", "json"]).output
    )
    assert shown["provenance"]["publisher"] == "flag" and shown["n_chars"] > 10
    csv_out = runner.invoke(app, ["docs", "--db", db, "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("id,path,version,lang")


def test_untrusted_metadata_prints_literally(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("About 12 people were detained.\n", "utf-8")
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--publisher", "[bold red]X[/] <b>"])
    out = runner.invoke(app, ["docs", "--db", db], env={"COLUMNS": "300"}).output
    assert "[bold red]X[/] <b>" in out


def test_analyze_demo_is_the_main_job(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(app, ["analyze", "--demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "4 files: 4 stored" in result.output
    assert "4 documents (de 1, en 1, es 1, fr 1); 4 with a publication date" in result.output
    again = runner.invoke(app, ["analyze", "--demo", "--db", db])
    assert "4 files: 4 unchanged" in again.output


def test_demo_corpus_is_fictional_and_labelled() -> None:
    files = sorted(demo_corpus().glob("*.txt"))
    assert 3 <= len(files) <= 5
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0].upper()
        assert any(w in first for w in ("FICTIONAL", "FICTIF", "FIKTIV", "FICTICIO")), file.name
    assert "FICTIONAL" in (demo_corpus() / "README").read_text(encoding="utf-8")


def test_version(runner: CliRunner) -> None:
    assert runner.invoke(app, ["version"]).output.startswith("rashomon 0.")
