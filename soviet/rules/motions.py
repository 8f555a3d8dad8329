"""Motions and amendments: a voter present moves one on an agenda item; it is admitted once
``[debate].supporters`` others support it; the mover may withdraw it (its amendments lapse with
it) and the body may refer it elsewhere. An amendment is moved to a motion still before the
body, and is voted before it (see :mod:`soviet.rules.polls`). A motion to annul names a
decision of a body below, which the body may annul with the reason its motion gives; a motion
of no confidence names the office or executive it is against (see
:mod:`soviet.rules.executive`).
"""

from __future__ import annotations

from soviet.charter.vocabulary import DECISION_KINDS
from soviet.model.events import (
    DomainEvent,
    MotionAdmitted,
    MotionReferred,
    MotionSubmitted,
    MotionSupported,
    MotionWithdrawn,
)
from soviet.model.sessions import Motion
from soviet.model.state import State
from soviet.rules import executive
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.sessions import sitting
from soviet.rules.structure import live_body
from soviet.rules.voters import standing

RULE = "motions"


def find(state: State, motion: str) -> Motion:
    return known(state.motions, motion, RULE, "motion")


def fate(state: State, m: Motion) -> str:
    """What became of a motion no longer before the body, for a refusal to say."""
    if m.status == "withdrawn":
        return f"{m.id} was withdrawn"
    if m.status == "referred":
        return f"{m.id} was referred to {m.referred_to}"
    return f"{m.id} was {m.status} at event {m.decided}"


def below(state: State, body: str, above: str) -> bool:
    """Whether ``body`` is under ``above`` in the tree (at any depth)."""
    parent = state.bodies[body].parent
    while parent is not None:
        if parent == above:
            return True
        parent = state.bodies[parent].parent
    return False


def submit(state: State, session_id: str, item: str, mover: str, title: str, text: str,
           on: str, *, kind: str = "ordinary", amends: str | None = None,
           amended_text: str | None = None, annuls: str | None = None,
           against: str | None = None) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    if s.item(item) is None:
        raise Refusal(RULE, f"item {item} is not on the agenda of session {s.id}")
    why = standing(state, s, mover)
    if why is not None:
        raise Refusal(RULE, f"{why}: only those with a deciding vote move motions")
    if not title.strip() or not text.strip():
        raise Refusal(RULE, "a motion needs a title and a text")
    if amends is not None and annuls is not None:
        raise Refusal(RULE, "a motion either amends another or annuls a decision, not both")
    if amends is not None:
        target = find(state, amends)
        if target.session != s.id:
            raise Refusal(RULE, f"{target.id} is not before session {s.id}")
        if not target.pending:
            raise Refusal(RULE, f"{fate(state, target)}: there is nothing left to amend")
        kind = "amendment"
    elif amended_text is not None:
        raise Refusal(RULE, "only an amendment gives the amended text of a motion")
    if annuls is not None:
        target = find(state, annuls)
        if not target.in_force:
            raise Refusal(RULE, f"{target.id} is not a decision in force")
        if not below(state, target.body, s.body):
            raise Refusal(RULE, f"{state.bodies[target.body].name} is not below "
                          f"{state.bodies[s.body].name}: a body annuls the acts of the bodies "
                          "below it only")
        kind = "annulment"
    if against is not None:
        executive.target(state, s.body, against)
        kind = "no_confidence"
    if kind not in DECISION_KINDS:
        raise Refusal(RULE, f"{kind!r} is not a kind of decision: {', '.join(DECISION_KINDS)}")
    name = Ids(state).next("MO")
    events: list[DomainEvent] = [MotionSubmitted(
        motion=name, session=s.id, item=item, mover=mover, title=title, text=text, kind=kind,
        on=on, amends=amends, amended_text=amended_text, annuls=annuls, against=against)]
    if state.rules.debate.supporters == 0:
        events.append(MotionAdmitted(motion=name, supporters=0))
    return events


def support(state: State, motion: str, member: str) -> list[DomainEvent]:
    founded(state, RULE)
    m = find(state, motion)
    s = sitting(state, m.session, RULE)
    if m.status != "submitted":
        raise Refusal(RULE, f"{m.id} is {m.status}, not waiting for support")
    if member == m.mover or member in m.supporters:
        raise Refusal(RULE, f"{member} is already behind {m.id}")
    why = standing(state, s, member)
    if why is not None:
        raise Refusal(RULE, f"{why}: only those with a deciding vote support motions")
    events: list[DomainEvent] = [MotionSupported(motion=m.id, member=member)]
    need = state.rules.debate.supporters
    if len(m.supporters) + 1 >= need:
        events.append(MotionAdmitted(motion=m.id, supporters=len(m.supporters) + 1))
    return events


def _still_before(state: State, m: Motion) -> None:
    if not m.pending:
        raise Refusal(RULE, fate(state, m))
    voting = [p for p in m.polls if state.polls[p].is_open]
    if voting:
        raise Refusal(RULE, f"poll {voting[0]} on {m.id} is open")


def _lapsing(state: State, m: Motion) -> list[str]:
    """The amendments to ``m`` (and to them) still pending: they lapse with it."""
    out: list[str] = []
    for a in m.amendments:
        amendment = state.motions[a]
        if amendment.pending:
            out += [a, *_lapsing(state, amendment)]
    return out


def withdraw(state: State, motion: str, by: str, on: str) -> list[DomainEvent]:
    founded(state, RULE)
    m = find(state, motion)
    sitting(state, m.session, RULE)
    _still_before(state, m)
    if by != m.mover:
        raise Refusal(RULE, f"only the mover, {m.mover}, may withdraw {m.id}")
    return [MotionWithdrawn(motion=x, by=by, on=on) for x in [m.id, *_lapsing(state, m)]]


def refer(state: State, motion: str, to: str, on: str) -> list[DomainEvent]:
    """Send a motion (and its pending amendments) to another body instead of voting on it."""
    founded(state, RULE)
    m = find(state, motion)
    sitting(state, m.session, RULE)
    _still_before(state, m)
    body = live_body(state, to, RULE)
    return [MotionReferred(motion=x, to=body.id, on=on) for x in [m.id, *_lapsing(state, m)]]
