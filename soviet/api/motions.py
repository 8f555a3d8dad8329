"""What becomes of a motion besides a vote: the mover withdraws it, the session refers it to
another body, a member of the minority has their position recorded beside the decision; and
the decisions above a body that bind it (its directives)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, presiding, recorded
from soviet.api.auth import Member
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.rules import decisions, motions

router = APIRouter(tags=["sessions"])


@router.get("/motions/{motion}")
def motion_view(motion: str, org: Org) -> dict[str, Any]:
    """A motion: its text as amended, mover, supporters, status, amendments, polls, the
    minority positions beside it and any annulment."""
    return dict(plain(found(org.state().motions, motion, "motion")))


@router.post("/motions/{motion}/withdraw", status_code=201)
def withdraw(motion: str, body: Day, login: Member, org: Org) -> list[Recorded]:
    """Withdraw a motion in the caller's name (only its mover may); its pending amendments
    lapse with it."""
    when = day(body.on)
    return recorded(org.execute(lambda s: motions.withdraw(
        s, found(s.motions, motion, "motion").id, login.member, when), login.member))


class Referral(BaseModel):
    to: str = Field(max_length=200, description="The body it is sent to.")
    on: str | None = On


@router.post("/motions/{motion}/refer", status_code=201)
def refer(motion: str, body: Referral, login: Member, org: Org) -> list[Recorded]:
    """Refer a motion (and its pending amendments) to another body instead of voting on it:
    for those presiding at its session, as the session decides."""
    m = found(org.state().motions, motion, "motion")
    when = day(body.on)
    return recorded(org.execute(presiding(login.member, m.session, lambda s: motions.refer(
        s, motion, found(s.bodies, body.to, "body").id, when)), login.member))


class Dissent(BaseModel):
    statement: str = Field(max_length=10_000, description="The position, as it is to stand "
                           "in the minutes.")
    on: str | None = On


@router.post("/motions/{motion}/dissents", status_code=201)
def dissent(motion: str, body: Dissent, login: Member, org: Org) -> list[Recorded]:
    """Record the caller's minority position beside an adopted decision, in their own name
    (they took part in the session; in a roll call, voted against or abstained)."""
    when = day(body.on)
    return recorded(org.execute(lambda s: decisions.record_dissent(
        s, found(s.motions, motion, "motion").id, [login.member], body.statement, when),
        login.member))


@router.get("/bodies/{body}/directives")
def directives_view(body: str, org: Org) -> list[dict[str, Any]]:
    """The decisions in force of every body above this one, nearest first: they bind it."""
    state = org.state()
    found(state.bodies, body, "body")
    return [plain(m) for m in decisions.directives(state, body)]
