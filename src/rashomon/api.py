"""Library functions behind the commands that mix files and stored documents."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rashomon.document import Document
from rashomon.errors import Code, RashomonError, StoreError
from rashomon.extract.claims import Claim
from rashomon.limits import DEFAULT_LIMITS, Limits, extract_within

__all__ = ["ExtractResult", "extract_refs"]

_ID_PREFIX = re.compile(r"^[0-9a-fA-F]{4,64}$")


@dataclass(slots=True)
class ExtractResult:
    claims: list[Claim] = field(default_factory=list)
    #: One-line errors (a missing file, an unknown id, a document over the extraction
    #: limits): the other refs were still read.
    problems: list[str] = field(default_factory=list)
    #: One-line notes about documents read but not (fully) analysed, e.g. no language data.
    notes: list[str] = field(default_factory=list)
    documents: int = 0


def extract_refs(
    refs: Sequence[str],
    db: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    on_document: Callable[[int], None] | None = None,
) -> ExtractResult:
    """Claims for each ref: a file or folder read directly (a .parquet file as a documents
    table), else a stored document.

    A bad file, or one over the extraction ``limits``, does not stop the others.  A ref that
    is neither a file nor a stored document is reported under its own name ("missing.txt: no
    such file"), not as a problem of the store it was looked up in.
    """
    from rashomon.ingest import read_documents
    from rashomon.ingest.table import read_table
    from rashomon.pipeline import language_gap
    from rashomon.store import Store, default_db

    result = ExtractResult()

    def read(doc: Document) -> None:
        try:
            result.claims.extend(extract_within(doc, limits))
        except RashomonError as exc:
            result.problems.append(str(exc))
        else:
            gap = language_gap(doc.lang, doc.lang_spans)
            if gap:
                result.notes.append(f"{doc.path}: {gap}")
        result.documents += 1
        if on_document is not None:
            on_document(result.documents)

    files = [ref for ref in refs if Path(ref).exists()]
    stored = [ref for ref in refs if not Path(ref).exists()]
    tables = [ref for ref in files if ref.endswith(".parquet") and Path(ref).is_file()]
    for item in chain(
        read_documents([f for f in files if f not in tables]), *(read_table(t) for t in tables)
    ):
        if isinstance(item, RashomonError):
            result.problems.append(str(item))
        else:
            read(item)
    if not stored:
        return result
    location = db or default_db()
    try:
        store = Store(location, create=False)
    except StoreError as exc:
        # No store to look in: what the user most likely typed is a file name.
        for ref in stored:
            if _ID_PREFIX.match(ref):
                result.problems.append(str(exc))
                continue
            missing = RashomonError(
                Code.NOT_FOUND,
                f"no such file or folder (and no store at {location} to look it up in as a "
                "stored document)",
                ref,
            )
            result.problems.append(str(missing))
        return result
    with store:
        for ref in stored:
            try:
                doc = store.get_document(ref)
            except RashomonError as exc:
                if exc.code is Code.UNKNOWN_DOC and not _ID_PREFIX.match(ref):
                    exc = RashomonError(
                        Code.NOT_FOUND,
                        "no such file or folder, nor a document stored under that name in "
                        f"{location}",
                        ref,
                    )
                result.problems.append(str(exc))
                continue
            read(doc)
    return result
