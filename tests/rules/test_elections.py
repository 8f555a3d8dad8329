"""Elections: seats as apportioned, eligible candidates, chains of mandates, alternates,
committees and unopposed elections."""

from __future__ import annotations

import pytest

from soviet.model.state import State
from soviet.rules.elections import elect
from soviet.rules.founding import amend
from soviet.rules.membership import leave, suspend
from soviet.rules.recall import resign
from soviet.rules.refusal import Refusal
from soviet.rules.structure import create_body
from tests.conftest import CHARTER_JSON
from tests.rules.tree import ON, Tree, charter, refused

LATER = "2026-05-01"
# five candidates, nine voters: STV for 3 seats elects n1m1, n1m2, n1m3
CANDIDATES = ["n1m1", "n1m2", "n1m3", "n1m4", "n1m5"]
BALLOTS = [[0, 1, 2], [1, 0], [2, 3], [3, 4], [4, 0], [0, 2], [1, 3], [2, 0], [0, 1]]


def test_a_unit_elects_its_delegates_by_the_charters_method(both: Tree) -> None:
    events = both(elect, "n1", "north", CANDIDATES, BALLOTS, ON, alternates=2)
    held = events[0].payload
    assert (held["election"], held["method"], held["seats"]) == ("E1", "scottish-stv", 3)
    assert held["elected"] == ["n1m1", "n1m2", "n1m3"]
    assert held["alternates"] == ["n1m4", "n1m5"]
    assert held["result"]["elected"] == ["n1m1", "n1m2", "n1m3"]
    s = both.state
    delegates = sorted(s.sitting("north"), key=lambda m: m.rank)
    assert [(m.holder, m.rank, m.term_ends, m.through) for m in delegates] == [
        ("n1m1", 1, "2028-01-01", None), ("n1m2", 2, "2028-01-01", None),
        ("n1m3", 3, "2028-01-01", None)]
    alternates = sorted(s.alternates("n1", "north"), key=lambda m: m.rank)
    assert [(m.holder, m.rank, m.role) for m in alternates] == [
        ("n1m4", 1, "alternate"), ("n1m5", 2, "alternate")]
    assert s.elections["E1"].seq == events[0].seq


def test_alternates_are_ranked_by_a_count_without_the_elected(tree: Tree) -> None:
    """With n1m1 struck out, n1m1's voters go to their next preference: n1m3 leads n1m2."""
    candidates = ["n1m1", "n1m2", "n1m3"]
    ballots = [[0, 2], [0, 2], [0, 2], [0, 2], [1], [1], [1], [2]]
    events = tree(elect, "n1", "north", candidates, ballots, ON, seats=1, method="irv")
    assert events[0].payload["elected"] == ["n1m1"]
    assert events[0].payload["alternates"] == ["n1m3", "n1m2"]


def test_by_default_a_unit_elects_the_charters_number_of_alternates(tree: Tree) -> None:
    candidates = [f"n1m{i}" for i in range(1, 8)]
    ballots = [[i, (i + 1) % 7] for i in range(7)] * 2
    [held, *_] = tree(elect, "n1", "north", candidates, ballots, ON)
    assert len(held.payload["elected"]) == 3
    assert len(held.payload["alternates"]) == CHARTER_JSON["convention"][
        "alternates_per_unit"] == 3


def test_a_unit_cannot_elect_more_delegates_than_it_has_seats(both: Tree) -> None:
    e = refused(both, "elections: N2 may fill 2 seat.s. in North now, not 3", elect, "n2",
                "north", ["n2m1", "n2m2", "n2m3"], None, ON, seats=3)
    seq = both.state.apportionments["north"].seq
    assert e.clause == f"[representation.scales.local] (seats apportioned at event {seq}: 2)"
    both.elect("n2", "north", ["n2m1"])
    refused(both, "N2 may fill 1 seat.s. in North now, not 2", elect, "n2", "north",
            ["n2m2", "n2m3"], [[0], [1]], ON, seats=2)
    both.elect("n2", "north", ["n2m2"])
    refused(both, "N2 may fill 0 seat.s. in North now, charter", elect, "n2", "north",
            ["n2m3"], None, ON)


def test_unopposed_elections(tree: Tree) -> None:
    """Without ballots, as many candidates as seats or fewer are elected as named."""
    [held, *grants] = tree.elect("n1", "north", ["n1m7", "n1m8"])
    assert held.payload["method"] == "unopposed" and held.payload["result"] == {}
    assert held.payload["seats"] == 2 and held.payload["elected"] == ["n1m7", "n1m8"]
    assert [g.payload["rank"] for g in grants] == [1, 2]
    refused(tree, "2 candidates for 1 seat.s.: a contested election needs ballots", elect,
            "n2", "north", ["n2m1", "n2m2"], None, ON, seats=1)


def test_candidates_must_be_members_in_good_standing_of_the_electorate(tree: Tree) -> None:
    refused(tree, "n2m1 is a member of n2, not of N1", elect, "n1", "north", ["n2m1"], None, ON)
    refused(tree, "ghost is not a member on 2026-01-01", elect, "n1", "north", ["ghost"], None,
            ON)
    tree(suspend, "n1m1", ON, None, "dues")
    refused(tree, "n1m1 is not a member in good standing on 2026-01-01", elect, "n1", "north",
            ["n1m1"], None, ON)
    tree(leave, "n1m2", ON)
    refused(tree, "n1m2 is not a member in good standing", elect, "n1", "north", ["n1m2"], None,
            LATER)
    refused(tree, "n1m3 is not a member in good standing on 2025-12-31", elect, "n1", "north",
            ["n1m3"], None, "2025-12-31")
    tree.elect("n1", "north", ["n1m3"])
    refused(tree, "n1m3 already sits in North", elect, "n1", "north", ["n1m3"], None, ON)
    refused(tree, "a candidate is named twice", elect, "n1", "north", ["n1m4", "n1m4"],
            [[0]], ON)
    refused(tree, "no candidate stands for North", elect, "n1", "north", [], None, ON)


def test_a_council_elects_from_its_sitting_delegates_through_their_seats(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    both.elect("n2", "north", ["n2m1", "n2m2"])
    refused(both, "n1m4 does not sit in North: only its delegates stand for its seats above",
            elect, "north", "congress", ["n1m4"], None, ON)
    both(elect, "north", "congress", ["n1m1", "n1m2", "n2m1"],
         [[0, 2], [0, 2], [2, 0], [2], [1]], ON, seats=2, alternates=1)
    s = both.state
    sitting = {m.holder: m for m in s.sitting("congress")}
    assert sorted(sitting) == ["n1m1", "n2m1"]
    # a delegate holding two mandates: North (from n1) and the congress (from North)
    north_seat = both.seat("n1m1", "north")
    assert sitting["n1m1"].through == north_seat.id
    assert sitting["n1m1"].electorate == "north"
    assert {s.mandates[x].body for x in s.held_by["n1m1"]} == {"north", "congress"}
    [alternate] = s.alternates("north", "congress")
    assert (alternate.holder, alternate.through) == ("n1m2", both.seat("n1m2", "north").id)
    assert s.elections[sitting["n1m1"].election].method == "scottish-stv"


def test_the_congress_elects_the_executive_with_its_candidate_members(both: Tree) -> None:
    for unit, holders in [("n1", ["n1m1", "n1m2", "n1m3"]), ("n2", ["n2m1", "n2m2"])]:
        both.elect(unit, "north", holders)
    both.elect("north", "congress", ["n1m1", "n1m2", "n1m3", "n2m1", "n2m2"])
    candidates = ["n1m1", "n1m2", "n1m3", "n2m1", "n2m2"]
    ballots = [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [0, 2], [1, 3]]
    [held, *_] = both(elect, "congress", "exec", candidates, ballots, ON, seats=3)
    assert held.payload["method"] == "meek-stv"
    # the charter gives the executive five candidate members: both who were not elected
    assert len(held.payload["alternates"]) == 2
    s = both.state
    assert len(list(s.sitting("exec"))) == 3
    for m in s.sitting("exec"):
        assert m.term_ends == "2030-01-01"
        assert m.through == both.seat(m.holder, "congress").id
    e = refused(both, "Congress may fill 12 seat.s. in Executive now, not 13", elect,
                "congress", "exec", ["n1m1"], None, ON, seats=13)
    assert e.clause == "[executive.election].seats = 15"


def test_a_control_commission_elects_no_candidate_members(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    tree.elect("north", "congress", ["n1m1", "n1m2", "n1m3"])
    [held, *_] = tree(elect, "congress", "cc", ["n1m1", "n1m2", "n1m3"],
                      [[0, 1], [1, 2], [0]], ON, seats=2)
    assert held.payload["alternates"] == []


def test_who_elects_to_what(tree: Tree) -> None:
    refused(tree, "N1 does not elect to Congress", elect, "n1", "congress", ["n1m1"], None, ON)
    refused(tree, "North does not elect to Executive", elect, "north", "exec", ["n1m1"], None,
            ON)
    refused(tree, "there is no body 'mars'", elect, "n1", "mars", ["n1m1"], None, ON)
    tree(create_body, "n3", "N3", "unit_assembly", "north", ON)
    refused(tree, "the seats of N3 in North have not been apportioned yet", elect, "n3",
            "north", ["x"], None, ON)


def test_by_elections_fill_the_seats_they_were_called_for(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    both(resign, both.seat("n1m2", "north").id, LATER)
    [pending] = both.state.by_elections.values()
    assert (pending.electorate, pending.body) == ("n1", "north")
    # the regular contest has no seat to give: the by-election holds it
    refused(both, "N1 may fill 0 seat.s. in North now, charter", elect, "n1", "north",
            ["n1m9"], None, LATER)
    refused(both, "N1 may fill 1 seat.s. in North now, not 2", elect, "n1", "north",
            ["n1m8", "n1m9"], None, LATER, seats=2, election=pending.id)
    refused(both, f"by-election {pending.id} is for n1 in north, not n2 in north", elect, "n2",
            "north", ["n2m1"], None, LATER, election=pending.id)
    events = both.elect("n1", "north", ["n1m9"], on=LATER, election=pending.id)
    assert events[0].payload["election"] == pending.id
    assert events[0].payload["replaces"] == list(pending.replaces)
    s = both.state
    assert not s.by_elections and s.elections[pending.id].replaces == pending.replaces
    # the by-elected delegate serves the rest of the term of the seat they fill
    assert both.seat("n1m9", "north").term_ends == "2028-01-01"
    assert both.seat("n1m9", "north").since == LATER
    assert both.seats("north") == ["n1m1", "n1m3", "n1m9"]
    refused(both, f"no by-election {pending.id} is pending", elect, "n1", "north", ["n1m8"],
            None, LATER, election=pending.id)


def test_committee_by_election_holds_its_seats_too(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1", "n1m2"])
    tree.elect("north", "congress", ["n1m1", "n1m2"])
    tree.elect("congress", "cc", ["n1m1", "n1m2"], seats=2)
    tree(resign, tree.seat("n1m1", "cc").id, LATER)
    [pending] = tree.state.by_elections.values()
    assert (pending.electorate, pending.body) == ("congress", "cc")
    refused(tree, "Congress may fill 3 seat.s. in Control Commission now, not 4", elect,
            "congress", "cc", ["n1m1"], None, LATER, seats=4)


def test_fewer_candidates_than_seats_with_ballots(tree: Tree) -> None:
    refused(tree, r"2 candidate\(s\) for 3 seat\(s\): elect them unopposed", elect, "n1",
            "north", ["n1m1", "n1m2"], [[0, 1]], ON, seats=3)
    [held, *_] = tree(elect, "n1", "north", ["n1m1", "n1m2"], [[0, 1], [1]], ON)
    assert held.payload["seats"] == 2


def test_without_a_charter_section_for_the_body(tree: Tree) -> None:
    flat = charter()
    del flat["council"]
    tree(amend, flat, None)
    e = refused(tree, "the charter sets no rules for a council", elect, "n1", "north",
                ["n1m1"], None, ON)
    assert e.clause == "has no [council] section"


def test_without_a_charter_section_for_the_committee(tree: Tree) -> None:
    """The charter is amended to drop the control commission after it was set up."""
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    amended = charter()
    del amended["control_commission"]
    for penalty in amended["discipline"]["penalties"]:
        penalty["decided_by"] = [x for x in penalty["decided_by"]
                                 if x != "control_commission"] or ["executive"]
    tree(amend, amended, None)
    e = refused(tree, "the charter sets no rules for a control_commission", elect, "congress",
                "cc", ["n1m1"], None, ON)
    assert e.clause == "has no [control_commission] section"


def test_elections_before_founding() -> None:
    with pytest.raises(Refusal, match="elections: no organisation has been founded"):
        elect(State(), "n1", "north", ["a"], None, ON)


def test_a_method_that_cannot_fill_the_seats_is_refused(tree: Tree) -> None:
    refused(tree, "elections: plurality: plurality elects one candidate; for 2 seats use "
            "block-plurality", elect, "n1", "north", ["n1m1", "n1m2", "n1m3"],
            [[0], [1], [2]], ON, seats=2, method="plurality")
    [held, *_] = tree(elect, "n1", "north", ["n1m1", "n1m2", "n1m3"],
                      [[0], [0], [0], [1], [2], [2]], ON, seats=1, method="plurality",
                      alternates=2, seed=7)
    assert held.payload["elected"] == ["n1m1"]
    assert held.payload["alternates"] == ["n1m3", "n1m2"]


def test_a_method_the_counting_engine_does_not_know_is_refused(tree: Tree) -> None:
    """Refused by the rule, so the API, the CLI and scenarios all give the same refusal,
    citing the charter's method for the body; with ballots or without."""
    for ballots in ([[0], [1]], None):
        e = refused(tree, "elections: unknown counting method 'sortition'; known: .*irv", elect,
                    "n1", "north", ["n1m1", "n1m2"], ballots, ON, method="sortition")
        assert e.clause == '[council.election].method = "scottish-stv"'
