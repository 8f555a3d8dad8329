"""Credentials: the commission checks each person registered at a session of a council or the
congress against the ledger, and reports them admitted with a deciding vote (a live delegate
seat in the body, elected by whom and when), with a consultative vote (an alternate waiting
for a seat, an invited guest), or refused (a mandate recalled, resigned or run out, or none;
a term past its end refuses even before its expiry is recorded).
Reports are numbered: the first, then supplements for late arrivals. A delegate may contest
another's mandate; the body decides, and its decision is recorded. For an admitted delegate who
is absent, the commission seats the highest-ranked alternate of the delegation present.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from soviet.model.events import (
    AlternateSeated,
    CredentialsContested,
    CredentialsDecided,
    CredentialsReported,
    DomainEvent,
)
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.refusal import Refusal, founded
from soviet.rules.sessions import sitting
from soviet.rules.voters import (
    DELEGATE_BODIES,
    ended_words,
    lost_seat,
    seat,
    strengths,
    total,
)

RULE = "credentials"


def _delegate_session(state: State, session_id: str) -> Session:
    s = sitting(state, session_id, RULE)
    if state.bodies[s.body].kind not in DELEGATE_BODIES:
        raise Refusal(RULE, f"{state.bodies[s.body].name} is not a body of delegates: its "
                      "sessions check no credentials")
    return s


def report(state: State, session_id: str, on: str, *, guests: frozenset[str] = frozenset()
           ) -> list[DomainEvent]:
    """The commission's report on everyone registered and not yet reported on: the first
    report of the session, or a supplement."""
    founded(state, RULE)
    s = _delegate_session(state, session_id)
    c = s.credentials
    known = {*c.admitted, *c.consultative, *c.contested, *c.refused}
    new = [x for x in s.registered if x not in known]
    if not new:
        raise Refusal(RULE, f"everyone registered at session {s.id} has been reported on")
    admitted: dict[str, str] = {}
    consultative: dict[str, str] = {}
    refused: dict[str, str] = {}
    for member in new:
        mandate = seat(state, s, member)
        if mandate is not None and mandate.run_out(on):
            refused[member] = _term_over(state, mandate.id)
            continue
        if mandate is not None and state.members[member].in_good_standing(on):
            admitted[member] = mandate.id
            continue
        waiting = [m for m in (state.mandates[x] for x in state.held_by.get(member, ()))
                   if m.body == s.body and m.role == "alternate"]
        if waiting:
            a = min(waiting, key=lambda m: m.rank)
            consultative[member] = (f"alternate no. {a.rank} of "
                                    f"{state.bodies[a.electorate].name} ({a.id})")
        elif member in guests:
            consultative[member] = "invited guest"
        else:
            refused[member] = _why_refused(state, s, member)
    return [CredentialsReported(session=s.id, number=c.reports + 1, admitted=admitted,
                                consultative=consultative, contested={}, refused=refused,
                                on=on)]


def _term_over(state: State, mandate_id: str) -> str:
    """Why a mandate whose term has run out does not admit, though no one has recorded its
    expiry yet: the commission checks the term, not only the ledger's ending."""
    m = state.mandates[mandate_id]
    return (f"the term of mandate {m.id} from {state.bodies[m.electorate].name} ended on "
            f"{m.term_ends} (charter [representation].term = {state.rules.representation.term})")


def _why_refused(state: State, s: Session, member: str) -> str:
    body = state.bodies[s.body]
    last = lost_seat(state, body.id, member)
    if last is not None:
        return ended_words(state, last)
    if seat(state, s, member) is not None:
        return f"{member} is not a member in good standing"
    return f"holds no mandate in {body.name}"


def contest(state: State, session_id: str, member: str, by: str, grounds: str, on: str
            ) -> list[DomainEvent]:
    """A delegate with a deciding vote contests another's admitted mandate."""
    founded(state, RULE)
    s = _delegate_session(state, session_id)
    if by not in s.credentials.admitted:
        raise Refusal(RULE, f"{by} is not an admitted delegate: only delegates contest a "
                      "mandate")
    if member not in s.credentials.admitted:
        raise Refusal(RULE, f"{member} has no admitted mandate at session {s.id} to contest")
    if not grounds.strip():
        raise Refusal(RULE, "a contested mandate needs grounds")
    return [CredentialsContested(session=s.id, member=member, by=by, grounds=grounds, on=on)]


def decide(state: State, session_id: str, member: str, poll: str, reason: str, on: str
           ) -> list[DomainEvent]:
    """Record the body's decision on a contested mandate: the poll on admitting it, closed."""
    founded(state, RULE)
    s = _delegate_session(state, session_id)
    if member not in s.credentials.contested:
        raise Refusal(RULE, f"{member}'s mandate is not contested at session {s.id}")
    p = state.polls.get(poll)
    if p is None or p.session != s.id or p.outcome is None:
        raise Refusal(RULE, f"{poll} is not a closed poll of session {s.id}: the body decides "
                      "a contested mandate by a vote")
    mandate = seat(state, s, member)
    admitted = p.outcome.adopted and mandate is not None
    return [CredentialsDecided(session=s.id, member=member, admitted=admitted,
                               mandate=mandate.id if mandate is not None and admitted else "",
                               reason=reason, on=on, poll=poll)]


def seat_alternate(state: State, session_id: str, absent: str, on: str) -> list[DomainEvent]:
    """Seat, for the session, the highest-ranked alternate of ``absent``'s delegation who is
    present and not yet seated, in the place of ``absent``, a delegate not present."""
    founded(state, RULE)
    s = _delegate_session(state, session_id)
    mandate = state.seat_in(absent, s.body)
    if mandate is None:
        raise Refusal(RULE, f"{absent} holds no delegate seat in {state.bodies[s.body].name}")
    if absent in s.present:
        raise Refusal(RULE, f"{absent} is present")
    if absent in s.seated.values():
        raise Refusal(RULE, f"an alternate already sits in {absent}'s place")
    waiting = sorted((a for a in state.alternates(mandate.electorate, s.body)
                      if a.holder in s.present and a.holder not in s.seated),
                     key=lambda a: (a.rank, a.id))
    if not waiting:
        raise Refusal(RULE, f"no alternate of {state.bodies[mandate.electorate].name} is present "
                      "to take the place")
    first = waiting[0]
    return [AlternateSeated(session=s.id, alternate=first.holder, mandate=first.id,
                            absent=absent, on=on)]


@dataclass(frozen=True)
class Category:
    """One line of the credentials report: how many may attend in a category (None where
    the ledger sets no number), how many registered, how many attend now."""

    name: str
    authorised: int | None
    registered: int
    attending: int


def categories(state: State, session_id: str) -> tuple[list[Category], Fraction]:
    """The credentials report by category and the voting strength present, the base of a
    quorum counted in strength. Consultative votes are the commission's invited; alternates are
    the delegations' live alternates (seated or waiting); guests are the others registered."""
    s = state.sessions[session_id]
    c = s.credentials
    present = s.present
    seats, _ = total(state, s)
    alternates = {m.holder for x in state.in_body.get(s.body, ())
                  if (m := state.mandates[x]).role == "alternate" and m.live}
    deciding = set(c.admitted) | set(c.contested)
    consultative = set(c.consultative) - alternates
    registered = set(s.registered)
    guests = registered - deciding - consultative - alternates
    lines = [
        Category("delegates with a deciding vote", int(seats), len(deciding),
                 len(deciding & present)),
        Category("delegates with a consultative vote", None, len(consultative),
                 len(consultative & present)),
        Category("alternates", len(alternates), len(alternates & registered),
                 len(alternates & present)),
        Category("guests (no mandate, no vote)", None, len(guests), len(guests & present)),
    ]
    return lines, sum(strengths(state, s).values(), Fraction(0))
