"""Who votes in a session of a body, with how many votes, and whether the body is quorate.

A base unit's assembly is its members in good standing, one vote each. A council or the
congress is its delegates with a live seat whose credentials the session admitted; a committee
(executive, control commission) is its sitting members. A delegate's votes are their share of
their delegation's strength as ``[convention]`` sets it: one per delegate, or the members the
delegation represents, capped, divided among its delegates present (the remainder to the
first-ranked present, by lot, or lost). Every figure is exact.

``members-at-date`` counts the members the delegation represents as the state holds them when
the figure is asked for, not at ``members_counted_before`` the session: the state keeps no
history of unit sizes by day yet. ``paid-up-average`` needs dues records the ledger does not
keep yet, and is refused with its clause.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from soviet.charter.sections import Body as BodySection
from soviet.counting.motion import figure
from soviet.model.sessions import Session, Vote
from soviet.model.state import Mandate, State
from soviet.rules.apportionment import basis_of
from soviet.rules.refusal import Refusal

DELEGATE_BODIES = ("council", "congress")
"""Bodies of delegates elected from below: their sessions check credentials."""


def section(state: State, session: Session) -> tuple[str, BodySection]:
    """The charter section of the session's kind of body, and its name for citing."""
    kind = state.bodies[session.body].kind
    return kind, state.rules.body(kind)  # type: ignore[arg-type]


def on_day(session: Session) -> str:
    """The day a session's figures are taken on: the day it opened (or is to open)."""
    return session.opened or session.opens


def seat(state: State, session: Session, member: str) -> Mandate | None:
    """The live delegate seat by which ``member`` votes in the session's body, if any."""
    return state.seat_in(member, session.body)


def standing(state: State, session: Session, member: str) -> str | None:
    """Why ``member`` may not vote in the session now, or None if they may."""
    body = state.bodies[session.body]
    m = state.members.get(member)
    day = on_day(session)
    if body.kind == "unit_assembly":
        if m is None or m.unit != body.id:
            return f"{member} is not a member of {body.name}"
        if not m.in_good_standing(day):
            return f"{member} is not a member in good standing on {day}"
    else:
        mandate = seat(state, session, member)
        if mandate is None:
            return _no_seat(state, session, member)
        if body.kind in DELEGATE_BODIES and member not in session.credentials.admitted:
            return (f"{member}'s credentials have not been admitted by the credentials "
                    f"commission of session {session.id}")
    if member not in session.present:
        return f"{member} is not registered as present at session {session.id}"
    return None


def lost_seat(state: State, body: str, member: str) -> Mandate | None:
    """The delegate seat ``member`` last held in ``body`` and no longer holds, if any."""
    ended = [m for m in (state.mandates[x] for x in state.in_body.get(body, ()))
             if m.holder == member and m.role == "delegate" and m.ended is not None]
    return max(ended, key=lambda m: m.ended.seq if m.ended else 0, default=None)


def ended_words(state: State, m: Mandate) -> str:
    """``mandate M5 from North ended on 2026-03-02 (recalled, event 431)``."""
    assert m.ended is not None
    return (f"mandate {m.id} from {state.bodies[m.electorate].name} ended on {m.ended.on} "
            f"({m.ended.reason}, event {m.ended.seq})")


def _no_seat(state: State, session: Session, member: str) -> str:
    """The reason someone without a live seat cannot vote: the seat they had, if any."""
    body = state.bodies[session.body]
    last = lost_seat(state, body.id, member)
    if last is not None:
        return f"{member}'s {ended_words(state, last)}: only sitting delegates vote"
    return f"{member} holds no seat in {body.name}"


def voters(state: State, session: Session) -> list[str]:
    """Those who may vote in the session now, in the order they registered."""
    return [x for x in session.registered if standing(state, session, x) is None]


@dataclass(frozen=True)
class Delegation:
    """The delegates one electorate sends to the body, and the votes it carries."""

    electorate: str
    strength: Fraction
    seats: int
    elected: int


def delegation(state: State, session: Session, electorate: str) -> Delegation:
    """The strength of ``electorate``'s delegation as ``[convention]`` sets it."""
    conv = state.rules.convention
    body = session.body
    seats = _seats_of(state, body, electorate)
    elected = sum(1 for m in state.sitting(body) if m.electorate == electorate)
    if conv.strength == "delegates":
        return Delegation(electorate, Fraction(elected), seats, elected)
    if conv.strength == "paid-up-average":
        raise Refusal("voting strength", "the paid-up membership records this strength is "
                      "averaged from are not kept yet: set members-at-date",
                      state.rules.cite("convention.strength"))
    members = Fraction(basis_of(state, electorate, "members"))
    if conv.strength_cap is not None:
        members = min(members, Fraction(conv.strength_cap))
    if conv.missing_seats == "lose" and seats and elected < seats:
        members = members * elected / seats
    return Delegation(electorate, members, seats, elected)


def unused(state: State, session: Session, cast: Mapping[str, Vote], voter: str) -> Fraction:
    """What ``voter``'s delegation still has to cast in a poll where ``cast`` have voted: its
    strength less what its delegates cast already, so that delegates arriving or leaving in
    the middle of a poll never make a delegation cast more than it carries."""
    mine = seat(state, session, voter)
    if (mine is None or state.bodies[session.body].kind not in DELEGATE_BODIES
            or state.rules.convention.strength == "delegates"):
        return Fraction(1)
    whole = delegation(state, session, mine.electorate).strength
    done = sum((v.strength for x, v in cast.items()
                if (m := lost_or_live_seat(state, session.body, x)) is not None
                and m.electorate == mine.electorate), Fraction(0))
    return max(whole - done, Fraction(0))


def lost_or_live_seat(state: State, body: str, member: str) -> Mandate | None:
    """The seat ``member`` holds in ``body``, or the one they last held."""
    return state.seat_in(member, body) or lost_seat(state, body, member)


def _seats_of(state: State, body: str, electorate: str) -> int:
    a = state.apportionments.get(body)
    return a.seats.get(electorate, 0) if a is not None else 0


def strengths(state: State, session: Session, *, only: str | None = None
              ) -> dict[str, Fraction]:
    """The votes each voter present carries now (member -> votes); with ``only``, just those
    of that voter's delegation (all a vote needs: a delegation's share does not depend on the
    others)."""
    present = voters(state, session)
    if state.bodies[session.body].kind not in DELEGATE_BODIES:
        return {x: Fraction(1) for x in present if only in (None, x)}
    by_electorate: dict[str, list[Mandate]] = {}
    for x in present:
        mandate = seat(state, session, x)
        assert mandate is not None
        by_electorate.setdefault(mandate.electorate, []).append(mandate)
    if only is not None:
        mine = seat(state, session, only)
        by_electorate = {} if mine is None else {
            mine.electorate: by_electorate.get(mine.electorate, [])}
    out: dict[str, Fraction] = {}
    for electorate, seated in by_electorate.items():
        if seated:
            out.update(_divided(state, session, delegation(state, session, electorate), seated))
    return out


def _divided(state: State, session: Session, d: Delegation, present: list[Mandate]
             ) -> dict[str, Fraction]:
    """A delegation's strength among its delegates present, as ``[convention]`` divides it."""
    conv = state.rules.convention
    present = sorted(present, key=lambda m: (m.rank, m.id))
    if conv.strength == "delegates":
        return {m.holder: Fraction(1) for m in present}
    if conv.division == "chair":
        return {m.holder: (d.strength if i == 0 else Fraction(0))
                for i, m in enumerate(present)}
    share, rest = divmod(d.strength, len(present))
    out = {m.holder: Fraction(share) for m in present}
    if rest and conv.remainder == "chair":
        out[present[0].holder] += rest
    elif rest and conv.remainder == "lot":  # drawn once a session: the same draw each time
        lucky = random.Random(f"{session.id}:{d.electorate}").choice(present)
        out[lucky.holder] += rest
    return out


def total(state: State, session: Session) -> tuple[Fraction, Fraction]:
    """The body's whole size as the quorum and "of all seats" majorities count it: in seats
    (heads) and in voting strength."""
    body = state.bodies[session.body]
    day = on_day(session)
    if body.kind == "unit_assembly":
        n = Fraction(state.members_in_good_standing(body.id, day))
        return n, n
    if body.kind not in DELEGATE_BODIES:
        n = Fraction(sum(1 for _ in state.sitting(body.id)))
        return n, n
    a = state.apportionments.get(body.id)
    electorates = set(a.seats) if a is not None else {m.electorate for m in
                                                      state.sitting(body.id)}
    seats = Fraction(sum(a.seats.values())) if a is not None else Fraction(
        sum(1 for _ in state.sitting(body.id)))
    strength = sum((delegation(state, session, e).strength for e in sorted(electorates)),
                   Fraction(0))
    if state.rules.convention.strength == "delegates":
        strength = seats
    return seats, strength


def quorum(state: State, session: Session) -> None:
    """Refuse unless those present make the charter's quorum of the body."""
    kind, rules = section(state, session)
    present = strengths(state, session)
    seats, strength = total(state, session)
    if rules.quorum_base == "strength":
        have, of, word = sum(present.values(), Fraction(0)), strength, "votes"
    else:
        have, of, word = Fraction(len(present)), seats, "seats"
    need = rules.quorum * of
    if have < need or have == 0:
        raise Refusal("quorum", f"{figure(have)} of {figure(of)} {word} present, "
                      f"{figure(need)} needed", state.rules.cite(f"{kind}.quorum"))
