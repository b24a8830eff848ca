"""Exports other tools load: JSONL (the contracts), UCDP GED-style CSV, Parquet, and RDF
(W3C Web Annotation with PROV-O) as JSON-LD or Turtle; and the import of JSONL claims.

Everything is read from the reviewed view (:mod:`rashomon.export._view`) and streamed, and
files are replaced atomically.
"""

from rashomon.export.importer import ImportReport, check_claim, import_claims, import_jsonl
from rashomon.export.runner import DEFAULT_WHAT, FORMATS, SUPPORTED, WHATS, ExportResult, export

__all__ = [
    "DEFAULT_WHAT",
    "FORMATS",
    "SUPPORTED",
    "WHATS",
    "ExportResult",
    "ImportReport",
    "check_claim",
    "export",
    "import_claims",
    "import_jsonl",
]
