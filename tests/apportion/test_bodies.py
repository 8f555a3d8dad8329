"""Many bodies in one pass: each body's seats as if it were apportioned alone."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soviet.apportion import (
    METHODS,
    Apportionment,
    ApportionmentError,
    TieRefused,
    apportion,
    apportion_bodies,
)

FIXED = [m for m in METHODS if m != "ratio"]


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[int], list[int], list[int]]:
    """Units with populations, their (shuffled) body numbers, and each body's seats."""
    count = draw(st.integers(1, 6))
    sizes = [draw(st.integers(1, 6)) for _ in range(count)]
    bodies = [b for b, n in enumerate(sizes) for _ in range(n)]
    bodies = draw(st.permutations(bodies))
    pops = [draw(st.integers(1, 10**6)) for _ in bodies]
    seats = [n + draw(st.integers(0, 25)) for n in sizes]
    return pops, list(bodies), seats


@settings(max_examples=150, deadline=None)
@given(trees(), st.sampled_from(FIXED), st.integers(0, 1))
def test_each_body_as_if_alone(
    tree: tuple[list[int], list[int], list[int]], method: str, minimum: int
) -> None:
    pops, bodies, seats = tree
    names = [f"u{i}" for i in range(len(pops))]

    def alone(b: int) -> Apportionment:
        members = [i for i, body in enumerate(bodies) if body == b]
        return apportion(
            method, [pops[i] for i in members], seats[b], minimum=minimum,
            names=[names[i] for i in members], ties="refuse",
        )  # fmt: skip

    try:
        together = apportion_bodies(
            method, pops, bodies, seats, minimum=minimum, names=names, ties="refuse"
        )
    except TieRefused:
        return
    except ApportionmentError:
        refused = 0
        for b in range(len(seats)):
            try:
                alone(b)
            except ApportionmentError:
                refused += 1
        assert refused
        return
    assert len(together) == len(seats)
    for b, result in enumerate(together):
        single = alone(b)
        assert result.names == single.names
        assert result.seats.tolist() == single.seats.tolist()
        assert result.divisor == single.divisor
        lines = range(result.populations.size)
        assert [str(result.explain(u)) for u in lines] == [str(single.explain(u)) for u in lines]


def test_lots_are_drawn_per_body_and_repeat() -> None:
    pops = [5, 5, 5, 7, 9, 20]
    bodies = [0, 0, 0, 1, 1, 1]
    first = apportion_bodies("webster", pops, bodies, [2, 2], seed=4)
    again = apportion_bodies("webster", pops, bodies, [2, 2], seed=4)
    assert [r.seats.tolist() for r in first] == [r.seats.tolist() for r in again]
    assert first[0].ties[0].units == (0, 1, 2)
    assert first[0].house == 2
    assert first[1].ties == ()
    assert first[1].seats.tolist() == [0, 1, 1]


def test_ratio_mode_for_many_bodies() -> None:
    results = apportion_bodies(
        "ratio", [30_000, 60_000, 10_000], [1, 0, 1], ratio=25_000, remainder="half", minimum=1
    )
    assert [r.seats.tolist() for r in results] == [[2], [1, 1]]


def test_large_tree_in_one_pass() -> None:
    rng = np.random.default_rng(5)
    pops = rng.integers(20, 181, size=20_000)
    bodies = np.repeat(np.arange(2_000), 10)
    results = apportion_bodies("huntington-hill", pops, bodies, np.full(2_000, 30), minimum=1)
    assert all(r.house == 30 for r in results)
    assert min(int(r.seats.min()) for r in results) >= 1


@pytest.mark.parametrize(
    ("bodies", "seats", "message"),
    [
        ([0, 0, 0], [3, 3], "body 2 has no units"),
        ([0, 2, 1], [3, 3], r"unit in body 3, but seats are given for 2 bodies"),
        ([0, -1, 1], [3, 3], "body numbers start at 0"),
        ([0, 1], [3, 3], "a body number for each of the 3 units"),
        ([0.0, 1.0, 1.0], [3, 3], "a body number for each"),
        ([0, 1, 1], [3, 0], "each body's number of seats"),
        ([0, 1, 1], None, "each body's number of seats"),
    ],
)
def test_refusals(bodies: list[object], seats: list[int] | None, message: str) -> None:
    with pytest.raises(ApportionmentError, match=message):
        apportion_bodies("webster", [1, 2, 3], bodies, seats)  # type: ignore[arg-type]


def test_a_refusal_names_the_body() -> None:
    with pytest.raises(ApportionmentError, match="body 2: adams: the method gives every unit"):
        apportion_bodies("adams", [1, 2, 3], [0, 1, 1], [2, 1])
