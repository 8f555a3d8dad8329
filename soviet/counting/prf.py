"""What the Proportional Representation Foundation's two reference rules, Reference WIGM and
Reference Meek (prfound.org), state alike, so each rule module holds only its own steps.

Both take the quota as the votes over one more than the seats plus the smallest unit (WIGM
A.1, Meek B.2.b; see :mod:`soviet.counting.quota`), may defeat every sure loser at once (WIGM
B.2, and the droop counter's batch defeats for Meek), and finish alike (step C).
"""

from __future__ import annotations

from soviet.counting.arithmetic import Value
from soviet.counting.quota import fractional_quota, has_fractional_quota
from soviet.counting.stv_count import StvCount
from soviet.counting.sure_losers import sure_losers


class ReferenceCount(StvCount):
    """A count under one of the PRF reference rules."""

    def quota_of(self, votes: Value) -> Value:
        """``votes`` over one more than the seats, plus the smallest unit (exact: none)."""
        return fractional_quota(votes, self.contest.seats, self.arith)

    def has_quota(self, c: int) -> bool:
        return has_fractional_quota(self.votes[c], self.quota, self.arith)

    def sure_losers(self, surplus: Value) -> list[int]:
        """The hopefuls who cannot be elected whatever ``surplus`` does, in ballot order."""
        return sorted(
            sure_losers(self.hopeful(), self.votes, surplus, self.vacancies(), self.arith)
        )

    def elect_or_defeat_remaining(self) -> None:
        """Step C: elect the remaining hopefuls if seats are left, else defeat them."""
        remaining = self.hopeful()
        if self.vacancies() > 0:
            self.elect(remaining, note="elect remaining")
        else:
            self.defeat(remaining, note="defeat remaining")
