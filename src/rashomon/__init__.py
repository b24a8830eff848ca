"""rashomon: who claims what about contested violent events, with the exact words.

The public API is what ``__all__`` lists; everything else is private and may change.
"""

from rashomon._version import __version__
from rashomon.document import Document, LangSpan, Repair, text_id
from rashomon.errors import Code, IngestError, RashomonError, StoreError
from rashomon.ingest import IngestOptions, IngestReport, Outcome, ingest_paths, load_document
from rashomon.pipeline import AnalysisSummary, analyze, demo_corpus
from rashomon.store import AddResult, Store

__all__ = [
    "AddResult",
    "AnalysisSummary",
    "Code",
    "Document",
    "IngestError",
    "IngestOptions",
    "IngestReport",
    "LangSpan",
    "Outcome",
    "RashomonError",
    "Repair",
    "Store",
    "StoreError",
    "__version__",
    "analyze",
    "demo_corpus",
    "ingest_paths",
    "load_document",
    "text_id",
]
