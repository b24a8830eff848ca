"""Run the extractor (and alignment) over gold documents and score it: ``rashomon eval``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.evaluate.disputes import DisputeRecall, dispute_recall
from rashomon.evaluate.gold import GoldSet, load_doc_langs, load_gold
from rashomon.evaluate.results import EvalReport
from rashomon.evaluate.score import score

Aligner = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


@dataclass(slots=True)
class EvalRun:
    report: EvalReport
    gold: GoldSet
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]] | None
    disputes: DisputeRecall | None


def extract_files(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Claims (contract dicts) of files read directly, with manifests beside them."""
    from rashomon.errors import RashomonError
    from rashomon.extract.pipeline import extract_document
    from rashomon.ingest import read_documents

    claims: list[dict[str, Any]] = []
    for doc in read_documents(list(paths)):
        if isinstance(doc, RashomonError):
            raise doc  # a gold document that cannot be read is not a score
        claims.extend(c.to_dict() for c in extract_document(doc))
    return claims


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSONL file (claims or events printed by rashomon or anything else)."""
    import json

    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def run_eval(
    gold_paths: Sequence[Path],
    doc_dirs: Sequence[Path],
    only_langs: Iterable[str] | None = None,
    events: Aligner | None = None,
    claims: Sequence[dict[str, Any]] | None = None,
    given_events: Sequence[dict[str, Any]] | None = None,
) -> EvalRun:
    """Extract every gold document found in ``doc_dirs`` and score the claims.

    ``only_langs`` restricts scoring to documents in those languages (by their manifest), so
    a quality gate can hold floors for the languages it targets.  With ``events`` (a function
    from claims to events, such as ``align.build_events``) the claims of all documents are
    aligned at once and event grouping, estimates and disputes are scored too.  ``claims``
    (and ``given_events``) score predictions made elsewhere instead of extracting.
    """
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
    if claims is None:
        claims = extract_files(found[n] for n in names if n in found)
    claims = list(claims)
    langs = {
        str(c["doc"]["path"]).replace("\\", "/").rsplit("/", 1)[-1]: c["doc"]["lang"]
        for c in claims
        if isinstance(c.get("doc"), dict) and c["doc"].get("path") and c["doc"].get("lang")
    }
    langs = {**load_doc_langs(doc_dirs), **langs}
    if given_events is not None:
        aligned: list[dict[str, Any]] | None = list(given_events)
    else:
        aligned = events(claims) if events is not None else None
    report = score(gold, claims, aligned, docs=sorted(found), langs=langs)
    recall = dispute_recall(gold, report, aligned) if aligned is not None else None
    return EvalRun(report, gold, claims, aligned, recall)


def evaluate(
    gold_paths: Sequence[Path],
    doc_dirs: Sequence[Path],
    only_langs: Iterable[str] | None = None,
    events: Aligner | None = None,
) -> EvalReport:
    return run_eval(gold_paths, doc_dirs, only_langs, events).report
