"""Ledger commands: init, verify, log, export, import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from soviet.charter import charter_to_json, load_charter
from soviet.cli.consoles import err, out
from soviet.cli.options import DbOption, db_url
from soviet.ledger import open_ledger, verify_rows
from soviet.ledger.open import masked_url
from soviet.ledger.transfer import export_lines, import_lines
from soviet.rules.founding import found
from soviet.service import Organisation


def init_command(
    charter: Annotated[Path, typer.Option("--charter", help="Charter TOML file.")],
    name: Annotated[str | None, typer.Option("--name", help="Organisation name.")] = None,
    db: DbOption = None,
) -> None:
    """Found an organisation: a new ledger whose first event holds the charter."""
    c = load_charter(charter)
    with Organisation.open(db_url(db)) as org:
        [event] = org.execute(lambda s: found(s, name or c.name, charter_to_json(c)),
                              actor="init")
        out.print(escape(f"founded {org.state().name!r} at {masked_url(org.ledger.url)} "
                         f"(event {event.seq}, {event.hash[:12]}…)"))


def verify_command(
    db: DbOption = None,
    expect_head: Annotated[
        str | None,
        typer.Option("--expect-head", help="Hash the last event must have (a published "
                     "anchor: detects events cut from the end)."),
    ] = None,
) -> None:
    """Check the whole hash chain; exit 1 naming the first bad event."""
    with open_ledger(db_url(db)) as ledger:
        verdict = verify_rows(ledger.rows())
    if not verdict.sound:
        out.print(f"[red]broken[/] at event {verdict.bad_seq}: {verdict.problem}")
        raise typer.Exit(1)
    if expect_head is not None and verdict.head.hash != expect_head:
        out.print(f"[red]broken[/]: the chain ends at event {verdict.head.seq} with "
                  f"{verdict.head.hash}, not the expected head {expect_head}")
        raise typer.Exit(1)
    out.print(f"ok: {verdict.checked} events, head {verdict.head.seq} {verdict.head.hash}")


def log_command(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only types starting with this "
                                              "(e.g. member.)")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor.")] = None,
    after: Annotated[int, typer.Option("--after", help="Only events after this number.")] = 0,
    upto: Annotated[int | None, typer.Option("--upto", help="Only up to this number.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events recorded at or "
                                              "after this time (ISO, UTC).")] = None,
    last: Annotated[int, typer.Option("--last", help="Show the last N matching.")] = 50,
) -> None:
    """Show the ledger's events as a table, newest last."""
    shown: list[tuple[str, ...]] = []
    with open_ledger(db_url(db)) as ledger:
        for seq, _, hash_, recorded_at, who, kind, payload in ledger.rows(after, upto):
            if ((type_ and not kind.startswith(type_)) or (actor and who != actor)
                    or (since and recorded_at < since)):
                continue
            shown.append((str(seq), recorded_at[:19].replace("T", " "), who, kind, hash_[:8],
                          payload))
            if len(shown) > 4 * last:
                del shown[: len(shown) - last]
    rows = shown[-last:]
    names = ("seq", "recorded (UTC)", "actor", "type", "hash")
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    # Rich squeezes every column of an overfull table; clip the payload to the room left
    # instead, so the identifying columns always show whole.
    room = max(out.width - sum(widths) - 3 * (len(names) + 1) - 1, 12)
    table = Table(box=box.SIMPLE_HEAD)
    for name, width in zip(names, widths, strict=True):
        table.add_column(name, no_wrap=True, width=width)
    table.add_column("payload", no_wrap=True)
    for *head, payload in rows:
        table.add_row(*head, payload if len(payload) <= room else payload[: room - 1] + "…")
    out.print(table)


def export_command(
    file: Annotated[Path | None, typer.Argument(help="Output file [default: stdout].")] = None,
    db: DbOption = None,
) -> None:
    """Write every event as JSON Lines (import reads it back byte for byte)."""
    with open_ledger(db_url(db)) as ledger:
        if file is None:
            export_lines(ledger, sys.stdout)
            return
        with file.open("w", encoding="utf-8", newline="\n") as f:
            n = export_lines(ledger, f)
    err.print(escape(f"exported {n} events to {file}"))


def import_command(
    file: Annotated[Path, typer.Argument(help="JSON Lines file written by export.")],
    db: DbOption = None,
) -> None:
    """Load an export into an empty ledger, checking the whole chain first."""
    with open_ledger(db_url(db)) as ledger, file.open(encoding="utf-8") as f:
        n = import_lines(ledger, f)
        out.print(escape(f"imported {n} events into {masked_url(ledger.url)}"))


def register(app: typer.Typer) -> None:
    app.command("init")(init_command)
    app.command("verify")(verify_command)
    app.command("log")(log_command)
    app.command("export")(export_command)
    app.command("import")(import_command)
