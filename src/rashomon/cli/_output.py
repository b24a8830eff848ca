"""Rendering rows for the terminal and for pipes: table, json, jsonl, csv."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

from rashomon._csv import safe_cell
from rashomon.escape import for_terminal, hide_secrets


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def out_console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def err_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_error(message: object) -> None:
    """``error: MESSAGE`` on stderr as one line: control characters spelled out, passwords
    hidden (a message may quote a file name, a title or a store URL)."""
    text = for_terminal(hide_secrets(str(message)))
    err_console().print(f"error: {text}", markup=False)


def emit_rows(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: Format, title: str | None = None
) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: safe_cell(row.get(c)) for c in columns})
    else:
        emit_table(rows, columns, title)


def emit_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None
) -> None:
    """A table when it fits the terminal; else one record per block ("column: value" lines),
    which stays readable in a narrow window and greppable in a pipe."""
    console = out_console()
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Document fields are untrusted: rich markup in them must print literally.
        table.add_row(*(_escape(_cell(row.get(c))) for c in columns))
    natural = Measurement.get(console, console.options.update(max_width=1_000_000), table)
    if natural.maximum <= console.width:
        console.print(table)
        return
    err_console().print(
        f"note: the table is wider than {console.width} columns, so each row is shown as a "
        "list; --format csv, json or jsonl give every field to other programs",
        markup=False,
    )
    width = max((len(c) for c in columns), default=0)
    if title:
        console.print(title, markup=False)
    for row in rows:
        console.print("", markup=False)
        for column in columns:
            console.print(f"{column.rjust(width)}: {_cell(row.get(column))}", markup=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
