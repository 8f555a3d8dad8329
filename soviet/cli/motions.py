"""``soviet motion ...`` (submit, support, withdraw, refer; a motion may amend, annul, or be of
no confidence) and ``soviet decision ...`` (record a minority's position beside a decision;
list the directives that bind a body)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.charter.vocabulary import DECISION_KINDS
from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import ItemArg, MemberArg, MotionArg, SessionArg
from soviet.cli.session_receipts import SECRECY
from soviet.cli.session_view import status
from soviet.model.sessions import Motion
from soviet.model.state import State
from soviet.rules.decisions import directives, record_dissent
from soviet.rules.motions import refer, submit, support, withdraw
from soviet.service.names import who

motion_app = typer.Typer(name="motion", help="Motions and amendments: submit, support, "
                         "withdraw, refer, show.", no_args_is_help=True)
decision_app = typer.Typer(name="decision", help="Decisions: minority positions, directives.",
                           no_args_is_help=True)


@motion_app.command("submit")
def submit_command(
    session: SessionArg,
    item: ItemArg,
    mover: MemberArg,
    title: Annotated[str, typer.Option("--title", help="The motion's title.")],
    text: Annotated[str, typer.Option("--text", help="Its text (an amendment: what it "
                                      "changes).")],
    kind: Annotated[str, typer.Option(
        "--kind", help=f"The kind of decision, whose majority applies: "
        f"{', '.join(DECISION_KINDS)}.")] = "ordinary",
    amends: Annotated[str | None, typer.Option(
        "--amends", help="The motion this amends (it is voted first).")] = None,
    amended_text: Annotated[str | None, typer.Option(
        "--amended-text", help="The amended motion's whole text, if this is adopted.")] = None,
    annuls: Annotated[str | None, typer.Option(
        "--annuls", help="A decision of a body below that this annuls.")] = None,
    against: Annotated[str | None, typer.Option(
        "--against", help="No confidence in this office (e.g. OF1), appointed by the body "
        "in session, or this executive, elected by it.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Move a motion, an amendment (--amends), a motion to annul (--annuls) or of no
    confidence (--against) on an item."""
    when = day(on)
    record(db, lambda s: submit(s, session, item, mover, title, text, when, kind=kind,
                                amends=amends, amended_text=amended_text, annuls=annuls,
                                against=against))


@motion_app.command("support")
def support_command(
    motion: MotionArg,
    members: Annotated[list[str], typer.Argument(help="The members supporting it.")],
    db: DbOption = None,
) -> None:
    """Support a motion (each member its own act); it is admitted at the charter's number of
    supporters."""
    record(db, *(partial(support, motion=motion, member=m) for m in members))


@motion_app.command("withdraw")
def withdraw_command(
    motion: MotionArg,
    by: Annotated[str, typer.Option("--by", help="The mover.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """The mover withdraws a motion; its pending amendments lapse with it."""
    when = day(on)
    record(db, lambda s: withdraw(s, motion, by, when))


@motion_app.command("refer")
def refer_command(
    motion: MotionArg,
    to: Annotated[str, typer.Option("--to", help="The body it is sent to.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Refer a motion (and its pending amendments) to another body instead of voting on it."""
    when = day(on)
    record(db, lambda s: refer(s, motion, to, when))


@motion_app.command("show")
def show_command(motion: MotionArg, db: DbOption = None) -> None:
    """A motion: its text (as amended), mover and supporters, amendments, polls, minority
    positions and any annulment."""
    state = current(db)
    m = state.motions.get(motion)
    if m is None:
        missing(f"there is no motion {motion!r}")
    for line in motion_lines(state, m):
        out.print(escape(line))


def motion_lines(state: State, m: Motion) -> list[str]:
    relation = (f", amending {m.amends}" if m.amends else
                f", to annul {m.annuls}" if m.annuls else
                f" in {m.against}" if m.against else "")
    lines = [f"{m.id} {m.title} ({m.kind.replace('_', ' ')}{relation}): {status(m)}",
             f"moved by {who(state, m.mover)} on item {m.item} of {m.session}, {m.on}",
             f"text: {m.text}"]
    if m.amended_text is not None:
        lines.append(f"{m.amends} to read, if adopted: {m.amended_text}")
    if m.wording != m.text:
        lines.append(f"as amended: {m.wording}")
    if m.supporters:
        lines.append("supported by " + ", ".join(who(state, x) for x in sorted(m.supporters)))
    lines += [f"amendment {a}: {state.motions[a].title} ({status(state.motions[a])})"
              for a in m.amendments]
    for p in (state.polls[x] for x in m.polls):
        result = p.outcome.sentence if p.outcome is not None else "open"
        lines.append(f"poll {p.id} ({SECRECY[p.secrecy]}): {result}")
    lines += [f"minority position of {', '.join(who(state, x) for x in d.by)} ({d.on}): "
              f"{d.statement}" for d in m.dissents]
    if m.annulled is not None:
        lines.append(f"annulled by {m.annulled.by} on {m.annulled.on}: {m.annulled.reason}")
    return lines


@decision_app.command("dissent")
def dissent_command(
    motion: MotionArg,
    by: Annotated[list[str], typer.Option("--by", help="A member holding the minority "
                                          "position; repeat it.")],
    statement: Annotated[str, typer.Option("--statement", help="The position, as it is to "
                                           "stand in the minutes.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the minority's position beside an adopted decision."""
    when = day(on)
    record(db, lambda s: record_dissent(s, motion, by, statement, when))


@decision_app.command("directives")
def directives_command(
    body: Annotated[str, typer.Argument(help="The body bound by them.")],
    db: DbOption = None,
) -> None:
    """The decisions in force of every body above a body, nearest first: they bind it."""
    state = current(db)
    if body not in state.bodies:
        missing(f"there is no body {body!r}")
    found = directives(state, body)
    if not found:
        out.print(escape(f"no decision of a body above binds {state.bodies[body].name}"))
        return
    table = Table(title=f"Directives binding {state.bodies[body].name}")
    for heading in ("motion", "body", "session", "title", "decided", "text", "minority"):
        table.add_column(heading)
    for m in found:
        table.add_row(m.id, m.body, m.session, escape(m.title), f"#{m.decided}",
                      escape(m.wording), str(len(m.dissents)) if m.dissents else "")
    out.print(table)
