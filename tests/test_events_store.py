"""Events in the store: incremental updates, stable ids, the events and compare commands."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rashomon import Store, analyze, demo_corpus
from rashomon.align import update_events
from rashomon.cli.main import app
from tests.conftest import estimate_of

TEXT_A = (
    "NORVIK, 2 May 1931 — About 300 people were killed in Brisk on 1 May 1931, officials said.\n"
)
TEXT_B = "The Brisk council said 900 people were killed in Brisk on 1 May 1931.\n"
TEXT_C = "In Aleppo, 40 people were killed on 3 March 2016, according to a monitor.\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_incremental_update_keeps_ids_and_only_aligns_new_claims(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(store, [_write(tmp_path / "a", "a.txt", TEXT_A)])
        first = store.events()
        assert len(first) == 1
        again = update_events(store)
        assert again.new_claims == 0 and again.changed == 0
        summary = analyze(store, [_write(tmp_path / "c", "c.txt", TEXT_C)]).alignment
        assert summary is not None and summary.new_claims >= 1
        ids = {e["id"] for e in store.events()}
        assert first[0]["id"] in ids and len(ids) == 2
        # The unrelated event was not rewritten.
        assert next(e for e in store.events() if e["id"] == first[0]["id"]) == first[0]
        analyze(store, [_write(tmp_path / "b", "b.txt", TEXT_B)])
        brisk = next(e for e in store.events() if e["id"] == first[0]["id"])
        assert len(brisk["docs"]) == 2
        assert estimate_of(brisk, "killed")["n_sources"] == 2
        assert brisk["disputes"][0]["ratio"] == 3.0


def test_events_and_compare_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "demo.db")
    assert runner.invoke(app, ["analyze", "--demo", "--db", db]).exit_code == 0
    lines = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"]).output.splitlines()
    events = [json.loads(line) for line in lines]
    assert events and all(
        {"id", "label", "estimates", "disputes", "consistency"} <= set(e) for e in events
    )
    main = max(events, key=lambda e: len(e["docs"]))
    assert len(main["docs"]) >= 3  # the fictional sources in three languages meet
    shown = runner.invoke(app, ["compare", main["id"][:10], "--db", db], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "Sources differ on killed" in shown.output and " gives " in shown.output
    assert "Valdmark Herald (fictional)" in shown.output
    missing = runner.invoke(app, ["compare", "ev-nothing", "--db", db])
    assert missing.exit_code == 2 and "no event" in missing.output


def test_analyze_demo_reports_events(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        summary = analyze(store, [demo_corpus()])
        assert summary.alignment is not None and summary.alignment.events >= 1
        assert summary.alignment.disputes >= 1


def test_dispute_ratio_is_configurable(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(
            store,
            [_write(tmp_path / "a", "a.txt", TEXT_A), _write(tmp_path / "b", "b.txt", TEXT_B)],
        )
        assert sum(len(e["disputes"]) for e in store.events()) == 1  # 300 vs 900: ratio 3
        update_events(store, ratio=4.0)
        assert sum(len(e["disputes"]) for e in store.events()) == 0
        update_events(store)
        assert sum(len(e["disputes"]) for e in store.events()) == 1


def test_a_new_version_without_figures_takes_its_claims_out_of_events(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(
            store,
            [_write(tmp_path / "a", "a.txt", TEXT_A), _write(tmp_path / "b", "b.txt", TEXT_B)],
        )
        assert [len(e["docs"]) for e in store.events()] == [2]
        # The same path with new text and no figures: nothing new to align, claims gone.
        analyze(store, [_write(tmp_path / "b", "b.txt", "The council met on Monday.\n")])
        assert not store.alignment_due()
        assert [len(e["docs"]) for e in store.events()] == [1]
        assert set(store.event_assignments()) == {c["id"] for c in store.current_claims()}
