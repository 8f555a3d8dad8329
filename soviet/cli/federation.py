"""``soviet admission ...``: an organisation applies to join the federation; the charter's
conditions are examined one by one, each found met or not; the admitting body's vote on a
motion of the ``admission`` kind decides; and members are examined again when the charter's
period has passed since their conditions were last all examined."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.model.cases import Application
from soviet.rules.federation import apply, decide, due, examine, findings

app = typer.Typer(name="admission", help="Admission to the federation: apply, examine the "
                  "conditions, decide, show, due.", no_args_is_help=True)

ApplicationArg = Annotated[str, typer.Argument(help="The application (e.g. A1).")]


@app.command("apply")
def apply_command(
    organisation: Annotated[str, typer.Argument(help="The organisation applying.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """An organisation applies to join (one pending application at a time)."""
    when = day(on)
    record(db, lambda s: apply(s, organisation, when))


@app.command("examine")
def examine_command(
    application: ApplicationArg,
    numbers: Annotated[list[int], typer.Argument(help="The conditions' numbers, from 1 in "
                                                 "the charter's order.")],
    met: Annotated[bool, typer.Option("--met/--not-met", help="What was found.")],
    note: Annotated[str, typer.Option("--note", help="The evidence, for the record.")] = "",
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record a finding on each condition named (each its own act); a later finding on a
    condition replaces an earlier one."""
    when = day(on)
    record(db, *(partial(examine, application=application, number=n, met=met, note=note,
                         on=when) for n in numbers))


@app.command("decide")
def decide_command(
    application: ApplicationArg,
    motion: Annotated[str, typer.Option("--motion", help="The admission motion the admitting "
                                        "body voted on (e.g. MO7).")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the admitting body's vote: admitted if the motion was adopted. Every condition
    must have been examined."""
    when = day(on)
    record(db, lambda s: decide(s, application, motion, when))


@app.command("show")
def show_command(application: ApplicationArg, db: DbOption = None) -> None:
    """An application: each condition of the charter with its latest finding, and the
    decision."""
    state = current(db)
    a = state.applications.get(application)
    if a is None:
        missing(f"there is no application {application!r}")
    out.print(escape(f"{a.id} {a.organisation}: applied {a.on}; {decision(a)}"))
    conditions = state.rules.federation.conditions if state.rules.federation else ()
    latest = findings(state, a)
    table = Table(title="Conditions of admission")
    for heading in ("no.", "condition", "finding", "on", "note"):
        table.add_column(heading, justify="right" if heading == "no." else "left")
    for n, condition in enumerate(conditions, 1):
        f = latest.get(n)
        table.add_row(str(n), escape(condition),
                      "not examined" if f is None else "met" if f.met else "not met",
                      f.on if f else "", escape(f.note) if f else "")
    out.print(table)


def decision(a: Application) -> str:
    if a.admitted is None:
        return "not yet decided"
    return f"{'admitted' if a.admitted else 'refused'} by {a.motion} on {a.decided_on}"


@app.command("due")
def due_command(
    db: DbOption = None,
    on: Annotated[str | None, typer.Option(
        "--on", help="The day, YYYY-MM-DD (default: today).", show_default=False)] = None,
) -> None:
    """The members due to be examined again on a day: their conditions were last all
    examined longer ago than the charter's period."""
    state = current(db)
    when = day(on)
    found = due(state, when)
    if not found:
        out.print(escape(f"no member is due for re-examination on {when}"))
        return
    clause = state.rules.cite("federation.re_examination")
    for a in found:
        out.print(escape(f"{a.id} {a.organisation} ({decision(a)}) is due for "
                         f"re-examination on {when}, charter {clause}"))
