"""Estimates per event, measure and victim group (DESIGN.md §5; shared/gold/README.md, "Status
and estimates").

A *quantity* is an event's measure (with its unit when it counts things: villages and
buildings are not one quantity) and victim group (``victims.group_figures``).  Its estimate
reads each figure for what it says:

* one value per *source*, a (document, speaker) pair: one article can report several
  speakers' figures ("investigations estimated 12,000; Bolshevik reports claimed 3,000"), and
  each is a source of its own;
* a figure its source revised (stance ``superseded``) is dropped for the source's later one;
* a figure the document presents in order to reject it counts as its claimant's (the speaker
  it is attributed to), never as the document's; with no claimant named it is dropped;
* a vague figure ("thousands", "des milliers", "десятков") bounds only when no precise figure
  of the quantity is left;
* an open figure ("more than 8,000", "up to 24,000") gives its stated end only;
* a source that counts the event's harm only as unspecified "victims" (an infobox's
  "Casualties") while others count its dead gives its toll that way: those figures count with
  the killed (listed with their own measure); a source that gives a death toll too keeps its
  "victims" apart (the raped, the wounded);
* a figure that counts a part (a site, an area, a sub-period, a part of a breakdown: its
  ``scope``) never widens the toll and is never summed: it is listed, not counted; so is a
  figure far below another of its own source (a source does not dispute itself: "4 died in
  the street clashes" beside its "41 dead" is a part of its toll), and so are two figures of
  one document that add up exactly to a third of it ("62 in Kell and 147 in Brannock"
  beside "209"), whoever it quotes for them, and three or more listed in one sentence that
  add up to another ("12 in A, 7 in B and 5 in C" beside "24").

``low`` is the smallest lower bound any source gives, ``high`` the largest upper bound (None
when no source gives one; raised to an open lower bound above it: "at least 40" beside "18"
gives 18-40); ``best`` is the median of the sources' point values, where a
source's point value is the median of its counted figures' points (a figure's point: the
figure itself, a range's midpoint, an open figure's stated end).  Every listed figure says
whether it was counted and, when not, why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from statistics import median
from typing import Any

from rashomon.reconcile.victims import Group, group_figures, named_by_doc

__all__ = [
    "DISPUTE_RATIO",
    "MEASURE_ORDER",
    "Quantity",
    "SourceValue",
    "estimate_list",
    "estimates",
    "point_value",
    "quantities",
    "source_keys",
    "speaker_of",
]

DISPUTE_RATIO = 1.5
#: A figure this many times below another of its own source's is a part of that toll.
PART_RATIO = 1.5
#: The order estimates are listed in: harm first.
MEASURE_ORDER = (
    "killed",
    "victims",
    "injured",
    "missing",
    "displaced",
    "detained",
    "destroyed",
    "returned",
    "population",
    "combatants",
)
_LOWER_OPEN = frozenset({"more_than", "at_least"})
_POINT = frozenset({"exact", "approx"})
#: Figures of one document and quantity searched for two that add up to a third.
_MAX_SUMMANDS = 200
_UPPER_OPEN = frozenset({"less_than", "at_most"})


def point_value(value: Mapping[str, Any]) -> float | None:
    low, high = value.get("low"), value.get("high")
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    if low is not None:
        return float(low)
    if high is not None:
        return float(high)
    return None


def bounds(value: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """The lower and upper bound a figure states: an open figure gives only its stated end,
    a vague one ("thousands") only its lower bound."""
    low, high, qualifier = value.get("low"), value.get("high"), value.get("qualifier")
    if qualifier in _LOWER_OPEN or qualifier == "vague":
        return (low if low is not None else high), None
    if qualifier in _UPPER_OPEN:
        return None, (high if high is not None else low)
    return low, (high if high is not None else low)


def speaker_of(claim: Mapping[str, Any]) -> str:
    attribution = claim.get("attribution") or {}
    return str(attribution.get("speaker") or "")


def status_of(claim: Mapping[str, Any]) -> str:
    return str((claim.get("stance") or {}).get("status") or "asserted")


def source_keys(claims: Sequence[Mapping[str, Any]]) -> dict[str, tuple[str, str]]:
    """claim id -> its source: (document, speaker), where a short later mention of a speaker
    ("the committee") is the same source as the fuller one before it in the same document
    ("the Valdmark Relief Committee")."""
    keys: dict[str, tuple[str, str]] = {}
    # (document, last word) -> the first two distinct speakers ending in that word, in order:
    # the earliest one other than the current speaker is among them (linear, not a rescan of
    # every earlier speaker per claim).
    named: dict[tuple[str, str], list[str]] = {}
    ordered = sorted(
        claims,
        key=lambda c: (
            str(c["doc"]["id"]),
            int((c.get("evidence") or {}).get("start", 0)),
        ),
    )
    for claim in ordered:
        doc = str(claim["doc"]["id"])
        speaker = " ".join(speaker_of(claim).casefold().split())
        words = speaker.split()
        key = speaker
        if words and len(words) <= 3:
            for earlier in named.get((doc, words[-1]), ()):
                if earlier != speaker:
                    key = earlier
                    break
        if speaker and key == speaker:
            first = named.setdefault((doc, words[-1]), [])
            if speaker not in first and len(first) < 2:
                first.append(speaker)
        keys[str(claim["id"])] = (doc, key)
    return keys


class SourceValue:
    """One source's counted figures of a quantity."""

    __slots__ = ("claims", "high", "key", "low", "point")

    def __init__(self, key: tuple[str, str], claims: list[Mapping[str, Any]]) -> None:
        self.key = key
        self.claims = claims
        lows = [b[0] for b in (bounds(c["value"]) for c in claims) if b[0] is not None]
        highs = [b[1] for b in (bounds(c["value"]) for c in claims) if b[1] is not None]
        self.low: int | None = min(lows) if lows else None
        self.high: int | None = max(highs) if highs else None
        points = [p for p in (point_value(c["value"]) for c in claims) if p is not None]
        self.point: float | None = median(points) if points else None

    def claim_at(self, value: int | None, end: int) -> Mapping[str, Any]:
        """The figure that states this source's bound (``end`` 0: lower, 1: upper)."""
        for claim in self.claims:
            if bounds(claim["value"])[end] == value:
                return claim
        return self.claims[0]


class Quantity:
    """One estimate in the making: the figures of one event, measure, unit and group."""

    def __init__(
        self,
        measure: str,
        unit: str | None,
        group: Group,
        sources: Mapping[str, Any],
        pool: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    ) -> None:
        """``pool``: every figure of the measure and unit by document, whatever its group (a
        total and its parts may name their victims differently: "24 civilians", "12 in A")."""
        self.measure = measure
        self.unit = unit
        self.group = group
        self.pool = pool
        self.reasons: dict[str, str] = {}
        counted: list[Mapping[str, Any]] = []
        for claim in group.claims:
            why = self._excluded(claim)
            if why:
                self.reasons[str(claim["id"])] = why
            else:
                counted.append(claim)
        counted = self._without_parts(counted, sources)
        precise = [c for c in counted if c["value"].get("qualifier") != "vague"]
        if precise:
            for claim in counted:
                if claim["value"].get("qualifier") == "vague":
                    self.reasons[str(claim["id"])] = "vague; precise figures exist"
            counted = precise
        per_source: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
        for claim in counted:
            per_source[sources[str(claim["id"])]].append(claim)
        self.sources = [SourceValue(k, v) for k, v in per_source.items()]

    def _without_parts(
        self, claims: list[Mapping[str, Any]], sources: Mapping[str, Any]
    ) -> list[Mapping[str, Any]]:
        """A source does not dispute itself: of its figures of one quantity, one far below
        another ("4 died in the street clashes" beside its "41 dead"; "more than 200 at the
        country house" beside its "thousands") counts a part of its toll."""
        claims = self._without_summands(claims)
        top: dict[tuple[str, str], int] = {}
        for claim in claims:
            low = bounds(claim["value"])[0]
            key = sources[str(claim["id"])]
            if low is not None and low > top.get(key, -1):
                top[key] = low
        kept = []
        for claim in claims:
            low, high = bounds(claim["value"])
            end = high if high is not None else low
            most = top.get(sources[str(claim["id"])])
            if end is not None and most is not None and end * PART_RATIO < most:
                self.reasons[str(claim["id"])] = (
                    "far below another figure of the same source: a part of its toll"
                )
            else:
                kept.append(claim)
        return kept

    def _without_summands(self, claims: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """Two figures of one document that add up exactly to a third of that document are
        its parts ("62 in Kell and 147 in Brannock" beside "209 dead"; "31 in the fire" and "4
        in the street" beside "35"), whoever the document quotes for them."""
        by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        # Parts already marked (a site, a sub-area) take part in the sums: "31 in the fire" is
        # not counted, but "4 in the street" beside it and the "35" is a part all the same.
        docs = dict.fromkeys(str(c["doc"]["id"]) for c in self.group.claims)
        found = (
            [c for d in docs for c in self.pool.get(d, ())]
            if self.pool is not None
            else self.group.claims
        )
        pool = [c for c in found if status_of(c) != "superseded"]
        for claim in pool:
            value = claim["value"]
            low = value.get("low")
            if low and low == value.get("high") and value.get("qualifier") in _POINT:
                by_doc[str(claim["doc"]["id"])].append(claim)
        parts: dict[str, int] = {}
        for figures in by_doc.values():
            if len(figures) > _MAX_SUMMANDS:
                continue  # a long list of one document: no pairwise search
            seen: dict[int, list[str]] = defaultdict(list)
            for claim in figures:
                seen[int(claim["value"]["low"])].append(str(claim["id"]))
            for total in seen:
                for a in figures:
                    va = int(a["value"]["low"])
                    rest = total - va
                    if rest <= 0 or rest == va or rest not in seen:
                        continue
                    if total % 10 == va % 10 == 0:
                        # Round figures add up by chance ("10,000", "20,000" and "30,000" are
                        # three estimates, not a total and its parts).
                        continue
                    parts[str(a["id"])] = total
                    for cid in seen[rest]:
                        parts[cid] = total
            parts.update(_listed_parts(figures, seen))
        own = {str(c["id"]) for c in self.group.claims}
        for cid, total in parts.items():
            if cid in own:
                self.reasons.setdefault(
                    cid, f"adds up with other figures of its document to its {total}: a part"
                )
        return [c for c in claims if str(c["id"]) not in parts]

    def _excluded(self, claim: Mapping[str, Any]) -> str | None:
        status = status_of(claim)
        if status == "superseded":
            return "superseded: its source gives a later figure"
        if status == "rejected" and not speaker_of(claim):
            return "rejected by the document, which names no one who claimed it"
        scope = claim.get("scope") or {}
        if scope and not (scope.get("kind") == "subgroup" and self.group.subgroup):
            return f"counts a part ({scope.get('kind')}: {scope.get('text')}), not the whole"
        if bounds(claim["value"]) == (None, None):
            return "no number"
        return None

    @property
    def counted(self) -> set[str]:
        return {str(c["id"]) for s in self.sources for c in s.claims}

    def range(self) -> tuple[int | None, float | None, int | None]:
        """``low``, ``best`` and ``high`` with ``low <= best <= high`` always.

        An open lower bound above every stated upper bound ("at least 40" against "18")
        raises the high to it: the sources' figures run from 18 to at least 40, and a high
        of 18 would hide the larger claim.  The median of the points then lies within the
        range except where an upper-open figure ("at most 10") lies below every lower bound;
        it is kept inside the range there."""
        lows = [s.low for s in self.sources if s.low is not None]
        highs = [s.high for s in self.sources if s.high is not None]
        points = [s.point for s in self.sources if s.point is not None]
        low = min(lows) if lows else None
        high = max(highs) if highs else None
        if high is not None and lows:
            high = max(high, max(lows))
        best = median(points) if points else None
        if best is not None and low is not None:
            best = max(best, float(low))
        if best is not None and high is not None:
            best = min(best, float(high))
        return low, best, high

    def as_dict(self) -> dict[str, Any]:
        low, best, high = self.range()
        counted = self.counted
        out: dict[str, Any] = {"measure": self.measure}
        if self.unit:
            out["unit"] = self.unit
        out.update(
            {
                "victims": self.group.victims(),
                "scope": None,
                "low": low,
                "best": round(best) if best is not None else None,
                "high": high,
                "n_sources": len(self.sources),
                "figures": [self._figure(c, counted) for c in self.group.claims],
            }
        )
        if self.group.subgroup:
            # A group the document counts apart from the toll ("hundreds of Bolsheviks also
            # perished"): its own quantity, never part of the event's.
            out["subgroup"] = True
        return out

    def _figure(self, claim: Mapping[str, Any], counted: set[str]) -> dict[str, Any]:
        cid = str(claim["id"])
        value = claim["value"]
        out = {
            "claim": cid,
            "doc": claim["doc"]["id"],
            "low": value.get("low"),
            "high": value.get("high"),
            "qualifier": value.get("qualifier"),
            "text": value.get("text"),
            "speaker": speaker_of(claim) or None,
            "counted": cid in counted,
        }
        if claim.get("measure") != self.measure:
            # Its source's unspecified victims, read as its toll (``_measure_of``).
            out["measure"] = claim.get("measure")
        status = status_of(claim)
        if status != "asserted":
            out["status"] = status
        if cid not in counted:
            out["why"] = self.reasons.get(cid, "")
        return out


def _listed_parts(
    figures: list[Mapping[str, Any]], seen: Mapping[int, list[str]]
) -> dict[str, int]:
    """Three or more figures listed in one sentence that add up exactly to another figure of
    their document are its parts ("24 dead: 12 in A, 7 in B and 5 in C").  Only consecutive
    figures of a sentence are summed (a list), so the search is linear per starting figure."""
    out: dict[str, int] = {}
    by_sentence: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in figures:
        by_sentence[int((claim.get("evidence") or {}).get("start", 0))].append(claim)
    top = max(seen, default=0)
    for listed in by_sentence.values():
        listed.sort(key=lambda c: int(c["value"].get("start", 0)))
        for i in range(len(listed)):
            total = 0
            for j in range(i, len(listed)):
                total += int(listed[j]["value"]["low"])
                if total > top:
                    break
                run = listed[i : j + 1]
                ids = {str(c["id"]) for c in run}
                # Round estimates listed together add up by chance, as in pairs.
                by_chance = total % 10 == 0 and all(int(c["value"]["low"]) % 10 == 0 for c in run)
                if (
                    len(run) >= 3
                    and not by_chance
                    and any(cid not in ids for cid in seen.get(total, ()))
                ):
                    for cid in ids:
                        out.setdefault(cid, total)
    return out


def _unit(claim: Mapping[str, Any]) -> str | None:
    unit = claim.get("unit")
    return None if unit in (None, "", "people") else str(unit)


def _measure_of(
    claim: Mapping[str, Any],
    sources: Mapping[str, tuple[str, str]],
    counting_dead: set[tuple[str, str]],
) -> str:
    """The quantity a figure counts toward: its measure, except that a source that counts an
    event's harm only as unspecified "victims" (an infobox's "Casualties", a famine's
    "víctimas") while other sources count its dead gives its toll that way, so its victims
    count with the killed.  A source that counts the dead too says its victims are others
    (the raped, the wounded): they stay apart."""
    measure = str(claim["measure"])
    if measure == "victims" and counting_dead and sources[str(claim["id"])] not in counting_dead:
        return "killed"
    return measure


def quantities(
    claims: Sequence[Mapping[str, Any]],
    sources: Mapping[str, tuple[str, str]] | None = None,
) -> list[Quantity]:
    """The event's quantities, harm measures first, named groups before the ungrouped."""
    if sources is None:
        sources = source_keys(claims)
    counted = [
        c for c in claims if c.get("kind") == "figure" and c.get("measure") and c.get("value")
    ]
    # Sources that count the event's dead; the others' unspecified "victims" are their tolls.
    counting_dead = {sources[str(c["id"])] for c in counted if c["measure"] == "killed"}
    figures: dict[tuple[str, str | None], list[Mapping[str, Any]]] = defaultdict(list)
    for claim in counted:
        figures[(_measure_of(claim, sources, counting_dead), _unit(claim))].append(claim)
    named = named_by_doc(claims)
    rank = {m: i for i, m in enumerate(MEASURE_ORDER)}
    out: list[Quantity] = []
    for (measure, unit), members in sorted(
        figures.items(),
        key=lambda kv: (rank.get(kv[0][0], 99), kv[0][0], kv[0][1] or ""),
    ):
        by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for claim in members:
            by_doc[str(claim["doc"]["id"])].append(claim)
        for group in group_figures(members, sources, named):
            out.append(Quantity(measure, unit, group, sources, by_doc))
    return out


def estimate_list(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An event's estimates as a list with a ``measure`` each: the contract's list, or the
    dict keyed by measure that events stored by rashomon before 0.2 hold."""
    found = event.get("estimates") or []
    if isinstance(found, Mapping):
        return [{"measure": m, **est} for m, est in found.items()]
    return [dict(e) for e in found]


def estimates(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The event's estimates: one per measure (and unit) and victim group."""
    return [q.as_dict() for q in quantities(claims)]
