"""The aligner as it was before it was made near-linear (commit 5115cff), kept as the oracle
that the regression tests compare today's aligner with: the grouping must not change.

It is quadratic to cubic on dense collections (union-find without path compression, dead ids
left in the block lists), so tests run it on small inputs only.  Do not "fix" it: its value is
that it is the old behaviour, verbatim apart from this header, its imports, and two fixes:
countries are visited in sorted order, not in a set's order, which changed the grouping from
one run to the next (``_candidates``, ``_vague_fit``); an event's span is that of its members
with a start and an end everywhere (``_vague_fit`` also counted starts without an end).

Rules added since, written here the plain way: a claim whose sentence links it to one event
and whose time mention links it to another merges the two (``_linked``); an undated claim joins
an event of its own document only at the same scale, a whole country's or below
(``_vague_fit``); and (``_attach``, phase 3 of ``rashomon.align.attach``) figure-less event
claims, and counts of harm without a place, left on their own join the event of their document (or an event claim the one event of any
document) that their place and time fit.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any


#: An interval longer than this is "coarse" (a season, a year): too vague to found an event
#: on, so coarse claims join events found by precise ones instead of bridging them.
PRECISE_DAYS = 62


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    claim_id: str
    doc_id: str
    kind: str
    measure: str | None
    event_type: str | None
    t0: dt.date | None
    t1: dt.date | None
    #: Offset of the time mention the claim's time came from (same mention = same narrative).
    time_mention: int | None
    #: The place ids named and every place that contains them ("cc:XX" for countries).
    place_ids: frozenset[str]
    place_keys: frozenset[str]
    countries: frozenset[str]
    sentence: int
    start: int

    @property
    def precise(self) -> bool:
        return (
            self.t0 is not None
            and self.t1 is not None
            and ((self.t1 - self.t0).days <= PRECISE_DAYS)
        )

    @property
    def harm(self) -> bool:
        """A count of harm: what founds and anchors an event (troop strengths and
        figure-less event claims only join events that harm counts found)."""
        return self.kind == "figure" and self.measure != "combatants"


def _date(text: Any, end: bool) -> dt.date | None:
    if not isinstance(text, str) or len(text) < 4:
        return None
    try:
        if len(text) == 4:
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@cache
def _place_keys(place_id: str) -> tuple[str, ...]:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    place = gaz.by_id.get(place_id)
    if place is None:
        return (place_id,)
    keys = [place_id, *gaz.ancestors(place)]
    if place.country:
        keys.append(f"cc:{place.country}")
    return tuple(dict.fromkeys(keys))


def to_item(index: int, claim: Mapping[str, Any]) -> Item:
    time = claim.get("time") or {}
    ids: list[str] = []
    keys: list[str] = []
    countries: list[str] = []
    for place in claim.get("places") or []:
        pid = place.get("id") or f"name:{str(place.get('name', '')).casefold()}"
        ids.append(pid)
        place_keys = _place_keys(pid) if place.get("id") else (pid,)
        keys.extend(place_keys)
        countries.extend(k for k in place_keys if k.startswith("cc:"))
        if place.get("country"):
            countries.append(f"cc:{place['country']}")
    evidence = claim.get("evidence") or {}
    value = claim.get("value") or claim.get("trigger") or {}
    return Item(
        index=index,
        claim_id=str(claim["id"]),
        doc_id=str((claim.get("doc") or {}).get("id", "")),
        kind=str(claim.get("kind", "figure")),
        measure=claim.get("measure"),
        event_type=claim.get("event_type"),
        t0=_date(time.get("start"), end=False),
        t1=_date(time.get("end") or time.get("start"), end=True),
        time_mention=time.get("start_char"),
        place_ids=frozenset(ids),
        place_keys=frozenset(keys),
        countries=frozenset(countries),
        sentence=int(evidence.get("start", -1)),
        start=int(value.get("start", evidence.get("start", 0))),
    )


TOLERANCE_DAYS = 14
_NO_COUNTRY = "?"


def _national(place_ids: Iterable[str]) -> bool:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    ids = list(place_ids)
    return bool(ids) and all(
        (p := gaz.by_id.get(i)) is not None and p.kind == "country" for i in ids
    )


@dataclass(slots=True)
class Cluster:
    cid: int
    members: list[int] = field(default_factory=list)
    t0: dt.date | None = None
    t1: dt.date | None = None
    place_ids: set[str] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    harm: bool = False
    merged_into: int | None = None


def _months(t0: dt.date, t1: dt.date) -> Iterable[str]:
    lo = t0 - dt.timedelta(days=TOLERANCE_DAYS)
    hi = t1 + dt.timedelta(days=TOLERANCE_DAYS)
    y, m = lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        yield f"{y:04d}-{m:02d}"
        m += 1
        if m == 13:
            y, m = y + 1, 1


def _gap(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> int:
    return (max(a0, b0) - min(a1, b1)).days


def _nested(
    ids: Iterable[str],
    keys: set[str] | frozenset[str],
    other_ids: Iterable[str],
    other_keys: set[str] | frozenset[str],
) -> bool:
    return any(i in other_keys for i in ids) or any(i in keys for i in other_ids)


class Aligner:
    """Clusters items; ``add`` may be called again with more items (incremental use)."""

    def __init__(self) -> None:
        #: Items by their ``index`` (the caller's claim position), which cluster members name.
        self.items: dict[int, Item] = {}
        self.clusters: list[Cluster] = []
        self.of_item: dict[int, int] = {}
        self.blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_sentence: dict[tuple[str, int], int] = {}
        self.by_mention: dict[tuple[str, int], int] = {}
        #: The events each document contributes to (for undated claims of that document).
        self.doc_clusters: dict[str, set[int]] = defaultdict(set)
        #: Events founded by vaguely dated claims only, by (country, year).
        self.vague_blocks: dict[tuple[str, int], list[int]] = defaultdict(list)

    # -- bookkeeping ------------------------------------------------------------------------

    def _root(self, cid: int) -> int:
        while self.clusters[cid].merged_into is not None:
            cid = self.clusters[cid].merged_into  # type: ignore[assignment]
        return cid

    def _new(self) -> Cluster:
        cluster = Cluster(len(self.clusters))
        self.clusters.append(cluster)
        return cluster

    def _join(self, cluster: Cluster, item: Item) -> None:
        cluster.members.append(item.index)
        self.of_item[item.index] = cluster.cid
        cluster.docs.add(item.doc_id)
        self.doc_clusters[item.doc_id].add(cluster.cid)
        cluster.harm = cluster.harm or item.harm
        if item.precise and item.t0 and item.t1:
            cluster.t0 = min(cluster.t0, item.t0) if cluster.t0 else item.t0
            cluster.t1 = max(cluster.t1, item.t1) if cluster.t1 else item.t1
            for country in item.countries or {_NO_COUNTRY}:
                for month in _months(item.t0, item.t1):
                    key = (country, month)
                    if not self.blocks[key] or self.blocks[key][-1] != cluster.cid:
                        self.blocks[key].append(cluster.cid)
        elif item.t0 is not None and item.t1 is not None and item.harm:
            for country in item.countries or {_NO_COUNTRY}:
                for year in range(item.t0.year, item.t1.year + 1):
                    self.vague_blocks[(country, year)].append(cluster.cid)
        cluster.place_ids |= item.place_ids
        cluster.place_keys |= item.place_keys
        cluster.countries |= item.countries
        self.by_sentence.setdefault((item.doc_id, item.sentence), cluster.cid)
        if item.time_mention is not None:
            self.by_mention.setdefault((item.doc_id, item.time_mention), cluster.cid)

    def _merge(self, keep: Cluster, other: Cluster) -> None:
        if keep.cid == other.cid:
            return
        other.merged_into = keep.cid
        for index in other.members:
            self.of_item[index] = keep.cid
        keep.members.extend(other.members)
        other.members = []
        if other.t0 and other.t1:
            keep.t0 = min(keep.t0, other.t0) if keep.t0 else other.t0
            keep.t1 = max(keep.t1, other.t1) if keep.t1 else other.t1
            for country in other.countries or {_NO_COUNTRY}:
                for month in _months(other.t0, other.t1):
                    self.blocks[(country, month)].append(keep.cid)
        keep.place_ids |= other.place_ids
        keep.place_keys |= other.place_keys
        keep.countries |= other.countries
        keep.docs |= other.docs
        keep.harm = keep.harm or other.harm

    def restore(self, groups: Iterable[Sequence[Item]]) -> None:
        """Rebuild events already found (incremental use): members join without comparisons,
        so later ``add`` calls compare new claims with them through the same index."""
        for members in groups:
            cluster = self._new()
            for item in members:
                self.items[item.index] = item
                self._join(cluster, item)

    # -- rules -------------------------------------------------------------------------------

    def _linked(self, item: Item) -> Cluster | None:
        """Rule 1: the same document's sentence or time mention."""
        cid = self.by_sentence.get((item.doc_id, item.sentence))
        other = None
        if item.time_mention is not None:
            other = self.by_mention.get((item.doc_id, item.time_mention))
        if cid is None:
            cid, other = other, None
        if cid is None:
            return None
        home = self.clusters[self._root(cid)]
        if other is not None and self._root(other) != home.cid:
            self._merge(home, self.clusters[self._root(other)])
        return home

    def _fits(self, item: Item, cluster: Cluster) -> bool:
        """Rule 2, for a precisely dated harm claim against an event of another episode."""
        if not item.harm or not cluster.harm or not item.place_ids or not cluster.place_ids:
            return False
        if cluster.t0 is None or cluster.t1 is None or item.t0 is None or item.t1 is None:
            return False
        if _gap(item.t0, item.t1, cluster.t0, cluster.t1) > TOLERANCE_DAYS:
            return False
        return _nested(item.place_ids, item.place_keys, cluster.place_ids, cluster.place_keys)

    def _candidates(self, item: Item) -> list[Cluster]:
        assert item.t0 is not None and item.t1 is not None
        seen: dict[int, Cluster] = {}
        for country in sorted(item.countries or {_NO_COUNTRY}):
            for month in _months(item.t0, item.t1):
                for cid in self.blocks.get((country, month), ()):
                    root = self._root(cid)
                    if root not in seen:
                        seen[root] = self.clusters[root]
        return list(seen.values())

    # -- phases ------------------------------------------------------------------------------

    def add(self, new_items: Sequence[Item]) -> None:
        self.items.update((i.index, i) for i in new_items)
        precise = [i for i in new_items if i.precise]
        # Counts of harm first: an event claim or a troop strength must not found an event
        # that keeps the harm counts of its sentence from joining the event they fit.
        vague = sorted((i for i in new_items if not i.precise), key=lambda i: not i.harm)
        for item in precise:
            home = self._linked(item)
            fitting = [c for c in self._candidates(item) if self._fits(item, c)]
            if home is None and fitting:
                home = fitting[0]
            if home is None:
                home = self._new()
            for other in fitting:
                if self._root(other.cid) != self._root(home.cid) and self._fits(item, other):
                    self._merge(home, self.clusters[self._root(other.cid)])
            self._join(home, item)
        for item in vague:
            home = self._linked(item) or self._unique_fit(item) or self._vague_fit(item)
            self._join(home or self._new(), item)
        self._attach([*precise, *vague])

    def _span(self, cluster: Cluster) -> tuple[dt.date | None, dt.date | None]:
        dated = [self.items[i] for i in cluster.members if self.items[i].t0 and self.items[i].t1]
        if not dated:
            return None, None
        return min(i.t0 for i in dated), max(i.t1 for i in dated)

    def _attach(self, ordered: Sequence[Item]) -> None:
        from rashomon.extract.claims import EVENT_TYPES

        joins = set(EVENT_TYPES) - {"legal"}
        new = {i.index for i in ordered}
        held: dict[tuple[int, str], int] = defaultdict(int)
        for item in ordered:
            held[(self._root(self.of_item[item.index]), item.doc_id)] += 1
        loose: list[int] = []
        for item in ordered:
            root = self._root(self.of_item[item.index])
            c = self.clusters[root]
            if not (c.harm and c.place_ids) and root not in loose:
                loose.append(root)
        for root in loose:
            cluster = self.clusters[root]
            if cluster.merged_into is not None:
                continue
            members = [self.items[i] for i in cluster.members]
            if any(m.index not in new for m in members):
                continue

            def placeable(m):
                if m.kind == "event":
                    return m.event_type in joins
                return m.harm and not m.place_ids

            counts = any(m.kind != "event" for m in members)
            if not all(placeable(m) for m in members) or (counts and cluster.place_ids):
                continue
            if len({m.doc_id for m in members}) != 1:
                continue
            doc = members[0].doc_id
            lo, hi = self._span(cluster)
            fits = []
            for cid in {self._root(c) for c in self.doc_clusters.get(doc, ())}:
                other = self.clusters[cid]
                if cid == root or not other.harm:
                    continue
                if counts and not other.place_ids:
                    continue
                if cluster.place_ids and not _nested(
                    cluster.place_ids, cluster.place_keys, other.place_ids, other.place_keys
                ):
                    continue
                if lo is not None:
                    o0, o1 = (other.t0, other.t1) if other.t0 else self._span(other)
                    if o0 is not None and _gap(lo, hi, o0, o1) > TOLERANCE_DAYS:
                        continue
                fits.append(cid)
            if counts:
                if len(fits) == 1:
                    self._merge(self.clusters[fits[0]], cluster)
                continue
            if fits:
                home = max(fits, key=lambda c: (held[(c, doc)], -min(self.clusters[c].members)))
                self._merge(self.clusters[home], cluster)
                continue
            dated = [m for m in members if m.precise and m.place_ids]
            if dated:
                item = dated[0]
                found = [
                    c
                    for c in self._candidates(item)
                    if c.harm
                    and c.place_ids
                    and c.t0 is not None
                    and _gap(item.t0, item.t1, c.t0, c.t1) <= TOLERANCE_DAYS
                    and _nested(item.place_ids, item.place_keys, c.place_ids, c.place_keys)
                ]
                if len(found) == 1 and found[0].cid != root:
                    self._merge(found[0], cluster)

    def _unique_fit(self, item: Item) -> Cluster | None:
        """Phase 2 for a vaguely dated claim: the one event of another document that fits."""
        if item.t0 is None or item.t1 is None or not item.harm or not item.place_ids:
            return None
        found: dict[int, Cluster] = {}
        for country in item.countries or {_NO_COUNTRY}:
            year = item.t0.year
            while year <= item.t1.year:
                for month in range(1, 13):
                    for cid in self.blocks.get((country, f"{year:04d}-{month:02d}"), ()):
                        root = self._root(cid)
                        cluster = self.clusters[root]
                        if root in found or item.doc_id in cluster.docs or not cluster.harm:
                            continue
                        overlaps = (
                            cluster.t0 is not None
                            and cluster.t1 is not None
                            and _gap(item.t0, item.t1, cluster.t0, cluster.t1) <= 0
                        )
                        if overlaps and _nested(
                            item.place_ids, item.place_keys, cluster.place_ids, cluster.place_keys
                        ):
                            found[root] = cluster
                year += 1
        return next(iter(found.values())) if len(found) == 1 else None

    def _vague_fit(self, item: Item) -> Cluster | None:
        """A vaguely dated claim joins an event of other vaguely dated claims (never one with
        precise dates: see the module docstring) when places nest and periods touch; an
        undated claim joins the one event of its own document that its places fit."""
        if not item.harm or not item.place_ids:
            return None
        if item.t0 is None or item.t1 is None:
            own = {self._root(cid) for cid in self.doc_clusters.get(item.doc_id, ())}
            fits = [
                self.clusters[c]
                for c in own
                if self.clusters[c].harm
                and _national(self.clusters[c].place_ids) == _national(item.place_ids)
                and _nested(
                    item.place_ids,
                    item.place_keys,
                    self.clusters[c].place_ids,
                    self.clusters[c].place_keys,
                )
            ]
            return fits[0] if len(fits) == 1 else None
        for country in sorted(item.countries or {_NO_COUNTRY}):
            # Neighbouring years too: "1932-33" and "1934" touch.
            for year in range(item.t0.year - 1, item.t1.year + 2):
                for cid in self.vague_blocks.get((country, year), ()):
                    cluster = self.clusters[self._root(cid)]
                    if cluster.t0 is not None or not cluster.harm:
                        continue  # has precise dates, or is not about harm
                    lo, hi = self._span(cluster)
                    if _gap(item.t0, item.t1, lo, hi) <= 1 and _nested(
                        item.place_ids, item.place_keys, cluster.place_ids, cluster.place_keys
                    ):
                        return cluster
        return None

    def groups(self) -> list[list[int]]:
        return [c.members for c in self.clusters if c.merged_into is None and c.members]
