"""Align: group claims from many documents and languages into real-world events."""

from rashomon.align.cluster import TOLERANCE_DAYS, Aligner
from rashomon.align.events import build_events, event_id, make_event
from rashomon.align.items import Item, to_item
from rashomon.align.update import Aligned, AlignSummary, Stored, align_claims, update_events

__all__ = [
    "TOLERANCE_DAYS",
    "AlignSummary",
    "Aligned",
    "Aligner",
    "Item",
    "Stored",
    "align_claims",
    "build_events",
    "event_id",
    "make_event",
    "to_item",
    "update_events",
]
