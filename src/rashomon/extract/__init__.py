"""Extract: figure claims with their measure, value, time, places, actors, source and evidence."""

from rashomon.extract.claims import EXTRACTOR, Claim
from rashomon.extract.pipeline import STAGES, Parsed, extract_document, parse

__all__ = ["EXTRACTOR", "STAGES", "Claim", "Parsed", "extract_document", "parse"]
