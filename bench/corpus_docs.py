"""Dense generated collections built from the shared corpus, for the alignment benches.

    python bench/corpus_docs.py --docs 2000 DEST      # 2,000 documents + SOURCES.tsv in DEST
    python bench/corpus_docs.py --single-mb 5 DEST    # one 5 MB document

Each generated document is one shared-corpus document with its paragraphs shuffled and some of
them repeated, so a collection is what real coverage of a few conflicts looks like: the same
events, places and dates told again and again.  The documents are written to a folder the
caller chooses (a temporary one), never into the repository.  Claims extracted from them are
cached in a temporary folder ($RASHOMON_BENCH_CACHE), keyed by a digest of the extractor's code
and data, so the alignment bench does not re-extract on every run.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_extract import load_corpus


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def generate_texts(n_docs: int, seed: int = 17) -> Iterator[tuple[str, str]]:
    """(text, language) of ``n_docs`` documents, each a shuffled copy of a corpus document
    with about one paragraph in five repeated; no two are identical (the store would keep one)."""
    rng = random.Random(seed)
    corpus = load_corpus()
    seen: set[str] = set()
    for _ in range(n_docs):
        text, lang, _date = rng.choice(corpus)
        paragraphs = _paragraphs(text)
        paragraphs += [p for p in paragraphs if rng.random() < 0.2]
        while True:
            rng.shuffle(paragraphs)
            out = "\n".join(paragraphs) + "\n"
            if out not in seen:
                break
            paragraphs.append(rng.choice(paragraphs))
        seen.add(out)
        yield out, lang


def write_collection(dest: Path, n_docs: int, seed: int = 17) -> Path:
    """``n_docs`` generated documents and their manifest (file, language) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    with open(dest / "SOURCES.tsv", "w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "language"])
        for i, (text, lang) in enumerate(generate_texts(n_docs, seed)):
            name = f"gen{i:05d}_{lang}.txt"
            (dest / name).write_text(text, encoding="utf-8")
            writer.writerow([name, lang])
    return dest


def write_single(dest: Path, megabytes: float, seed: int = 5) -> Path:
    """One document of about ``megabytes`` MB: shuffled paragraphs of every corpus document
    (several languages, read passage by passage)."""
    rng = random.Random(seed)
    paragraphs = [p for text, _, _ in load_corpus() for p in _paragraphs(text)]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for p in batch:
            out.append(p)
            size += len(p.encode("utf-8")) + 1
            if size >= megabytes * 1e6:
                break
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "single.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _extract(args: tuple[str, str, int]) -> list[dict[str, Any]]:
    from rashomon.extract.pipeline import extract_document
    from rashomon.ingest import read_documents

    folder, name, _ = args
    docs = [d for d in read_documents([Path(folder) / name]) if not isinstance(d, Exception)]
    return [c.to_dict() for doc in docs for c in extract_document(doc)]


def cache_dir() -> Path:
    return Path(os.environ.get("RASHOMON_BENCH_CACHE", Path(tempfile.gettempdir()) / "rb-cache"))


def extractor_digest() -> str:
    """A digest of the extractor's code and data: cached claims are only reused by the same
    extractor (its version string does not change with every commit)."""
    import rashomon

    root = Path(rashomon.__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*(root / "extract").rglob("*.py"), *(root / "data").rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_claims(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def collection_claims(n_docs: int, seed: int = 17, jobs: int = 2) -> list[dict[str, Any]]:
    """Claims of the generated collection, in document order (cached per extractor)."""
    key = hashlib.sha256(f"{extractor_digest()}|{n_docs}|{seed}".encode()).hexdigest()[:16]
    cached = cache_dir() / f"claims-{n_docs}-{key}.jsonl"
    if cached.exists():
        return read_claims(cached)
    claims: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_collection(Path(tmp), n_docs, seed)
        names = sorted(p.name for p in folder.glob("gen*.txt"))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for found in pool.map(
                _extract, [(str(folder), n, i) for i, n in enumerate(names)], chunksize=16
            ):
                claims.extend(found)
    cached.parent.mkdir(parents=True, exist_ok=True)
    with open(cached, "w", encoding="utf-8") as handle:
        for claim in claims:
            handle.write(json.dumps(claim, ensure_ascii=False) + "\n")
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("dest", type=Path)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--single-mb", type=float)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    if args.single_mb:
        print(write_single(args.dest, args.single_mb))
    else:
        print(write_collection(args.dest, args.docs, args.seed))


if __name__ == "__main__":
    main()
