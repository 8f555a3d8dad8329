"""Members of base units: a roll joining, a transfer, a suspension and reinstatement, leaving,
and the paid-up members a unit reports month by month. Each is recorded by those who administer
the unit (:mod:`soviet.rules.roles`); a member may also resign in their own name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.api.structure import Id, known
from soviet.model.events import DomainEvent
from soviet.model.state import State
from soviet.rules import membership

router = APIRouter(tags=["members"])


def unit_of(member: str) -> Callable[[State], str]:
    """The unit ``member`` belongs to, for :func:`administering`; a 404 if there is no such
    member."""
    return lambda state: found(state.members, member, "member").unit


@router.get("/members/{member}")
def member_view(member: str, org: Org) -> dict[str, Any]:
    """A member: their unit, since when, their suspensions, and the day they left if they
    have."""
    return dict(plain(found(org.state().members, member, "member")))


class Joining(BaseModel):
    id: Id
    name: str = Field(min_length=1, max_length=500)


class Roll(BaseModel):
    members: list[Joining] = Field(min_length=1, max_length=100_000, description="One member "
                                   "or a whole roll: all join, or none.")
    on: str | None = On


@router.post("/bodies/{body}/members", status_code=201)
def join(body: str, roll: Roll, login: Member, org: Org) -> list[Recorded]:
    """Members join a base unit, all or none: for those who administer the unit."""
    when = day(roll.on)
    members = [(m.id, m.name) for m in roll.members]
    return recorded(org.execute(administering(
        login.member, known(body), "admitting members",
        lambda s: membership.join(s, body, members, when)), login.member))


class Transfer(BaseModel):
    to: Id = Field(description="The base unit they move to.")
    on: str | None = On


@router.post("/members/{member}/transfer", status_code=201)
def transfer(member: str, spec: Transfer, login: Member, org: Org) -> list[Recorded]:
    """Move a member to another base unit; the mandates their old unit gave them end. For
    those who administer both units, the one that lets them go and the one that takes them."""
    when = day(spec.on)
    decide = administering(login.member, known(spec.to), f"transferring {member}",
                           lambda s: membership.transfer(s, member, spec.to, when))
    return recorded(org.execute(administering(
        login.member, unit_of(member), f"transferring {member}", decide), login.member))


class Suspension(BaseModel):
    until: date | None = Field(default=None, description="The day it ends, YYYY-MM-DD "
                               "(until reinstated when left out).")
    reason: str = Field(default="", max_length=2000)
    on: str | None = On


@router.post("/members/{member}/suspend", status_code=201)
def suspend(member: str, spec: Suspension, login: Member, org: Org) -> list[Recorded]:
    """Suspend a member: no vote, signature or candidacy while it lasts, and every mandate
    they hold ends. For those who administer their unit."""
    when = day(spec.on)
    until = None if spec.until is None else spec.until.isoformat()
    return recorded(org.execute(administering(
        login.member, unit_of(member), f"suspending {member}",
        lambda s: membership.suspend(s, member, when, until, spec.reason)), login.member))


@router.post("/members/{member}/reinstate", status_code=201)
def reinstate(member: str, spec: Day, login: Member, org: Org) -> list[Recorded]:
    """End a member's suspension: for those who administer their unit."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, unit_of(member), f"reinstating {member}",
        lambda s: membership.reinstate(s, member, when)), login.member))


class Leaving(BaseModel):
    reason: str = Field(default="resigned", max_length=50,
                        description=", ".join(membership.LEAVING))
    on: str | None = On


@router.post("/members/{member}/leave", status_code=201)
def leave(member: str, spec: Leaving, login: Member, org: Org) -> list[Recorded]:
    """A member leaves, and every mandate they hold ends with what is held through it. A
    member resigns in their own name; any other leaving (died, expelled, lapsed), or a
    resignation handed in for someone else, is recorded by those who administer their unit."""
    when = day(spec.on)

    def decide(state: State) -> list[DomainEvent]:
        return membership.leave(state, member, when, spec.reason)
    own = login.member == member and spec.reason == "resigned"
    return recorded(org.execute(decide if own else administering(
        login.member, unit_of(member), f"recording that {member} leaves", decide),
        login.member))


@router.get("/bodies/{body}/paid-up")
def paid_up_view(body: str, org: Org) -> dict[str, int]:
    """The unit's paid-up members as reported, month by month (``YYYY-MM``)."""
    state = org.state()
    found(state.bodies, body, "body")
    return {month: n for (unit, month), n in sorted(state.paid_up.items()) if unit == body}


class PaidUp(BaseModel):
    month: str = Field(max_length=20, description="YYYY-MM")
    members: int = Field(ge=0, le=10**9, description="Members paid up that month.")
    on: str | None = On


@router.post("/bodies/{body}/paid-up", status_code=201)
def report_paid_up(body: str, spec: PaidUp, login: Member, org: Org) -> list[Recorded]:
    """Report a unit's paid-up members for a month (what a paid-up average strength counts);
    a later report for the month corrects it. For those who administer the unit."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, known(body), "reporting paid-up members",
        lambda s: membership.report_paid_up(s, body, spec.month, spec.members, when)),
        login.member))
