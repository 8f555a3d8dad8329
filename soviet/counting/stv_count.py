"""The working sheet every single-transferable-vote count keeps, whatever its rule.

Who stands where, the votes each candidate holds, the quota, the votes no candidate holds
(non-transferable papers, or Meek's residue), who was elected or defeated in what order, and the
count sheet of rounds and ties. Rule modules subclass :class:`StvCount` and add only their own
text; how the sheet is kept is decided here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from soviet.counting.arithmetic import Arithmetic, Value
from soviet.counting.ballots import Ballots
from soviet.counting.contest import Contest, Standing
from soviet.counting.papers import Papers
from soviet.counting.result import Result
from soviet.counting.sheet import CountSheet
from soviet.counting.ties import earlier_stage_then_lot

HOPEFUL = Standing.HOPEFUL  # read a dozen times a count: a global is cheaper than the enum's


class StvCount:
    """The state of one count: mutable, created, run and discarded inside one method call."""

    has_quota_to_report = True  # False for a rule with no quota: its rounds report none

    def __init__(self, ballots: Ballots, contest: Contest, arith: Arithmetic) -> None:
        self.contest = contest
        self.arith = arith
        self.state = contest.opening()
        self.papers = Papers(ballots, self.continuing(), arith)
        self.votes: list[Value] = [arith.integer(0)] * len(contest.candidates)
        self.sheet = CountSheet(contest.candidates, arith.number)
        self.drawer = contest.drawer()
        self.stage = 0
        self.quota: Value = arith.integer(0)
        self.exhausted: Value = arith.integer(0)
        self.elected: list[int] = []
        self.defeated: list[int] = []
        self.stages: list[list[Value]] = []  # earlier stages' votes, for rules that look back

    def hopeful(self) -> list[int]:
        return [c for c, s in enumerate(self.state) if s is HOPEFUL]

    def continuing(self) -> list[bool]:
        return [s is HOPEFUL for s in self.state]

    def vacancies(self) -> int:
        return self.contest.seats - len(self.elected)

    def over(self) -> bool:
        """Every seat is filled, or no more hopefuls stand than seats are left."""
        return not len(self.hopeful()) > self.vacancies() > 0

    def highest_first(self, cands: Iterable[int]) -> list[int]:
        """Most votes first; equal votes later-listed first (the droop counter's order)."""
        return sorted(cands, key=lambda c: (self.votes[c], c), reverse=True)

    def fewest_votes(self, among: Sequence[int]) -> list[int]:
        """Those of ``among`` level on the fewest votes (level as the arithmetic compares)."""
        low = self.arith.minimum([self.votes[c] for c in among])
        return [c for c in among if self.arith.eq(self.votes[c], low)]

    def most_votes(self, among: Sequence[int]) -> list[int]:
        """Those of ``among`` level on the most votes (level as the arithmetic compares)."""
        top = max(self.votes[c] for c in among)
        return [c for c in among if self.arith.eq(self.votes[c], top)]

    def first_preferences(self) -> None:
        """Credit each continuing candidate with the papers on which they are first."""
        self.votes = self.papers.tally()

    def elect(self, cands: Iterable[int], note: str = "") -> None:
        if chosen := self._settle(cands, Standing.ELECTED, self.elected):
            self.record("elect", elected=chosen, note=note)

    def defeat(self, cands: Iterable[int], note: str = "") -> None:
        if chosen := self._settle(cands, Standing.DEFEATED, self.defeated):
            self.record("defeat", defeated=chosen, note=note)

    def _settle(self, cands: Iterable[int], standing: Standing, into: list[int]) -> list[int]:
        """Give ``cands`` their final standing, in order; the candidates settled."""
        chosen = list(cands)
        for c in chosen:
            self.state[c] = standing
        into.extend(chosen)
        return chosen

    def by_lot(self, tied: list[int], purpose: str) -> int:
        """One of ``tied`` by the count's lot, the drawing recorded (alone: no lot)."""
        return self._break(tied, purpose, (), lowest=True)

    def by_earlier_stage(self, tied: list[int], purpose: str, lowest: bool) -> int:
        """One of ``tied``: the one alone with the fewest (``lowest``) or most votes at the
        latest of :attr:`stages` where one was, else by lot; recorded (alone: no tie)."""
        return self._break(tied, purpose, self.stages, lowest)

    def _break(
        self, tied: list[int], purpose: str, stages: Sequence[Sequence[Value]], lowest: bool
    ) -> int:
        if len(tied) == 1:
            return tied[0]
        chosen, tie = earlier_stage_then_lot(tied, stages, lowest, self.drawer, self.stage, purpose)
        self.sheet.ties.append(tie)
        return chosen

    def record(
        self,
        action: str,
        elected: Iterable[int] = (),
        defeated: Iterable[int] = (),
        note: str = "",
    ) -> None:
        self.sheet.record(
            self.stage,
            action,
            self.votes,
            self.quota if self.has_quota_to_report else None,
            self.exhausted,
            tuple(elected),
            tuple(defeated),
            note,
        )

    def result(self, method: str, options: dict[str, Any]) -> Result:
        names = self.contest.candidates
        return Result(
            method=method,
            candidates=names,
            seats=self.contest.seats,
            elected=tuple(names[c] for c in self.elected),
            eliminated=tuple(names[c] for c in self.defeated),
            rounds=tuple(self.sheet.rounds),
            ties=tuple(self.sheet.ties),
            seed=self.drawer.seed,
            options=options,
            places=self.arith.published_places,
        )
