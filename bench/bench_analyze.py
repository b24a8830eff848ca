"""`rashomon analyze` stage by stage on dense collections built from the shared corpus.

    python bench/bench_analyze.py                    # 2,000 generated documents
    python bench/bench_analyze.py --single-mb 5      # one 5 MB document
    python bench/bench_analyze.py --docs 2000 --jobs 2 --json bench/out/analyze.json

The documents (bench/corpus_docs.py: shuffled and repeated paragraphs of ../shared/corpus) are
written to a temporary folder and analysed into a fresh SQLite store, timing ingest,
extraction, alignment (events with estimates, disputes and consistency) and the HTML report
separately.  The figure that matters is the ratio of the whole run to ingest + extraction:
alignment and the report should cost less than reading the documents did.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus_docs import write_collection, write_single


def run(source: Path, tmp: Path, jobs: int) -> dict[str, Any]:
    from rashomon import Store
    from rashomon.align import update_events
    from rashomon.ingest import ingest_paths
    from rashomon.pipeline import extract_store
    from rashomon.report.html import write_report

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(stage: str, step: Callable[[], Any]) -> Any:
        start, start_cpu = time.perf_counter(), _cpu()
        result = step()
        wall[stage], cpu[stage] = time.perf_counter() - start, _cpu() - start_cpu
        return result

    with Store(tmp / "bench.db") as store:
        ingested = timed("ingest", lambda: ingest_paths(store, [source]))
        extracted = timed("extract", lambda: extract_store(store, jobs=jobs))
        aligned = timed("align", lambda: update_events(store))
        size = timed("report", lambda: write_report(store, tmp / "report.html"))
    return {
        "documents": ingested.summary(),
        "megabytes": round(sum(p.stat().st_size for p in source.rglob("*.txt")) / 1e6, 2),
        "claims": extracted.claims,
        "events": aligned.events,
        "report_mb": round(size / 1e6, 1),
        "seconds_wall": {k: round(v, 1) for k, v in wall.items()},
        "seconds_cpu": {k: round(v, 1) for k, v in cpu.items()},
        # CPU time, so other work on the machine does not blur the ratio; with --jobs > 1 the
        # extraction's CPU time is its workers' too.
        "total_over_ingest_and_extract": round(
            sum(cpu.values()) / (cpu["ingest"] + cpu["extract"]), 2
        ),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _cpu() -> float:
    """CPU seconds of this process and its finished children (extraction workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--single-mb", type=float, help="one document of this size instead")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.single_mb:
            source = write_single(tmp / "corpus", args.single_mb).parent
        else:
            source = write_collection(tmp / "corpus", args.docs)
        result = run(source, tmp, args.jobs)
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
