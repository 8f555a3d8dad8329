"""Lots: repeatable from the seed, recorded, drawn only where an equality decides a seat."""

from __future__ import annotations

from soviet.counting.lot import Lots, highest

NAMES = ("A", "B", "C", "D", "E")


def test_same_seed_same_lots() -> None:
    draws = [Lots(seed=7).draw([0, 1, 2, 3, 4], NAMES, 1, "winner")[0] for _ in range(3)]
    assert len(set(draws)) == 1


def test_each_draw_is_recorded_with_the_tied_and_the_chosen() -> None:
    chosen, lots = Lots(seed=7).draw([3, 1], NAMES, 2, "elect")
    assert chosen in (1, 3)
    (tie,) = lots.ties
    assert (tie.round, tie.purpose, tie.tied, tie.by) == (2, "elect", ("B", "D"), "lot")
    assert tie.chosen == NAMES[chosen]


def test_lots_fall_both_ways_across_seeds() -> None:
    chosen = {Lots(seed=s).draw([0, 1], NAMES, 1, "winner")[0] for s in range(40)}
    assert chosen == {0, 1}


def test_a_seed_is_drawn_and_kept_only_when_a_lot_is_needed() -> None:
    taken, lots = highest([5, 3, 1, 0, 0], 2, range(5), NAMES, Lots(), 1, "elect")
    assert taken == (0, 1)
    assert lots.seed is None and lots.ties == ()
    taken, lots = highest([5, 3, 3, 0, 0], 2, range(5), NAMES, Lots(), 1, "elect")
    assert lots.seed is not None
    assert taken[0] == 0 and taken[1] in (1, 2)
    assert len(lots.ties) == 1 and lots.ties[0].tied == ("B", "C")


def test_no_lot_for_an_equality_below_the_seats() -> None:
    taken, lots = highest([5, 5, 2, 2, 2], 2, range(5), NAMES, Lots(seed=1), 1, "elect")
    assert taken == (0, 1) and lots.ties == ()


def test_a_level_group_larger_than_the_seats_left_is_drawn_seat_by_seat() -> None:
    taken, lots = highest([9, 4, 4, 4, 0], 3, range(5), NAMES, Lots(seed=3), 1, "elect")
    assert taken[0] == 0 and set(taken[1:]) < {1, 2, 3} and len(set(taken)) == 3
    assert [t.tied for t in lots.ties] == [
        ("B", "C", "D"),
        tuple(NAMES[c] for c in sorted({1, 2, 3} - {taken[1]})),
    ]


def test_order_by_lot_is_a_permutation() -> None:
    order, lots = Lots(seed=11).order([4, 2, 0], NAMES, 1, "tie-breaking ranking")
    assert sorted(order) == [0, 2, 4]
    assert lots.ties[0].chosen == " > ".join(NAMES[c] for c in order)
