"""Run the extractor over gold documents and score it: what ``rashomon eval`` does."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rashomon.evaluate.gold import load_gold
from rashomon.evaluate.results import EvalReport
from rashomon.evaluate.score import score


def extract_files(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Claims (contract dicts) of files read directly, with manifests beside them."""
    from rashomon.extract.pipeline import extract_document
    from rashomon.ingest.metadata import find_manifest, load_manifest
    from rashomon.ingest.runner import load_document

    claims: list[dict[str, Any]] = []
    manifests: dict[Path, Any] = {}
    for path in paths:
        folder = path.parent.resolve()
        if folder not in manifests:
            found = find_manifest(folder)
            manifests[folder] = load_manifest(found) if found else None
        manifest = manifests[folder]
        row = manifest.rows.get(path.resolve()) if manifest else None
        doc = load_document(path, row=row)
        claims.extend(c.to_dict() for c in extract_document(doc))
    return claims


def evaluate(
    gold_paths: Sequence[Path],
    doc_dirs: Sequence[Path],
    only_langs: Iterable[str] | None = None,
) -> EvalReport:
    """Extract every gold document found in ``doc_dirs`` and score the claims.

    ``only_langs`` restricts scoring to documents in those languages (by their manifest), so
    a quality gate can hold floors for the languages it targets.
    """
    from rashomon.evaluate.gold import load_doc_langs

    gold = load_gold(list(gold_paths))
    names = sorted(gold.docs)
    if only_langs is not None:
        wanted = set(only_langs)
        manifest_langs = load_doc_langs(doc_dirs)
        names = [n for n in names if manifest_langs.get(n) in wanted]
    found: dict[str, Path] = {}
    for folder in doc_dirs:
        for name in names:
            candidate = Path(folder) / name
            if name not in found and candidate.is_file():
                found[name] = candidate
    claims = extract_files(found[n] for n in names if n in found)
    langs = {c["doc"]["path"].rsplit("/", 1)[-1]: c["doc"]["lang"] for c in claims}
    langs = {**load_doc_langs(doc_dirs), **langs}
    return score(gold, claims, docs=sorted(found), langs=langs)
