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


def _parts(doc: str, figures: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    groups: dict[tuple[int, str], list[Mapping[str, Any]]] = defaultdict(list)
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
        wholes = [
            c
            for c in figures
            if c["measure"] == measure
            and int(c["evidence"]["start"]) != sentence
            and (_lower(c) or 0) >= biggest
            and c not in parts
        ]
        for whole in wholes[:1]:
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
    out = []
    populations = [c for c in figures if c["measure"] == "population" and _places(c)]
    for pop in populations:
        limit = pop["value"]["high"] if pop["value"]["high"] is not None else pop["value"]["low"]
        if limit is None:
            continue
        for claim in figures:
            low = claim["value"]["low"]
            if (
                claim["measure"] in HARM
                and low is not None
                and low > limit
                and (_places(claim) & _places(pop))
            ):
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
