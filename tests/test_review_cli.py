"""The review commands: review, reviews (list, export, import), users; events/compare reviewed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rashomon import Store
from rashomon.cli.main import app
from tests.conftest import estimate_of
from tests.review_data import build


def _setup(tmp_path: Path) -> tuple[str, dict[tuple[str, str], str], dict[str, str]]:
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        corpus = build(store, tmp_path / "docs")
    return db, corpus.claims, corpus.events


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_review_commands_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    db, claims, events = _setup(tmp_path)
    a, b = claims[("a.txt", "killed")], claims[("b.txt", "killed")]
    env = {"RASHOMON_USER": "alice"}
    shown = runner.invoke(app, ["review", a[:10], "--db", db, "-f", "json"], env=env)
    assert shown.exit_code == 0, shown.output
    version = json.loads(shown.output)["version"]
    done = runner.invoke(
        app,
        [
            "review",
            a[:10],
            "--set",
            "perpetrators=Brisk militia",
            "--set",
            "value=310",
            "--reason",
            "read the whole paragraph",
            "--if-version",
            version,
            "--db",
            db,
        ],
        env=env,
    )
    assert done.exit_code == 0, done.output
    assert "perpetrators = Brisk militia" in done.output and "(by alice)" in done.output
    # The version seen before is stale now: refused with E020, exit 1, nothing stored.
    stale = runner.invoke(
        app, ["review", a, "--accept", "--if-version", version, "--db", db], env=env
    )
    assert stale.exit_code == 1 and "E020" in stale.output
    assert runner.invoke(app, ["review", b, "--reject", "--db", db], env=env).exit_code == 0
    merged = runner.invoke(
        app, ["review", events["a.txt"], "--merge", events["c.txt"][:8], "--db", db], env=env
    )
    assert merged.exit_code == 0, merged.output
    split = runner.invoke(
        app,
        ["review", events["a.txt"], "--split", claims[("c.txt", "killed")], "--db", db],
        env=env,
    )
    assert split.exit_code == 0, split.output
    noted = runner.invoke(
        app, ["review", events["a.txt"], "--note", "two sources, one council", "--db", db]
    )
    assert noted.exit_code == 0, noted.output

    listed = _jsonl(runner.invoke(app, ["reviews", "--db", db, "-f", "jsonl"]).output)
    assert [r["action"] for r in listed] == [
        "correct",
        "correct",
        "reject",
        "merge",
        "split",
        "note",
    ]
    assert {r["status"] for r in listed} == {"applied"}
    assert listed[0]["author"] == "alice" and listed[0]["reason"] == "read the whole paragraph"
    table = runner.invoke(app, ["reviews", "--db", db], env={"COLUMNS": "200"}).output
    assert "perpetrators = Brisk militia" in table and "merge ev-" in table

    # events and compare show the reviewed view.
    rows = _jsonl(runner.invoke(app, ["events", "--db", db, "-f", "jsonl"]).output)
    brisk = next(e for e in rows if a in e["claims"])
    assert b not in brisk["claims"] and estimate_of(brisk, "killed")["low"] == 310
    assert brisk["review"]["claims_reviewed"]
    compared = runner.invoke(app, ["compare", brisk["id"], "--db", db], env={"COLUMNS": "200"})
    assert (
        compared.exit_code == 0 and "Reviewed: perpetrators corrected by alice" in compared.output
    )

    # Export and import into a store with the same documents: applied, idempotent.
    exported = tmp_path / "reviews.jsonl"
    exported.write_text(
        runner.invoke(app, ["reviews", "--db", db, "-f", "jsonl"]).output, encoding="utf-8"
    )
    other = str(tmp_path / "other.db")
    with Store(other) as store:
        build(store, tmp_path / "docs2")
    first = runner.invoke(app, ["reviews", "import", str(exported), "--db", other])
    assert first.exit_code == 0 and "6 reviews imported, 0 already present" in first.output
    again = runner.invoke(app, ["reviews", "import", str(exported), "--db", other])
    assert again.exit_code == 0 and "0 reviews imported, 6 already present" in again.output
    assert _jsonl(runner.invoke(app, ["events", "--db", other, "-f", "jsonl"]).output) == rows
    # Counts in words: one review is "1 review".
    single = tmp_path / "one.jsonl"
    single.write_text(exported.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    third = str(tmp_path / "third.db")
    with Store(third) as store:
        build(store, tmp_path / "docs3")
    one = runner.invoke(app, ["reviews", "import", str(single), "--db", third])
    assert one.exit_code == 0 and "1 review imported, 0 already present" in one.output


def test_review_errors_and_orphans(runner: CliRunner, tmp_path: Path) -> None:
    db, claims, _ = _setup(tmp_path)
    a = claims[("a.txt", "killed")]
    cases = [
        (["review", "ffffffff", "--accept"], 2, "E018"),
        (["review", a, "--set", "value=-4"], 2, "E019 a count cannot be negative"),
        (["review", a, "--set", "measure=kiled"], 2, "E019 unknown measure"),
        (["review", a, "--set", "time=1931-02-30"], 2, "E019"),
        (["review", a, "--set", "perpetrators"], 2, "FIELD=VALUE"),
        (["review", a, "--accept", "--reject"], 2, "one action at a time"),
        (["review"], 2, "name a claim"),
    ]
    for args, code, message in cases:
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == code and message in result.output, (args, result.output)
    assert runner.invoke(app, ["reviews", "--db", db, "-f", "jsonl"]).output == ""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "zz"}\n\n[1, 2]\n', encoding="utf-8")
    result = runner.invoke(app, ["reviews", "import", str(bad), "--db", db])
    assert result.exit_code == 1 and "line 1:" in result.output and "line 3:" in result.output
    missing = runner.invoke(app, ["reviews", "import", str(tmp_path / "none.jsonl"), "--db", db])
    assert missing.exit_code == 2 and "E001" in missing.output

    assert (
        runner.invoke(app, ["review", a, "--accept", "--user", "alice", "--db", db]).exit_code == 0
    )
    (tmp_path / "docs" / "a.txt").write_text("A new text: 12 people were hurt.\n", "utf-8")
    runner.invoke(app, ["analyze", str(tmp_path / "docs"), "--db", db])
    orphans = runner.invoke(app, ["review", "--orphans", "--db", db, "-f", "jsonl"])
    assert [r["target_id"] for r in _jsonl(orphans.output)] == [a]


def test_users_and_roles(runner: CliRunner, tmp_path: Path) -> None:
    db, claims, _ = _setup(tmp_path)
    a = claims[("a.txt", "killed")]
    assert (
        runner.invoke(
            app,
            ["users", "add", "rita", "--role", "reader", "--db", db],
            input="reader-pass-1\nreader-pass-1\n",
        ).exit_code
        == 0
    )
    added = runner.invoke(
        app,
        ["users", "add", "rev", "--role", "reviewer", "--db", db],
        env={"RASHOMON_PASSWORD": "reviewer-pass-1"},
    )
    assert added.exit_code == 0, added.output
    assert (
        runner.invoke(
            app, ["users", "add", "x", "--role", "boss", "--password", "longenough", "--db", db]
        ).exit_code
        == 2
    )
    listed = runner.invoke(app, ["users", "list", "--db", db, "-f", "json"])
    assert json.loads(listed.output) == [
        {"name": "rev", "role": "reviewer"},
        {"name": "rita", "role": "reader"},
    ]
    refused = runner.invoke(app, ["review", a, "--accept", "--user", "rita", "--db", db])
    assert refused.exit_code == 1 and "readers cannot review" in refused.output
    unknown = runner.invoke(app, ["review", a, "--accept", "--user", "mallory", "--db", db])
    assert unknown.exit_code == 1 and "E021" in unknown.output
    assert runner.invoke(app, ["review", a, "--accept", "--user", "rev", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["users", "remove", "rita", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["users", "remove", "rita", "--db", db]).exit_code == 2
