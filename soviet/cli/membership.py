"""``soviet member ...``: members join base units (one, or a roll from a CSV file), transfer,
are suspended and reinstated, and leave."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer

from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import record
from soviet.rules.membership import LEAVING, join, leave, reinstate, suspend, transfer

app = typer.Typer(name="member", help="Members of base units: join, transfer, suspend, "
                  "reinstate, leave.", no_args_is_help=True)

MemberArg = Annotated[str, typer.Argument(help="The member's id.")]


class RollError(ValueError):
    """A roll file that cannot be read as it stands: the message names the file and line."""


def read_roll(path: Path) -> list[tuple[str, str]]:
    """(id, name) of each row of a CSV file whose header names the columns ``id`` and ``name``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise RollError(f"{path}: {e.strerror}") from None
    rows = csv.reader(io.StringIO(text))
    header = [cell.strip().lower() for cell in next(rows, [])]
    if "id" not in header or "name" not in header:
        raise RollError(f"{path} line 1: the header must name the columns id and name")
    at_id, at_name = header.index("id"), header.index("name")
    roll: list[tuple[str, str]] = []
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = [*row, *[""] * len(header)]
        member, name = cells[at_id].strip(), cells[at_name].strip()
        if not member or not name:
            raise RollError(f"{path} line {line}: a member needs an id and a name")
        roll.append((member, name))
    return roll


@app.command("join")
def join_command(
    unit: Annotated[str, typer.Argument(help="The base unit they join.")],
    member: Annotated[str | None, typer.Option("--id", help="The member's id.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="The member's name.")] = None,
    roll: Annotated[Path | None, typer.Option(
        "--roll", help="A CSV file with columns id,name: the whole roll joins at once.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """One member (--id, --name) or a whole roll (--roll FILE.csv) joins a base unit."""
    if roll is not None:
        if member is not None or name is not None:
            raise typer.BadParameter("give either --roll FILE or --id and --name, not both")
        members = read_roll(roll)
    elif member is not None and name is not None:
        members = [(member, name)]
    else:
        raise typer.BadParameter("give --id and --name, or --roll FILE.csv")
    when = day(on)
    record(db, lambda s: join(s, unit, members, when))


@app.command("transfer")
def transfer_command(
    member: MemberArg,
    to: Annotated[str, typer.Option("--to", help="The base unit they move to.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Move a member to another base unit; the mandates their old unit gave them end."""
    when = day(on)
    record(db, lambda s: transfer(s, member, to, when))


@app.command("suspend")
def suspend_command(
    member: MemberArg,
    until: Annotated[str | None, typer.Option(
        "--until", help="The day the suspension ends (default: until reinstated).")] = None,
    reason: Annotated[str, typer.Option("--reason", help="Why.")] = "",
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Suspend a member: no vote, no signature, no candidacy while it lasts."""
    when, ends = day(on), day(until, "--until") if until is not None else None
    record(db, lambda s: suspend(s, member, when, ends, reason))


@app.command("reinstate")
def reinstate_command(member: MemberArg, db: DbOption = None, on: OnOption = None) -> None:
    """End a member's suspension."""
    when = day(on)
    record(db, lambda s: reinstate(s, member, when))


@app.command("leave")
def leave_command(
    member: MemberArg,
    reason: Annotated[str, typer.Option("--reason", help=f"One of {', '.join(LEAVING)}.")
                      ] = "resigned",
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """A member leaves; every mandate they hold ends, with what is held through it."""
    when = day(on)
    record(db, lambda s: leave(s, member, when, reason))
