"""Phase 3 of alignment: claims the rules could not place join the event they describe.

An event claim ("the massacre of 13 December", a document's title "September Days", an
infobox's caption) that no sentence or time mention linked to a count of harm would otherwise
stay an event of its own; so would a count of harm that names no place ("169 people were
killed", rule 2 needs a place).  When their time (and place) fit, they join:

* an event of their own document: places nested (or the claim names none), periods within the
  alignment tolerance (or the claim is undated).  An event claim, where several fit, joins the
  one holding most of the document's claims (a title names what the document is about); a
  count of harm joins only when one fits (two fit: it bridges neither);
* else an event claim that is precisely dated and placed joins the one event of any document
  that fits it.

Trials ("legal") are events of their own and never join this way; nor do troop strengths, which
are figures (rule 2 of ``cluster`` keeps them apart).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rashomon.align.items import Item
from rashomon.align.periods import TOLERANCE_DAYS, gap, nested
from rashomon.extract.claims import EVENT_TYPES

if TYPE_CHECKING:
    from rashomon.align.cluster import _Event

__all__ = ["MentionAttacher"]

#: Event types whose claims join the event they describe (trials stand apart).
_JOINS = frozenset(EVENT_TYPES) - {"legal"}


def _loose(item: Item) -> bool:
    """A claim phase 3 may place: an event claim (not a trial), or a count of harm with no
    place."""
    if item.kind == "event":
        return item.event_type in _JOINS
    return item.harm and not item.place_ids


class MentionAttacher:
    """Mixed into ``cluster.Aligner``: the attributes and methods below are the aligner's."""

    _events: list[_Event | None]
    _doc_events: dict[str, set[int]]

    def _find(self, cid: int) -> int:
        raise NotImplementedError

    def _merge(self, home: int, other: int) -> int:
        raise NotImplementedError

    def _fitting(self, item: Item) -> tuple[list[int], int | None]:
        raise NotImplementedError

    def _event_first(self, cid: int) -> int:
        event = self._events[cid]
        return event.first if event is not None else 1 << 62

    def _attach(self, items: Sequence[Item], homes: Sequence[int]) -> None:
        """``homes[i]``: the event ``items[i]`` joined in this call (before later merges)."""
        held: Counter[tuple[int, str]] = Counter()
        for item, home in zip(items, homes, strict=True):
            held[(self._find(home), item.doc_id)] += 1
        by_index = {item.index: item for item in items}
        loose: dict[int, None] = {}
        for home in homes:
            root = self._find(home)
            event = self._events[root]
            if event is not None and not (event.harm and event.place_ids):
                loose.setdefault(root, None)
        # Loose events that joined another below; one that another joined goes on with its
        # new members (whichever id the union kept).
        gone: set[int] = set()
        for first in loose:
            if first in gone:
                continue
            root = self._find(first)
            event = self._events[root]
            assert event is not None
            if any(i not in by_index for i in event.members):
                continue  # holds claims of an earlier call
            members = [by_index[i] for i in event.members]
            counts = any(m.kind != "event" for m in members)
            if any(not _loose(m) for m in members) or (counts and event.place_ids):
                continue
            docs = {m.doc_id for m in members}
            if len(docs) != 1:
                continue
            doc = next(iter(docs))
            fits = []
            for cid in sorted(self._doc_events.get(doc, ())):
                other = self._events[cid]
                if cid == root or other is None or not other.harm:
                    continue
                if counts and not other.place_ids:
                    continue
                if event.place_ids and not nested(
                    event.place_ids, event.place_keys, other.place_ids, other.place_keys
                ):
                    continue
                if event.lo is not None and event.hi is not None:
                    o0 = other.t0 if other.t0 is not None else other.lo
                    o1 = other.t1 if other.t1 is not None else other.hi
                    if (
                        o0 is not None
                        and o1 is not None
                        and (gap(event.lo, event.hi, o0, o1) > TOLERANCE_DAYS)
                    ):
                        continue
                fits.append(cid)
            if counts:
                if len(fits) == 1:
                    self._merge(fits[0], root)
                    gone.add(first)
                continue
            if fits:
                home = max(fits, key=lambda c: (held[(c, doc)], -self._event_first(c)))
                self._merge(home, root)
                gone.add(first)
                continue
            dated = [m for m in members if m.precise and m.place_ids]
            if dated:
                fitting, _ = self._fitting(dated[0])
                if len(fitting) == 1 and fitting[0] != root:
                    self._merge(fitting[0], root)
                    gone.add(first)
