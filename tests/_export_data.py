"""A store for the export tests: the fictional demo corpus plus one hostile document (also
fictional) whose metadata and lines start with spreadsheet formula characters."""

from __future__ import annotations

from pathlib import Path

from rashomon import IngestOptions, Store, analyze, ingest_paths
from rashomon.pipeline import demo_corpus

# Invented for these tests: no real events.  Each line starts with a character that makes a
# spreadsheet evaluate a cell (=, +, -, @).
HOSTILE_TEXT = (
    '=HYPERLINK("http://example.invalid","open") FICTIONAL TEST DOCUMENT: invented.\n'
    "+ On 3 May 1931, according to @Brisk Relief Board, about 40 people were killed in "
    "Osterlo.\n"
    "-2 More than 90 people were wounded, the @Board said.\n"
    "@SUM(1;2) About 15 houses were destroyed in Osterlo on 3 May 1931.\n"
)
HOSTILE_META = {
    "publisher": "@Desk (fictional)",
    "title": "=1+2 hostile title",
    "author": "-Someone",
    # A URL with characters no IRI may hold: exports must percent-encode them.
    "url": 'http://example.invalid/a b/"q"<t>{x}',
    "date": "1931-05-04",
}


def build_store(folder: Path) -> Path:
    """Analyse the demo corpus and the hostile document into ``folder/export.db``."""
    folder.mkdir(parents=True, exist_ok=True)
    hostile = folder / "hostile"
    hostile.mkdir(exist_ok=True)
    (hostile / "=hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    db = folder / "export.db"
    with Store(db) as store:
        ingest_paths(store, [hostile], IngestOptions(overrides=HOSTILE_META))
        analyze(store, [demo_corpus()])
    return db
