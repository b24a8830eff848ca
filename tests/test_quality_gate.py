"""The evaluation gate: extraction quality on the shared gold files, held as floors.

Floors only go up (ratchet them when the extractor improves; never lower them).  EPSILON
absorbs float noise only: the extractor is deterministic, so a drop below a floor is a real
regression in a figure, a field or a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pytest

from rashomon.evaluate import FIELDS, EvalReport
from rashomon.evaluate.runner import evaluate
from tests.conftest import CORPUS, GOLD, needs_shared

pytestmark = needs_shared

EPSILON = 1e-6


@dataclass(frozen=True)
class Floors:
    detection: float
    strict: float
    fields: dict[str, float] = field(default_factory=dict)


# Issue 3 asks for detection >= 0.95, strict >= 0.90 and every field >= 0.85 on the seeds,
# strict >= 0.75 and every field >= 0.70 on the French and English dev documents.  The floors
# below are what the extractor reached (measured 2026-11-21), which is at least that.
SEEDS = Floors(
    1.0,
    1.0,
    {
        "measure": 1.0,
        "value": 1.0,
        "qualifier": 1.0,
        "time": 0.95,
        "places": 0.95,
        "victims": 1.0,
        "perpetrators": 1.0,
        "attribution": 1.0,
    },
)
DEV_EN_FR = Floors(
    1.0,
    0.95,
    {
        "measure": 0.95,
        "value": 1.0,
        "qualifier": 1.0,
        "time": 1.0,
        "places": 1.0,
        "victims": 0.95,
        "perpetrators": 0.875,
        "attribution": 0.92,
    },
)
# All five languages together (Russian, German and Spanish are reported, not yet gated by an
# issue): the floors are what was reached, so a regression anywhere shows.
DEV_ALL = Floors(
    1.0,
    0.96,
    {
        "measure": 0.96,
        "value": 1.0,
        "qualifier": 1.0,
        "time": 0.94,
        "places": 1.0,
        "victims": 0.97,
        "perpetrators": 0.79,
        "attribution": 0.93,
    },
)


@cache
def _seeds() -> EvalReport:
    return evaluate([GOLD / "seeds.jsonl"], [CORPUS / "seeds"])


@cache
def _dev(langs: tuple[str, ...] | None) -> EvalReport:
    return evaluate([GOLD / "dev.jsonl"], [CORPUS / "dev"], only_langs=langs)


def _check(report: EvalReport, floors: Floors) -> None:
    o = report.overall
    assert (o.detection.f1 or 0.0) >= floors.detection - EPSILON, o.detection
    assert (o.strict.f1 or 0.0) >= floors.strict - EPSILON, o.strict
    for name, floor in floors.fields.items():
        acc = o.fields[name].value
        assert acc is not None and acc >= floor - EPSILON, (name, acc, floor)


def test_seeds_gate() -> None:
    report = _seeds()
    _check(report, SEEDS)
    assert report.overall.not_figure_violations == 0
    assert set(report.docs) == {"000_f7b1c8ed3d4a3ca8.txt", "004_92e9fd79d762b9ea.txt"}


def test_dev_english_and_french_gate() -> None:
    report = _dev(("en", "fr"))
    _check(report, DEV_EN_FR)
    assert report.overall.not_figure_violations == 0


def test_dev_all_languages_are_reported() -> None:
    report = _dev(None)
    _check(report, DEV_ALL)
    assert {"ru", "de", "es", "en", "fr"} <= set(report.by_language)
    assert report.overall.not_figure_violations == 0


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_is_scored_on_the_seeds(field: str) -> None:
    assert _seeds().overall.fields[field].total > 0
