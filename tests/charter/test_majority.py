"""A charter's majority is the counting rule in TOML form: it decides and reads the same."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from soviet.charter import Majority
from soviet.counting import motion
from soviet.counting.motion import Tally, decide

SIMPLE = {"fraction": "1/2", "comparison": "more-than"}
WITH_ABSTENTIONS = {**SIMPLE, "count_abstentions": True}
OF_PRESENT = {**SIMPLE, "base": "present"}
TWO_THIRDS_OF_SEATS = {"fraction": "2/3", "comparison": "at-least", "base": "seats"}
UNANIMOUS = {"fraction": "1", "comparison": "at-least"}


def clause(data: dict[str, Any]) -> Majority:
    return Majority.model_validate(data)


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        (SIMPLE, motion.Majority()),
        (WITH_ABSTENTIONS, motion.Majority(abstentions_count=True)),
        (OF_PRESENT, motion.Majority(base="present")),
        (TWO_THIRDS_OF_SEATS, motion.Majority(Fraction(2, 3), "seats", strict=False)),
        (UNANIMOUS, motion.Majority(Fraction(1), strict=False)),
    ],
)
def test_each_field_maps_to_the_counting_rule(data: dict[str, Any], rule: motion.Majority) -> None:
    assert clause(data).rule() == rule
    assert str(clause(data)) == str(rule)


@pytest.mark.parametrize(
    ("data", "tally", "present", "seats", "adopted"),
    [
        (SIMPLE, Tally(50, 50), None, None, False),
        (SIMPLE, Tally(51, 49), None, None, True),
        (SIMPLE, Tally(50, 49, 10), None, None, True),  # abstentions left out of the base
        (WITH_ABSTENTIONS, Tally(50, 49, 10), None, None, False),  # 50 of 109 is not more
        (OF_PRESENT, Tally(60, 40), 120, None, False),  # half of those present is not more
        (OF_PRESENT, Tally(61, 40), 120, None, True),
        (TWO_THIRDS_OF_SEATS, Tally(200, 0), None, 300, True),  # "at least" takes equality
        (TWO_THIRDS_OF_SEATS, Tally(199, 0), None, 300, False),
        (UNANIMOUS, Tally(10, 0, 3), None, None, True),
        (UNANIMOUS, Tally(10, 1), None, None, False),
    ],
)
def test_a_charter_majority_decides_as_the_counting_majority(
    data: dict[str, Any], tally: Tally, present: int | None, seats: int | None, adopted: bool
) -> None:
    charter = decide(tally, clause(data).rule(), present=present, seats=seats)
    counting = decide(tally, motion.Majority(**_counting_fields(data)), present, seats)
    assert charter == counting
    assert charter.adopted is adopted


def _counting_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The same majority written out by hand in the counting engine's own terms."""
    return {
        "fraction": Fraction(data["fraction"]),
        "base": data.get("base", "cast"),
        "abstentions_count": data.get("count_abstentions", False),
        "strict": data["comparison"] == "more-than",
    }


def test_the_wording_is_the_counting_engines() -> None:
    assert str(clause(OF_PRESENT)) == "more than 1/2 of those present"
    assert str(clause(UNANIMOUS)) == "at least all of votes cast"


def test_more_than_all_has_no_rule() -> None:
    with pytest.raises(ValueError, match="more than all"):
        clause({"fraction": "1", "comparison": "more-than"}).rule()
