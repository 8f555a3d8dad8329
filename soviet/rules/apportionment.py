"""Seats by representation: how many delegates each body below sends to the body above.

Each sending body uses its representation scale (its own, or the charter's default): the basis
(members, or the voters or inhabitants reported for it, summed over the bodies under a council),
the apportionment method, the ratio or the house size, and the minimum. The result is recorded
as an act, so every later election and vacancy is measured against a figure anybody can trace.
Sitting delegates keep their seats when a unit loses seats, unless the charter says otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from soviet.apportion import Apportionment, ApportionmentError, apportion_bodies
from soviet.charter import Scale
from soviet.model.events import DomainEvent, SeatsApportioned
from soviet.model.state import Mandate, State
from soviet.rules.mandates import carried_through, end_mandates
from soviet.rules.refusal import Refusal, founded
from soviet.rules.structure import SENDING, live_body


def senders(state: State, body: str) -> list[str]:
    """The live bodies that send delegates to ``body``, in id order."""
    bodies = state.bodies
    return sorted(c for c in state.children.get(body, ())
                  if (b := bodies[c]).kind in SENDING and b.dissolved is None)


def basis_of(state: State, body: str, basis: str, known: dict[str, int] | None = None) -> int:
    """Members of a unit, or its reported voters/inhabitants; a council sums its subtree.
    ``known`` keeps the figures already summed, so a whole tree costs one pass."""
    if known is not None and body in known:
        return known[body]
    if state.bodies[body].kind == "unit_assembly":
        figure = (state.unit_sizes.get(body, 0) if basis == "members"
                  else state.basis.get((body, basis), 0))
    elif basis != "members" and (body, basis) in state.basis:
        figure = state.basis[(body, basis)]
    else:
        figure = sum(basis_of(state, c, basis, known) for c in senders(state, body))
    if known is not None:
        known[body] = figure
    return figure


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


def receivers(state: State) -> list[str]:
    """Every live body that live bodies send delegates to, in id order."""
    return sorted({b.parent for b in state.bodies.values()
                   if b.kind in SENDING and b.dissolved is None and b.parent is not None})


def compute(state: State, body: str, on: str) -> SeatsApportioned:
    return compute_all(state, [body], on)[0]


def compute_all(state: State, bodies: Sequence[str], on: str) -> list[SeatsApportioned]:
    """The seats each of ``bodies`` gives its senders. The senders of all the bodies that use
    one scale are apportioned in one vectorised pass, each body's seats among its own
    senders (:func:`soviet.apportion.apportion_bodies`); a tie is drawn by lot from the act's
    seed, in the stream numbered by the body's place among the bodies of its scale."""
    founded(state, "representation")
    charter = state.rules
    shares: defaultdict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for body in bodies:
        target = live_body(state, body, "representation")
        units = senders(state, body)
        if not units:
            raise Refusal("representation", f"no body sends delegates to {target.name}")
        groups: defaultdict[str, list[str]] = defaultdict(list)
        default, every = charter.representation.default_scale, state.bodies
        for u in units:
            groups[every[u].scale or default].append(u)
        for name, members in groups.items():
            shares[name].append((body, members))
    seats: dict[str, dict[str, int]] = {b: {} for b in bodies}
    basis: dict[str, dict[str, int]] = {b: {} for b in bodies}
    scales: defaultdict[str, set[str]] = defaultdict(set)
    summed: defaultdict[str, dict[str, int]] = defaultdict(dict)  # figures by basis, then body
    empty: defaultdict[str, list[str]] = defaultdict(list)  # senders with a basis of 0
    for name, whole in sorted(shares.items()):
        scale = charter.representation.scales[name]
        known = summed[scale.basis]
        share: list[tuple[str, list[str]]] = []
        for body, members in whole:
            counted = [u for u in members if basis_of(state, u, scale.basis, known) > 0]
            if len(counted) < len(members):
                empty[body] += [u for u in members if known[u] == 0]
            if counted:
                share.append((body, counted))
        figures = [known[u] for _, members in share for u in members]
        try:
            results = _apportion(scale, figures, share, state.seq) if share else ()
        except ApportionmentError as e:
            raise _refusal(state, name, figures, share, e) from None
        given = {body: result.seats.tolist()
                 for (body, _), result in zip(share, results, strict=True)}
        for body, members in whole:
            scales[body].add(name)
            counts = iter(given.get(body, ()))
            for u in members:
                n = next(counts) if known[u] > 0 else 0
                basis[body][u] = known[u]
                seats[body][u] = min(n, scale.maximum) if scale.maximum is not None else n
    return [SeatsApportioned(body=b, scale=",".join(sorted(scales[b])),
                             method=",".join(sorted({charter.representation.scales[g].method
                                                     for g in scales[b]})),
                             seats=seats[b], basis=basis[b], on=on,
                             note=_empty_note(sorted(empty[b]))) for b in bodies]


def _empty_note(units: list[str]) -> str:
    """Why some senders have no seats: a unit with no basis (no members yet, or no voters
    reported) is left out, and the others share the seats as if it were absent."""
    if not units:
        return ""
    return (f"no seats for {', '.join(units)}: a basis of 0; the others are apportioned "
            "without them")


def _apportion(scale: Scale, figures: list[int], share: list[tuple[str, list[str]]],
               seed: int) -> tuple[Apportionment, ...]:
    """One scale's apportionment of the senders of every body in ``share``."""
    sizes = [len(members) for _, members in share]
    body = np.repeat(np.arange(len(share)), sizes)
    names = [u for _, members in share for u in members]
    populations = np.array(figures, dtype=np.int64)  # checked as a whole, not one by one
    if scale.method == "ratio":
        return apportion_bodies("ratio", populations, body, ratio=scale.one_delegate_per,
                                remainder=scale.remainder, minimum=scale.minimum, names=names,
                                seed=seed)
    ends = np.cumsum(sizes).tolist()
    houses = [house_size(scale, sum(figures[end - n:end]), n)
              for end, n in zip(ends, sizes, strict=True)]
    return apportion_bodies(scale.method, populations, body, houses, minimum=scale.minimum,
                            names=names, seed=seed)


def _refusal(state: State, name: str, figures: list[int], share: list[tuple[str, list[str]]],
             error: ApportionmentError) -> Refusal:
    """Name the first body whose senders' seats cannot be shared, and say why."""
    scale = state.rules.representation.scales[name]
    clause = f"[representation.scales.{name}]"
    end = 0
    for body, members in share:
        end += len(members)
        try:
            _apportion(scale, figures[end - len(members):end], [(body, members)], state.seq)
        except ApportionmentError as e:
            return Refusal("representation", f"seats in {state.bodies[body].name}: {e}", clause)
    return Refusal("representation", str(error), clause)


def surplus(state: State, events: Sequence[SeatsApportioned]) -> list[str]:
    """The sitting delegates beyond each sender's new seats, lowest ranked first to go. The
    bodies lowest in the tree go first: a seat that ends with a seat below it (the cascade)
    is not counted among the seats of its own body."""
    ending: set[str] = set()
    roots: list[str] = []
    for event in sorted(events, key=lambda e: -depth(state, e.body)):
        held: defaultdict[str, list[Mandate]] = defaultdict(list)
        for m in state.sitting(event.body):
            if m.id not in ending:
                held[m.electorate].append(m)
        for unit_id, n in event.seats.items():
            for m in sorted(held[unit_id], key=lambda m: (m.rank, m.granted))[n:]:
                roots.append(m.id)
                ending.add(m.id)
                ending.update(carried_through(state, m.id))
    return roots


def depth(state: State, body: str) -> int:
    """How many bodies stand above ``body``."""
    parent = state.bodies[body].parent
    return 0 if parent is None else 1 + depth(state, parent)


def apportion_seats(state: State, body: str, on: str) -> list[DomainEvent]:
    """Record the seats each sender has in ``body``; end surplus seats if the charter says."""
    return _record(state, [body], on)


def apportion_tree(state: State, on: str) -> list[DomainEvent]:
    """Record the seats of every body of the tree that receives delegates, in one act."""
    return _record(state, receivers(state), on)


def _record(state: State, bodies: Sequence[str], on: str) -> list[DomainEvent]:
    events: list[DomainEvent] = list(compute_all(state, bodies, on))
    if state.rules.representation.keep_seats_on_reapportionment:
        return events
    gone = surplus(state, [e for e in events if isinstance(e, SeatsApportioned)])
    return events + end_mandates(state, gone, "reapportioned", on, fill=False)


def seat_changes(state: State, event: SeatsApportioned) -> list[tuple[str, int, int]]:
    """(unit, seats before, seats after) for every unit whose seats change."""
    before = state.apportionments.get(event.body)
    old = dict(before.seats) if before else {}
    return [(u, old.get(u, 0), event.seats.get(u, 0))
            for u in sorted(old.keys() | event.seats.keys())
            if old.get(u, 0) != event.seats.get(u, 0)]
