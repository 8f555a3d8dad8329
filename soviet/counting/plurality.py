"""Counting crosses: first past the post, the two-round system, and the block vote.

Each counts a ballot's marks as they stand; none transfers a vote. Equalities are decided by
lot only where they decide who is elected (or who goes through to a second round).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from soviet.counting.approvals import marks
from soviet.counting.ballots import Ballots
from soviet.counting.lot import Lots, highest
from soviet.counting.one_round import highest_elected
from soviet.counting.pairwise import positions
from soviet.counting.refusals import enough_candidates, single_seat
from soviet.counting.registry import method
from soviet.counting.result import Number, Result, Round
from soviet.counting.sums import label_totals, marked_totals


def first_preferences(ballots: Ballots) -> tuple[tuple[Number, ...], Number]:
    """Each candidate's first preferences, and the weight of blank ballots."""
    return label_totals(ballots.ranks[:, 0], ballots.weights, len(ballots.candidates))


@method("plurality")
def plurality(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """First past the post, as the Parliamentary Elections Rules (Representation of the People
    Act 1983, Schedule 1) count it.

    Rule 18: "the candidate to whom the majority of votes have been given shall be declared to
    have been elected" (the most votes, not more than half). Rule 49: where an equality "would
    entitle any of those candidates to be declared elected", the returning officer "shall
    decide between those candidates by lot". A ranked ballot counts for its first preference.
    """
    single_seat("plurality", ballots, seats, "block-plurality")
    votes, blank = first_preferences(ballots)
    return highest_elected("plurality", ballots.candidates, 1, votes, seed, "winner", blank)


@method("two-round")
def two_round(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """The two-round system, counted from ranked ballots, as article 7 of the French
    Constitution of 1958 sets it for the President.

    Elected by "an absolute majority of the votes cast" (suffrages exprimés: blank ballots
    are not votes cast); failing that, a second round between "the two candidates who ... have
    received the greatest number of votes in the first round" (our translation). A ballot's
    second round vote goes to whichever of the two it ranks higher; one ranking neither is
    not cast. Article 7 says nothing of equalities: here they are decided by lot.
    """
    single_seat("two-round", ballots, seats, "block-plurality or an STV method")
    names = ballots.candidates
    votes, blank = first_preferences(ballots)
    half = Fraction(sum(votes)) / 2
    rule = "more than half the votes cast elects in the first round"
    leader = max(range(len(names)), key=lambda c: votes[c])
    lots = Lots(seed)
    eliminated: tuple[str, ...] = ()
    rounds: tuple[Round, ...]
    if votes[leader] > half or len(names) == 1:
        elected = (names[leader],)
        rounds = (Round(1, votes, quota=half, exhausted=blank, elected=elected, note=rule),)
    else:
        pair, lots = highest(votes, 2, range(len(names)), names, lots, 1, "second round")
        second, uncast = _runoff(ballots, pair)
        (winner,), lots = highest(second, 1, pair, names, lots, 2, "winner")
        elected = (names[winner],)
        eliminated = tuple(names[c] for c in range(len(names)) if c not in pair)
        rounds = (
            Round(1, votes, quota=half, exhausted=blank, defeated=eliminated, note=rule),
            Round(2, second, exhausted=uncast, elected=elected, note="second round"),
        )
    return Result(
        method="two-round",
        candidates=names,
        seats=1,
        elected=elected,
        eliminated=eliminated,
        rounds=rounds,
        ties=lots.ties,
        seed=lots.seed,
        scores=rounds[-1].votes,
        options={"seed": seed},
    )


def _runoff(ballots: Ballots, pair: tuple[int, ...]) -> tuple[tuple[Number, ...], Number]:
    """Second-round votes of every candidate (zero for those not in it), and the uncast."""
    a, b = pair
    pos = positions(ballots.ranks, len(ballots.candidates))
    prefers = np.stack([pos[a] < pos[b], pos[b] < pos[a]])
    neither = ~(prefers[0] | prefers[1])
    for_a, for_b = marked_totals(prefers, ballots.weights)
    (uncast,) = marked_totals(neither[np.newaxis], ballots.weights)
    votes: list[Number] = [0] * len(ballots.candidates)
    votes[a], votes[b] = for_a, for_b
    return tuple(votes), uncast


@method("block-plurality")
def block_plurality(ballots: Ballots, seats: int, seed: int | None = None) -> Result:
    """The block vote (multi-member plurality), as the Local Elections (Principal Areas)
    (England and Wales) Rules 2006, Schedule 2, count it.

    Each row lists the candidates its voter marks. Rule 15: "the candidate or candidates to
    whom more votes have been given than to the other candidates, up to the number of
    councillors to be elected" are elected. A ballot "on which votes are given for more
    candidates than the voter is entitled to vote for" is void and not counted (the rule on
    rejected ballot papers); an equality that decides a seat is decided by lot (the rule on
    equality of votes).
    """
    names = ballots.candidates
    enough_candidates("block-plurality", ballots, seats)
    listed = np.count_nonzero(ballots.ranks >= 0, axis=1)
    void = listed > seats
    valid = ~void
    weights = None if ballots.weights is None else ballots.weights[valid]
    votes = marked_totals(marks(ballots.ranks[valid], len(names)), weights)
    (rejected,) = marked_totals(void[np.newaxis], ballots.weights)
    note = f"void: {rejected} (more marks than the {seats} seats)" if rejected else ""
    return highest_elected("block-plurality", names, seats, votes, seed, "elect", rejected, note)
