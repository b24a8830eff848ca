"""Split claims into partitions that the aligner can process apart with the same result.

The aligner (``rashomon.align.cluster``) only ever looks at another claim's event through
these keys, all read from the claim fields in :class:`rashomon.align.items.Item`:

* rule 1: the same document's sentence (``evidence.start``) or time mention
  (``time.start_char``); an undated claim also looks at every event of its own document;
* rule 2 (precisely dated claims): blocks keyed (country, month) over the claim's period
  widened by ``TOLERANCE_DAYS``; an event registers the months of its whole period, which
  grows as claims join, so the period to consider is the hull of everything that may end up
  in one event;
* phase 2 (vaguely dated claims, processed after every precise one, never merging events):
  the (country, month) blocks of every month of the claim's years, and the (country, year)
  blocks of other vaguely dated claims within one year.

Partitions are the connected components of these keys, computed from the claims alone:

1. *units*: claims linked by document sentence or time mention, or already in one stored
   event (incremental runs), may end up in one event;
2. units whose (country, month) footprints overlap may merge, so they are joined and their
   footprints (countries x hull of their precise periods, widened by the tolerance)
   recomputed until no two overlap; units without any place never fit another event (rule 2
   needs places on both sides) and are left alone;
3. vaguely dated claims join every unit their (country, month-of-year) keys touch and every
   vague claim within a year in a shared country; undated claims join their whole document;
4. phase 3 (``rashomon.align.attach``): event claims and counts of harm without a place join
   their whole document, and precisely dated, placed event claims every unit their (country,
   month) keys touch.

Two claims in different partitions can never be compared, so aligning each partition on its
own (in claim order) gives exactly the events of aligning everything at once: the tests check
this on the corpus and on random claims shaped to hit every rule.  The largest partition
bounds the parallelism: a conflict covered every month for years is one partition.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rashomon.align.cluster import TOLERANCE_DAYS
from rashomon.align.items import Item

__all__ = ["pack", "partition"]

_NO_COUNTRY = "?"
_TOLERANCE = dt.timedelta(days=TOLERANCE_DAYS)


class _Sets:
    """Union-find with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _countries(item: Item) -> Iterable[str]:
    return item.countries or (_NO_COUNTRY,)


#: (first, last, owner, asks): an interval of block keys an owner's events are filed under,
#: and whether the owner also looks events up there.
_Span = tuple[int, int, int, bool]
#: A block (country, month or year) can only bring two events together when their places
#: nest, which needs a place key in common: spans are kept per (country, place key).
_Space = tuple[str, str]


def _join(spans: dict[_Space, list[_Span]], sets: _Sets) -> bool:
    """Join owners that can meet: intervals that look up join every interval they overlap;
    intervals that only register never meet each other."""
    changed = False
    for entries in spans.values():
        chains: list[list[int]] = []  # disjoint [first, last, owner], sorted by both ends
        for lo, hi, who, _ in sorted(e for e in entries if e[3]):
            if chains and lo <= chains[-1][1]:
                changed |= sets.union(chains[-1][2], who)
                chains[-1][1] = max(chains[-1][1], hi)
            else:
                chains.append([lo, hi, who])
        starts = [c[0] for c in chains]
        for lo, hi, who, asks in entries:
            k = bisect.bisect_right(starts, hi) - 1
            while not asks and k >= 0 and chains[k][1] >= lo:
                changed |= sets.union(chains[k][2], who)
                k -= 1
    return changed


def _link_units(items: Sequence[Item], known: Mapping[str, str], sets: _Sets) -> None:
    first: dict[tuple[str, str, int | str], int] = {}
    for pos, item in enumerate(items):
        keys: list[tuple[str, str, int | str]] = [("s", item.doc_id, item.sentence)]
        if item.time_mention is not None:
            keys.append(("m", item.doc_id, item.time_mention))
        event = known.get(item.claim_id)
        if event is not None:
            keys.append(("e", event, 0))
        for key in keys:
            sets.union(first.setdefault(key, pos), pos)


def _unit_spans(
    items: Sequence[Item], sets: _Sets, *, asks: bool = True
) -> tuple[dict[_Space, list[_Span]], dict[int, set[str]]]:
    """Each unit's month interval (the hull of its precise periods widened by the tolerance)
    under every country an event of the unit can be filed under (each precise claim's own
    or "?", and the union of all its claims' or "?" if that is empty) and every place key
    of its claims; with ``asks``, also where its precise claims with places look events up.
    Returns the spans and each unit's place keys."""
    hull: dict[int, list[dt.date]] = {}
    countries: dict[int, set[str]] = defaultdict(set)
    keys: dict[int, set[str]] = defaultdict(set)
    lookups: dict[int, set[_Space]] = defaultdict(set)
    for pos, item in enumerate(items):
        root = sets.find(pos)
        countries[root].update(item.countries)
        keys[root].update(item.place_keys)
        if item.precise and item.t0 is not None and item.t1 is not None:
            own = item.countries or {_NO_COUNTRY}
            countries[root].update(own)
            if asks:
                lookups[root].update((c, k) for c in own for k in item.place_keys)
            span = hull.get(root)
            if span is None:
                hull[root] = [item.t0, item.t1]
            else:
                span[0], span[1] = min(span[0], item.t0), max(span[1], item.t1)
    spans: dict[_Space, list[_Span]] = defaultdict(list)
    for root, (t0, t1) in hull.items():
        lo, hi = _month(t0 - _TOLERANCE), _month(t1 + _TOLERANCE)
        for country in countries[root] or {_NO_COUNTRY}:
            for key in keys[root]:
                spans[(country, key)].append((lo, hi, root, False))
        for space in lookups[root]:
            spans[space].append((lo, hi, root, True))
    return spans, keys


def partition(items: Sequence[Item], known: Mapping[str, str] | None = None) -> list[list[int]]:
    """Partitions of ``items`` as lists of positions (each in order, ordered by their first);
    ``known`` maps the claim ids already in a stored event to that event (incremental)."""
    sets = _Sets(len(items))
    _link_units(items, known or {}, sets)

    # Units whose blocks meet may merge into one event: join them, widen, repeat.
    while _join(_unit_spans(items, sets)[0], sets):
        pass

    # Vaguely dated claims come next, without merging events: they look up the (country,
    # month) blocks of their whole years and the (country, year) blocks of other vague
    # claims within a year, and add their places to the event they join: repeat as well.
    vague = [
        (pos, item)
        for pos, item in enumerate(items)
        if item.t0 is not None and item.t1 is not None and not item.precise
    ]
    while True:
        by_month, keys = _unit_spans(items, sets, asks=False)
        by_year: dict[_Space, list[_Span]] = defaultdict(list)
        for pos, item in vague:
            assert item.t0 is not None and item.t1 is not None
            y0, y1 = item.t0.year, item.t1.year
            for country in _countries(item):
                for key in keys[sets.find(pos)]:
                    by_year[(country, key)].append((y0, y1, pos, False))
                for key in item.place_keys:
                    by_month[(country, key)].append((y0 * 12, y1 * 12 + 11, pos, True))
                    by_year[(country, key)].append((y0 - 1, y1 + 1, pos, True))
        if not (_join(by_month, sets) | _join(by_year, sets)):
            break
    # Phase 3 (``rashomon.align.attach``): an event claim, precisely dated and placed, may
    # join the one event of any document it fits, whatever joined that event in phase 2.
    asking = [
        (pos, item)
        for pos, item in enumerate(items)
        if item.kind == "event" and item.precise and item.place_ids
    ]
    while asking:
        by_month, _ = _unit_spans(items, sets, asks=False)
        for pos, item in asking:
            assert item.t0 is not None and item.t1 is not None
            lo, hi = _month(item.t0 - _TOLERANCE), _month(item.t1 + _TOLERANCE)
            for country in _countries(item):
                for key in item.place_keys:
                    by_month[(country, key)].append((lo, hi, pos, True))
        if not _join(by_month, sets):
            break
    # An undated claim with places may join any event of its own document; so may an event
    # claim or a count of harm without a place (phase 3).
    open_docs = {
        i.doc_id
        for i in items
        if ((i.t0 is None or i.t1 is None) and i.place_ids)
        or i.kind == "event"
        or (i.harm and not i.place_ids)
    }
    doc_first: dict[str, int] = {}
    for pos, item in enumerate(items):
        if item.doc_id in open_docs:
            sets.union(doc_first.setdefault(item.doc_id, pos), pos)

    groups: dict[int, list[int]] = defaultdict(list)
    for pos in range(len(items)):
        groups[sets.find(pos)].append(pos)
    return sorted(groups.values(), key=lambda g: g[0])


def pack(sizes: Sequence[int], bags: int) -> list[list[int]]:
    """Indices of ``sizes`` packed into at most ``bags`` bags of similar total, largest first
    (partitions are independent, so any bag of them aligns like each one apart)."""
    if not sizes:
        return []
    bags = max(1, min(bags, len(sizes)))
    out: list[list[int]] = [[] for _ in range(bags)]
    load = [(0, b) for b in range(bags)]
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        total, bag = heapq.heappop(load)
        out[bag].append(index)
        heapq.heappush(load, (total + sizes[index], bag))
    return [sorted(b) for b in out if b]
