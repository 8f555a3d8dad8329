"""``soviet theses ...``: the pre-congress discussion. The executive publishes theses, members
counter-theses; each base unit's vote on them is recorded, and the tallies add up by level."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import SessionArg, pairs, session_of, whole
from soviet.model.state import State
from soviet.rules.discussion import publish, vote
from soviet.service.queries import discussion_tallies

app = typer.Typer(name="theses", help="The pre-congress discussion: theses, counter-theses, "
                  "the units' votes.", no_args_is_help=True)


@app.command("publish")
def publish_command(
    session: SessionArg,
    title: Annotated[str, typer.Option("--title", help="The theses' title.")],
    authors: Annotated[list[str], typer.Option(
        "--author", help="The executive's id (theses), or a member's (counter-theses); "
        "repeat it for several members.")],
    text: Annotated[str | None, typer.Option("--text", help="The text.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the text from a file.")
                    ] = None,
    counter: Annotated[bool, typer.Option(
        "--counter", help="Counter-theses, published by members.")] = False,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Publish theses (the executive) or counter-theses (members) for a congress."""
    if text is not None and file is None:
        words = text
    elif file is not None and text is None:
        words = file.read_text(encoding="utf-8")
    else:
        raise typer.BadParameter("give the text with --text or --file, not both")
    when = day(on)
    record(db, lambda s: publish(s, session, title, words, authors, when, counter=counter))


@app.command("vote")
def vote_command(
    session: SessionArg,
    unit: Annotated[str, typer.Argument(help="The base unit that voted.")],
    votes: Annotated[list[str], typer.Option(
        "--for", help="Votes for one theses, THESES=VOTES (e.g. T1=600); repeat it.")],
    abstain: Annotated[int, typer.Option("--abstain", help="Abstentions.")] = 0,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record a base unit's vote on the theses of a congress's discussion."""
    given = pairs(votes, "--for", whole)
    when = day(on)
    record(db, lambda s: vote(s, session, unit, given, abstain, when))


@app.command("tallies")
def tallies_command(session: SessionArg, db: DbOption = None) -> None:
    """The units' votes added up for every body, from the top of the tree down."""
    state = current(db)
    s = session_of(state, session)
    found = discussion_tallies(state, s.id)
    if not found:
        missing(f"no unit has voted on the theses of session {s.id} yet")
    table = Table(title=f"Pre-congress discussion of {s.id}: votes by level")
    table.add_column("body")
    table.add_column("level", justify="right")
    for t in s.theses:
        table.add_column(escape(f"{t} {state.theses[t].title}"), justify="right")
    for heading in ("abstain", "units"):
        table.add_column(heading, justify="right")
    for tally in sorted(found.values(), key=lambda t: (level(state, t.body), t.body)):
        table.add_row(tally.body, str(level(state, tally.body)),
                      *(f"{tally.votes.get(t, 0):,}" for t in s.theses),
                      f"{tally.abstain:,}", str(tally.units))
    out.print(table)


def level(state: State, body: str) -> int:
    """How far below the top of the tree a body stands (the congress is 0)."""
    depth = 0
    parent = state.bodies[body].parent
    while parent is not None:
        depth += 1
        parent = state.bodies[parent].parent
    return depth
