"""``soviet credentials ...``: the credentials commission reports on everyone registered at a
session of a council or the congress (admitted, consultative or refused, each with the ledger's
reason), a delegate contests another's mandate, and the body's vote decides it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import MemberArg, SessionArg
from soviet.counting.motion import figure
from soviet.rules.credentials import categories, contest, decide, report, seat_alternate

app = typer.Typer(name="credentials", help="Credentials: the commission's report, contested "
                  "mandates.", no_args_is_help=True)


@app.command("report")
def report_command(
    session: SessionArg,
    guests: Annotated[list[str] | None, typer.Option(
        "--guest", help="A member invited with a consultative vote; repeat it.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Report on everyone registered and not yet reported on (the first report, then
    supplements for late arrivals)."""
    when = day(on)
    invited = frozenset(guests or ())
    record(db, lambda s: report(s, session, when, guests=invited))


@app.command("contest")
def contest_command(
    session: SessionArg,
    member: MemberArg,
    by: Annotated[str, typer.Option("--by", help="The admitted delegate contesting it.")],
    grounds: Annotated[str, typer.Option("--grounds", help="Why.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Contest a delegate's admitted mandate; they lose their deciding vote until the body
    decides."""
    when = day(on)
    record(db, lambda s: contest(s, session, member, by, grounds, when))


@app.command("decide")
def decide_command(
    session: SessionArg,
    member: MemberArg,
    poll: Annotated[str, typer.Option("--poll", help="The closed poll on admitting them.")],
    reason: Annotated[str, typer.Option("--reason", help="The body's reason.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the body's decision on a contested mandate, as its poll went."""
    when = day(on)
    record(db, lambda s: decide(s, session, member, poll, reason, when))


@app.command("seat-alternate")
def seat_alternate_command(
    session: SessionArg,
    absent: Annotated[str, typer.Argument(help="The delegate not present.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Seat, for the session, the highest-ranked alternate of the absent delegate's
    delegation who is present, in their place."""
    when = day(on)
    record(db, lambda s: seat_alternate(s, session, absent, when))


@app.command("summary")
def summary_command(session: SessionArg, db: DbOption = None) -> None:
    """The credentials report by category (authorised, registered, attending) and the voting
    strength present."""
    state = current(db)
    if session not in state.sessions:
        missing(f"there is no session {session!r}")
    lines, present = categories(state, session)
    table = Table(title=f"Credentials of {session}")
    for heading in ("category", "authorised", "registered", "attending"):
        table.add_column(heading)
    for c in lines:
        table.add_row(c.name, "" if c.authorised is None else str(c.authorised),
                      str(c.registered), str(c.attending))
    out.print(table)
    out.print(f"voting strength present: {figure(present)}")
