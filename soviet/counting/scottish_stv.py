"""Scottish STV: The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1,
rules 45 to 52, as made (legislation.gov.uk/ssi/2007/42/schedule/1).

The count is divided into stages. Stage 0 sorts the papers by first preference (rule 45) and
deems elected every candidate at the quota (rules 46, 47). Each later stage transfers one
surplus, the highest first (rules 48, 49), or, with no surplus to transfer, excludes the
candidate with the fewest votes (rules 50, 51); candidates reaching the quota are then deemed
elected. The count ends when every vacancy is filled or the continuing candidates are as many as
the vacancies left (rule 52). All arithmetic is fixed point to five decimal places with any
remainder ignored (rule 48(3)); quota and first preferences are whole numbers.

Reading of the text where a counter must choose:

- A candidate deemed elected is no longer a continuing candidate (article 2): papers passing on
  skip every elected candidate, whether or not that candidate's surplus is still to come.
- Rule 48(1) transfers a surplus only if the votes *exceed* the quota; a candidate at exactly
  the quota has nothing to transfer and takes no stage.
- Rules 49(2) and 51(2): the "most recently preceding stage at which they had unequal numbers
  of votes" is the most recent stage at which one of the tied candidates alone had the most
  (49) or fewest (51) votes; see :func:`soviet.counting.ties.by_earlier_stage`.
- Rules 49(3) and 51(2)(b), lot: drawn by the count's :class:`~soviet.counting.ties.Drawer`.
- When the last vacancies are filled under rule 52 the candidates still continuing are recorded
  as not elected, with the votes they hold (no transfer is made, rule 52(2)).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soviet.counting.arithmetic import Fixed
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, open_contest
from soviet.counting.gregory import GregoryCount
from soviet.counting.quota import whole_quota
from soviet.counting.registry import method
from soviet.counting.result import Result

FIVE_PLACES = Fixed(5)  # rule 48(3): "the calculation being made to five decimal places"


class ScottishCount(GregoryCount):
    """One count under rules 45-52 (created, run and discarded by :func:`scottish_stv`)."""

    def __init__(self, ballots: Ballots, contest: Contest) -> None:
        super().__init__(ballots, contest, FIVE_PLACES)
        self.pending: list[int] = []  # deemed elected, surplus not yet transferred

    def rule_45_first_stage(self) -> None:
        """Sort the valid papers by first preference and credit one vote for each paper."""
        self.first_preferences()
        self.record("begin")

    def rule_46_quota(self) -> None:
        """Valid papers divided by one more than the seats, decimals ignored, plus one."""
        self.quota = whole_quota(self.papers.valid, self.contest.seats, self.arith)

    def rule_47_return(self) -> None:
        """Deem elected every continuing candidate whose votes equal or exceed the quota."""
        reached = self.highest_first(c for c in self.hopeful() if self.votes[c] >= self.quota)
        self.pending.extend(reached)
        self.elect(reached)

    def rule_48_transfer(self, c: int) -> None:
        """Transfer every paper the candidate holds to its next continuing preference at
        ``surplus x value of the paper / total votes``, to five places, remainder ignored."""
        surplus = self.votes[c] - self.quota
        total = self.votes[c]
        arith = self.arith
        self.transfer(c, self.quota, lambda value: arith.muldiv(value, surplus, total))
        self.record("transfer")

    def rule_49_first_surplus(self) -> int | None:
        """The candidate whose surplus is transferred at this stage: the highest surplus; if
        equal, the highest at the latest earlier stage where they differed; else by lot."""
        with_surplus = [c for c in self.pending if self.votes[c] > self.quota]
        if not with_surplus:
            return None
        return self.by_earlier_stage(self.most_votes(with_surplus), "surplus", lowest=False)

    def rule_50_exclude(self) -> None:
        """Exclude the candidate with the fewest votes and transfer each of their papers to
        its next continuing preference at the value it came with."""
        c = self.rule_51_lowest()
        self.defeat([c])
        self.transfer(c, self.arith.integer(0))
        self.record("transfer")

    def rule_51_lowest(self) -> int:
        """The candidate to exclude: the fewest votes; if equal, the fewest at the latest
        earlier stage where they differed; else by lot."""
        return self.by_earlier_stage(self.fewest_votes(self.hopeful()), "defeat", lowest=True)

    def rule_52_last_vacancies(self) -> bool:
        """Whether the count is over: every vacancy filled, or no more continuing candidates
        than vacancies (who are then deemed elected)."""
        return self.over()

    def run(self) -> None:
        self.rule_46_quota()
        self.rule_45_first_stage()
        while True:
            self.rule_47_return()
            if self.rule_52_last_vacancies():
                break
            self.stages.append(list(self.votes))  # votes at the end of the completed stage
            self.stage += 1
            c = self.rule_49_first_surplus()
            if c is not None:
                self.pending.remove(c)
                self.rule_48_transfer(c)
                continue
            self.pending.clear()
            self.rule_50_exclude()
            if self.rule_52_last_vacancies():
                break
        if len(self.hopeful()) <= self.vacancies():
            self.elect(self.hopeful())
        self.defeat(self.hopeful(), note="not elected: every seat is filled")


@method("scottish-stv")
def scottish_stv(
    ballots: Ballots,
    seats: int,
    *,
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count under SSI 2007/42 Sch. 1 rules 45-52 (fixed point, five places). The Order fixes
    quota and arithmetic; the only options are who withdrew and how lots are drawn."""
    contest = open_contest(ballots, seats, withdrawn, tie_order, seed)
    count = ScottishCount(ballots, contest)
    count.run()
    return count.result("scottish-stv", {"arithmetic": "fixed", "precision": 5})
