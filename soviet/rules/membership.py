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


def leave(state: State, member: str, on: str, reason: str = "resigned") -> list[MemberLeft]:
    if member not in state.members:
        raise Refusal("membership", f"{member} is not a member")
    return [MemberLeft(member=member, on=on, reason=reason)]
