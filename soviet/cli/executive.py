"""``soviet faction ...``, ``soviet coalition ...`` and ``soviet officer ...``: the executive's
life besides its election. Delegates register factions with their platforms, and join or leave
them later; the majority offers the minority seats on the condition that it accepts the
programme, and the answer is recorded; the executive appoints officers to the charter's
portfolios, who may resign. A motion of no confidence (``soviet motion submit ... --against``)
removes an officer or the executive."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import pairs, whole
from soviet.model.sessions import Offer, Office
from soviet.model.state import State
from soviet.rules.executive import (
    answer_offer,
    appoint,
    join_faction,
    leave_faction,
    offer_coalition,
    register_faction,
    resign,
)
from soviet.rules.list_elections import elect_by_lists
from soviet.service.names import who

faction_app = typer.Typer(name="faction", help="Factions of delegates and their platforms.",
                          no_args_is_help=True)
coalition_app = typer.Typer(name="coalition", help="Offers of seats in the executive to a "
                            "minority faction, and their answers.", no_args_is_help=True)
officer_app = typer.Typer(name="officer", help="Officers appointed by the executive to the "
                          "charter's portfolios.", no_args_is_help=True)

ExecutiveArg = Annotated[str, typer.Argument(help="The executive (e.g. exec).")]
FactionArg = Annotated[str, typer.Argument(help="The faction (e.g. F1).")]
MemberArg = Annotated[str, typer.Argument(help="The delegate.")]


@faction_app.command("register")
def register_command(
    body: Annotated[str, typer.Argument(help="The body whose delegates form it (e.g. "
                                        "congress).")],
    name: Annotated[str, typer.Argument(help="The faction's name.")],
    platform: Annotated[str, typer.Option("--platform", help="What it stands for.")],
    members: Annotated[list[str], typer.Option("--member", help="A delegate belonging to it; "
                                               "repeat it.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Register a faction of a body's delegates; a delegate belongs to one faction."""
    when = day(on)
    record(db, lambda s: register_faction(s, body, name, platform, members, when))


@faction_app.command("join")
def join_command(faction: FactionArg, member: MemberArg, db: DbOption = None,
                 on: OnOption = None) -> None:
    """A delegate of the faction's body, of none of its factions yet, joins it (last on its
    list)."""
    when = day(on)
    record(db, lambda s: join_faction(s, faction, member, when))


@faction_app.command("leave")
def leave_command(faction: FactionArg, member: MemberArg, db: DbOption = None,
                  on: OnOption = None) -> None:
    """A member leaves the faction; the last to leave leaves it empty, not dissolved."""
    when = day(on)
    record(db, lambda s: leave_faction(s, faction, member, when))


@faction_app.command("elect")
def elect_command(
    executive: ExecutiveArg,
    by: Annotated[str, typer.Option("--by", help="The body that elects it (e.g. congress).")],
    votes: Annotated[list[str], typer.Option("--votes", help="FACTION=VOTES for each list; "
                                             "repeat it.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Elect the executive from the factions' lists, by the charter's list method: each list's
    seats go to its members in the order it registered them."""
    when = day(on)
    counted = pairs(votes, "--votes", whole)
    record(db, lambda s: elect_by_lists(s, by, executive, counted, when))


@faction_app.command("list")
def list_factions_command(
    body: Annotated[str, typer.Argument(help="The body (e.g. congress).")],
    db: DbOption = None,
) -> None:
    """A body's factions with their members and platforms, and the coalition offers made
    between them."""
    state = current(db)
    if body not in state.bodies:
        missing(f"there is no body {body!r}")
    factions = [f for f in state.factions.values() if f.body == body]
    if not factions:
        out.print(escape(f"no faction is registered in {state.bodies[body].name}"))
        return
    table = Table(title=f"Factions of {state.bodies[body].name}")
    for heading in ("faction", "name", "members", "platform", "since"):
        table.add_column(heading)
    for f in factions:
        table.add_row(f.id, escape(f.name), escape(", ".join(who(state, x) for x in f.members)),
                      escape(f.platform), f.on)
    out.print(table)
    for o in state.offers.values():
        if state.factions[o.by].body == body:
            out.print(escape(offer_line(state, o)))


def offer_line(state: State, o: Offer) -> str:
    """An offer of seats and what became of it."""
    programme = f" (programme {o.programme})" if o.programme else ""
    answer = ("no answer yet" if o.accepted is None else
              f"{'accepted' if o.accepted else 'declined'}: {o.answer}")
    return (f"offer {o.id} ({o.on}): {state.factions[o.by].name} offers "
            f"{state.factions[o.faction].name} {o.seats} seat(s) in {o.executive}, on "
            f"condition: {o.condition}{programme}; {answer}")


@coalition_app.command("offer")
def offer_command(
    executive: ExecutiveArg,
    by: Annotated[str, typer.Option("--by", help="The faction making the offer (e.g. F1).")],
    to: Annotated[str, typer.Option("--to", help="The faction offered seats.")],
    seats: Annotated[int, typer.Option("--seats", help="How many seats.")],
    condition: Annotated[str, typer.Option("--condition", help="The condition, as it is to "
                                           "stand in the record.")],
    programme: Annotated[str | None, typer.Option(
        "--programme", help="The programme to accept: a decision in force of the body that "
        "elects the executive (e.g. MO1).")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Offer a minority faction seats in the executive, on a condition."""
    when = day(on)
    record(db, lambda s: offer_coalition(s, executive, by, to, seats, condition, when,
                                         programme=programme))


@coalition_app.command("answer")
def answer_command(
    offer: Annotated[str, typer.Argument(help="The offer (e.g. CO1).")],
    accepted: Annotated[bool, typer.Option("--accept/--decline", help="The faction's answer.")],
    statement: Annotated[str, typer.Option("--statement", help="Its statement, for the "
                                           "record.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the faction's answer to an offer (once)."""
    when = day(on)
    record(db, lambda s: answer_offer(s, offer, accepted, statement, when))


@officer_app.command("appoint")
def appoint_command(
    executive: ExecutiveArg,
    holder: Annotated[str, typer.Argument(help="The member appointed.")],
    portfolio: Annotated[str, typer.Option("--portfolio", help="One of the charter's "
                                           "[officers].portfolios.")],
    decision: Annotated[str | None, typer.Option(
        "--decision", help="The executive's decision appointing them (e.g. MO4).")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Appoint an officer to a portfolio no one holds."""
    when = day(on)
    record(db, lambda s: appoint(s, executive, holder, portfolio, when, decision=decision))


@officer_app.command("resign")
def resign_command(
    office: Annotated[str, typer.Argument(help="The office given up (e.g. OF1).")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """An officer resigns the office."""
    when = day(on)
    record(db, lambda s: resign(s, office, when))


@officer_app.command("list")
def list_officers_command(
    executive: Annotated[str | None, typer.Argument(help="Only this executive's officers.")
                         ] = None,
    db: DbOption = None,
) -> None:
    """Every office, held or ended, with who holds it and why it ended."""
    state = current(db)
    if executive is not None and executive not in state.bodies:
        missing(f"there is no body {executive!r}")
    offices = [o for o in state.offices.values() if executive in (None, o.executive)]
    if not offices:
        out.print("no officer has been appointed")
        return
    out.print(offices_table(state, offices))


def offices_table(state: State, offices: list[Office]) -> Table:
    table = Table(title="Officers")
    for heading in ("office", "executive", "portfolio", "holder", "appointed", "ended"):
        table.add_column(heading)
    for o in offices:
        appointed = o.on + (f" by {o.decision}" if o.decision else "")
        ended = "" if o.ended is None else f"#{o.ended} {o.reason}"
        table.add_row(o.id, o.executive, escape(o.portfolio), escape(who(state, o.holder)),
                      appointed, escape(ended))
    return table


def register(app: typer.Typer) -> None:
    """Add the executive's commands to ``soviet``."""
    app.add_typer(faction_app, name="faction")
    app.add_typer(coalition_app, name="coalition")
    app.add_typer(officer_app, name="officer")
