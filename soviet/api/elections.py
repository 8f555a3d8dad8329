"""Mandates given and ended outside a session's floor: an electorate's election entered from
its ballots, counted by the charter's method; a mandate given up by its holder; terms ended;
and a recall vote's result entered. Entering a result is for those who administer the
electorate (:mod:`soviet.rules.roles`); giving up a mandate is its holder's own act."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.api.structure import Id, congress, known
from soviet.counting import Ballots
from soviet.counting.ballots import as_ballots
from soviet.counting.contest import candidate_index
from soviet.model.events import DomainEvent, SealedBallot
from soviet.model.state import State
from soviet.rules import elections, recall, terms
from soviet.rules.refusal import Refusal
from soviet.rules.roles import RULE
from soviet.service.organisation import Decision

router = APIRouter(tags=["elections"])

class Ranking(BaseModel):
    ranking: list[Id] = Field(max_length=1000, description="Candidates' ids, the most "
                              "preferred first.")
    count: int = Field(default=1, ge=1, le=10**9, description="How many voters cast it.")


class Election(BaseModel):
    body: Id = Field(description="The body it elects to.")
    candidates: list[Id] = Field(max_length=1000, description="The members who stand.")
    ballots: list[Ranking] | None = Field(default=None, max_length=100_000, description=(
        "The ballots as rankings; without them the candidates are elected unopposed, if there "
        "are no more of them than seats."))
    method: str | None = Field(default=None, max_length=100, description="The counting "
                               "method (default: the charter's for the body).")
    seats: int | None = Field(default=None, ge=1, le=10_000, description="Seats to fill "
                              "(default: every seat the electorate may fill now).")
    alternates: int | None = Field(default=None, ge=0, le=10_000, description="Ranked "
                                   "alternates (default: the charter's).")
    by_election: Id | None = Field(default=None, description="The pending by-election it "
                                   "fills (e.g. E3).")
    seed: int | None = Field(default=None, ge=0, le=2**32 - 1, description="The seed of any "
                             "lot drawn.")
    on: str | None = On


def profile(ballots: Sequence[Ranking], candidates: Sequence[str]) -> Ballots:
    """The rankings as ballots over ``candidates`` (each cast by ``count`` voters); a ranking
    of someone who does not stand, or of anyone twice, is a 422."""
    try:
        rows = [[candidate_index(candidates, x) for x in b.ranking] for b in ballots]
        return as_ballots(rows, candidates, [b.count for b in ballots])
    except ValueError as e:
        raise HTTPException(422, f"ballots: {e}") from None


@router.post("/bodies/{body}/elections", status_code=201)
def elect(body: str, spec: Election, login: Member, org: Org) -> list[Recorded]:
    """Enter the election held by this body (a unit, a council, the congress) to the body it
    elects to: the ballots are counted by the charter's method, the mandates granted and the
    alternates ranked. For those who administer the electorate, who answer for its vote."""
    when = day(spec.on)
    ballots = None if spec.ballots is None else profile(spec.ballots, spec.candidates)
    return recorded(org.execute(administering(
        login.member, known(body), f"entering an election to {spec.body}",
        lambda s: elections.elect(s, body, spec.body, spec.candidates, ballots, when,
                                  method=spec.method, seats=spec.seats,
                                  alternates=spec.alternates, election=spec.by_election,
                                  seed=spec.seed)), login.member))


@router.get("/elections/{election}")
def election_view(election: str, org: Org) -> dict[str, Any]:
    """An election held (method, seats, elected in order, ranked alternates, the seats it
    replaced), or a by-election called and not yet held."""
    state = org.state()
    held = state.elections.get(election)
    return dict(plain(held if held is not None
                      else found(state.by_elections, election, "election")))


@router.get("/mandates/{mandate}")
def mandate_view(mandate: str, org: Org) -> dict[str, Any]:
    """A mandate: its holder, body, electorate and election, the seat it is held through, its
    term, and how it ended if it has."""
    return dict(plain(found(org.state().mandates, mandate, "mandate")))


def holding(member: str, mandate: str, decide: Decision) -> Decision:
    """``decide``, refused unless ``member`` holds ``mandate`` in the state decided on."""
    def checked(state: State) -> Sequence[DomainEvent | SealedBallot]:
        holder = found(state.mandates, mandate, "mandate").holder
        if holder != member:
            raise Refusal(RULE, f"{member} does not hold mandate {mandate}: only its holder, "
                          f"{holder}, may give it up")
        return decide(state)
    return checked


@router.post("/mandates/{mandate}/resignation", status_code=201)
def resign(mandate: str, spec: Day, login: Member, org: Org) -> list[Recorded]:
    """Give up a mandate, in the caller's own name (membership stays); the seats held through
    it end too, and a substitute steps in or a by-election is called as the charter says."""
    when = day(spec.on)
    return recorded(org.execute(holding(login.member, mandate, lambda s: recall.resign(
        s, mandate, when)), login.member))


@router.post("/mandates/expire", status_code=201)
def expire(spec: Day, login: Member, org: Org) -> list[Recorded]:
    """End every mandate whose term is over by the day, with the seats held through it;
    nothing fills them before the next regular election. Terms run across the whole tree, so
    this is for those who administer the congress."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, congress, "ending terms",
        lambda s: terms.expire_terms(s, when)), login.member))


class RecallVote(BaseModel):
    yes: int = Field(ge=0, le=10**9)
    no: int = Field(ge=0, le=10**9)
    abstain: int = Field(default=0, ge=0, le=10**9)
    present: int | None = Field(default=None, ge=0, le=10**9, description="Members present, "
                                "where the charter's majority counts them (default: those "
                                "who voted).")
    on: str | None = On


def electorate_of(petition: str) -> Callable[[State], str]:
    """The body that gave the mandate ``petition`` would recall; a 404 if there is no such
    petition."""
    return lambda state: state.mandates[found(state.petitions, petition,
                                              "petition").mandate].electorate


@router.post("/petitions/{petition}/vote", status_code=201)
def recall_vote(petition: str, spec: RecallVote, login: Member, org: Org) -> list[Recorded]:
    """Enter the electorate's vote on a recall the petition called; if carried the mandate
    ends now, with its cascade. For those who administer the electorate."""
    when = day(spec.on)
    return recorded(org.execute(administering(
        login.member, electorate_of(petition), f"entering the vote on petition {petition}",
        lambda s: recall.vote_recall(s, petition, spec.yes, spec.no, spec.abstain, when,
                                     spec.present)), login.member))
