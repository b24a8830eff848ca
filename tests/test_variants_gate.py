"""The dev gold read in other typography: upper-cased (telex copy, shouted headlines) and
hard-wrapped at 70 columns (e-mail, plain-text archives), with every offset unchanged.

Rules built on the dev wording break here first: a capital that no longer marks a name, a
month in capitals, a line break inside a noun phrase.  The variants must find the same
figures (detection and strict F1 within TOLERANCE of the original) and must not say more:
no role inversions, and role precision within TOLERANCE.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from rashomon.evaluate import EvalReport
from rashomon.evaluate.runner import evaluate
from tests.conftest import CORPUS, GOLD, needs_shared

pytestmark = needs_shared

TOLERANCE = 0.05
_WIDTH = 70


def upper(text: str) -> str:
    """Capitals, one character for one ("ß" stays) so every gold offset still holds."""
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def hard_wrap(text: str, width: int = _WIDTH) -> str:
    """Break lines at the last space before ``width`` columns, one character for one."""
    out = list(text)
    col, last_space = 0, -1
    for i, c in enumerate(text):
        if c == "\n":
            col, last_space = 0, -1
            continue
        col += 1
        if c == " ":
            last_space = i
        if col > width and last_space >= 0:
            out[last_space] = "\n"
            col, last_space = i - last_space, -1
    return "".join(out)


def test_transforms_keep_offsets() -> None:
    text = "Straße de 40 km — « Über 300 » morts\nà Bakou " * 20
    assert len(upper(text)) == len(text)
    assert len(hard_wrap(text)) == len(text)
    assert max(len(line) for line in hard_wrap(text).split("\n")) <= _WIDTH + 20


def _variant(root: Path, transform: Callable[[str], str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for f in (CORPUS / "dev").iterdir():
        if f.suffix == ".txt":
            (root / f.name).write_text(transform(f.read_text(encoding="utf-8")), encoding="utf-8")
        elif f.is_file():
            shutil.copy(f, root / f.name)
    return root


@cache
def _original() -> EvalReport:
    return evaluate([GOLD / "dev.jsonl"], [CORPUS / "dev"])


@pytest.fixture(scope="module", params=["upper", "wrapped"])
def variant(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    transform = upper if request.param == "upper" else hard_wrap
    folder = _variant(tmp_path_factory.mktemp(request.param) / "dev", transform)
    return evaluate([GOLD / "dev.jsonl"], [folder])


def test_same_figures(variant: EvalReport) -> None:
    base, got = _original().overall, variant.overall
    assert (got.detection.f1 or 0.0) >= (base.detection.f1 or 0.0) - TOLERANCE, got.detection
    assert (got.strict.f1 or 0.0) >= (base.strict.f1 or 0.0) - TOLERANCE, got.strict
    assert got.not_figure_violations <= base.not_figure_violations + 2


def test_no_more_said(variant: EvalReport) -> None:
    base, got = _original().overall.roles, variant.overall.roles
    assert not got.perpetrator_inversions, got.perpetrator_inversions
    assert not got.victim_inversions, got.victim_inversions
    assert got.perpetrator_precision >= base.perpetrator_precision - TOLERANCE, got.perpetrators
    assert got.victim_precision >= base.victim_precision - TOLERANCE, got.victims
