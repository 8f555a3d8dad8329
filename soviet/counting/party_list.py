"""Party-list proportional representation: seats to lists in proportion to their votes.

Each ballot is one vote for one list (its first and only preference; a row may carry a
weight, e.g. a delegation's votes). Lists below the threshold, a share of the votes cast for
lists, get nothing; a list with "at least" the share passes, as in the German Federal
Elections Act's clause ("mindestens 5 Prozent"). The seats are then shared among the other
lists by the apportionment rule the method names, the same code that apportions delegates to
units (``soviet.apportion``), so each rule is written once:

- ``dhondt``: highest averages with divisors 1, 2, 3, ... (D'Hondt; the Jefferson method).
- ``sainte-lague``: divisors 1, 3, 5, ... (the Webster method).
- ``modified-sainte-lague``: divisors 1.4, 3, 5, ...
- ``largest-remainder-hare``: whole quotas of votes / seats, then the largest remainders.
- ``largest-remainder-droop``: the same with the quota floor(votes / (seats + 1)) + 1.

Lists level for the last seat draw lots (``ties="lot"``, with ``seed`` recorded), or the count
is refused (``ties="refuse"``). ``Result.allocation`` holds each list's seats; ``elected``
names the lists that won any, most votes first; the second round shows each list's quotient.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from soviet.apportion import apportion
from soviet.apportion.lot import TiePolicy
from soviet.counting.ballots import Ballots
from soviet.counting.registry import method
from soviet.counting.result import Number, Result, Round, TieBreak
from soviet.counting.sums import label_totals


def list_votes(ballots: Ballots) -> tuple[list[int], Number]:
    """Whole votes per list and the blank ballots; a ballot naming two lists is refused."""
    if ballots.depth > 1 and (ballots.ranks[:, 1] >= 0).any():
        row = int(np.argmax(ballots.ranks[:, 1] >= 0))
        raise ValueError(
            f"party-list ballots name one list each; ballot {row + 1} ranks a second one"
        )
    votes, blank = label_totals(ballots.ranks[:, 0], ballots.weights, len(ballots.candidates))
    whole = []
    for name, v in zip(ballots.candidates, votes, strict=True):
        if Fraction(v).denominator != 1:
            raise ValueError(f"party-list votes are whole numbers; list {name!r} has {v}")
        whole.append(int(v))
    return whole, blank


def _threshold(value: Fraction | int | str | None) -> Fraction:
    if value is None:
        return Fraction(0)
    if isinstance(value, bool) or not isinstance(value, Fraction | int | str):
        raise TypeError(
            f"threshold must be a Fraction or a string such as '5/100' or '0.05', got "
            f"{value!r} (a float cannot state a share exactly)"
        )
    try:
        share = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise ValueError(
            f"threshold {value!r} is not a share; write e.g. '5/100' or '0.05'"
        ) from None
    if not 0 <= share < 1:
        raise ValueError(f"threshold must be a share from 0 up to (not including) 1, got {value}")
    return share


def _count(
    name: str,
    rule: str,
    ballots: Ballots,
    seats: int,
    threshold: Fraction | int | str | None,
    seed: int | None,
    ties: TiePolicy,
) -> Result:
    lists = ballots.candidates
    votes, blank = list_votes(ballots)
    share = _threshold(threshold)
    total = sum(votes)
    passing = [i for i, v in enumerate(votes) if v > 0 and v >= share * total]
    if not passing:
        raise ValueError(f"{name}: no list has votes at or above the threshold ({share})")
    barred = tuple(lists[i] for i, v in enumerate(votes) if v > 0 and i not in passing)
    shared = apportion(
        rule,
        [votes[i] for i in passing],
        seats,
        names=[lists[i] for i in passing],
        seed=seed,
        ties=ties,
    )
    allocation = [0] * len(lists)
    quotients: list[Number] = [0] * len(lists)
    for unit, i in enumerate(passing):
        allocation[i] = int(shared.seats[unit])
        quotients[i] = shared.explain(unit).quotient
    order = sorted((i for i in passing if allocation[i]), key=lambda i: (-votes[i], i))
    elected = tuple(lists[i] for i in order)
    line = f"threshold {share} of {total} votes" if share else "no threshold"
    return Result(
        method=name,
        candidates=lists,
        seats=seats,
        elected=elected,
        eliminated=barred,
        rounds=(
            Round(
                1, tuple(votes), quota=share * total, exhausted=blank, defeated=barred, note=line
            ),
            Round(
                2,
                tuple(quotients),
                action="allocate",
                quota=shared.divisor,
                elected=elected,
                note=f"votes / {shared.divisor}, {shared.rounding}",
            ),
        ),
        ties=tuple(
            TieBreak(2, "seat", tuple(shared.name(u) for u in tie.units), shared.name(w), tie.by)
            for tie in shared.ties
            for w in tie.won
        ),
        seed=shared.seed,
        allocation=tuple(allocation),
        scores=tuple(quotients),
        options={"threshold": str(share), "seed": seed, "ties": ties},
    )


def _list_method(name: str, rule: str, doc: str) -> None:
    """Register one party-list rule: the same options, the apportionment rule it applies."""

    def run(
        ballots: Ballots,
        seats: int,
        threshold: Fraction | int | str | None = None,
        seed: int | None = None,
        ties: TiePolicy = "lot",
    ) -> Result:
        return _count(name, rule, ballots, seats, threshold, seed, ties)

    run.__name__ = run.__qualname__ = name.replace("-", "_")
    run.__doc__ = f"{doc} (see the module text)."
    method(name)(run)


for _name, _rule, _doc in (
    ("dhondt", "jefferson", "D'Hondt: highest averages, divisors 1, 2, 3, ..."),
    ("sainte-lague", "webster", "Sainte-Laguë: highest averages, divisors 1, 3, 5, ..."),
    ("modified-sainte-lague", "modified-sainte-lague",
     "Modified Sainte-Laguë: divisors 1.4, 3, 5, ..."),
    ("largest-remainder-hare", "hamilton",
     "Largest remainder with the Hare quota, votes / seats"),
    ("largest-remainder-droop", "largest-remainder-droop",
     "Largest remainder with the Droop quota"),
):
    _list_method(_name, _rule, _doc)
