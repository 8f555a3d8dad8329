"""``soviet recall ...`` (file and sign a petition, record the vote) and ``soviet mandate
resign``: the ways a mandate ends before its term, each taking with it the seats held through
it and seating a substitute or calling a by-election as the charter says; and ``soviet mandate
expire``, the end of terms, whose seats wait for the next regular election."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import record
from soviet.rules.recall import file_petition, resign, sign_petition, vote_recall
from soviet.rules.terms import expire_terms

recall_app = typer.Typer(name="recall", help="Recall a delegate: petition, signatures, vote.",
                         no_args_is_help=True)
mandate_app = typer.Typer(name="mandate", help="A delegate gives up a mandate; terms end.",
                          no_args_is_help=True)

PetitionArg = Annotated[str, typer.Argument(help="The petition's id (e.g. P1).")]


@recall_app.command("file")
def file_command(
    mandate: Annotated[str, typer.Argument(help="The mandate to recall (e.g. M4).")],
    by: Annotated[str, typer.Option("--by", help="The member filing it (its first signer).")],
    grounds: Annotated[str, typer.Option("--grounds", help="Why.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """File a petition to recall a delegate; only those who elected them may."""
    when = day(on)
    record(db, lambda s: file_petition(s, mandate, by, grounds, when))


@recall_app.command("sign")
def sign_command(
    petition: PetitionArg,
    members: Annotated[list[str], typer.Option(
        "--member", help="A member signing; repeat it for several.")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Sign a recall petition, each --member in turn (each signature its own act); at the
    charter's threshold the recall vote is called."""
    when = day(on)
    record(db, *(partial(sign_petition, petition=petition, member=m, on=when) for m in members))


@recall_app.command("vote")
def vote_command(
    petition: PetitionArg,
    yes: Annotated[int, typer.Option("--yes", min=0, help="Votes to recall.")],
    no: Annotated[int, typer.Option("--no", min=0, help="Votes against.")],
    abstain: Annotated[int, typer.Option("--abstain", min=0, help="Abstentions.")] = 0,
    present: Annotated[int | None, typer.Option(
        "--present", min=0, help="Members present, where the charter's majority counts them "
        "(default: those who voted).")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Record the recall vote; if carried the mandate ends now, with its cascade."""
    when = day(on)
    record(db, lambda s: vote_recall(s, petition, yes, no, abstain, when, present))


@mandate_app.command("resign")
def resign_command(
    mandate: Annotated[str, typer.Argument(help="The mandate given up (e.g. M4).")],
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Give up a mandate (membership stays); the seats held through it end too."""
    when = day(on)
    record(db, lambda s: resign(s, mandate, when))


@mandate_app.command("expire")
def expire_command(db: DbOption = None, on: OnOption = None) -> None:
    """End every mandate whose term is over by --on, with the seats held through it; nothing
    fills them before the next regular election."""
    when = day(on)
    record(db, lambda s: expire_terms(s, when))
