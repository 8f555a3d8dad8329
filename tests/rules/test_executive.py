"""The executive: factions, a coalition offer declined, officers appointed, an officer removed
by no confidence in the executive, and the whole executive removed by the congress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from soviet.rules import convocation, executive, motions, polls, recall, sessions
from soviet.rules.list_elections import elect_by_lists
from soviet.service import Organisation
from tests.rules.sessions import NORTH, OPENS, SOUTH, convention, delegates, sitting
from tests.rules.tree import Tree, build, refused


@pytest.fixture
def congress(tmp_path: Path) -> Iterator[Tree]:
    with Organisation.open(f"sqlite:///{tmp_path / 'ledger.db'}") as org:
        yield delegates(build(org, convention()))


def carried(tree: Tree, s: str, mover: str, supporter: str, votes: dict[str, str],
            **kw: object) -> str:
    """Move, support and put a motion to a roll call on item 1; close it; the motion."""
    [moved] = tree(motions.submit, s, "1", mover, str(kw.pop("title", "Motion")),
                   str(kw.pop("text", "Text.")), OPENS, **kw)
    m = str(moved.payload["motion"])
    tree(motions.support, m, supporter)
    [opened] = tree(polls.open_poll, s, OPENS, motion=m, secrecy="named")
    for voter, choice in votes.items():
        tree(polls.cast, opened.payload["poll"], voter, choice=choice)
    tree(polls.close, opened.payload["poll"], OPENS)
    return m


def test_executive_formed_with_a_coalition_offer_declined(congress: Tree) -> None:
    t = congress
    [majority] = t(executive.register_faction, "congress", "Majority", "The programme.", NORTH,
                   OPENS)
    [left] = t(executive.register_faction, "congress", "Left", "Peace first.", SOUTH, OPENS)
    refused(t, "executive: Congress already has a faction named Left",
            executive.register_faction, "congress", "Left", "X", ["s3m1"], OPENS)
    refused(t, "executive: n1m1 already belongs to the faction Majority",
            executive.register_faction, "congress", "Other", "X", ["n1m1"], OPENS)
    refused(t, "executive: n1m9 does not sit in Congress", executive.register_faction,
            "congress", "Other", "X", ["n1m9"], OPENS)
    s = sitting(t)
    programme = carried(t, s, "n1m1", "n1m2", dict.fromkeys(NORTH, "yes")
                        | dict.fromkeys(SOUTH, "no"), title="Programme")
    f_major, f_left = majority.payload["faction"], left.payload["faction"]
    [offer] = t(executive.offer_coalition, "exec", f_major, f_left, 2,
                "that the minority loyally submits to the majority and carries out the "
                "programme approved by the congress", OPENS, programme=programme)
    o = offer.payload["offer"]
    t(executive.answer_offer, o, False, "We cannot accept the programme.", OPENS)
    refused(t, f"executive: offer {o} was already declined", executive.answer_offer, o, True,
            "", OPENS)
    assert t.state.offers[o].accepted is False
    assert t.state.offers[o].programme == programme
    t.elect("congress", "exec", NORTH)
    assert t.seats("exec") == sorted(NORTH)


def test_officer_removed_by_no_confidence_then_the_executive_by_the_congress(congress: Tree
                                                                            ) -> None:
    t = congress
    t.elect("congress", "exec", NORTH)
    [treasurer] = t(executive.appoint, "exec", "n1m2", "Treasurer", OPENS)
    [secretary] = t(executive.appoint, "exec", "n1m1", "General Secretary", OPENS)
    e = refused(t, "executive: 'Minister' is not a portfolio of the charter", executive.appoint,
                "exec", "n1m3", "Minister", OPENS)
    assert e.clause is not None and e.clause.startswith("[officers].portfolios")
    refused(t, "executive: n1m2 holds Treasurer", executive.appoint, "exec", "n1m3",
            "Treasurer", OPENS)
    refused(t, "executive: Congress does not appoint the officers", executive.appoint,
            "congress", "n1m3", "Education", OPENS)
    office = treasurer.payload["office"]
    # the executive's own session votes no confidence in its treasurer
    [convened] = t(convocation.convene, "exec", "Executive meeting", OPENS, OPENS)
    x = convened.payload["session"]
    t(sessions.open_session, x, OPENS)
    for member in NORTH:
        t(sessions.register, x, member, OPENS)
    t(sessions.add_item, x, "The treasury")
    carried(t, x, "n1m1", "n2m1", {"n1m1": "yes", "n2m1": "yes", "n1m2": "no"},
            title="No confidence in the treasurer", against=office)
    assert t.state.offices[office].reason == "no-confidence"
    t(sessions.close_session, x, OPENS)
    # the congress, which elected the executive, votes no confidence in all of it
    s = sitting(t)
    refused(t, f"executive: office {office} has already ended", motions.submit, s, "1",
            "s1m1", "No confidence", "X", OPENS, against=office)
    general = secretary.payload["office"]
    refused(t, f"executive: General Secretary \\({general}\\) answers to exec: no confidence is "
            "voted by the body that appointed the officer", motions.submit, s, "1", "s1m1",
            "No confidence", "X", OPENS, against=general)
    m = carried(t, s, "s1m1", "s2m1", dict.fromkeys(NORTH + SOUTH, "yes"),
                title="No confidence in the executive", against="exec")
    state = t.state
    assert state.motions[m].status == "adopted"
    assert t.seats("exec") == []
    assert state.offices[general].reason == "no-confidence in the executive"
    [by_election] = [b for b in state.by_elections.values() if b.body == "exec"]
    assert (by_election.electorate, len(by_election.replaces)) == ("congress", 3)


def by_lists() -> dict[str, Any]:
    """The test charter with an executive of four elected by D'Hondt over faction lists, one
    candidate member."""
    base = convention()
    base["executive"] = {**base["executive"], "election": {
        "by": "congress", "method": "dhondt", "seats": 4, "seats_are": "exactly",
        "candidates": 1, "term": "4 years"}}
    return base


def test_the_executive_elected_by_faction_lists(tmp_path: Path) -> None:
    """D'Hondt over the lists for four seats: 1,300 and 700 votes give the quotients 1300,
    700, 650, 433 (three seats to the Majority, one to the Left); the next, 350, is the Left's:
    its second name is the candidate member."""
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, by_lists()))
        [major] = t(executive.register_faction, "congress", "Majority", "P.", NORTH, OPENS)
        [left] = t(executive.register_faction, "congress", "Left", "Q.", SOUTH, OPENS)
        m, lf = major.payload["faction"], left.payload["faction"]
        events = t(elect_by_lists, "congress", "exec", {m: 1300, lf: 700}, OPENS)
        held = events[0].payload
        assert (held["method"], held["elected"], held["alternates"]) == (
            "dhondt", [*NORTH, "s1m1"], ["s2m1"])
        assert held["result"]["allocation"] == {m: 3, lf: 1}
        assert t.seats("exec") == sorted([*NORTH, "s1m1"])
        refused(t, "elections: Congress may fill 0 seat|no free seat", elect_by_lists,
                "congress", "exec", {m: 1, lf: 1}, OPENS)


def test_a_list_election_needs_the_charter_to_say_so(congress: Tree) -> None:
    [f] = congress(executive.register_faction, "congress", "All", "P.", NORTH, OPENS)
    e = refused(congress, "elections: Executive is elected by meek-stv, not by faction lists",
                elect_by_lists, "congress", "exec", {f.payload["faction"]: 10}, OPENS)
    assert e.clause == '[executive.election].method = "meek-stv"'


def test_delegates_join_and_leave_factions(congress: Tree) -> None:
    """A delegate joins last on the list, moves from one faction to another by leaving first,
    leaves even once their seat is given up, and the last to leave leaves the faction empty."""
    t = congress
    [major] = t(executive.register_faction, "congress", "Majority", "P.", ["n1m1", "n1m2"], OPENS)
    [left] = t(executive.register_faction, "congress", "Left", "Q.", ["s1m1"], OPENS)
    m, lf = major.payload["faction"], left.payload["faction"]
    [joined] = t(executive.join_faction, m, "n2m1", OPENS)
    assert (joined.type, joined.payload) == (
        "faction.joined", {"faction": m, "member": "n2m1", "on": OPENS})
    assert t.state.factions[m].members == ("n1m1", "n1m2", "n2m1")
    refused(t, "executive: there is no faction 'F9'", executive.join_faction, "F9", "s2m1", OPENS)
    refused(t, "executive: n1m3 does not sit in Congress: a faction is of its delegates",
            executive.join_faction, lf, "n1m3", OPENS)
    refused(t, "executive: n1m1 already belongs to the faction Majority",
            executive.join_faction, lf, "n1m1", OPENS)
    refused(t, "executive: s1m1 already belongs to the faction Left",
            executive.join_faction, lf, "s1m1", OPENS)

    [gone] = t(executive.leave_faction, m, "n1m1", OPENS)
    assert (gone.type, gone.payload) == (
        "faction.left", {"faction": m, "member": "n1m1", "on": OPENS})
    refused(t, "executive: n1m1 does not belong to the faction Majority",
            executive.leave_faction, m, "n1m1", OPENS)
    refused(t, "executive: there is no faction 'F9'", executive.leave_faction, "F9", "n1m1",
            OPENS)
    t(executive.join_faction, lf, "n1m1", OPENS)
    t(executive.join_faction, lf, "s2m1", OPENS)
    assert t.state.factions[lf].members == ("s1m1", "n1m1", "s2m1")
    t(recall.resign, t.seat("s2m1", "congress").id, OPENS)
    t(executive.leave_faction, lf, "s2m1", OPENS)
    for x in ("s1m1", "n1m1"):
        t(executive.leave_faction, lf, x, OPENS)
    empty = t.state.factions[lf]
    assert (empty.name, empty.members) == ("Left", ())
    t(executive.join_faction, lf, "s1m1", OPENS)
    assert t.state.factions[lf].members == ("s1m1",)


def test_offers_and_lists_stand_when_members_move(tmp_path: Path) -> None:
    """An offer made to a faction is answered after its members have left it; the lists are
    the factions' members as they stand at the election, newcomers last; a list left empty
    that wins a seat is refused, not counted."""
    with Organisation.open(f"sqlite:///{tmp_path / 'l.db'}") as org:
        t = delegates(build(org, by_lists()))
        [major] = t(executive.register_faction, "congress", "Majority", "P.", ["n1m1"], OPENS)
        [left] = t(executive.register_faction, "congress", "Left", "Q.", SOUTH, OPENS)
        m, lf = major.payload["faction"], left.payload["faction"]
        [offer] = t(executive.offer_coalition, "exec", m, lf, 1, "the programme", OPENS)
        for x in SOUTH:
            t(executive.leave_faction, lf, x, OPENS)
        t(executive.answer_offer, offer.payload["offer"], False, "No one is left.", OPENS)
        assert t.state.offers[offer.payload["offer"]].accepted is False
        for x in ("n2m1", "n1m2"):
            t(executive.join_faction, m, x, OPENS)
        refused(t, "elections: Left won 1 seat\\(s\\) but lists 0 member\\(s\\) sitting",
                elect_by_lists, "congress", "exec", {m: 1300, lf: 700}, OPENS)
        t(executive.join_faction, lf, "s2m1", OPENS)
        [held, *_] = t(elect_by_lists, "congress", "exec", {m: 1300, lf: 700}, OPENS)
        assert (held.payload["elected"], held.payload["alternates"]) == (
            ["n1m1", "n2m1", "n1m2", "s2m1"], [])
