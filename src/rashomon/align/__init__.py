"""Align: group claims from many documents and languages into real-world events."""

from rashomon.align.cluster import TOLERANCE_DAYS, Aligner
from rashomon.align.events import build_events, event_id, make_event
from rashomon.align.items import Item, to_item
from rashomon.align.update import AlignSummary, update_events

__all__ = [
    "TOLERANCE_DAYS",
    "AlignSummary",
    "Aligner",
    "Item",
    "build_events",
    "event_id",
    "make_event",
    "to_item",
    "update_events",
]
