"""Commands over events: events, compare."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from rashomon._words import plural
from rashomon.cli._common import (
    EXIT_USAGE,
    DbOption,
    _store,
    app,
    stage_progress,
)
from rashomon.cli._output import Format, emit_rows, err_console, out_console


def minor(event: dict[str, Any]) -> bool:
    """A minor mention: one source and no figure (a passing reference, a caption)."""
    return len(event["docs"]) < 2 and not estimates_of(event)


def estimates_of(event: dict[str, Any]) -> list[dict[str, Any]]:
    from rashomon.reconcile.estimates import estimate_list

    return estimate_list(event)


@app.command()
def events(
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table, jsonl (the event contract), json or csv."),
    ] = Format.table,
    measure: Annotated[
        str, typer.Option("--measure", help="Measure whose estimates the table shows.")
    ] = "killed",
    ratio: Annotated[
        float,
        typer.Option(
            "--ratio", min=1.0, help="Figures further apart than this ratio are a dispute."
        ),
    ] = 1.5,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Also list minor mentions (one source, no figure) in the table."
        ),
    ] = False,
) -> None:
    """Events across sources: their names, estimates per victim group, disputes, inconsistencies.

    Brings the store's events up to date first (only new claims are aligned).  The table lists
    events with figures or more than one source first and folds away minor mentions (one
    source, no figure: a caption, a passing reference) unless --all; json, jsonl and csv
    always hold every event.

    \b
    Examples:
      rashomon events --db study.db
      rashomon events --db study.db --all
      rashomon events --db study.db --format jsonl > events.jsonl
      rashomon events --db study.db --measure displaced --ratio 2
    """
    from rashomon.align import update_events
    from rashomon.report.wording import estimate_summary
    from rashomon.review import reviewed_events

    with _store(db, create=False) as store:
        with stage_progress() as progress:
            update_events(store, ratio, progress)
        # The reviewed view: values after human review, each reviewed event marked.
        found = list(reviewed_events(store, ratio))
    found.sort(key=lambda e: (minor(e), (e["time"] or {}).get("start") or "9999", e["id"]))
    if fmt in (Format.table, Format.csv):
        folded = 0
        rows = []
        for e in found:
            if fmt is Format.table and not show_all and minor(e):
                folded += 1
                continue
            groups = [x for x in estimates_of(e) if x.get("measure") == measure]
            # The group most sources estimate fills the number columns; every group is named
            # in "estimates", side by side.
            main = max(groups, key=lambda x: int(x.get("n_sources") or 0), default={})
            rows.append(
                {
                    "id": e["id"],
                    "event": e["label"],
                    "docs": len(e["docs"]),
                    "claims": len(e["claims"]),
                    "group": ((main.get("victims") or {}).get("name")) if main else None,
                    "low": main.get("low"),
                    "best": main.get("best"),
                    "high": main.get("high"),
                    "sources": main.get("n_sources"),
                    "estimates": " | ".join(estimate_summary(x) for x in groups),
                    "disputes": len(e["disputes"]),
                    "inconsistencies": len(e["consistency"]),
                    "reviewed": "yes" if e.get("review") else "",
                }
            )
        columns = ["id", "event", "docs", "claims"]
        columns += (
            ["estimates"]
            if fmt is Format.table
            else ["group", "low", "best", "high", "sources", "estimates"]
        )
        columns += ["disputes", "inconsistencies", "reviewed"]
        title = (
            f"{plural(len(rows), 'event')}; estimates of {measure!r} per victim group, "
            "from their sources"
        )
        if folded:
            title += (
                f"; {plural(folded, 'minor mention')} (one source, no figure) folded away: "
                "--all shows them"
            )
        emit_rows(rows, columns, fmt, title=title)
    else:
        emit_rows(found, [], fmt)


@app.command()
def compare(
    event: Annotated[str, typer.Argument(help="Event id or id prefix.", show_default=False)],
    db: DbOption = None,
) -> None:
    """The sources of one event side by side: each figure with its source, quote and speaker.

    \b
    Examples:
      rashomon compare ev-1e6b --db study.db
    """
    from rashomon.align import update_events
    from rashomon.report.compare import render_compare
    from rashomon.review import ReviewedView

    with _store(db, create=False) as store:
        with stage_progress() as progress:
            update_events(store, progress=progress)
        view = ReviewedView(store)
        matches = view.find_events(event)
        if len(matches) != 1:
            problem = "no event" if not matches else f"{len(matches)} events"
            err_console().print(f"error: {event}: {problem} with this id or prefix", markup=False)
            raise typer.Exit(EXIT_USAGE)
        found = view.event(matches[0])
        assert found is not None
        claims = view.claims_by_id(found["claims"])
        docs = {d["id"]: d for d in store.list_documents()}
        render_compare(out_console(), found, claims, docs)
