"""Counting methods by name, so a charter or a command line can name the rule it wants."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from soviet.counting.ballots import Ballots, RankArray, WeightArray, as_ballots
from soviet.counting.result import Result


class Method(Protocol):
    """A counting rule: grouped ballots and a number of seats in, a full Result out.

    ``*args: Any, **options: Any`` is how mypy spells "any further parameters": each method
    declares its own typed keyword options (``seed``, ``majority``...) and still fits.
    """

    def __call__(self, ballots: Ballots, seats: int, *args: Any, **options: Any) -> Result: ...


METHODS: dict[str, Method] = {}


class UnknownMethod(KeyError):
    def __str__(self) -> str:
        return f"unknown counting method {self.args[0]!r}; known: {', '.join(sorted(METHODS))}"


def method(*names: str) -> Callable[[Method], Method]:
    """Register a counting function under one or more names."""

    def register(fn: Method) -> Method:
        for name in names:
            if name in METHODS:
                raise ValueError(f"counting method {name!r} registered twice")
            METHODS[name] = fn
        return fn

    return register


def count(
    method_name: str,
    ballots: Ballots | RankArray | Sequence[Sequence[int]],
    candidates: Sequence[str] | None = None,
    seats: int = 1,
    weights: Sequence[int | float] | WeightArray | None = None,
    **options: Any,
) -> Result:
    """Count ``ballots`` with the named method and return the result with every round."""
    try:
        fn = METHODS[method_name]
    except KeyError:
        raise UnknownMethod(method_name) from None
    profile = as_ballots(ballots, candidates, weights)
    if seats < 1:
        raise ValueError(f"seats must be at least 1, got {seats}")
    return fn(profile, seats, **options)
