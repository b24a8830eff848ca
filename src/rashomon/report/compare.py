"""One event's sources side by side in the terminal (``rashomon compare``).

Every figure is shown with the document it comes from, the speaker the document attributes it
to, and the sentence it was read from; the tool's own words only say who gives what
("Source A gives 12,000; source B gives 3,000") and never which figure is right.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rich.columns import Columns
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from rashomon._words import period_words, plural, quoted, ratio_words, value_words
from rashomon.review.view import review_summary

_QUOTE_MAX = 320


def source_name(doc: Mapping[str, Any] | None, doc_id: str) -> str:
    """How a document is named to readers: its publisher or title, else its file name."""
    if not doc:
        return doc_id[:12]
    name = (
        doc.get("publisher") or doc.get("site") or doc.get("title") or Path(str(doc["path"])).name
    )
    return str(name)


def estimate_list(event: dict[str, Any]) -> list[dict[str, Any]]:
    """An event's estimates as a list (the contract's new shape), whether they come as one
    (one per measure, victim group and scope) or as a dict keyed by measure (the old)."""
    found = event.get("estimates") or []
    if isinstance(found, dict):
        return [{"measure": measure, **est} for measure, est in found.items()]
    return list(found)


def estimate_label(est: dict[str, Any]) -> str:
    """ "killed", "killed (Bosniaks)", "killed (in Osterlo)": which figures an estimate covers."""
    label = str(est.get("measure"))
    victims = est.get("victims") or {}
    scope = est.get("scope") or {}
    details = [str(x) for x in (victims.get("name"), scope.get("text")) if x]
    return f"{label} ({'; '.join(details)})" if details else label


@cache
def _actor_names() -> dict[str, str]:
    rows = (resources.files("rashomon") / "data" / "actors.tsv").read_text("utf-8").splitlines()
    return {cells[0]: cells[1] for cells in (r.split("\t") for r in rows[1:]) if len(cells) > 1}


def actor_words(value: str) -> str:
    """An actor as readers know it: the actor table's name for an id ("a:ija" -> "Imperial
    Japanese Army"), anything else as it came."""
    return _actor_names().get(value, value) if value.startswith("a:") else value


def _quote(claim: Mapping[str, Any]) -> Text:
    evidence = claim["evidence"]
    quote, base = str(evidence["quote"]), int(evidence["start"])
    span = claim.get("value") or claim.get("trigger") or {}
    text = Text()
    lo = int(span.get("start", base)) - base
    hi = int(span.get("end", base)) - base
    if 0 <= lo <= hi <= len(quote):
        text.append(quote[:lo])
        text.append(quote[lo:hi], style="bold reverse")
        text.append(quote[hi:])
    else:
        text.append(quote)
    if len(text) > _QUOTE_MAX:
        text.truncate(_QUOTE_MAX)
        text.append(" …")
    return text


def _figure_line(claim: Mapping[str, Any]) -> Text:
    value = claim.get("value") or {}
    attribution = claim.get("attribution") or {}
    line = Text()
    if claim.get("kind") == "figure":
        line.append(f"{claim.get('measure')}: ", style="bold")
        line.append(str(value.get("text")))
        words = value_words(value)
        # Read as: the figure in English words, when the source put it otherwise.
        if words.casefold() != str(value.get("text")).casefold():
            line.append(f"  (read as {words})", style="dim")
    else:
        line.append(f"{claim.get('event_type')} (event)", style="bold")
    time = claim.get("time") or {}
    if time:
        line.append(f"\ntime: {period_words(time)}", style="dim")
    if claim.get("places"):
        line.append(
            "\nplaces: " + ", ".join(str(p.get("name")) for p in claim["places"]), style="dim"
        )
    line.append("\nspeaker: ", style="dim")
    line.append(str(attribution.get("speaker") or "the document itself"))
    reviewed = review_summary(claim)
    if reviewed:
        line.append("\n" + reviewed, style="italic")
    return line


def render_compare(
    console: Console,
    event: Mapping[str, Any],
    claims: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, Mapping[str, Any]],
) -> None:
    time = event.get("time") or {}
    console.print(Text(f"{event['id']}  {event['label']}", style="bold"))
    console.print(
        Text(
            f"{plural(len(event['docs']), 'document')}, {plural(len(event['claims']), 'claim')}"
            + (
                f"; period {period_words({'start': time.get('start'), 'end': time.get('end')})}"
                if time.get("start")
                else "; no period known"
            )
        )
    )
    for est in estimate_list(dict(event)):
        measure = estimate_label(est)
        sources = plural(est["n_sources"], "source")
        console.print(
            Text(
                f"{measure}: low {est['low']:,} · best {est['best']:,} · high {est['high']:,} "
                f"(from {sources}; best = median of one value per source)"
                if est["low"] is not None and est["best"] is not None and est["high"] is not None
                else f"{measure}: {sources}"
            )
        )
    panels = []
    for doc_id in event["docs"]:
        doc = docs.get(doc_id)
        body = Text()
        for cid in event["claims"]:
            claim = claims.get(cid)
            if claim is None or claim["doc"]["id"] != doc_id:
                continue
            if body:
                body.append("\n\n")
            body.append_text(_figure_line(claim))
            body.append("\n")
            body.append_text(_quote(claim))
        meta = " · ".join(str(x) for x in ((doc or {}).get("date"), (doc or {}).get("lang")) if x)
        # Document text is untrusted: Text objects never interpret markup.
        panels.append(
            Panel(body, title=Text(source_name(doc, doc_id)), subtitle=Text(meta), width=60)
        )
    console.print(Columns(panels))
    for dispute in event["disputes"]:
        console.print(Text(describe_dispute(dispute, claims, docs)))
    for problem in event["consistency"]:
        doc = docs.get(str(problem["doc"]))
        console.print(Text(f"Inside {source_name(doc, str(problem['doc']))}: {problem['detail']}"))


def describe_dispute(
    dispute: Mapping[str, Any],
    claims: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, Mapping[str, Any]],
) -> str:
    """A dispute in attributive, neutral words: who gives what."""
    if dispute.get("kind") == "figure":
        parts = []
        for v in dispute.get("values", []):
            doc = docs.get(str(v["doc"]))
            who = source_name(doc, str(v["doc"]))
            if v.get("speaker"):
                who += f" (citing {v['speaker']})"
            parts.append(f"{who} gives {quoted(v['text'], (doc or {}).get('lang'))}")
        return (
            f"Sources differ on {dispute['measure']} ({ratio_words(float(dispute['ratio']))}): "
            + "; ".join(parts)
        )
    if dispute.get("kind") == "perpetrators":
        detail = dispute.get("detail") or {}
        parts = [
            f"{source_name(docs.get(d), d)} names {', '.join(actor_words(n) for n in names)}"
            for d, names in detail.items()
        ]
        return "Sources name different perpetrators: " + "; ".join(parts)
    return f"Sources give incompatible dates: {dispute.get('detail')}"
