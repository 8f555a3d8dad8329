"""Motions: for, against, abstain, and whether the majority the charter requires is reached.

Rules of order state a majority as a fraction of a base, and assemblies differ on each part:
Robert's Rules of Order (12th ed., 44:1-44:4) take "more than half of the votes cast",
abstentions not counted; many statutes take "the majority of members present" or "of all
members" (an absolute majority); amendments of a constitution or expulsions "two thirds".
:class:`Majority` holds those choices as data so the charter states them and no rule
hard-codes one; :func:`decide` applies one to a :class:`Tally` in exact arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal, get_args

import numpy as np

from soviet.counting.ballots import Ballots, RankArray, WeightArray
from soviet.counting.registry import method
from soviet.counting.result import Result, Round, number_json
from soviet.counting.sums import label_totals

Base = Literal["cast", "present", "seats"]
Votes = int | Fraction
"""Votes are exact: whole votes, or a Fraction where a delegation's strength is divided."""

_BASE_WORDS = {"cast": "votes cast", "present": "those present", "seats": "all seats"}


def figure(x: Votes) -> str:
    """A vote figure as an assembly writes it: ``61``, or ``66 2/3`` for a fraction."""
    f = Fraction(x)
    whole, part = divmod(f.numerator, f.denominator)
    if part == 0:
        return str(whole)
    return f"{whole} {Fraction(part, f.denominator)}" if whole else str(f)


def _exact(value: object, what: str) -> Votes:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"{what} must be a whole number or a Fraction, got {value!r}")
    if value < 0:
        raise ValueError(f"{what} cannot be negative, got {figure(value)}")
    return value


@dataclass(frozen=True)
class Majority:
    """The majority a decision needs: ``fraction`` of ``base``, "more than" or "at least".

    ``base`` is ``"cast"`` (votes for and against, plus abstentions if ``abstentions_count``),
    ``"present"`` (voting strength present, voting or not) or ``"seats"`` (all seats of the
    body, present or not). The last two are headcounts, so abstainers are in them whatever
    ``abstentions_count`` says; the flag only widens a base of votes cast.
    ``strict`` is "more than" (a simple majority is more than 1/2); ``strict=False`` is "at
    least" (two thirds is usually at least 2/3).
    """

    fraction: Fraction = Fraction(1, 2)
    base: Base = "cast"
    abstentions_count: bool = False
    strict: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.fraction, bool) or not isinstance(self.fraction, int | Fraction):
            raise TypeError(
                f"majority fraction must be a Fraction such as Fraction(2, 3), "
                f"got {self.fraction!r} (a float cannot state two thirds exactly)"
            )
        if not 0 < self.fraction <= 1:
            raise ValueError(
                f"majority fraction must be above 0 and at most 1, got {self.fraction}"
            )
        if self.strict and self.fraction == 1:
            raise ValueError(
                "more than all of the base can never be reached: unanimity is strict=False"
            )
        if self.base not in get_args(Base):
            raise ValueError(
                f"majority base must be one of {', '.join(get_args(Base))}, got {self.base!r}"
            )
        object.__setattr__(self, "fraction", Fraction(self.fraction))

    @property
    def requirement(self) -> str:
        """``more than 1/2`` or ``at least 2/3``."""
        share = "all" if self.fraction == 1 else str(self.fraction)
        return f"{'more than' if self.strict else 'at least'} {share}"

    def __str__(self) -> str:
        base = _BASE_WORDS[self.base]
        if self.base == "cast" and self.abstentions_count:
            base += ", abstentions included"
        return f"{self.requirement} of {base}"

    def to_json(self) -> dict[str, Any]:
        return {
            "fraction": str(self.fraction),
            "base": self.base,
            "abstentions_count": self.abstentions_count,
            "strict": self.strict,
        }


@dataclass(frozen=True)
class Tally:
    """The votes on a motion; weighted votes (a delegate carrying N votes) are already summed."""

    yes: Votes
    no: Votes
    abstain: Votes = 0

    def __post_init__(self) -> None:
        for name in ("yes", "no", "abstain"):
            _exact(getattr(self, name), f"votes {name}")

    @property
    def voting(self) -> Votes:
        """Everyone who took part: for, against and abstaining."""
        return self.yes + self.no + self.abstain


@dataclass(frozen=True)
class Decision:
    """Whether a motion carried, with the figures that show why."""

    adopted: bool
    tally: Tally
    majority: Majority
    base: Votes
    """The base figure: votes cast, strength present or seats, as the majority says."""
    threshold: Fraction
    """``fraction x base``: the figure ``yes`` must exceed (strict) or reach."""

    @property
    def sentence(self) -> str:
        """E.g. ``adopted: 61 for of 100 cast, more than 1/2 (50) required``."""
        word: str = self.majority.base
        if self.majority.base == "cast" and self.majority.abstentions_count:
            word += " (abstentions included)"
        return (
            f"{'adopted' if self.adopted else 'rejected'}: {figure(self.tally.yes)} for of "
            f"{figure(self.base)} {word}, {self.majority.requirement} "
            f"({figure(self.threshold)}) required"
        )

    def __str__(self) -> str:
        return self.sentence


def decide(
    tally: Tally,
    majority: Majority,
    present: Votes | None = None,
    seats: Votes | None = None,
) -> Decision:
    """Apply ``majority`` to ``tally``. ``present`` and ``seats`` are voting strengths.

    A motion nobody voted for is never adopted, even where "at least" a share of an empty
    base would be met by nothing.
    """
    if present is not None:
        _exact(present, "present")
        if tally.voting > present:
            raise ValueError(
                f"{figure(tally.voting)} voted (for, against, abstaining) "
                f"but only {figure(present)} present"
            )
    if seats is not None:
        _exact(seats, "seats")
        if present is not None and present > seats:
            raise ValueError(
                f"{figure(present)} present but the body has only {figure(seats)} seats"
            )
        if tally.voting > seats:
            raise ValueError(
                f"{figure(tally.voting)} voted but the body has only {figure(seats)} seats"
            )
    base: Votes
    if majority.base == "cast":
        base = tally.yes + tally.no + (tally.abstain if majority.abstentions_count else 0)
    elif majority.base == "present":
        if present is None:
            raise ValueError(f"the majority is {majority}: give the strength present")
        base = present
    else:
        if seats is None:
            raise ValueError(f"the majority is {majority}: give the number of seats")
        base = seats
    threshold = majority.fraction * base
    reached = tally.yes > threshold if majority.strict else tally.yes >= threshold
    return Decision(reached and tally.yes > 0, tally, majority, base, threshold)


def tally_votes(choices: RankArray, weights: WeightArray | None = None) -> Tally:
    """Sum votes marked 0 (for), 1 (against), 2 (abstain); -1 is a member who did not vote.

    Weights are the votes each voter carries; integer or Fraction (object) weights only, since
    a float cannot carry a divided delegation's strength exactly.
    """
    if weights is not None and np.issubdtype(weights.dtype, np.floating):
        raise TypeError("vote weights must be integers or Fractions, not floats")
    if choices.size and (int(choices.min()) < -1 or int(choices.max()) > 2):
        raise ValueError(
            f"a vote on a motion is 0 (for), 1 (against), 2 (abstain) or -1 (none); "
            f"found {int(choices.min())}..{int(choices.max())}"
        )
    (yes, no, abstain), _ = label_totals(choices, weights, 3)
    return Tally(
        _exact(yes, "votes for"), _exact(no, "votes against"), _exact(abstain, "abstentions")
    )


@method("motion")
def motion(
    ballots: Ballots,
    seats: int,
    majority: Majority | None = None,
    present: Votes | None = None,
    members: Votes | None = None,
) -> Result:
    """Count a motion from ballots over the choices (for, against[, abstain]).

    Each ballot's first mark is its vote; a blank ballot is a member present who did not vote.
    ``members`` is the body's seats (``seats`` stays the count's one outcome). The round's
    quota is the threshold and its note the decision in words.
    """
    if seats != 1:
        raise ValueError(f"a motion has one outcome; seats must be 1, got {seats}")
    if len(ballots.candidates) not in (2, 3):
        raise ValueError(
            f"a motion's choices are for, against and optionally abstain; "
            f"got {len(ballots.candidates)}: {', '.join(ballots.candidates)}"
        )
    rule = majority if majority is not None else Majority()
    tally = tally_votes(ballots.ranks[:, 0], ballots.weights)
    decision = decide(tally, rule, present=present, seats=members)
    votes = (tally.yes, tally.no, tally.abstain)[: len(ballots.candidates)]
    elected = (ballots.candidates[0],) if decision.adopted else ()
    return Result(
        method="motion",
        candidates=ballots.candidates,
        seats=1,
        elected=elected,
        rounds=(
            Round(1, votes, quota=decision.threshold, elected=elected, note=decision.sentence),
        ),
        scores=votes,
        options={
            "majority": rule.to_json(),
            "present": number_json(present),
            "members": number_json(members),
        },
    )
