"""Counting a ballot file's election: the options the file declares (withdrawn candidates,
undeclared ones, an order for ties) passed to the method as far as it takes them. One place
for the CLI's ``soviet count`` and the API's ``POST /api/counts/ballots``."""

from __future__ import annotations

import inspect
from typing import Any

from soviet.counting.ballots import Ballots
from soviet.counting.blt import Election
from soviet.counting.registry import METHODS
from soviet.counting.result import Result


def csv_election(ballots: Ballots) -> Election:
    """A CSV file's election: the file names no number of seats, so it fills one unless the
    count is told otherwise."""
    return Election(ballots, seats=1)


def count_file(election: Election, method: str, seats: int, seed: int | None,
              threshold: str | None = None) -> Result:
    """Count with the options the file declares, as far as the method takes them."""
    fn = METHODS[method]
    takes = inspect.signature(fn).parameters
    options: dict[str, Any] = {}
    ballots: Ballots = election.ballots
    if election.withdrawn:
        if "withdrawn" in takes:
            options["withdrawn"] = [election.candidates[c] for c in sorted(election.withdrawn)]
        else:
            ballots = election.standing()
    if election.undeclared and "undeclared" in takes:
        named = (election.candidates[c] for c in sorted(election.undeclared))
        options["undeclared"] = [c for c in named if c in ballots.candidates]
    if election.tie_order and "tie_order" in takes:
        named = (election.candidates[c] for c in election.tie_order)
        options["tie_order"] = [c for c in named if c in ballots.candidates]
    if seed is not None:
        if "seed" not in takes:
            raise ValueError(f"{method} draws no lots, so --seed has no use")
        options["seed"] = seed
    if threshold is not None:
        if "threshold" not in takes:
            raise ValueError(f"{method} has no threshold, so --threshold has no use")
        options["threshold"] = threshold
    return fn(ballots, seats, **options)
