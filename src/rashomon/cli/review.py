"""Commands over reviews: review, reviews (list, import), users."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rashomon._words import plural
from rashomon.cli._common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, DbOption, _store, app
from rashomon.cli._output import Format, emit_rows, err_console, out_console, print_error
from rashomon.errors import Code, ReviewError

#: A review refused because its target changed since the reviewer saw it, or because the
#: reviewer may not review: exit 1, like other input that failed; bad usage is 2.
EXIT_REFUSED = EXIT_FAILED


def _fail(exc: ReviewError) -> typer.Exit:
    print_error(exc)
    refused = exc.code in (Code.STALE_REVIEW, Code.FORBIDDEN)
    return typer.Exit(EXIT_REFUSED if refused else EXIT_USAGE)


def _default_user() -> str:
    try:
        return os.environ.get("RASHOMON_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "local"


def _review_row(review: Any, status: str | None) -> dict[str, Any]:
    return {
        "id": review.id[:12],
        "when": review.created_at[:19].replace("T", " "),
        "who": review.author,
        "target": f"{review.target_kind} {review.target_id[:24]}",
        "review": review.describe(),
        "reason": review.reason,
        "status": status,
    }


_ROW_COLUMNS = ["id", "when", "who", "target", "review", "reason", "status"]


def _emit_reviews(reviews: list[Any], status: dict[str, str], fmt: Format, title: str) -> None:
    if fmt in (Format.table, Format.csv):
        rows = [_review_row(r, status.get(r.id)) for r in reviews]
        emit_rows(rows, _ROW_COLUMNS, fmt, title=title)
    else:
        emit_rows([{**r.to_dict(), "status": status.get(r.id)} for r in reviews], [], fmt)


def _show_target(view: Any, kind: str, target_id: str, fmt: Format) -> None:
    """What a reviewer needs before reviewing: current values, version, history."""
    from rashomon.review import show_value

    if kind == "claim":
        data = view.claim(target_id)
    elif kind == "event":
        data = view.event(target_id)
    else:
        data = {"id": target_id}
    version = view.version(kind, target_id)
    history = view.history(kind, target_id)
    if fmt is not Format.table:
        record = {"kind": kind, "version": version, "target": data}
        record["reviews"] = [r.to_dict() for r in history]
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    rows: list[dict[str, Any]] = [{"field": "target", "value": f"{kind} {target_id}"}]
    rows.append({"field": "version", "value": version})
    if kind == "claim" and data is not None:
        marks = (data.get("review") or {}).get("fields", {})
        shown = {
            "measure": data.get("measure"),
            "value": {k: (data.get("value") or {}).get(k) for k in ("low", "high", "qualifier")}
            if data.get("value")
            else None,
            "time": data.get("time"),
            "places": data.get("places") or [],
            "perpetrators": data.get("perpetrators") or [],
            "victims": data.get("victims") or [],
            "attribution": data.get("attribution"),
            "stance": data.get("stance"),
        }
        rows.append({"field": "quote", "value": (data.get("evidence") or {}).get("quote")})
        for name, value in shown.items():
            text = show_value(name, value) if value not in (None, []) else "none"
            if name in marks:
                text += f"   (set by {marks[name]['by']} on {marks[name]['at'][:10]})"
            rows.append({"field": name, "value": text})
        decision = (data.get("review") or {}).get("decision")
        if decision:
            rows.append({"field": "decision", "value": f"{decision['action']} by {decision['by']}"})
    elif kind == "event" and data is not None:
        rows.append({"field": "label", "value": data.get("label")})
        rows.append({"field": "claims", "value": ", ".join(c[:12] for c in data["claims"])})
    emit_rows(rows, ["field", "value"], Format.table)
    if history:
        _emit_reviews(history, view.status, Format.table, plural(len(history), "review"))


@app.command()
def review(
    target: Annotated[
        str | None,
        typer.Argument(
            help="Claim id, event id (ev-...) or document id/path; an id prefix is enough.",
            show_default=False,
        ),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Correct a claim's field: FIELD=VALUE (repeatable). Fields: perpetrators, "
            "victims, places (names; ';' or ',' between them; empty clears), measure, "
            "value (3000, ~3000, >3000, >=3000, <3000, <=3000, 3000-12000), qualifier, "
            "time (1918-09-15, 1918-09, 1918 or START..END; none clears), attribution "
            "(speaker; none = the document's own claim), stance (asserted, or rejected / "
            "superseded / unconfirmed [by WHO]).",
        ),
    ] = None,
    accept: Annotated[bool, typer.Option("--accept", help="Mark as checked and right.")] = False,
    reject: Annotated[
        bool, typer.Option("--reject", help="Reject a claim as not a figure (it leaves events).")
    ] = False,
    merge: Annotated[
        str | None, typer.Option("--merge", help="Merge this other event into the event.")
    ] = None,
    split: Annotated[
        list[str] | None,
        typer.Option("--split", help="Split these claims off the event into one of their own."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Attach a note.")] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why (kept with the review).")
    ] = None,
    user: Annotated[
        str | None,
        typer.Option("--user", help="Who reviews [default: $RASHOMON_USER or login name]."),
    ] = None,
    if_version: Annotated[
        str | None,
        typer.Option(
            "--if-version",
            help="Refuse the review if the target changed since this version (shown by "
            "`rashomon review TARGET`).",
        ),
    ] = None,
    orphans: Annotated[
        bool, typer.Option("--orphans", help="List reviews whose target no longer exists.")
    ] = False,
    db: DbOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, json or jsonl.")] = (
        Format.table
    ),
) -> None:
    """Review a claim, an event or a document; without an action, show it with its reviews.

    Reviews are stored apart from machine output and applied whenever it is read, so they
    survive re-extraction. Exit status 1: refused (the target changed since --if-version, or
    the user may not review); 2: unknown target or invalid value.

    \b
    Examples:
      rashomon review 1949bac --db study.db
      rashomon review 1949bac --set perpetrators="Home Guard" --reason "line 3" --db study.db
      rashomon review c8a6d9 --reject --reason "a page number, not a count" --db study.db
      rashomon review ev-80ec --merge ev-6ea0 --db study.db
      rashomon review ev-80ec --split 46cd95 --split 1949ba --db study.db
      rashomon review --orphans --db study.db
    """
    from rashomon.review import ReviewedView, add_review, resolve

    actions = [
        a
        for a, on in (
            ("correct", bool(set_)),
            ("accept", accept),
            ("reject", reject),
            ("merge", merge is not None),
            ("split", bool(split)),
            ("note", note is not None),
        )
        if on
    ]
    if len(actions) > 1:
        err_console().print(
            f"error: {Code.BAD_ARGUMENT.value} one action at a time (got {', '.join(actions)})",
            markup=False,
        )
        raise typer.Exit(EXIT_USAGE)
    with _store(db, create=False) as store:
        view = ReviewedView(store)
        if orphans:
            lost = view.orphans()
            _emit_reviews(lost, view.status, fmt, f"{len(lost)} orphaned reviews (kept)")
            return
        if target is None:
            err_console().print(
                f"error: {Code.BAD_ARGUMENT.value} name a claim, event or document "
                "(or use --orphans)",
                markup=False,
            )
            raise typer.Exit(EXIT_USAGE)
        author = user or _default_user()
        try:
            found = resolve(view, target)
            if not actions:
                _show_target(view, found.kind, found.id, fmt)
                return
            done = []
            if actions[0] == "correct":
                for item in set_ or []:
                    field, sep, value = item.partition("=")
                    if not sep:
                        raise ReviewError(
                            Code.BAD_REVIEW, f"--set {item!r}: write FIELD=VALUE", found.id
                        )
                    done.append(
                        add_review(
                            store,
                            found,
                            "correct",
                            author=author,
                            field=field.strip(),
                            value=value,
                            reason=reason,
                            version=if_version,
                            view=view,
                        )
                    )
                    # Several --set in one command are one reviewer's one look at the claim.
                    if_version = None
                    view = ReviewedView(store)
            else:
                done.append(
                    add_review(
                        store,
                        found,
                        actions[0],
                        author=author,
                        other=merge,
                        claims=split or (),
                        note=note,
                        reason=reason,
                        version=if_version,
                        view=view,
                    )
                )
        except ReviewError as exc:
            raise _fail(exc) from None
    for r in done:
        row = _review_row(r, "applied")
        out_console().print(
            f"review {row['id']} stored: {row['target']}: {row['review']} (by {r.author})",
            markup=False,
        )


reviews_app = typer.Typer(
    help="List reviews (all, with their status), or exchange them between stores as JSONL.\n\n"
    "Examples:\n\n"
    "  rashomon reviews --db study.db\n\n"
    "  rashomon reviews --format jsonl --db study.db > reviews.jsonl\n\n"
    "  rashomon reviews import reviews.jsonl --db other.db",
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(reviews_app, name="reviews")


@reviews_app.callback()
def reviews(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, csv, json or jsonl (for import).")
    ] = Format.table,
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from rashomon.review import ReviewedView

    with _store(db, create=False) as store:
        view = ReviewedView(store)
        _emit_reviews(view.reviews, view.status, fmt, plural(len(view.reviews), "review"))


@reviews_app.command(name="import")
def import_cmd(
    file: Annotated[
        Path, typer.Argument(help="JSONL from `rashomon reviews --format jsonl` (- for stdin).")
    ],
    db: DbOption = None,
) -> None:
    """Add reviews from another store; reviews already present are skipped (idempotent).

    \b
    Examples:
      rashomon reviews import reviews.jsonl --db other.db
    """
    from rashomon.review import import_reviews

    if str(file) == "-":
        lines = list(enumerate(sys.stdin, 1))
    else:
        try:
            with file.open(encoding="utf-8") as handle:
                lines = list(enumerate(handle, 1))
        except (OSError, UnicodeDecodeError) as exc:
            code = Code.NOT_FOUND if isinstance(exc, FileNotFoundError) else Code.READ_FAILED
            print_error(f"{file}: {code.value} {exc}")
            raise typer.Exit(EXIT_USAGE) from None
    with _store(db) as store:
        imported, present, problems = import_reviews(store, lines)
    for problem in problems:
        err_console().print(f"error: {file}: {problem}", markup=False)
    out_console().print(
        f"{plural(imported, 'review')} imported, {present} already present, "
        f"{len(problems)} refused",
        markup=False,
    )
    raise typer.Exit(EXIT_FAILED if problems else EXIT_OK)


users_app = typer.Typer(
    help="Accounts for the web app: needed to serve beyond 127.0.0.1; once any exists, "
    "everyone logs in and only reviewers and admins can review.\n\n"
    "Examples:\n\n"
    "  rashomon users add alice --role reviewer --db team.db\n\n"
    "  rashomon users list --db team.db",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(users_app, name="users")


@users_app.command(name="add")
def users_add(
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option("--role", help="reader, reviewer or admin.")] = "reviewer",
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="RASHOMON_PASSWORD",
            help="The password [default: asked for, not echoed; or $RASHOMON_PASSWORD].",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Change an existing account's role and password.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add an account (the password is stored as an argon2 hash).

    \b
    Examples:
      rashomon users add alice --role reviewer --db team.db
      rashomon users add bob --role reader --replace --db team.db
    """
    from rashomon.review import add_user

    if password is None:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    with _store(db) as store:
        try:
            add_user(store, name, role, password, replace=replace)
        except ReviewError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USAGE) from None
    out_console().print(f"user {name} ({role}) saved", markup=False)


@users_app.command(name="list")
def users_list(
    db: DbOption = None, fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table
) -> None:
    """List accounts and their roles.

    \b
    Examples:
      rashomon users list --db team.db
    """
    from rashomon.review import list_users

    with _store(db, create=False) as store:
        rows = [{"name": u.name, "role": u.role} for u in list_users(store)]
    emit_rows(rows, ["name", "role"], fmt, title=f"{len(rows)} accounts")


@users_app.command(name="remove")
def users_remove(
    name: Annotated[str, typer.Argument(help="Login name.")], db: DbOption = None
) -> None:
    """Remove an account (its reviews stay, with its name).

    \b
    Examples:
      rashomon users remove bob --db team.db
    """
    from rashomon.review import remove_user

    with _store(db, create=False) as store:
        if not remove_user(store, name):
            err_console().print(
                f"error: {name}: {Code.BAD_ARGUMENT.value} no such user", markup=False
            )
            raise typer.Exit(EXIT_USAGE)
    out_console().print(f"user {name} removed", markup=False)
