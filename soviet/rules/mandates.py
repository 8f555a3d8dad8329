"""How mandates end, and what fills the seat.

A mandate ends by recall, resignation, death, leaving the organisation, the end of its
electorate, or because the mandate it was held *through* ended: then every seat held higher up
through it ends in the same act (the cascade), so a recalled delegate loses the rights of that
mandate in every body at once. Each delegate seat left empty is filled as the charter's
``[recall].vacancy`` says: the highest-ranked alternate of the same electorate steps in
(``substitute``), or a by-election is called.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from soviet.model.events import ByElectionCalled, DomainEvent, MandateEnded, MandateGranted
from soviet.model.state import Mandate, State


class Ids:
    """Fresh ids for the records one decision creates (``M``andates, ``E``lections, ...)."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.used: defaultdict[str, int] = defaultdict(int)

    def next(self, prefix: str) -> str:
        given = self.state.next_id(prefix, self.used[prefix])
        self.used[prefix] += 1
        return given


def carried_through(state: State, root: str) -> list[str]:
    """Every live mandate held through ``root``, directly or further up, nearest first."""
    found: list[str] = []
    frontier = [root]
    while frontier:
        nxt: list[str] = []
        for mid in frontier:
            for child in sorted(state.carried.get(mid, ())):
                found.append(child)
                nxt.append(child)
        frontier = nxt
    return found


def end_with_cascade(state: State, roots: Iterable[str], reason: str, on: str
                     ) -> list[MandateEnded]:
    """End ``roots`` for ``reason``, and every mandate held through them for ``cascade``
    (``cause`` names the root); each mandate ends once, under the first root that reaches it."""
    events: list[MandateEnded] = []
    done: set[str] = set()
    for root in roots:
        if root in done:
            continue
        done.add(root)
        events.append(MandateEnded(mandate=root, reason=reason, on=on))
        for child in carried_through(state, root):
            if child not in done:
                done.add(child)
                events.append(MandateEnded(mandate=child, reason="cascade", on=on, cause=root))
    return events


def end_mandates(state: State, roots: Iterable[str], reason: str, on: str, *,
                 fill: bool = True, ids: Ids | None = None) -> list[DomainEvent]:
    """End ``roots`` for ``reason`` with their cascades, then fill the delegate seats.

    ``fill=False`` says the roots' seats themselves are gone (their unit was dissolved or
    moved, or lost them in a re-apportionment): those are not filled, but the seats higher up
    that fell with them still belong to their electorates and are."""
    ended = end_with_cascade(state, roots, reason, on)
    vacated = [state.mandates[e.mandate] for e in ended if fill or e.cause is not None]
    return [*ended, *fill_seats(state, [m for m in vacated if m.role == "delegate"],
                                {e.mandate for e in ended}, on, ids or Ids(state))]


def fill_seats(state: State, vacated: list[Mandate], gone: set[str], on: str, ids: Ids
               ) -> list[DomainEvent]:
    """Seat alternates (``substitute``) or call by-elections for ``vacated`` delegate seats."""
    events: list[DomainEvent] = []
    pending: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    substitute = state.rules.recall.vacancy == "substitute"
    seated: set[tuple[str, str]] = set()
    for seat in vacated:
        alternate = next_alternate(state, seat, gone, seated, on) if substitute else None
        if alternate is None:
            pending[(seat.electorate, seat.body)].append(seat.id)
            continue
        gone.add(alternate.id)
        seated.add((alternate.holder, seat.body))
        events.append(MandateEnded(mandate=alternate.id, reason="substituted", on=on,
                                   cause=seat.id))
        events.append(MandateGranted(
            mandate=ids.next("M"), holder=alternate.holder, body=seat.body,
            electorate=seat.electorate, election=alternate.election, on=on,
            term_ends=seat.term_ends, through=alternate.through, rank=seat.rank,
            substitutes=seat.id))
    for (electorate, body), replaces in pending.items():
        events.append(ByElectionCalled(election=ids.next("E"), electorate=electorate, body=body,
                                       replaces=replaces, on=on))
    return events


def next_alternate(state: State, seat: Mandate, gone: set[str], seated: set[tuple[str, str]],
                   on: str) -> Mandate | None:
    """The highest-ranked live alternate of the seat's electorate who may sit on ``on`` and
    does not sit in the body already (``seated``: seats this act has just given)."""
    candidates = sorted(
        (m for m in state.alternates(seat.electorate, seat.body)
         if m.id not in gone and (m.holder, seat.body) not in seated
         and state.members[m.holder].in_good_standing(on)
         and state.seat_in(m.holder, seat.body, ignoring=gone) is None),
        key=lambda m: (m.rank, m.granted),
    )
    return candidates[0] if candidates else None
