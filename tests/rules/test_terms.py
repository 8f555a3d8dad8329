"""Terms: mandates end on their ``term_ends`` day, with their cascade, and nothing fills them."""

from __future__ import annotations

from soviet.rules.elections import elect
from soviet.rules.terms import expire_terms
from tests.rules.tree import ON, Tree, refused

ENDS = "2028-01-01"  # ON plus the charter's two-year representation term
EVE = "2027-12-31"


def test_a_term_ends_on_its_day_with_its_cascade_and_no_by_election(tree: Tree) -> None:
    tree(elect, "s1", "south", ["s1m1", "s1m2", "s1m3"], [[0, 1, 2], [1, 0, 2], [0, 2]], ON,
         seats=1, alternates=2)
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    tree.elect("congress", "exec", ["n1m1"], seats=1)
    s = tree.state
    exec_seat, congress_seat = tree.seat("n1m1", "exec"), tree.seat("n1m1", "congress")
    assert exec_seat.term_ends is not None and exec_seat.term_ends > ENDS
    due = {m.id for m in s.mandates.values() if m.term_ends == ENDS}
    assert len(due) == 5  # s1's delegate and two alternates, n1m1 in north and congress
    refused(tree, f"no live mandate's term ends on or before {EVE}", expire_terms, EVE)
    events = tree(expire_terms, "2028-02-01")  # recorded late: each ends on its day
    assert {(e.type, e.payload["on"]) for e in events} == {("mandate.ended", ENDS)}
    reasons = {e.payload["mandate"]: (e.payload["reason"], e.payload.get("cause"))
               for e in events}
    assert reasons == {**dict.fromkeys(due, ("term", None)),
                       exec_seat.id: ("cascade", congress_seat.id)}
    s = tree.state
    assert all(s.mandates[m].ended is not None for m in reasons)
    assert not s.by_elections
    assert [tree.seats(b) for b in ("south", "north", "congress", "exec")] == [[]] * 4
    assert list(s.alternates("s1", "south")) == []
    refused(tree, "no live mandate's term ends", expire_terms, "2031-01-01")


def test_a_mandate_is_not_held_from_its_term_end_even_before_expiry_is_recorded(
        tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1"], seats=1)
    seat = tree.seat("n1m1", "north")
    assert seat.held_on(EVE) and not seat.held_on(ENDS)
    s = tree.state
    assert [m.id for m in s.sitting("north", EVE)] == [seat.id]
    assert list(s.sitting("north", ENDS)) == []


def test_only_the_terms_due_end(tree: Tree) -> None:
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("n2", "north", ["n2m1"], seats=1, on="2026-06-01")
    first = tree.seat("n1m1", "north").id
    [ended] = tree(expire_terms, "2028-03-01")
    assert ended.payload == {"mandate": first, "reason": "term", "on": ENDS,
                             "cause": None}
    assert tree.seats("north") == ["n2m1"]


def test_a_seat_held_through_a_term_that_ended_earlier_falls_by_the_cascade(
        tree: Tree) -> None:
    """The executive's four-year term outlives the congress mandate it is held through: when
    both are over, the executive seat ended with the congress seat, on its day."""
    tree.elect("n1", "north", ["n1m1"], seats=1)
    tree.elect("north", "congress", ["n1m1"], seats=1)
    tree.elect("congress", "exec", ["n1m1"], seats=1)
    exec_seat, congress_seat = tree.seat("n1m1", "exec"), tree.seat("n1m1", "congress")
    tree(expire_terms, "2031-01-01")
    ended = tree.state.mandates[exec_seat.id].ended
    assert ended is not None
    assert (ended.reason, ended.cause, ended.on) == ("cascade", congress_seat.id, ENDS)
