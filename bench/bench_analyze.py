"""`rashomon analyze` end to end, stage by stage, on growing collections built from the corpus.

    python bench/bench_analyze.py                          # 250, 500, 1,000, 2,000 documents
    python bench/bench_analyze.py --docs 2000 4000 --json bench/out/analyze.json
    python bench/bench_analyze.py --docs --single-mb 5     # one 5 MB document
    python bench/bench_analyze.py --docs 1000 --jobs 2     # two extraction processes
    python bench/bench_analyze.py --docs 20700 --keep-store big.db   # 50 MB; keep the store
    python bench/bench_analyze.py --realign big.db         # align + report again on a copy

The documents (bench/corpus_docs.py: shuffled and repeated paragraphs of ../shared/corpus, so
the same events, places and dates are told again and again, as in real coverage of a
conflict) are written to a temporary folder and analysed into a fresh SQLite store by the
library call the CLI makes (``rashomon.pipeline.analyze``: ingest, extract, align into events
with estimates, disputes and consistency), then the HTML report is written, as
``rashomon analyze --out`` does.  Each size runs in a fresh process, so its peak RSS is its
own.  CPU time is the figure to read (the machine may be busy): characters per CPU-second of
the whole run, the share of each stage, and the ratio of the whole run to ingest + extraction
(alignment and the report should cost less than reading the documents did).  The log-log
slope of CPU time against characters says how the whole run grows.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus_docs import write_collection, write_single

STAGES = ("ingest", "extract", "align", "report")


def run(source: Path, tmp: Path, jobs: int, keep: Path | None = None) -> dict[str, Any]:
    """Analyse ``source`` into a fresh store and write the report, timing each stage."""
    from rashomon import Store
    from rashomon.limits import Limits
    from rashomon.pipeline import analyze
    from rashomon.report.html import write_report

    marks: list[tuple[str, float, float]] = []
    #: Peak RSS (MB) when each stage ends: the peak only grows, so this says which stage
    #: raised it.
    peaks: dict[str, float] = {}

    def on_stage(stage: str) -> None:
        if marks:
            peaks[marks[-1][0]] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            )
        marks.append((stage, time.perf_counter(), _cpu()))

    # Counted one file at a time: holding the collection's text would add to the peak.
    chars = n_bytes = 0
    for path in sorted(source.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        n_bytes += len(text.encode("utf-8"))
    del text
    # The wall-clock budget per document is meant for a hostile document on a quiet machine;
    # a busy machine must not turn the 5 MB document into a failure.
    limits = Limits(seconds=3600.0)
    with Store(tmp / "bench.db") as store:
        summary = analyze(store, [source], jobs=jobs, limits=limits, on_stage=on_stage)
        on_stage("report")
        size = write_report(store, tmp / "report.html")
        on_stage("end")
    if keep is not None:
        shutil.copyfile(tmp / "bench.db", keep)
    wall = {a[0]: b[1] - a[1] for a, b in itertools.pairwise(marks)}
    cpu = {a[0]: b[2] - a[2] for a, b in itertools.pairwise(marks)}
    total_cpu = sum(cpu.values())
    return {
        "documents": summary.n_documents,
        "characters": chars,
        "megabytes": round(n_bytes / 1e6, 2),
        "claims": summary.extraction.claims,
        "failed": summary.extraction.failed,
        "events": summary.alignment.events,
        "report_mb": round(size / 1e6, 1),
        "seconds_wall": {k: round(v, 1) for k, v in wall.items()},
        "seconds_cpu": {k: round(v, 1) for k, v in cpu.items()},
        "cpu_seconds": round(total_cpu, 1),
        "wall_seconds": round(sum(wall.values()), 1),
        "chars_per_cpu_second": round(chars / total_cpu),
        # CPU time, so other work on the machine does not blur the ratio; with --jobs > 1
        # the extraction's CPU time includes its workers'.
        "total_over_ingest_and_extract": round(total_cpu / (cpu["ingest"] + cpu["extract"]), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_mb_after": peaks,
        "peak_rss_workers_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def realign(kept: Path) -> dict[str, Any]:
    """Alignment and the report again, on a copy of a kept store with its events forgotten:
    the last two stages' memory and time without extracting again, and whether the events
    come out byte-identical to those stored (by the code that analysed the store)."""
    from rashomon import Store
    from rashomon.align import update_events
    from rashomon.report.html import write_report
    from rashomon.store import schema as s

    def rss() -> float:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    def digest(store: Any) -> str:
        h = hashlib.sha256()
        for event in store.iter_events():
            h.update(json.dumps(event, sort_keys=True).encode())
        h.update(json.dumps(sorted(store.event_assignments().items())).encode())
        return h.hexdigest()

    out: dict[str, Any] = {"store": str(kept)}
    with tempfile.TemporaryDirectory() as name:
        copy = Path(name) / "store.db"
        shutil.copyfile(kept, copy)
        with Store(copy) as store:
            before = digest(store)
            with store.engine.begin() as conn:
                conn.execute(s.event_claims.delete())
                conn.execute(s.events.delete())
            out["peak_rss_mb_before"] = rss()
            start = _cpu()
            out["events"] = update_events(store).events
            out["align_cpu_s"] = round(_cpu() - start, 1)
            out["peak_rss_mb_after_align"] = rss()
            out["events_identical"] = digest(store) == before
            start = _cpu()
            out["report_mb"] = round(write_report(store, Path(name) / "report.html") / 1e6, 1)
            out["report_cpu_s"] = round(_cpu() - start, 1)
            out["peak_rss_mb_after_report"] = rss()
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children (extraction workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_one(docs: int, single_mb: float, jobs: int, keep: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if single_mb:
            source = write_single(tmp / "corpus", single_mb).parent
        else:
            source = write_collection(tmp / "corpus", docs)
        result = run(source, tmp, jobs, keep)
    result["input"] = f"one {single_mb} MB document" if single_mb else f"{docs} documents"
    result["jobs"] = jobs
    return result


def slope(rows: list[dict[str, Any]]) -> float | None:
    """Log-log slope of CPU time against characters, first to last run."""
    if len(rows) < 2:
        return None
    a, b = rows[0], rows[-1]
    return round(
        math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["characters"] / a["characters"]),
        2,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, nargs="*", default=[250, 500, 1000, 2000])
    parser.add_argument("--single-mb", type=float, help="also one document of this size")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--keep-store", type=Path, help="copy the (last) analysed store here, for re-runs"
    )
    parser.add_argument(
        "--realign", type=Path, help="only align and report again on a copy of this kept store"
    )
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.realign:
        print(json.dumps(realign(args.realign)))
        return
    if args.one:
        keep = Path(args.one[3]) if args.one[3] else None
        print(json.dumps(run_one(int(args.one[0]), float(args.one[1]), int(args.one[2]), keep)))
        return
    runs = [(n, 0.0) for n in args.docs] + ([(0, args.single_mb)] if args.single_mb else [])
    results: list[dict[str, Any]] = []
    keep = str(args.keep_store.resolve()) if args.keep_store else ""
    for docs, mb in runs:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(docs), str(mb), str(args.jobs), keep],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    growth = [r for r in results if r["input"].endswith(" documents")]
    if len(growth) > 1:
        print(json.dumps({"log_log_slope_cpu_vs_characters": slope(growth)}), flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
