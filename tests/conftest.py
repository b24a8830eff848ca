from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon.store import Store

ROOT = Path(__file__).resolve().parents[1]
# CI checks the shared folder out beside the repository; tests read the real corpus from there.
SHARED = Path(os.environ.get("RASHOMON_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

#: Under CI (``CI=true``) a missing prerequisite is a failure, not a skip: a suite that
#: silently skips its quality gates would pass while measuring nothing.
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


HAVE_SHARED = (CORPUS / "seeds").is_dir() and GOLD.is_dir()
SHARED_REASON = (
    f"../shared not found at {SHARED}: it holds DESIGN.md, the corpus and the gold files "
    "(set RASHOMON_SHARED to its path)"
)
#: A PostgreSQL server for the tests that also run on it (scripts/pg.sh starts one).
PG_URL = os.environ.get("RASHOMON_TEST_PG", "")

needs_shared = pytest.mark.requires(HAVE_SHARED, SHARED_REASON)


def first_dev_set(doc: str) -> bool:
    """The 18 dev documents (001-040) on which the component floors were first measured; the
    dev corpus grew to 38 on 2026-12-07, and the whole set has floors of its own."""
    return not doc[:3].isdigit() or int(doc[:3]) <= 40


needs_pg = pytest.mark.requires(bool(PG_URL), "no PostgreSQL: set RASHOMON_TEST_PG (scripts/pg.sh)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.requires(ok, reason)``: skip when ``ok`` is false, fail under CI."""
    for mark in item.iter_markers("requires"):
        ok, reason = mark.args
        if not ok:
            if IN_CI:
                pytest.fail(f"{reason} (CI=true: this test must run)", pytrace=False)
            pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    if not PG_URL:
        if IN_CI:
            pytest.fail("RASHOMON_TEST_PG is not set (CI=true: PostgreSQL tests must run)")
        pytest.skip("no PostgreSQL: set RASHOMON_TEST_PG (scripts/pg.sh starts one)")
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:16]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.requires(bool(PG_URL), "no PostgreSQL")),
    ]
)
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new store location: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "s.db")
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "test.db") as st:
        yield st


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make_pdf(path: Path, paragraphs: list[str], *, font: Path | None = None) -> Path:
    """A real PDF with a text layer, written by fpdf2 (multi_cell wraps long lines)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Test PDF title")
    pdf.set_author("Test Author")
    pdf.add_page()
    if font is not None:
        pdf.add_font("Custom", "", str(font))
        pdf.set_font("Custom", size=12)
    else:
        pdf.set_font("Helvetica", size=12)
    for para in paragraphs:
        pdf.multi_cell(0, 8, para)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def estimate_of(event: dict[str, Any], measure: str) -> dict[str, Any]:
    """The event's estimate of a measure that most sources give (events hold one estimate per
    measure and victim group); fails when the measure has none."""
    found = [e for e in event["estimates"] if e["measure"] == measure]
    assert found, (measure, event["estimates"])
    return max(found, key=lambda e: e["n_sources"])
