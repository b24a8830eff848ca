"""Alignment (and reconciliation) time and memory from 10^3 to 10^6 claims.

    python bench/bench_align.py                       # 1e3, 1e4, 1e5, 1e6
    python bench/bench_align.py --sizes 1000 100000 --json bench/out/align.json

Claims are synthetic, drawn from realistic shapes: events spread over 60 countries (Zipf-
weighted, as coverage of conflicts is) and 1,500 places, dates over 1900-2024 with 55 % given
to the day, 20 % to the month, 20 % to the year and 5 % undated, 2-6 documents per event and
1-4 figures per document, with the measures' usual mix.  Each size runs in a fresh process so
its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

MEASURES = ["killed"] * 6 + ["injured"] * 2 + ["displaced", "detained", "missing", "destroyed"]


def synthetic_claims(n: int, seed: int = 3) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    weights = [1 / (i + 1) for i in range(60)]
    places = [(f"syn:p{i}", rng.choices(countries, weights)[0]) for i in range(1500)]
    claims: list[dict[str, Any]] = []
    doc_no = 0
    while len(claims) < n:
        place_id, country = rng.choice(places)
        day = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(125 * 365))
        length = rng.choice([0, 0, 1, 2, 3, 5])
        size = rng.lognormvariate(6, 2)
        for _ in range(rng.randint(2, 6)):
            doc_no += 1
            doc = f"doc{doc_no}"
            for k in range(rng.randint(1, 4)):
                r = rng.random()
                if r < 0.55:
                    start, end = day, day + dt.timedelta(days=length)
                    t0, t1, prec = start.isoformat(), end.isoformat(), "day"
                elif r < 0.75:
                    t0, t1, prec = day.strftime("%Y-%m"), day.strftime("%Y-%m"), "month"
                elif r < 0.95:
                    t0, t1, prec = str(day.year), str(day.year), "year"
                else:
                    t0 = t1 = prec = ""
                value = max(1, int(size * rng.uniform(0.3, 3)))
                claims.append(
                    {
                        "id": f"{doc}-{k}",
                        "kind": "figure",
                        "event_type": "killing",
                        "doc": {"id": doc, "path": doc, "lang": "en", "date": None},
                        "measure": rng.choice(MEASURES),
                        "value": {
                            "low": value,
                            "high": value,
                            "qualifier": "exact",
                            "text": str(value),
                            "start": 10 * k,
                            "end": 10 * k + 4,
                        },
                        "time": {
                            "start": t0,
                            "end": t1,
                            "precision": prec,
                            "start_char": 0,
                            "source": "explicit",
                        }
                        if t0
                        else None,
                        "places": [{"id": place_id, "name": place_id, "country": country}],
                        "perpetrators": [],
                        "victims": [],
                        "attribution": None,
                        "evidence": {"start": 10 * k, "end": 10 * k + 9, "quote": ""},
                        "notes": [],
                    }
                )
    return claims[:n]


def run_one(n: int) -> dict[str, Any]:
    from rashomon.align import build_events

    claims = synthetic_claims(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    events = build_events(claims)
    seconds = time.perf_counter() - start
    return {
        "claims": n,
        "events": len(events),
        "seconds": round(seconds, 2),
        "microseconds_per_claim": round(seconds / n * 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_align_mb": round(rss_before / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    results = []
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
