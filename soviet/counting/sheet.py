"""The count sheet: every step of a count as it happens, turned into :class:`Round` entries.

A transferable-vote count is a sequence of steps (first preferences, a candidate deemed
elected, a surplus transferred, a candidate excluded ...). Each entry keeps the votes, quota and
non-transferable votes at that step, in the arithmetic of the rule, so a published count can be
checked step by step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from soviet.counting.result import Number, Round, TieBreak


class CountSheet:
    """Collects the rounds and tie breaks of one count (a builder, used by one count only)."""

    def __init__(self, candidates: Sequence[str], number: Callable[[Any], Number]) -> None:
        self.candidates = tuple(candidates)
        self.number = number
        self.rounds: list[Round] = []
        self.ties: list[TieBreak] = []
        self.figures: dict[int, Number] = {}  # whole-unit votes already reported, and how

    def figure(self, v: Any) -> Number:
        """``v`` as reported: a candidate's votes mostly stand still from step to step, so
        each whole-unit figure is converted once per count (fixed point's Decimal is dear)."""
        if type(v) is not int:
            return self.number(v)
        seen = self.figures.get(v)
        if seen is None:
            seen = self.figures[v] = self.number(v)
        return seen

    def record(
        self,
        stage: int,
        action: str,
        votes: Sequence[Any],
        quota: Any,
        exhausted: Any,
        elected: Sequence[int] = (),
        defeated: Sequence[int] = (),
        note: str = "",
    ) -> None:
        n, name = self.figure, self.candidates.__getitem__
        self.rounds.append(
            Round(
                number=stage,
                votes=tuple(map(n, votes)),
                action=action,
                quota=None if quota is None else n(quota),
                exhausted=n(exhausted),
                elected=tuple(map(name, elected)),
                defeated=tuple(map(name, defeated)),
                note=note,
            )
        )
