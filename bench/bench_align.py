"""Alignment (and reconciliation) time and memory, on synthetic and on real-world claims.

    python bench/bench_align.py                       # synthetic: 1e3, 1e4, 1e5, 1e6
    python bench/bench_align.py --sizes 1000 100000 --json bench/out/align.json
    python bench/bench_align.py --sizes --corpus-docs 2000 10000   # claims from the corpus
    python bench/bench_align.py --sizes --corpus-docs 2000 --copies 1 5 25   # retold 5, 25 times
    python bench/bench_align.py --sizes --claims a.jsonl b.jsonl     # `rashomon extract` output

Synthetic claims are drawn from realistic shapes: events spread over 60 countries (Zipf-
weighted, as coverage of conflicts is) and 1,500 places, dates over 1900-2024 with 55 % given
to the day, 20 % to the month, 20 % to the year and 5 % undated, 2-6 documents per event and
1-4 figures per document, with the measures' usual mix.  They are sparse: few claims share a
place and month.  Real collections are dense (many documents retell the same few events), so
``--corpus-docs N`` aligns the claims extracted from N documents built from ../shared/corpus
(bench/corpus_docs.py; extracted once and cached in a temporary folder).  Each run is a fresh
process so its peak RSS is its own; CPU seconds are reported beside wall seconds because the
machine may be busy, and the log-log slope of CPU time against claims is printed for each
kind of input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

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


def retold(claims: list[dict[str, Any]], copies: int) -> list[dict[str, Any]]:
    """The claims ``copies`` times over, each copy as claims of other documents (new claim and
    document ids): a collection where every document is told again by ``copies`` sources, as
    extracting that many more generated documents would give, without the extraction."""
    if copies <= 1:
        return claims
    return [
        {**c, "id": f"{c['id']}~{k}", "doc": {**c["doc"], "id": f"{c['doc']['id']}~{k}"}}
        for k in range(copies)
        for c in claims
    ]


def run_one(n: int, corpus_docs: int = 0, claims_file: str = "", copies: int = 1) -> dict[str, Any]:
    from corpus_docs import collection_claims, read_claims
    from rashomon.align import build_events
    from rashomon.align.events import align

    if claims_file:
        claims = read_claims(Path(claims_file))
    elif corpus_docs:
        claims = retold(collection_claims(corpus_docs), copies)
    else:
        claims = synthetic_claims(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    align(claims[:1])  # loads the gazetteer, once per process
    cpu = time.process_time()
    align(claims)
    align_cpu = time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    events = build_events(claims)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "input": claims_file
        or (f"{corpus_docs} corpus documents x {copies}" if corpus_docs else "synthetic"),
        "claims": len(claims),
        "events": len(events),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "align_cpu_seconds": round(align_cpu, 2),
        "microseconds_per_claim": round(cpu / len(claims) * 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_align_mb": round(rss_before / 1024, 1),
    }


def _slope(rows: list[dict[str, Any]], key: str) -> float | None:
    if len(rows) < 2 or rows[0][key] <= 0:
        return None
    a, b = rows[0], rows[-1]
    return round(math.log(b[key] / a[key]) / math.log(b["claims"] / a["claims"]), 2)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000, 1000000])
    parser.add_argument("--corpus-docs", type=int, nargs="*", default=[])
    parser.add_argument(
        "--claims", nargs="*", default=[], help="JSONL claim files (`rashomon extract`)"
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--copies",
        type=int,
        nargs="*",
        default=[1],
        help="each --corpus-docs run also with its claims retold by this many copies",
    )
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(
            json.dumps(run_one(int(args.one[0]), int(args.one[1]), args.one[2], int(args.one[3])))
        )
        return
    results = []
    for kind, runs in (
        ("synthetic", [(n, 0, "", 1) for n in args.sizes]),
        ("corpus", [(0, d, "", k) for d in args.corpus_docs for k in args.copies]),
        ("files", [(0, 0, f, 1) for f in args.claims]),
    ):
        rows = []
        for size, docs, path, copies in runs:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), str(docs), path, str(copies)],
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), flush=True)
        if len(rows) > 1:
            slopes = {
                "input": f"{kind}: log-log slope of CPU time against claims",
                "build_events": _slope(rows, "cpu_seconds"),
                "align_only": _slope(rows, "align_cpu_seconds"),
            }
            print(json.dumps(slopes), flush=True)
            rows.append(slopes)
        results.extend(rows)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
