"""Every example in the commands' `--help` runs as written, in order, as a new user would
follow them: in a folder holding the files the examples name (the fictional demo documents as
`reports/a.txt` ..., a web page, a PDF archive, a Parquet table), against the stores the
examples name (`study.db`, `demo.db`, `team.db`, `a.db`, ...) and a `claims.jsonl` of the
documents' claims.

An example's placeholder ids (`3fa2c1`, `ev-1e6b`, ...) stand for ids the user reads from
`rashomon docs` and `rashomon events`: they are replaced by real ids of the same kind.  Shell
redirections (`> file`) write the command's output to that file; pipelines run in bash.  Not
run here, each for a reason named in SKIPPED: the web server (it runs until stopped;
tests/test_web.py), the Ray engine (tests/test_ray.py) and `eval` (it needs ../shared;
tests/test_eval_parity.py runs it with the same options)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from rashomon.cli.main import app
from rashomon.pipeline import demo_corpus
from tests.conftest import make_pdf

SKIPPED = {
    "rashomon serve": "runs until stopped (tests/test_web.py)",
    "--engine ray": "needs a Ray cluster (tests/test_ray.py)",
    "rashomon eval": "needs ../shared (tests/test_eval_parity.py)",
}
EVENT_ID = re.compile(r"^ev-[0-9a-f]{4,}$")
# A bare hexadecimal prefix with a digit in it: a document or claim id placeholder.
PREFIX = re.compile(r"^(?=[0-9a-f]*\d)[0-9a-f]{6,}$")


def examples() -> list[str]:
    """Every example line of every command's help (continuations joined), in help order,
    each once (a group's help repeats its sub-commands' examples)."""
    found: list[str] = []

    def walk(command: Any) -> None:
        for sub in command.commands.values():
            text = re.sub(r"\\\n\s*", "", sub.help or "")
            for line in text.splitlines():
                line = line.strip()
                if line.startswith("rashomon ") and line not in found:
                    found.append(line)
            if hasattr(sub, "commands"):
                walk(sub)

    walk(typer.main.get_command(app))
    return found


def _sandbox(folder: Path) -> None:
    """The files and folders the examples name, from the fictional demo documents."""
    demo = sorted(p for p in demo_corpus().iterdir() if p.suffix == ".txt")
    for name in ("reports", "sources", "corpus"):
        (folder / name).mkdir()
        for letter, path in zip("abcd", demo, strict=True):
            shutil.copy(path, folder / name / f"{letter}.txt")
    shutil.copy(demo[0], folder / "report.txt")
    (folder / "page.html").write_text(
        "<html><head><title>Brisk</title></head><body><article><h1>Flood at Brisk</h1>"
        "<p>On 3 May 1931 about 40 people were killed in the fictional town of Brisk, the "
        "council said.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "archive" / "drafts").mkdir(parents=True)
    make_pdf(folder / "archive" / "brisk.pdf", ["About 40 people were killed in Brisk in 1931."])
    make_pdf(folder / "archive" / "drafts" / "old.pdf", ["A draft that stays out."])
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in demo]
    pq.write_table(pa.Table.from_pylist(rows), folder / "corpus.parquet")


class Ids:
    """Placeholder -> real id of the same kind, fixed at first use."""

    def __init__(self, runner: CliRunner) -> None:
        self.runner = runner
        self.seen: dict[str, str] = {}

    def _list(self, command: str) -> list[dict[str, Any]]:
        result = self.runner.invoke(app, [command, "--db", "study.db", "--format", "json"])
        assert result.exit_code == 0, result.output
        found: list[dict[str, Any]] = json.loads(result.stdout)
        return found

    def __call__(self, token: str, command: str, event: str | None = None) -> str:
        if token in self.seen:
            return self.seen[token]
        docs = [d["id"] for d in self._list("docs")]
        events = sorted(self._list("events"), key=lambda e: -len(e["claims"]))
        claims = {
            e["id"]: [c if isinstance(c, str) else c["id"] for c in e["claims"]] for e in events
        }
        everything = [*docs, *claims, *(c for cs in claims.values() for c in cs)]
        # The help's ids are the demo's: a prefix of a real id runs as written.
        if any(x.startswith(token) for x in everything):
            self.seen[token] = token
            return token
        if EVENT_ID.match(token):
            pool = list(claims)
        elif command in ("show", "extract"):
            pool = docs
        elif event:
            # A claim named beside an event (`--split`) must be one of that event's claims.
            pool = next(cs for e, cs in claims.items() if e.startswith(event))
        else:
            pool = [c for cs in claims.values() for c in cs]
        used = set(self.seen.values())
        real = next((x for x in pool if x not in used), None)
        assert real, f"not enough ids for {token} (only {len(pool)})"
        self.seen[token] = real
        return real


def test_every_help_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RASHOMON_DB", raising=False)
    monkeypatch.setenv("RASHOMON_PASSWORD", "a long enough invented password")
    monkeypatch.setenv("RASHOMON_USER", "tester")
    _sandbox(tmp_path)
    runner = CliRunner()
    setup = runner.invoke(app, ["analyze", "reports/", "--db", "study.db"])
    assert setup.exit_code == 0, setup.output[-2000:]
    ids = Ids(runner)

    # Files and stores the examples read without an earlier example writing them.
    extracted = runner.invoke(app, ["extract", "reports/", "--format", "jsonl"])
    assert extracted.exit_code == 0, extracted.output[-2000:]
    Path("claims.jsonl").write_text(extracted.stdout, encoding="utf-8")
    shutil.copy("study.db", "a.db")
    # A second store of the same documents, for claims imported from another one.
    assert runner.invoke(app, ["ingest", "reports/", "--db", "b.db"]).exit_code == 0

    ran, failures = 0, []
    for line in examples():
        if any(marker in line for marker in SKIPPED):
            continue
        words = shlex.split(line)[1:]
        command = words[0]
        real = {w: ids(w, command) for w in words if EVENT_ID.match(w)}
        event = next(iter(real.values()), None)
        real |= {w: ids(w, command, event) for w in words if PREFIX.match(w)}
        ran += 1
        if "|" in words:
            # A pipeline runs in the shell, with this environment's `rashomon` first on PATH.
            shell = " ".join(real.get(w, w) for w in line.split(" "))
            path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
            done = subprocess.run(
                ["bash", "-c", f"set -o pipefail; {shell}"],
                capture_output=True,
                text=True,
                env={**os.environ, "PATH": path},
                timeout=300,
            )
            if done.returncode != 0:
                failures.append(f"{line}\n  exit {done.returncode}: {done.stderr[-600:]}")
            elif ">" in words and not Path(words[-1]).stat().st_size:
                failures.append(f"{line}\n  wrote an empty {words[-1]}")
            continue
        out = None
        if ">" in words:
            words, out = words[: words.index(">")], words[words.index(">") + 1]
        result = runner.invoke(app, [real.get(w, w) for w in words])
        if result.exit_code != 0:
            failures.append(f"{line}\n  exit {result.exit_code}: {result.output[-600:]}")
        elif out:
            Path(out).write_text(result.stdout, encoding="utf-8")
            if not Path(out).stat().st_size:
                failures.append(f"{line}\n  wrote an empty {out}")
    assert not failures, "\n".join(failures)
    # Most examples run; the skipped ones are few and named above.
    assert ran >= 30, ran
    assert Path("report.html").stat().st_size and Path("study.html").stat().st_size
    # What the redirections wrote is what their formats say.
    assert Path("documents.csv").read_text(encoding="utf-8").startswith("id,")
    assert Path("a.txt").read_text(encoding="utf-8") == Path("reports/a.txt").read_text(
        encoding="utf-8"
    )
    for name in ("events.jsonl", "reviews.jsonl"):
        lines = Path(name).read_text(encoding="utf-8").splitlines()
        assert lines and all(json.loads(x) for x in lines), name
