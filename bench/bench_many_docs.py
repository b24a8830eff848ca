"""Extraction of many small documents: time linear in their number (issue 12).

    python bench/bench_many_docs.py                        # 20,000 / 50,000 / 200,000
    python bench/bench_many_docs.py --sizes 2000 20000

For each size a new SQLite store is filled with small invented documents (one or two
sentences, each with a figure, a place and a date, all different), then extracted by the call
``rashomon analyze`` makes (``rashomon.pipeline.extract_store``, one process), then aligned
(``update_events``).  CPU seconds of each step, microseconds per document, and the log-log
slope of extraction time against the number of documents (1.0 is linear; a lookup that scans
the store per document would make it 2).  Each size runs in a fresh process: peak RSS is its
own.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_PLACES = ["Norvik", "Osterlo", "Valdmark", "Kessel", "Tauva", "Brisk", "Lunde", "Arvola"]
_VERBS = ["were killed", "died", "were wounded", "fled their homes", "were reported dead"]
_MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October"]


def _text(i: int, rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    day = 1 + i % 28
    first = (
        f"Bulletin {i}: about {rng.randint(2, 900)} people {rng.choice(_VERBS)} in {place} "
        f"on {day} {rng.choice(_MONTHS)} {rng.choice([1931, 1932, 1933])}."
    )
    if rng.random() < 0.5:
        return first
    return first + f" The council of {place} later said {rng.randint(2, 900)} had died."


def _cpu() -> float:
    """CPU seconds of this process and its finished children (``--jobs`` workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_one(n: int, jobs: int = 1) -> dict[str, Any]:
    from rashomon import Document, Store
    from rashomon.align import update_events
    from rashomon.pipeline import extract_store

    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        start = time.process_time()
        for i in range(n):  # straight into the store: ingest has its own bench
            doc = Document(
                text=_text(i, rng), path=f"/bulletins/b{i:07}.txt", media_type="text/plain"
            )
            doc.lang = "en"
            store.add_document(doc)
        fill = time.process_time() - start
        start, wall = _cpu(), time.perf_counter()
        summary = extract_store(store, jobs=jobs)
        extract, extract_wall = _cpu() - start, time.perf_counter() - wall
        start = time.process_time()
        aligned = update_events(store)
        align = time.process_time() - start
    return {
        "documents": n,
        "jobs": jobs,
        "claims": summary.claims,
        "events": aligned.events,
        "fill_cpu_s": round(fill, 1),
        "extract_cpu_s": round(extract, 1),
        "extract_wall_s": round(extract_wall, 1),
        "extract_us_per_doc": round(extract / n * 1e6),
        "align_cpu_s": round(align, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 50_000, 200_000])
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(*args.one)))
        return
    rows = []
    for n in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n), str(args.jobs)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        slope = math.log(b["extract_cpu_s"] / a["extract_cpu_s"]) / math.log(
            b["documents"] / a["documents"]
        )
        print(json.dumps({"log_log_slope_extract_cpu_vs_documents": round(slope, 2)}))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
