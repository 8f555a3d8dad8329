"""Election of a committee by faction lists: the electing body's registered factions are the
lists, each delegate's vote goes to one list, the seats are shared among the lists by the
charter's list method (D'Hondt, Sainte-Laguë, largest remainder), and each list's seats go to
its members in the order it registered them. The candidate members (alternates) are the next
names of the lists that would win the next seats.
"""

from __future__ import annotations

import numpy as np

from soviet.counting import as_ballots, count
from soviet.model.events import DomainEvent
from soviet.model.sessions import Faction
from soviet.model.state import State
from soviet.rules.elections import Granted, contest, eligible, grant
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded
from soviet.rules.structure import live_body

RULE = "elections"
LIST_METHODS = frozenset({"dhondt", "sainte-lague", "modified-sainte-lague",
                          "largest-remainder-hare", "largest-remainder-droop"})


def elect_by_lists(state: State, electorate: str, body: str, votes: dict[str, int], on: str,
                   *, seed: int | None = None) -> list[DomainEvent]:
    """``electorate`` elects ``body`` from the lists ``votes`` names (faction -> votes)."""
    founded(state, RULE)
    e = live_body(state, electorate, RULE)
    b = live_body(state, body, RULE)
    c = contest(state, e, b, None)
    if c.method not in LIST_METHODS:
        raise Refusal(RULE, f"{b.name} is elected by {c.method}, not by faction lists",
                      state.rules.cite(f"{b.kind}.election.method"))
    lists: list[Faction] = []
    for fid in votes:
        faction = state.factions.get(fid)
        if faction is None or faction.body != e.id:
            raise Refusal(RULE, f"{fid} is not a faction of {e.name}")
        lists.append(faction)
    if not lists or any(v < 0 for v in votes.values()) or not sum(votes.values()):
        raise Refusal(RULE, "a list election needs the votes of at least one list")
    if c.seats < 1:
        raise Refusal(RULE, f"{e.name} has no free seat to fill in {b.name}", c.clause)
    profile = as_ballots(np.arange(len(lists)).reshape(-1, 1), [f.id for f in lists],
                         weights=np.array([votes[f.id] for f in lists], dtype=np.int64))
    lot = state.seq if seed is None else seed
    result = count(c.method, profile, seats=c.seats, seed=lot)
    wider = count(c.method, profile, seats=c.seats + c.alternates, seed=lot)
    assert result.allocation is not None and wider.allocation is not None
    names = {f.id: [x for x in f.members if state.seat_in(x, e.id) is not None] for f in lists}
    elected: list[str] = []
    reserve: list[str] = []
    for f, won, more in zip(lists, result.allocation, wider.allocation, strict=True):
        if won > len(names[f.id]):
            raise Refusal(RULE, f"{f.name} won {won} seat(s) but lists {len(names[f.id])} "
                          f"member(s) sitting in {e.name}")
        elected += names[f.id][:won]
        reserve += names[f.id][won:more]
    through = {x: eligible(state, e, b, x, on) for x in elected + reserve}
    return grant(state, e, b, c, Granted(c.method, c.seats, elected, reserve, result),
                 through, on, Ids(state))
