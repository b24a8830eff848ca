"""Reconcile: estimates (low/best/high) per event and measure, disputes, inconsistencies."""

from rashomon.reconcile.consistency import find_inconsistencies
from rashomon.reconcile.estimates import DISPUTE_RATIO, estimates, find_disputes, point_value

__all__ = ["DISPUTE_RATIO", "estimates", "find_disputes", "find_inconsistencies", "point_value"]
