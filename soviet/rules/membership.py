"""Membership: joining and leaving. The council-tree issue adds units, transfers, suspension."""

from __future__ import annotations

from soviet.model.events import MemberJoined, MemberLeft
from soviet.model.state import State
from soviet.rules.refusal import Refusal


def join(state: State, member: str, name: str, unit: str, since: str) -> list[MemberJoined]:
    if not state.founded:
        raise Refusal("membership", "no organisation has been founded in this ledger")
    if member in state.members:
        raise Refusal("membership", f"{member} is already a member "
                      f"(of {state.members[member].unit} since {state.members[member].since})")
    return [MemberJoined(member=member, name=name, unit=unit, since=since)]


def enrol(state: State, rows: list[tuple[str, str, str, str]]) -> list[MemberJoined]:
    """Many members joining in one act (a founding roll, an imported register)."""
    seen: set[str] = set()
    out: list[MemberJoined] = []
    for member, name, unit, since in rows:
        if member in seen:
            raise Refusal("membership", f"{member} appears twice in the roll")
        seen.add(member)
        out += join(state, member, name, unit, since)
    return out


def leave(state: State, member: str, on: str, reason: str = "resigned") -> list[MemberLeft]:
    if member not in state.members:
        raise Refusal("membership", f"{member} is not a member")
    return [MemberLeft(member=member, on=on, reason=reason)]
