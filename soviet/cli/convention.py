"""``soviet proxy ...``, ``soviet strength S``, ``soviet paid-up ...`` and ``soviet poll roll``:
convention practice. A delegate leaving passes their vote by proxy; every delegation's strength
is shown with how it was found (members counted, date, cap, divisor, remainder); units report
their paid-up members month by month; a card vote's roll is published delegation by
delegation, in votes and in delegates."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import SessionArg
from soviet.counting.motion import figure
from soviet.model.sessions import CHOICES
from soviet.rules.membership import report_paid_up
from soviet.rules.polls import card_roll
from soviet.rules.proxies import give, withdraw
from soviet.rules.strength import electorates
from soviet.rules.voters import delegation, represented, strengths
from soviet.service.names import who

proxy_app = typer.Typer(name="proxy", help="Proxies: a delegate leaving passes their vote.",
                        no_args_is_help=True)
paid_up_app = typer.Typer(name="paid-up", help="Paid-up members reported month by month.",
                          no_args_is_help=True)


@proxy_app.command("give")
def give_command(
    session: SessionArg,
    giver: Annotated[str, typer.Argument(help="The delegate leaving.")],
    holder: Annotated[str, typer.Argument(help="Who casts their vote: an alternate, or "
                                          "another delegate of the delegation.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """A delegate leaves and passes their vote to another of the delegation present."""
    when = day(on)
    record(db, lambda s: give(s, session, giver, holder, when))


@proxy_app.command("withdraw")
def withdraw_command(
    session: SessionArg,
    giver: Annotated[str, typer.Argument(help="The delegate who gave it.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """End a proxy (returning to the session ends it too)."""
    when = day(on)
    record(db, lambda s: withdraw(s, session, giver, when))


@paid_up_app.command("report")
def paid_up_command(
    unit: Annotated[str, typer.Argument(help="The base unit.")],
    month: Annotated[str, typer.Argument(help="The month, YYYY-MM.")],
    members: Annotated[int, typer.Argument(help="Members paid up that month.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Report a unit's paid-up members for a month (what paid-up-average strength counts)."""
    when = day(on)
    record(db, lambda s: report_paid_up(s, unit, month, members, when))


def strength_command(session: SessionArg, db: DbOption = None) -> None:
    """Every delegation's strength and how it was found, and each share of it now."""
    state = current(db)
    s = state.sessions.get(session)
    if s is None:
        missing(f"there is no session {session!r}")
    conv = state.rules.convention
    out.print(escape(f"{s.id}: strength {conv.strength}"
                     + (f", counted as {s.basis_how}" if s.basis_how else "")
                     + (f", capped at {conv.strength_cap}" if conv.strength_cap else "")
                     + f"; divided {conv.division or 'one each'}, remainder "
                     f"{conv.remainder or 'none'}, missing seats {conv.missing_seats or 'keep'}"))
    shares = strengths(state, s)
    carrying = represented(state, s)
    table = Table(title=f"Delegations at {s.id}")
    for heading in ("delegation", "members", "strength", "seats", "sitting", "present",
                    "shares"):
        table.add_column(heading)
    for e in electorates(state, s.body):
        d = delegation(state, s, e)
        mine = [x for x, m in carrying.items() if m.electorate == e]
        parts = ", ".join(f"{who(state, x)}{' (proxy)' if x in s.proxies else ''} "
                          f"{figure(shares[x])}" for x in mine)
        table.add_row(e, figure(d.basis) + (" (capped)" if d.capped else ""),
                      figure(d.strength), str(d.seats), str(d.elected), str(len(mine)),
                      escape(parts))
    out.print(table)


def roll_command(
    poll: Annotated[str, typer.Argument(help="The poll (e.g. PO3).")],
    db: DbOption = None,
) -> None:
    """The roll of a poll delegation by delegation: votes and delegates per choice."""
    state = current(db)
    p = state.polls.get(poll)
    if p is None:
        missing(f"there is no poll {poll!r}")
    table = Table(title=f"Roll of {p.id} by delegation")
    for heading in ("delegation", *(f"{c} votes" for c in CHOICES), "delegates",
                    "cast by"):
        table.add_column(heading)
    totals = dict.fromkeys(CHOICES, Fraction(0))
    heads = dict.fromkeys((*CHOICES, "split"), 0)
    for line in card_roll(p):
        for c in CHOICES:
            totals[c] += line.votes[c]
        for c in heads:
            heads[c] += line.delegates[c]
        table.add_row(line.electorate, *(figure(line.votes[c]) for c in CHOICES),
                      ", ".join(f"{c} {n}" for c, n in line.delegates.items() if n),
                      "chair" if line.by_chair else "delegates")
    out.print(table)
    out.print("in votes: " + ", ".join(f"{c} {figure(totals[c])}" for c in CHOICES)
              + "; in delegates: " + ", ".join(f"{c} {n}" for c, n in heads.items()))
