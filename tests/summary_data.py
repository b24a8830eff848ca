"""Invented claims for the summary tests (estimates, disputes, consistency, names).

Every name, place and figure here is made up (the fictional Valdmark/Tauva setting of the
demo corpus); nothing is copied from ../shared/corpus.
"""

from __future__ import annotations

from typing import Any

TOWN = {"name": "Kessel", "id": "x:kessel", "text": "Kessel", "country": "AZ"}
HARBOUR = {"name": "Harbour", "id": "x:harbour", "text": "Harbour", "country": "AZ"}
MILL = {"name": "Mill Quarter", "id": "x:mill", "text": "Mill Quarter", "country": "AZ"}


def victim(text: str, basis: str | None = None, actor: str | None = None) -> dict[str, Any]:
    """A victim mention: the counted noun (no basis) or a role from the sentence or context."""
    out: dict[str, Any] = {"text": text, "name": text}
    if actor:
        out["id"] = actor
    if basis:
        out["basis"] = basis
    else:
        out["type"] = "counted"
    return out


def fig(
    cid: str,
    doc: str,
    low: int | None,
    high: int | None = None,
    *,
    qualifier: str = "exact",
    measure: str = "killed",
    unit: str = "people",
    victims: list[dict[str, Any]] | None = None,
    speaker: str | None = None,
    status: str | None = None,
    by: str | None = None,
    scope: str | None = None,
    sentence: int = 0,
    at: int | None = None,
    places: list[dict[str, Any]] | None = None,
    notes: list[str] | None = None,
    text: str | None = None,
    start: str = "1921-05-03",
    lang: str = "en",
) -> dict[str, Any]:
    if high is None and qualifier in ("exact", "approx"):
        high = low
    where = at if at is not None else sentence + 5
    return {
        "id": cid,
        "doc": {"id": doc, "path": f"{doc}.txt", "lang": lang, "date": None},
        "kind": "figure",
        "event_type": "killing",
        "measure": measure,
        "unit": unit,
        "value": {
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "text": text or str(low if low is not None else high),
            "start": where,
            "end": where + 4,
        },
        "time": {
            "start": start,
            "end": start,
            "start_char": sentence + 1,
            "source": "explicit",
            "precision": "day",
        },
        "places": list(places if places is not None else [TOWN]),
        "perpetrators": [],
        "victims": list(victims or []),
        "attribution": {"speaker": speaker, "text": speaker} if speaker else None,
        "stance": {"status": status, "by": {"text": by} if by else None} if status else None,
        "scope": {"kind": scope, "text": "x", "start": 0, "end": 1} if scope else None,
        "evidence": {"start": sentence, "end": sentence + 60, "quote": "invented"},
        "notes": list(notes or []),
    }


def event_claim(
    cid: str,
    doc: str,
    *,
    sentence: int = 0,
    places: list[dict[str, Any]] | None = None,
    start: str | None = "1921-05-03",
    names: list[str] = (),
    quote: str = "invented",
    lang: str = "en",
) -> dict[str, Any]:
    return {
        "id": cid,
        "doc": {"id": doc, "path": f"{doc}.txt", "lang": lang, "date": None},
        "kind": "event",
        "event_type": "killing",
        "measure": None,
        "value": None,
        "time": (
            {"start": start, "end": start, "start_char": sentence + 1, "source": "explicit"}
            if start
            else None
        ),
        "places": list(places if places is not None else [TOWN]),
        "perpetrators": [],
        "victims": [],
        "attribution": None,
        "evidence": {"start": sentence, "end": sentence + 60, "quote": quote},
        "trigger": {"text": "massacre", "start": sentence + 2, "end": sentence + 10},
        "names": [{"name": n, "start": sentence, "end": sentence + len(n)} for n in names],
        "notes": [],
    }
