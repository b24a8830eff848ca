"""Inconsistencies inside one document (DESIGN.md §5): shown to readers, never corrected.

Only figures that count the same thing are compared: one measure (and unit), one victim group
(``victims.group_figures``), and parts the document presents as parts.

* ``parts_vs_total``: the parts of one breakdown (figures one sentence gives place by place:
  scope ``breakdown``) whose sum contradicts a figure of the same quantity the document states
  for the whole (unscoped, precise, not revised or rejected, at least as large as every part):
  a sum above the total's upper end, or short of its lower end while close to it ("more than
  40,000" against districts summing to 39,700: parts far below a total are a selection of
  them, "130,000 to Lebanon and 120,000 to Jordan" of 569,000 refugees); a vague total ("des
  milliers") is never compared, and parts that are themselves open ("more than 100 in X")
  only contradict a total they exceed;
* ``overlapping_parts``: one place counted in two parts of the same breakdown (two figures
  naming the same part are that part counted twice over, not two parts);
* ``above_population``: a harm figure larger than the population the document states, in the
  population's own sentence, for the same place (never across victim groups).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rashomon.reconcile.estimates import Quantity, bounds, quantities, status_of

__all__ = ["find_inconsistencies"]

HARM = frozenset({"killed", "victims", "injured", "displaced", "detained", "missing"})
#: An "about" total is met by parts within this share of it.
APPROX = 0.1
#: Parts that fall short of the total but reach this share of it present themselves as its
#: breakdown; further below, as a selection of its parts.
NEAR = 0.9


def _fmt(n: float) -> str:
    return f"{int(n):,}"


def _places(claim: Mapping[str, Any]) -> set[str]:
    return {str(p.get("id") or p.get("name")) for p in claim.get("places") or []}


def _own_places(claim: Mapping[str, Any]) -> bool:
    return not any(str(n).startswith("places:") for n in claim.get("notes") or [])


def _scope(claim: Mapping[str, Any]) -> str | None:
    return (claim.get("scope") or {}).get("kind")


def _lower(claim: Mapping[str, Any]) -> int | None:
    low, high = bounds(claim["value"])
    bound = low if low is not None else high
    return int(bound) if bound is not None else None


def find_inconsistencies(
    claims: Sequence[Mapping[str, Any]], found: Sequence[Quantity] | None = None
) -> list[dict[str, Any]]:
    """``found``: the event's quantities when already computed (they give the groups)."""
    if found is None:
        found = quantities(claims)
    out: list[dict[str, Any]] = []
    # (document, quantity index) -> its figures, in document order.
    by_doc: dict[tuple[str, int], list[Mapping[str, Any]]] = defaultdict(list)
    for index, q in enumerate(found):
        for claim in q.group.claims:
            by_doc[(str(claim["doc"]["id"]), index)].append(claim)
    for (doc, _), figures in sorted(by_doc.items()):
        figures.sort(key=lambda c: int(c["value"].get("start", 0)))
        out.extend(_parts(doc, figures))
    out.extend(_population(claims))
    return out


class _Wholes:
    """A document's candidate totals of one quantity, for "the first figure outside this
    sentence at least as large as X" in O(log n) (a max segment tree), not a scan per
    breakdown."""

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
        # Skips only figures of the breakdown's own sentence: linear over all breakdowns.
        while position is not None:
            claim = self.figures[position]
            if int(claim["evidence"]["start"]) != sentence:
                return claim
            position = self._next(position + 1, at_least)
        return None


def _is_total(claim: Mapping[str, Any]) -> bool:
    return (
        _scope(claim) is None
        and status_of(claim) in ("asserted", "unconfirmed")
        and claim["value"].get("qualifier") != "vague"
    )


def _parts(doc: str, figures: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Breakdowns of one document and quantity against its stated total."""
    out: list[dict[str, Any]] = []
    breakdowns: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in figures:
        if _scope(claim) == "breakdown" and claim["value"].get("qualifier") != "range":
            breakdowns[int(claim["evidence"]["start"])].append(claim)
    if not breakdowns:
        return out
    wholes = _Wholes([c for c in figures if _is_total(c)])
    for sentence, figures_here in breakdowns.items():
        parts = _distinct_parts(figures_here)
        if len(parts) < 2:
            continue
        out.extend(_overlaps(doc, parts))
        values = [_lower(c) for c in parts]
        if any(v is None for v in values):
            continue
        total_sum = sum(v for v in values if v is not None)
        open_parts = any(c["value"].get("qualifier") in ("more_than", "at_least") for c in parts)
        whole = wholes.first(max(v for v in values if v is not None), sentence)
        if whole is None:
            continue
        low, high = bounds(whole["value"])
        slack = APPROX if whole["value"].get("qualifier") == "approx" else 0.0
        over = high is not None and total_sum > high * (1 + slack)
        # Parts far below the total read as a selection ("130,000 fled to Lebanon and 120,000
        # to Jordan" of 569,000), parts that nearly reach it as its breakdown that falls short
        # (districts summing to 39,700 of "more than 40,000").
        short = not open_parts and low is not None and low * NEAR <= total_sum < low * (1 - slack)
        if over or short:
            out.append(
                {
                    "kind": "parts_vs_total",
                    "doc": doc,
                    "claims": [whole["id"], *[c["id"] for c in parts]],
                    "detail": (
                        f"parts sum to {_fmt(total_sum)}; total stated as {whole['value']['text']}"
                    ),
                }
            )
    return out


def _distinct_parts(figures: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One figure per part: figures of a sentence that name the same part ("13 killed in X
    ... four more bodies in X", "more than 70 injured in X, 12 of them badly") are one part
    counted twice over, not two parts, so they are neither summed nor said to overlap."""
    first: dict[str, Mapping[str, Any]] = {}
    for claim in figures:
        text = " ".join(str((claim.get("scope") or {}).get("text") or "").casefold().split())
        first.setdefault(text, claim)
    return list(first.values())


def _overlaps(doc: str, parts: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for claim in parts:
        for place in claim.get("places") or []:
            key = str(place.get("id") or place.get("name"))
            if key in seen and seen[key] != claim["id"]:
                out.append(
                    {
                        "kind": "overlapping_parts",
                        "doc": doc,
                        "claims": [seen[key], claim["id"]],
                        "detail": f"{place.get('name')} is counted in two of the parts",
                    }
                )
            seen.setdefault(key, claim["id"])
    return out


def _population(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    figures = [c for c in claims if c.get("kind") == "figure" and c.get("value")]
    populations = [
        c
        for c in figures
        if c.get("measure") == "population" and _places(c) and _own_places(c) and not _scope(c)
    ]
    if not populations:
        return out
    from rashomon.reconcile.victims import figure_key

    # Harm figures per (document, place), largest first: each population reads only the
    # figures above it.
    by_place: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for position, claim in enumerate(figures):
        low = _lower(claim)
        if claim.get("measure") in HARM and low is not None and status_of(claim) == "asserted":
            for place in _places(claim):
                by_place[(str(claim["doc"]["id"]), place)].append((-low, position))
    for ranked in by_place.values():
        ranked.sort()
    for pop in populations:
        low, high = bounds(pop["value"])
        limit = high if high is not None else low
        if limit is None:
            continue
        doc = str(pop["doc"]["id"])
        pop_group = figure_key(pop)
        above: set[int] = set()
        for place in _places(pop):
            ranked = by_place.get((doc, place), [])
            above.update(p for _, p in ranked[: bisect_left(ranked, (-limit, -1))])
        for position in sorted(above):
            claim = figures[position]
            group = figure_key(claim)
            if pop_group and group and group != pop_group:
                continue  # a toll of one group against the population of another
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
