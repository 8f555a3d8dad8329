"""``soviet poll ...``: a poll on a motion or a question, by show of hands, roll call or secret
ballot; votes cast by name (whole or split, each voter carrying the votes the charter gives
them), the tellers' counts of the hall and the paper, and the result under the charter's
majority, with the sentence and the clause that decided it."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from soviet.charter.vocabulary import DECISION_KINDS
from soviet.cli.consoles import out
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import ACTOR, current, missing, perform, record
from soviet.cli.session_args import PollArg, SessionArg, pairs, votes
from soviet.cli.session_receipts import SECRECY
from soviet.cli.session_view import votes as present_votes
from soviet.counting.motion import figure
from soviet.model.sessions import CHOICES, Poll
from soviet.model.state import State
from soviet.rules.polls import cast as cast_vote
from soviet.rules.polls import count, open_poll, tally
from soviet.service.ballots import closing, new_receipt
from soviet.service.names import who

app = typer.Typer(name="poll", help="Polls: open, vote, count, close, show.",
                  no_args_is_help=True)


@app.command("open")
def open_command(
    session: SessionArg,
    motion: Annotated[str | None, typer.Option("--motion", help="The motion voted on.")
                      ] = None,
    question: Annotated[str | None, typer.Option(
        "--question", help="A question put to the vote without a motion.")] = None,
    secrecy: Annotated[str, typer.Option(
        "--secrecy", help="open (show of hands), named (roll call), card (roll call by "
        "delegation), secret (paper ballots the tellers count) or ballot (secret ballots on "
        "devices, each with a receipt code).")] = "open",
    kind: Annotated[str, typer.Option(
        "--kind", help=f"For a question, the kind of decision whose majority applies: "
        f"{', '.join(DECISION_KINDS)} (a motion's own kind applies to it).")] = "ordinary",
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Open a poll on a motion (its amendments decided first) or a question; the body must
    be quorate."""
    if (motion is None) == (question is None):
        raise typer.BadParameter("give --motion or --question, not both")
    when = day(on)
    record(db, lambda s: open_poll(s, session, when, motion=motion, question=question,
                                   secrecy=secrecy, kind=kind))


@app.command("vote")
def vote_command(
    poll: PollArg,
    voters: Annotated[list[str], typer.Argument(help="The voters (each votes in turn).")],
    choice: Annotated[str | None, typer.Option(
        "--choice", help=f"{', '.join(CHOICES)}: all the votes the voter carries.")] = None,
    split: Annotated[list[str] | None, typer.Option(
        "--split", help="Part of a split vote, CHOICE=VOTES (e.g. yes=400 or yes=200/3); "
        "repeat it.")] = None,
    proxy_for: Annotated[str | None, typer.Option(
        "--proxy-for", help="The absent delegate whose proxy the voter holds and casts.")
    ] = None,
    whole: Annotated[bool, typer.Option(
        "--whole", help="In a card vote: the voter, the delegation's chair, casts its whole "
        "strength.")] = False,
    db: DbOption = None,
) -> None:
    """Vote in a poll: a choice, or a split vote where the charter allows it; by proxy for an
    absent delegate; or, in a card vote, as chair for the whole delegation. In a secret poll
    give neither choice nor split: the voter takes a ballot, and the tellers count the paper.
    In a secret ballot on devices each voter is shown the receipt code of their ballot."""
    parts = pairs(split, "--split", votes) if split else None
    receipts = {v: new_receipt() for v in voters}
    _, state = record(db, *(partial(cast_vote, poll=poll, voter=v, choice=choice, parts=parts,
                                    proxy_for=proxy_for, whole=whole, receipt=receipts[v])
                            for v in voters))
    if state.polls[poll].secrecy == "ballot":
        for v in voters:
            out.print(f"  {escape(who(state, v))}: your ballot is in the box, receipt "
                      f"[bold]{receipts[v]}[/]")


@app.command("count")
def count_command(
    poll: PollArg,
    tellers: Annotated[list[str], typer.Option("--teller", help="A teller signing the "
                                               "count; repeat it.")],
    voters: Annotated[int, typer.Option("--voters", help="How many voters the count "
                                        "covers.")],
    channel: Annotated[str, typer.Option("--channel", help="hall (hands) or paper "
                                         "(ballots).")] = "hall",
    yes: Annotated[str, typer.Option("--yes", help="Votes for.")] = "0",
    no: Annotated[str, typer.Option("--no", help="Votes against.")] = "0",
    abstain: Annotated[str, typer.Option("--abstain", help="Abstentions.")] = "0",
    delegation: Annotated[str | None, typer.Option(
        "--delegation", help="Count one delegation only (the body that elected it).")] = None,
    db: DbOption = None,
) -> None:
    """Enter the tellers' count of the hall or the paper ballots, in total or of one
    delegation, for the voters not counted otherwise."""
    parts = {"yes": votes(yes, "--yes"), "no": votes(no, "--no"),
             "abstain": votes(abstain, "--abstain")}
    record(db, lambda s: count(s, poll, tellers, channel, parts, voters,
                               delegation=delegation))


@app.command("close")
def close_command(poll: PollArg, db: DbOption = None, on: OnOption = None) -> None:
    """Close a poll: the result under the majority the charter sets for its kind of
    decision in the body, with the clause (an adopted motion to annul annuls its target)."""
    when = day(on)
    perform(db, lambda org: org.execute(closing(org, poll, when), ACTOR))


@app.command("show")
def show_command(poll: PollArg, db: DbOption = None) -> None:
    """A poll: the votes cast by name, the tellers' counts, the totals and the result."""
    state = current(db)
    p = state.polls.get(poll)
    if p is None:
        missing(f"there is no poll {poll!r}")
    on = f" on {p.motion}" if p.motion else ""
    kind = p.kind.replace("_", " ")
    out.print(escape(f"{p.id}{on}: {p.question} ({SECRECY[p.secrecy]}, {kind} majority), "
                     f"session {p.session}, opened {p.on}"))
    if p.cast:
        out.print(cast_table(state, p))
    if p.counts:
        out.print(counts_table(p))
    totals = tally(p)
    out.print(escape("total: " + ", ".join(f"{c} {figure(totals[c])}" for c in CHOICES)))
    if p.outcome is None:
        carry, _ = present_votes(state, state.sessions[p.session])
        waiting = [f"{who(state, x)} {figure(v)}" for x, v in carry.items() if x not in p.cast]
        if waiting:
            out.print(escape(f"present, not voted by name: {', '.join(waiting)}"))
        return
    o = p.outcome
    out.print(escape(f"closed {o.on} (#{o.seq}): {o.sentence}"))
    out.print(escape(f"  {figure(o.present)} votes present of {figure(o.seats)}; "
                     f"{o.majority}: base {figure(o.base)}, threshold {figure(o.threshold)}; "
                     f"charter {o.clause}"))


def cast_table(state: State, p: Poll) -> Table:
    """The votes cast by name (a secret poll: only who took a ballot, carrying how many)."""
    table = Table(title="Ballots taken" if p.secrecy == "secret" else "Votes cast by name")
    table.add_column("voter")
    table.add_column("carries", justify="right")
    choices = () if p.secrecy == "secret" else CHOICES
    for c in choices:
        table.add_column(c, justify="right")
    for voter, v in p.cast.items():
        table.add_row(escape(who(state, voter)), figure(v.strength),
                      *(figure(v.parts[c]) if c in v.parts else "" for c in choices))
    return table


def counts_table(p: Poll) -> Table:
    table = Table(title="Tellers' counts")
    for heading in ("tellers", "channel", "voters", *CHOICES):
        table.add_column(heading, justify="left" if heading in ("tellers", "channel")
                         else "right")
    for c in p.counts:
        table.add_row(escape(", ".join(c.tellers)), c.channel, str(c.voters),
                      *(figure(c.parts.get(x, 0)) for x in CHOICES))
    return table
