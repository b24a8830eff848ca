from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.store import Store

ROOT = Path(__file__).resolve().parents[1]
# CI checks the shared folder out beside the repository; tests read the real corpus from there.
SHARED = Path(os.environ.get("RASHOMON_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

needs_shared = pytest.mark.skipif(
    not (CORPUS / "seeds").is_dir(), reason=f"shared corpus not found at {SHARED}"
)


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
