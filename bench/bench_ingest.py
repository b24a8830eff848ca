"""Ingest throughput and peak memory on a generated corpus.

    python bench/bench_ingest.py                 # 1,000 and 10,000 documents
    python bench/bench_ingest.py --sizes 10000 --json bench/out/ingest.json

Each size runs in a fresh subprocess so its peak RSS is its own.  The corpus is generated from
fictional sentence templates in five languages (no real text), with realistic sizes (0.5–8 KB,
a few HTML pages), so language detection, decoding and the store all do real work.

Loading the language model is a fixed cost of every process (``startup_s``), measured apart
from the throughput; ``cpu_s`` is the process's CPU time for the ingest, which on a shared,
busy machine says more than the wall clock.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = {
    "en": "According to the {org}, about {n} people were killed in {place} on {d} May {y}. ",
    "fr": "Selon le {org}, environ {n} personnes ont été tuées à {place} le {d} mai {y}. ",
    "de": "Nach Angaben des {org} wurden am {d}. Mai {y} in {place} etwa {n} Menschen getötet. ",
    "es": "Según el {org}, unas {n} personas murieron en {place} el {d} de mayo de {y}. ",
    "ru": "По данным {org}, {d} мая {y} года в {place} погибли около {n} человек. ",
}
ORGS = ["Relief Committee", "Council", "Commission", "Observer Mission", "Tribunal"]
PLACES = ["Osterlo", "Brisk", "Valdmark", "Tauva", "Norvik", "Kessel"]


def generate(folder: Path, n_docs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    total = 0
    langs = list(TEMPLATES)
    for i in range(n_docs):
        lang = langs[i % len(langs)]
        sentences = rng.randint(5, 80)
        body = (
            "".join(
                TEMPLATES[lang].format(
                    org=rng.choice(ORGS),
                    n=rng.randint(2, 40000),
                    place=rng.choice(PLACES),
                    d=rng.randint(1, 31),
                    y=rng.randint(1900, 2024),
                )
                + ("\n\n" if rng.random() < 0.2 else "")
                for _ in range(sentences)
            )
            + f"\n(generated document {i})\n"
        )
        if i % 20 == 0:
            path = folder / f"{i // 1000:02d}" / f"doc{i:06d}_{lang}.html"
            data = (
                f"<html><head><title>Report {i}</title></head><body><article><p>"
                + body.replace("\n\n", "</p><p>")
                + "</p></article></body></html>"
            ).encode()
        else:
            path = folder / f"{i // 1000:02d}" / f"doc{i:06d}_{lang}.txt"
            data = body.encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def run_one(n_docs: int) -> dict[str, float | int]:
    """Generate, then ingest in this process; returns the measurements."""
    from rashomon import Store, ingest_paths
    from rashomon.ingest.langid import detect

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        n_bytes = generate(corpus, n_docs)
        start = time.perf_counter()
        detect("Loading the language model once per process.")
        startup = time.perf_counter() - start
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with Store(Path(tmp) / "bench.db") as store:
            start, cpu_start = time.perf_counter(), time.process_time()
            report = ingest_paths(store, [corpus])
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            again_start = time.perf_counter()
            again = ingest_paths(store, [corpus])
            again_elapsed = time.perf_counter() - again_start
        assert report.counts["stored"] == n_docs, report.summary()
        assert again.counts["unchanged"] == n_docs
        db_size = (Path(tmp) / "bench.db").stat().st_size
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "documents": n_docs,
        "megabytes": round(n_bytes / 1e6, 2),
        "startup_s": round(startup, 2),
        "seconds": round(elapsed, 2),
        "cpu_s": round(cpu, 2),
        "docs_per_s": round(n_docs / elapsed, 1),
        "mb_per_s": round(n_bytes / 1e6 / elapsed, 2),
        "mb_per_cpu_s": round(n_bytes / 1e6 / cpu, 2),
        "reingest_docs_per_s": round(n_docs / again_elapsed, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_before_ingest_mb": round(rss_before / 1024, 1),
        "store_mb": round(db_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", type=Path, help="also write the results here")
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
        print(json.dumps(results[-1]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
