"""The words and shapes the pages show, computed from fields (never from a side's words).

Templates only lay these out; Jinja2 escapes every string they print, so document text, which
is untrusted, reaches the page as text.  Figures are always stated with their source
("According to X: ..."), as in the HTML report.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.web.catalog import DocInfo, EventRow

COLORS = {
    "killing": "#b2182b",
    "assassination": "#d6604d",
    "injury": "#f4a582",
    "displacement": "#4393c3",
    "detention": "#2166ac",
    "destruction": "#8c510a",
    "looting": "#bf812d",
    "attack": "#762a83",
    "occupation": "#9970ab",
    "legal": "#5aae61",
    "other": "#878787",
}


def fmt(n: Any) -> str:
    return "?" if n is None else f"{n:,}" if isinstance(n, int) else f"{round(float(n)):,}"


def value_text(value: Mapping[str, Any] | None) -> str:
    if not value:
        return ""
    q, low, high = value.get("qualifier"), value.get("low"), value.get("high")
    if q == "range":
        return f"{fmt(low)}–{fmt(high)}"
    if q in ("more_than", "at_least"):
        return f"{'more than' if q == 'more_than' else 'at least'} {fmt(low)}"
    if q in ("less_than", "at_most"):
        return f"{'less than' if q == 'less_than' else 'up to'} {fmt(high)}"
    if q == "approx":
        return f"about {fmt(low)}"
    if q == "vague":
        return f"{fmt(low)} or more (vague)"
    return fmt(low if low is not None else high)


def doc_name(docs: Mapping[str, DocInfo], doc_id: str) -> str:
    doc = docs.get(doc_id)
    return doc.name if doc else doc_id[:12]


def speaker(claim: Mapping[str, Any]) -> str | None:
    return (claim.get("attribution") or {}).get("speaker") or None


def figure_sentence(claim: Mapping[str, Any], docs: Mapping[str, DocInfo]) -> str:
    """A sentence that names its source: the app never states a figure in its own voice."""
    who = doc_name(docs, claim["doc"]["id"])
    if speaker(claim):
        who += f", citing {speaker(claim)}"
    if claim.get("kind") != "figure":
        return f"According to {who}: {claim.get('event_type')} (no figure)."
    value = claim.get("value") or {}
    return (
        f"According to {who}: {claim.get('measure')} {value_text(value)} "
        f"(as written: “{value.get('text')}”)."
    )


def quote_parts(claim: Mapping[str, Any]) -> tuple[str, str, str]:
    """The evidence sentence split around the figure (or trigger) for highlighting."""
    evidence = claim.get("evidence") or {}
    quote, base = str(evidence.get("quote") or ""), int(evidence.get("start") or 0)
    span = claim.get("value") or claim.get("trigger") or {}
    lo, hi = int(span.get("start", base)) - base, int(span.get("end", base)) - base
    if 0 <= lo <= hi <= len(quote):
        return quote[:lo], quote[lo:hi], quote[hi:]
    return quote, "", ""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    claim: Mapping[str, Any] | None = None


def doc_segments(text: str, claims: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """A document's text cut at every claim's figure (or trigger) span, for highlighting."""
    spans = sorted(
        (int(span["start"]), int(span["end"]), c)
        for c in claims
        if (span := c.get("value") or c.get("trigger")) and "start" in span and "end" in span
    )
    out: list[Segment] = []
    pos = 0
    for start, end, claim in spans:
        if start < pos or end > len(text):
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], claim))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _days(iso: str) -> float:
    return float(dt.date.fromisoformat(iso[:10]).toordinal())


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    row: EventRow


def timeline(rows: Sequence[EventRow], limit: int = 60) -> dict[str, Any]:
    """Bars for the heaviest dated events on an 800-wide SVG, with year ticks."""
    dated = [r for r in rows if r.start and len(r.start) >= 10][:limit]
    if not dated:
        return {"bars": [], "ticks": [], "height": 80}
    lo = min(_days(r.start or "") for r in dated)
    hi = max(_days(r.end or r.start or "") for r in dated)
    if hi - lo < 60:
        lo, hi = lo - 30, hi + 30
    width, row_h = 800.0, 12.0

    def x(day: float) -> float:
        return 10 + (day - lo) / (hi - lo) * (width - 20)

    dated.sort(key=lambda r: (r.start or "", r.id))
    bars = []
    for i, r in enumerate(dated):
        x1 = x(_days(r.start or ""))
        x2 = max(x1 + 3, x(_days(r.end or r.start or "") + 1))
        bars.append(Bar(round(x1, 1), 6 + i * row_h, round(x2 - x1, 1), r))
    height = 30 + len(dated) * row_h
    first = dt.date.fromordinal(int(lo)).year
    last = dt.date.fromordinal(int(hi)).year
    step = max(1, math.ceil((last - first + 1) / 10))
    ticks = []
    for year in range(first, last + 2, step):
        tx = x(float(dt.date(year, 1, 1).toordinal())) if 1 <= year <= 9999 else -1
        if 0 <= tx <= width:
            ticks.append({"x": round(tx, 1), "year": year})
    return {"bars": bars, "ticks": ticks, "height": height}


def map_points(rows: Sequence[EventRow], limit: int = 500) -> dict[str, Any]:
    """Dots for events with coordinates (equirectangular, 720x360) and a view box around
    them, so the map opens on the events' region."""
    points: list[dict[str, Any]] = [
        {"cx": round((r.place[1] + 180) * 2, 2), "cy": round((90 - r.place[0]) * 2, 2), "row": r}
        for r in rows[:limit]
        if r.place is not None
    ]
    box = [0.0, 0.0, 720.0, 360.0]
    if points:
        xs = [p["cx"] for p in points]
        ys = [p["cy"] for p in points]
        w = max(60.0, max(xs) - min(xs) + 40)
        h = max(30.0, max(ys) - min(ys) + 40)
        cw = max(w, h * 2)
        box = [(min(xs) + max(xs)) / 2 - cw / 2, (min(ys) + max(ys)) / 2 - cw / 4, cw, cw / 2]
    return {"points": points, "box": " ".join(f"{v:.1f}" for v in box)}


def figure_chart(
    est: Mapping[str, Any], claims: Mapping[str, Mapping[str, Any]], limit: int = 60
) -> dict[str, Any]:
    """Each source's figure for one measure on a log scale (ranges as bars, open ends as
    arrows), as positions for an SVG 640 wide; the figures counted in the estimate first,
    at most ``limit`` of them (``more`` says how many are left out)."""
    figures = []
    listed = sorted(est.get("figures") or [], key=lambda f: not f.get("counted"))
    for f in listed[:limit]:
        claim = claims.get(f["claim"])
        if claim is None:
            continue
        value = claim.get("value") or {}
        low, high = value.get("low"), value.get("high")
        if low is None and high is None:
            continue
        figures.append((claim, low, high))
    values = [v for _, lo, hi in figures for v in (lo, hi) if v is not None and v > 0]
    if not values:
        return {"rows": [], "ticks": [], "height": 0, "more": 0}
    lo_log, hi_log = math.log10(min(values)) - 0.2, math.log10(max(values)) + 0.2

    def x(v: float) -> float:
        return round(150 + (math.log10(v) - lo_log) / max(0.01, hi_log - lo_log) * 470, 1)

    rows = []
    for i, (claim, low, high) in enumerate(figures):
        a, b = (low if low is not None else high), (high if high is not None else low)
        if not a or not b:
            continue
        rows.append(
            {
                "y": 8 + i * 18,
                "x1": x(a),
                "x2": max(x(b), x(a) + 1),
                "open_high": high is None,
                "open_low": low is None,
                "claim": claim,
            }
        )
    ticks = [
        {"x": x(10**p), "label": fmt(10**p)}
        for p in range(math.ceil(lo_log), math.floor(hi_log) + 1)
    ]
    return {
        "rows": rows,
        "ticks": ticks,
        "height": 24 + len(figures) * 18,
        "more": max(0, len(listed) - limit),
    }


def current_values(claim: Mapping[str, Any]) -> dict[str, str]:
    """Each correctable field of a claim as a reviewer would type it (prefills the form)."""
    from rashomon.review.fields import FIELDS, show_value

    value = claim.get("value") or {}
    out = {}
    for name in FIELDS:
        if name == "value":
            current: Any = (
                {k: value.get(k) for k in ("low", "high", "qualifier")} if value else None
            )
        elif name == "qualifier":
            current = value.get("qualifier")
        else:
            current = claim.get(name)
        out[name] = "" if current in (None, []) else show_value(name, current)
    return out
