"""The arithmetic of counts and the moving of ballot papers, worked by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from soviet.counting import Ballots
from soviet.counting.arithmetic import Fixed, Guarded, Rational, arithmetic_named, show
from soviet.counting.ballots import BallotError
from soviet.counting.papers import Papers
from soviet.counting.sure_losers import sure_losers
from soviet.counting.ties import Drawer, by_earlier_stage

FIVE = Fixed(5)


def test_fixed_point_ignores_the_remainder() -> None:
    third = FIVE.div(FIVE.integer(1), FIVE.integer(3))
    assert FIVE.number(third) == Decimal("0.33333")
    assert FIVE.number(FIVE.div(FIVE.integer(1), FIVE.integer(3), up=True)) == Decimal("0.33334")
    assert FIVE.number(FIVE.mul(third, FIVE.integer(2))) == Decimal("0.66666")


def test_scottish_a_divided_by_b_keeps_a_whole() -> None:
    """r. 48(3): (surplus x value) / total, truncated once: 3 x 1 / 11 = 0.27272."""
    value = FIVE.muldiv(FIVE.integer(1), FIVE.integer(3), FIVE.integer(11))
    assert FIVE.number(value) == Decimal("0.27272")


def test_fixed_arrays_widen_rather_than_overflow() -> None:
    big = np.array([10**15, 2], dtype=np.int64)
    product = Fixed(5).mul(big, 10**9)
    assert product.tolist() == [10**19, 2 * 10**4]


def test_guarded_counts_near_values_as_equal_but_keeps_them_apart() -> None:
    g = Guarded(places=3, guard=2)
    one = g.integer(1)
    assert g.eq(one, one + 49) and not g.eq(one, one + 50)
    assert g.lt(one, one + 50) and not g.lt(one, one + 49)
    assert g.number(one + 49) == Decimal("1.00049")


def test_large_figures_keep_every_digit() -> None:
    """Meek's reference arithmetic carries 27 digits: a figure of ten thousand million votes
    has 38 significant digits, past the decimal module's default 28."""
    g = Guarded(places=18, guard=9)
    v = g.integer(12_345_678_901) + 123_456_789_012_345_678_901_234_567
    assert str(g.number(v)) == "12345678901.123456789012345678901234567"
    assert show(g.number(v), 18) == "12345678901.123456789012345679"


def test_rational_is_exact() -> None:
    r = Rational()
    assert r.div(r.integer(1), r.integer(3)) * 3 == 1
    assert r.number(r.mul(Fraction(2, 3), Fraction(3, 4))) == Fraction(1, 2)


def test_arithmetic_is_named_and_refused_by_name() -> None:
    assert arithmetic_named("guarded", 18) == Guarded(18, 9)
    with pytest.raises(ValueError, match="needs a precision"):
        arithmetic_named("fixed")
    with pytest.raises(ValueError, match="unknown arithmetic 'float'"):
        arithmetic_named("float", 3)


def test_published_figures_round_half_up() -> None:
    assert show(Decimal("2.0000000005"), 9) == "2.000000001"
    assert show(Fraction(1, 3), 4) == "0.3333"
    assert show(Fraction(2, 3), 4) == "0.6667"
    assert show(0, 2) == "0.00"


def ballots(rows: list[list[int]], names: str, weights: list[int] | None = None) -> Ballots:
    depth = max(len(r) for r in rows)
    ranks = np.full((len(rows), depth), -1, dtype=np.int8)
    for i, r in enumerate(rows):
        ranks[i, : len(r)] = r
    w = None if weights is None else np.array(weights)
    return Ballots(ranks, tuple(names), w)


def test_papers_pass_to_the_next_continuing_preference() -> None:
    b = ballots([[0, 1, 2], [0, 2], [0], [1, 0]], "ABC", [3, 2, 1, 4])
    papers = Papers(b, [True, True, True])
    assert papers.tally() == [6, 4, 0]
    gained, lost = papers.transfer(0, [False, False, True])  # B elected: skipped
    assert gained == [0, 0, 5] and lost == 1
    assert papers.tally() == [0, 4, 5]


def test_papers_revalued_on_a_surplus_carry_their_new_value() -> None:
    b = ballots([[0, 1], [0, 2]], "ABC", [7, 4])
    papers = Papers(b, [True] * 3, FIVE)
    gained, lost = papers.transfer(
        0, [False, True, True], lambda v: FIVE.muldiv(v, FIVE.integer(3), FIVE.integer(11))
    )
    assert [FIVE.number(g) for g in gained] == [0, Decimal("1.90904"), Decimal("1.09088")]
    assert lost == 0


def test_withdrawn_candidates_are_passed_over_and_empty_papers_are_not_valid() -> None:
    b = ballots([[1, 0], [1], [2]], "ABC", [2, 5, 1])
    papers = Papers(b, [True, False, True])
    assert papers.valid == 3
    assert papers.tally() == [2, 0, 1]


def test_papers_refuse_part_papers_and_an_empty_count() -> None:
    with pytest.raises(BallotError, match=r"row 2 has weight 0\.5"):
        Papers(ballots([[0], [1]], "AB", [1, 0.5]), [True, True])  # type: ignore[list-item]
    with pytest.raises(BallotError, match="no valid ballot paper"):
        Papers(ballots([[1]], "AB"), [True, False])


def test_an_earlier_stage_decides_only_where_one_candidate_alone_is_lowest() -> None:
    stages = [[1, 2, 5], [3, 2, 2]]  # oldest first
    assert by_earlier_stage([0, 1, 2], stages, lowest=True) == 0  # latest: B and C share 2
    assert by_earlier_stage([1, 2], stages, lowest=True) == 1
    assert by_earlier_stage([0, 1], stages, lowest=False) == 0
    assert by_earlier_stage([1, 2], [[1, 2, 2], [3, 2, 2]], lowest=True) is None


def test_a_lot_drawn_beforehand_must_name_every_candidate_once() -> None:
    drawer = Drawer("ABC", None, (2, 0, 1))
    chosen, tie = drawer.draw([0, 1], 3, "defeat")
    assert chosen == 0 and tie.by == "lot" and tie.tied == ("A", "B")
    with pytest.raises(ValueError, match="each of the 3 candidates once"):
        Drawer("ABC", None, (0, 0, 1))


def test_sure_losers_are_the_largest_group_that_cannot_catch_up() -> None:
    f = Fixed(0)
    everyone = [0, 1, 2, 3, 4]
    assert sure_losers(everyone, [1, 2, 4, 10, 20], 0, 2, f) == [0, 1, 2]  # 7 < 10
    assert sure_losers(everyone, [1, 2, 4, 5, 20], 0, 2, f) == [0, 1]  # 3 < 4, 7 not < 5
    assert sure_losers(everyone, [1, 2, 4, 10, 20], 0, 4, f) == [0]  # one may go
    # within the surplus (4) of nothing, 1, 2 and 4 are level: never split, 7 + 4 not < 10
    assert sure_losers(everyone, [1, 2, 4, 10, 20], 4, 2, f) == []
