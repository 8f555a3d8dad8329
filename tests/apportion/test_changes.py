"""Recomputing after membership changes: who gains and who loses."""

from __future__ import annotations

from soviet.apportion import SeatChange, apportion, seat_changes


def test_same_units_new_figures() -> None:
    before = apportion("hamilton", [500, 300, 200], 10, names=["a", "b", "c"])
    after = apportion("hamilton", [440, 360, 200], 10, names=["a", "b", "c"])
    assert before.seats.tolist() == [5, 3, 2]
    assert after.seats.tolist() == [4, 4, 2]
    changes = seat_changes(before, after)
    assert changes == (SeatChange("a", 5, 4), SeatChange("b", 3, 4))
    assert [c.delta for c in changes] == [-1, 1]


def test_nothing_changes() -> None:
    one = apportion("webster", [5, 7], 4, names=["x", "y"])
    assert seat_changes(one, one) == ()


def test_units_added_and_dissolved() -> None:
    before = apportion("webster", [600, 300, 100], 10, names=["a", "b", "c"])
    after = apportion("webster", [600, 300, 100], 10, names=["a", "b", "d"])
    assert seat_changes(before, after) == (SeatChange("d", 0, 1), SeatChange("c", 1, 0))


def test_unnamed_units_match_by_position() -> None:
    before = apportion("dhondt", [10, 10], 2)
    after = apportion("dhondt", [10, 30], 2)
    assert seat_changes(before, after) == (SeatChange("unit 1", 1, 0), SeatChange("unit 2", 1, 2))
