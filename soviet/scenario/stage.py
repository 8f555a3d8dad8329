"""What an act is played on: the organisation, through its ordinary service. An act decides
with a rule against the state at the ledger's head and records the rule's events, as a user's
command does; the stage adds only what a scenario file needs to name people compactly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from soviet.model.events import DomainEvent, decode
from soviet.model.state import State
from soviet.service import Organisation
from soviet.service.organisation import Decision

ACTOR = "scenario"


class ActFailed(ValueError):
    """An act cannot be put to the rules as written (a name it uses means nothing yet)."""


class Stage:
    """The organisation a scenario plays on, and the rolls its acts joined, in order."""

    def __init__(self, org: Organisation, base: Path) -> None:
        self.org = org
        self.base = base
        self.rolls: dict[str, list[str]] = {}

    def state(self) -> State:
        return self.org.state()

    def decide(self, decision: Decision) -> list[DomainEvent]:
        """Record one rule's decision in its own transaction (a refusal records nothing)."""
        return [decode(e.type, e.payload_json) for e in self.org.execute(decision, ACTOR)]

    def joined(self, unit: str, members: Sequence[tuple[str, str]]) -> None:
        self.rolls.setdefault(unit, []).extend(x for x, _ in members)

    def pick(self, items: Sequence[str | Mapping[str, Any]]) -> list[str]:
        """Member ids as written, with each ``{from, count, skip}`` table replaced by that many
        members of the unit (in the order they joined, still members there), delegates
        sitting in the body (in the order they took their seats) or members of the faction (in
        its order), passing over those the list has named already."""
        out: list[str] = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
                continue
            pool = [x for x in self._pool(item["from"]) if x not in out]
            skip, n = item["skip"], item["count"]
            chosen = pool[skip:] if n is None else pool[skip:skip + n]
            if n is not None and len(chosen) < n:
                raise ActFailed(f"{item['from']} has {len(pool)} to choose from; "
                                f"{item['count']} asked after skipping {item['skip']}")
            out += chosen
        return out

    def _pool(self, body: str) -> list[str]:
        state = self.state()
        b = state.bodies.get(body)
        if b is None and body in state.factions:
            return list(state.factions[body].members)
        if b is None:
            raise ActFailed(f"there is no body or faction {body!r} to choose members from")
        if b.kind == "unit_assembly":
            members = state.members
            return [x for x in self.rolls.get(body, ())
                    if (m := members.get(x)) is not None and m.left is None and m.unit == body]
        return [m.holder for m in sorted(state.sitting(body), key=lambda m: m.granted)]

    def seat(self, holder: str, body: str) -> str:
        """The live delegate mandate ``holder`` has in ``body``, for acts that name a seat by
        who holds it and where."""
        m = self.state().seat_in(holder, body)
        if m is None:
            raise ActFailed(f"{holder} holds no seat in {body}")
        return m.id
