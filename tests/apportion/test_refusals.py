"""Requests no apportionment can satisfy get one clear sentence naming the figure."""

from __future__ import annotations

import numpy as np
import pytest

from soviet.apportion import METHODS, ApportionmentError, apportion


@pytest.mark.parametrize(
    ("populations", "names", "message"),
    [
        ([10, 0, 5], None, r"population of unit 2 is 0"),
        ([10, -3], ["a", "b"], r"population of b is -3"),
        ([10, 2.5], None, r"population of unit 2 must be a whole number, got 2.5"),
        ([10, True], None, r"population of unit 2 must be a whole number, got True"),
        ([], None, r"no units"),
        ([[1, 2]], None, r"population of unit 1 must be a whole number, got \[1, 2\]"),
        ([1, 2], ["a"], r"1 names for 2 populations"),
        ([1, 2], ["a", "a"], r"unit name 'a' is given twice"),
        ([1, 10**30], None, r"population of unit 2 is too large"),
    ],
)
def test_bad_populations(populations: list[object], names: list[str] | None, message: str) -> None:
    with pytest.raises(ApportionmentError, match=message):
        apportion("webster", populations, 3, names=names)  # type: ignore[arg-type]


def test_arrays_must_be_flat_and_whole() -> None:
    with pytest.raises(ApportionmentError, match="whole numbers, got an array of float64"):
        apportion("hamilton", np.array([1.0, 2.0]), 3)
    with pytest.raises(ApportionmentError, match="flat array, got 2 dimensions"):
        apportion("hamilton", np.ones((2, 2), dtype=np.int64), 3)


@pytest.mark.parametrize("seats", [None, 0, -1, True, 2.5])
def test_house_must_be_a_positive_whole_number(seats: object) -> None:
    with pytest.raises(ApportionmentError, match="needs the number of seats"):
        apportion("hamilton", [1, 2], seats)  # type: ignore[arg-type]


@pytest.mark.parametrize("minimum", [-1, 1.5, True])
def test_minimum_must_be_a_whole_number(minimum: object) -> None:
    with pytest.raises(ApportionmentError, match="minimum must be"):
        apportion("hamilton", [1, 2], 3, minimum=minimum)  # type: ignore[arg-type]


def test_unknown_method_lists_the_known_ones() -> None:
    with pytest.raises(ApportionmentError, match="unknown apportionment method 'dean'") as err:
        apportion("dean", [1, 2], 3)
    assert all(name in str(err.value) for name in METHODS)


def test_unknown_tie_policy() -> None:
    with pytest.raises(ApportionmentError, match="ties must be"):
        apportion("hamilton", [1, 2], 3, ties="toss")  # type: ignore[arg-type]


def test_numpy_integers_and_arrays_are_accepted() -> None:
    result = apportion("dhondt", np.array([3, 1], dtype=np.int32), np.int64(4))
    assert result.seats.tolist() == [3, 1]
    assert result.house == 4
