"""Who may do what through the web and the API, read from the ledger's state at the moment of
the request. There is no table of roles to fall out of date: a delegate recalled a second ago
cannot vote a second later, and an executive removed by no confidence stops presiding at once.

Voting and speaking are the rules' own business (a vote is refused by :mod:`soviet.rules.polls`
unless the voter may vote). What is decided here is who *presides* at a session — opens and
closes its polls, keeps its agenda and list of speakers, hands out login codes at the door:
the members of the executive the body elected (the outgoing executive opens a congress, as the
Central Executive Committee opened the Second Congress of Soviets).

Acts that are no session's business — a member admitted to a unit, an election's result or a
paid-up report entered, a case or an application filed — are recorded for a body by those who
*administer* it: who presides over it or over any body above it, since a higher body's decisions
bind every lower one and its executive answers for their being carried out.
"""

from __future__ import annotations

from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.refusal import Refusal

RULE = "roles"


def presidium(state: State, body: str) -> list[str]:
    """The executives elected by ``body``: those whose members preside at its sessions."""
    return sorted(b.id for b in state.bodies.values()
                  if b.kind == "executive" and b.parent == body and b.dissolved is None)


def presides_over(state: State, body: str, member: str) -> bool:
    """Whether ``member`` sits on an executive ``body`` elected (and so convenes and chairs
    its sessions)."""
    return any(state.seat_in(member, e) is not None for e in presidium(state, body))


def presides(state: State, session: Session, member: str) -> bool:
    return presides_over(state, session.body, member)


def must_preside(state: State, body: str, member: str, at: str) -> None:
    """Refuse unless ``member`` presides over ``body`` (``at``: what they meant to act in, for
    the refusal), saying who does."""
    if presides_over(state, body, member):
        return
    executives = presidium(state, body)
    whose = (f"the members of {', '.join(executives)}" if executives
             else f"nobody: {body} has elected no executive")
    raise Refusal(RULE, f"{member} does not preside at {at}; {whose} preside")


def above(state: State, body: str) -> list[str]:
    """``body`` and the bodies over it, nearest first, up to the top of the tree."""
    chain: list[str] = []
    at: str | None = body
    while at is not None and at in state.bodies and at not in chain:
        chain.append(at)
        at = state.bodies[at].parent
    return chain


def administers(state: State, body: str, member: str) -> bool:
    """Whether ``member`` presides over ``body`` or over a body above it."""
    return any(presides_over(state, b, member) for b in above(state, body))


def must_administer(state: State, body: str, member: str, at: str) -> None:
    """Refuse unless ``member`` administers ``body`` (``at``: what they meant to do), saying
    whose executives do."""
    if administers(state, body, member):
        return
    executives = [e for b in above(state, body) for e in presidium(state, b)]
    whose = (f"the members of {', '.join(executives)}" if executives
             else f"nobody: neither {body} nor a body above it has elected an executive")
    raise Refusal(RULE, f"{member} does not administer {body} for {at}; {whose} do")
