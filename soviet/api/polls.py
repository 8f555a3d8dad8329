"""``/api/polls``: opening and closing a poll (for those presiding), voting (in the caller's
own name, or by the proxy they hold), and checking a secret ballot by its receipt code."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, day, presiding, recorded, recorded_json
from soviet.api.auth import Member, signed_in
from soviet.api.deps import Org, organisation
from soviet.api.errors import NotFound, found
from soviet.api.plain import plain
from soviet.model.events import DomainEvent, SealedBallot
from soviet.model.sessions import Poll
from soviet.model.state import State
from soviet.rules import polls
from soviet.service.ballots import closing, new_receipt

router = APIRouter(tags=["polls"])


def _poll(org: Org, poll: str) -> Poll:
    return found(org.state().polls, poll, "poll")


@router.get("/polls/{poll}")
def poll_view(poll: str, org: Org) -> dict[str, Any]:
    """A poll: who has voted (and how, unless secret), counts, tally, outcome; a closed secret
    ballot with every ballot and its receipt code, for anyone to recount."""
    p = _poll(org, poll)
    return {**plain(p), "tally": plain(polls.tally(p))}


class Opening(BaseModel):
    motion: str | None = None
    question: str | None = Field(default=None, max_length=1000)
    secrecy: str = Field(default="open", description="open, named, secret, card or ballot")
    kind: str = "ordinary"
    on: str | None = On


@router.post("/sessions/{session}/polls", status_code=201)
def open_poll(session: str, body: Opening, login: Member, org: Org) -> list[Recorded]:
    """Open a poll on a motion or a question: for those presiding."""
    return recorded(org.execute(presiding(login.member, session, lambda s: polls.open_poll(
        s, session, day(body.on), motion=body.motion, question=body.question,
        secrecy=body.secrecy, kind=body.kind)), login.member))


Figure = Annotated[str, Field(pattern=r"^[0-9]{1,15}(/[0-9]{1,15})?$")]
"""A vote figure: a whole number or a fraction, in digits. ``Fraction`` would also read
``1e999999999``, and build a number of a billion digits."""


class Ballot(BaseModel):
    """A vote: a ``choice`` (all the votes the caller carries), or ``parts`` of a split vote;
    ``proxy_for`` an absent delegate whose proxy the caller holds; ``whole`` a chair casting
    their delegation's whole strength in a card vote. In a paper secret poll, neither."""

    choice: str | None = None
    parts: dict[str, Figure] | None = Field(default=None, description="choice -> votes, e.g. "
                                            '{"yes": "400", "no": "200/3"}')
    proxy_for: str | None = None
    whole: bool = False


class Voted(BaseModel):
    """The events recorded; for a secret ballot on devices, the receipt code of the ballot,
    shown this once and stored nowhere with the voter's name."""

    recorded: list[Recorded]
    receipt: str | None = None


@router.post("/polls/{poll}/votes", status_code=201, response_model=Voted,
             responses={401: {"description": "Not logged in"}})
async def vote(poll: str, ballot: Ballot, request: Request) -> Response:
    """Vote in the caller's name; refused (409) with the rule and clause if they may not.

    The one route a whole congress calls within seconds, so it is kept lean: it runs on the
    event loop and awaits its group commit, finds the caller and the organisation itself
    rather than through dependencies (which FastAPI resolves anew for every request), and
    writes its answer from the events as stored (the documented ``Voted``) rather than
    building and validating a model of them."""
    login, org = await signed_in(request), await organisation(request)
    try:
        parts = (None if ballot.parts is None
                 else {c: Fraction(v) for c, v in ballot.parts.items()})
    except ZeroDivisionError:
        raise HTTPException(422, "parts: each figure is a whole number or a fraction such as "
                            "200/3") from None
    receipt = new_receipt()
    secret = False

    def decide(state: State) -> Sequence[DomainEvent | SealedBallot]:
        nonlocal secret
        decided = polls.cast(state, poll, login.member, choice=ballot.choice, parts=parts,
                             proxy_for=ballot.proxy_for, whole=ballot.whole, receipt=receipt)
        secret = state.polls[poll].secrecy == "ballot"
        return decided

    events = await org.execute_grouped(decide, login.member)
    return Response(b'{"recorded":%s,"receipt":%s}' % (
        recorded_json(events), b'"%s"' % receipt.encode() if secret else b"null"),
        status_code=201, media_type="application/json")


class Closing(BaseModel):
    on: str | None = On


@router.post("/polls/{poll}/close", status_code=201)
def close(poll: str, body: Closing, login: Member, org: Org) -> list[Recorded]:
    """Close a poll: the result under the charter's majority, with its sentence and clause;
    a secret ballot's box is published. For those presiding."""
    p = _poll(org, poll)
    return recorded(org.execute(presiding(login.member, p.session, closing(
        org, poll, day(body.on))), login.member))


@router.get("/polls/{poll}/ballots/{receipt}")
def ballot_check(poll: str, receipt: str, org: Org) -> dict[str, Any]:
    """A voter's check of their secret ballot by its receipt code: in the box while the poll
    is open (its choice not shown), then as published and counted."""
    p = _poll(org, poll)
    code = receipt.strip().upper()
    if p.outcome is not None:
        for b in p.outcome.ballots:
            if b.receipt == code:
                return {"poll": poll, "receipt": code, "status": "counted",
                        "parts": b.parts, "strength": b.strength}
    elif any(b.receipt == code for b in org.box(poll)):
        return {"poll": poll, "receipt": code, "status": "in the box"}
    raise NotFound(f"no ballot with receipt {code} in poll {poll}")
