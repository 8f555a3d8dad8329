"""Membership of base units: joining, transfer, suspension, reinstatement, leaving, and the
paid-up members a unit reports month by month (what a delegation's strength may be counted
from).

A member who leaves (or dies, or is expelled) loses every mandate at once, with everything held
through them; a member who transfers out of a unit loses the mandates that unit gave them.
"""

from __future__ import annotations

import re

from soviet.model.events import (
    DomainEvent,
    MemberLeft,
    MemberReinstated,
    MembersJoined,
    MemberSuspended,
    MemberTransferred,
    PaidUpReported,
)
from soviet.model.state import Member, State
from soviet.rules.mandates import end_mandates
from soviet.rules.refusal import Refusal, founded
from soviet.rules.structure import live_body

LEAVING = ("resigned", "died", "expelled", "lapsed")


def unit(state: State, body: str) -> None:
    b = live_body(state, body, "membership")
    if b.kind != "unit_assembly":
        raise Refusal("membership", f"members belong to base units; {b.name} is a {b.kind}")


def member(state: State, member_id: str) -> Member:
    m = state.members.get(member_id)
    if m is None or m.left is not None:
        raise Refusal("membership", f"{member_id} is not a member")
    return m


def join(state: State, unit_id: str, members: list[tuple[str, str]], on: str
         ) -> list[MembersJoined]:
    """One member or a whole roll joins a base unit, all or none."""
    founded(state, "membership")
    unit(state, unit_id)
    seen: set[str] = set()
    for member_id, _ in members:
        if member_id in seen:
            raise Refusal("membership", f"{member_id} appears twice in the roll")
        seen.add(member_id)
        m = state.members.get(member_id)
        if m is not None and m.left is None:
            raise Refusal("membership", f"{member_id} is already a member "
                          f"(of {m.unit} since {m.since})")
    if not members:
        raise Refusal("membership", "the roll is empty")
    return [MembersJoined(unit=unit_id, members=members, on=on)]


def transfer(state: State, member_id: str, unit_id: str, on: str) -> list[DomainEvent]:
    founded(state, "membership")
    m = member(state, member_id)
    unit(state, unit_id)
    if m.unit == unit_id:
        raise Refusal("membership", f"{member_id} is already in {unit_id}")
    given = [x for x in state.held_by.get(member_id, ()) if state.mandates[x].electorate == m.unit]
    return [MemberTransferred(member=member_id, unit=unit_id, on=on),
            *end_mandates(state, sorted(given), "transferred", on)]


def suspend(state: State, member_id: str, on: str, until: str | None, reason: str
            ) -> list[DomainEvent]:
    """From ``on`` the member cannot vote, sign or stand, and loses every mandate (with what
    is held through it): a seat is held by a member in good standing or by nobody."""
    founded(state, "membership")
    m = member(state, member_id)
    if until is not None and until <= on:
        raise Refusal("membership", f"a suspension must end after it starts ({on} .. {until})")
    for s in m.suspensions:
        if s.overlaps(on, until):
            raise Refusal("membership", f"{member_id} is already suspended from {s.since}"
                          f"{f' until {s.until}' if s.until else ''} ({s.reason})")
    held = sorted(state.held_by.get(member_id, ()))
    return [MemberSuspended(member=member_id, on=on, until=until, reason=reason),
            *end_mandates(state, held, "suspended", on)]


def reinstate(state: State, member_id: str, on: str) -> list[MemberReinstated]:
    founded(state, "membership")
    m = member(state, member_id)
    if m.suspended_on(on) is None:
        raise Refusal("membership", f"{member_id} is not suspended on {on}")
    return [MemberReinstated(member=member_id, on=on)]


def leave(state: State, member_id: str, on: str, reason: str = "resigned") -> list[DomainEvent]:
    founded(state, "membership")
    member(state, member_id)
    if reason not in LEAVING:
        raise Refusal("membership", f"a member leaves as {', '.join(LEAVING)}, not {reason!r}")
    held = sorted(state.held_by.get(member_id, ()))
    return [MemberLeft(member=member_id, on=on, reason=reason),
            *end_mandates(state, held, "died" if reason == "died" else "left", on)]


MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def report_paid_up(state: State, unit_id: str, month: str, members: int, on: str
                   ) -> list[DomainEvent]:
    """A unit's paid-up members in ``month`` (``YYYY-MM``), from its membership records; a
    later report for the same month corrects it."""
    founded(state, "membership")
    unit(state, unit_id)
    if MONTH.fullmatch(month) is None:
        raise Refusal("membership", f"{month!r} is not a month: write it YYYY-MM")
    if on[:7] < month:
        raise Refusal("membership", f"the dues of {month} cannot be reported on {on}, before "
                      "the month begins")
    if members < 0:
        raise Refusal("membership", "a count of members cannot be negative")
    return [PaidUpReported(unit=unit_id, month=month, members=members, on=on)]
