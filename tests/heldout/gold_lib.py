"""Annotation helpers of the held-out answer key (see make_gold.py): records with offsets
computed from anchor and occurrence, and the checks that stop on a mistake."""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent / "docs"

Rec = dict[str, Any]
Value = int | tuple[int | None, int | None] | list[int]

RECORDS: list[Rec] = []
_TEXTS: dict[str, str] = {}


def use_docs(folder: Path) -> None:
    """Annotate the documents in ``folder`` (tests/heldout2 writes its key with these helpers);
    document names differ between the sets, so the text cache is shared."""
    global DOCS
    DOCS = folder


def text(doc: str) -> str:
    if doc not in _TEXTS:
        _TEXTS[doc] = (DOCS / doc).read_text(encoding="utf-8")
    return _TEXTS[doc]


def locate(doc: str, anchor: str, n: int = 0) -> tuple[int, int]:
    """Span of the ``n``-th occurrence of ``anchor`` standing as whole tokens ("31" is not
    found inside "2,310" or "31st")."""
    pattern = re.compile(r"(?<!\w)(?<!\d[,.])" + re.escape(anchor) + r"(?!\w)(?![,.]\d)")
    hits = [m.start() for m in pattern.finditer(text(doc))]
    if n >= len(hits):
        raise SystemExit(f"{doc}: anchor {anchor!r} occurrence {n} not found ({len(hits)} hits)")
    return hits[n], hits[n] + len(anchor)


def T(start: str, end: str, w0: str, w1: str) -> dict[str, Any]:
    return {"start": start, "end": end, "within": [w0, w1]}


def fig(
    doc: str,
    anchor: str,
    n: int = 0,
    *,
    m: str | list[str],
    v: Value,
    q: str,
    places: list[list[str]],
    time: dict[str, Any] | None,
    victims: list[list[str]],
    perps: list[list[str]],
    attr: list[str] | None = None,
    status: str | None = None,
    by: list[str] | None = None,
    qok: list[str] | None = None,
    event: str | None = None,
    note: str = "",
) -> None:
    start, end = locate(doc, anchor, n)
    rec: Rec = {"kind": "figure", "doc": doc, "anchor": anchor, "start": start, "end": end}
    rec["measure"] = [m] if isinstance(m, str) else m
    if isinstance(v, list):
        rec["low_in"], rec["high"] = v, None
    elif isinstance(v, tuple):
        rec["low"], rec["high"] = v
    else:
        rec["low"] = rec["high"] = v
    rec["qualifier"] = q
    if qok:
        rec["qualifier_ok"] = qok
    rec.update(places=places, time=time, victims=victims, perpetrators=perps, attributed_to=attr)
    if status:
        rec["status"] = status
        if by:
            rec["status_by"] = by
    if note:
        rec["note"] = note
    rec["_event"] = event
    RECORDS.append(rec)


def nofig(doc: str, anchor: str, n: int = 0, note: str = "") -> None:
    start, end = locate(doc, anchor, n)
    rec: Rec = {"kind": "not_figure", "doc": doc, "anchor": anchor, "start": start, "end": end}
    if note:
        rec["note"] = note
    RECORDS.append(rec)


def nofigs(doc: str, *anchors: str | tuple[str, int]) -> None:
    for a in anchors:
        if isinstance(a, tuple):
            nofig(doc, a[0], a[1])
        else:
            nofig(doc, a)


ESTIMATES: list[Rec] = []
EVENTS: list[Rec] = []


def est(
    event: str,
    measure: str,
    victims: list[list[str]] | None,
    anchors: list[tuple[str, str, int]],
    low_in: list[int] | None,
    high_in: list[int] | None,
    note: str,
) -> None:
    ESTIMATES.append(
        {
            "kind": "estimate",
            "event": event,
            "measure": measure,
            "victims": victims,
            "_anchors": anchors,
            "low_in": low_in,
            "high_in": high_in,
            "note": note,
        }
    )


def ev(eid: str, label: str, must_not: list[str] | None = None) -> None:
    EVENTS.append(
        {"kind": "event", "id": eid, "label": label, "must_not_merge_with": must_not or []}
    )


def assemble(parts: list[Any]) -> list[Rec]:
    RECORDS.clear()
    ESTIMATES.clear()
    EVENTS.clear()
    for part in parts:
        part()
    by_anchor = {(r["doc"], r["anchor"], r["start"]): r for r in RECORDS if r["kind"] == "figure"}
    out: list[Rec] = []
    for r in RECORDS:
        out.append({k: val for k, val in r.items() if not k.startswith("_")})
    for e in ESTIMATES:
        anchors = []
        for doc, anchor, n in e["_anchors"]:
            start, _ = locate(doc, anchor, n)
            f = by_anchor.get((doc, anchor, start))
            if f is None or e["measure"] not in f["measure"] or f["_event"] != e["event"]:
                raise SystemExit(
                    f"estimate {e['event']}/{e['measure']}: {doc} {anchor!r} is not a figure of it"
                )
            anchors.append([doc, anchor, start])
        rec = {k: val for k, val in e.items() if not k.startswith("_")}
        rec["anchors"] = anchors
        out.append(rec)
    for e in EVENTS:
        figs = [r for r in RECORDS if r["kind"] == "figure" and r["_event"] == e["id"]]
        e["docs"] = sorted({r["doc"] for r in figs})
        e["anchors"] = [[r["doc"], r["anchor"], r["start"]] for r in figs]
        out.append(
            {k: e[k] for k in ("kind", "id", "label", "docs", "anchors", "must_not_merge_with")}
        )
    return out


_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")


def check(records: list[Rec]) -> list[str]:
    """Problems: a digit covered by no record, two records on one span."""
    problems = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in records:
        if r["kind"] in ("figure", "not_figure"):
            spans.setdefault(r["doc"], []).append((r["start"], r["end"]))
    for doc, ss in spans.items():
        if len(set(ss)) != len(ss):
            problems.append(f"{doc}: two records share a span")
        ordered = sorted(set(ss))
        problems += [
            f"{doc}: records at {a} and {b} overlap"
            for a, b in itertools.pairwise(ordered)
            if b[0] < a[1]
        ]
    for path in sorted(DOCS.glob("*.txt")):
        for m in _DIGITS.finditer(text(path.name)):
            if not any(s < m.end() and m.start() < e for s, e in spans.get(path.name, [])):
                problems.append(f"{path.name}: {m.group()!r} at {m.start()} is not annotated")
    return problems


def cli(records: list[Rec], out: Path) -> None:
    """The make_gold command: check, then ``--review`` prints each record in context,
    ``--check`` stops there, otherwise the records are written to ``out``."""
    problems = check(records)
    if problems:
        raise SystemExit("\n".join(problems))
    if "--review" in sys.argv:
        for r in records:
            if r["kind"] in ("figure", "not_figure"):
                t = text(r["doc"])
                ctx = (
                    t[max(0, r["start"] - 40) : r["start"]]
                    + "["
                    + t[r["start"] : r["end"]]
                    + "]"
                    + t[r["end"] : r["end"] + 30]
                )
                print(r["doc"][:3], r["kind"][:3], r.get("measure"), "|", ctx.replace("\n", " "))
    if "--check" not in sys.argv:
        with out.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} records to {out}")
