"""The tree of bodies: kinds and parents, one congress, moves without loops, merges, dissolution."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from soviet.rules.apportionment import apportion_seats
from soviet.rules.elections import elect
from soviet.rules.membership import transfer
from soviet.rules.recall import resign
from soviet.rules.refusal import Refusal
from soviet.rules.structure import (
    create_body,
    dissolve_body,
    merge_units,
    move_body,
    report_basis,
)
from soviet.service import Organisation
from soviet.service.queries import vacancies
from tests.conftest import CHARTER_JSON
from tests.rules.tree import ON, Tree, build, refused

LATER = "2026-06-01"


def test_the_tree_has_three_levels(both: Tree) -> None:
    s = both.state
    assert s.children["congress"] == {"north", "south", "exec", "cc"}
    assert s.children["north"] == {"n1", "n2"}
    assert s.bodies["s3"].parent == "south" and s.bodies["s3"].kind == "unit_assembly"
    assert s.bodies["north"].scale == "region" and s.bodies["n1"].scale is None
    assert s.unit_sizes["n1"] == 1000


@pytest.mark.parametrize(("kind", "parent", "why"), [
    ("unit_assembly", "n1", "a unit_assembly cannot stand under the unit_assembly N1"),
    ("council", "exec", "a council cannot stand under the executive Executive"),
    ("executive", "n1", "an? executive cannot stand under the unit_assembly N1"),
    ("unit_assembly", None, r"a unit_assembly needs a parent: one of \('council', 'congress'\)"),
    ("congress", "north", "the congress is the supreme body: it has no parent"),
    ("congress", None, "there is already a congress"),
    ("soviet", "north", "unknown kind of body 'soviet'; one of unit_assembly, council"),
    ("council", "nowhere", "there is no body 'nowhere'"),
])
def test_kinds_and_parents_refused(tree: Tree, kind: str, parent: str | None, why: str) -> None:
    refused(tree, f"structure: {why}", create_body, "x", "X", kind, parent, ON)


def test_kinds_and_parents_allowed(tree: Tree) -> None:
    tree(create_body, "n3", "N3", "unit_assembly", "north", ON)
    tree(create_body, "west", "West", "council", "congress", ON, scale="region")
    tree(create_body, "w-city", "City council", "council", "west", ON)
    tree(create_body, "w1", "W1", "unit_assembly", "w-city", ON)
    tree(create_body, "direct", "Direct local", "unit_assembly", "congress", ON)
    s = tree.state
    assert s.bodies["w1"].parent == "w-city" and s.bodies["w-city"].parent == "west"
    assert "direct" in s.children["congress"]


def test_committee_stands_under_the_body_the_charter_says_elects_it(tree: Tree) -> None:
    e = refused(tree, "the executive is elected by the congress, not by the council North",
                create_body, "nx", "North executive", "executive", "north", ON)
    assert e.clause == '[executive.election].by = "congress"'


def test_a_body_id_a_scale_and_a_charter_section_must_exist(tree: Tree, tmp_path: Path
                                                             ) -> None:
    refused(tree, "a body 'n1' already exists", create_body, "n1", "N1", "unit_assembly",
            "north", ON)
    e = refused(tree, "no representation scale 'county'", create_body, "x", "X", "council",
                "congress", ON, scale="county")
    assert e.clause == "[representation.scales] has local, region"
    flat = copy.deepcopy(CHARTER_JSON)
    del flat["council"]
    with Organisation.open(f"sqlite:///{tmp_path / 'flat.db'}") as org:
        small = build(org, flat, {}, committees=False, apportion=False)
        e = refused(small, "the charter sets up no council", create_body, "r", "R", "council",
                    "congress", ON)
        assert e.clause == "has no [council] section"


def test_nothing_before_founding(tmp_path: Path) -> None:
    with (Organisation.open(f"sqlite:///{tmp_path / 'empty.db'}") as org,
          pytest.raises(Refusal, match="structure: no organisation has been founded")):
        org.execute(lambda s: create_body(s, "c", "C", "congress", None, ON))


def test_move_a_unit_and_its_seats_in_the_old_council_end(both: Tree) -> None:
    both.elect("n2", "north", ["n2m1", "n2m2"])
    both.elect("north", "congress", ["n2m1"], seats=1)
    seat = both.seat("n2m1", "congress")
    events = both(move_body, "n2", "south", LATER)
    assert [e.type for e in events] == ["body.moved", *["mandate.ended"] * 3,
                                        "by_election.called"]
    # n2's seats in North are gone with it; North's seat in the congress is still North's
    assert events[-1].payload["electorate"] == "north"
    assert events[-1].payload["replaces"] == [seat.id]
    s = both.state
    assert s.bodies["n2"].parent == "south" and "n2" in s.children["south"]
    assert "n2" not in s.children["north"]
    assert both.seats("north") == [] and both.seats("congress") == []
    ended = s.mandates[seat.id].ended
    assert ended is not None and ended.reason == "cascade"
    both(apportion_seats, "south", LATER)
    assert both.state.apportionments["south"].seats["n2"] == 2


def test_a_pending_by_election_does_not_follow_a_moved_unit(tree: Tree) -> None:
    tree.elect("n2", "north", ["n2m1", "n2m2"])
    tree(resign, tree.seat("n2m1", "north").id, ON)
    assert [(b.electorate, b.body) for b in tree.state.by_elections.values()] == [
        ("n2", "north")]
    tree(move_body, "n2", "south", LATER)
    assert not tree.state.by_elections
    assert [v for v in vacancies(tree.state) if v.electorate == "n2"] == []


def test_move_refusals(tree: Tree) -> None:
    refused(tree, "N1 already stands under North", move_body, "n1", "north", ON)
    refused(tree, "a unit_assembly cannot stand under the unit_assembly S1", move_body, "n1",
            "s1", ON)
    refused(tree, "a congress cannot stand under", move_body, "congress", "north", ON)
    tree(create_body, "north-city", "North city", "council", "north", ON)
    refused(tree, "North city stands under North: the tree would loop", move_body, "north",
            "north-city", ON)


def test_merge_passes_members_delegates_alternates_and_seats(both: Tree) -> None:
    ballots = [[0, 1, 2], [1, 0, 2], [0, 1], [1, 0], [2]]
    both(elect, "s2", "south", ["s2m1", "s2m2", "s2m3"], ballots, ON, alternates=1)
    both.elect("s3", "south", ["s3m1"], seats=1)
    both.elect("south", "congress", ["s2m1"], seats=1)
    both(merge_units, ["s2", "s3"], "s1", LATER)
    s = both.state
    assert s.bodies["s2"].dissolved == LATER and s.bodies["s3"].dissolved == LATER
    assert s.unit_sizes["s1"] == 700 and s.members["s3m7"].unit == "s1"
    assert s.children["south"] == {"s1"}
    sitting = {m.holder: m.electorate for m in s.sitting("south")}
    assert sitting == {"s2m1": "s1", "s2m2": "s1", "s3m1": "s1"}
    assert [m.holder for m in s.alternates("s1", "south")] == ["s2m3"]
    assert dict(s.apportionments["south"].seats) == {"s1": 6}
    assert dict(s.apportionments["south"].basis) == {"s1": 700}
    assert both.seat("s2m1", "congress").through == both.seat("s2m1", "south").id
    # s1 now holds three of its six seats and fills the rest as one unit
    both.elect("s1", "south", ["s1m1", "s1m2", "s1m3"])
    assert len(both.seats("south")) == 6


def test_merge_leaves_ended_mandates_with_the_unit_that_gave_them(tree: Tree) -> None:
    tree.elect("s2", "south", ["s2m1", "s2m2"], seats=2)
    ended = tree.seat("s2m1", "south")
    tree(resign, ended.id, ON)
    tree(merge_units, ["s2"], "s1", LATER)
    assert tree.state.mandates[ended.id].electorate == "s2"
    assert tree.seat("s2m2", "south").electorate == "s1"


def test_merge_carries_a_pending_by_election(tree: Tree) -> None:
    tree.elect("s2", "south", ["s2m1"], seats=1)
    tree(resign, tree.seat("s2m1", "south").id, ON)
    [pending] = tree.state.by_elections.values()
    tree(merge_units, ["s2"], "s1", LATER)
    assert tree.state.by_elections[pending.id].electorate == "s1"
    tree.elect("s1", "south", ["s2m5"], election=pending.id, on=LATER)
    assert tree.seat("s2m5", "south").electorate == "s1"


def test_merge_refusals(tree: Tree) -> None:
    why = "name each unit to merge once, and not the one they join"
    refused(tree, why, merge_units, [], "n1", ON)
    refused(tree, why, merge_units, ["n1"], "n1", ON)
    refused(tree, why, merge_units, ["n2", "n2"], "n1", ON)
    refused(tree, "S1 and N1 are not units of the same body and kind: move one first",
            merge_units, ["s1"], "n1", ON)
    refused(tree, "North and N1 are not units of the same body and kind", merge_units,
            ["north"], "n1", ON)
    refused(tree, "North still has bodies under it: move them first", merge_units,
            ["north"], "south", ON)


def test_dissolve_refused_while_members_or_bodies_remain(tree: Tree) -> None:
    refused(tree, "S3 still has 100 members: transfer them first", dissolve_body, "s3", ON)
    refused(tree, "South still has bodies under it: move them first", dissolve_body, "south",
            ON)


def test_a_unit_is_dissolved_once_its_members_and_their_seats_are_gone(both: Tree) -> None:
    """Its members must go first, and a member transferred out loses the unit's mandates with
    everything held through them: nobody sits for a dissolved unit."""
    both(create_body, "s4", "S4", "unit_assembly", "south", ON)
    both(transfer, "s3m1", "s4", ON)
    both(apportion_seats, "south", ON)
    both.elect("s4", "south", ["s3m1"], seats=1)
    both.elect("south", "congress", ["s3m1"], seats=1)
    refused(both, "S4 still has 1 members", dissolve_body, "s4", LATER)
    events = both(transfer, "s3m1", "s3", LATER)
    assert [(e.type, e.payload.get("reason")) for e in events] == [
        ("member.transferred", None), ("mandate.ended", "transferred"),
        ("mandate.ended", "cascade"), ("by_election.called", None),
        ("by_election.called", None)]
    [event] = both(dissolve_body, "s4", LATER)
    s = both.state
    assert event.type == "body.dissolved"
    assert s.bodies["s4"].dissolved == LATER and "s4" not in s.children["south"]
    assert not s.held_by["s3m1"]
    assert [(b.electorate, b.body) for b in s.by_elections.values()] == [("south", "congress")]
    assert [v.electorate for v in vacancies(s) if v.body == "south"] == ["s1", "s2", "s3"]
    refused(both, "S4 was dissolved on 2026-06-01", dissolve_body, "s4", LATER)


def test_dissolving_a_committee_ends_its_members_seats(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    tree.elect("congress", "cc", ["n1m1"], seats=1)
    tree(dissolve_body, "cc", LATER)
    assert tree.seats("cc") == [] and tree.seats("congress") == ["n1m1"]


def test_report_basis(tree: Tree) -> None:
    tree(report_basis, "n1", "voters", 5000, ON)
    assert tree.state.basis[("n1", "voters")] == 5000
    refused(tree, "a reported basis is voters or inhabitants, not 'members'", report_basis,
            "n1", "members", 10, ON)
    refused(tree, r"a count of voters cannot be negative \(-1\)", report_basis, "n1", "voters",
            -1, ON)
    refused(tree, "there is no body 'n9'", report_basis, "n9", "voters", 1, ON)
