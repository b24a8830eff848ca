"""One event's sources side by side in the terminal (``rashomon compare``).

Every figure is shown with the document it comes from, the speaker the document attributes it
to, and the sentence it was read from; the tool's own words only say who gives what
("Source A gives 12,000; source B gives 3,000") and never which figure is right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rich.columns import Columns
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from rashomon._words import period_words, plural, quoted, value_words
from rashomon.reconcile.estimates import estimate_list
from rashomon.report import wording
from rashomon.report.wording import by_group, describe_consistency, estimate_lines, estimate_summary
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


def estimate_label(est: Mapping[str, Any]) -> str:
    """ "killed", "killed (Bosniaks)": whose toll an estimate is."""
    label = str(est.get("measure"))
    name = (est.get("victims") or {}).get("name")
    return f"{label} ({name})" if name else label


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
    name = _doc_namer(docs)
    console.print(Text(f"{event['label']}  ({event['id']})", style="bold"))
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
    names = event.get("names") or []
    if names:
        console.print(
            Text(
                "Names the sources give it: "
                + "; ".join(
                    f"{quoted(n['name'], n.get('lang'))} "
                    f"({plural(len(n.get('docs') or []), 'document')})"
                    for n in names
                )
            )
        )
    # The victim groups of one measure side by side: the soldiers' and the civilians' tolls
    # are different quantities, never one range.
    for measure, groups in by_group(estimate_list(dict(event))).items():
        panels = [
            Panel(
                Text(
                    "\n".join(estimate_lines(est, name, _doc_lang(docs))[1:]) or "no figure counted"
                ),
                title=Text(estimate_summary(est)),
                width=min(100, max(50, 160 // max(1, len(groups)))),
            )
            for est in groups
        ]
        console.print(Text(f"{measure}: {plural(len(groups), 'victim group')}", style="bold"))
        console.print(Columns(panels))
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
        console.print(Text(describe_consistency(problem, name)))


def _doc_namer(docs: Mapping[str, Mapping[str, Any]]) -> Callable[[str], str]:
    return lambda doc_id: source_name(docs.get(doc_id), doc_id)


def _doc_lang(docs: Mapping[str, Mapping[str, Any]]) -> Callable[[str], str | None]:
    return lambda doc_id: (docs.get(doc_id) or {}).get("lang")


def describe_dispute(
    dispute: Mapping[str, Any],
    claims: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, Mapping[str, Any]],
) -> str:
    """A dispute in attributive, neutral words: who gives what (``claims`` kept for callers
    that pass them; the dispute carries its figures' words)."""
    del claims
    if dispute.get("kind") == "perpetrators":
        detail = dispute.get("detail") or {}
        # Actors as readers know them, not their ids ("a:ija" -> "Imperial Japanese Army").
        dispute = {
            **dispute,
            "detail": {d: [actor_words(str(n)) for n in names] for d, names in detail.items()},
        }
    return wording.describe_dispute(dispute, _doc_namer(docs), _doc_lang(docs))
