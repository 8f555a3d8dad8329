"""The executive between its elections: delegates register factions with a platform, and join
or leave them later; the majority may offer the minority seats on the condition that it
accepts the programme the body adopted, and the offer and its answer are recorded; the
executive appoints officers to the charter's ``[officers].portfolios``; an officer may resign;
and a motion of no confidence in the body that chose them removes an officer, or the whole
executive (its members and candidate members), whose seats are then put to a by-election of
the body that elects it.
"""

from __future__ import annotations

from soviet.model.events import (
    CoalitionAnswered,
    CoalitionOffered,
    DomainEvent,
    FactionJoined,
    FactionLeft,
    FactionRegistered,
    OfficeEnded,
    OfficerAppointed,
)
from soviet.model.sessions import Motion
from soviet.model.state import Body, State
from soviet.rules.mandates import Ids, end_mandates
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.structure import live_body

RULE = "executive"


def register_faction(state: State, body: str, name: str, platform: str, members: list[str],
                     on: str) -> list[DomainEvent]:
    """A group of delegates sitting in ``body`` registers with its platform."""
    founded(state, RULE)
    b = live_body(state, body, RULE)
    if not members or not platform.strip() or not name.strip():
        raise Refusal(RULE, "a faction needs a name, a platform and its members")
    if any(f.name == name for f in state.factions.values() if f.body == b.id):
        raise Refusal(RULE, f"{b.name} already has a faction named {name}")
    free_delegates(state, b, members)
    return [FactionRegistered(faction=Ids(state).next("F"), body=b.id, name=name,
                              platform=platform, members=list(members), on=on)]


def free_delegates(state: State, body: Body, members: list[str]) -> None:
    """Refuse any of ``members`` who does not sit in ``body`` or already belongs to one of its
    factions: a faction is of a body's delegates, and a delegate is of one faction."""
    for x in members:
        if state.seat_in(x, body.id) is None:
            raise Refusal(RULE, f"{x} does not sit in {body.name}: a faction is of its delegates")
    taken = {x: f for f in state.factions.values() if f.body == body.id for x in f.members}
    for x in members:
        if x in taken:
            raise Refusal(RULE, f"{x} already belongs to the faction {taken[x].name}")


def join_faction(state: State, faction: str, member: str, on: str) -> list[DomainEvent]:
    """A delegate of the faction's body, of no faction of it yet, joins ``faction``; they stand
    last on its list."""
    founded(state, RULE)
    f = known(state.factions, faction, RULE, "faction")
    free_delegates(state, live_body(state, f.body, RULE), [member])
    return [FactionJoined(faction=f.id, member=member, on=on)]


def leave_faction(state: State, faction: str, member: str, on: str) -> list[DomainEvent]:
    """A member leaves ``faction``, seat or no seat. The last to leave leaves it empty, not
    dissolved: its name, platform and the offers made to it stay on record, and delegates may
    join it again."""
    founded(state, RULE)
    f = known(state.factions, faction, RULE, "faction")
    if member not in f.members:
        raise Refusal(RULE, f"{member} does not belong to the faction {f.name}")
    return [FactionLeft(faction=f.id, member=member, on=on)]


def offer_coalition(state: State, executive: str, by: str, faction: str, seats: int,
                    condition: str, on: str, *, programme: str | None = None
                    ) -> list[DomainEvent]:
    """The majority faction ``by`` offers ``faction`` seats in ``executive``."""
    founded(state, RULE)
    e = live_body(state, executive, RULE)
    if e.kind != "executive":
        raise Refusal(RULE, f"{e.name} is not an executive")
    for f in (by, faction):
        if f not in state.factions or state.factions[f].body != e.parent:
            raise Refusal(RULE, f"{f} is not a faction of the body that elects {e.name}")
    if by == faction:
        raise Refusal(RULE, "a faction makes an offer to another")
    if seats < 1 or not condition.strip():
        raise Refusal(RULE, "an offer names its seats and its condition")
    if programme is not None:
        p = state.motions.get(programme)
        if p is None or not p.in_force or p.body != e.parent:
            raise Refusal(RULE, f"{programme} is not a decision in force of the electing body")
    return [CoalitionOffered(offer=Ids(state).next("CO"), executive=e.id, by=by,
                             faction=faction, seats=seats, condition=condition, on=on,
                             programme=programme)]


def answer_offer(state: State, offer: str, accepted: bool, statement: str, on: str
                 ) -> list[DomainEvent]:
    founded(state, RULE)
    o = state.offers.get(offer)
    if o is None:
        raise Refusal(RULE, f"there is no offer {offer!r}")
    if o.accepted is not None:
        raise Refusal(RULE, f"offer {o.id} was already {'accepted' if o.accepted else 'declined'}")
    return [CoalitionAnswered(offer=o.id, accepted=accepted, statement=statement, on=on)]


def appoint(state: State, executive: str, holder: str, portfolio: str, on: str, *,
            decision: str | None = None) -> list[DomainEvent]:
    """The executive appoints ``holder`` to a free portfolio of the charter's list."""
    founded(state, RULE)
    e = live_body(state, executive, RULE)
    officers = state.rules.officers
    if officers is None:
        raise Refusal(RULE, "the charter provides no officers")
    clause = state.rules.cite("officers.appointed_by")
    if e.kind != officers.appointed_by:
        raise Refusal(RULE, f"{e.name} does not appoint the officers", clause)
    if portfolio not in officers.portfolios:
        raise Refusal(RULE, f"{portfolio!r} is not a portfolio of the charter",
                      state.rules.cite("officers.portfolios"))
    held = [o for o in state.offices.values()
            if o.portfolio == portfolio and o.executive == e.id and o.ended is None]
    if held:
        raise Refusal(RULE, f"{held[0].holder} holds {portfolio} ({held[0].id})")
    m = state.members.get(holder)
    if m is None or not m.in_good_standing(on):
        raise Refusal(RULE, f"{holder} is not a member in good standing on {on}")
    if decision is not None:
        d = state.motions.get(decision)
        if d is None or not d.in_force or d.body != e.id:
            raise Refusal(RULE, f"{decision} is not a decision in force of {e.name}")
    return [OfficerAppointed(office=Ids(state).next("OF"), executive=e.id, holder=holder,
                             portfolio=portfolio, on=on, decision=decision)]


def resign(state: State, office: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    o = state.offices.get(office)
    if o is None or o.ended is not None:
        raise Refusal(RULE, f"{office} is not an office held now")
    return [OfficeEnded(office=o.id, reason="resigned", on=on)]


def target(state: State, session_body: str, against: str) -> None:
    """Refuse a motion of no confidence against anything but an office held under the
    session's body, or an executive the session's body elects."""
    o = state.offices.get(against)
    if o is not None:
        if o.ended is not None:
            raise Refusal(RULE, f"office {o.id} has already ended")
        if o.executive != session_body:
            raise Refusal(RULE, f"{o.portfolio} ({o.id}) answers to {o.executive}: no "
                          "confidence is voted by the body that appointed the officer")
        return
    b = state.bodies.get(against)
    if b is None or b.kind != "executive":
        raise Refusal(RULE, f"{against} is neither an office nor an executive")
    if b.parent != session_body:
        raise Refusal(RULE, f"{b.name} is elected by {b.parent}: no confidence is voted by the "
                      "body that elected it")


def no_confidence(state: State, motion: Motion, on: str, ids: Ids) -> list[DomainEvent]:
    """What an adopted motion of no confidence does: the office ends; or every member and
    candidate member of the executive leaves it, its officers with it, and a by-election of
    the electing body is called for its seats."""
    assert motion.against is not None
    if motion.against in state.offices:
        return [OfficeEnded(office=motion.against, reason="no-confidence", on=on,
                            decision=motion.id)]
    executive = motion.against
    offices: list[DomainEvent] = [
        OfficeEnded(office=o.id, reason="no-confidence in the executive", on=on,
                    decision=motion.id)
        for o in state.offices.values() if o.executive == executive and o.ended is None]
    members = sorted(x for x in state.in_body.get(executive, ())
                     if state.mandates[x].ended is None)
    return [*offices, *end_mandates(state, members, "no-confidence", on, ids=ids)]
