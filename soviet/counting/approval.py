"""Approval voting: each voter marks every candidate they approve of; most approvals wins."""

from __future__ import annotations

from soviet.counting.approvals import marks
from soviet.counting.ballots import Ballots
from soviet.counting.one_round import highest_elected
from soviet.counting.refusals import single_seat
from soviet.counting.registry import method
from soviet.counting.result import Result
from soviet.counting.sums import marked_totals


@method("approval")
def approval(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """Approval voting as defined in S. J. Brams and P. C. Fishburn, "Approval Voting",
    American Political Science Review 72 (1978) 831-847: a voter may vote for (approve of) as
    many candidates as they wish, each approval counts one vote, and the candidate with the
    most votes wins. Each row lists the candidates its voter approves, in any order. An
    equality for the most approvals is decided by lot.
    """
    single_seat("approval", ballots, seats, "pav or seq-phragmen")
    names = ballots.candidates
    votes = marked_totals(marks(ballots.ranks, len(names)), ballots.weights)
    return highest_elected("approval", names, 1, votes, seed, "winner")
