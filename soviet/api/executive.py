"""The executive besides its election: factions of delegates and their platforms, delegates
joining and leaving them, the executive elected from the factions' lists, offers of seats to a
minority faction and their answers, officers appointed to the charter's portfolios, their
resignation, and motions of no confidence (the rules of :mod:`soviet.rules.executive` and
:mod:`soviet.rules.list_elections`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from soviet.api.acting import On, Recorded, administering, day, recorded
from soviet.api.auth import Member
from soviet.api.belonging import checking, must_be, must_belong, must_sit
from soviet.api.convening import Day
from soviet.api.deps import Org
from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.rules import executive, motions
from soviet.rules.list_elections import elect_by_lists

router = APIRouter(tags=["executive"])

Id = Annotated[str, Field(max_length=100)]


class Faction(BaseModel):
    name: str = Field(max_length=200)
    platform: str = Field(max_length=20_000)
    members: list[Id] = Field(min_length=1, max_length=10_000,
                               description="The delegates belonging to it, the caller among "
                               "them.")
    on: str | None = On


@router.post("/bodies/{body}/factions", status_code=201)
def register(body: str, spec: Faction, login: Member, org: Org) -> list[Recorded]:
    """Register a faction of the body's delegates with its platform. Its delegates form it
    themselves, so the caller must be one of the members named; each delegate belongs to one
    faction."""
    decide = checking(lambda s: must_be(login.member, spec.members, "register this faction"),
                      lambda s: executive.register_faction(
                          s, found(s.bodies, body, "body").id, spec.name, spec.platform,
                          spec.members, day(spec.on)))
    return recorded(org.execute(decide, login.member))


@router.get("/bodies/{body}/factions")
def factions(body: str, org: Org) -> list[dict[str, Any]]:
    """The body's factions: name, platform, members, when registered."""
    state = org.state()
    found(state.bodies, body, "body")
    return [plain(f) for f in state.factions.values() if f.body == body]


@router.get("/factions/{faction}")
def faction(faction: str, org: Org) -> dict[str, Any]:
    return dict(plain(found(org.state().factions, faction, "faction")))


class Joining(BaseModel):
    member: Id = Field(description="The delegate joining: the caller.")
    on: str | None = On


@router.post("/factions/{faction}/members", status_code=201)
def join(faction: str, spec: Joining, login: Member, org: Org) -> list[Recorded]:
    """A delegate of the faction's body, of none of its factions yet, joins it (last on its
    list): only in their own name."""
    decide = checking(lambda s: must_be(login.member, [spec.member],
                                        f"put {spec.member} in {faction}"),
                      lambda s: executive.join_faction(
                          s, found(s.factions, faction, "faction").id, spec.member,
                          day(spec.on)))
    return recorded(org.execute(decide, login.member))


@router.delete("/factions/{faction}/members/{member}")
def leave(faction: str, member: str, login: Member, org: Org, on: str | None = None
          ) -> list[Recorded]:
    """The member leaves the faction (``?on=`` the day): only in their own name. The last to
    leave leaves it empty, not dissolved."""
    decide = checking(lambda s: must_be(login.member, [member],
                                        f"take {member} out of {faction}"),
                      lambda s: executive.leave_faction(
                          s, found(s.factions, faction, "faction").id, member, day(on)))
    return recorded(org.execute(decide, login.member))


class Lists(BaseModel):
    by: str = Field(max_length=100, description="The body that elects it (e.g. congress).")
    votes: dict[Id, Annotated[int, Field(ge=0, le=10**12)]] = Field(
        min_length=1, max_length=100, description="Votes for each faction's list: {faction: "
        "votes}.")
    on: str | None = On


@router.post("/bodies/{body}/list-elections", status_code=201)
def elect(body: str, spec: Lists, login: Member, org: Org) -> list[Recorded]:
    """Enter the result of electing the body (an executive) from the factions' lists, counted
    by the charter's list method: each list's seats go to its members in the order it
    registered them. For those who administer the electing body, who enter its elections'
    results."""
    return recorded(org.execute(administering(
        login.member, spec.by, f"electing {body}",
        lambda s: elect_by_lists(s, spec.by, found(s.bodies, body, "body").id, spec.votes,
                                 day(spec.on))), login.member))


class Offering(BaseModel):
    by: str = Field(max_length=100, description="The faction making the offer (the caller's).")
    to: str = Field(max_length=100, description="The faction offered seats.")
    seats: int = Field(ge=1, le=10_000)
    condition: str = Field(max_length=5000, description="The condition, as it is to stand in "
                           "the record.")
    programme: str | None = Field(default=None, max_length=100, description="The programme to "
                                  "accept: a decision in force of the electing body.")
    on: str | None = On


@router.post("/bodies/{body}/offers", status_code=201)
def offer(body: str, spec: Offering, login: Member, org: Org) -> list[Recorded]:
    """Offer a minority faction seats in the executive, on a condition: made by a member of
    the offering faction, in its name."""
    decide = checking(lambda s: must_belong(s, spec.by, login.member, "an offer in its name"),
                      lambda s: executive.offer_coalition(
                          s, found(s.bodies, body, "body").id, spec.by, spec.to, spec.seats,
                          spec.condition, day(spec.on), programme=spec.programme))
    return recorded(org.execute(decide, login.member))


@router.get("/offers")
def offers(org: Org) -> list[dict[str, Any]]:
    """Every offer of seats, with its answer (``accepted`` null until the faction answers)."""
    return [plain(o) for o in org.state().offers.values()]


@router.get("/offers/{offer}")
def offer_view(offer: str, org: Org) -> dict[str, Any]:
    return dict(plain(found(org.state().offers, offer, "offer")))


class Answer(BaseModel):
    accepted: bool
    statement: str = Field(max_length=5000, description="The faction's statement, for the "
                           "record.")
    on: str | None = On


@router.post("/offers/{offer}/answer", status_code=201)
def answer(offer: str, spec: Answer, login: Member, org: Org) -> list[Recorded]:
    """The answer of the faction offered seats (once): given by one of its members."""
    decide = checking(lambda s: must_belong(s, found(s.offers, offer, "offer").faction,
                                            login.member, "its answer"),
                      lambda s: executive.answer_offer(s, offer, spec.accepted, spec.statement,
                                                       day(spec.on)))
    return recorded(org.execute(decide, login.member))


class Appointment(BaseModel):
    holder: str = Field(max_length=100, description="The member appointed.")
    portfolio: str = Field(max_length=200, description="One of the charter's "
                           "[officers].portfolios.")
    decision: str | None = Field(default=None, max_length=100, description="The executive's "
                                 "decision appointing them (e.g. MO4).")
    on: str | None = On


@router.post("/bodies/{body}/offices", status_code=201)
def appoint(body: str, spec: Appointment, login: Member, org: Org) -> list[Recorded]:
    """Appoint an officer to a portfolio no one holds: for the members of the executive, which
    appoints its officers."""
    decide = checking(lambda s: must_sit(s, body, login.member, "appointing its officers"),
                      lambda s: executive.appoint(s, body, spec.holder, spec.portfolio,
                                                  day(spec.on), decision=spec.decision))
    return recorded(org.execute(decide, login.member))


@router.get("/offices")
def offices(org: Org, executive: str | None = None) -> list[dict[str, Any]]:
    """Every office, held or ended (``ended``: the event that ended it, and ``reason``); only
    one executive's with ``?executive=``."""
    return [plain(o) for o in org.state().offices.values() if executive in (None, o.executive)]


@router.get("/offices/{office}")
def office(office: str, org: Org) -> dict[str, Any]:
    return dict(plain(found(org.state().offices, office, "office")))


@router.post("/offices/{office}/resignation", status_code=201)
def resign(office: str, spec: Day, login: Member, org: Org) -> list[Recorded]:
    """The officer resigns the office: only its holder."""
    decide = checking(lambda s: must_be(login.member, [found(s.offices, office, "office").holder],
                                        f"resign {office}"),
                      lambda s: executive.resign(s, office, day(spec.on)))
    return recorded(org.execute(decide, login.member))


class NoConfidence(BaseModel):
    item: str = Field(max_length=100)
    against: str = Field(max_length=100, description="The office (e.g. OF1) or the executive "
                         "(e.g. exec).")
    title: str = Field(max_length=500)
    text: str = Field(max_length=50_000)
    on: str | None = On


@router.post("/sessions/{session}/no-confidence", status_code=201)
def no_confidence(session: str, spec: NoConfidence, login: Member, org: Org
                  ) -> list[Recorded]:
    """Move a motion of no confidence in an officer or in an executive, in the caller's name,
    at a session of the body that chose them. Adopted, it ends the office, or every seat and
    office of the executive, whose seats go to a by-election."""
    return recorded(org.execute(lambda s: motions.submit(
        s, session, spec.item, login.member, spec.title, spec.text, day(spec.on),
        against=spec.against), login.member))
