"""Extraction throughput (characters/s on one core) and peak memory.

    python bench/bench_extract.py                       # >= 5 MB from ../shared/corpus
    python bench/bench_extract.py --mb 10 --json bench/out/extract.json

The corpus is built in memory by repeating the shared corpus documents with their paragraphs
shuffled (so no two copies are identical), never written into the repository.  One process,
one core: the figure is per core; the process pool of `rashomon analyze --jobs N` scales it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def load_corpus() -> list[tuple[str, str, str | None]]:
    docs = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        with open(folder / "SOURCES.tsv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                text = (folder / row["file"]).read_text(encoding="utf-8")
                docs.append((text, row["language"], None))
    return docs


def build(
    docs: list[tuple[str, str, str | None]], megabytes: float, seed: int = 11
) -> list[tuple[str, str, str | None]]:
    rng = random.Random(seed)
    out = []
    total = 0
    while total < megabytes * 1e6:
        text, lang, date = rng.choice(docs)
        paragraphs = text.split("\n")
        rng.shuffle(paragraphs)
        shuffled = "\n".join(paragraphs)
        out.append((shuffled, lang, date))
        total += len(shuffled.encode("utf-8"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    from rashomon.extract import parse

    corpus = build(load_corpus(), args.mb)
    n_chars = sum(len(t) for t, _, _ in corpus)
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Warm-up: load the gazetteer, actor table and compiled patterns once, as a worker would.
    load_start = time.perf_counter()
    for lang in ("en", "fr", "de", "es", "ru"):
        parse("Warm-up: 5 people were killed in Baku.", lang)
    load_seconds = time.perf_counter() - load_start
    wall = time.perf_counter()
    cpu = time.process_time()
    n_claims = 0
    for text, lang, date in corpus:
        parsed = parse(text, lang, date)
        n_claims += len(parsed.claims) if parsed else 0
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    result = {
        "documents": len(corpus),
        "megabytes": round(sum(len(t.encode()) for t, _, _ in corpus) / 1e6, 2),
        "characters": n_chars,
        "claims": n_claims,
        "seconds_wall": round(wall, 2),
        "seconds_cpu": round(cpu, 2),
        "chars_per_s_per_core": round(n_chars / cpu),
        "startup_seconds": round(load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(rss_start / 1024, 1),
    }
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
