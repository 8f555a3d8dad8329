"""The fold: events to state, refusals of inconsistent ledgers, and replay to a past moment."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass, replace
from typing import Any

import pytest

from soviet.model import FoldError, State, Until, fold
from soviet.model.events import EventError, MemberLeft, decode
from tests.conftest import CHARTER_JSON


@dataclass(frozen=True)
class Rec:
    seq: int
    recorded_at: str
    type: str
    payload: dict[str, Any]

    @property
    def payload_json(self) -> str:
        return json.dumps(self.payload)


def t(n: int) -> str:
    return f"2026-01-{n:02d}T12:00:00.000000Z"


V2 = {**CHARTER_JSON, "name": "v2"}
HISTORY = [
    Rec(1, t(1), "organisation.founded", {"name": "Tenants", "charter": CHARTER_JSON}),
    Rec(2, t(2), "members.joined", {"unit": "u1", "members": [["m1", "Ana"]],
                                    "on": "2026-01-02"}),
    Rec(3, t(3), "members.joined", {"unit": "u1", "members": [["m2", "Ben"]],
                                    "on": "2026-01-03"}),
    Rec(4, t(4), "charter.amended", {"charter": V2, "decision": 3}),
    Rec(5, t(5), "member.left", {"member": "m1", "on": "2026-01-05"}),
]
UNIT = Rec(2, t(2), "body.created", {"body": "u1", "name": "Unit 1", "kind": "unit_assembly",
                                     "parent": None, "on": "2026-01-01"})
HISTORY = [HISTORY[0], UNIT, *(replace(r, seq=r.seq + 1) for r in HISTORY[1:])]


def current(state: State) -> list[str]:
    return sorted(m.id for m in state.members.values() if m.left is None)


def test_fold_gives_current_state() -> None:
    s = fold(HISTORY)
    assert (s.seq, s.time, s.name) == (6, t(5), "Tenants")
    assert s.rules.name == "v2"
    assert s.charter_since == 5
    assert current(s) == ["m2"]
    assert s.members["m1"].left == "2026-01-05"
    assert s.unit_sizes["u1"] == 1


@pytest.mark.parametrize(
    ("until", "members", "charter"),
    [
        (Until(seq=4), ["m1", "m2"], CHARTER_JSON["name"]),
        (Until(time=t(2)), ["m1"], CHARTER_JSON["name"]),
        (Until(time="2026-01-04T23:59:59.999999Z"), ["m1", "m2"], "v2"),
        (Until(seq=1), [], CHARTER_JSON["name"]),
    ],
)
def test_replay_as_of(until: Until, members: list[str], charter: str) -> None:
    s = fold(HISTORY, until)
    assert current(s) == members
    assert s.rules.name == charter


def test_a_state_is_a_read_only_view() -> None:
    s = fold(HISTORY)
    with pytest.raises(TypeError):
        s.members["m9"] = s.members["m1"]  # type: ignore[index]
    with pytest.raises(FrozenInstanceError):
        s.seq = 1  # type: ignore[misc]


def test_fold_refuses_an_invalid_charter() -> None:
    bad = Rec(1, t(1), "organisation.founded", {"name": "X", "charter": {"name": "v1"}})
    with pytest.raises(FoldError, match="the charter it records is invalid"):
        fold([bad])


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([HISTORY[1]], "event 2 cannot follow event 0"),
        ([replace(HISTORY[2], seq=1)], "must found the organisation"),
        ([HISTORY[0], replace(HISTORY[0], seq=2)], "already founded"),
        ([*HISTORY[:3], replace(HISTORY[2], seq=4)], "m1 is already a member"),
        ([HISTORY[0], Rec(2, t(2), "member.left", {"member": "x", "on": "2026-01-01"})],
         "x is not a member"),
        ([HISTORY[0], replace(HISTORY[2], seq=2)], "no body 'u1'"),
    ],
)
def test_inconsistent_ledgers_are_refused(events: list[Rec], message: str) -> None:
    with pytest.raises(FoldError, match=message):
        fold(events)


def test_decode_refuses_unknown_types_and_bad_fields() -> None:
    with pytest.raises(EventError, match=r"unknown event type .member\.teleported."):
        decode("member.teleported", "{}")
    with pytest.raises(EventError, match=r"member\.left: Object missing required field .on."):
        decode("member.left", '{"member": "m"}')
    with pytest.raises(EventError, match=r"Expected .str., got .int. - at .\$\.member."):
        decode("member.left", '{"member": 7, "on": "2026-01-01"}')
    with pytest.raises(EventError, match="truncated"):
        decode("member.left", '{"member": ')


def test_decode_ignores_fields_a_later_version_added() -> None:
    e = decode("member.left", '{"member": "m", "on": "2026-01-01", "mood": "sad"}')
    assert e == MemberLeft(member="m", on="2026-01-01")
