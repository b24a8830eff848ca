"""Commands over events: events, compare."""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon.cli._common import (
    EXIT_USAGE,
    DbOption,
    _store,
    app,
    stage_progress,
)
from rashomon.cli._output import Format, emit_rows, err_console, out_console


@app.command()
def events(
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table, jsonl (the event contract), json or csv."),
    ] = Format.table,
    measure: Annotated[
        str, typer.Option("--measure", help="Measure shown in the table's estimate columns.")
    ] = "killed",
    ratio: Annotated[
        float,
        typer.Option(
            "--ratio", min=1.0, help="Figures further apart than this ratio are a dispute."
        ),
    ] = 1.5,
) -> None:
    """Events across sources: estimates (low/best/high), disputes, inconsistencies.

    Brings the store's events up to date first (only new claims are aligned).

    \b
    Examples:
      rashomon events --db study.db
      rashomon events --db study.db --format jsonl > events.jsonl
      rashomon events --db study.db --measure displaced --ratio 2
    """
    from rashomon.align import update_events
    from rashomon.review import reviewed_events

    with _store(db, create=False) as store:
        with stage_progress() as progress:
            update_events(store, ratio, progress)
        # The reviewed view: values after human review, each reviewed event marked.
        found = list(reviewed_events(store, ratio))
    found.sort(key=lambda e: ((e["time"] or {}).get("start") or "9999", e["id"]))
    if fmt in (Format.table, Format.csv):
        rows = []
        for e in found:
            est = e["estimates"].get(measure) or {}
            rows.append(
                {
                    "id": e["id"],
                    "event": e["label"],
                    "docs": len(e["docs"]),
                    "claims": len(e["claims"]),
                    "low": est.get("low"),
                    "best": est.get("best"),
                    "high": est.get("high"),
                    "sources": est.get("n_sources"),
                    "disputes": len(e["disputes"]),
                    "inconsistencies": len(e["consistency"]),
                    "reviewed": "yes" if e.get("review") else "",
                }
            )
        emit_rows(
            rows,
            [
                "id",
                "event",
                "docs",
                "claims",
                "low",
                "best",
                "high",
                "sources",
                "disputes",
                "inconsistencies",
                "reviewed",
            ],
            fmt,
            title=f"{len(rows)} events; estimates of {measure!r}, each from its sources",
        )
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
