"""Periods, places and block filings as the aligner (``cluster``) compares and files them."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from functools import lru_cache

__all__ = [
    "NO_COUNTRIES",
    "TOLERANCE_DAYS",
    "gap",
    "gc_paused",
    "grow",
    "in_order",
    "month_range",
    "move_filing",
    "nested",
]

TOLERANCE_DAYS = 14
_NO_COUNTRY = "?"
NO_COUNTRIES = frozenset({_NO_COUNTRY})
_TOLERANCE = dt.timedelta(days=TOLERANCE_DAYS)


@lru_cache(maxsize=1 << 14)
def month_range(t0: dt.date, t1: dt.date) -> range:
    """Month indexes of [t0, t1] widened by the tolerance (cached: claims share periods)."""
    try:
        lo = t0 - _TOLERANCE
    except OverflowError:
        lo = dt.date.min
    try:
        hi = t1 + _TOLERANCE
    except OverflowError:
        hi = dt.date.max
    return range(lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month)


def in_order(countries: AbstractSet[str]) -> Iterable[str]:
    """A claim's countries in a fixed order.  Where several events fit, the first one found
    is the one the others join, so the order must not be a set's (it changes with Python's
    string hashing from one run to the next)."""
    if not countries:
        return NO_COUNTRIES
    return sorted(countries) if len(countries) > 1 else countries


def gap(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> int:
    return (max(a0, b0) - min(a1, b1)).days


def nested(
    ids: Iterable[str],
    keys: AbstractSet[str],
    other_ids: Iterable[str],
    other_keys: AbstractSet[str],
) -> bool:
    return any(i in other_keys for i in ids) or any(i in keys for i in other_ids)


def grow(mine: AbstractSet[str], more: AbstractSet[str]) -> AbstractSet[str]:
    """``mine | more``; a set shared with an item (a frozenset) is copied only when it grows,
    so a one-claim event costs no set of its own."""
    if mine is more or more <= mine:
        return mine
    if isinstance(mine, set):
        mine |= more
        return mine
    return set(mine) | more


def move_filing(
    source: dict[int, dict[int, int]],
    target: dict[int, dict[int, int]],
    key: int,
    small: int,
    big: int,
    big_keys: list[int],
) -> None:
    """``small``'s filing under ``key`` becomes ``big``'s, keeping the earlier sequence
    number of the two (``big_keys``: the keys ``big`` is filed under)."""
    bucket = source[key]
    seq = bucket.pop(small)
    if not bucket:
        del source[key]
    into = target.get(key)
    if into is None:
        into = target[key] = {}
    mine = into.get(big)
    if mine is None:
        into[big] = seq
        big_keys.append(key)
    elif seq < mine:
        into[big] = seq


@contextmanager
def gc_paused() -> Iterator[None]:
    """Alignment allocates millions of small objects and creates no reference cycles; the
    cyclic collector would walk every claim and index again and again (a third of the run
    time on a large collection), so it waits until the step is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
