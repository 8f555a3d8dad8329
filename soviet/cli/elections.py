"""``soviet elect ELECTORATE BODY``: an electorate elects its delegates (or a committee) from
named candidates, counting a ballot file by the charter's method, and the mandates are granted.

The ballot file's candidates are the ``--candidates`` ids: matched by name when the file names
exactly those ids, otherwise in the order the file lists its candidates (a BLT file's header, a
CSV file's columns), so a file of names can be counted for the members who stand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import numpy as np
import typer

from soviet.cli.count import read_ballot_file
from soviet.cli.options import DbOption, OnOption, day
from soviet.cli.organisation import record
from soviet.counting import BallotError, Ballots
from soviet.counting.ballots import NO_CANDIDATE
from soviet.rules.elections import elect


def ballots_for(path: Path, ids: list[str]) -> Ballots:
    """The ballots of ``path`` over the candidates ``ids`` (withdrawn ones left out)."""
    election = read_ballot_file(path)
    names = election.candidates
    if len(names) != len(ids):
        raise BallotError(f"{path} has {len(names)} candidates ({', '.join(names)}) but "
                          f"--candidates names {len(ids)}")
    ranks = election.ballots.ranks
    if set(names) == set(ids) and list(names) != ids:
        table = np.array([*(ids.index(n) for n in names), NO_CANDIDATE], dtype=ranks.dtype)
        ranks = table[ranks]  # index -1 reads the last cell: NO_CANDIDATE
    named = replace(election, ballots=Ballots(ranks, tuple(ids), election.ballots.weights))
    return named.standing()


def elect_command(
    electorate: Annotated[str, typer.Argument(help="The body that votes (a unit, a council, "
                                              "the congress).")],
    body: Annotated[str, typer.Argument(help="The body it elects to.")],
    candidates: Annotated[str, typer.Option(
        "--candidates", help="Member ids of the candidates, comma-separated, in the ballot "
        "file's order.")],
    ballots: Annotated[Path | None, typer.Option(
        "--ballots", help="Ballot file (.blt or .csv); without it the candidates are elected "
        "unopposed, if there are no more of them than seats.")] = None,
    method: Annotated[str | None, typer.Option(
        "--method", help="Counting method (default: the charter's for BODY).")] = None,
    seats: Annotated[int | None, typer.Option(
        "--seats", help="Seats to fill (default: every seat the electorate may fill now).")
    ] = None,
    alternates: Annotated[int | None, typer.Option(
        "--alternates", help="Ranked alternates to elect (default: the charter's "
        "alternates_per_unit, or a committee's candidates).")] = None,
    by_election: Annotated[str | None, typer.Option(
        "--by-election", help="The pending by-election this fills (e.g. E3).")] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed for any lot drawn.")] = None,
    db: DbOption = None,
    on: OnOption = None,
) -> None:
    """Hold an election: count the ballots, grant the mandates, rank the alternates."""
    ids = [c.strip() for c in candidates.split(",") if c.strip()]
    profile = ballots_for(ballots, ids) if ballots is not None else None
    standing = list(profile.candidates) if profile is not None else ids
    when = day(on)
    record(db, lambda s: elect(s, electorate, body, standing, profile, when,
                                      method=method, seats=seats, alternates=alternates,
                                      election=by_election, seed=seed))
