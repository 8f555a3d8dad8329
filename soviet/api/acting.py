"""What every act through the API shares: the events it recorded as JSON, the day it is
done on, and the checks, made against the state the rule decides on, that the caller presides
(at a session) or administers (a body, for acts that are no session's business)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, Field

from soviet.api.errors import found
from soviet.api.plain import plain
from soviet.ledger import Event
from soviet.model.events import DomainEvent, SealedBallot, decode
from soviet.model.sessions import Session
from soviet.model.state import State
from soviet.rules.roles import must_administer, must_preside
from soviet.service.organisation import Decision

On = Field(default=None, description="The day, YYYY-MM-DD (today when left out).")


class Recorded(BaseModel):
    """An event a command recorded."""

    seq: int
    type: str
    payload: dict[str, Any]


def recorded(events: list[Event]) -> list[Recorded]:
    return [Recorded(seq=e.seq, type=e.type, payload=plain(decode(e.type, e.payload_json)))
            for e in events]


def recorded_json(events: list[Event]) -> bytes:
    """``recorded(events)`` written as JSON straight from the stored payloads (the canonical
    JSON of the same fields ``plain`` writes), for a route that answers thousands a second."""
    return b"[%s]" % b",".join(
        b'{"seq":%d,"type":%s,"payload":%s}' % (e.seq, json.dumps(e.type).encode(),
                                                 e.payload_json.encode()) for e in events)


def day(on: str | None) -> str:
    """The day an act is done on: ``on`` if it is a date (YYYY-MM-DD), else today."""
    if on is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(on).isoformat()
    except ValueError:
        raise HTTPException(422, f"on: {on!r} is not a day written YYYY-MM-DD") from None


def session_of(state: State, session: str) -> Session:
    return found(state.sessions, session, "session")


def presiding(member: str, session: str, decide: Decision) -> Decision:
    """``decide``, refused unless ``member`` presides at ``session`` in the state it decides
    on (so a chair removed a moment ago cannot act a moment later)."""
    def checked(state: State) -> Sequence[DomainEvent | SealedBallot]:
        must_preside(state, session_of(state, session).body, member, f"session {session}")
        return decide(state)
    return checked


def administering(member: str, body: str | Callable[[State], str], what: str,
                  decide: Decision) -> Decision:
    """``decide``, refused unless ``member`` administers ``body`` (or the body ``body`` finds
    in the state decided on) at that moment: see :func:`soviet.rules.roles.must_administer`."""
    def checked(state: State) -> Sequence[DomainEvent | SealedBallot]:
        must_administer(state, body if isinstance(body, str) else body(state), member, what)
        return decide(state)
    return checked
