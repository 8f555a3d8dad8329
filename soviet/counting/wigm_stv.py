"""Weighted inclusive Gregory method (WIGM), as the Proportional Representation Foundation's
Reference WIGM rule states it (prfound.org, "Reference WIGM rule", steps A-D) and as the droop
reference counter counts it (its ``wigm`` and ``wigm-prf`` rules).

A. The quota is the valid papers divided by one more than the seats, plus one unit of the last
   decimal place (A.1). Each paper counts for its top-ranked hopeful candidate (A.4, A.5).
B. Each round: elect every hopeful candidate at the quota, pending transfer of their surplus
   (B.1); with ``batch``, defeat the sure losers together (B.2); else transfer the largest
   surplus, possibly zero (B.3): each paper the candidate holds goes on at its weight times the
   surplus, divided by the candidate's votes; else defeat the candidate with fewest votes and
   pass on their papers at their weight (B.4).
C. When every seat is filled, or no more hopefuls remain than seats, elect the pending and, if
   seats are left, the hopefuls; the rest are defeated.
D. Ties in B.3 and B.4 go to the earliest candidate in a predetermined random order (D.1, here
   ``tie_order`` or a seeded lot). Each product and quotient is truncated to four decimal
   places (D.4).

Options beyond the reference text, from the droop counter: ``arithmetic="rational"`` (exact:
the quota is then exactly the valid papers over seats plus one, and a candidate must *exceed*
it) or ``"guarded"`` (``precision`` digits and ``guard`` digits, likewise exact in effect), and
``precision`` for fixed point.

Where droop's counter, and so this rule, reads steps B.1 and B.4 differently from the words:
after B.1 the surplus of the highest pending candidate is still transferred in that round, and
after a defeat in B.4 the defeated candidate's papers are still transferred, even when the
count is then complete (D.3). Neither changes who is elected; both change the final tally of
the last round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soviet.counting.arithmetic import Arithmetic, arithmetic_named
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, open_contest
from soviet.counting.gregory import GregoryCount
from soviet.counting.prf import ReferenceCount
from soviet.counting.registry import method
from soviet.counting.result import Result


class WigmCount(GregoryCount, ReferenceCount):
    """One count under the reference WIGM rule (created, run and discarded by :func:`wigm`)."""

    def __init__(self, ballots: Ballots, contest: Contest, arith: Arithmetic, batch: bool) -> None:
        super().__init__(ballots, contest, arith)
        self.batch = batch
        self.pending: list[int] = []

    def a1_quota(self) -> None:
        """Valid papers over one more than the seats, plus the smallest unit (exact: none)."""
        self.quota = self.quota_of(self.arith.integer(self.papers.valid))

    def b1_elect_winners(self) -> None:
        """Elect, pending surplus transfer, each hopeful at the quota, most votes first."""
        reached = self.highest_first(c for c in self.hopeful() if self.has_quota(c))
        self.pending.extend(reached)
        self.elect(reached)

    def b2_defeat_sure_losers(self) -> bool:
        """Defeat every sure loser at once; True if the round ends here."""
        surplus = sum((self.votes[c] - self.quota for c in self.pending), self.arith.integer(0))
        losers = self.sure_losers(surplus)
        if not losers:
            return False
        self.defeat(losers)
        if len(self.hopeful()) <= self.vacancies():
            return True
        for c in losers:
            self.transfer(c, self.arith.integer(0))
        self.record("transfer")
        return True

    def b3_transfer_high_surplus(self) -> bool:
        """Transfer the largest surplus (possibly zero); False if no one is pending."""
        if not self.pending:
            return False
        arith = self.arith
        c = self.d1_break_tie(self.most_votes(self.pending), "surplus")
        self.pending.remove(c)
        surplus = self.votes[c] - self.quota
        total = self.votes[c]
        self.transfer(c, self.quota, lambda weight: arith.div(arith.mul(weight, surplus), total))
        self.record("transfer")
        return True

    def b4_defeat_low_candidate(self) -> None:
        """Defeat the hopeful with the fewest votes and pass on their papers."""
        c = self.d1_break_tie(self.fewest_votes(self.hopeful()), "defeat")
        self.defeat([c])
        self.transfer(c, self.arith.integer(0))
        self.record("transfer")

    def c_finish(self) -> None:
        """Elect the remaining hopefuls if seats are left, else defeat them."""
        self.pending.clear()
        self.elect_or_defeat_remaining()

    def d1_break_tie(self, tied: list[int], purpose: str) -> int:
        """D.1: the tied candidate earliest in the predetermined random order (the lot)."""
        return self.by_lot(tied, purpose)

    def run(self) -> None:
        self.a1_quota()
        self.first_preferences()  # A.4, A.5
        self.record("begin")
        while not self.over():  # D.3
            self.stage += 1
            self.b1_elect_winners()
            if self.batch and self.b2_defeat_sure_losers():
                continue
            if not self.b3_transfer_high_surplus() and self.hopeful():
                self.b4_defeat_low_candidate()
        self.c_finish()


@method("wigm-stv")
def wigm(
    ballots: Ballots,
    seats: int,
    *,
    arithmetic: str = "fixed",
    precision: int | None = None,
    guard: int | None = None,
    batch: bool = False,
    withdrawn: Iterable[int | str] = (),
    tie_order: Sequence[int | str] | None = None,
    seed: int | None = None,
) -> Result:
    """Count by the reference WIGM rule (see the module docstring); four decimal places unless
    ``arithmetic`` says otherwise; ``batch`` defeats sure losers together (B.2)."""
    if precision is None and arithmetic != "rational":
        precision = 4 if arithmetic == "fixed" else 18
    arith = arithmetic_named(arithmetic, precision, guard)
    contest = open_contest(ballots, seats, withdrawn, tie_order, seed)
    count = WigmCount(ballots, contest, arith, batch)
    count.run()
    options = {"arithmetic": arith.name, "precision": precision, "batch": batch}
    return count.result("wigm-stv", options)
