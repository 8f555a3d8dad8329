"""The charter's names agree with the engines that act on them, and fractions read exactly."""

from __future__ import annotations

from fractions import Fraction
from typing import get_args

import pytest

from soviet.apportion import ALIASES
from soviet.apportion import METHODS as APPORTIONMENT_METHODS
from soviet.charter.field_types import format_fraction, parse_fraction
from soviet.charter.vocabulary import COUNTING_METHODS, ApportionmentMethod
from soviet.counting import METHODS as REGISTERED_METHODS


@pytest.mark.parametrize("name", get_args(ApportionmentMethod))
def test_every_apportionment_method_a_charter_names_exists(name: str) -> None:
    assert ALIASES.get(name, name) in APPORTIONMENT_METHODS


def test_every_election_method_the_engine_counts_can_be_named() -> None:
    # "motion" counts yes/no votes on a motion under a charter majority; it elects nobody.
    elections = set(REGISTERED_METHODS) - {"motion"}
    assert elections <= COUNTING_METHODS


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1/2", Fraction(1, 2)),
        ("2 / 3", Fraction(2, 3)),
        ("0.05", Fraction(1, 20)),
        ("5%", Fraction(1, 20)),
        ("33.3%", Fraction(333, 1000)),
        ("1", Fraction(1)),
        ("6/4", Fraction(3, 2)),
    ],
)
def test_fractions_are_read_exactly(written: str, value: Fraction) -> None:
    assert parse_fraction(written) == value


def test_fractions_are_written_as_p_over_q() -> None:
    assert format_fraction(Fraction(1)) == "1/1"
    assert format_fraction(Fraction(2, 6)) == "1/3"
    assert parse_fraction(format_fraction(Fraction(7, 9))) == Fraction(7, 9)
