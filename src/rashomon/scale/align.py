"""Alignment split into independent partitions (see ``partition``), run by any ``map``.

``align_split`` has the signature of ``rashomon.align.update.align_claims``, so
``update_events(store, align=...)`` stores exactly what the single-machine aligner would; only
where the partitions are aligned changes (in this process, or as Ray tasks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.align.items import to_item
from rashomon.align.update import Aligned, Stored, align_claims
from rashomon.progress import Progress
from rashomon.reconcile.estimates import DISPUTE_RATIO
from rashomon.scale.partition import pack, partition

__all__ = ["Bag", "align_bag", "align_split", "split"]


@dataclass(slots=True)
class Bag:
    """Some partitions' claims (in alignment order) with what is known of their events."""

    claims: list[Mapping[str, Any]]
    known: dict[str, str]
    stored: Stored
    ratio: float


def split(
    claims: Sequence[Mapping[str, Any]],
    known: Mapping[str, str],
    stored: Stored,
    ratio: float,
    bags: int,
) -> list[Bag]:
    """Partition the claims and pack the partitions into at most ``bags`` bags."""
    items = [to_item(i, c) for i, c in enumerate(claims)]
    parts = partition(items, known)
    out = []
    for bag in pack([len(p) for p in parts], bags):
        positions = sorted(pos for index in bag for pos in parts[index])
        subset = [claims[pos] for pos in positions]
        sub_known = {
            items[p].claim_id: known[items[p].claim_id]
            for p in positions
            if items[p].claim_id in known
        }
        # A stored event is kept only if its claims are unchanged, and its id is that of its
        # first claim: it can only be one of the events these claims were in.
        out.append(Bag(subset, sub_known, stored.only(sub_known.values()), ratio))
    return out


def align_bag(bag: Bag) -> Aligned:
    return align_claims(bag.claims, bag.known, bag.stored, bag.ratio)


def align_split(
    claims: Sequence[Mapping[str, Any]],
    known: Mapping[str, str],
    stored: Stored,
    ratio: float = DISPUTE_RATIO,
    progress: Progress | None = None,
    *,
    bags: int = 1,
    run: Callable[[list[Bag]], Iterable[Aligned]] | None = None,
) -> Aligned:
    """Align partitions apart (``run`` maps ``align_bag`` over the bags, by default here)
    and join their results: the same as ``align_claims`` on everything."""
    work = split(claims, known, stored, ratio, bags)
    results = run(work) if run is not None else map(align_bag, work)
    out = Aligned()
    for result in results:
        out.join(result)
    return out
