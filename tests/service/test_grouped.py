"""Group commit: commands that arrive together are decided one after another and recorded in
one transaction; a refused one is refused to its caller alone, and a failed write stores none
of them and leaves the organisation able to go on. On both backends."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from soviet.ledger import LedgerError, verify_rows
from soviet.model.events import DomainEvent, SealedBallot
from soviet.model.state import State
from soviet.rules import membership
from soviet.rules.refusal import Refusal
from soviet.service import Organisation
from tests.service.test_organisation import ON, founded, join

CALLERS = 24


@pytest.fixture
def org(ledger_url: str) -> Iterator[Organisation]:
    with Organisation.open(ledger_url) as o:
        founded(o)
        yield o


def test_many_at_once_each_decided_on_the_ones_before(org: Organisation) -> None:
    """24 callers join members at once, two of them the same member: exactly one of those two
    is refused, every other join is recorded once, in fewer transactions than callers (they
    were grouped), and the chain is sound."""
    names = [f"m{i}" for i in range(CALLERS - 1)] + ["m0"]
    outcome: dict[int, str] = {}

    async def act(i: int) -> None:
        try:
            [event] = await org.execute_grouped(join(names[i]), f"t{i}")
            outcome[i] = f"#{event.seq}"
        except Refusal as e:
            outcome[i] = str(e)

    async def storm() -> None:
        await asyncio.gather(*(act(i) for i in range(CALLERS)))

    groups: list[int] = []
    org.listeners.append(groups.append)
    asyncio.run(storm())
    refused = [x for x in outcome.values() if not x.startswith("#")]
    assert len(refused) == 1 and "m0" in refused[0]
    recorded = sorted(int(x[1:]) for x in outcome.values() if x.startswith("#"))
    assert len(recorded) == len(set(recorded)) == CALLERS - 1
    assert 1 <= len(groups) < CALLERS - 1, "the listeners hear once a group, not once a call"
    assert set(org.state().members) == set(names)
    assert verify_rows(org.ledger.rows()).sound
    actors = [row[4] for row in org.ledger.rows() if row[5] == "members.joined"]
    assert sorted(actors) == sorted({f"t{i}" for i in outcome if outcome[i].startswith("#")})


def test_a_failed_write_stores_nothing_and_the_next_goes_on(org: Organisation) -> None:
    """The store refuses the write (two ballots under one receipt): the join decided with them
    is not stored, the fold that ran ahead is rebuilt, and the next command goes on."""
    head = org.ledger.head()
    twice = SealedBallot(poll="PO1", receipt="SAME", parts={"yes": "1"}, strength="1")

    def bad(state: State) -> list[DomainEvent | SealedBallot]:
        return [*membership.join(state, "u1", [("x1", "X One")], ON), twice, twice]

    with pytest.raises(LedgerError, match="nothing stored"):
        asyncio.run(org.execute_grouped(bad))
    assert org.ledger.head() == head
    assert "x1" not in org.state().members
    [event] = asyncio.run(org.execute_grouped(join("x1")))
    assert event.seq == head.seq + 1 and "x1" in org.state().members
