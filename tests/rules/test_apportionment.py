"""Seats from membership with the charter's scales; gains, losses and sitting delegates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soviet.model.state import State
from soviet.rules.apportionment import apportion_seats, apportion_tree, compute, seat_changes
from soviet.rules.elections import elect
from soviet.rules.membership import join
from soviet.rules.recall import resign
from soviet.rules.refusal import Refusal
from soviet.rules.structure import create_body, report_basis
from soviet.service import Organisation
from soviet.service.queries import vacancies
from tests.rules.tree import FIXED, ON, Tree, build, refused, roll, with_scale

LATER = "2026-09-01"


def seats(state: State, body: str) -> dict[str, int]:
    return dict(state.apportionments[body].seats)


def test_seats_from_members_with_the_charters_scales(both: Tree) -> None:
    s = both.state
    # north: 1300 members, one seat per 250 and one for a remainder of 125 or more: 50 is not;
    # 5 seats by Sainte-Lague, each local at least 2: n1 3, n2 2
    assert seats(s, "north") == {"n1": 3, "n2": 2}
    # south: 700 members give 2 + 1 (remainder 200 >= 125) = 3 seats, fewer than three locals'
    # minimum of 2 each: the council grows to 6
    assert seats(s, "south") == {"s1": 2, "s2": 2, "s3": 2}
    # congress: 240 seats by largest remainder over the regions' whole membership
    assert seats(s, "congress") == {"north": 156, "south": 84}
    assert dict(s.apportionments["congress"].basis) == {"north": 1300, "south": 700}
    a = s.apportionments["north"]
    assert (a.scale, a.method, a.on) == ("local", "sainte-lague", ON)


def test_a_remainder_of_half_the_ratio_earns_a_seat(tree: Tree) -> None:
    tree(join, "n2", roll("n2", 301, 375), LATER)  # 1375 = 5 x 250 + 125
    event = compute(tree.state, "north", LATER)
    assert event.seats == {"n1": 4, "n2": 2}
    assert seat_changes(tree.state, event) == [("n1", 3, 4)]


@pytest.mark.parametrize(("remainder", "expected"), [
    ("drop", {"n1": 4, "n2": 1}), ("half", {"n1": 4, "n2": 1}), ("any", {"n1": 4, "n2": 2})])
def test_ratio_method(tmp_path: Path, remainder: str, expected: dict[str, int]) -> None:
    """One seat per 250 members of each unit: n1 1000 = 4 x 250, n2 300 = 250 + 50."""
    charter = with_scale("local", method="ratio", remainder=remainder, minimum=1,
                         maximum=None)
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter, {"north": {"n1": 1000, "n2": 300}})
        assert seats(tree.state, "north") == expected


def test_maximum_caps_a_unit(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, with_scale("local", maximum=2), {"north": {"n1": 1000, "n2": 300}})
        assert seats(tree.state, "north") == {"n1": 2, "n2": 2}


def test_a_fixed_house_too_small_for_the_minimums_is_refused(tmp_path: Path) -> None:
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, with_scale("region", seats=10), apportion=False)
        e = refused(tree, "seats in Congress: hamilton: a minimum of 6 seat.s. for 2 units "
                    "needs 12 seats, but the house has 10", apportion_seats, "congress", ON)
        assert e.clause == "[representation.scales.region]"


def test_reported_voters_as_the_basis(tmp_path: Path) -> None:
    """Councils sum what their units report, unless they report a figure of their own."""
    charter = with_scale("region", basis="voters")
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter, apportion=False)
        for unit, voters in [("n1", 3000), ("n2", 1000), ("s1", 4000)]:
            tree(report_basis, unit, "voters", voters, ON)
        tree(apportion_seats, "congress", ON)
        assert dict(tree.state.apportionments["congress"].basis) == {"north": 4000,
                                                                     "south": 4000}
        assert seats(tree.state, "congress") == {"north": 120, "south": 120}
        tree(report_basis, "south", "voters", 12000, LATER)
        event = compute(tree.state, "congress", LATER)
        assert event.basis == {"north": 4000, "south": 12000}
        assert seat_changes(tree.state, event) == [("north", 120, 60), ("south", 120, 180)]


def test_councils_sum_their_whole_subtree(tree: Tree) -> None:
    tree(create_body, "n-city", "North city council", "council", "north", ON)
    tree(create_body, "nc1", "NC1", "unit_assembly", "n-city", ON)
    tree(join, "nc1", roll("nc1", 1, 500), ON)
    event = compute(tree.state, "congress", ON)
    assert event.basis == {"north": 1800, "south": 700}
    assert compute(tree.state, "north", ON).basis == {"n-city": 500, "n1": 1000, "n2": 300}


def test_a_unit_with_no_members_gets_no_seats_and_blocks_nothing(tmp_path: Path) -> None:
    """n3 has no members yet, nor has East's only local: they get 0 seats and a note, and the
    others share the seats as if they were absent (north's house is not grown for n3's
    minimum), whether apportioned body by body or the whole tree at once."""
    regions = {"north": {"n1": 1000, "n2": 300, "n3": 0}, "south": {"s1": 400, "s2": 200},
               "east": {"e1": 0}}
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, None, regions)
        s = tree.state
        assert seats(s, "north") == {"n1": 3, "n2": 2, "n3": 0}
        assert dict(s.apportionments["north"].basis) == {"n1": 1000, "n2": 300, "n3": 0}
        assert seats(s, "east") == {"e1": 0}
        assert seats(s, "congress") == {"east": 0, "north": 164, "south": 76}  # 1300:600
        assert compute(s, "congress", ON).note == ("no seats for east: a basis of 0; the "
                                                   "others are apportioned without them")
        assert compute(s, "south", ON).note == ""
        events = tree(apportion_tree, LATER)
        notes = {e.payload["body"]: e.payload["note"] for e in events}
        assert notes == {"congress": "no seats for east: a basis of 0; the others are "
                                     "apportioned without them",
                         "east": "no seats for e1: a basis of 0; the others are apportioned "
                                 "without them",
                         "north": "no seats for n3: a basis of 0; the others are apportioned "
                                  "without them", "south": ""}
        assert {e.payload["body"]: e.payload["seats"] for e in events} == {
            b: seats(s, b) for b in ("congress", "east", "north", "south")}
        refused(tree, "elections: N3 may fill 0 seat", elect, "n3", "north", ["n1m1"], None,
                LATER)


def test_apportion_refusals(tree: Tree) -> None:
    refused(tree, "representation: no body sends delegates to N1", apportion_seats, "n1", ON)
    refused(tree, "representation: there is no body 'x'", apportion_seats, "x", ON)
    with pytest.raises(Refusal, match="representation: no organisation has been founded"):
        compute(State(), "congress", ON)


def test_gains_and_losses_after_membership_changes(both: Tree) -> None:
    both(join, "s1", roll("s1", 401, 1400), LATER)
    s = both.state
    event = compute(s, "congress", LATER)
    # north 1300, south 1700 of 3000: 104 and 136 of 240
    assert seat_changes(s, event) == [("north", 156, 104), ("south", 84, 136)]
    both(apportion_seats, "congress", LATER)
    s = both.state
    assert seats(s, "congress") == {"north": 104, "south": 136}
    assert seat_changes(s, compute(s, "congress", LATER)) == []
    # south: 1700 members, 6 r 200 -> 7 seats, minimum 2 each: s1 is now the big one
    event = compute(s, "south", LATER)
    assert event.seats == {"s1": 3, "s2": 2, "s3": 2}
    assert seat_changes(s, event) == [("s1", 2, 3)]


@pytest.fixture(params=[True, False], ids=["keep", "end"])
def shrinking(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Tree]:
    """North with n1 1000 and n2 300 members on 6 seats (n1 5, n2 1), n1's five elected."""
    charter = with_scale("local", **FIXED)
    charter["representation"]["keep_seats_on_reapportionment"] = request.param
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        tree = build(org, charter, {"north": {"n1": 1000, "n2": 300}})
        assert seats(tree.state, "north") == {"n1": 5, "n2": 1}
        tree(elect, "n1", "north", [f"n1m{i}" for i in range(1, 7)],
             [[0, 1, 2, 3, 4, 5], [1, 2, 0], [2, 3], [3, 4], [4, 0], [5]], ON, alternates=1)
        tree.elect("north", "congress", ["n1m5"])
        yield tree


def test_sitting_delegates_keep_their_seats_unless_the_charter_says(shrinking: Tree) -> None:
    tree = shrinking
    ranked = [m.holder for m in sorted(tree.state.sitting("north"), key=lambda m: m.rank)]
    tree(join, "n2", roll("n2", 301, 1000), LATER)  # 1000 and 1000: 3 seats each
    events = tree(apportion_seats, "north", LATER)
    s = tree.state
    assert seats(s, "north") == {"n1": 3, "n2": 3}
    if s.rules.representation.keep_seats_on_reapportionment:
        assert len(events) == 1
        assert len(tree.seats("north")) == 5
    else:
        # the two lowest-ranked lose their seats; what they held above falls with them and
        # is filled for its own electorate (North's seat in the congress: a by-election)
        assert [(e.type, e.payload.get("reason")) for e in events[1:]] == [
            ("mandate.ended", "reapportioned"), ("mandate.ended", "cascade"),
            ("mandate.ended", "reapportioned"), ("by_election.called", None)]
        assert tree.seats("north") == sorted(ranked[:3])
        assert tree.seats("congress") == []
        [by] = s.by_elections.values()
        assert (by.electorate, by.body) == ("north", "congress")
    # either way n1 may elect nobody more now, and n2 its two new seats
    with pytest.raises(Refusal, match=r"N1 may fill 0 seat\(s\) in North now, not 1"):
        tree.elect("n1", "north", ["n1m9"], seats=1, on=LATER)
    tree.elect("n2", "north", ["n2m1", "n2m2", "n2m3"], on=LATER)
    assert [v for v in vacancies(tree.state) if v.body == "north"] == []


def test_reapportionment_while_seats_are_vacant(shrinking: Tree) -> None:
    """A by-election is pending for a vacant n1 seat when n1 loses two seats: the
    by-election can no longer fill it, and no vacancy is reported for n1."""
    tree = shrinking
    s = tree.state
    [alternate] = s.alternates("n1", "north")
    tree(resign, alternate.id, ON)  # no alternate left: the next vacancy calls a by-election
    low = max(tree.state.sitting("north"), key=lambda m: m.rank)
    tree(resign, low.id, ON)
    [pending] = tree.state.by_elections.values()
    assert [v.empty for v in vacancies(tree.state) if v.electorate == "n1"] == [1]
    tree(join, "n2", roll("n2", 301, 1000), LATER)
    tree(apportion_seats, "north", LATER)
    with pytest.raises(Refusal, match=r"N1 may fill 0 seat\(s\) in North now, charter") as e:
        tree.elect("n1", "north", ["n1m9"], election=pending.id, on=LATER)
    assert e.value.clause == (f"[representation.scales.local] (seats apportioned at event "
                              f"{tree.state.apportionments['north'].seq}: 3)")
    assert [v for v in vacancies(tree.state) if v.electorate == "n1"] == []


def test_reapportionment_adds_vacant_seats(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1", "n1m2"])
    [v] = [v for v in vacancies(tree.state) if v.electorate == "n1"]
    assert (v.seats, v.held, v.empty, v.pending_by_election) == (3, 2, 1, None)
    tree(join, "n1", roll("n1", 1001, 1500), LATER)
    tree(apportion_seats, "north", LATER)
    [v] = [v for v in vacancies(tree.state) if v.electorate == "n1"]
    assert (v.seats, v.held, v.empty) == (5, 2, 3)
