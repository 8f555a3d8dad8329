"""Instant runoff (the alternative vote): one seat, elimination of the last-placed candidate.

Text: Robert's Rules of Order Newly Revised (10th ed., 2000, §45, "Preferential Voting"): each
paper counts for its highest-ranked continuing candidate; a candidate holding a majority of the
votes is elected; otherwise the candidate with the fewest votes is eliminated and their papers
are counted for their next preference, round after round. "Majority" is read as more than half
of the papers still counting: a paper whose preferences are all eliminated counts for no one.

Robert's Rules leaves a tie for last place to the assembly. This rule breaks it as the Scottish
Order breaks a tie for exclusion (SSI 2007/42 Sch. 1 r. 51(2)): the tied candidate with fewest
votes at the latest earlier round where one of them alone had fewest is eliminated; if they
were level at every round, by lot. A tie between the last two (each exactly half) is broken the
same way: the one to be eliminated is chosen, and the other elected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soviet.counting.arithmetic import Whole
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, open_contest
from soviet.counting.gregory import GregoryCount
from soviet.counting.registry import method
from soviet.counting.result import Result

WHOLE_PAPERS = Whole()  # a paper moves whole, at the value it came with: one vote


class RunoffCount(GregoryCount):
    """One instant-runoff count (created, run and discarded by :func:`irv`)."""

    has_quota_to_report = False  # the majority to reach is of the papers still counting

    def __init__(self, ballots: Ballots, contest: Contest) -> None:
        super().__init__(ballots, contest, WHOLE_PAPERS)

    def run(self) -> None:
        """Round after round: a majority of the papers still counting elects; otherwise the
        fewest votes (a tie broken by an earlier round, then by lot) are eliminated."""
        self.first_preferences()
        self.stage = 1
        while True:
            hopeful = self.hopeful()
            counting = sum(self.votes[c] for c in hopeful)
            leader = max(hopeful, key=lambda c: self.votes[c])
            if len(hopeful) == 1 or 2 * self.votes[leader] > counting:
                self.elect([leader])
                return
            loser = self.by_earlier_stage(self.fewest_votes(hopeful), "defeat", lowest=True)
            self.defeat([loser])
            self.stages.append(list(self.votes))
            self.transfer(loser, self.arith.integer(0))
            self.stage += 1


@method("irv")
def irv(
    ballots: Ballots,
    seats: int,
    *,
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count one seat by instant runoff (see the module docstring for the text followed)."""
    if seats != 1:
        raise ValueError(f"instant runoff fills one seat, not {seats}; use an STV method")
    contest = open_contest(ballots, seats, withdrawn, tie_order, seed)
    count = RunoffCount(ballots, contest)
    count.run()
    return count.result("irv", {})
