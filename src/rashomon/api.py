"""Library functions behind the commands that mix files and stored documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.extract.claims import Claim


def extract_refs(refs: Sequence[str], db: str | None = None) -> tuple[list[Claim], list[str]]:
    """Claims for each ref: a file or folder read directly, else a stored document.

    Returns the claims and one-line problems (a bad file does not stop the others).
    """
    from rashomon.extract.pipeline import extract_document
    from rashomon.ingest import IngestOptions, iter_sources, load_document
    from rashomon.ingest.metadata import find_manifest, load_manifest
    from rashomon.store import Store, default_db

    claims: list[Claim] = []
    problems: list[str] = []
    stored: list[str] = []
    manifests: dict[Path, object] = {}
    for ref in refs:
        if not Path(ref).exists():
            stored.append(ref)
            continue
        for item in iter_sources([ref], IngestOptions()):
            if isinstance(item, RashomonError):
                problems.append(str(item))
                continue
            folder = item.parent.resolve()
            if folder not in manifests:
                found = find_manifest(folder)
                manifests[folder] = load_manifest(found) if found else None
            manifest = manifests[folder]
            row = manifest.rows.get(item.resolve()) if manifest else None  # type: ignore[attr-defined]
            try:
                doc = load_document(item, row=row)
            except RashomonError as exc:
                problems.append(str(exc))
                continue
            claims.extend(extract_document(doc))
    if stored:
        with Store(db or default_db(), create=False) as store:
            for ref in stored:
                try:
                    claims.extend(extract_document(store.get_document(ref)))
                except RashomonError as exc:
                    problems.append(str(exc))
    return claims, problems
