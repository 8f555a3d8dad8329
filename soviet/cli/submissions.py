"""``soviet submission ...``: motions sent up from below. A unit or council forwards a decision
of its own to a session of a body above it by the charter's deadline; the standing-orders
committee composites motions on one subject; a delegate of a sending body moves one, or the
session refers it back; the bodies that sent it read what became of it (``list``, ``show``)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import current, missing, record
from soviet.cli.session_args import ItemArg, SessionArg, session_of
from soviet.model.state import State
from soviet.model.submissions import CONSENTS, Submission
from soviet.rules.submissions import composite, fate, forward, move, refer_back, senders
from soviet.service.names import who

app = typer.Typer(name="submission", help="Motions from below: forward, composite, move, "
                  "refer back, list, show.", no_args_is_help=True)

SubmissionArg = Annotated[str, typer.Argument(help="The submission or composite (e.g. SU1, "
                                              "CP1).")]


@app.command("forward")
def forward_command(
    session: SessionArg,
    from_body: Annotated[str, typer.Option("--from", help="The body sending it (e.g. a "
                                           "unit).")],
    decision: Annotated[str, typer.Option("--decision", help="Its own decision it sends up "
                                          "(e.g. MO3): the mandate the motion carries.")],
    title: Annotated[str | None, typer.Option(
        "--title", help="The motion's title (default: the decision's).")] = None,
    text: Annotated[str | None, typer.Option(
        "--text", help="The motion's text (default: the decision as amended).")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Send a body's decision to a session of a body above it, by the charter's
    [convention].motion_deadline."""
    when = day(on)
    record(db, lambda s: forward(s, session, from_body, decision, when, title=title,
                                 text=text))


def consents(given: list[str]) -> dict[str, str]:
    """``--consent SU1=consented``, one per original, each once."""
    found: dict[str, str] = {}
    for item in given:
        name, sep, word = (x.strip() for x in item.partition("="))
        if not sep or not name:
            raise typer.BadParameter(f"--consent {item}: write it SUB={'|'.join(CONSENTS)}")
        if name in found:
            raise typer.BadParameter(f"--consent {name} is given twice")
        found[name] = word
    return found


@app.command("composite")
def composite_command(
    session: SessionArg,
    title: Annotated[str, typer.Option("--title", help="The composite's title.")],
    text: Annotated[str, typer.Option("--text", help="Its text.")],
    replaces: Annotated[list[str] | None, typer.Option(
        "--replaces", help="An original it replaces; repeat it.")] = None,
    consent: Annotated[list[str] | None, typer.Option(
        "--consent", help="SUB=consented (its body agreed) or SUB=committee (the committee "
        "decides without that consent), for each original.")] = None,
    by: Annotated[list[str] | None, typer.Option(
        "--by", help="A member of the standing-orders committee; repeat it.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Merge motions sent up on one subject into one composite that replaces them."""
    when = day(on)
    given = consents(consent or [])
    record(db, lambda s: composite(s, session, title, text, replaces or [], given, by or [],
                                   when))


@app.command("move")
def move_command(
    submission: SubmissionArg,
    item: ItemArg,
    mover: Annotated[str, typer.Option("--mover", help="A delegate of a body that sent it.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Put a submission or composite before its sitting session as a motion on an item."""
    when = day(on)
    record(db, lambda s: move(s, submission, item, mover, when))


@app.command("refer-back")
def refer_back_command(
    submission: SubmissionArg,
    reason: Annotated[str, typer.Option("--reason", help="Why it goes back unheard.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """The sitting session sends a submission or composite back to those who sent it."""
    when = day(on)
    record(db, lambda s: refer_back(s, submission, reason, when))


def origin(state: State, sub: Submission) -> str:
    """Who sent it: the body, on which decision; or the originals a composite replaces."""
    if sub.from_body is None:
        return "composite of " + ", ".join(sub.replaces)
    return f"{who(state, sub.from_body)}, decision {sub.decision} (event {sub.decision_seq})"


@app.command("list")
def list_command(
    session: SessionArg,
    from_body: Annotated[str | None, typer.Option(
        "--from", help="Only what this body sent, directly or in a composite.")] = None,
    db: DbOption = None,
) -> None:
    """The motions sent up to a session and the composites made of them, with their fate."""
    state = current(db)
    s = session_of(state, session)
    found = [x for x in state.submissions.values() if x.session == s.id
             and (from_body is None or from_body in senders(state, x))]
    if not found:
        out.print(escape(f"no motion has been sent up to {s.id}"
                         + (f" by {from_body}" if from_body else "")))
        return
    table = Table(title=f"Motions sent up to {s.id} {s.title}")
    for heading in ("id", "from", "sent", "title", "fate"):
        table.add_column(heading)
    for x in found:
        table.add_row(x.id, escape(origin(state, x)), x.on, escape(x.title),
                      escape(fate(state, x.id)))
    out.print(table)


@app.command("show")
def show_command(submission: SubmissionArg, db: DbOption = None) -> None:
    """A submission or composite: who sent it on which decision, or what it replaces and
    with whose consent; its text; what became of it."""
    state = current(db)
    sub = state.submissions.get(submission)
    if sub is None:
        missing(f"there is no submission {submission!r}")
    for line in submission_lines(state, sub):
        out.print(escape(line))


def submission_lines(state: State, sub: Submission) -> list[str]:
    if sub.composite:
        drafted = ", ".join(who(state, x) for x in sub.drafted_by)
        lines = [f"{sub.id} {sub.title}: composite for {sub.session}, drafted {sub.on} by "
                 f"{drafted}"]
        lines += [f"replaces {x} from "
                  f"{', '.join(who(state, b) for b in senders(state, state.submissions[x]))} "
                  f"{CONSENTS[sub.consent[x]]}" for x in sub.replaces]
    else:
        lines = [f"{sub.id} {sub.title}: sent to {sub.session} on {sub.on} by "
                 f"{origin(state, sub)}"]
    return [*lines, f"text: {sub.text}", f"fate: {fate(state, sub.id)}"]
