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

from soviet.counting.ballots import Ballots
from soviet.counting.contest import Standing, open_contest
from soviet.counting.papers import Papers
from soviet.counting.registry import method
from soviet.counting.result import Result
from soviet.counting.sheet import CountSheet
from soviet.counting.ties import earlier_stage_then_lot


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
    names = contest.candidates
    state = contest.opening()
    papers = Papers(ballots, [s is Standing.HOPEFUL for s in state])
    sheet = CountSheet(names, int)
    drawer = contest.drawer()
    votes = papers.tally()
    exhausted = 0
    earlier: list[list[int]] = []
    eliminated: list[int] = []
    winner: int | None = None
    stage = 1
    while winner is None:
        hopeful = [c for c, s in enumerate(state) if s is Standing.HOPEFUL]
        counting = sum(votes[c] for c in hopeful)
        leader = max(hopeful, key=lambda c: votes[c])
        if len(hopeful) == 1 or 2 * votes[leader] > counting:
            winner = leader
            sheet.record(stage, "elect", votes, None, exhausted, elected=[winner])
            break
        low = min(votes[c] for c in hopeful)
        tied = [c for c in hopeful if votes[c] == low]
        loser = tied[0]
        if len(tied) > 1:
            loser, tie = earlier_stage_then_lot(tied, earlier, True, drawer, stage, "defeat")
            sheet.ties.append(tie)
        state[loser] = Standing.DEFEATED
        eliminated.append(loser)
        sheet.record(stage, "defeat", votes, None, exhausted, defeated=[loser])
        earlier.append(list(votes))
        gained, lost = papers.transfer(loser, [s is Standing.HOPEFUL for s in state])
        votes = [v + g for v, g in zip(votes, gained, strict=True)]
        votes[loser] = 0
        exhausted += lost
        stage += 1
    return Result(
        method="irv",
        candidates=names,
        seats=1,
        elected=(names[winner],),
        eliminated=tuple(names[c] for c in eliminated),
        rounds=tuple(sheet.rounds),
        ties=tuple(sheet.ties),
        seed=drawer.seed,
    )
