"""Library functions behind the commands that mix files and stored documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.extract.claims import Claim
from rashomon.limits import DEFAULT_LIMITS, Limits, extract_within


def extract_refs(
    refs: Sequence[str], db: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Claim], list[str]]:
    """Claims for each ref: a file or folder read directly, else a stored document.

    Returns the claims and one-line problems (a bad file, or one over the extraction
    ``limits``, does not stop the others).
    """
    from rashomon.ingest import read_documents
    from rashomon.store import Store, default_db

    claims: list[Claim] = []
    problems: list[str] = []
    files = [ref for ref in refs if Path(ref).exists()]
    stored = [ref for ref in refs if not Path(ref).exists()]
    for item in read_documents(files):
        try:
            if isinstance(item, RashomonError):
                raise item
            claims.extend(extract_within(item, limits))
        except RashomonError as exc:
            problems.append(str(exc))
    if stored:
        with Store(db or default_db(), create=False) as store:
            for ref in stored:
                try:
                    claims.extend(extract_within(store.get_document(ref), limits))
                except RashomonError as exc:
                    problems.append(str(exc))
    return claims, problems
