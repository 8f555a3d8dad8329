"""Before a congress: demands for an extraordinary one (``/api/bodies/{body}/demands``),
counter-theses published by members, and each base unit's vote on the theses."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded, session_of
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.rules import convocation, discussion

router = APIRouter(tags=["sessions"])


@router.get("/bodies/{body}/demands")
def demands_view(body: str, org: Org) -> dict[str, Any]:
    """The demands for an extraordinary session of the body, and what those not yet answered
    by a session weigh today against what the charter's share needs (``of``: members, units,
    or the members of the demanding units)."""
    state = org.state()
    found(state.bodies, body, "body")
    mine = [d for d in state.demands.values() if d.body == body]
    have, need = convocation.support(state, [d.by for d in mine if d.session is None],
                                     day(None))
    return {"demands": plain(mine), "have": str(have), "need": str(need),
            "of": state.rules.congress.extraordinary.of,
            "clause": state.rules.cite("congress.extraordinary.share")}


class Demanding(BaseModel):
    grounds: str = Field(min_length=1, max_length=5000)
    unit: str | None = Field(default=None, max_length=200, description="The base unit "
                             "demanding it, where the charter counts demands in units; "
                             "left out, the caller demands in their own name.")
    on: str | None = On


@router.post("/bodies/{body}/demands", status_code=201)
def demand(body: str, spec: Demanding, login: Member, org: Org) -> list[Recorded]:
    """Demand an extraordinary session of the congress. Where the charter counts members, a
    member demands in their own name; where it counts units, a ``unit`` demands, entered by
    whoever administers it (its executive, or one above it), as its assembly's secretary
    would send it. The demand that reaches the charter's share convenes the session."""
    found(org.state().bodies, body, "body")
    when = day(spec.on)
    if spec.unit is None:
        return recorded(org.execute(lambda s: convocation.demand(
            s, body, login.member, spec.grounds, when), login.member))
    unit = spec.unit
    return recorded(org.execute(administering(
        login.member, lambda s: found(s.bodies, unit, "body").id,
        f"a demand for an extraordinary {body}",
        lambda s: convocation.demand(s, body, unit, spec.grounds, when)), login.member))


class CounterTheses(BaseModel):
    title: str = Field(max_length=500)
    text: str = Field(max_length=100_000)
    on: str | None = On


@router.post("/sessions/{session}/counter-theses", status_code=201)
def counter_theses(session: str, body: CounterTheses, login: Member, org: Org
                   ) -> list[Recorded]:
    """Publish counter-theses for the pre-congress discussion in the caller's name (a member
    in good standing): nobody signs them for another."""
    when = day(body.on)
    return recorded(org.execute(lambda s: discussion.publish(
        s, session_of(s, session).id, body.title, body.text, [login.member], when,
        counter=True), login.member))


Votes = Annotated[int, Field(ge=0, le=10**9)]


class UnitVote(BaseModel):
    unit: str = Field(max_length=200)
    votes: dict[Annotated[str, Field(max_length=50)], Votes] = Field(
        max_length=1000, description='theses -> votes for it, e.g. {"T1": 600, "T2": 150}')
    abstain: Votes = 0
    on: str | None = On


@router.post("/sessions/{session}/discussion/votes", status_code=201)
def theses_vote(session: str, body: UnitVote, login: Member, org: Org) -> list[Recorded]:
    """Enter a base unit's vote on the theses, as its assembly took it: for whoever
    administers the unit (its executive, or one above it)."""
    when = day(body.on)
    return recorded(org.execute(administering(
        login.member, lambda s: found(s.bodies, body.unit, "body").id,
        f"its vote on the theses of {session}",
        lambda s: discussion.vote(s, session_of(s, session).id, body.unit, body.votes,
                                  body.abstain, when)), login.member))
