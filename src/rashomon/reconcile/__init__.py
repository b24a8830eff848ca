"""Reconcile: estimates (low/best/high) per event, measure and victim group; disputes;
inconsistencies."""

from rashomon.reconcile.consistency import find_inconsistencies
from rashomon.reconcile.disputes import find_disputes
from rashomon.reconcile.estimates import (
    DISPUTE_RATIO,
    Quantity,
    estimates,
    point_value,
    quantities,
    source_keys,
)

__all__ = [
    "DISPUTE_RATIO",
    "Quantity",
    "estimates",
    "find_disputes",
    "find_inconsistencies",
    "point_value",
    "quantities",
    "source_keys",
]
