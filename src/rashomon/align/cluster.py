"""Group claims into real-world events with blocking, so cost grows near-linearly.

Two claims belong together when (in order of strength):

1. they come from one document and share a sentence or the time mention that dates them (the
   author is telling one episode); a claim whose sentence is one event's and whose time
   mention another's merges the two;
2. otherwise both are dated precisely (62 days or less), their periods overlap or lie within
   ``TOLERANCE_DAYS`` of each other, and their places are the same or nested (Baku inside
   the Baku Governorate, Srebrenica inside Bosnia).  Troop strengths never join another
   document's event this way: an army's size is not a count of the event's harm.

Precisely dated claims found events first (phase 1).  Vaguely dated or undated claims then join
an event only through rule 1, or when exactly one event of another document fits their place
and period (phase 2): a claim dated only "1918" in Baku matches both Baku events of that year
and so stays on its own rather than bridging them.  An undated claim joins the one event of its
own document that its places fit, at the same scale: a count in a town never joins a toll of
whole countries (a war's national toll beside one air strike in one suburb), nor the reverse.

Blocking: a claim is compared only with events filed under the same (country, month) keys; one
document's links go through dictionaries keyed by sentence and time mention.  An event is filed
under the keys of its precisely dated claims and, when it absorbs another event, under the
other's whole period and countries too.

Cost: events are a union-find forest with path halving and union by size (the smaller event's
members, documents and keys move into the larger), and every index holds live events only: a
key's entry moves to the surviving event when two merge, so no lookup walks dead ids.  An index
entry remembers when its key first saw the event (a sequence number): where several events fit a
claim, the first found is the one the others join, exactly as if each key kept a list of every
event ever filed there.  Events that cannot be fitted (no count of harm, or no place) are kept
in a separate index that lookups skip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet

from rashomon.align.attach import MentionAttacher
from rashomon.align.items import Item, national
from rashomon.align.periods import (
    NO_COUNTRIES,
    TOLERANCE_DAYS,
    gap,
    gc_paused,
    grow,
    in_order,
    month_range,
    move_filing,
    nested,
)
from rashomon.progress import EVERY, Progress

__all__ = ["TOLERANCE_DAYS", "Aligner", "gc_paused"]

#: Key layout: a country's number times these, plus a month index (year * 12 + month - 1) or a
#: year, so a key is one small int instead of a tuple of a string and a date string.
_MONTH_SPAN = 1 << 17
_YEAR_SPAN = 1 << 14


class _Event:
    """A live event (a union-find root)."""

    __slots__ = (
        "countries",
        "docs",
        "first",
        "harm",
        "hi",
        "keys",
        "lo",
        "members",
        "place_ids",
        "place_keys",
        "t0",
        "t1",
        "vague_keys",
    )

    def __init__(self) -> None:
        self.members: list[int] = []
        #: The smallest member index: which of two events came first, whoever survived merges.
        self.first = 1 << 62
        #: Period of the precisely dated members (None: there are none).
        self.t0: dt.date | None = None
        self.t1: dt.date | None = None
        #: Earliest start and latest end of the members that have dates at all.
        self.lo: dt.date | None = None
        self.hi: dt.date | None = None
        self.place_ids: AbstractSet[str] = frozenset()
        self.place_keys: AbstractSet[str] = frozenset()
        self.countries: AbstractSet[str] = frozenset()
        self.docs: set[str] = set()
        self.harm = False
        #: Block keys this event is filed under, and its keys in the vaguely dated index.
        self.keys: list[int] = []
        self.vague_keys: list[int] = []

    @property
    def fittable(self) -> bool:
        """Only such an event can take another document's claim by rule 2."""
        return self.harm and bool(self.place_ids)


class Aligner(MentionAttacher):
    """Clusters items; ``add`` may be called again with more items (incremental use)."""

    def __init__(self) -> None:
        self._parent: list[int] = []
        #: Live events by root id; a merged-away id maps to None.
        self._events: list[_Event | None] = []
        self._country_no: dict[str, int] = {}
        #: Block key -> {event: sequence number of its first filing}, for fittable events;
        #: ``_dormant`` holds the others until they become fittable.
        self._blocks: dict[int, dict[int, int]] = {}
        self._dormant: dict[int, dict[int, int]] = {}
        self._seq = 0
        #: (country, year) -> {event founded by vaguely dated claims only: sequence number of
        #: its first filing}.
        self._vague: dict[int, dict[int, int]] = {}
        #: Per document: sentence (even keys) and time mention (odd keys) -> event.
        self._links: dict[str, dict[int, int]] = {}
        #: The events each document contributes to (for undated claims of that document).
        self._doc_events: dict[str, set[int]] = {}
        #: Events holding a count of harm, by each place key and by each place id they name:
        #: an undated claim reads the events its places nest with, not all of its document's.
        self._by_key: dict[str, set[int]] = {}
        self._by_id: dict[str, set[int]] = {}

    # -- bookkeeping ------------------------------------------------------------------------

    def _find(self, cid: int) -> int:
        parent = self._parent
        while parent[cid] != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    def _event(self, cid: int) -> _Event:
        event = self._events[cid]
        assert event is not None
        return event

    def _new(self) -> int:
        cid = len(self._parent)
        self._parent.append(cid)
        self._events.append(_Event())
        return cid

    def _country(self, country: str) -> int:
        number = self._country_no.get(country)
        if number is None:
            number = self._country_no[country] = len(self._country_no)
        return number

    def _file(self, cid: int, event: _Event, countries: AbstractSet[str], months: range) -> None:
        """File ``cid`` under every (country, month) key given, keeping earlier filings."""
        index = self._blocks if event.fittable else self._dormant
        for country in countries:
            base = self._country(country) * _MONTH_SPAN
            for month in months:
                key = base + month
                bucket = index.get(key)
                if bucket is None:
                    bucket = index[key] = {}
                elif cid in bucket:
                    continue
                bucket[cid] = self._seq
                self._seq += 1
                event.keys.append(key)

    def _wake(self, cid: int, event: _Event) -> None:
        """The event became fittable: its filings move to the index lookups read."""
        for key in event.keys:
            seq = self._dormant[key].pop(cid)
            bucket = self._dormant[key]
            if not bucket:
                del self._dormant[key]
            self._blocks.setdefault(key, {})[cid] = seq

    def _index(self, cid: int, keys: Iterable[str], ids: Iterable[str]) -> None:
        for key in keys:
            holders = self._by_key.get(key)
            if holders is None:
                self._by_key[key] = {cid}
            else:
                holders.add(cid)
        for pid in ids:
            holders = self._by_id.get(pid)
            if holders is None:
                self._by_id[pid] = {cid}
            else:
                holders.add(cid)

    def _unindex(self, cid: int, keys: Iterable[str], ids: Iterable[str]) -> None:
        for key in keys:
            self._by_key[key].discard(cid)
        for pid in ids:
            self._by_id[pid].discard(cid)

    def _unvague(self, cid: int, event: _Event) -> None:
        """The event now has precise dates: vaguely dated claims no longer join it."""
        for key in event.vague_keys:
            bucket = self._vague[key]
            del bucket[cid]
            if not bucket:
                del self._vague[key]
        event.vague_keys = []

    def _join(self, cid: int, item: Item, precise: bool, harm: bool) -> None:
        """``precise`` and ``harm`` are the item's (computed once per item by the caller)."""
        event = self._events[cid]
        assert event is not None
        event.members.append(item.index)
        if item.index < event.first:
            event.first = item.index
        doc = item.doc_id
        if doc not in event.docs:
            event.docs.add(doc)
            events = self._doc_events.get(doc)
            if events is None:
                self._doc_events[doc] = {cid}
            else:
                events.add(cid)
        was_fittable, was_harm = event.harm and bool(event.place_ids), event.harm
        if harm:
            event.harm = True
        if item.place_ids:
            if was_harm and not (
                item.place_keys <= event.place_keys and item.place_ids <= event.place_ids
            ):
                self._index(cid, item.place_keys, item.place_ids)
            event.place_ids = grow(event.place_ids, item.place_ids)
            event.place_keys = grow(event.place_keys, item.place_keys)
        if event.harm and not was_harm:
            self._index(cid, event.place_keys, event.place_ids)
        if item.countries:
            event.countries = grow(event.countries, item.countries)
        if not was_fittable and event.harm and event.place_ids:
            self._wake(cid, event)
        t0, t1 = item.t0, item.t1
        if t0 is not None and t1 is not None:
            # A start without an end (an unreadable end date) dates nothing: the event's span
            # is that of its members with whole periods.
            if event.lo is None or t0 < event.lo:
                event.lo = t0
            if event.hi is None or t1 > event.hi:
                event.hi = t1
            if precise:
                if event.t0 is None or event.t1 is None:
                    event.t0, event.t1 = t0, t1
                    self._unvague(cid, event)
                else:
                    if t0 < event.t0:
                        event.t0 = t0
                    if t1 > event.t1:
                        event.t1 = t1
                self._file(cid, event, item.countries or NO_COUNTRIES, month_range(t0, t1))
            elif harm and event.t0 is None:
                for country in item.countries or NO_COUNTRIES:
                    base = self._country(country) * _YEAR_SPAN
                    for year in range(t0.year, t1.year + 1):
                        bucket = self._vague.setdefault(base + year, {})
                        if cid not in bucket:
                            bucket[cid] = self._seq
                            self._seq += 1
                            event.vague_keys.append(base + year)
        links = self._links.get(doc)
        if links is None:
            links = self._links[doc] = {}
        links.setdefault(2 * (item.sentence + 1), cid)
        if item.time_mention is not None:
            links.setdefault(2 * item.time_mention + 1, cid)

    def _merge(self, home: int, other: int) -> int:
        """The event ``other`` joins ``home``; returns the surviving root.  The merged event is
        also filed under the other's whole period and countries (kept from the first version
        of this module: later claims of that period find it even between its claims)."""
        h, o = self._event(home), self._event(other)
        # A copy: the other's set may be the one that grows below.  An undated event (an
        # event claim attached by phase 3) adds no period to file under.
        hull = (
            (frozenset(o.countries or NO_COUNTRIES), month_range(o.t0, o.t1))
            if o.t0 is not None and o.t1 is not None
            else None
        )
        big, small = (home, other) if len(h.members) >= len(o.members) else (other, home)
        b, s = (h, o) if big == home else (o, h)
        if b.t0 is not None or s.t0 is not None:
            # The merged event has precise dates: vaguely dated claims no longer join it.
            self._unvague(big, b)
            self._unvague(small, s)
        else:
            # Two vaguely dated events (one sentence links them): the merged one stays where
            # either was filed, with the earlier filing of each key.
            for key in s.vague_keys:
                move_filing(self._vague, self._vague, key, small, big, b.vague_keys)
            s.vague_keys = []
        self._parent[small] = big
        self._events[small] = None
        was_fittable, small_fittable, was_harm = b.fittable, s.fittable, b.harm
        if s.harm:
            self._unindex(small, s.place_keys, s.place_ids)
        b.members.extend(s.members)
        b.first = min(b.first, s.first)
        b.t0 = s.t0 if b.t0 is None else min(b.t0, s.t0) if s.t0 else b.t0
        b.t1 = s.t1 if b.t1 is None else max(b.t1, s.t1) if s.t1 else b.t1
        if s.lo is not None:
            b.lo = s.lo if b.lo is None else min(b.lo, s.lo)
        if s.hi is not None:
            b.hi = s.hi if b.hi is None else max(b.hi, s.hi)
        b.place_ids = grow(b.place_ids, s.place_ids)
        b.place_keys = grow(b.place_keys, s.place_keys)
        b.countries = grow(b.countries, s.countries)
        b.harm = b.harm or s.harm
        if was_harm:
            self._index(big, s.place_keys, s.place_ids)
        elif b.harm:
            self._index(big, b.place_keys, b.place_ids)
        for doc in s.docs:
            events = self._doc_events[doc]
            events.discard(small)
            events.add(big)
        b.docs |= s.docs
        # The smaller event's filings move over, keeping the earlier sequence number per key.
        source = self._blocks if small_fittable else self._dormant
        target = self._blocks if was_fittable else self._dormant
        for key in s.keys:
            move_filing(source, target, key, small, big, b.keys)
        if b.fittable and not was_fittable:
            self._wake(big, b)
        if hull is not None:
            self._file(big, b, *hull)
        return big

    def restore(self, groups: Iterable[Sequence[Item]]) -> None:
        """Rebuild events already found (incremental use): members join without comparisons,
        so later ``add`` calls compare new claims with them through the same index."""
        with gc_paused():
            for members in groups:
                cid = self._new()
                for item in members:
                    self._join(cid, item, item.precise, item.harm)

    # -- rules -------------------------------------------------------------------------------

    def _linked(self, item: Item) -> int | None:
        """Rule 1: the same document's sentence or time mention."""
        links = self._links.get(item.doc_id)
        if links is None:
            return None
        by_sentence = links.get(2 * (item.sentence + 1))
        by_time = links.get(2 * item.time_mention + 1) if item.time_mention is not None else None
        if by_sentence is None:
            return self._find(by_time) if by_time is not None else None
        home = self._find(by_sentence)
        if by_time is not None:
            other = self._find(by_time)
            if other != home:
                # The claim's sentence tells one event's episode and its time mention dates
                # another's: one episode, told in two places of the document.
                home = self._merge(home, other)
        return home

    def _fitting(self, item: Item) -> tuple[list[int], int | None]:
        """Rule 2: the events a precisely dated harm claim fits, and the first one found
        (countries in the item's order, months ascending, then by first filing)."""
        t0, t1 = item.t0, item.t1
        assert t0 is not None and t1 is not None
        ids, keys = item.place_ids, item.place_keys
        events, blocks = self._events, self._blocks
        fitting: list[int] = []
        checked: set[int] = set()
        first: tuple[int, int, int] | None = None
        months = month_range(t0, t1)
        rank = 0
        for country in in_order(item.countries):
            number = self._country_no.get(country)
            if number is None:
                rank += len(months)
                continue
            base = number * _MONTH_SPAN
            for month in months:
                rank += 1
                bucket = blocks.get(base + month)
                if not bucket:
                    continue
                for cid, seq in bucket.items():
                    if cid in checked:
                        continue
                    checked.add(cid)
                    event = events[cid]
                    assert event is not None and event.t0 is not None and event.t1 is not None
                    # The gap between the periods, as _gap computes it.
                    if (max(t0, event.t0) - min(t1, event.t1)).days > TOLERANCE_DAYS:
                        continue
                    if not nested(ids, keys, event.place_ids, event.place_keys):
                        continue
                    fitting.append(cid)
                    if first is None or (rank, seq) < (first[0], first[1]):
                        first = (rank, seq, cid)
        return fitting, first[2] if first is not None else None

    # -- phases ------------------------------------------------------------------------------

    def add(self, new_items: Sequence[Item], progress: Progress | None = None) -> None:
        if not new_items:
            return
        with gc_paused():
            self._add(new_items, progress)

    def _add(self, new_items: Sequence[Item], progress: Progress | None) -> None:
        precise = [i for i in new_items if i.precise]
        # Counts of harm first: an event claim or a troop strength must not found an event
        # that keeps the harm counts of its sentence from joining the event they fit.
        vague = sorted((i for i in new_items if not i.precise), key=lambda i: not i.harm)
        total = len(new_items)
        homes: list[int] = []
        for done, item in enumerate(precise):
            if progress is not None and done % EVERY == 0:
                progress("aligning", done, total)
            home = self._linked(item)
            harm = item.harm
            fitting: list[int] = []
            if harm and item.place_ids:
                fitting, first = self._fitting(item)
                if home is None:
                    home = first
            if home is None:
                home = self._new()
            root = home
            for other in fitting:
                if other != home:
                    root = self._merge(root, other)
            self._join(root, item, True, harm)
            homes.append(root)
        for done, item in enumerate(vague, len(precise)):
            if progress is not None and done % EVERY == 0:
                progress("aligning", done, total)
            home = self._linked(item)
            harm = item.harm
            if home is None and harm and item.place_ids:
                home = self._unique_fit(item)
                if home is None:
                    home = self._vague_fit(item)
            home = self._new() if home is None else home
            self._join(home, item, False, harm)
            homes.append(home)
        self._attach([*precise, *vague], homes)
        if progress is not None:
            progress("aligning", total, total)

    def _unique_fit(self, item: Item) -> int | None:
        """Phase 2 for a vaguely dated claim: the one event of another document that fits."""
        if item.t0 is None or item.t1 is None or not item.harm or not item.place_ids:
            return None
        found: int | None = None
        checked: set[int] = set()
        for country in item.countries or NO_COUNTRIES:
            number = self._country_no.get(country)
            if number is None:
                continue
            base = number * _MONTH_SPAN
            for month in range(item.t0.year * 12, (item.t1.year + 1) * 12):
                for cid in self._blocks.get(base + month, ()):
                    if cid in checked:
                        continue
                    checked.add(cid)
                    event = self._event(cid)
                    if item.doc_id in event.docs:
                        continue
                    assert event.t0 is not None and event.t1 is not None
                    if gap(item.t0, item.t1, event.t0, event.t1) <= 0 and nested(
                        item.place_ids, item.place_keys, event.place_ids, event.place_keys
                    ):
                        if found is not None:
                            return None  # two fit: it bridges neither
                        found = cid
        return found

    def _vague_fit(self, item: Item) -> int | None:
        """A vaguely dated claim joins an event of other vaguely dated claims (never one with
        precise dates: see the module docstring) when places nest and periods touch; an
        undated claim joins the one event of its own document that its places fit."""
        if not item.harm or not item.place_ids:
            return None
        if item.t0 is None or item.t1 is None:
            return self._own_fit(item)
        for country in in_order(item.countries):
            number = self._country_no.get(country)
            if number is None:
                continue
            base = number * _YEAR_SPAN
            # Neighbouring years too: "1932-33" and "1934" touch.
            for year in range(item.t0.year - 1, item.t1.year + 2):
                # Of the events that fit, the one filed first under this key.
                best: tuple[int, int] | None = None
                for cid, seq in self._vague.get(base + year, {}).items():
                    event = self._event(cid)
                    assert event.lo is not None and event.hi is not None
                    if (
                        (best is None or seq < best[0])
                        and gap(item.t0, item.t1, event.lo, event.hi) <= 1
                        and nested(
                            item.place_ids, item.place_keys, event.place_ids, event.place_keys
                        )
                    ):
                        best = (seq, cid)
                if best is not None:
                    return best[1]
        return None

    def _own_fit(self, item: Item) -> int | None:
        """The one event of the claim's own document that holds a count of harm and whose
        places nest with the claim's at its scale (both whole countries, or both below).
        Read from the document's events or from the events of the claim's places, whichever
        is fewer (one long document has thousands of events)."""
        own = self._doc_events.get(item.doc_id, set())
        holders = [h for h in map(self._by_key.get, item.place_ids) if h] + [
            h for h in map(self._by_id.get, item.place_keys) if h
        ]
        scale = national(item.place_ids)
        found: int | None = None
        if len(own) <= sum(len(h) for h in holders):
            for cid in own:
                event = self._event(cid)
                if (
                    event.harm
                    and nested(item.place_ids, item.place_keys, event.place_ids, event.place_keys)
                    and national(event.place_ids) == scale
                ):
                    if found is not None:
                        return None
                    found = cid
            return found
        for held in holders:
            for cid in held:
                # Held means harm and nested places; the document and scale are left to check.
                if cid != found and cid in own and national(self._event(cid).place_ids) == scale:
                    if found is not None:
                        return None
                    found = cid
        return found

    def groups(self) -> list[list[int]]:
        """The events' members (item indexes), each sorted, ordered by their first member."""
        found = [sorted(e.members) for e in self._events if e is not None and e.members]
        found.sort(key=lambda members: members[0])
        return found
