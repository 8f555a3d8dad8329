"""The tellers' counts of a poll (``/api/polls/{poll}/counts``): hands in the hall or paper
ballots counted, in total or of one delegation, entered by whoever presides."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated

from fastapi import APIRouter
from pydantic import AfterValidator, BaseModel, Field

from soviet.api.acting import Recorded, presiding, recorded
from soviet.api.auth import Member
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.polls import Figure
from soviet.rules import polls

router = APIRouter(tags=["polls"])


def _divisible(figure: str) -> str:
    """A figure ``Fraction`` reads without dividing by zero."""
    _, slash, below = figure.partition("/")
    if slash and int(below) == 0:
        raise ValueError("a fraction's denominator is not 0")
    return figure


Votes = Annotated[Figure, AfterValidator(_divisible)]


class Count(BaseModel):
    tellers: list[Annotated[str, Field(max_length=200)]] = Field(
        max_length=100, description="The tellers signing the count.")
    voters: int = Field(ge=0, le=10**9, description="How many voters the count covers.")
    channel: str = Field(default="hall", max_length=50,
                         description="hall (hands) or paper (ballots)")
    yes: Votes = "0"
    no: Votes = "0"
    abstain: Votes = "0"
    delegation: str | None = Field(default=None, max_length=200, description="Count one "
                                   "delegation only (the body that elected it).")


@router.post("/polls/{poll}/counts", status_code=201)
def count(poll: str, body: Count, login: Member, org: Org) -> list[Recorded]:
    """Enter the tellers' count of the hall or of the paper ballots, for the voters not
    counted otherwise: for those presiding at the poll's session."""
    p = found(org.state().polls, poll, "poll")
    parts = {"yes": Fraction(body.yes), "no": Fraction(body.no),
             "abstain": Fraction(body.abstain)}
    return recorded(org.execute(presiding(login.member, p.session, lambda s: polls.count(
        s, poll, body.tellers, body.channel, parts, body.voters, delegation=body.delegation)),
        login.member))
