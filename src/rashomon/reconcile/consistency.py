"""Inconsistencies inside one document (DESIGN.md §5): shown to readers, never corrected.

* ``parts_vs_total``: an enumeration of figures of one measure with distinct places (the parts)
  whose sum differs from a figure of the same measure stated as the whole;
* ``overlapping_parts``: one place counted in two parts of such an enumeration;
* ``above_population``: a harm figure larger than the population the document states for the
  same place.

An enumeration is two or more figures of one measure in one sentence, each with places of its
own; the whole is a figure of the same measure elsewhere in the document that is at least as
large as every part.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

HARM = frozenset({"killed", "victims", "injured", "displaced", "detained", "missing"})


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def _places(claim: Mapping[str, Any]) -> set[str]:
    return {str(p.get("id") or p.get("name")) for p in claim.get("places") or []}


def _own_places(claim: Mapping[str, Any]) -> bool:
    return not any(n.startswith("places:") for n in claim.get("notes") or [])


def _lower(claim: Mapping[str, Any]) -> int | None:
    value = claim["value"]
    bound = value["low"] if value["low"] is not None else value["high"]
    return int(bound) if bound is not None else None


def find_inconsistencies(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim.get("kind") == "figure" and claim.get("measure"):
            by_doc[str(claim["doc"]["id"])].append(claim)
    for doc, figures in by_doc.items():
        out.extend(_parts(doc, figures))
        out.extend(_population(doc, figures))
    return out


class _Wholes:
    """A document's figures of one measure, for "the first figure outside this sentence at
    least as large as X" in O(log n) (a max segment tree), not a scan per enumeration."""

    def __init__(self, figures: list[Mapping[str, Any]]) -> None:
        self.figures = figures
        self.size = 1
        while self.size < len(figures):
            self.size *= 2
        self.tree = [-1] * (2 * self.size)
        for i, claim in enumerate(figures):
            self.tree[self.size + i] = _lower(claim) or 0
        for node in range(self.size - 1, 0, -1):
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def _next(self, start: int, at_least: int) -> int | None:
        """The first position >= start whose value is >= at_least."""
        node = self.size + start
        if start >= len(self.figures):
            return None
        # Climb until a right sibling (or this node) holds a large enough value, then descend.
        while self.tree[node] < at_least:
            while node & 1:
                node //= 2
                if node <= 1:
                    return None
            node += 1
        while node < self.size:
            node = 2 * node if self.tree[2 * node] >= at_least else 2 * node + 1
        return node - self.size if node - self.size < len(self.figures) else None

    def first(self, at_least: int, sentence: int) -> Mapping[str, Any] | None:
        position = self._next(0, at_least)
        # Skips only figures of the enumeration's own sentence: linear over all enumerations.
        while position is not None:
            claim = self.figures[position]
            if int(claim["evidence"]["start"]) != sentence:
                return claim
            position = self._next(position + 1, at_least)
        return None


def _parts(doc: str, figures: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    groups: dict[tuple[int, str], list[Mapping[str, Any]]] = defaultdict(list)
    wholes: dict[str, _Wholes] = {}
    for claim in figures:
        if _own_places(claim) and _places(claim) and claim["value"]["qualifier"] != "range":
            groups[(int(claim["evidence"]["start"]), str(claim["measure"]))].append(claim)
    for (sentence, measure), parts in groups.items():
        if len(parts) < 2:
            continue
        seen: dict[str, str] = {}
        for claim in parts:
            for place in _places(claim):
                if place in seen and seen[place] != claim["id"]:
                    name = next(
                        p["name"]
                        for p in claim["places"]
                        if str(p.get("id") or p.get("name")) == place
                    )
                    out.append(
                        {
                            "kind": "overlapping_parts",
                            "doc": doc,
                            "claims": [seen[place], claim["id"]],
                            "detail": f"{name} is counted in two of the parts",
                        }
                    )
                seen.setdefault(place, claim["id"])
        values = [_lower(c) for c in parts]
        if any(v is None for v in values):
            continue
        total_sum = sum(v for v in values if v is not None)
        biggest = max(v for v in values if v is not None)
        if measure not in wholes:
            wholes[measure] = _Wholes([c for c in figures if c["measure"] == measure])
        whole = wholes[measure].first(biggest, sentence)
        if whole is not None:
            value = whole["value"]
            low, high, qualifier = value["low"], value["high"], value["qualifier"]
            short = low is not None and total_sum < low
            over = (
                high is not None and total_sum > high and qualifier not in ("more_than", "at_least")
            )
            if short or over:
                stated = value["text"]
                out.append(
                    {
                        "kind": "parts_vs_total",
                        "doc": doc,
                        "claims": [whole["id"], *[c["id"] for c in parts]],
                        "detail": f"parts sum to {_fmt(total_sum)}; total stated as {stated}",
                    }
                )
    return out


def _population(doc: str, figures: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    populations = [c for c in figures if c["measure"] == "population" and _places(c)]
    if not populations:
        return out
    # Harm figures per place, largest first: each population reads only the figures above it.
    by_place: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for position, claim in enumerate(figures):
        low = claim["value"]["low"]
        if claim["measure"] in HARM and low is not None:
            for place in _places(claim):
                by_place[place].append((-low, position))
    for ranked in by_place.values():
        ranked.sort()
    for pop in populations:
        limit = pop["value"]["high"] if pop["value"]["high"] is not None else pop["value"]["low"]
        if limit is None:
            continue
        above: set[int] = set()
        for place in _places(pop):
            ranked = by_place.get(place, [])
            above.update(p for _, p in ranked[: bisect_left(ranked, (-limit, -1))])
        for position in sorted(above):
            claim = figures[position]
            out.append(
                {
                    "kind": "above_population",
                    "doc": doc,
                    "claims": [pop["id"], claim["id"]],
                    "detail": (
                        f"{claim['value']['text']} {claim['measure']} is above the "
                        f"stated population of {pop['value']['text']}"
                    ),
                }
            )
    return out
