"""Seats by representation: how many delegates each body below sends to the body above.

Each sending body uses its representation scale (its own, or the charter's default): the basis
(members, or the voters or inhabitants reported for it, summed over the bodies under a council),
the apportionment method, the ratio or the house size, and the minimum. The result is recorded
as an act, so every later election and vacancy is measured against a figure anybody can trace.
Sitting delegates keep their seats when a unit loses seats, unless the charter says otherwise.
"""

from __future__ import annotations

from collections import defaultdict

from soviet.apportion import ApportionmentError, apportion
from soviet.charter import Scale
from soviet.model.events import DomainEvent, SeatsApportioned
from soviet.model.state import State
from soviet.rules.mandates import end_mandates
from soviet.rules.refusal import Refusal, founded
from soviet.rules.structure import SENDING, live_body


def senders(state: State, body: str) -> list[str]:
    """The live bodies that send delegates to ``body``, in id order."""
    return sorted(c for c in state.children.get(body, ())
                  if state.bodies[c].kind in SENDING and state.bodies[c].dissolved is None)


def basis_of(state: State, body: str, basis: str) -> int:
    """Members of a unit, or its reported voters/inhabitants; a council sums its subtree."""
    if state.bodies[body].kind == "unit_assembly":
        if basis == "members":
            return state.unit_sizes.get(body, 0)
        return state.basis.get((body, basis), 0)
    if basis != "members" and (body, basis) in state.basis:
        return state.basis[(body, basis)]
    return sum(basis_of(state, c, basis) for c in senders(state, body))


def house_size(scale: Scale, total: int, units: int) -> int:
    """Seats of the body above for a house-size method: fixed, or one per N of the basis.

    A house counted from the basis grows to the units' minimums when they need more seats
    than the basis gives: the charter promises the minimum to every unit "however small",
    which a fixed house that cannot hold them breaks (refused), but a counted one need not."""
    if scale.seats is not None:
        return scale.seats
    assert scale.one_delegate_per is not None
    whole, rest = divmod(total, scale.one_delegate_per)
    extra = {"drop": False, "half": 2 * rest >= scale.one_delegate_per, "any": rest > 0}
    return max(whole + int(extra[scale.remainder or "drop"]), scale.minimum * units)


def compute(state: State, body: str, on: str) -> SeatsApportioned:
    founded(state, "representation")
    target = live_body(state, body, "representation")
    charter = state.rules
    units = senders(state, body)
    if not units:
        raise Refusal("representation", f"no body sends delegates to {target.name}")
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for u in units:
        groups[state.bodies[u].scale or charter.representation.default_scale].append(u)
    seats: dict[str, int] = {}
    basis: dict[str, int] = {}
    for name, members in sorted(groups.items()):
        scale = charter.representation.scales[name]
        figures = [basis_of(state, u, scale.basis) for u in members]
        clause = f"representation.scales.{name}"
        try:
            if scale.method == "ratio":
                result = apportion("ratio", figures, ratio=scale.one_delegate_per,
                                   remainder=scale.remainder, minimum=scale.minimum,
                                   names=members, seed=state.seq)
            else:
                result = apportion(scale.method, figures,
                                   house_size(scale, sum(figures), len(figures)),
                                   minimum=scale.minimum, names=members, seed=state.seq)
        except ApportionmentError as e:
            raise Refusal("representation", str(e), f"[{clause}]") from None
        for u, figure, n in zip(members, figures, result.seats.tolist(), strict=True):
            basis[u] = figure
            seats[u] = min(n, scale.maximum) if scale.maximum is not None else n
    return SeatsApportioned(body=body, scale=",".join(sorted(groups)),
                            method=",".join(sorted({charter.representation.scales[g].method
                                                    for g in groups})),
                            seats=seats, basis=basis, on=on)


def apportion_seats(state: State, body: str, on: str) -> list[DomainEvent]:
    """Record the seats each sender has in ``body``; end surplus seats if the charter says."""
    event = compute(state, body, on)
    events: list[DomainEvent] = [event]
    if state.rules.representation.keep_seats_on_reapportionment:
        return events
    surplus: list[str] = []
    for unit_id, n in event.seats.items():
        held = sorted((m for m in state.sitting(body) if m.electorate == unit_id),
                      key=lambda m: (m.rank, m.granted))
        surplus += [m.id for m in held[n:]]
    return events + end_mandates(state, surplus, "reapportioned", on, fill=False)


def seat_changes(state: State, event: SeatsApportioned) -> list[tuple[str, int, int]]:
    """(unit, seats before, seats after) for every unit whose seats change."""
    before = state.apportionments.get(event.body)
    old = dict(before.seats) if before else {}
    return [(u, old.get(u, 0), event.seats.get(u, 0))
            for u in sorted(old.keys() | event.seats.keys())
            if old.get(u, 0) != event.seats.get(u, 0)]
