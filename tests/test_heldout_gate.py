"""The held-out gate: quality on 24 FICTIONAL documents nobody tuned the rules on.

tests/heldout/ holds invented wire copy, UN and NGO reports, encyclopedia paragraphs, blogs
and a machine-translated text in en, fr, de, es and ru, with an answer key written before
rashomon was first run on them (tests/heldout/README.md).  The dev gate measures how well the
rules fit the texts they were tuned on; this one measures how they generalise, so its floors
sit well below the dev floors.

Floors are the values measured on 2026-12-08 minus EPSILON = 0.01 (ceilings: the measured
counts).  They only go up.  Do not tune rules on these documents to raise them: a rule added
for a held-out miss turns the set into dev (write a new held-out document instead).

The metrics are those of the reference scorer (../shared/tools/score.py); the last test checks
that it agrees on this set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rashomon.align import build_events
from rashomon.evaluate import FIELDS, EvalReport
from rashomon.evaluate.runner import EvalRun, run_eval
from tests.conftest import ROOT, SHARED, needs_shared
from tests.heldout import make_gold
from tests.test_quality_gate import Gate

HELDOUT = ROOT / "tests" / "heldout"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold.jsonl"

EPSILON = 0.01


@dataclass(frozen=True)
class HeldoutGate(Gate):
    """The dev gate's floors, plus the events' (checked here with EPSILON = 0.01)."""

    event_pair_f1: float = 0.0
    max_forbidden_merges: int = 0
    estimate_accuracy: float = 0.0
    dispute_precision: float = 0.0
    max_inconsistency_alarms: int = 0


# Measured 2026-12-08 on main 619f0df (195 gold figures, 36 estimate records, 8 events); the
# checks subtract EPSILON.  Estimates and alarms raised after issue 11's summaries work (listed
# parts adding up to a total; one breakdown part counted twice is no overlap).
MEASURED = HeldoutGate(
    detection=0.935,
    strict=0.812,
    fields={
        "measure": 0.897,
        "value": 0.977,
        "qualifier": 0.971,
        "time": 0.936,
        "places": 0.920,
        "victims": 0.824,
        "perpetrators": 0.494,
        "attribution": 0.897,
        "status": 0.960,
    },
    perpetrator_precision=0.913,
    victim_precision=0.728,
    max_perpetrator_inversions=0,
    max_victim_inversions=0,
    max_not_figure_hits=4,
    status_f1=0.714,
    event_pair_f1=0.739,
    max_forbidden_merges=0,
    estimate_accuracy=0.527,
    dispute_precision=0.625,
    max_inconsistency_alarms=0,
)


@cache
def _run() -> EvalRun:
    return run_eval([GOLD], [DOCS], events=build_events)


def _report() -> EvalReport:
    return _run().report


def _gold_lines() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_gold_is_what_make_gold_writes() -> None:
    """gold.jsonl is what make_gold writes, and its checks pass (every digit annotated)."""
    records = make_gold.build()
    assert make_gold.check(records) == []
    assert records == _gold_lines()


def test_gold_spans_point_at_their_anchors() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.txt")}
    bad = [
        (r["doc"], r["anchor"], r["start"])
        for r in _gold_lines()
        if r["kind"] in ("figure", "not_figure")
        and texts[r["doc"]][r["start"] : r["end"]] != r["anchor"]
    ]
    assert not bad, bad[:5]


def test_heldout_set_shape() -> None:
    """At least three documents in each language, every document in the manifest with a date."""
    import csv

    with (DOCS / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    names = {p.name for p in DOCS.glob("*.txt")}
    assert {r["file"] for r in rows} == names
    assert all(r["publication_date"] and "FICTIONAL" in r["note"] for r in rows)
    langs = [r["language"] for r in rows]
    assert {
        lang: langs.count(lang) >= 3 for lang in ("en", "fr", "de", "es", "ru")
    } == dict.fromkeys(("en", "fr", "de", "es", "ru"), True)


def figure_shortfalls(report: EvalReport, gate: Gate, eps: float) -> dict[str, tuple[float, float]]:
    """Detection, strict F1 and field accuracies below their floors (value, floor)."""
    o = report.overall
    got = {"detection": o.detection.f1 or 0.0, "strict": o.strict.f1 or 0.0}
    got.update({name: o.fields[name].value or 0.0 for name in gate.fields})
    floors = {"detection": gate.detection, "strict": gate.strict, **gate.fields}
    return {k: (round(got[k], 3), floor) for k, floor in floors.items() if got[k] < floor - eps}


def role_and_stance_shortfalls(report: EvalReport, gate: Gate, eps: float) -> dict[str, object]:
    """Role precision, inversions, not-figure hits and status F1 past their floors or ceilings."""
    o = report.overall
    roles = o.roles
    got: dict[str, tuple[object, object, bool]] = {
        "perpetrator_precision": (
            roles.perpetrator_precision,
            gate.perpetrator_precision,
            roles.perpetrator_precision < gate.perpetrator_precision - eps,
        ),
        "victim_precision": (
            roles.victim_precision,
            gate.victim_precision,
            roles.victim_precision < gate.victim_precision - eps,
        ),
        "perpetrator_inversions": (
            roles.perpetrator_inversions,
            gate.max_perpetrator_inversions,
            len(roles.perpetrator_inversions) > gate.max_perpetrator_inversions,
        ),
        "victim_inversions": (
            roles.victim_inversions,
            gate.max_victim_inversions,
            len(roles.victim_inversions) > gate.max_victim_inversions,
        ),
        "not_figure_hits": (
            o.not_figure_violations,
            gate.max_not_figure_hits,
            o.not_figure_violations > gate.max_not_figure_hits,
        ),
        "status_f1": (
            o.status.f1 or 0.0,
            gate.status_f1,
            (o.status.f1 or 0.0) < gate.status_f1 - eps,
        ),
    }
    return {k: (value, limit) for k, (value, limit, bad) in got.items() if bad}


def event_shortfalls(report: EvalReport, gate: HeldoutGate, eps: float) -> dict[str, object]:
    """Event pairs, forbidden merges, estimates, disputes and alarms past their floors or ceilings."""
    summaries = report.summaries
    assert summaries is not None
    pair_f1 = report.event_pairs.f1 or 0.0
    estimates = summaries.estimates.value or 0.0
    alarms = len(summaries.inconsistency_alarms)
    got: dict[str, tuple[object, object, bool]] = {
        "event_pair_f1": (pair_f1, gate.event_pair_f1, pair_f1 < gate.event_pair_f1 - eps),
        "forbidden_merges": (
            report.forbidden_merges,
            gate.max_forbidden_merges,
            report.forbidden_merges > gate.max_forbidden_merges,
        ),
        "estimate_accuracy": (
            estimates,
            gate.estimate_accuracy,
            estimates < gate.estimate_accuracy - eps,
        ),
        "dispute_precision": (
            summaries.dispute_precision,
            gate.dispute_precision,
            summaries.dispute_precision < gate.dispute_precision - eps,
        ),
        "inconsistency_alarms": (
            alarms,
            gate.max_inconsistency_alarms,
            alarms > gate.max_inconsistency_alarms,
        ),
    }
    return {k: (value, limit) for k, (value, limit, bad) in got.items() if bad}


def reference_differences(
    run: EvalRun, gold: Path, tmp_path: Path
) -> dict[str, tuple[float, float]]:
    """Figures where ../shared/tools/score.py disagrees with rashomon.evaluate on the same claims
    and events."""
    claims, events = tmp_path / "claims.jsonl", tmp_path / "events.jsonl"
    for path, rows in ((claims, run.claims), (events, run.events or [])):
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    out = tmp_path / "reference.json"
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold)]
    cmd += ["--pred", str(claims), "--events", str(events), "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    ref = json.loads(out.read_text(encoding="utf-8"))
    o, report = run.report.overall, run.report
    assert report.summaries is not None
    ours = {
        "detect_f1": o.detection.f1,
        "strict_f1": o.strict.f1,
        "not_figure_violations": o.not_figure_violations,
        "perpetrators_precision": o.roles.perpetrator_precision,
        "victims_precision": o.roles.victim_precision,
        "status_f1": o.status.f1,
        "event_pair_f1": report.event_pairs.f1,
        "estimate_accuracy": report.summaries.estimates.value,
        "dispute_precision": report.summaries.dispute_precision,
    }
    ours.update({f"field {k}": o.fields[k].value for k in ref["fields"]})
    theirs = {k: ref[k] for k in ours if not k.startswith("field ")}
    theirs.update({f"field {k}": v for k, v in ref["fields"].items()})
    return {
        k: (float(ours[k] or 0.0), float(theirs[k] or 0.0))
        for k in ours
        if abs(float(ours[k] or 0.0) - float(theirs[k] or 0.0)) > 1e-3
    }


def test_heldout_figures_gate() -> None:
    report = _report()
    assert len(report.docs) == 24
    low = figure_shortfalls(report, MEASURED, EPSILON)
    assert not low, low


def test_heldout_roles_and_stance_gate() -> None:
    bad = role_and_stance_shortfalls(_report(), MEASURED, EPSILON)
    assert not bad, bad


def test_heldout_events_gate() -> None:
    bad = event_shortfalls(_report(), MEASURED, EPSILON)
    assert not bad, bad


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_scored_on_heldout(name: str) -> None:
    assert _report().overall.fields[name].total > 0


@needs_shared
def test_reference_scorer_agrees_on_heldout(tmp_path: Path) -> None:
    """../shared/tools/score.py gives the same figures on the same claims and events."""
    differ = reference_differences(_run(), GOLD, tmp_path)
    assert not differ, differ
