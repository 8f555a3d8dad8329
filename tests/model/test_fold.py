"""The fold: events to state, refusals of inconsistent ledgers, and replay to a past moment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from soviet.model import FoldError, Until, fold
from soviet.model.events import EventError, MemberLeft, decode


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


HISTORY = [
    Rec(1, t(1), "organisation.founded", {"name": "Tenants", "charter": {"name": "v1"}}),
    Rec(2, t(2), "member.joined", {"member": "m1", "name": "Ana", "unit": "u1",
                                   "since": "2026-01-02"}),
    Rec(3, t(3), "member.joined", {"member": "m2", "name": "Ben", "unit": "u1",
                                   "since": "2026-01-03"}),
    Rec(4, t(4), "charter.amended", {"charter": {"name": "v2"}, "decision": 3}),
    Rec(5, t(5), "member.left", {"member": "m1", "on": "2026-01-05"}),
]


def test_fold_gives_current_state() -> None:
    s = fold(HISTORY)
    assert (s.seq, s.time, s.name) == (5, t(5), "Tenants")
    assert s.charter == {"name": "v2"}
    assert s.charter_since == 4
    assert sorted(s.members) == ["m2"]


@pytest.mark.parametrize(
    ("until", "members", "charter"),
    [
        (Until(seq=3), ["m1", "m2"], "v1"),
        (Until(time=t(2)), ["m1"], "v1"),
        (Until(time="2026-01-04T23:59:59.999999Z"), ["m1", "m2"], "v2"),
        (Until(seq=1), [], "v1"),
    ],
)
def test_replay_as_of(until: Until, members: list[str], charter: str) -> None:
    s = fold(HISTORY, until)
    assert sorted(s.members) == members
    assert s.charter["name"] == charter


def test_snapshot_is_not_changed_by_later_events() -> None:
    from soviet.model import Replay

    r = Replay().run(HISTORY[:3])
    before = r.state()
    r.run(HISTORY[3:])
    assert sorted(before.members) == ["m1", "m2"]
    with pytest.raises(TypeError):
        before.members["m9"] = before.members["m1"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([HISTORY[1]], "event 2 cannot follow event 0"),
        ([Rec(1, t(1), "member.joined", HISTORY[1].payload)], "must found the organisation"),
        ([HISTORY[0], Rec(2, t(2), "organisation.founded", HISTORY[0].payload)],
         "already founded"),
        ([*HISTORY[:2], Rec(3, t(3), "member.joined", HISTORY[1].payload)],
         "m1 is already a member"),
        ([HISTORY[0], Rec(2, t(2), "member.left", {"member": "x", "on": "2026-01-01"})],
         "x is not a member"),
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
