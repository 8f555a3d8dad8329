"""Questions of the council tree: who sits where (now and on a past date), why, which seats are
empty, and who is over- or under-represented."""

from __future__ import annotations

from fractions import Fraction

import pytest

from soviet.model.recorded import Until
from soviet.rules.membership import join, leave
from soviet.rules.recall import resign
from soviet.service.queries import chain, representation, sitting, vacancies
from tests.rules.tree import ON, Tree, roll

SPRING = "2026-04-01"
SUMMER = "2026-07-01"


def holders(tree: Tree, body: str, on: str | None = None) -> list[str]:
    return [m.holder for m in sitting(tree.state, body, on=on)]


def test_who_sits_now_and_on_a_past_date(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    both.elect("n2", "north", ["n2m1"], on=SPRING)
    [*_, last_before] = both.elect("north", "congress", ["n1m1"], on=SPRING)
    both(leave, "n1m1", SUMMER, "died")
    assert holders(both, "north") == ["n1m2", "n1m3", "n2m1"]  # by electorate and rank
    assert holders(both, "north", "2026-03-31") == ["n1m1", "n1m2", "n1m3"]
    assert holders(both, "north", SPRING) == ["n1m1", "n1m2", "n1m3", "n2m1"]
    assert holders(both, "north", "2026-06-30") == ["n1m1", "n1m2", "n1m3", "n2m1"]
    assert holders(both, "north", SUMMER) == ["n1m2", "n1m3", "n2m1"]
    assert holders(both, "congress", "2026-06-30") == ["n1m1"]
    assert holders(both, "congress", SUMMER) == holders(both, "congress") == []
    assert holders(both, "north", "2025-12-31") == []
    # the ledger replayed to the event before the death gives the composition as it was
    before = both.org.state_as_of(Until(seq=last_before.seq))
    assert [m.holder for m in sitting(before, "congress")] == ["n1m1"]
    assert before.members["n1m1"].left is None
    by_time = both.org.state_as_of(Until(time=last_before.recorded_at))
    assert [m.holder for m in sitting(by_time, "north")] == ["n1m1", "n1m2", "n1m3", "n2m1"]
    assert both.org.state_as_of(Until(seq=1)).bodies == {}


def test_chain_back_to_the_base_unit_with_event_numbers(both: Tree) -> None:
    [n1_held, *n1_grants] = both.elect("n1", "north", ["n1m1"], seats=1)
    [c_held, *c_grants] = both.elect("north", "congress", ["n1m1"], seats=1)
    [e_held, *e_grants] = both.elect("congress", "exec", ["n1m1"], seats=1)
    links = chain(both.state, both.seat("n1m1", "exec").id)
    assert [(link.mandate.body, link.electorate, link.election, link.election_seq,
             link.granted_seq) for link in links] == [
        ("exec", "congress", e_held.payload["election"], e_held.seq, e_grants[0].seq),
        ("congress", "north", c_held.payload["election"], c_held.seq, c_grants[0].seq),
        ("north", "n1", n1_held.payload["election"], n1_held.seq, n1_grants[0].seq)]
    assert links[-1].mandate.through is None


def test_vacancies_of_delegations_and_committees(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    both.elect("n2", "north", ["n2m1"])
    both.elect("north", "congress", ["n1m1"])
    both.elect("congress", "exec", ["n1m1"])
    both(resign, both.seat("n1m2", "north").id, SPRING)
    found = {(v.body, v.electorate): (v.seats, v.held, v.empty, v.pending_by_election)
             for v in vacancies(both.state)}
    [pending] = both.state.by_elections.values()
    assert found == {
        ("cc", "congress"): (5, 0, 5, None),
        ("congress", "north"): (156, 1, 155, None),
        ("congress", "south"): (84, 0, 84, None),
        ("exec", "congress"): (15, 1, 14, None),
        ("north", "n1"): (3, 2, 1, pending.id),
        ("north", "n2"): (2, 1, 1, None),
        ("south", "s1"): (2, 0, 2, None),
        ("south", "s2"): (2, 0, 2, None),
        ("south", "s3"): (2, 0, 2, None),
    }


def test_representation_deviations(both: Tree) -> None:
    both.elect("n1", "north", ["n1m1", "n1m2", "n1m3"])
    both.elect("n2", "north", ["n2m1", "n2m2"])
    shares = {s.unit: s for s in representation(both.state, "north")}
    # fair shares of 5 seats: n1 1000/1300 x 5 = 50/13, n2 300/1300 x 5 = 15/13
    assert shares["n1"].ideal == Fraction(50, 13) and shares["n2"].ideal == Fraction(15, 13)
    assert shares["n1"].deviation == 3 - Fraction(50, 13)  # under-represented
    assert shares["n2"].deviation == 2 - Fraction(15, 13)  # over-represented (the minimum)
    assert shares["n2"].ratio == Fraction(26, 15)
    assert (shares["n1"].basis, shares["n1"].apportioned, shares["n1"].held) == (1000, 3, 3)
    # a vacant seat shows as under-representation until it is filled
    both(resign, both.seat("n2m2", "north").id, SPRING)
    shares = {s.unit: s for s in representation(both.state, "north")}
    assert shares["n2"].held == 1 and shares["n2"].deviation == 1 - Fraction(15, 13)
    # membership changes do not move the figures until the seats are apportioned again
    both(join, "n2", roll("n2", 301, 400), SPRING)
    assert representation(both.state, "north")[1].basis == 300
    assert representation(both.state, "n1") == []
    empty = [s for s in representation(both.state, "south") if s.held == 0]
    assert len(empty) == 3 and all(s.ratio == 0 for s in empty)


def test_queries_of_what_is_not_there(tree: Tree) -> None:
    assert holders(tree, "congress", ON) == []
    with pytest.raises(LookupError, match="there is no mandate 'M1'"):
        chain(tree.state, "M1")
