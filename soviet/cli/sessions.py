"""``soviet session ...`` (convene, demand, open, close, list, show), ``soviet attend`` and
``soviet agenda add``: a session from its convocation to its closing; and
:func:`register_commands`, which adds every command of a sitting (theses, credentials, floor,
motions, polls, decisions) to the ``soviet`` command in one place."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli import convention, credentials, discussion, floor, motions, polls
from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, record
from soviet.cli.session_args import SessionArg, session_of
from soviet.cli.session_view import session_view
from soviet.counting.motion import figure
from soviet.model.events import SessionConvened
from soviet.rules.convocation import convene, demand, due, support
from soviet.rules.sessions import add_item, close_session, open_session, register

app = typer.Typer(name="session", help="Sessions: convene (or demand), open, show, close.",
                  no_args_is_help=True)
agenda_app = typer.Typer(name="agenda", help="The agenda of a session.", no_args_is_help=True)

BodyArg = Annotated[str, typer.Argument(help="The body that meets (e.g. congress).")]
MEASURE = {"members": "members", "units": "units", "basis": "members in the demanding units"}
"""What demands for an extraordinary congress count, per ``[congress.extraordinary].of``."""


@app.command("convene")
def convene_command(
    body: BodyArg,
    title: Annotated[str, typer.Option("--title", help="e.g. \"Fifth Congress\".")],
    opens: Annotated[str, typer.Option("--opens", help="The day it opens, YYYY-MM-DD.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Convene a body's regular session (one at a time per body)."""
    when, opening = day(on), day(opens, "--opens")
    record(db, lambda s: convene(s, body, title, opening, when))


@app.command("demand")
def demand_command(
    body: BodyArg,
    by: Annotated[str, typer.Option("--by", help="The base unit (or member, as the charter "
                                    "counts demands) demanding it.")],
    grounds: Annotated[str, typer.Option("--grounds", help="Why.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Demand an extraordinary congress; the demand that reaches the charter's share
    convenes it."""
    when = day(on)
    recorded, state = record(db, lambda s: demand(s, body, by, grounds, when))
    if any(isinstance(e, SessionConvened) for _, e in recorded):
        return
    pending = [d.by for d in state.demands.values() if d.body == body and d.session is None]
    have, need = support(state, pending, when)
    rule = state.rules.congress.extraordinary
    out.print(escape(f"demands so far: {figure(have)} of the {figure(need)} "
                     f"{MEASURE[rule.of]} needed, charter "
                     f"{state.rules.cite('congress.extraordinary.share')}"))


@app.command("open")
def open_command(session: SessionArg, db: DbOption = None, on: OnOption = None) -> None:
    """Open a session: not before its day, nor (a regular congress) before the pre-congress
    discussion has lasted the charter's time."""
    when = day(on)
    record(db, lambda s: open_session(s, session, when))


@app.command("close")
def close_command(session: SessionArg, db: DbOption = None, on: OnOption = None) -> None:
    """Close a session; every poll must be closed first."""
    when = day(on)
    record(db, lambda s: close_session(s, session, when))


@app.command("list")
def list_command(db: DbOption = None) -> None:
    """Every session, and when each congress's next regular session is due."""
    state = current(db)
    table = Table(title="Sessions")
    for heading in ("session", "body", "kind", "title", "convened", "opens", "opened",
                    "closed"):
        table.add_column(heading)
    for s in state.sessions.values():
        table.add_row(s.id, s.body, s.kind, escape(s.title), s.on, s.opens, s.opened or "",
                      s.closed or "")
    out.print(table)
    for body in state.bodies.values():
        next_due = due(state, body.id) if body.kind == "congress" else None
        if next_due is not None:
            out.print(escape(f"the next regular session of {body.name} is due by {next_due} "
                             f"(charter {state.rules.cite('congress.interval')})"))


@app.command("show")
def show_command(session: SessionArg, db: DbOption = None) -> None:
    """A session: its state, agenda, who is present with what credentials and votes, its
    motions and polls."""
    state = current(db)
    for part in session_view(state, session_of(state, session)):
        out.print(part)


def attend_command(
    session: SessionArg,
    members: Annotated[list[str], typer.Argument(help="The members arriving (or leaving).")],
    leave: Annotated[bool, typer.Option("--leave", help="They leave the session.")] = False,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Register members arriving at a sitting session (each its own act), or leaving it."""
    when = day(on)
    record(db, *(partial(register, session_id=session, member=m, on=when, present=not leave)
                 for m in members))


@agenda_app.command("add")
def add_command(
    session: SessionArg,
    title: Annotated[str, typer.Argument(help="The item's title; items are numbered in "
                                         "order.")],
    db: DbOption = None,
) -> None:
    """Put an item on the agenda."""
    record(db, lambda s: add_item(s, session, title))


def register_commands(app_: typer.Typer) -> None:
    """Add the commands of sessions to ``soviet``."""
    app_.add_typer(app, name="session")
    app_.add_typer(discussion.app, name="theses")
    app_.command("attend")(attend_command)
    app_.add_typer(credentials.app, name="credentials")
    app_.add_typer(agenda_app, name="agenda")
    app_.add_typer(floor.app, name="floor")
    app_.add_typer(motions.motion_app, name="motion")
    polls.app.command("roll")(convention.roll_command)
    app_.add_typer(polls.app, name="poll")
    app_.add_typer(motions.decision_app, name="decision")
