"""Per-document store cost of extraction as the store grows: choosing the documents to
extract and reading each one by its id (issue 12: a LIKE prefix scan per document made
extracting 200,000 documents quadratic, and listing the documents took 26 s).

    python bench/bench_store_lookup.py                  # 1,000 / 10,000 / 100,000 documents
    python bench/bench_store_lookup.py --sizes 1000 200000

For each size a new SQLite store is filled with small invented documents; then, timed in CPU
seconds: ``pending_documents`` (what ``extract`` runs first), ``get_document`` of every
document by its full id (what extraction runs per document), and ``list_documents`` (the
``docs`` command).  Extraction itself is left out: its cost per document does not depend on
the store.  Flat microseconds per document from size to size mean linear time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rashomon import Store
from rashomon.document import Document
from rashomon.pipeline import ExtractionSummary, pending_documents


def _fill(store: Store, n: int) -> None:
    for i in range(n):
        text = f"Invented bulletin {i}: about {i % 900 + 2} people fled the village of Norvik."
        store.add_document(
            Document(text=text, path=f"/corpus/b{i:07}.txt", media_type="text/plain", lang="en")
        )


def _cpu(fn: object) -> float:
    start = time.process_time()
    fn()  # type: ignore[operator]
    return time.process_time() - start


def measure(n: int, folder: Path) -> dict[str, float]:
    with Store(folder / f"s{n}.db") as store:
        fill = _cpu(lambda: _fill(store, n))
        todo: list[str] = []
        pending = _cpu(lambda: todo.extend(pending_documents(store, ExtractionSummary())))
        assert len(todo) == n
        lookup = _cpu(lambda: [store.get_document(doc_id) for doc_id in todo])
        listing = _cpu(store.list_documents)
    return {"fill": fill, "pending": pending, "lookup": lookup, "list": listing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print("| documents | choose (µs/doc) | read by id (µs/doc) | list (µs/doc) | fill (s) |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t = measure(n, Path(tmp))
            per = {k: v / n * 1e6 for k, v in t.items()}
            print(
                f"| {n:,} | {per['pending']:.0f} | {per['lookup']:.0f} | {per['list']:.0f} "
                f"| {t['fill']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
