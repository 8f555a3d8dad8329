"""Ballots: the total weight of a profile in each kind of weight it may carry."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from soviet.counting import Ballots

RANKS = np.array([[0, 1], [1, 0], [0, -1]], dtype=np.int8)


def test_total_weight_without_weights_is_the_rows() -> None:
    assert Ballots(RANKS, ("A", "B")).total_weight() == 3


def test_total_weight_of_integer_and_float_weights() -> None:
    whole = Ballots(RANKS, ("A", "B"), np.array([4, 5, 6])).total_weight()
    assert whole == 15 and type(whole) is int
    assert Ballots(RANKS, ("A", "B"), np.array([0.5, 1.25, 2.0])).total_weight() == 3.75


def test_total_weight_of_fraction_weights_is_exact() -> None:
    thirds = np.array([Fraction(1, 3), Fraction(1, 3), Fraction(1, 2)], dtype=object)
    total = Ballots(RANKS, ("A", "B"), thirds).total_weight()
    assert total == Fraction(7, 6) and isinstance(total, Fraction)
