"""Events as UCDP GED-style CSV rows: one row per event and estimate (measure, unit, victim
group, scope), with GED's column names where the meaning matches and rashomon's own columns after.

UCDP's GED keeps one row per event with one death toll (``best``/``low``/``high``); rashomon
keeps one toll per measure and victim group, so an event gives a row per estimate and the
``event_id`` column groups them.  Precision codes follow the UCDP GED codebook (README,
"GED-style CSV").  Each cell goes through :func:`rashomon._csv.safe_cell`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import islice
from pathlib import Path
from typing import IO, Any

from rashomon._csv import safe_cell
from rashomon.export import _view
from rashomon.review import review_summary

__all__ = ["GED_COLUMNS", "date_prec", "ged_rows", "where_prec", "write_ged_csv"]

GED_COLUMNS = (
    # UCDP GED names, same meaning
    "id",
    "year",
    "date_start",
    "date_end",
    "date_prec",
    "where_coordinates",
    "where_prec",
    "latitude",
    "longitude",
    "country",
    "side_a",
    "best",
    "low",
    "high",
    "number_of_sources",
    "source_article",
    "source_date",
    "source_original",
    # rashomon's own
    "event_id",
    "event_label",
    "event_names",
    "event_type",
    "measure",
    "unit",
    "victims",
    "scope",
    "side_a_by_source",
    "country_code",
    "figures",
    "disputes",
    "dispute_kinds",
    "inconsistencies",
    "reviewed",
)

#: Gazetteer kinds → UCDP ``where_prec``: 1 the exact place (a town, village or site), 3 a
#: second-order unit (district, uezd), 4 a first-order unit (province, governorate, vilayet),
#: 5 a named part of a country that is not such a unit (a valley, a historical region),
#: 6 the whole country.  Unresolved local names ("the camp on X road") count as exact places.
WHERE_PREC = {
    "city": 1,
    "village": 1,
    "site": 1,
    "local": 1,
    "district": 3,
    "province": 4,
    "governorate": 4,
    "region": 5,
    "country": 6,
}


def date_prec(start: str | None, end: str | None) -> int | None:
    """UCDP ``date_prec`` from the event's period: 1 one day, 2 two to six days, 3 a week,
    4 within a month (8 to 31 days), 5 longer (a year, a season)."""
    try:
        first = dt.date.fromisoformat(str(start))
        last = dt.date.fromisoformat(str(end or start))
    except ValueError:
        return None
    days = (last - first).days + 1
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    return 4 if days <= 31 else 5


def where_prec(kind: str | None) -> int | None:
    return WHERE_PREC.get(kind or "")


@cache
def _gazetteer() -> Any:
    from rashomon.extract.gazetteer import Gazetteer

    return Gazetteer.load()


def _country(place_id: str | None) -> tuple[str | None, str | None]:
    """(country name, ISO code) of a gazetteer place."""
    if not place_id:
        return None, None
    gaz = _gazetteer()
    place = gaz.by_id.get(place_id)
    if place is None or not place.country:
        return None, None
    country = gaz.by_id.get(f"cc:{place.country}")
    return (country.name if country else None), place.country


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _join(values: Iterable[str | None]) -> str:
    return "; ".join(_distinct(values))


def _source_name(claim: Mapping[str, Any], doc: Mapping[str, Any] | None) -> str:
    """Who gives a figure: the speaker it cites, else the document itself."""
    speaker = (claim.get("attribution") or {}).get("speaker")
    if speaker:
        return str(speaker)
    if doc:
        return str(doc.get("publisher") or Path(str(doc.get("path") or "")).name)
    return "the document"


def _article(doc: Mapping[str, Any]) -> str:
    parts = [doc.get("publisher"), doc.get("date"), doc.get("title")]
    if not doc.get("publisher") and not doc.get("title"):
        parts.append(Path(str(doc.get("path") or "")).name)
    return ", ".join(str(p) for p in parts if p)


def _place_kind(place: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> str | None:
    for claim in claims:
        for mention in claim.get("places") or []:
            same_id = place.get("id") and mention.get("id") == place.get("id")
            if same_id or (not place.get("id") and mention.get("name") == place.get("name")):
                return str(mention.get("kind") or "") or None
    return None


def _row_id(event_id: str, estimate: Mapping[str, Any]) -> str:
    key = json.dumps(
        [
            estimate.get("measure"),
            estimate.get("unit"),
            estimate.get("victims"),
            estimate.get("scope"),
        ],
        sort_keys=True,
        ensure_ascii=False,
    )
    return f"{event_id}-{estimate.get('measure')}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def _disputes(event: Mapping[str, Any], measure: str | None) -> list[str]:
    """Kinds of the event's disputes that bear on an estimate of this measure: figure
    disputes of the same measure, and the event-wide ones (perpetrators, dates)."""
    return [
        str(d.get("kind"))
        for d in event.get("disputes") or []
        if d.get("kind") != "figure" or d.get("measure") == measure
    ]


def _reviewed(event: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> str:
    """What people changed in this row: the event's reviews, then each reviewed figure's."""
    lines = [review_summary(event)]
    for claim in claims:
        summary = review_summary(claim)
        if summary:
            value = (claim.get("value") or {}).get("text") or claim.get("id")
            lines.append(f"{value}: {summary}")
    return " | ".join(line for line in lines if line)


def event_rows(
    event: Mapping[str, Any],
    claims: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, Mapping[str, Any] | None],
) -> list[dict[str, Any]]:
    """The GED-style rows of one event (none when it has no figure)."""
    time = event.get("time") or {}
    start, end = time.get("start"), time.get("end")
    places = event.get("places") or []
    members = [claims[c] for c in event.get("claims") or [] if c in claims]
    place = places[0] if places else {}
    country, country_code = _country(place.get("id"))
    names = [n.get("name") for n in event.get("names") or [] if isinstance(n, Mapping)]
    base = {
        "year": int(start[:4]) if start else None,
        "date_start": start,
        "date_end": end,
        "date_prec": date_prec(start, end) if start else None,
        "where_coordinates": place.get("name"),
        "where_prec": where_prec(_place_kind(place, members)) if place else None,
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "country": country,
        "country_code": country_code,
        "event_id": event.get("id"),
        "event_label": event.get("label"),
        "event_names": _join(names),
        "event_type": event.get("event_type"),
        "inconsistencies": len(event.get("consistency") or []),
    }
    rows = []
    for estimate in _view.estimate_list(event):
        if all(estimate.get(k) is None for k in ("low", "best", "high")):
            # No figure counted (baselines, parts only): GED has no row without a toll.
            continue
        figures = [f for f in estimate.get("figures") or [] if isinstance(f, Mapping)]
        fig_claims = [claims[f["claim"]] for f in figures if f.get("claim") in claims]
        fig_docs = [docs.get(str(f.get("doc"))) for f in figures]
        # The group the estimate counts (DESIGN.md §5); none when the sources do not name one.
        victims = estimate.get("victims")
        victim_names = str(victims.get("name") or "") if isinstance(victims, Mapping) else ""
        perpetrators = [
            (str(p.get("name") or p.get("text")), _source_name(c, docs.get(c["doc"]["id"])))
            for c in fig_claims
            for p in c.get("perpetrators") or []
        ]
        scope = estimate.get("scope")
        kinds = _disputes(event, estimate.get("measure"))
        rows.append(
            {
                **base,
                "id": _row_id(str(event.get("id")), estimate),
                "side_a": _join(name for name, _ in perpetrators),
                "best": estimate.get("best"),
                "low": estimate.get("low"),
                "high": estimate.get("high"),
                "number_of_sources": estimate.get("n_sources"),
                "source_article": _join(_article(d) for d in fig_docs if d),
                "source_date": _join(d.get("date") for d in fig_docs if d),
                "source_original": _join(f.get("speaker") for f in figures),
                "measure": estimate.get("measure"),
                "unit": estimate.get("unit"),
                "victims": victim_names,
                "scope": (scope.get("text") or scope.get("kind"))
                if isinstance(scope, Mapping)
                else scope,
                "side_a_by_source": _join(
                    f"{name} (according to {who})" for name, who in perpetrators
                ),
                "figures": len(figures),
                "reviewed": _reviewed(event, fig_claims),
                "disputes": len(kinds),
                "dispute_kinds": _join(kinds),
            }
        )
    return rows


def ged_rows(view: _view.View, batch_size: int = 500) -> Iterator[dict[str, Any]]:
    """Every event's rows, reading events, their claims and documents a batch at a time."""
    documents = _view.DocumentCache(view.store, with_text=False)
    found = view.events()
    while batch := list(islice(found, batch_size)):
        claim_ids = [c for e in batch for c in e.get("claims") or []]
        claims = view.claims_by_id(claim_ids)
        doc_ids = [str(c["doc"]["id"]) for c in claims.values()]
        documents.prefetch(doc_ids)
        docs = {d: documents.get(d) for d in dict.fromkeys(doc_ids)}
        for event in batch:
            yield from event_rows(event, claims, docs)


def write_ged_csv(rows: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    """Write the rows as CSV (header first); returns the number of rows."""
    writer = csv.writer(handle)
    writer.writerow(GED_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in GED_COLUMNS])
        n += 1
    return n
