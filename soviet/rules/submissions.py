"""Motions from below. A base unit or council sends a motion to a session of a body above it,
on a decision of its own in force, by ``[convention].motion_deadline`` before the session opens
(not set: until it opens). The standing-orders committee merges motions on one subject into a
composite that names the originals it replaces and, for each, whether the body that sent it
consented or the committee decided without that consent. A delegate of a body that sent it
moves a submission or composite as a motion of the session (see :mod:`soviet.rules.motions`),
or the session refers it back. The bodies that sent it follow what became of it (``fate``);
once adopted it is a directive to every body below (see :mod:`soviet.rules.decisions`).
"""

from __future__ import annotations

from datetime import date

from soviet.model.events import (
    CompositeDrafted,
    DomainEvent,
    MotionForwarded,
    MotionSubmitted,
    SubmissionMoved,
    SubmissionReferredBack,
)
from soviet.model.sessions import Session
from soviet.model.state import Mandate, State
from soviet.model.submissions import CONSENTS, Submission
from soviet.rules import motions
from soviet.rules.convocation import session as find_session
from soviet.rules.mandates import Ids
from soviet.rules.refusal import Refusal, founded, known
from soviet.rules.sessions import sitting
from soviet.rules.structure import live_body

RULE = "submissions"
DEADLINE = "convention.motion_deadline"


def find(state: State, submission: str) -> Submission:
    return known(state.submissions, submission, RULE, "submission")


def due(state: State, s: Session) -> str:
    """The last day a motion from below may reach ``s``: ``[convention].motion_deadline``
    before it opens, or the opening day if the charter sets no deadline."""
    deadline = state.rules.convention.motion_deadline
    if deadline is None:
        return s.opens
    return deadline.before(date.fromisoformat(s.opens)).isoformat()


def forward(state: State, session_id: str, from_body: str, decision: str, on: str, *,
            title: str | None = None, text: str | None = None) -> list[DomainEvent]:
    """``from_body`` sends its decision ``decision`` up to ``session_id`` as a motion: by
    default with the decision's title and its wording as amended."""
    founded(state, RULE)
    s = find_session(state, session_id, RULE)
    clause = (state.rules.cite(DEADLINE)
              if state.rules.convention.motion_deadline is not None else None)
    if s.opened is not None:
        raise Refusal(RULE, f"session {s.id} opened on {s.opened}: motions from below reach "
                      "it before it opens", clause)
    last = due(state, s)
    if on > last:
        raise Refusal(RULE, f"motions to session {s.id} (opening {s.opens}) were due by "
                      f"{last}, not {on}", clause)
    b = live_body(state, from_body, RULE)
    above = state.bodies[s.body]
    if not motions.below(state, b.id, above.id):
        raise Refusal(RULE, f"{b.name} is not below {above.name}: a body sends motions to "
                      "the bodies above it")
    m = state.motions.get(decision)
    if m is None or m.body != b.id:
        raise Refusal(RULE, f"{decision} is not a decision of {b.name}: a motion from below "
                      "carries the decision of the body that sends it")
    if not m.in_force:
        why = (f"{m.id} was annulled by {m.annulled.by}" if m.annulled is not None
               else f"{m.id} is {m.status}")
        raise Refusal(RULE, f"{why}: only a decision in force of {b.name} is sent up")
    if m.amends is not None:
        raise Refusal(RULE, f"{m.id} amends {m.amends}: send up the decision it amended")
    sent = [x.id for x in state.submissions.values()
            if x.session == s.id and x.decision == m.id]
    if sent:
        raise Refusal(RULE, f"{m.id} was already sent to session {s.id} as {sent[0]}")
    title = m.title if title is None else title
    text = m.wording if text is None else text
    if not title.strip() or not text.strip():
        raise Refusal(RULE, "a motion needs a title and a text")
    assert m.decided is not None  # an adopted motion was decided by its poll
    return [MotionForwarded(submission=Ids(state).next("SU"), session=s.id, from_body=b.id,
                            decision=m.id, decision_seq=m.decided, title=title, text=text,
                            on=on)]


def composite(state: State, session_id: str, title: str, text: str, replaces: list[str],
              consent: dict[str, str], by: list[str], on: str) -> list[DomainEvent]:
    """The standing-orders committee (``by``, its members) merges two or more motions sent
    up to the same session into one; ``consent`` gives, for each original, ``consented`` or
    ``committee`` (the committee's decision without that body's consent)."""
    founded(state, RULE)
    s = find_session(state, session_id, RULE)
    if s.closed is not None:
        raise Refusal(RULE, f"session {s.id} closed on {s.closed}")
    if len(set(replaces)) < 2:
        raise Refusal(RULE, "a composite replaces two or more motions sent up to the session, "
                      f"and names them: {len(set(replaces))} named")
    if len(set(replaces)) != len(replaces):
        raise Refusal(RULE, "each original is named once")
    for x in replaces:
        original = find(state, x)
        if original.session != s.id:
            raise Refusal(RULE, f"{x} was sent to session {original.session}, not {s.id}")
        if original.composite:
            raise Refusal(RULE, f"{x} is itself a composite: redraft from its originals")
        if not original.pending:
            raise Refusal(RULE, f"{x} is no longer pending: {fate(state, x)}")
    unanswered = [x for x in replaces if x not in consent]
    if unanswered:
        raise Refusal(RULE, f"no consent given for {', '.join(unanswered)}: each original's "
                      "body consents, or the committee decides without it")
    for x, word in consent.items():
        if x not in replaces:
            raise Refusal(RULE, f"{x} is not one of the originals this composite replaces")
        if word not in CONSENTS:
            raise Refusal(RULE, f"{word!r} for {x}: the consent is {' or '.join(CONSENTS)}")
    if not by:
        raise Refusal(RULE, "a composite names the members of the committee that drafted it")
    strangers = [x for x in by if x not in state.members]
    if strangers:
        raise Refusal(RULE, "the committee's members are members of the organisation; not "
                      f"known: {', '.join(strangers)}")
    if not title.strip() or not text.strip():
        raise Refusal(RULE, "a composite needs a title and a text")
    return [CompositeDrafted(composite=Ids(state).next("CP"), session=s.id, title=title,
                             text=text, replaces=list(replaces), consent=dict(consent),
                             by=list(by), on=on)]


def senders(state: State, sub: Submission) -> list[str]:
    """The bodies that sent a submission up: its own, or those of a composite's originals."""
    if sub.from_body is not None:
        return [sub.from_body]
    return [b for x in sub.replaces for b in senders(state, state.submissions[x])]


def _speaks_for(state: State, seat: Mandate, bodies: list[str]) -> bool:
    """Whether ``seat`` was given by one of ``bodies``, directly or down its chain of seats
    (a unit's delegate to the council who sits in the congress for the council)."""
    walk: Mandate | None = seat
    while walk is not None:
        if walk.electorate in bodies:
            return True
        walk = state.mandates[walk.through] if walk.through is not None else None
    return False


def move(state: State, submission: str, item: str, mover: str, on: str) -> list[DomainEvent]:
    """Put a submission (or composite) before its session as a motion on ``item``, moved by a
    delegate of a body that sent it."""
    founded(state, RULE)
    sub = find(state, submission)
    if not sub.pending:
        raise Refusal(RULE, f"{sub.id} is no longer pending: {fate(state, sub.id)}")
    events = motions.submit(state, sub.session, item, mover, sub.title, sub.text, on)
    s = state.sessions[sub.session]
    bodies = senders(state, sub)
    seat = state.seat_in(mover, s.body)
    if seat is None or not _speaks_for(state, seat, bodies):
        names = " or ".join(state.bodies[b].name for b in dict.fromkeys(bodies))
        raise Refusal(RULE, f"{mover} is not a delegate of {names}: a motion from below is "
                      "moved by a delegate of a body that sent it")
    moved = events[0]
    assert isinstance(moved, MotionSubmitted)
    return [*events, SubmissionMoved(submission=sub.id, motion=moved.motion)]


def refer_back(state: State, submission: str, reason: str, on: str) -> list[DomainEvent]:
    """The sitting session sends a submission (or composite) back unheard, with its reason."""
    founded(state, RULE)
    sub = find(state, submission)
    sitting(state, sub.session, RULE)
    if not sub.pending:
        raise Refusal(RULE, f"{sub.id} is no longer pending: {fate(state, sub.id)}")
    if not reason.strip():
        raise Refusal(RULE, "a motion is referred back with the reason")
    return [SubmissionReferredBack(submission=sub.id, reason=reason, on=on)]


def fate(state: State, submission: str) -> str:
    """What became of a submission, as the body that sent it reads it: merged into a
    composite (and what became of that), moved as a motion (and how it was decided), referred
    back with the reason, or still before the session."""
    sub = find(state, submission)
    steps: list[str] = []
    while sub.composited is not None:
        into = state.submissions[sub.composited]
        steps.append(f"composited into {into.id} {CONSENTS[into.consent[sub.id]]}")
        sub = into
    name = f"{sub.id} " if steps else ""  # the composite's fate is now the original's
    if sub.referred_back is not None:
        steps.append(f"{name}referred back on {sub.referred_back.on}: "
                     f"{sub.referred_back.reason}")
    elif sub.motion is not None:
        steps.append(f"{name}moved as {sub.motion}")
        m = state.motions[sub.motion]
        if m.pending:
            steps.append(f"{m.id} is before session {m.session} ({m.status})")
        else:
            steps.append(motions.fate(state, m))
        if m.annulled is not None:
            steps.append(f"{m.id} was annulled by {m.annulled.by}")
    else:
        steps.append(f"{name}waits to be moved in session {sub.session}")
    return "; ".join(steps)
