"""Who votes in a session of a body, with how many votes, and whether the body is quorate.

A base unit's assembly is its members in good standing, one vote each. A council or the
congress is its delegates with a live seat whose credentials the session admitted; a committee
(executive, control commission) is its sitting members. A delegate's votes are their share of
their delegation's strength as ``[convention]`` sets it: one per delegate, or the members the
delegation represents, capped, divided among its delegates present (the remainder to the
first-ranked present, by lot, or lost). Every figure is exact.

The membership is counted as :mod:`soviet.rules.strength` says and fixed when the session
opens; who shares it is recomputed at every vote: the delegates present, the alternates the
credentials commission seated for absent delegates, and absent delegates whose proxy someone
present holds.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Set
from dataclasses import dataclass
from fractions import Fraction

from soviet.charter.sections import Body as BodySection
from soviet.counting.motion import figure
from soviet.model.sessions import Session, Vote
from soviet.model.state import Mandate, State
from soviet.rules.refusal import Refusal
from soviet.rules.strength import basis, electorates

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
    """The live seat by which ``member`` votes in the session's body, if any: their delegate
    seat, or the alternate seat the credentials commission seated them on for the session."""
    own = state.seat_in(member, session.body)
    if own is not None or member not in session.seated:
        return own
    return next((m for x in sorted(state.held_by.get(member, ()))
                 if (m := state.mandates[x]).body == session.body and m.role == "alternate"),
                None)


def standing(state: State, session: Session, member: str) -> str | None:
    """Why ``member`` may not vote in the session now, or None if they may."""
    return admission(state, session, member)[0]


def admission(state: State, session: Session, member: str) -> tuple[str | None, Mandate | None]:
    """Why ``member`` may not vote now (None if they may), and the seat they vote by (None in a
    base unit's assembly, where membership is the seat)."""
    body = state.bodies[session.body]
    mandate = None
    if body.kind == "unit_assembly":
        m = state.members.get(member)
        day = on_day(session)
        if m is None or m.unit != body.id:
            return f"{member} is not a member of {body.name}", None
        if not m.in_good_standing(day):
            return f"{member} is not a member in good standing on {day}", None
    else:
        mandate = seat(state, session, member)
        if mandate is None:
            return _no_seat(state, session, member), None
        if mandate.role == "alternate" and session.seated[member] in session.present:
            return (f"{session.seated[member]}, whose place {member} took, is present again",
                    mandate)
        if (body.kind in DELEGATE_BODIES and member not in session.credentials.admitted
                and member not in session.seated):
            return (f"{member}'s credentials have not been admitted by the credentials "
                    f"commission of session {session.id}", mandate)
    if member not in session.present:
        return f"{member} is not registered as present at session {session.id}", mandate
    return None, mandate


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
    """The delegates one electorate sends to the body and the votes it carries, with how
    they were found: the membership counted (``basis``, ``how``), the cap, and the share of
    missing seats it loses."""

    electorate: str
    strength: Fraction
    seats: int
    elected: int
    basis: Fraction
    how: str
    capped: bool = False


def delegation(state: State, session: Session, electorate: str) -> Delegation:
    """The strength of ``electorate``'s delegation as ``[convention]`` sets it, on the figures
    fixed when the session opened (counted now for a session not yet open)."""
    conv = state.rules.convention
    body = session.body
    seats = _seats_of(state, body, electorate)
    elected = len(state.sent.get((electorate, body), ()))
    if conv.strength == "delegates":
        return Delegation(electorate, Fraction(elected), seats, elected, Fraction(elected),
                          "one vote per delegate")
    if electorate in session.basis:
        members, how = session.basis[electorate], session.basis_how
    else:
        how, figures = basis(state, body, on_day(session))
        members = figures.get(electorate, Fraction(0))
    strength = members
    capped = conv.strength_cap is not None and members > conv.strength_cap
    if conv.strength_cap is not None:
        strength = min(strength, Fraction(conv.strength_cap))
    if conv.missing_seats == "lose" and seats and elected < seats:
        strength = strength * elected / seats
    return Delegation(electorate, strength, seats, elected, members, how, capped)


def unused(state: State, session: Session, electorate: str, cast: Iterable[Vote]) -> Fraction:
    """What ``electorate``'s delegation has not cast yet in a poll where it cast ``cast``, so
    that delegates arriving or leaving during a poll never make it cast more than it carries."""
    whole = delegation(state, session, electorate).strength
    return max(whole - sum((v.strength for v in cast), Fraction(0)), Fraction(0))


def chair(state: State, session: Session, electorate: str) -> str | None:
    """The delegation's chair at the session: its first-ranked delegate voting in person."""
    mine = represented(state, session, delegates_of(state, session, electorate))
    present = [m for x, m in mine.items() if x in session.present]
    return min(present, key=lambda m: (m.role != "delegate", m.rank, m.id)).holder \
        if present else None


def _seats_of(state: State, body: str, electorate: str) -> int:
    a = state.apportionments.get(body)
    return a.seats.get(electorate, 0) if a is not None else 0


def represented(state: State, session: Session, among: Set[str] | None = None
                ) -> dict[str, Mandate]:
    """Who carries a share of a delegation's strength now, with the seat they carry it by:
    the voters present, and the absent delegates whose proxy someone present holds (only those
    ``among``, if given: one delegation's people, to weigh it without reading everyone)."""
    out: dict[str, Mandate] = {}
    for x in sorted(session.present if among is None else session.present & among):
        why, mandate = admission(state, session, x)
        if why is None and mandate is not None:
            out[x] = mandate
    for giver, holder in session.proxies.items():
        if among is not None and giver not in among:
            continue
        mandate = state.seat_in(giver, session.body)
        if (holder in session.present and mandate is not None
                and giver in session.credentials.admitted):
            out[giver] = mandate
    return out


def delegates_of(state: State, session: Session, electorate: str) -> frozenset[str]:
    """Everyone who may carry a share of ``electorate``'s delegation at the session: its
    sitting delegates and the alternates seated for them."""
    mine = {state.mandates[x].holder for x in state.sent.get((electorate, session.body), ())}
    seated = {a for a in session.seated
              if (m := seat(state, session, a)) is not None and m.electorate == electorate}
    return frozenset(mine | seated)


def strengths(state: State, session: Session, *, only: str | None = None
              ) -> dict[str, Fraction]:
    """The votes each voter present (or represented by a proxy) carries now (member ->
    votes); with ``only``, just those of that member's delegation (all a vote needs: a
    delegation's share does not depend on the others)."""
    if state.bodies[session.body].kind not in DELEGATE_BODIES:
        return {x: Fraction(1) for x in voters(state, session) if only in (None, x)}
    among = None
    if only is not None:
        mine = seat(state, session, only)
        if mine is None:
            return {}
        among = delegates_of(state, session, mine.electorate)
    carrying = represented(state, session, among)
    by_electorate: dict[str, list[Mandate]] = {}
    for m in carrying.values():
        by_electorate.setdefault(m.electorate, []).append(m)
    out: dict[str, Fraction] = {}
    for electorate, seated in by_electorate.items():
        if seated:
            d = delegation(state, session, electorate)
            out.update(_divided(state, session, d, seated))
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
    seats = Fraction(sum(a.seats.values())) if a is not None else Fraction(
        sum(1 for _ in state.sitting(body.id)))
    strength = sum((delegation(state, session, e).strength
                    for e in electorates(state, body.id)), Fraction(0))
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
