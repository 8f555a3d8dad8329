"""The tree of bodies: which kinds may stand where, and how units are added, moved, merged and
dissolved. A base unit or council sends delegates to its parent; an executive or control
commission is elected by its parent; the congress has none and there is one of it.
"""

from __future__ import annotations

from soviet.model.events import (
    BasisReported,
    BodiesMerged,
    BodyCreated,
    BodyDissolved,
    BodyMoved,
    DomainEvent,
)
from soviet.model.state import Body, State
from soviet.rules.mandates import end_mandates
from soviet.rules.refusal import Refusal, founded

SENDING = ("unit_assembly", "council")
"""Kinds of body that send delegates to the body above them."""

PARENTS = {
    "unit_assembly": ("council", "congress"),
    "council": ("council", "congress"),
    "executive": ("council", "congress"),
    "control_commission": ("council", "congress"),
    "congress": (),
}


def live_body(state: State, body: str, rule: str) -> Body:
    b = state.bodies.get(body)
    if b is None:
        raise Refusal(rule, f"there is no body {body!r}")
    if b.dissolved is not None:
        raise Refusal(rule, f"{b.name} was dissolved on {b.dissolved}")
    return b


def allowed(state: State, kind: str, parent: Body) -> None:
    """Refuse ``parent`` for a body of ``kind``: by the tree's shape, and for a committee by
    the kind of body the charter says elects it."""
    if parent.kind not in PARENTS[kind]:
        raise Refusal("structure", f"a {kind} cannot stand under the {parent.kind} {parent.name}")
    if kind in ("executive", "control_commission"):
        by = state.rules.clause(f"{kind}.election.by")
        if parent.kind != by.value:
            raise Refusal("structure", f"the {kind} is elected by the {by.value}, not by the "
                          f"{parent.kind} {parent.name}", str(by))


def create_body(state: State, body: str, name: str, kind: str, parent: str | None, on: str,
                scale: str | None = None) -> list[BodyCreated]:
    founded(state, "structure")
    charter = state.rules
    if body in state.bodies:
        raise Refusal("structure", f"a body {body!r} already exists")
    if kind not in PARENTS:
        raise Refusal("structure", f"unknown kind of body {kind!r}; one of "
                      f"{', '.join(PARENTS)}")
    if kind not in charter.bodies:
        raise Refusal("structure", f"the charter sets up no {kind}", f"has no [{kind}] section")
    if kind == "congress":
        if parent is not None:
            raise Refusal("structure", "the congress is the supreme body: it has no parent")
        if any(b.kind == "congress" and b.dissolved is None for b in state.bodies.values()):
            raise Refusal("structure", "there is already a congress")
    else:
        if parent is None:
            raise Refusal("structure", f"a {kind} needs a parent: one of {PARENTS[kind]}")
        p = live_body(state, parent, "structure")
        allowed(state, kind, p)
    if scale is not None and scale not in charter.representation.scales:
        raise Refusal("structure", f"no representation scale {scale!r}",
                      f"[representation.scales] has {', '.join(charter.representation.scales)}")
    return [BodyCreated(body=body, name=name, kind=kind, parent=parent, on=on, scale=scale)]


def move_body(state: State, body: str, parent: str, on: str) -> list[DomainEvent]:
    founded(state, "structure")
    b = live_body(state, body, "structure")
    p = live_body(state, parent, "structure")
    if b.parent == parent:
        raise Refusal("structure", f"{b.name} already stands under {p.name}")
    allowed(state, b.kind, p)
    walk: str | None = parent
    while walk is not None:
        if walk == body:
            raise Refusal("structure", f"{p.name} stands under {b.name}: the tree would loop")
        walk = state.bodies[walk].parent
    return [BodyMoved(body=body, parent=parent, on=on),
            *end_mandates(state, between(state, body, b.parent), "moved", on, fill=False)]


def between(state: State, body: str, other: str | None) -> list[str]:
    """The live mandates ``body`` gave in ``other`` or ``other`` gave in ``body``: the seats a
    move or dissolution takes away, since the one no longer elects to the other."""
    return sorted(m.id for m in state.mandates.values() if m.live and (
        (m.electorate, m.body) == (body, other) or (m.electorate, m.body) == (other, body)))


def merge_units(state: State, bodies: list[str], into: str, on: str) -> list[BodiesMerged]:
    """Units of one council merge: members and sitting delegates pass to ``into``."""
    founded(state, "structure")
    target = live_body(state, into, "structure")
    if not bodies or into in bodies or len(set(bodies)) != len(bodies):
        raise Refusal("structure", "name each unit to merge once, and not the one they join")
    for body in bodies:
        b = live_body(state, body, "structure")
        if b.kind != target.kind or b.parent != target.parent:
            raise Refusal("structure", f"{b.name} and {target.name} are not units of the same "
                          "body and kind: move one first")
        if state.children.get(body):
            raise Refusal("structure", f"{b.name} still has bodies under it: move them first")
    return [BodiesMerged(bodies=bodies, into=into, on=on)]


def dissolve_body(state: State, body: str, on: str) -> list[DomainEvent]:
    """A body with no members and no bodies under it is dissolved; the delegates it elected
    lose their seats (their electorate is gone), and so does everyone sitting in it (a
    committee's members), with everything held through them."""
    founded(state, "structure")
    b = live_body(state, body, "structure")
    if state.unit_sizes.get(body, 0):
        raise Refusal("structure", f"{b.name} still has {state.unit_sizes[body]} members: "
                      "transfer them first")
    if state.children.get(body):
        raise Refusal("structure", f"{b.name} still has bodies under it: move them first")
    seats = sorted(m.id for m in state.mandates.values()
                   if m.live and body in (m.electorate, m.body))
    ended = end_mandates(state, seats, "dissolved", on, fill=False)
    return [BodyDissolved(body=body, on=on), *ended]


def report_basis(state: State, body: str, basis: str, figure: int, on: str
                 ) -> list[BasisReported]:
    founded(state, "structure")
    live_body(state, body, "structure")
    if basis not in ("voters", "inhabitants"):
        raise Refusal("structure", f"a reported basis is voters or inhabitants, not {basis!r}")
    if figure < 0:
        raise Refusal("structure", f"a count of {basis} cannot be negative ({figure})")
    return [BasisReported(body=body, basis=basis, figure=figure, on=on)]
