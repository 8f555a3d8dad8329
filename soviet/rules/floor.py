"""The list of speakers: anyone present asks for the floor on an agenda item, for a
contribution, a speech in favour or against, or a point of order, which goes before the rest;
the chair gives the floor in that order, and a speech ends at ``[debate].speaking_time`` for
its kind.
"""

from __future__ import annotations

from soviet.model.events import DomainEvent, FloorRequested, SpeechHeld
from soviet.model.sessions import FloorRequest, Session
from soviet.model.state import State
from soviet.rules.refusal import Refusal, founded
from soviet.rules.sessions import sitting

RULE = "floor"
KINDS = ("contribution", "in_favour", "against", "point_of_order")


def _item(s: Session, item: str) -> None:
    if s.item(item) is None:
        raise Refusal(RULE, f"item {item} is not on the agenda of session {s.id}")


def queue(s: Session) -> list[FloorRequest]:
    """Who speaks next, in order: points of order first, then as asked."""
    return sorted(s.floor, key=lambda r: r.kind != "point_of_order")


def request(state: State, session_id: str, item: str, speaker: str, kind: str
            ) -> list[DomainEvent]:
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    _item(s, item)
    if kind not in KINDS:
        raise Refusal(RULE, f"{kind!r} is not a kind of speech: {', '.join(KINDS)}")
    if speaker not in s.present:
        raise Refusal(RULE, f"{speaker} is not present at session {s.id}")
    if FloorRequest(item, speaker, kind) in s.floor:
        raise Refusal(RULE, f"{speaker} is already on the list for a {kind} on item {item}")
    return [FloorRequested(session=s.id, item=item, speaker=speaker, kind=kind)]


def hold(state: State, session_id: str, item: str, speaker: str, kind: str, seconds: int,
         summary: str = "") -> list[DomainEvent]:
    """Record a speech the chair gave the floor for: it must be the next on the list, and it
    counts no longer than the charter's time for its kind (the chair cut it there)."""
    founded(state, RULE)
    s = sitting(state, session_id, RULE)
    _item(s, item)
    ask = FloorRequest(item, speaker, kind)
    if ask not in s.floor:
        raise Refusal(RULE, f"{speaker} has not asked for a {kind} on item {item}")
    ahead = [r for r in queue(s) if r.item == item]
    if ahead[0] != ask:
        raise Refusal(RULE, f"{ahead[0].speaker} asked first ({ahead[0].kind}"
                      f"{', which goes first' if ahead[0].kind == 'point_of_order' else ''})")
    if seconds < 0:
        raise Refusal(RULE, "a speech cannot last a negative time")
    limit = getattr(state.rules.debate.speaking_time, kind)
    cap = None if limit is None else limit.seconds
    cut = cap is not None and seconds >= cap
    return [SpeechHeld(session=s.id, item=item, speaker=speaker, kind=kind,
                       seconds=min(seconds, cap) if cap is not None else seconds, limit=cap,
                       cut=cut, summary=summary)]
