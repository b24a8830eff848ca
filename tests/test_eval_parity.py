"""`rashomon eval` gives the reference scorer's figures (../shared/tools/score.py) on the same
claims and events: the CLI extracts and aligns, saves what it scored, and the reference scorer
reads those files.  A second run scores deliberately damaged claims (roles swapped, stances
invented, times dropped) through `--pred`, so the paths that a good extractor rarely takes
(inversions, wrong stances, missing times) are compared too.  The per-language and
per-document figures are compared with the reference scorer run on that part of the gold."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon.cli.main import app
from tests.conftest import CORPUS, GOLD, SHARED, needs_shared

pytestmark = needs_shared

GOLDS = [GOLD / "seeds.jsonl", GOLD / "dev.jsonl"]
DOCS = [CORPUS / "seeds", CORPUS / "dev"]


def _ours(*extra: str) -> dict[str, Any]:
    args = ["eval", *map(str, GOLDS)]
    for folder in DOCS:
        args += ["--docs", str(folder)]
    result = CliRunner().invoke(app, [*args, "--json", *extra])
    assert result.exit_code == 0, result.output[-2000:]
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _reference(claims: Path, events: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "reference.json"
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", *map(str, GOLDS)]
    cmd += ["--pred", str(claims), "--events", str(events), "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _compare_figures(o: dict[str, Any], ref: dict[str, Any], where: str = "") -> list[str]:
    """Figure-level scores (one `Scores` dict of ours) against the reference's."""
    pairs = {
        "detect_p": o["detection"]["precision"],
        "detect_r": o["detection"]["recall"],
        "detect_f1": o["detection"]["f1"],
        "strict_p": o["strict"]["precision"],
        "strict_r": o["strict"]["recall"],
        "strict_f1": o["strict"]["f1"],
        "not_figure_violations": o["not_figure_violations"],
        "perpetrators_precision": o["roles"]["perpetrator_precision"],
        "perpetrators_predicted": o["roles"]["perpetrators_predicted"],
        "victims_precision": o["roles"]["victim_precision"],
        "victims_predicted": o["roles"]["victims_predicted"],
        "status_p": o["status"]["precision"] or 0.0,
        "status_r": o["status"]["recall"] or 0.0,
        "status_f1": o["status"]["f1"] or 0.0,
    }
    # Ours is None where nothing was counted; the reference says 0.0 there.
    problems = [
        f"{where}{key}: rashomon {mine} vs reference {ref[key]}"
        for key, mine in pairs.items()
        if abs(float(mine or 0.0) - float(ref[key])) > 1e-3
    ]
    counts = {
        "perpetrator_inversions": len(o["roles"]["perpetrator_inversions"]),
        "victim_inversions": len(o["roles"]["victim_inversions"]),
    }
    problems += [
        f"{where}{key}: rashomon {n} vs reference {len(ref[key])}"
        for key, n in counts.items()
        if n != len(ref[key])
    ]
    ours_fields = {
        name: f"{acc['correct']}/{acc['total']}"
        for name, acc in o["fields"].items()
        if acc["total"]
    }
    if ours_fields != ref["field_counts"]:
        problems.append(f"{where}fields: rashomon {ours_fields} vs reference {ref['field_counts']}")
    return problems


def _compare(ours: dict[str, Any], ref: dict[str, Any]) -> list[str]:
    problems = _compare_figures(ours["overall"], ref)
    s = ours["summaries"]
    pairs = {
        "event_pair_p": ours["events"]["pairwise"]["precision"] or 0.0,
        "event_pair_r": ours["events"]["pairwise"]["recall"] or 0.0,
        "event_pair_f1": ours["events"]["pairwise"]["f1"] or 0.0,
        "estimates_right": s["estimates_right"],
        "estimates_total": s["estimates_total"],
        "estimate_accuracy": s["estimate_accuracy"],
        "dispute_precision": s["dispute_precision"],
        "disputes_scored": s["disputes_scored"],
    }
    problems += [
        f"{key}: rashomon {mine} vs reference {ref[key]}"
        for key, mine in pairs.items()
        if mine is None or abs(float(mine) - float(ref[key])) > 1e-3
    ]
    if ours["events"]["forbidden_merges"] != len(ref["forbidden_merges"]):
        problems.append(
            f"forbidden_merges: rashomon {ours['events']['forbidden_merges']} "
            f"vs reference {len(ref['forbidden_merges'])}"
        )
    return problems


def _reference_module() -> Any:
    """../shared/tools/score.py as a module, to score subsets of the gold in-process."""
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _compare_breakdowns(ours: dict[str, Any], claims: Path) -> list[str]:
    """Per language and per document: the reference scorer on that part of the gold alone."""
    ref = _reference_module()
    gold = ref.load(map(str, GOLDS))
    preds = ref.load([str(claims)])
    problems: list[str] = []
    parts = [
        (f"{lang}: ", {d for d, x in ours["languages"].items() if x == lang}, scores)
        for lang, scores in ours["by_language"].items()
    ]
    parts += [(f"{doc}: ", {doc}, scores) for doc, scores in ours["by_document"].items()]
    for where, docs, scores in parts:
        subset = [g for g in gold if g.get("doc") in docs and g["kind"] != "estimate"]
        problems += _compare_figures(scores, ref.score(subset, preds), where)
    return problems


def test_eval_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    claims, events = tmp_path / "claims.jsonl", tmp_path / "events.jsonl"
    ours = _ours("--save-claims", str(claims), "--save-events", str(events))
    assert claims.stat().st_size > 0 and events.stat().st_size > 0
    assert _compare(ours, _reference(claims, events, tmp_path)) == []
    assert len(ours["by_language"]) >= 4 and len(ours["by_document"]) >= 20
    assert _compare_breakdowns(ours, claims) == []


def _damage(claim: dict[str, Any], i: int) -> dict[str, Any]:
    claim = dict(claim)
    claim["perpetrators"], claim["victims"] = claim.get("victims"), claim.get("perpetrators")
    if i % 3 == 0:
        claim["stance"] = {"status": ("rejected", "superseded", "unconfirmed")[i % 9 // 3]}
    if i % 4 == 0:
        claim["time"] = None
    if i % 5 == 0 and claim.get("value"):
        claim["value"] = dict(claim["value"], low=(claim["value"].get("low") or 0) + 1)
    return claim


@pytest.mark.slow
def test_eval_agrees_on_damaged_predictions(tmp_path: Path) -> None:
    claims, events = tmp_path / "claims.jsonl", tmp_path / "events.jsonl"
    _ours("--save-claims", str(claims), "--save-events", str(events))
    rows = [json.loads(line) for line in claims.read_text(encoding="utf-8").splitlines()]
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text(
        "".join(json.dumps(_damage(c, i)) + "\n" for i, c in enumerate(rows)), encoding="utf-8"
    )
    # Split every third event in two, so pair recall and estimates move too.
    evs = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    split: list[dict[str, Any]] = []
    for i, ev in enumerate(evs):
        if i % 3 == 0 and len(ev["claims"]) > 1:
            half = len(ev["claims"]) // 2
            split += [
                dict(ev, claims=ev["claims"][:half]),
                dict(ev, id=ev["id"] + "-b", claims=ev["claims"][half:]),
            ]
        else:
            split.append(ev)
    split_file = tmp_path / "split.jsonl"
    split_file.write_text("".join(json.dumps(e) + "\n" for e in split), encoding="utf-8")
    ours = _ours("--pred", str(damaged), "--pred-events", str(split_file))
    ref = _reference(damaged, split_file, tmp_path)
    assert ref["perpetrator_inversions"], "the damage should produce inversions"
    assert _compare(ours, ref) == []
    assert _compare_breakdowns(ours, damaged) == []
