"""Cost of the number, time and segmentation scanners on adversarial input, 10 KB to 10 MB.

    python bench/bench_scanners.py                      # all patterns, 10 KB .. 10 MB
    python bench/bench_scanners.py --max-mb 1 --full    # also the whole extractor, to 1 MB
    python bench/bench_scanners.py --json bench/out/scanners.json

Each input is one short pattern repeated to the size (runs that made a scanner quadratic or
cubic before issue 12: number words, runs of dots, dense digits, one endless line).  For each
pattern and scanner the script prints the CPU seconds per size and the slope of log(time) against
log(size), fitted by least squares: 1.0 is linear, 2.0 quadratic.  The goal is <= 1.2.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import time
from collections.abc import Callable
from pathlib import Path

PATTERNS: dict[str, tuple[str, str]] = {
    "number words": ("en", "one hundred and "),
    "number words (fr)": ("fr", "cent et un mille "),
    "dots": ("en", "."),
    "stops": ("en", "!?… "),
    "ones": ("en", "1 "),
    "ones and triggers": ("en", "1 killed "),
    "digit runs": ("en", "1 1,1.1 "),
    "dates": ("en", "12 March 1918, "),
    "endless line": ("en", "the militia killed 12 people near the bridge, and "),
}


def _scanners() -> dict[str, Callable[[str, str], object]]:
    from rashomon.extract import parse
    from rashomon.extract.numbers import find_numbers
    from rashomon.extract.segment import paragraphs, sentences
    from rashomon.extract.timex import find_times

    def segment(text: str, lang: str) -> object:
        return [sentences(text, lang, p.start, p.end) for p in paragraphs(text)]

    return {
        "numbers": find_numbers,
        "times": lambda text, lang: find_times(text, lang, "2020-01-01"),
        "segment": segment,
        "extract": lambda text, lang: parse(text, lang, "2020-01-01"),
    }


def _time(scan: Callable[[str, str], object], text: str, lang: str) -> float:
    """CPU seconds per call (other processes on the machine do not count): the best of
    repeated calls until 0.5 s have passed (small inputs take microseconds, where one call is
    all noise)."""
    best = math.inf
    spent = 0.0
    while spent < 0.5 or best == math.inf:
        gc.collect()
        start = time.process_time()
        scan(text, lang)
        took = time.process_time() - start
        best, spent = min(best, took), spent + took
    return best


def slope(sizes: list[int], seconds: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--min-kb", type=float, default=10)
    parser.add_argument("--max-mb", type=float, default=10)
    parser.add_argument("--full", action="store_true", help="also time the whole extractor")
    parser.add_argument("--full-max-mb", type=float, default=1)
    parser.add_argument("--pattern", action="append", help="only these patterns (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    scanners = _scanners()
    wanted = ["numbers", "times", "segment"] + (["extract"] if args.full else [])
    sizes = []
    size = int(args.min_kb * 1000)
    while size <= args.max_mb * 1e6 + 1:
        sizes.append(size)
        size *= 10
    for lang in {lang for lang, _ in PATTERNS.values()}:
        scanners["extract"]("warm up 1 killed", lang)
    results = []
    for name, (lang, piece) in PATTERNS.items():
        if args.pattern and name not in args.pattern:
            continue
        for scanner in wanted:
            limit = args.full_max_mb * 1e6 if scanner == "extract" else args.max_mb * 1e6
            used = [n for n in sizes if n <= limit + 1]
            seconds = []
            for n in used:
                text = (piece * (n // len(piece) + 1))[:n]
                seconds.append(_time(scanners[scanner], text, lang))
            fit = slope(used, seconds)
            row = {
                "pattern": name,
                "scanner": scanner,
                "sizes": used,
                "seconds": [round(t, 4) for t in seconds],
                "slope": round(fit, 2),
            }
            results.append(row)
            shown = "  ".join(
                f"{n / 1e6:g} MB {t:.3f}s" for n, t in zip(used, seconds, strict=True)
            )
            print(f"{name:20} {scanner:8} slope {fit:4.2f}   {shown}", flush=True)
    worst = max(r["slope"] for r in results)
    print(f"worst slope {worst:.2f} (goal <= 1.2)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
