"""Minneapolis multiple-seat single transferable vote: Minneapolis Code of Ordinances, Title 8.5,
Chapter 167, sections 167.20 (definitions) and 167.70 (tabulation, multiple-seat elections), as
amended in 2013.

167.20 fixes the numbers: the threshold is the votes counted divided by one more than the seats,
plus one, fractions disregarded; the surplus fraction is the surplus divided by the elected
candidate's votes, and a transfer value that fraction times the vote's current value, each "to
four decimal places, ignoring any remainder". 167.70(c)(1) runs the rounds:

a. count the votes; if as many candidates (undeclared write-ins aside) reach the threshold as
   there are seats, they are elected and tabulation ends;
b. calculate the surpluses;
c. defeat at once every candidate for whom election is mathematically impossible (in round 2
   also every undeclared write-in) and transfer their votes;
d. otherwise elect the candidate with the largest surplus and transfer that surplus;
e. otherwise defeat the candidate with the fewest votes and transfer their votes, except in the
   final round, when the votes stay where they are;
f. finish: the continuing candidates fill the seats left.

Ties (d, e, f) are resolved by lot (167.75). Readings where a counter must choose:

- "Mathematically impossible to be elected" (167.20) is tested from the bottom: the largest
  group of lowest candidates whose votes together, plus all surpluses (and in round 2 the
  undeclared write-ins' votes), stay below the next candidate's, leaving enough candidates for
  the seats.
- f. "equal to the number of seats yet to be filled" is read "no more than", so a count with
  fewer candidates than seats ends.
- The surplus fraction and the transfer value are truncated in the order the definitions give
  them: the fraction first, then its product with the vote's value. (The droop reference counter
  truncates ``value x surplus`` first and then divides; on its reference files both orders give
  the same figures.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soviet.counting.arithmetic import Fixed, Value
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, candidate_index, open_contest
from soviet.counting.gregory import GregoryCount
from soviet.counting.quota import whole_quota
from soviet.counting.registry import method
from soviet.counting.result import Result

FOUR_PLACES = Fixed(4)  # 167.20: "calculated to four (4) decimal places, ignoring any remainder"


class MinneapolisCount(GregoryCount):
    """One count under 167.70 (created, run and discarded by :func:`minneapolis_stv`)."""

    def __init__(self, ballots: Ballots, contest: Contest, undeclared: frozenset[int]) -> None:
        super().__init__(ballots, contest, FOUR_PLACES)
        self.undeclared = undeclared

    def threshold(self) -> None:
        """167.20: votes counted / (seats + 1) + 1, fractions disregarded."""
        self.quota = whole_quota(self.papers.valid, self.contest.seats, self.arith)

    def surplus(self, c: int) -> Value:
        return max(self.votes[c] - self.quota, 0)

    def a_new_round(self) -> bool:
        """Count; True if the candidates at the threshold fill the seats (then elected)."""
        self.record("count")
        at = [c for c in self.hopeful() if c not in self.undeclared and self.reaches(c)]
        if len(self.elected) + len(at) < self.contest.seats:
            return False
        self.elect(self.highest_first(at))
        return True

    def reaches(self, c: int) -> bool:
        return self.votes[c] >= self.quota

    def b_surpluses(self) -> Value:
        """The surplus votes of every candidate at or above the threshold."""
        return sum(
            (self.surplus(c) for c in range(len(self.votes)) if c not in self.undeclared),
            self.arith.integer(0),
        )

    def c_defeat_certain_losers(self, surpluses: Value) -> bool:
        """Defeat at once the undeclared write-ins (round 2) and every candidate it is
        mathematically impossible to elect; transfer their votes. True if any."""
        losers: list[int] = []
        reserve = surpluses
        if self.stage == 2:
            losers = [c for c in self.hopeful() if c in self.undeclared]
            reserve += sum((self.votes[c] for c in losers), self.arith.integer(0))
        losers += [c for c in self.impossible(reserve) if c not in losers]
        if not losers:
            return False
        self.defeat(losers)
        for c in losers:
            self.transfer(c, self.arith.integer(0))
        self.record("transfer")
        return True

    def impossible(self, reserve: Value) -> list[int]:
        """167.20: the largest group of lowest candidates who, with every vote that could
        still come to them, cannot reach the next candidate up."""
        ranked = sorted(self.hopeful(), key=lambda c: (self.votes[c], c))
        most = len(ranked) - self.vacancies()
        losers: list[int] = []
        total = self.arith.integer(0)
        for i, c in enumerate(ranked[:-1]):
            if i + 1 > most:
                break
            total += self.votes[c]
            if total + reserve < self.votes[ranked[i + 1]]:
                losers = ranked[: i + 1]
        return sorted(losers)

    def d_elect_highest_surplus(self) -> bool:
        """Elect the candidate with the largest surplus and transfer it. True if any."""
        at = [c for c in self.hopeful() if self.reaches(c)]
        if not at:
            return False
        c = self.by_lot(self.most_votes(at), "surplus")
        self.elect([c])
        arith = self.arith
        fraction = arith.div(self.votes[c] - self.quota, self.votes[c])
        self.transfer(c, self.quota, lambda value: arith.mul(fraction, value))
        self.record("transfer")
        return True

    def e_defeat_lowest(self) -> None:
        """Defeat the candidate with the fewest votes; transfer their votes unless this
        leaves no more continuing candidates than seats (then they retain them)."""
        if len(self.hopeful()) <= self.vacancies():
            return
        c = self.by_lot(self.fewest_votes(self.hopeful()), "defeat")
        self.defeat([c])
        if len(self.hopeful()) > self.vacancies():
            self.transfer(c, self.arith.integer(0))
            self.record("transfer")

    def f_finish(self) -> None:
        """The continuing candidates fill the seats left, if they fit; the rest are defeated."""
        if len(self.hopeful()) <= self.vacancies():
            self.elect(self.hopeful(), note="continuing candidates fill the seats left")
        self.defeat(self.hopeful(), note="not elected: every seat is filled")

    def run(self) -> None:
        self.threshold()
        self.first_preferences()
        self.stage = 1
        while not self.a_new_round():
            self.stage += 1
            surpluses = self.b_surpluses()
            if self.c_defeat_certain_losers(surpluses):
                continue
            if self.d_elect_highest_surplus():
                continue
            self.e_defeat_lowest()
            if len(self.hopeful()) <= self.vacancies():
                break
        self.f_finish()


@method("minneapolis-stv")
def minneapolis_stv(
    ballots: Ballots,
    seats: int,
    *,
    undeclared: Iterable[int | str] = (),
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count under Minneapolis ch. 167.70 (four decimal places). ``undeclared`` names the
    undeclared write-in candidates, defeated together in round 2 (167.70(c)(1)c)."""
    contest = open_contest(ballots, seats, withdrawn, tie_order, seed)
    write_ins = frozenset(candidate_index(contest.candidates, c) for c in undeclared)
    count = MinneapolisCount(ballots, contest, write_ins)
    count.run()
    return count.result("minneapolis-stv", {"arithmetic": "fixed", "precision": 4})
