"""Convocation: a body is convened to a regular session, or the congress to an extraordinary
one when demands from ``[congress].extraordinary.share`` of the members, of the units, or of
units holding that share of the members, are filed. The rule counts the demands and convenes
the congress in the act that files the last one needed.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from soviet.model.events import ConvocationDemanded, DomainEvent, SessionConvened
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.apportionment import basis_of
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.structure import live_body

RULE = "convocation"


def convene(state: State, body: str, title: str, opens: str, on: str, *,
            ids: Ids | None = None) -> list[DomainEvent]:
    """Convene ``body``'s regular session to open on ``opens``."""
    founded(state, RULE)
    b = live_body(state, body, RULE)
    if opens < on:
        raise Refusal(RULE, f"a session cannot be convened to open on {opens}, before the "
                      f"day it is convened ({on})")
    pending = [s for s in state.sessions.values() if s.body == b.id and s.closed is None]
    if pending:
        raise Refusal(RULE, f"{b.name} already has session {pending[0].id} convened "
                      f"({pending[0].title}); close it first")
    name = (ids or Ids(state)).next("S")
    return [SessionConvened(session=name, body=b.id, kind="regular", title=title,
                            opens=opens, on=on)]


def due(state: State, body: str) -> str | None:
    """The day the congress's next regular session is due: the last regular one's opening
    plus ``[congress].interval`` (None before the first)."""
    last = [s.opens for s in state.sessions.values() if s.body == body and s.kind == "regular"]
    if not last:
        return None
    return state.rules.congress.interval.after(date.fromisoformat(max(last))).isoformat()


def demand(state: State, body: str, by: str, grounds: str, on: str) -> list[DomainEvent]:
    """File a demand for an extraordinary congress; convene it if the demands now reach the
    charter's share."""
    founded(state, RULE)
    b = live_body(state, body, RULE)
    rule = state.rules.congress.extraordinary
    clause = state.rules.cite("congress.extraordinary.of")
    if b.kind != "congress":
        raise Refusal(RULE, f"the charter provides extraordinary sessions on demand for the "
                      f"congress only, not {b.name}", clause)
    if rule.of == "members":
        m = state.members.get(by)
        if m is None or not m.in_good_standing(on):
            raise Refusal(RULE, f"{by} is not a member in good standing on {on}: demands are "
                          "counted in members", clause)
    else:
        unit = state.bodies.get(by)
        if unit is None or unit.kind != "unit_assembly" or unit.dissolved is not None:
            raise Refusal(RULE, f"{by} is not a live base unit: demands are counted in units",
                          clause)
    pending = [d for d in state.demands.values() if d.body == b.id and d.session is None]
    if any(d.by == by for d in pending):
        raise Refusal(RULE, f"{by} has already demanded an extraordinary {b.name}")
    ids = Ids(state)
    name = ids.next("DM")
    events: list[DomainEvent] = [ConvocationDemanded(demand=name, body=b.id, by=by,
                                                     grounds=grounds, on=on)]
    have, need = support(state, [*(d.by for d in pending), by], on)
    if have >= need:
        events.append(SessionConvened(
            session=ids.next("S"), body=b.id, kind="extraordinary",
            title=f"Extraordinary {b.name}", opens=on, on=on,
            demands=[*(d.id for d in pending), name]))
    return events


def support(state: State, by: list[str], on: str) -> tuple[Fraction, Fraction]:
    """What the demanders weigh and what the charter's share needs, in the charter's
    measure: members, units, or the members of the demanding units."""
    rule = state.rules.congress.extraordinary
    units = [b.id for b in state.bodies.values()
             if b.kind == "unit_assembly" and b.dissolved is None]
    if rule.of == "members":
        whole = sum(state.members_in_good_standing(u, on) for u in units)
        return Fraction(len(by)), rule.share * whole
    if rule.of == "units":
        return Fraction(len(by)), rule.share * len(units)
    whole = sum(basis_of(state, u, "members") for u in units)
    return Fraction(sum(basis_of(state, u, "members") for u in by)), rule.share * whole


def session(state: State, session_id: str, rule: str) -> Session:
    """The session ``session_id``, or a refusal naming ``rule``."""
    return known(state.sessions, session_id, rule, "session")
