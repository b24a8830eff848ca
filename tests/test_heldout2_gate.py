"""The second held-out gate: quality on 27 FICTIONAL documents written after the rules were tuned.

tests/heldout was diagnosed and rules were tuned on its misses, so it no longer measures
generalisation alone. tests/heldout2 holds new invented wire copy (with datelines, and upper-case
hard-wrapped 1983 wires and a 1921 telegram), UN, NGO and ombudsman reports, infoboxes, blogs, an
anniversary article and a book review in en, fr, de, es and ru, with an answer key committed
before rashomon was first run on them (tests/heldout2/README.md).

Floors are the values measured on 2026-12-08 minus EPSILON = 0.005 (ceilings: the measured
counts). They only go up. Do not tune rules on these documents to raise them: a rule added for
one of their misses turns the set into dev (write new held-out documents instead).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rashomon.align import build_events
from rashomon.evaluate import FIELDS, EvalReport
from rashomon.evaluate.runner import EvalRun, run_eval
from tests.conftest import ROOT, needs_shared
from tests.heldout2 import make_gold
from tests.test_heldout_gate import (
    HeldoutGate,
    event_shortfalls,
    figure_shortfalls,
    reference_differences,
    role_and_stance_shortfalls,
)

HELDOUT2 = ROOT / "tests" / "heldout2"
DOCS = HELDOUT2 / "docs"
GOLD = HELDOUT2 / "gold.jsonl"

EPSILON = 0.005

# Measured 2026-12-08 on main 16474e6 (158 gold figures, 34 estimate records, 8 events; the first
# run, on 5a0c1cc, gave strict .754, measure .823, victims .630, perpetrator precision .615,
# victim precision .605 and 3 alarms).
MEASURED = HeldoutGate(
    detection=0.940,
    strict=0.796,
    fields={
        "measure": 0.846,
        "value": 0.999,
        "qualifier": 0.999,
        "time": 0.800,
        "places": 0.763,
        "victims": 0.678,
        "perpetrators": 0.243,
        "attribution": 0.687,
        "status": 0.964,
    },
    perpetrator_precision=0.749,
    victim_precision=0.633,
    max_perpetrator_inversions=2,
    max_victim_inversions=0,
    max_not_figure_hits=4,
    status_f1=0.736,
    event_pair_f1=0.714,
    max_forbidden_merges=0,
    estimate_accuracy=0.352,
    dispute_precision=0.307,
    max_inconsistency_alarms=1,
)


@cache
def _run() -> EvalRun:
    return run_eval([GOLD], [DOCS], events=build_events)


def _report() -> EvalReport:
    return _run().report


def _gold_lines() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_gold2_is_what_make_gold_writes() -> None:
    """gold.jsonl is what make_gold writes, and its checks pass (every digit annotated, no
    overlapping records)."""
    records = make_gold.build()
    assert make_gold.check(records) == []
    assert records == _gold_lines()


def test_heldout2_set_shape() -> None:
    """At least four documents in each language, every document FICTIONAL in the manifest, and
    events told by several documents so that estimates and disputes are scored."""
    import csv

    with (DOCS / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert {r["file"] for r in rows} == {p.name for p in DOCS.glob("*.txt")}
    assert all(r["publication_date"] and "FICTIONAL" in r["note"] for r in rows)
    langs = [r["language"] for r in rows]
    assert {lang for lang in ("en", "fr", "de", "es", "ru") if langs.count(lang) < 4} == set()
    events = [r for r in _gold_lines() if r["kind"] == "event"]
    assert sum(len(e["docs"]) >= 3 for e in events) >= 5


def test_heldout2_figures_gate() -> None:
    report = _report()
    assert len(report.docs) == 27
    low = figure_shortfalls(report, MEASURED, EPSILON)
    assert not low, low


def test_heldout2_roles_and_stance_gate() -> None:
    bad = role_and_stance_shortfalls(_report(), MEASURED, EPSILON)
    assert not bad, bad


def test_heldout2_events_gate() -> None:
    bad = event_shortfalls(_report(), MEASURED, EPSILON)
    assert not bad, bad


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_scored_on_heldout2(name: str) -> None:
    assert _report().overall.fields[name].total > 0


@needs_shared
def test_reference_scorer_agrees_on_heldout2(tmp_path: Path) -> None:
    """../shared/tools/score.py gives the same figures on the same claims and events."""
    differ = reference_differences(_run(), GOLD, tmp_path)
    assert not differ, differ
