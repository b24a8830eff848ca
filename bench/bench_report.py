"""Size and load time of the HTML report for a 1,000-document store.

    python bench/bench_report.py            # needs Debian's chromium and tests/browser deps

Documents are the fictional generated corpus of bench_ingest.py.  Load time is measured in
headless Chromium from navigation to the first rendered event list (tests/browser script).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

from bench_ingest import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from rashomon import Store, analyze
    from rashomon.report.html import write_report

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.docs)
        with Store(Path(tmp) / "s.db") as store:
            start = time.perf_counter()
            summary = analyze(store, [corpus], jobs=2)
            analyze_s = time.perf_counter() - start
            start = time.perf_counter()
            size = write_report(store, Path(tmp) / "report.html")
            write_s = time.perf_counter() - start
        spec = Path(tmp) / "spec.json"
        spec.write_text(json.dumps({}), encoding="utf-8")
        loads = []
        for _ in range(3):
            done = subprocess.run(
                [
                    "node",
                    str(ROOT / "tests" / "browser" / "check_report.mjs"),
                    str(Path(tmp) / "report.html"),
                    str(spec),
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT / "tests" / "browser",
            )
            seen = json.loads(done.stdout)
            loads.append(seen["loadMs"])
    result = {
        "documents": args.docs,
        "claims": summary.extraction.claims,
        "events": summary.alignment.events if summary.alignment else None,
        "analyze_seconds": round(analyze_s, 1),
        "report_mb": round(size / 1e6, 2),
        "write_seconds": round(write_s, 2),
        "load_ms_median": sorted(loads)[1],
        "errors": seen["consoleErrors"] + seen["pageErrors"],
    }
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
