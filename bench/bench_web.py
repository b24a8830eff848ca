"""Response times of the web app on a store of 10,000 generated documents.

    python bench/bench_web.py                      # builds the store in a temporary folder
    python bench/bench_web.py --db bench/out/web.db  # keeps (and reuses) the store

Documents are the fictional generated corpus of bench_ingest.py, analysed with 2 processes.
A real `rashomon serve` process answers; each page is fetched ``--repeat`` times over HTTP on
127.0.0.1 (one client, sequential) and the median and 90th percentile wall-clock times are
reported: the events page (first and a middle page), an event page and a document page
(different events and documents, drawn at random), a search, and a review (form post).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from bench_ingest import generate


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build(db: Path, n_docs: int) -> dict[str, object]:
    from rashomon import Store, analyze

    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        corpus = Path(tmp) / "corpus"
        generate(corpus, n_docs)
        start = time.perf_counter()
        summary = analyze(store, [corpus], jobs=2)
        return {
            "analyze_seconds": round(time.perf_counter() - start, 1),
            "claims": summary.extraction.claims,
        }


def _timed(client: httpx.Client, urls: list[str]) -> dict[str, float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p90_ms": round(times[int(len(times) * 0.9) - 1], 1),
    }


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="store to build (or reuse when it exists)")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from rashomon import Store

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "web.db"
    result: dict[str, object] = {"documents": args.docs}
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        result.update(_build(db, args.docs))
    with Store(db) as store:
        result["documents"] = store.count_documents()
        events = store.events()
        result["events"] = len(events)
        doc_ids = [d["id"] for d in store.list_documents() if d["current"]]
    rng = random.Random(1)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "rashomon.cli.main", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "RASHOMON_USER": "bench"},
    )
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            # Listening (pages say the store is being read) and ready (events read).
            while True:
                try:
                    status = client.get("/health").status_code
                except httpx.TransportError:
                    time.sleep(0.1)
                    continue
                result.setdefault("listening_seconds", round(time.perf_counter() - started, 1))
                if status == 200:
                    break
                time.sleep(0.1)
            result["startup_seconds"] = round(time.perf_counter() - started, 1)
            n = args.repeat
            pages = max(1, len(events) // 20)
            result["events_page"] = _timed(client, ["/events"] * n)
            result["events_page_middle"] = _timed(client, [f"/events?page={pages // 2}"] * n)
            picked = rng.sample(events, min(n, len(events)))
            result["event_page"] = _timed(client, [f"/events/{e['id']}" for e in picked])
            result["event_claims_median"] = statistics.median(len(e["claims"]) for e in picked)
            largest = max(events, key=lambda e: len(e["claims"]))
            result["largest_event_claims"] = len(largest["claims"])
            result["largest_event_page"] = _timed(client, [f"/events/{largest['id']}"] * 5)
            docs = rng.sample(doc_ids, min(n, len(doc_ids)))
            result["document_page"] = _timed(client, [f"/docs/{d}" for d in docs])
            result["search"] = _timed(client, ["/events?q=relief"] * 5)
            # One review through the form, as a browser posts it (local mode: no login).
            claim = picked[0]["claims"][0]
            page = client.get(f"/claims/{claim}").text
            form = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page)[:5])
            start = time.perf_counter()
            posted = client.post("/review", data={**form, "action": "accept"})
            result["review_post_ms"] = round((time.perf_counter() - start) * 1000, 1)
            assert posted.status_code == 303, posted.text[-300:]
            result["events_page_after_review"] = _timed(client, ["/events"] * n)
            result["server_rss_mb"] = _rss_mb(server.pid)
            # Other work on the machine slows every figure: say how busy it was.
            result["load_average_1min"] = round(os.getloadavg()[0], 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    print(json.dumps(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
