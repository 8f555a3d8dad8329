"""Moving papers at a value: what the Gregory family of rules (Scottish STV, WIGM, Minneapolis
STV) shares beyond the count sheet, so each rule module holds only its own text.

A surplus or an exclusion sends every paper a candidate holds to its next continuing
preference (revalued first, for a surplus); the votes that find no continuing preference are
non-transferable. When, why and at what value is the rule's business.
"""

from __future__ import annotations

from collections.abc import Callable

from soviet.counting.arithmetic import Value, Values
from soviet.counting.stv_count import StvCount


class GregoryCount(StvCount):
    """A count whose papers move whole, at a value (``exhausted``: non-transferable votes)."""

    def transfer(
        self, c: int, keep: Value, revalue: Callable[[Values], Values] | None = None
    ) -> None:
        """Move every paper ``c`` holds on (revalued first, for a surplus); ``c`` keeps
        ``keep`` votes (the quota after a surplus, none after an exclusion)."""
        gained, lost = self.papers.transfer(c, self.continuing(), revalue)
        self.votes[c] = keep
        self.votes = [v + g for v, g in zip(self.votes, gained, strict=True)]
        self.exhausted += lost
