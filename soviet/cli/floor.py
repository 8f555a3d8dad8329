"""``soviet floor ...``: the list of speakers. Anyone present asks for the floor on an agenda
item; points of order go first; a speech is recorded as the chair gave it, cut at the
charter's time for its kind."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption
from soviet.cli.organisation import current, record
from soviet.cli.session_args import ItemArg, MemberArg, SessionArg, session_of
from soviet.rules.floor import KINDS, hold, queue, request
from soviet.service.names import who

app = typer.Typer(name="floor", help="The list of speakers and the speeches held.",
                  no_args_is_help=True)

KindOption = Annotated[str, typer.Option("--kind", help=f"One of {', '.join(KINDS)}.")]


@app.command("request")
def request_command(session: SessionArg, item: ItemArg, speaker: MemberArg,
                    kind: KindOption = "contribution", db: DbOption = None) -> None:
    """Ask for the floor on an agenda item."""
    record(db, lambda s: request(s, session, item, speaker, kind))


@app.command("hold")
def hold_command(
    session: SessionArg,
    item: ItemArg,
    speaker: MemberArg,
    seconds: Annotated[int, typer.Option("--seconds", help="How long the speech lasted.")],
    kind: KindOption = "contribution",
    summary: Annotated[str, typer.Option("--summary", help="What was said, for the "
                                         "minutes.")] = "",
    db: DbOption = None,
) -> None:
    """Record a speech: it must be the next on the list for the item; it counts no longer
    than the charter's speaking time."""
    record(db, lambda s: hold(s, session, item, speaker, kind, seconds, summary))


@app.command("list")
def list_command(session: SessionArg, db: DbOption = None) -> None:
    """Who is waiting for the floor, item by item, in the order they will speak."""
    state = current(db)
    s = session_of(state, session)
    waiting = queue(s)
    if not waiting:
        out.print(f"nobody is waiting for the floor at {s.id}")
        return
    times = state.rules.debate.speaking_time
    table = Table(title=f"Speakers waiting at {s.id}")
    for heading in ("item", "speaker", "kind", "time"):
        table.add_column(heading)
    for i in s.agenda:
        for r in (r for r in waiting if r.item == i.id):
            limit = getattr(times, r.kind)
            table.add_row(escape(f"{i.id}. {i.title}"), escape(who(state, r.speaker)),
                          r.kind.replace("_", " "), str(limit) if limit else "no limit")
    out.print(table)
